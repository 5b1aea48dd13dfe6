package org.leadrouter.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadrouter.i18n.Language;
import org.leadrouter.i18n.Messages;
import org.leadrouter.lead.PhoneNormaliser;

/** Duplicate decisions: CRM matches first, then earlier rows of the same file; phones match however typed. */
class DuplicateDetectorTest {
    private final PhoneNormaliser phones = new PhoneNormaliser("ES");

    @Test
    void phoneKeyIgnoresHowTheNumberWasTyped() {
        ContactKey expected = ContactKey.phone("600112233", phones).orElseThrow();
        for (String typed : List.of("+34 600 11 22 33", "600-112-233", "0034600112233", "600 11 22 33")) {
            assertThat(ContactKey.phone(typed, phones)).as(typed).contains(expected);
        }
    }

    @Test
    void emailKeyIgnoresCaseAndSpaces() {
        assertThat(ContactKey.email(" Carlos.Ruiz@Example.com ")).isEqualTo(ContactKey.email("carlos.ruiz@example.com"));
    }

    @Test
    void crmMatchNamesModuleRecordAndField() {
        ContactKey email = ContactKey.email("ana@example.com").orElseThrow();
        DuplicateDetector detector = new DuplicateDetector(Map.of(email, List.of(new CrmRecordRef("Contacts", "12x7", "secondaryemail"))));
        assertThat(detector.check(2, List.of(email))).contains("same email as Contacts 12x7 (secondaryemail)");
    }

    @Test
    void crmMatchNamesTheRecordInSpanishWords() {
        ContactKey email = ContactKey.email("ana@example.com").orElseThrow();
        ContactKey phone = ContactKey.phone("600112233", phones).orElseThrow();
        DuplicateDetector detector = new DuplicateDetector(Map.of(
                email, List.of(new CrmRecordRef("Contacts", "12x7", "secondaryemail")),
                phone, List.of(new CrmRecordRef("Leads", "10x9", "mobile"))));
        Messages.use(Language.ES);
        try {
            assertThat(detector.check(2, List.of(email)))
                    .contains("mismo email que el contacto 12x7 (campo Email secundario)");
            assertThat(detector.check(3, List.of(phone))).contains("mismo teléfono que el lead 10x9 (campo Móvil)");
        } finally {
            Messages.use(Language.EN);
        }
    }

    @Test
    void laterRowOfTheSameFileIsADuplicateOfTheEarlierOne() {
        DuplicateDetector detector = new DuplicateDetector(Map.of());
        ContactKey phone = ContactKey.phone("633445566", phones).orElseThrow();
        assertThat(detector.check(2, List.of(ContactKey.email("a@b.es").orElseThrow(), phone))).isEmpty();
        assertThat(detector.check(5, List.of(ContactKey.phone("+34 633 44 55 66", phones).orElseThrow())))
                .contains("same phone as row 2 of this file");
    }

    @Test
    void oddPhonesStillMatchByDigits() {
        assertThat(ContactKey.phone("ext 12345678", phones)).isEqualTo(ContactKey.phone("12345678", phones));
        assertThat(ContactKey.phone("12", phones)).isEmpty();
    }
}
