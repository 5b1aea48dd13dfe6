package org.leadrouter.lead;

/** Whitespace helpers that know about the non-breaking and other Unicode spaces spreadsheets leave behind. */
public final class Texts {

    private Texts() {
    }

    /** True for every kind of space a spreadsheet or web form may produce, including NBSP and zero-width ones. */
    public static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || codePoint == 0xFEFF   // a BOM left in the middle of a value by concatenated exports
                || codePoint == 0x200B;  // zero-width space, common in text pasted from web pages
    }

    /** Removes invisible format characters (zero-width spaces and joiners, BOMs, soft hyphens, direction marks). */
    public static String withoutInvisibles(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean invisible = Character.getType(c) == Character.FORMAT;
            if (invisible && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            } else if (!invisible && out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /** Removes leading and trailing spaces of any kind; null becomes "". */
    public static String strip(String value) {
        if (value == null) {
            return "";
        }
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /** Strips and turns every inner run of spaces (of any kind, including line breaks) into one plain space. */
    public static String collapse(String value) {
        String stripped = strip(value);
        StringBuilder out = new StringBuilder(stripped.length());
        boolean inSpace = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (isSpace(c)) {
                inSpace = true;
                continue;
            }
            if (inSpace) {
                out.append(' ');
                inSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }
}
