package org.leadrouter.lead;

import java.util.List;

import org.leadrouter.i18n.Messages;

/** Makes free text safe for VTiger's utf8 (3-byte) columns, noting every change a user should know about. */
final class CrmText {

    private static final int ZWJ = 0x200D;

    private CrmText() {
    }

    /**
     * Removes what VTiger would damage or hide: characters outside the Basic Multilingual Plane (stored as
     * "????"), control characters, invisible format characters, backslashes; line breaks and tabs become spaces.
     */
    static String clean(String value, String what, List<String> notes) {
        StringBuilder out = new StringBuilder(value.length());
        boolean astral = false;
        boolean controls = false;
        boolean backslash = false;
        boolean afterRemoved = false; // the last visible character was a removed emoji
        boolean joined = false;       // a zero-width joiner follows a removed emoji
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ZWJ || isVariationSelector(cp) || Character.getType(cp) == Character.FORMAT) {
                // invisible joiners and selectors glue emoji sequences; nothing visible is lost with them
                joined |= cp == ZWJ && afterRemoved;
                continue;
            }
            if (cp > 0xFFFF || Character.isSurrogate((char) cp) || joined && !Texts.isSpace(cp)) {
                // the BMP half of a sequence such as 👩‍⚕️ would be left dangling, so it goes too
                astral = true;
                afterRemoved = true;
                joined = false;
                continue;
            }
            afterRemoved = false;
            joined = false;
            if (Texts.isSpace(cp)) {
                out.append(' ');
            } else if (Character.isISOControl(cp)) {
                controls = true;
            } else if (cp == '\\') {
                backslash = true; // PHP's quoting in VTiger drops or doubles it; no name or course needs one
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        }
        String cleaned = Texts.collapse(out.toString());
        String field = Messages.t("field." + what);
        if (astral) {
            notes.add(Messages.t("note.emoji-removed", field, Texts.collapse(value), cleaned));
        }
        if (controls) {
            notes.add(Messages.t("note.controls-removed", field));
        }
        if (backslash) {
            notes.add(Messages.t("note.backslashes-removed", field));
        }
        if (cleaned.indexOf('\uFFFD') >= 0) {
            notes.add(Messages.t("note.unreadable-characters", field, cleaned));
        }
        return cleaned;
    }

    /** Cuts the value to the column length of the CRM, noting what was lost. */
    static String cut(String value, int max, String what, List<String> notes) {
        if (value.length() <= max) {
            return value;
        }
        String kept = Texts.strip(value.substring(0, max));
        notes.add(Messages.t("note.cut", Messages.t("field." + what), max, value, kept));
        return kept;
    }

    private static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F;
    }

}
