package org.leadrouter.csv;

import java.util.function.Supplier;

import org.leadrouter.i18n.Text;

/** The text of one cell as the XML parser hands it over in pieces, refused as soon as it is longer than a cell can be. */
final class BoundedText {
    private final StringBuilder text = new StringBuilder();
    private final int maxChars;
    private Supplier<Text> tooLong;
    private boolean open;

    BoundedText(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Starts collecting; {@code tooLong} names the cell in the refusal. */
    void start(Supplier<Text> tooLong) {
        text.setLength(0);
        this.tooLong = tooLong;
        open = true;
    }

    /** Continues collecting after a part of the cell that is not its text (a phonetic guide, a formatting run). */
    void resume() {
        open = true;
    }

    void pause() {
        open = false;
    }

    boolean isOpen() {
        return open;
    }

    void append(char[] chars, int start, int length) {
        if (!open) {
            return;
        }
        if (text.length() + length > maxChars) {
            throw new WorkbookRefusal(tooLong.get());
        }
        text.append(chars, start, length);
    }

    /** The text collected, and stops collecting. */
    String take() {
        open = false;
        return text.toString();
    }

    boolean isEmpty() {
        return text.length() == 0;
    }
}
