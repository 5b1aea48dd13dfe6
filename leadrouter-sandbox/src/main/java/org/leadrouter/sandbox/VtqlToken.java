package org.leadrouter.sandbox;

/** One lexeme of a VTQL statement, with the raw text as the client wrote it. */
record VtqlToken(Kind kind, String text) {

    enum Kind { WORD, STRING, NUMBER, OPEN, CLOSE, COMMA, STAR, OPERATOR, SEMICOLON, END }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }
}
