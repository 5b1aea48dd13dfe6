package org.leadrouter.csv;

/** The file cannot be read as a lead file at all; the message says, in plain words, what is wrong and what to do. */
public final class UnreadableFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableFileException(String plainReason) {
        super(plainReason);
    }
}
