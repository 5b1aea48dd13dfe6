package org.leadrouter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.leadrouter.config.StateSettings;
import org.leadrouter.state.StateCopy;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.testing.TestPostgres;

/**
 * How long {@code leadrouter state copy} takes for a large state: an H2 state with a mirror of {@code keys} CRM keys
 * and a journal of {@code rows} rows (one file per 100), copied into a new database of the embedded PostgreSQL.
 * Prints the rows per table, the seconds and the peak heap used.
 */
public final class StateCopyBenchmark {
    private StateCopyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("leadrouter-state-copy-bench");
        try (StateDatabase h2 = StateDatabase.open(dir)) {
            fill(h2.connection(), keys, rows);
        }
        StateSettings target = TestPostgres.newState(dir);
        System.gc();
        HeapPeak.reset();
        long start = System.nanoTime();
        StateCopy.Result result;
        try (StateDatabase from = StateDatabase.open(dir); StateDatabase to = StateDatabase.open(target)) {
            result = StateCopy.copy(from, to);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        result.rows().forEach((table, n) -> System.out.printf("  %-14s %9d rows%n", table, n));
        System.out.printf("copied %d rows in %.1f s (%.0f rows/s), peak heap used %d MB (-Xmx%d MB)%n", result.total(),
                seconds, result.total() / seconds, HeapPeak.bytes() / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.exit(0);
    }

    private static void fill(Connection c, int keys, int rows) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO crm_key (module, record_id, field, kind, key_value) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < keys; i++) {
                ps.setString(1, i % 3 == 0 ? "Contacts" : "Leads");
                ps.setString(2, "10x" + i);
                ps.setString(3, "email");
                ps.setString(4, "EMAIL");
                ps.setString(5, "persona" + i + "@example.com");
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.ofHours(1));
        try (PreparedStatement file = c.prepareStatement("INSERT INTO journal_file (content_hash, file_name, mode,"
                + " started_at, finished_at, outcome, report) VALUES (?, ?, 'apply', ?, ?, 'processed', ?)");
             PreparedStatement row = c.prepareStatement("INSERT INTO journal_row (content_hash, row_number, file_name,"
                     + " status, advisor_id, advisor_name, lead_id, business_day, detail, lead_json, updated_at)"
                     + " VALUES (?, ?, ?, 'created', '19x5', 'asesor.ana', ?, ?, '', ?, ?)");
             PreparedStatement glance = c.prepareStatement("INSERT INTO glance_file (business_day, finished_at,"
                     + " file_name, kind, counts, per_advisor, report, reason) VALUES (?, ?, ?, 'processed', '100', '{}', ?, '')")) {
            for (int i = 0; i < rows; i++) {
                String hash = String.format("%064d", i / 100);
                String name = "leads_" + (i / 100) + ".csv";
                if (i % 100 == 0) {
                    file.setString(1, hash);
                    file.setString(2, name);
                    file.setObject(3, at);
                    file.setObject(4, at.plusMinutes(1));
                    file.setString(5, name + "_report.csv");
                    file.addBatch();
                    glance.setObject(1, LocalDate.of(2026, 12, 1));
                    glance.setObject(2, LocalTime.of(9, 1));
                    glance.setString(3, name);
                    glance.setString(4, name + "_report.csv");
                    glance.addBatch();
                }
                row.setString(1, hash);
                row.setInt(2, i % 100 + 2);
                row.setString(3, name);
                row.setString(4, "10x" + (1_000_000 + i));
                row.setObject(5, LocalDate.of(2026, 12, 1));
                row.setString(6, "{\"name\":\"Persona " + i + "\",\"email\":\"persona" + i + "@example.com\"}");
                row.setObject(7, at);
                row.addBatch();
                if (i % 1000 == 999) {
                    file.executeBatch();
                    glance.executeBatch();
                    row.executeBatch();
                }
            }
            file.executeBatch();
            glance.executeBatch();
            row.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
