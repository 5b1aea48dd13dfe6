package org.leadrouter.i18n;

import java.text.MessageFormat;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * What the sales team reads, in their language: each text is a key of the {@code messages_<lang>.properties}
 * bundle of this package, a whole sentence with {@link MessageFormat} parameters ({@code {0}}, plurals by
 * {@code choice}), never assembled from pieces. A key missing from a bundle is a bug, found by the tests.
 */
public final class Messages {
    static final String BUNDLE = "org.leadrouter.i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Messages current = new Messages(Language.ES);

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language) {
        this.language = Objects.requireNonNull(language, "language == null");
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), Messages.class.getClassLoader(), NO_FALLBACK);
    }

    /** The texts of {@code language}. */
    public static Messages of(Language language) {
        Messages m = current;
        return m.language == language ? m : new Messages(language);
    }

    /**
     * The language set for this process by {@code language=es|en} (Spanish until set): the texts of a file's
     * report, its {@code .error.txt} and the command's summary all follow it.
     */
    public static Messages current() {
        return current;
    }

    /** Sets the process's language, once the settings are read. */
    public static void use(Language language) {
        if (current.language != language) {
            current = new Messages(language);
        }
    }

    /** Shorthand for {@code current().text(key, args)}. */
    public static String t(String key, Object... args) {
        return current.text(key, args);
    }

    public Language language() {
        return language;
    }

    /** The text of {@code key} with its parameters filled in, formatted for the language (numbers, dates). */
    public String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    /** Whether this language has a text for {@code key} (for keys built from a value, such as a column's name). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The pattern of {@code key} as written in the bundle, parameters unfilled. */
    String pattern(String key) {
        return bundle.getString(key);
    }

    /** Every key of this language's bundle. */
    Set<String> keys() {
        return bundle.keySet();
    }
}
