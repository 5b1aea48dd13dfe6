package org.leadrouter.sandbox;

import org.leadrouter.sandbox.VtqlToken.Kind;

/**
 * Splits VTQL the way VTiger's generated lexer does: words, quoted strings where only {@code ''}
 * escapes a quote, signed integers, punctuation and comparison operators. Input it cannot lex
 * (a lone quote, {@code ''}, double quotes, {@code %} outside quotes...) makes VTiger throw a plain
 * exception, which the webservice answers as INTERNAL_SERVER_ERROR.
 */
final class VtqlLexer {

    private final String input;
    private int pos;

    VtqlLexer(String input) {
        this.input = input;
    }

    /** Next token, lexed lazily so that a syntax error earlier in the query wins, as in VTiger. */
    VtqlToken next() {
        while (pos < input.length() && " \t\r\n".indexOf(input.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos >= input.length()) {
            return new VtqlToken(Kind.END, "");
        }
        char c = input.charAt(pos);
        if (isWordChar(c)) {
            int start = pos;
            while (pos < input.length() && isWordChar(input.charAt(pos))) {
                pos++;
            }
            return token(Kind.WORD, start);
        }
        if (c == '\'') {
            return quoted();
        }
        if ((c == '+' || c == '-') && pos + 1 < input.length() && isAsciiDigit(input.charAt(pos + 1))) {
            int start = pos++;
            while (pos < input.length() && isAsciiDigit(input.charAt(pos))) {
                pos++;
            }
            return token(Kind.NUMBER, start);
        }
        int start = pos;
        switch (c) {
            case '(' -> { pos++; return token(Kind.OPEN, start); }
            case ')' -> { pos++; return token(Kind.CLOSE, start); }
            case ',' -> { pos++; return token(Kind.COMMA, start); }
            case '*' -> { pos++; return token(Kind.STAR, start); }
            case ';' -> { pos++; return token(Kind.SEMICOLON, start); }
            case '=' -> { pos++; return token(Kind.OPERATOR, start); }
            case '<', '>' -> {
                pos += startsWith("=", pos + 1) ? 2 : 1;
                return token(Kind.OPERATOR, start);
            }
            case '!' -> {
                if (startsWith("=", pos + 1)) {
                    pos += 2;
                    return token(Kind.OPERATOR, start);
                }
                throw VtigerError.internal();
            }
            default -> throw VtigerError.internal();
        }
    }

    /**
     * VTiger's pattern is {@code '(?:[^']|'')+'} matched greedily with backtracking: the longest
     * run of non-quotes and doubled quotes that still ends on a quote. Backslashes mean nothing here.
     */
    private VtqlToken quoted() {
        int start = pos;
        int i = pos + 1;
        int lastEnd = -1;
        while (i < input.length()) {
            if (input.charAt(i) != '\'') {
                i++;
                continue;
            }
            if (i > start + 1) {
                lastEnd = i;
            }
            if (startsWith("'", i + 1)) {
                i += 2;
            } else {
                break;
            }
        }
        if (lastEnd < 0) {
            throw VtigerError.internal();
        }
        pos = lastEnd + 1;
        return token(Kind.STRING, start);
    }

    private boolean startsWith(String s, int at) {
        return input.startsWith(s, at);
    }

    private VtqlToken token(Kind kind, int start) {
        return new VtqlToken(kind, input.substring(start, pos));
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
