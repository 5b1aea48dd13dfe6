package org.leadrouter.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.leadrouter.batch.Mode;
import org.leadrouter.batch.RowStatus;

/** Both languages have every message, every message the code asks for exists, and every pattern is well formed. */
class MessagesTest {
    /** Keys written out in the code: Messages.t("…"), text("…"), new Text("…"). */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:Messages\\.t|\\.text|new Text)\\(\\s*\"([a-z][a-z0-9.-]*)\"");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void spanishAndEnglishHaveTheSameKeys() {
        Set<String> es = new TreeSet<>(Messages.of(Language.ES).keys());
        Set<String> en = new TreeSet<>(Messages.of(Language.EN).keys());

        assertThat(difference(es, en)).as("keys in Spanish but missing in English").isEmpty();
        assertThat(difference(en, es)).as("keys in English but missing in Spanish").isEmpty();
        assertThat(es).hasSizeGreaterThan(150);
    }

    @Test
    void everyKeyTheCodeUsesExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        // the bundles live in the core, the keys are used in every module of the reactor (tests run in the module)
        try (Stream<Path> sources = Files.walk(Path.of(".."))
                .filter(p -> p.toString().contains("/src/main/java/"))) {
            for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) { // a prefix completed at run time: its keys are listed below
                        used.add(m.group(1));
                    }
                }
            }
        }
        // keys the code builds from a value
        for (RowStatus s : RowStatus.values()) {
            used.add("summary.status." + s.label());
            used.add("summary.pool." + s.label());
        }
        for (Mode mode : Mode.values()) {
            used.add("summary.mode." + mode.label());
        }
        for (String s : new String[] {"created", "planned", "duplicate", "deferred", "invalid", "error"}) {
            used.add("glance.status." + s);
        }
        for (String f : new String[] {"name", "course", "source", "entry-date", "first-name", "last-name", "email",
                "phone", "description"}) {
            used.add("field." + f);
        }
        for (org.leadrouter.failure.Failure.Kind kind : org.leadrouter.failure.Failure.Kind.values()) {
            used.add("glance.inbox.why." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        used.add("glance.inbox.why.unknown");
        used.add("key.email");
        used.add("key.phone");
        for (String k : new String[] {"unknown", "reachable", "unreachable", "login-refused"}) {
            used.add("glance.vtiger." + k);
        }

        assertThat(used).hasSizeGreaterThan(100);
        for (Language language : Language.values()) {
            assertThat(difference(used, Messages.of(language).keys())).as("keys used but missing in " + language)
                    .isEmpty();
        }
    }

    @Test
    void everyPatternIsWellFormedAndHasNoLoneApostrophe() {
        for (Language language : Language.values()) {
            Messages m = Messages.of(language);
            for (String key : m.keys()) {
                String pattern = java.util.ResourceBundle.getBundle(Messages.BUNDLE, language.locale(),
                        java.util.ResourceBundle.Control.getNoFallbackControl(
                                java.util.ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
                assertThat(LONE_APOSTROPHE.matcher(pattern).find())
                        .as(language + " " + key + ": a lone ' quotes the rest of the text; write ''").isFalse();
                new MessageFormat(pattern, language.locale()); // throws on a malformed pattern
            }
        }
    }

    @Test
    void parametersAndPluralsComeOutInEachLanguage() {
        assertThat(Messages.of(Language.ES).text("warning.unnamed-column", "C", 1))
                .startsWith("la columna C no tiene nombre").contains("(en 1 fila)");
        assertThat(Messages.of(Language.ES).text("warning.unnamed-column", "C", 1200)).contains("(en 1.200 filas)");
        assertThat(Messages.of(Language.EN).text("warning.unnamed-column", "C", 1200)).contains("(in 1,200 rows)");
        assertThat(Messages.of(Language.EN).text("size.unit", 3.4, "KB")).isEqualTo("3.4 KB");
        assertThat(Messages.of(Language.ES).text("size.unit", 3.4, "KB")).isEqualTo("3,4 KB");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
