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
     * "????"), control characters, invisible format characters (zero-width spaces, BOMs); line breaks and tabs
     * become spaces. Each kind of change is noted. Backslashes are kept: VTiger stores them as sent.
     */
    static String clean(String value, String what, List<String> notes) {
        StringBuilder out = new StringBuilder(value.length());
        boolean astral = false;
        boolean controls = false;
        boolean invisible = false;
        boolean breaks = false;
        boolean afterRemoved = false; // the last visible character was a removed emoji
        boolean joined = false;       // a zero-width joiner follows a removed emoji
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ZWJ || isVariationSelector(cp) || Character.getType(cp) == Character.FORMAT) {
                // joiners and selectors glue emoji sequences (the emoji note covers them); others are noted
                boolean partOfEmoji = afterRemoved && (cp == ZWJ || isVariationSelector(cp));
                invisible |= !partOfEmoji;
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
            if (isBreakOrTab(cp)) {
                breaks = true;
                out.append(' ');
            } else if (Texts.isSpace(cp)) {
                out.append(' ');
            } else if (Character.isISOControl(cp)) {
                controls = true;
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
        if (invisible) {
            notes.add(invisibleNote(what));
        }
        if (breaks) {
            notes.add(Messages.t("note.breaks-replaced", field));
        }
        if (cleaned.indexOf('\uFFFD') >= 0) {
            notes.add(Messages.t("note.unreadable-characters", field, cleaned));
        }
        return cleaned;
    }

    /**
     * Cuts a name to the column length of the CRM after its last whole word that fits (a single word longer than
     * the column is cut inside it), noting what was lost.
     */
    static String cutAtWord(String value, int max, String what, List<String> notes) {
        if (value.length() <= max) {
            return value;
        }
        int space = value.substring(0, max + 1).lastIndexOf(' ');
        String kept = Texts.strip(space > 0 ? value.substring(0, space) : value.substring(0, max));
        notes.add(Messages.t("note.cut", Messages.t("field." + what), max, value, kept));
        return kept;
    }

    /** The note for invisible characters (zero-width spaces, BOMs, direction marks) removed from a value. */
    static String invisibleNote(String what) {
        return Messages.t("note.invisibles-removed", Messages.t("field." + what));
    }

    /** Whether the value holds invisible format characters that normalising it removes. */
    static boolean hasInvisibles(String value) {
        return value.chars().anyMatch(c -> Character.getType(c) == Character.FORMAT);
    }

    private static boolean isBreakOrTab(int cp) {
        return cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85
                || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F;
    }

}
