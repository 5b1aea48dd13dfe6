package org.leadrouter.lead;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Cleans an e-mail address as typed in a spreadsheet and accepts it only if it has a practical address syntax. */
public final class EmailNormaliser {

    /** Length of VTiger's email column; a longer value would be cut and become a different address. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern MAILTO = Pattern.compile("^mailto:", Pattern.CASE_INSENSITIVE);

    // Dot-atom local part (RFC 5322 atext, no leading, trailing or double dots) and a domain of at least two
    // labels; domain labels may hold any letter so that internationalised domains typed natively pass.
    private static final String ATEXT = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    private static final Pattern ADDRESS = Pattern.compile(
            ATEXT + "(?:\\." + ATEXT + ")*@(?:" + LABEL + "\\.)+" + LABEL);
    private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+");

    private EmailNormaliser() {
    }

    /**
     * The address trimmed, without invisible characters (zero-width spaces, BOMs, direction marks pasted from web
     * pages) and "mailto:", lower-cased; empty when it is not a usable address. A visible space inside makes it
     * unusable.
     */
    public static Optional<String> normalise(String raw) {
        String value = Texts.strip(Texts.withoutInvisibles(raw));
        value = Texts.strip(MAILTO.matcher(value).replaceFirst(""));
        value = value.toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.length() > MAX_LENGTH || !ADDRESS.matcher(value).matches()) {
            return Optional.empty();
        }
        String topLevel = value.substring(value.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(topLevel).matches()) {
            return Optional.empty(); // an IP-like domain is a typo far more often than a real mailbox
        }
        return Optional.of(value);
    }
}
