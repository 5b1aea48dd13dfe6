package org.leadrouter.csv;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import org.leadrouter.lead.RawLead;

/**
 * A lead file as read: how it was encoded and delimited, its header, its data rows and file-level warnings.
 *
 * @param warnings things about the whole file the user should know (ignored or duplicate columns)
 */
public record LeadFile(String fileName, Charset charset, char delimiter, List<String> header, List<RawLead> rows,
                       List<String> warnings) {

    public LeadFile {
        Objects.requireNonNull(fileName, "fileName == null");
        Objects.requireNonNull(charset, "charset == null");
        header = List.copyOf(Objects.requireNonNull(header, "header == null"));
        rows = List.copyOf(Objects.requireNonNull(rows, "rows == null"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings == null"));
    }

    /**
     * The file name made safe for one line of text (reports, notes, CRM descriptions, logs): control characters,
     * line breaks and invisible format characters (such as right-to-left overrides) become spaces, and a very long
     * name keeps its beginning and its end around an ellipsis. {@link #fileName()} stays as it was.
     */
    public String displayName() {
        return CsvTexts.oneLine(fileName, DISPLAY_NAME_MAX);
    }

    /** The longest {@link #displayName()}, in characters. */
    public static final int DISPLAY_NAME_MAX = 120;
}
