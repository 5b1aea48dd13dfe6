package org.leadrouter.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a phone number typed any way into E.164, so that numbers from files and from the CRM compare equal.
 *
 * <p>Numbers without an international prefix are read in the default region. Because Spanish numbers have nine
 * digits, "34600123456" is unambiguous and is read as +34 600 123 456 (libphonenumber strips a leading country
 * code when the rest is a valid national number).
 */
public final class PhoneNormaliser {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    // An extension at the end ("ext. 12", "x12", "extensión 3", "#12"): dropped, the CRM dials the main line.
    private static final Pattern EXTENSION = Pattern.compile(
            "[\\s,;]*(?:ext(?:ension|ensión)?\\.?|extn\\.?|anexo|x|#)\\s*[:.]?\\s*\\d{1,7}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final int MAX_INPUT = 64;

    private final String defaultRegion;

    public PhoneNormaliser(String defaultRegion) {
        Objects.requireNonNull(defaultRegion, "defaultRegion == null");
        String region = defaultRegion.toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("unknown phone region: " + defaultRegion);
        }
        this.defaultRegion = region;
    }

    /** The number in E.164 ("+34600123456"), or empty when it is not a valid number. */
    public Optional<String> toE164(String raw) {
        String value = Texts.collapse(Texts.withoutInvisibles(raw));
        if (value.isEmpty() || value.length() > MAX_INPUT) {
            return Optional.empty();
        }
        value = EXTENSION.matcher(value).replaceFirst("");
        // libphonenumber would translate vanity letters into digits; a lead's phone with letters is a typo
        if (LETTER.matcher(value).find()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(value, defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** True when the value holds letters, which is reported differently from a wrong number. */
    static boolean hasLetters(String raw) {
        return LETTER.matcher(EXTENSION.matcher(Texts.collapse(Texts.withoutInvisibles(raw))).replaceFirst(""))
                .find();
    }
}
