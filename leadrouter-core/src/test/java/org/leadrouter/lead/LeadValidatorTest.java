package org.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows become leads or are rejected with a plain reason; every change made for the CRM is noted. */
class LeadValidatorTest {

    private final LeadValidator validator = new LeadValidator(new PhoneNormaliser("ES"));

    private static RawLead raw(String name, String email, String phone) {
        return new RawLead(2, name, email, phone, "Salud", "28/07/2025", "Portales", List.of());
    }

    private Lead valid(RawLead raw) {
        Validation result = validator.validate(raw);
        assertThat(result).isInstanceOf(Validation.Valid.class);
        return ((Validation.Valid) result).lead();
    }

    private String invalid(RawLead raw) {
        Validation result = validator.validate(raw);
        assertThat(result).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) result).reason();
    }

    @Test
    void goodRowBecomesANormalisedLead() {
        Lead lead = valid(new RawLead(2, "Juan Pérez", "MAILTO:Juan.Perez@Ejemplo.com", "+34 600 12 34 56", "Salud",
                "28/07/2025", "Portales", List.of("a repair made while reading")));
        assertThat(lead.firstname()).isEqualTo("Juan");
        assertThat(lead.lastname()).isEqualTo("Pérez");
        assertThat(lead.email()).isEqualTo("juan.perez@ejemplo.com");
        assertThat(lead.phone()).isEqualTo("+34600123456");
        assertThat(lead.course()).isEqualTo("Salud");
        assertThat(lead.entryDate()).isEqualTo("2025-07-28");
        assertThat(lead.source()).isEqualTo("Portales");
        assertThat(lead.notes()).containsExactly("a repair made while reading");
    }

    @Test
    void missingNameIsInvalid() {
        assertThat(invalid(raw("", "juan@ejemplo.com", "600123456"))).isEqualTo("no name");
    }

    @Test
    void nameOfOnlyEmojiIsInvalid() {
        assertThat(invalid(raw("😀😀", "juan@ejemplo.com", "600123456"))).isEqualTo("no name");
    }

    @Test
    void neitherEmailNorPhoneValidNamesBothProblems() {
        assertThat(invalid(raw("Juan", "juan@", "12")))
                .isEqualTo("no valid email or phone: email 'juan@' is not an address; phone '12' is not a valid number");
    }

    @Test
    void neitherEmailNorPhonePresentSaysTheyAreEmpty() {
        assertThat(invalid(raw("Juan", "", ""))).isEqualTo("no valid email or phone: email is empty; phone is empty");
    }

    @Test
    void phoneWithLettersAndOverlongEmailAreExplained() {
        String longEmail = "a".repeat(95) + "@ejemplo.com";
        assertThat(invalid(raw("Juan", longEmail, "600-FLOWERS"))).isEqualTo("no valid email or phone: email '"
                + longEmail + "' is longer than 100 characters (CRM limit); phone '600-FLOWERS' contains letters");
    }

    @Test
    void invalidEmailWithValidPhoneIsValidWithANote() {
        Lead lead = valid(raw("Juan", "juan@", "600123456"));
        assertThat(lead.email()).isEmpty();
        assertThat(lead.phone()).isEqualTo("+34600123456");
        assertThat(lead.notes()).containsExactly("email 'juan@' ignored: not a valid address");
    }

    @Test
    void invalidPhoneWithValidEmailIsValidWithANote() {
        Lead lead = valid(raw("Juan", "juan@ejemplo.com", "12"));
        assertThat(lead.phone()).isEmpty();
        assertThat(lead.notes()).containsExactly("phone '12' ignored: not a valid number");
    }

    @Test
    void emojiAreRemovedFromNameCourseAndSourceWithNotes() {
        Lead lead = valid(new RawLead(2, "Ana 😀 Gómez", "ana@ejemplo.com", "", "Salud 👩‍⚕️", "", "Instagram 📸",
                List.of()));
        assertThat(lead.firstname()).isEqualTo("Ana");
        assertThat(lead.lastname()).isEqualTo("Gómez");
        assertThat(lead.course()).isEqualTo("Salud");
        assertThat(lead.source()).isEqualTo("Instagram");
        assertThat(lead.notes()).containsExactly(
                "name: removed emoji or symbols the CRM cannot store ('Ana 😀 Gómez' became 'Ana Gómez')",
                "course: removed emoji or symbols the CRM cannot store ('Salud 👩‍⚕️' became 'Salud')",
                "source: removed emoji or symbols the CRM cannot store ('Instagram 📸' became 'Instagram')");
    }

    @Test
    void bmpSymbolsTheCrmCanStoreAreKept() {
        Lead lead = valid(new RawLead(2, "Ana Gómez", "ana@ejemplo.com", "", "Salud ★ ✓", "", "", List.of()));
        assertThat(lead.course()).isEqualTo("Salud ★ ✓");
        assertThat(lead.notes()).isEmpty();
    }

    @Test
    void longNamesOfOneWordAreCutToTheCrmColumnsWithNotes() {
        String first = "Maximiliano" + "x".repeat(35);
        String last = "Y".repeat(90);
        Lead lead = valid(raw(first + " " + last, "a@ejemplo.com", ""));
        assertThat(lead.firstname()).hasSize(40).isEqualTo(first.substring(0, 40));
        assertThat(lead.lastname()).hasSize(80);
        assertThat(lead.notes()).containsExactly(
                "first name cut to 40 characters (CRM limit): '" + first + "' became '" + first.substring(0, 40) + "'",
                "last name cut to 80 characters (CRM limit): '" + last + "' became '" + "Y".repeat(80) + "'");
    }

    @Test
    void controlCharactersAreRemovedAndLineBreaksBecomeSpaces() {
        Lead lead = valid(new RawLead(2, "Juan\u0007 Pérez", "a@ejemplo.com", "", "Curso\nde\tSalud", "", "", List.of()));
        assertThat(lead.lastname()).isEqualTo("Pérez");
        assertThat(lead.course()).isEqualTo("Curso de Salud");
        assertThat(lead.notes()).containsExactly("name: removed invisible control characters",
                "course: tabs or line breaks replaced by spaces");
    }

    @Test
    void replacementCharacterIsReported() {
        Lead lead = valid(raw("Juan P\uFFFDrez", "a@ejemplo.com", ""));
        assertThat(lead.lastname()).isEqualTo("P\uFFFDrez");
        assertThat(lead.notes()).singleElement().asString().contains("unreadable characters");
    }

    @Test
    void unreadableDateIsKeptAsWrittenWithANote() {
        Lead lead = valid(new RawLead(2, "Juan", "a@ejemplo.com", "", "", "ayer", "", List.of()));
        assertThat(lead.entryDate()).isEqualTo("ayer");
        assertThat(lead.notes()).containsExactly("entry date 'ayer' is not a day/month/year date; kept as written");
    }

    @Test
    void singleWordNameGoesToLastName() {
        Lead lead = valid(raw("Madonna", "a@ejemplo.com", ""));
        assertThat(lead.firstname()).isEmpty();
        assertThat(lead.lastname()).isEqualTo("Madonna");
    }

    @Test
    void apostropheEmailStaysValid() {
        assertThat(valid(raw("Seán O'Brien", "O'Brien@Example.com", "")).email()).isEqualTo("o'brien@example.com");
    }

    @Test
    void doubleQuotesInANameAreKeptWithTheNicknameInTheFirstName() {
        Lead lead = valid(raw("Ana \"La Jefa\" Gómez", "ana@ejemplo.com", ""));
        assertThat(lead.firstname()).isEqualTo("Ana \"La Jefa\"");
        assertThat(lead.lastname()).isEqualTo("Gómez");
        assertThat(lead.notes()).isEmpty();
    }

    @Test
    void backslashesAreKeptAsWritten() {
        Lead lead = valid(new RawLead(2, "Ana\\Gómez Ruiz", "ana@ejemplo.com", "", "C:\\temp", "", "Web\\", List.of()));
        assertThat(lead.firstname()).isEqualTo("Ana\\Gómez");
        assertThat(lead.lastname()).isEqualTo("Ruiz");
        assertThat(lead.course()).isEqualTo("C:\\temp");
        assertThat(lead.source()).isEqualTo("Web\\");
        assertThat(lead.notes()).isEmpty();
    }

    @Test
    void zeroWidthSpacesAndBomsInsideValuesAreRemovedWithANote() {
        Lead lead = valid(raw("Ana\u200B G\uFEFFómez", "ana\u200B@ejemplo.com", "600\u200B123\uFEFF456"));
        assertThat(lead.lastname()).isEqualTo("Gómez");
        assertThat(lead.email()).isEqualTo("ana@ejemplo.com");
        assertThat(lead.phone()).isEqualTo("+34600123456");
        assertThat(lead.notes()).containsExactly(
                "name: removed invisible characters (such as zero-width spaces)",
                "email: removed invisible characters (such as zero-width spaces)",
                "phone: removed invisible characters (such as zero-width spaces)");
    }

    @Test
    void aTabInsideAValueIsReplacedWithANote() {
        Lead lead = valid(new RawLead(2, "Ana\tGómez", "ana@ejemplo.com", "", "Salud", "", "", List.of()));
        assertThat(lead.firstname()).isEqualTo("Ana");
        assertThat(lead.lastname()).isEqualTo("Gómez");
        assertThat(lead.notes()).containsExactly("name: tabs or line breaks replaced by spaces");
    }

    @Test
    void aLongNameIsSplitSoThatNothingIsLostWhenItFits() {
        String full = "Ana Belén María Dolores Inmaculada Concepción Esperanza Fernández López";
        Lead lead = valid(raw(full, "ana@ejemplo.com", ""));
        assertThat(lead.firstname()).hasSizeLessThanOrEqualTo(40).isEqualTo("Ana Belén María Dolores Inmaculada");
        assertThat(lead.lastname()).isEqualTo("Concepción Esperanza Fernández López");
        assertThat(lead.firstname() + " " + lead.lastname()).isEqualTo(full);
        assertThat(lead.notes()).isEmpty();
    }

    @Test
    void aNameTooLongForBothFieldsIsCutWithANote() {
        String full = ("Palabra ".repeat(20)).trim() + " García López";
        Lead lead = valid(raw(full, "ana@ejemplo.com", ""));
        assertThat(lead.firstname().length()).isLessThanOrEqualTo(40);
        assertThat(lead.lastname().length()).isLessThanOrEqualTo(80);
        assertThat(lead.lastname()).endsWith("García López");
        assertThat(lead.notes()).singleElement().asString().startsWith("first name cut to 40 characters");
    }

    @Test
    void aNameTooLongForTheCrmKeepsItsSurnamesAndWholeWords() {
        String full = "María José Antonia Francisca Guadalupe Remedios Inmaculada Concepción Pilar Rocío Dolores"
                + " Esperanza Milagros Montserrat Fernández-Villaverde Martínez de Irujo";
        Lead lead = valid(raw(full, "maria@ejemplo.com", ""));
        assertThat(lead.firstname()).isEqualTo("María José Antonia Francisca Guadalupe");
        assertThat(lead.lastname()).endsWith(" Fernández-Villaverde Martínez de Irujo").hasSizeLessThanOrEqualTo(80);
        assertThat(full).contains(lead.lastname());
        assertThat(lead.notes()).singleElement().asString().startsWith("first name cut to 40 characters (CRM limit):")
                .endsWith("became 'María José Antonia Francisca Guadalupe'");
    }

    @Test
    void theNamesLeftOutOfALongNameAreMiddleOnesNeverTheLastSurname() {
        String surnames = "Hohenzollern-Sigmaringen Wittelsbach-Habsburgo Fernández-Villaverde Martínez-de-Irujo"
                + " Álvarez-de-Toledo";
        Lead lead = valid(raw("María José Antonia Francisca Guadalupe " + surnames, "ana@ejemplo.com", ""));
        assertThat(lead.firstname()).isEqualTo("María José Antonia Francisca Guadalupe");
        assertThat(lead.lastname()).isEqualTo("Wittelsbach-Habsburgo Fernández-Villaverde Martínez-de-Irujo"
                + " Álvarez-de-Toledo");
        assertThat(lead.notes()).singleElement().asString().startsWith("first name cut to 40 characters (CRM limit):");
    }

    @Test
    void emailLongerThanTheCrmColumnIsIgnoredWhenThePhoneIsGood() {
        String longEmail = "a".repeat(95) + "@ejemplo.com";
        Lead lead = valid(raw("Juan", longEmail, "600123456"));
        assertThat(lead.email()).isEmpty();
        assertThat(lead.notes()).containsExactly("email '" + longEmail
                + "' ignored: longer than 100 characters (CRM limit)");
    }

    @Test
    void phoneWithExtensionKeepsTheMainLine() {
        assertThat(valid(raw("Juan", "", "+34 600 12 34 56 ext. 12")).phone()).isEqualTo("+34600123456");
    }

    @Test
    void garbledAccentsMakeTheRowInvalidSoNoMojibakeReachesTheCrm() {
        assertThat(invalid(raw("José PÃ©rez", "jose@ejemplo.com", ""))).isEqualTo("name 'José PÃ©rez' has garbled "
                + "accents (the file was saved with the wrong character encoding): save it as CSV UTF-8 and drop "
                + "it again");
        assertThat(invalid(new RawLead(2, "Ana", "ana@ejemplo.com", "", "Curso 300 â€", "", "", List.of())))
                .startsWith("course 'Curso 300 â€' has garbled accents");
    }

    @Test
    void portugueseTildesAreNotGarbled() {
        assertThat(valid(raw("JOÃO CONCEIÇÃO", "joao@ejemplo.com", "")).lastname()).isEqualTo("CONCEIÇÃO");
    }
}
