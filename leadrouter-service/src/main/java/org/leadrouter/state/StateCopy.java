package org.leadrouter.state;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.flywaydb.core.api.MigrationVersion;

/**
 * Copies an embedded H2 state into a PostgreSQL one of the same schema version that holds no state yet: every table
 * the migrations made, parents before the tables whose foreign keys point at them, rows with their ids, in one
 * transaction on the target (a failure leaves it as it was), then each identity sequence set past the copied ids so
 * that the next file or page line gets a new one. The source is only read.
 */
public final class StateCopy {
    /** Flyway's own table: each database keeps its own history, made by the same migrations. */
    private static final String HISTORY = "flyway_schema_history";
    /** How long a session of another leadrouter on the target must last to refuse the copy. */
    private static final java.time.Duration IN_USE_WAIT = java.time.Duration.ofSeconds(3);
    /** The tables whose rows make a state: a database holding any of them is not empty. */
    private static final List<String> STATE_TABLES = List.of("journal_file", "journal_row", "glance_file");
    private static final int BATCH = 500;

    private StateCopy() {
    }

    /** What was copied: the schema version, the rows of each table in the order copied, the sequences reset. */
    public record Result(String schemaVersion, Map<String, Long> rows, List<String> sequences) {
        public Result {
            rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
            sequences = List.copyOf(sequences);
        }

        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The copy cannot be made as asked: the reason says why and that nothing was changed. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Copies {@code from} (an embedded state) into {@code to} (an empty PostgreSQL state). */
    public static Result copy(StateDatabase from, StateDatabase to) {
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        if (from.dialect() != Dialect.H2 || to.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("copies an embedded H2 state into a PostgreSQL one");
        }
        synchronized (from) {
            synchronized (to) {
                try {
                    return copy(from.connection(), to.connection(), from.description(), to.description());
                } catch (SQLException e) {
                    throw new StateException("cannot copy the state into " + to.description() + " (nothing was copied: "
                            + "its transaction was rolled back): " + StateDatabase.rootCause(e), e);
                }
            }
        }
    }

    private static Result copy(Connection source, Connection target, String from, String to) throws SQLException {
        String version = sameVersion(source, target, from, to);
        List<String> tables = tables(source);
        Set<String> missing = new TreeSet<>(tables);
        missing.removeAll(tables(target));
        if (!missing.isEmpty()) {
            throw new Refused(to + " lacks the tables " + missing + " of the state at schema version " + version
                    + "; nothing was copied");
        }
        refuseAState(target, to);
        refuseInUse(target, to);
        List<String> order = parentsFirst(target, tables);
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try {
            // opening the target wrote its own values (state.opened-at, maybe an id): the copy replaces them
            List<String> childrenFirst = new ArrayList<>(order);
            java.util.Collections.reverse(childrenFirst);
            for (String table : childrenFirst) {
                try (Statement st = target.createStatement()) {
                    st.executeUpdate("DELETE FROM " + table);
                }
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : order) {
                rows.put(table, copyTable(source, target, table));
            }
            List<String> sequences = new ArrayList<>();
            for (String table : order) {
                sequences.addAll(resetIdentities(target, table));
            }
            for (Map.Entry<String, Long> copied : rows.entrySet()) {
                long there = count(target, copied.getKey());
                if (there != copied.getValue()) {
                    throw new SQLException(copied.getKey() + " holds " + there + " rows after copying " + copied.getValue());
                }
            }
            target.commit();
            return new Result(version, rows, sequences);
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    /** The schema version both have; refused when they differ (each was brought to its leadrouter's on opening). */
    private static String sameVersion(Connection source, Connection target, String from, String to) throws SQLException {
        MigrationVersion mine = version(source);
        MigrationVersion theirs = version(target);
        if (!mine.equals(theirs)) {
            throw new Refused("the schema versions differ: " + from + " is at " + mine + ", " + to + " at " + theirs
                    + ". Copy with the leadrouter that wrote them both; nothing was copied");
        }
        return mine.getVersion();
    }

    private static MigrationVersion version(Connection c) throws SQLException {
        MigrationVersion highest = MigrationVersion.EMPTY;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"" + HISTORY
                + "\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (v.isNewerThan(highest)) {
                    highest = v;
                }
            }
        }
        return highest;
    }

    /** The state's tables in {@code c}'s current schema, in lower case, without Flyway's. */
    private static List<String> tables(Connection c) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals(HISTORY)) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    private static void refuseAState(Connection target, String to) throws SQLException {
        List<String> held = new ArrayList<>();
        for (String table : STATE_TABLES) {
            long rows = count(target, table);
            if (rows > 0) {
                held.add(rows + " in " + table);
            }
        }
        if (!held.isEmpty()) {
            throw new Refused(to + " already holds a state (rows: " + String.join(", ", held) + "). Copy only into a new,"
                    + " empty database: a copy over a state would mix two journals; nothing was copied");
        }
    }

    /**
     * Refused while another leadrouter is connected to the target (a daemon already started on it, with nothing in
     * its journal yet): its rows and the copy's would mix. Every leadrouter connects as application "leadrouter"; a
     * session of this process that just closed (the migration's) may take a moment to leave the server's list, so a
     * session must still be there after a short wait to count.
     */
    private static void refuseInUse(Connection target, String to) throws SQLException {
        long deadline = System.nanoTime() + IN_USE_WAIT.toNanos();
        while (true) {
            int others = otherLeadrouterSessions(target);
            if (others == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new Refused(to + " is in use by " + others + " other leadrouter session(s) (a daemon started on it):"
                        + " stop every leadrouter using it first, or copy into a new, empty database; nothing was copied");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused("interrupted while checking whether " + to + " is in use; nothing was copied");
            }
        }
    }

    private static int otherLeadrouterSessions(Connection target) throws SQLException {
        try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND application_name = '" + StateDatabase.APPLICATION_NAME + "'"
                + " AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code tables} ordered so that a table comes after every table its foreign keys reference. */
    private static List<String> parentsFirst(Connection target, List<String> tables) throws SQLException {
        DatabaseMetaData meta = target.getMetaData();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : tables) {
            Set<String> references = new TreeSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, target.getSchema(), table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table)) {
                        references.add(parent);
                    }
                }
            }
            parents.put(table, references);
        }
        Set<String> ordered = new LinkedHashSet<>();
        while (ordered.size() < tables.size()) {
            int before = ordered.size();
            for (String table : tables) {
                if (!ordered.contains(table) && ordered.containsAll(parents.get(table).stream()
                        .filter(parents::containsKey).toList())) {
                    ordered.add(table);
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("the state's foreign keys form a cycle: " + parents);
            }
        }
        return List.copyOf(ordered);
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        long rows = 0;
        try (Statement select = source.createStatement(); ResultSet rs = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
            try (PreparedStatement ps = target.prepareStatement(insert)) {
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        ps.setObject(i, value(rs, i, meta.getColumnType(i)));
                    }
                    ps.addBatch();
                    if (++rows % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        return rows;
    }

    /** A column's value as a type both drivers map the same way (H2 gives a CLOB or its own time classes otherwise). */
    private static Object value(ResultSet rs, int column, int type) throws SQLException {
        return switch (type) {
            case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR, Types.LONGNVARCHAR -> rs.getString(column);
            case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(column, OffsetDateTime.class);
            case Types.TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
            case Types.DATE -> rs.getObject(column, LocalDate.class);
            case Types.TIME -> rs.getObject(column, LocalTime.class);
            default -> rs.getObject(column);
        };
    }

    /** Sets each identity (or serial) column's sequence past the highest copied id; names them as table.column. */
    private static List<String> resetIdentities(Connection target, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = target.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?"
                + " AND (is_identity = 'YES' OR column_default LIKE 'nextval(%') ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        List<String> reset = new ArrayList<>();
        for (String column : columns) {
            try (PreparedStatement ps = target.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?),"
                    + " COALESCE((SELECT MAX(" + column + ") FROM " + table + "), 0) + 1, false)")) {
                ps.setString(1, table);
                ps.setString(2, column);
                ps.execute();
            }
            reset.add(table + "." + column);
        }
        return reset;
    }
}
