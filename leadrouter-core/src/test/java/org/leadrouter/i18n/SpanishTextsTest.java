package org.leadrouter.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every Spanish text reads as Spanish: no common English word slipped in, and no common word written without its
 * accent. The lists hold words that are never Spanish (so "no", "error", "lead" or "email" are not in them) and
 * words that are never right without their accent (so not "esta", "solo" or "que", right both ways).
 */
class SpanishTextsTest {
    private static final Set<String> ENGLISH = Set.of(
            "the", "and", "with", "of", "is", "are", "not", "file", "files", "row", "rows", "has", "have", "was",
            "were", "this", "that", "for", "from", "to", "by", "be", "cannot", "can", "on", "at", "or", "an", "it",
            "its", "which", "when", "will", "would", "should", "please", "drop", "open", "save", "cut", "kept",
            "ignored", "removed", "found", "missing", "empty", "pool", "pools", "advisor", "advisors", "today",
            "day", "days", "name", "phone", "course", "source", "rule", "weight", "tie", "rotation", "cap", "summary",
            "folder", "disk", "full", "waiting", "report", "reports", "calls", "default", "none", "nobody", "every",
            "first", "last", "line", "lines", "value", "values", "column", "columns", "header", "more", "than",
            "before", "after", "again", "later", "until", "only", "also", "out", "goes", "room", "yes");
    /** Status words the report keeps in English (its Status column), shown beside their Spanish name. */
    private static final Set<String> STATUS_WORDS = Set.of("created", "planned", "duplicate", "deferred", "invalid",
            "pending", "error", "dry-run", "apply");
    private static final Set<String> WITHOUT_ACCENT = Set.of(
            "linea", "lineas", "numero", "numeros", "telefono", "telefonos", "direccion", "codigo", "valido",
            "valida", "validos", "validas", "tambien", "despues", "ningun", "algun", "segun", "dia", "dias",
            "todavia", "ademas", "sesion", "informacion", "configuracion", "version", "opcion", "razon", "util",
            "electronico", "maximo", "minimo", "ultimo", "ultima", "pagina", "paginas", "codificacion", "asi", "aqui",
            "facil", "tamano", "ano", "anos", "manana", "espanol", "contrasena", "leido", "leida", "vacio", "vacia",
            "automatico", "automaticamente", "dano", "danado", "danada", "caracter", "comun", "limite",
            "unico", "unica", "rapido", "proximo", "proxima", "metodo", "electronica", "estan", "podria", "habia",
            "seria", "envio", "recibio", "intentelo", "abralo", "abrala", "guardelo", "guardela", "dejelo", "dejela",
            "dejelos", "descomprimalo", "extraigalo", "dividalo", "pidale", "anada", "quitelo", "vuelvalo");
    /** Names of formats that Spanish Excel and LibreOffice show in English, as the team sees them there. */
    private static final List<String> PRODUCT_NAMES = List.of("Open XML");
    /** A pattern's parameters ({0}, {1,number,#}, {0,choice,…|…}) are not words; choice texts are checked too. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\d+(,[a-z]+(,[^{}|]*)?)?\\}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}-]*");

    @Test
    void noSpanishTextHoldsACommonEnglishWord() {
        List<String> slips = new ArrayList<>();
        for (String key : spanishKeys()) {
            for (String word : words(key)) {
                if (ENGLISH.contains(word) && !STATUS_WORDS.contains(word)) {
                    slips.add(key + ": \"" + word + "\" in «" + text(key) + "»");
                }
            }
        }
        assertThat(slips).isEmpty();
    }

    @Test
    void noSpanishTextMissesTheAccentOfACommonWord() {
        List<String> slips = new ArrayList<>();
        for (String key : spanishKeys()) {
            for (String word : words(key)) {
                if (WITHOUT_ACCENT.contains(word)) {
                    slips.add(key + ": \"" + word + "\" in «" + text(key) + "»");
                }
            }
        }
        assertThat(slips).isEmpty();
    }

    @Test
    void theListsCatchWhatTheyAreFor() {
        assertThat(wordsOf("Grupos: default: 4 created; el archivo no tiene linea")).contains("default", "linea");
        assertThat(wordsOf("guardado como «Hoja de cálculo Open XML estricta»; open it")).containsOnlyOnce("open");
        assertThat(wordsOf("{0,choice,1#1 fila|1<{0,number,integer} filas} del {1}")).containsExactly("fila", "filas",
                "del");
    }

    private static Set<String> spanishKeys() {
        Set<String> keys = new TreeSet<>(Messages.of(Language.ES).keys());
        keys.remove("glance.file-name"); // a file name, not a sentence
        return keys;
    }

    private static String text(String key) {
        return Messages.of(Language.ES).pattern(key);
    }

    private static List<String> words(String key) {
        return wordsOf(text(key));
    }

    static List<String> wordsOf(String pattern) {
        String text = pattern.replaceAll("\\{\\d+,choice,", " ").replace('|', ' ').replaceAll("\\d+[#<]", " ");
        Matcher params = PARAMETER.matcher(text);
        text = params.replaceAll(" ");
        // what sits between backquotes or after a dot inside a name (leads_asignados.csv, report.format=xlsx) is
        // a name the team types or sees as it is, not a word of the sentence
        // names of formats as Spanish Excel itself shows them («Hoja de cálculo Open XML estricta») are names too
        for (String name : PRODUCT_NAMES) {
            text = text.replace(name, " ");
        }
        text = text.replaceAll("`[^`]*`", " ").replaceAll("[\\w.-]+\\.[a-z]{2,4}\\b", " ")
                .replaceAll("[a-z]+\\.[a-z.-]+=[^ ]*", " ").replaceAll("[\\w-]*\\.\\w[\\w.-]*", " ");
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
