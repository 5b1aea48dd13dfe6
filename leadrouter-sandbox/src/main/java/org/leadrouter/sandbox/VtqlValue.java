package org.leadrouter.sandbox;

import java.util.Optional;
import org.leadrouter.sandbox.VtqlToken.Kind;

/**
 * A WHERE value after MySQL has read it: either a string (compared with the column's collation)
 * or a number (MySQL then casts the column to a number).
 */
record VtqlValue(String text, boolean numeric) {

    /** Reads a value token; anything MySQL could not read as a literal fails the statement. */
    static VtqlValue of(VtqlToken token) {
        if (token.is(Kind.STRING)) {
            return new VtqlValue(SqlLiteral.decode(token.text()).orElseThrow(VtigerError::internal), false);
        }
        if (token.is(Kind.NUMBER) || token.text().chars().allMatch(Character::isDigit)) {
            return new VtqlValue(token.text(), true);
        }
        // A bare word is a column name to MySQL, and not one it knows.
        throw VtigerError.internal();
    }

    /**
     * VTiger's getReferenceValue for id and owner fields: strip quotes from the raw token, keep
     * what follows the first {@code x}; the result is pasted into SQL as a bare number.
     */
    static Optional<Long> idNumber(VtqlToken token) {
        String raw = token.text().replaceAll("^['\"]+|['\"]+$", "");
        String[] parts = raw.split("x", -1);
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    double number() {
        return Collation.toNumber(text);
    }
}
