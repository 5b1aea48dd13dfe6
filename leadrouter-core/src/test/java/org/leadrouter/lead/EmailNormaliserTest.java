package org.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** E-mail addresses as typed in spreadsheets: cleaned when usable, refused when not. */
class EmailNormaliserTest {

    @Test
    void apostropheInLocalPartIsValid() {
        assertThat(EmailNormaliser.normalise("o'brien@example.com")).contains("o'brien@example.com");
    }

    @Test
    void mailtoPrefixInAnyCaseIsStripped() {
        assertThat(EmailNormaliser.normalise("mailto:juan@ejemplo.com")).contains("juan@ejemplo.com");
        assertThat(EmailNormaliser.normalise("MailTo:juan@ejemplo.com")).contains("juan@ejemplo.com");
    }

    @Test
    void upperCaseIsLowered() {
        assertThat(EmailNormaliser.normalise("Juan.PEREZ@Ejemplo.COM")).contains("juan.perez@ejemplo.com");
    }

    @Test
    void nonBreakingAndOrdinarySpacesAroundAreTrimmed() {
        assertThat(EmailNormaliser.normalise("\u00A0 juan@ejemplo.com\u00A0\t")).contains("juan@ejemplo.com");
    }

    @Test
    void plusTagsAndSubdomainsAreValid() {
        assertThat(EmailNormaliser.normalise("ana+leads@mail.ejemplo.co.uk")).contains("ana+leads@mail.ejemplo.co.uk");
    }

    @Test
    void internationalisedDomainIsValid() {
        assertThat(EmailNormaliser.normalise("pepe@españa.es")).contains("pepe@españa.es");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "juan@", "@ejemplo.com", "juan", "juan@ejemplo", "juan@@ejemplo.com",
            "ju an@ejemplo.com", "juan@ejemplo..com", ".juan@ejemplo.com", "juan.@ejemplo.com", "juan..p@ejemplo.com",
            "juan@-ejemplo.com", "juan@ejemplo.com.", "juan@1.2.3.4", "a@b.com; c@d.com", "juan@ejemplo.com😀"})
    void malformedAddressesAreRefused(String raw) {
        assertThat(EmailNormaliser.normalise(raw)).isEmpty();
    }

    @Test
    void nullIsRefused() {
        assertThat(EmailNormaliser.normalise(null)).isEmpty();
    }

    @Test
    void addressLongerThanTheCrmColumnIsRefused() {
        String hundred = "a".repeat(88) + "@ejemplo.com";
        assertThat(hundred).hasSize(100);
        assertThat(EmailNormaliser.normalise(hundred)).contains(hundred);
        assertThat(EmailNormaliser.normalise("a" + hundred)).isEmpty();
    }

    @Test
    void invisibleCharactersPastedFromWebPagesAreRemovedInside() {
        assertThat(EmailNormaliser.normalise("\uFEFFana\u200B@ejemplo\u200E.com\u00AD")).contains("ana@ejemplo.com");
        assertThat(EmailNormaliser.normalise("mailto:\u200Bo'brien@example.com")).contains("o'brien@example.com");
    }

    @Test
    void mailtoWithSpacesAfterItIsStripped() {
        assertThat(EmailNormaliser.normalise(" MAILTO:  Ana@Ejemplo.com ")).contains("ana@ejemplo.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana\u00A0g@ejemplo.com", "\"ana\"@ejemplo.com", "ana\\g@ejemplo.com",
            "ana@ejemplo.com\nluis@ejemplo.com"})
    void visibleSpacesQuotesBackslashesAndLineBreaksInsideAreRefused(String raw) {
        assertThat(EmailNormaliser.normalise(raw)).isEmpty();
    }
}
