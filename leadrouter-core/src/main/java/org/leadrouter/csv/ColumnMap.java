package org.leadrouter.csv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.leadrouter.i18n.Messages;
import org.leadrouter.i18n.Text;
import org.leadrouter.lead.Texts;

/** Where each logical column sits in a file, worked out from its header row. */
final class ColumnMap {

    private static final int FOUND_SHOWN = 10;

    private final Map<LeadColumn, Integer> positions;
    private final Map<String, Integer> others;
    private final List<String> header;

    private ColumnMap(Map<LeadColumn, Integer> positions, Map<String, Integer> others, List<String> header) {
        this.positions = positions;
        this.others = others;
        this.header = header;
    }

    /** Maps the header, adding warnings for ignored and duplicate columns; refuses headers that cannot work. */
    static ColumnMap of(List<String> header, List<String> warnings) throws UnreadableFileException {
        Map<LeadColumn, Integer> positions = new EnumMap<>(LeadColumn.class);
        Map<String, Integer> others = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                continue; // Excel's trailing empty columns
            }
            Optional<LeadColumn> column = HeaderAliases.match(name);
            if (column.isEmpty()) {
                warnings.add(Messages.t("warning.unknown-column", CsvTexts.quote(name)));
                others.putIfAbsent(name, i);
            } else if (positions.containsKey(column.get())) {
                warnings.add(Messages.t("warning.repeated-column", CsvTexts.quote(name),
                        CsvTexts.quote(header.get(positions.get(column.get())))));
            } else {
                positions.put(column.get(), i);
            }
        }
        boolean contact = positions.containsKey(LeadColumn.EMAIL) || positions.containsKey(LeadColumn.PHONE);
        if (!positions.containsKey(LeadColumn.NAME) && !contact) {
            // the first row is probably data (or not leads at all): it is not quoted back
            throw new UnreadableFileException(new Text("file.no-header", expected(), counted(header)));
        }
        if (!contact) {
            throw new UnreadableFileException(new Text("file.no-contact-column", found(header, positions)));
        }
        if (!positions.containsKey(LeadColumn.NAME)) {
            warnings.add(Messages.t("warning.no-name-column"));
        }
        return new ColumnMap(positions, others, List.copyOf(header));
    }

    boolean has(LeadColumn column) {
        return positions.containsKey(column);
    }

    /** The header text of a column as the file wrote it, or the usual name if the file lacks it. */
    String headerOf(LeadColumn column) {
        Integer i = positions.get(column);
        return i == null ? column.usualHeader() : header.get(i);
    }

    /** The raw value of a column in a record; "" when the column or the field is missing. */
    String value(List<String> record, LeadColumn column) {
        Integer i = positions.get(column);
        return i == null || i >= record.size() ? "" : record.get(i);
    }

    /** The values of the columns that are not a lead's own (routing rules may test them), by header. */
    Map<String, String> otherValues(List<String> record) {
        if (others.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        others.forEach((name, i) -> {
            String value = i < record.size() ? record.get(i) : "";
            values.put(name, Texts.strip(value.length() > LeadCsvReader.MAX_VALUE_LENGTH
                    ? value.substring(0, LeadCsvReader.MAX_VALUE_LENGTH) : value));
        });
        return values;
    }

    /** How many non-empty values sit beyond the header's last column; Excel's empty trailing cells don't count. */
    int extraValues(List<String> record) {
        int extras = 0;
        for (int i = header.size(); i < record.size(); i++) {
            if (!Texts.strip(record.get(i)).isEmpty()) {
                extras++;
            }
        }
        return extras;
    }

    private static String expected() {
        List<String> names = new ArrayList<>();
        for (LeadColumn column : LeadColumn.values()) {
            names.add(column.usualHeader());
        }
        return String.join(", ", names);
    }

    /** The recognised column names, quoted, and how many others there are (unknown ones are not quoted back). */
    private static Text found(List<String> header, Map<LeadColumn, Integer> positions) {
        List<String> known = positions.values().stream().sorted().map(header::get).toList();
        long others = header.stream().filter(h -> !h.isEmpty()).count() - known.size();
        String names = known.stream().limit(FOUND_SHOWN).map(CsvTexts::quote).collect(Collectors.joining(", "));
        if (known.size() > FOUND_SHOWN) {
            names = names + " …";
        }
        return others > 0 ? new Text("file.found-known-and-others", names, others) : new Text("file.found-names", names);
    }

    /** How many columns the first row has: when none is known, the row is probably data and is not quoted back. */
    private static Text counted(List<String> header) {
        long named = header.stream().filter(h -> !h.isEmpty()).count();
        return named == 0 ? new Text("file.found-no-names") : new Text("file.found-count", named);
    }

    /** Positions (0-based) of the columns whose header is blank, left of the last named column. */
    List<Integer> unnamedColumns() {
        int lastNamed = -1;
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).isEmpty()) {
                lastNamed = i;
            }
        }
        List<Integer> unnamed = new ArrayList<>();
        for (int i = 0; i < lastNamed; i++) {
            if (header.get(i).isEmpty()) {
                unnamed.add(i);
            }
        }
        return unnamed;
    }

    int size() {
        return header.size();
    }

    /** The logical columns a record of the given number of values lacks, in header order. */
    List<LeadColumn> missingFrom(int values) {
        List<LeadColumn> missing = new ArrayList<>();
        for (LeadColumn column : LeadColumn.values()) {
            Integer i = positions.get(column);
            if (i != null && i >= values) {
                missing.add(column);
            }
        }
        missing.sort((a, b) -> positions.get(a) - positions.get(b));
        return missing;
    }

    /** Excel's name for a 0-based column position: A, B, ..., Z, AA, AB... */
    static String letters(int position) {
        StringBuilder out = new StringBuilder();
        for (int n = position + 1; n > 0; n = (n - 1) / 26) {
            out.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return out.toString();
    }
}
