package org.leadrouter.sandbox;

import java.util.Optional;

/**
 * Reads a quoted VTQL value the way MySQL reads it once VTiger has pasted it into SQL:
 * {@code ''} is a quote, backslash escapes the next character; {@code \%} and {@code \_} keep
 * their backslash so LIKE can see them.
 */
final class SqlLiteral {

    private SqlLiteral() {
    }

    /**
     * Decodes a token such as {@code 'O''Brien'}; empty when MySQL would not see the string end
     * exactly at the token's closing quote (e.g. {@code 'abc\'}, whose last quote is escaped).
     */
    static Optional<String> decode(String token) {
        if (token.length() < 2 || token.charAt(0) != '\'') {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        int i = 1;
        while (i < token.length()) {
            char c = token.charAt(i);
            if (c == '\\') {
                if (i + 1 >= token.length()) {
                    return Optional.empty();
                }
                out.append(unescape(token.charAt(i + 1)));
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < token.length() && token.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                } else {
                    // MySQL's string ends here; anything after it would be a broken SQL statement.
                    return i == token.length() - 1 ? Optional.of(out.toString()) : Optional.empty();
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return Optional.empty();
    }

    private static String unescape(char c) {
        return switch (c) {
            case '0' -> "\0";
            case 'b' -> "\b";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'Z' -> "\u001A";
            case '%' -> "\\%";
            case '_' -> "\\_";
            default -> String.valueOf(c);
        };
    }
}
