package org.leadrouter.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the sales team can read leadrouter in ({@code language=es|en}); Spanish by default. */
public enum Language {
    ES(Locale.forLanguageTag("es-ES")),
    EN(Locale.forLanguageTag("en-GB"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of a setting's value ({@code es}, {@code en}, any case), if it is one. */
    public static Optional<Language> of(String value) {
        for (Language l : values()) {
            if (l.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
