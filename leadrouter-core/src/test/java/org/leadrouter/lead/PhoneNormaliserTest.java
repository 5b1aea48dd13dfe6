package org.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone numbers typed any way, in files or in the CRM, come out as the same E.164 number. */
class PhoneNormaliserTest {

    private final PhoneNormaliser phones = new PhoneNormaliser("ES");

    @ParameterizedTest
    @ValueSource(strings = {"600123456", "+34 600 12 34 56", "0034-600-123-456", "(+34) 600.12.34.56",
            "34600123456", "+34600123456", "600 123 456", "\u00A0600\u00A0123\u00A0456 ", "+34-600-123-456",
            "'+34600123456"})
    void everySpanishFormatGivesTheSameE164(String raw) {
        assertThat(phones.toE164(raw)).contains("+34600123456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+34 600 11 22 33", "600-112-233", "0034600112233", "600112233"})
    void crmNumbersTypedAnyWayCompareEqual(String raw) {
        assertThat(phones.toE164(raw)).contains("+34600112233");
    }

    @ParameterizedTest
    @ValueSource(strings = {"600123456 ext. 12", "600123456 ext 12", "600123456 x12", "600 123 456 extensión 3",
            "600123456#12"})
    void extensionIsDropped(String raw) {
        assertThat(phones.toE164(raw)).contains("+34600123456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"600-FLOWERS", "6OO123456", "call me", "600123456 mañanas"})
    void lettersMakeTheNumberInvalid(String raw) {
        assertThat(phones.toE164(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "12", "123456789012345678", "000000000", "+34 500 000 000"})
    void impossibleNumbersAreRefused(String raw) {
        assertThat(phones.toE164(raw)).isEmpty();
    }

    @Test
    void nullIsRefused() {
        assertThat(phones.toE164(null)).isEmpty();
    }

    @Test
    void landlineIsValid() {
        assertThat(phones.toE164("91 123 45 67")).contains("+34911234567");
    }

    @Test
    void foreignNumberWithItsPrefixKeepsItsCountry() {
        assertThat(phones.toE164("+44 20 7946 0958")).contains("+442079460958");
    }

    @Test
    void unknownRegionIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new PhoneNormaliser("XX")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200E+34 600 12 34 56\u200F", "600\u200B123\u200B456", "\uFEFF600123456",
            "600\u00AD123\u00AD456", "600\u2060123456"})
    void invisibleCharactersInsideAreIgnored(String raw) {
        assertThat(phones.toE164(raw)).contains("+34600123456");
    }
}
