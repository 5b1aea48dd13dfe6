package org.leadrouter.journal;

import org.leadrouter.batch.RowOrigin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.leadrouter.lead.RawLead;
import org.leadrouter.state.Dialect;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.state.StateException;

/**
 * The durable record of every file and every row outcome, in the state database: what was created (and for
 * whom, and when), what is being sent right now, and the queue of deferred leads. Every change is committed
 * before the pipeline moves on, so a killed process can resume without repeating anything.
 */
public final class Journal {
    private static final String IN_QUEUE = "(status = 'DEFERRED' OR status = 'SENDING' AND lead_json IS NOT NULL)";

    private final StateDatabase state;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public Journal(StateDatabase state, Clock clock) {
        this.state = Objects.requireNonNull(state, "state == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** An earlier processing of the same content. */
    public record FileRun(long id, String fileName, OffsetDateTime startedAt, OffsetDateTime finishedAt, String outcome) {
        public boolean finished() {
            return finishedAt != null;
        }
    }

    /** The latest run of this content in apply mode, if any. */
    public Optional<FileRun> lastRun(String contentHash) {
        return query("SELECT id, file_name, started_at, finished_at, outcome FROM journal_file"
                + " WHERE content_hash = ? AND mode = 'apply' ORDER BY id DESC LIMIT 1", ps -> ps.setString(1, contentHash), rs ->
                new FileRun(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5))).stream().findFirst();
    }

    /** Records that a file's processing starts; returns its run id. */
    public long fileStarted(String contentHash, String fileName, String mode) {
        synchronized (state) {
            try (PreparedStatement ps = connection().prepareStatement(
                    "INSERT INTO journal_file (content_hash, file_name, mode, started_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, contentHash);
                ps.setString(2, fileName);
                ps.setString(3, mode);
                ps.setObject(4, now());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLException e) {
                throw new StateException("cannot record the start of " + fileName, e);
            }
        }
    }

    public void fileFinished(long runId, String outcome, String report) {
        update("UPDATE journal_file SET finished_at = ?, outcome = ?, report = ? WHERE id = ?", ps -> {
            ps.setObject(1, now());
            ps.setString(2, outcome);
            ps.setString(3, report);
            ps.setLong(4, runId);
        });
    }

    /** What the journal knows of each row of this content, by row number. */
    public Map<Integer, JournalRow> rows(String contentHash) {
        Map<Integer, JournalRow> rows = new HashMap<>();
        for (JournalRow r : query("SELECT content_hash, row_number, file_name, status, advisor_id, advisor_name, lead_id,"
                + " business_day, updated_at, COALESCE(pool, '') FROM journal_row WHERE content_hash = ?",
                ps -> ps.setString(1, contentHash), Journal::row)) {
            rows.put(r.origin().row(), r);
        }
        return rows;
    }

    /**
     * Written before a create is sent: a crash after this point is reconciled with VTiger on restart. One statement:
     * a lead of the deferred queue keeps what it needs to be offered again, a lead from a file is added. The routing
     * {@code pool} it was planned in is kept, so that a run settling it later counts it in that pool.
     */
    public void sending(RowOrigin origin, String advisorId, String advisorName, LocalDate day, String pool) {
        update(sendingSql(), ps -> {
                    ps.setString(1, origin.contentHash());
                    ps.setInt(2, origin.row());
                    ps.setString(3, origin.fileName());
                    ps.setString(4, advisorId);
                    ps.setString(5, advisorName);
                    ps.setObject(6, day);
                    ps.setObject(7, now());
                    ps.setString(8, pool == null ? "" : pool);
                });
    }

    private String sendingSql() {
        if (state.dialect() == Dialect.POSTGRESQL) {
            return "INSERT INTO journal_row (content_hash, row_number, file_name, status, advisor_id, advisor_name, lead_id,"
                    + " business_day, detail, lead_json, updated_at, pool) VALUES (?, ?, ?, 'SENDING', ?, ?, NULL, ?, NULL,"
                    + " NULL, ?, ?) ON CONFLICT (content_hash, row_number) DO UPDATE SET status = 'SENDING',"
                    + " advisor_id = EXCLUDED.advisor_id, advisor_name = EXCLUDED.advisor_name,"
                    + " business_day = EXCLUDED.business_day, updated_at = EXCLUDED.updated_at, pool = EXCLUDED.pool";
        }
        return "MERGE INTO journal_row t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS INT), CAST(? AS VARCHAR(2000)),"
                + " CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(200)), CAST(? AS DATE), CAST(? AS TIMESTAMP WITH TIME ZONE),"
                + " CAST(? AS VARCHAR(100))))"
                + " s (content_hash, row_number, file_name, advisor_id, advisor_name, business_day, updated_at, pool)"
                + " ON t.content_hash = s.content_hash AND t.row_number = s.row_number"
                + " WHEN MATCHED THEN UPDATE SET status = 'SENDING', advisor_id = s.advisor_id, advisor_name = s.advisor_name,"
                + " business_day = s.business_day, updated_at = s.updated_at, pool = s.pool"
                + " WHEN NOT MATCHED THEN INSERT (content_hash, row_number, file_name, status, advisor_id, advisor_name,"
                + " lead_id, business_day, detail, lead_json, updated_at, pool) VALUES (s.content_hash, s.row_number,"
                + " s.file_name, 'SENDING', s.advisor_id, s.advisor_name, NULL, s.business_day, NULL, NULL, s.updated_at,"
                + " s.pool)";
    }

    /**
     * The lead exists in VTiger. A lead of the deferred queue keeps its data ({@code lead_json}) until the report of
     * its release is written ({@link #reportedCreated()}): a release killed midway leaves it to the next report.
     */
    public void created(RowOrigin origin, String leadId, String advisorId, String advisorName, LocalDate day) {
        int fromQueue = update("UPDATE journal_row SET status = 'CREATED', advisor_id = ?, advisor_name = ?, lead_id = ?,"
                + " business_day = COALESCE(?, business_day), detail = NULL, updated_at = ? WHERE content_hash = ?"
                + " AND row_number = ? AND lead_json IS NOT NULL", ps -> {
                    ps.setString(1, advisorId);
                    ps.setString(2, advisorName);
                    ps.setString(3, leadId);
                    ps.setObject(4, day);
                    ps.setObject(5, now());
                    ps.setString(6, origin.contentHash());
                    ps.setInt(7, origin.row());
                });
        if (fromQueue == 0) {
            upsert(origin, JournalStatus.CREATED, advisorId, advisorName, leadId, day, null, null);
        }
    }

    /** A lead created from the deferred queue whose release's report was never written (the release was killed). */
    public record Unreported(RowOrigin origin, RawLead raw, String leadId, String advisorId, String advisorName) {
    }

    /** Leads created from the deferred queue that no report has listed yet. */
    public List<Unreported> unreportedCreated() {
        return query("SELECT content_hash, row_number, file_name, lead_json, lead_id, advisor_id, advisor_name"
                + " FROM journal_row WHERE status = 'CREATED' AND lead_json IS NOT NULL"
                + " ORDER BY updated_at, content_hash, row_number", ps -> { }, rs ->
                new Unreported(new RowOrigin(rs.getString(1), rs.getInt(2), rs.getString(3)), fromJson(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
    }

    /** The report of a deferred release was written: the leads it created are listed there. */
    public void reportedCreated() {
        update("UPDATE journal_row SET lead_json = NULL WHERE status = 'CREATED' AND lead_json IS NOT NULL", ps -> { });
    }

    /** Where a run's report will be written, recorded before any lead is sent. */
    public void reportPlanned(long runId, String report) {
        update("UPDATE journal_file SET report = ? WHERE id = ?", ps -> {
            ps.setString(1, report);
            ps.setLong(2, runId);
        });
    }

    /** The report planned by the latest unfinished run of this name (a run killed before it finished), if any. */
    public Optional<String> unfinishedRunReport(String fileName) {
        return query("SELECT report FROM journal_file WHERE file_name = ? AND finished_at IS NULL AND report IS NOT NULL"
                + " ORDER BY id DESC LIMIT 1", ps -> ps.setString(1, fileName), rs -> rs.getString(1)).stream().findFirst();
    }

    /** Puts a lead in the deferred queue (or keeps it there), with what is needed to offer it again. */
    public void deferred(RowOrigin origin, RawLead raw, LocalDate day) {
        deferred(origin, raw, day, "");
    }

    /** As {@link #deferred(RowOrigin, RawLead, LocalDate)}, noting the routing pool the lead waits for. */
    public void deferred(RowOrigin origin, RawLead raw, LocalDate day, String pool) {
        Optional<LocalDate> since = query("SELECT business_day FROM journal_row WHERE content_hash = ? AND row_number = ?"
                + " AND status = 'DEFERRED'", ps -> {
                    ps.setString(1, origin.contentHash());
                    ps.setInt(2, origin.row());
                }, rs -> rs.getObject(1, LocalDate.class)).stream().findFirst();
        upsert(origin, JournalStatus.DEFERRED, null, null, null, since.orElse(day), null, toJson(raw));
        update("UPDATE journal_row SET pool = ? WHERE content_hash = ? AND row_number = ?", ps -> {
            ps.setString(1, pool == null ? "" : pool);
            ps.setString(2, origin.contentHash());
            ps.setInt(3, origin.row());
        });
    }

    /** Deferred leads waiting, by the pool they wait for ("" for leads deferred before pools existed). */
    public Map<String, Integer> deferredByPool() {
        Map<String, Integer> byPool = new java.util.TreeMap<>();
        query("SELECT COALESCE(pool, ''), COUNT(*) FROM journal_row WHERE " + IN_QUEUE + " GROUP BY COALESCE(pool, '')",
                ps -> { }, rs -> byPool.put(rs.getString(1), rs.getInt(2)));
        return byPool;
    }

    /** A final outcome that created nothing (duplicate, invalid, refused by VTiger), kept for the record. */
    public void outcome(RowOrigin origin, JournalStatus status, String detail) {
        if (status == JournalStatus.CREATED || status == JournalStatus.SENDING || status == JournalStatus.DEFERRED) {
            throw new IllegalArgumentException("use the dedicated method for " + status);
        }
        upsert(origin, status, null, null, null, null, detail, null);
    }

    /**
     * The deferred queue, oldest first; includes leads of the queue whose create was interrupted (still
     * {@code SENDING}), which must be reconciled with VTiger before being offered again.
     */
    public List<DeferredLead> deferredQueue() {
        return query("SELECT content_hash, row_number, file_name, business_day, lead_json, status FROM journal_row"
                + " WHERE " + IN_QUEUE + " ORDER BY business_day, updated_at, content_hash, row_number", ps -> { }, rs ->
                new DeferredLead(new RowOrigin(rs.getString(1), rs.getInt(2), rs.getString(3)),
                        fromJson(rs.getString(5)), rs.getObject(4, LocalDate.class), "SENDING".equals(rs.getString(6))));
    }

    /** When the create of this row was sent, if it is still waiting for its outcome ({@code SENDING}). */
    public Optional<java.time.Instant> sendingSince(RowOrigin origin) {
        return query("SELECT updated_at FROM journal_row WHERE content_hash = ? AND row_number = ? AND status = 'SENDING'",
                ps -> {
                    ps.setString(1, origin.contentHash());
                    ps.setInt(2, origin.row());
                }, rs -> rs.getObject(1, OffsetDateTime.class).toInstant()).stream().findFirst();
    }

    public int deferredCount() {
        return query("SELECT COUNT(*) FROM journal_row WHERE " + IN_QUEUE, ps -> { }, rs -> rs.getInt(1)).get(0);
    }

    /** Leads created (or being created) on {@code day}, by advisor id: the journal's part of today's load. */
    public Map<String, Set<String>> createdOn(LocalDate day) {
        Map<String, Set<String>> byAdvisor = new HashMap<>();
        query("SELECT advisor_id, lead_id, content_hash, row_number FROM journal_row WHERE business_day = ?"
                + " AND status IN ('CREATED', 'SENDING') AND advisor_id IS NOT NULL", ps -> ps.setObject(1, day), rs -> {
                    String id = rs.getString(2) != null ? rs.getString(2) : "sending:" + rs.getString(3) + ":" + rs.getInt(4);
                    byAdvisor.computeIfAbsent(rs.getString(1), a -> new HashSet<>()).add(id);
                    return id;
                });
        return byAdvisor;
    }

    /** Deletes files and rows last touched before {@code cutoff}; deferred leads are kept. Returns rows deleted. */
    public int purgeBefore(OffsetDateTime cutoff) {
        int rows = update("DELETE FROM journal_row WHERE updated_at < ? AND NOT " + IN_QUEUE, ps -> ps.setObject(1, cutoff));
        update("DELETE FROM journal_file WHERE started_at < ? AND finished_at IS NOT NULL", ps -> ps.setObject(1, cutoff));
        return rows;
    }

    private void upsert(RowOrigin origin, JournalStatus status, String advisorId, String advisorName, String leadId,
                        LocalDate day, String detail, String leadJson) {
        update(state.dialect().upsert("journal_row", List.of("content_hash", "row_number"), List.of("content_hash",
                "row_number", "file_name", "status", "advisor_id", "advisor_name", "lead_id", "business_day", "detail",
                "lead_json", "updated_at")), ps -> {
                    ps.setString(1, origin.contentHash());
                    ps.setInt(2, origin.row());
                    ps.setString(3, origin.fileName());
                    ps.setString(4, status.name());
                    ps.setString(5, advisorId);
                    ps.setString(6, advisorName);
                    ps.setString(7, leadId);
                    ps.setObject(8, day);
                    ps.setString(9, detail == null ? null : detail.substring(0, Math.min(detail.length(), 4000)));
                    ps.setString(10, leadJson);
                    ps.setObject(11, now());
                });
    }

    private static JournalRow row(ResultSet rs) throws SQLException {
        return new JournalRow(new RowOrigin(rs.getString(1), rs.getInt(2), rs.getString(3)),
                JournalStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, LocalDate.class), rs.getObject(9, OffsetDateTime.class), rs.getString(10));
    }

    private String toJson(RawLead raw) {
        try {
            return json.writeValueAsString(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lead cannot be written as JSON", e);
        }
    }

    private RawLead fromJson(String text) {
        try {
            return json.readValue(text, RawLead.class);
        } catch (JsonProcessingException e) {
            throw new StateException("a deferred lead in the journal cannot be read", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private Connection connection() {
        return state.connection();
    }

    private int update(String sql, Binder binder) {
        synchronized (state) {
            try (PreparedStatement ps = connection().prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new StateException("journal update failed", e);
            }
        }
    }

    private <T> List<T> query(String sql, Binder binder, Mapper<T> mapper) {
        synchronized (state) {
            try (PreparedStatement ps = connection().prepareStatement(sql)) {
                binder.bind(ps);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new StateException("journal query failed", e);
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
