package org.leadrouter.dedupe;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.leadrouter.lead.PhoneNormaliser;

/**
 * What identifies a person for duplicate checks: an email (lower-case) or a phone (E.164 digits, whatever way it
 * was typed). Phones that are not valid numbers fall back to their digits, so two identical odd values still match.
 */
public record ContactKey(Kind kind, String value) {
    private static final int MIN_PHONE_DIGITS = 6;

    public enum Kind { EMAIL, PHONE }

    public ContactKey {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(value, "value == null");
    }

    /** The key of an email as stored anywhere (file or CRM). */
    public static Optional<ContactKey> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        return value.contains("@") ? Optional.of(new ContactKey(Kind.EMAIL, value)) : Optional.empty();
    }

    /** The key of a phone as stored anywhere (file or CRM), typed in any format. */
    public static Optional<ContactKey> phone(String raw, PhoneNormaliser phones) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Optional<String> e164 = phones.toE164(raw);
        if (e164.isPresent()) {
            return Optional.of(new ContactKey(Kind.PHONE, e164.get().substring(1)));
        }
        String digits = raw.replaceAll("[^0-9]", "");
        return digits.length() >= MIN_PHONE_DIGITS ? Optional.of(new ContactKey(Kind.PHONE, digits)) : Optional.empty();
    }

    @Override
    public String toString() {
        return kind == Kind.EMAIL ? "email" : "phone";
    }
}
