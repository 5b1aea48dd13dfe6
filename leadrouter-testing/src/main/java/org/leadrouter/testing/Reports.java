package org.leadrouter.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a result report back (UTF-8 with BOM, the input's delimiter) as one map per row. */
public final class Reports {
    /** {@code <name>_<time>_report.<ext>}, or {@code …_report-2.<ext>} when that name was taken in the same second. */
    private static final Pattern REPORT_NAME = Pattern.compile("[^.].*_report(-\\d+)?\\.[a-z]+");

    private Reports() {
    }

    /** Whether a file of the outbox is a result report (the outbox also holds the glance page and queue copies). */
    public static boolean isReport(Path file) {
        return REPORT_NAME.matcher(file.getFileName().toString()).matches();
    }

    public static List<Map<String, String>> read(Path report, char delimiter) throws IOException {
        String text = Files.readString(report, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError("report has no UTF-8 BOM: " + report);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = new StringReader(text.substring(1));
             CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                     .build().parse(in)) {
            for (CSVRecord r : parser) {
                rows.add(new LinkedHashMap<>(r.toMap()));
            }
        }
        return rows;
    }
}
