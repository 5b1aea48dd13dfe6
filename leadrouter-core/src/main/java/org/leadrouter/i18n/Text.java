package org.leadrouter.i18n;

import java.util.Arrays;
import java.util.Objects;

/**
 * A text for the sales team not yet put into words: a message key and its parameters. Rendered in the team's
 * language for what they read, and in English for the log ({@link #english()}). A parameter that is itself a
 * {@code Text} is rendered in the same language.
 */
public record Text(String key, Object... args) {

    public Text {
        Objects.requireNonNull(key, "key == null");
        args = args == null ? new Object[0] : args.clone();
    }

    /** In {@code messages}' language. */
    public String in(Messages messages) {
        Object[] rendered = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            rendered[i] = args[i] instanceof Text t ? t.in(messages) : args[i];
        }
        return messages.text(key, rendered);
    }

    /** In the language set for the process. */
    public String localized() {
        return in(Messages.current());
    }

    /** In English, for logs. */
    public String english() {
        return in(Messages.of(Language.EN));
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && key.equals(t.key) && Arrays.equals(args, t.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }
}
