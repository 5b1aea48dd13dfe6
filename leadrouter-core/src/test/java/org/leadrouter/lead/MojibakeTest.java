package org.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UTF-8 read as Windows-1252 is recognised and decoded back; genuine text is left alone. */
class MojibakeTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static String garble(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), WINDOWS_1252);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pérez", "Ibáñez", "Peluquería", "Informática", "Núñez Müller", "300 €", "“hola“ — adiós",
            "¿Qué? ¡Sí!", "Ñandú", "Çà et là", "Marketing™"})
    void garbledTextIsRepaired(String text) {
        String garbled = garble(text);
        assertThat(garbled).isNotEqualTo(text);
        assertThat(Mojibake.looksGarbled(garbled)).isTrue();
        assertThat(Mojibake.repair(garbled)).isEqualTo(text);
    }

    @Test
    void textGarbledTwiceIsRepaired() {
        assertThat(Mojibake.repair(garble(garble("María Núñez")))).isEqualTo("María Núñez");
    }

    @ParameterizedTest
    @ValueSource(strings = {"José Pérez", "JOSÉ\u00A0PÉREZ", "JOÃO", "SÃO PAULO", "Ñº", "plain", "", "Å",
            "Curso 300 €", "â€‹x"})
    void genuineTextIsLeftAlone(String text) {
        if (text.startsWith("â€‹")) { // "â€‹" is a zero-width space garbled: repaired, the x stays
            assertThat(Mojibake.repair(text)).isEqualTo("\u200Bx");
            return;
        }
        assertThat(Mojibake.looksGarbled(text)).isFalse();
        assertThat(Mojibake.repair(text)).isSameAs(text);
    }

    @Test
    void remainsOfLostBytesAreGarbledButNotRepairable() {
        assertThat(Mojibake.looksGarbled("Curso 300 â€")).isTrue();
        assertThat(Mojibake.looksGarbled("PÃ?rez")).isTrue();
        assertThat(Mojibake.looksGarbled("P\u00C3\uFFFDrez")).isTrue();
        // ” is E2 80 9D and 9D has no Windows-1252 character: the byte is lost, nothing is guessed
        String closingQuote = garble("”");
        assertThat(Mojibake.looksGarbled(closingQuote)).isTrue();
        assertThat(Mojibake.repair(closingQuote)).isEqualTo(closingQuote);
    }
}
