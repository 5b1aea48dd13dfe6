package org.leadrouter.state;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.leadrouter.config.ConfigException;
import org.leadrouter.config.StateSettings;
import org.leadrouter.files.FilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable state of leadrouter: by default an embedded H2 database in {@code state.dir} (pure Java, one file,
 * crash-safe MVStore, plain SQL), or a PostgreSQL database that the nodes of a high-availability pair share
 * ({@code state.url}). Holds the mirror of CRM contact keys used for duplicate checks, small named values, the
 * journal and the page's data; its schema is versioned by {@link StateSchema}, with the same migrations for both.
 */
public final class StateDatabase implements AutoCloseable {
    /** How every leadrouter names its sessions on a shared PostgreSQL state (its {@code pg_stat_activity}). */
    public static final String APPLICATION_NAME = "leadrouter";
    private static final Logger LOG = LoggerFactory.getLogger(StateDatabase.class);
    private static final String USER = "leadrouter";
    /** The name of the state's id among its values. */
    private static final String ID = "state.id";
    private final Path directory;
    private final String url;
    private final Properties credentials;
    private final Dialect dialect;
    private final String description;
    /** Replaced by {@link #reopenIfClosed()} after H2 closed the database; guarded by this. */
    private volatile Connection connection;
    /** Closed by {@link #close()}: never reopened. Guarded by this. */
    private boolean closed;

    private StateDatabase(Path directory, String url, Properties credentials, Dialect dialect, String description,
                          Connection connection) {
        this.directory = directory;
        this.url = url;
        this.credentials = credentials;
        this.dialect = dialect;
        this.description = description;
        this.connection = connection;
    }

    /** Opens the state the settings name: the embedded one in {@code state.dir}, or the shared PostgreSQL database. */
    public static StateDatabase open(StateSettings settings) {
        Objects.requireNonNull(settings, "settings == null");
        if (settings.url().isEmpty()) {
            return open(settings.dir());
        }
        String url = settings.url().get();
        Properties credentials = new Properties();
        credentials.setProperty("user", settings.username().orElseThrow());
        settings.password().ifPresent(p -> credentials.setProperty("password", p.reveal()));
        // a database that stops answering must fail the statement, not hang the pipeline: the file then waits
        credentials.setProperty("connectTimeout", "10");
        credentials.setProperty("socketTimeout", "60");
        credentials.setProperty("tcpKeepAlive", "true");
        credentials.setProperty("ApplicationName", APPLICATION_NAME);
        String description = settings.describe();
        try {
            Connection connection = DriverManager.getConnection(url, credentials);
            try {
                StateSchema.migrate(url, Dialect.POSTGRESQL, credentials, description);
                requireWritable(connection, Dialect.POSTGRESQL, Path.of(description));
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
            return new StateDatabase(settings.dir(), url, credentials, Dialect.POSTGRESQL, description, connection);
        } catch (SQLException e) {
            if ("28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState())) {
                throw new ConfigException("state.password", "PostgreSQL refused the login of " + settings.username().get()
                        + " (" + e.getSQLState() + "): check state.username and the password");
            }
            throw new StateException("cannot reach the state database (" + description + "): " + rootCause(e), e);
        }
    }

    /** Opens (creating when needed) the database in {@code directory}. */
    public static StateDatabase open(Path directory) {
        Objects.requireNonNull(directory, "directory == null");
        try {
            FilePermissions.createFolders(directory);
        } catch (IOException e) {
            throw new ConfigException("state.dir", "cannot create " + directory + " (" + e.getClass().getSimpleName() + ")");
        }
        if (!Files.isWritable(directory)) {
            throw new ConfigException("state.dir", directory + " is not writable by this user");
        }
        Path file = directory.resolve(FILE_NAME);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(file)) {
            throw new ConfigException("state.dir", file + " is read-only for this user: leadrouter must record every"
                    + " file and lead in it. Give the service's user write access to it (chown/chmod), then start again");
        }
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("leadrouter") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        Properties credentials = new Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", "");
        String description = "embedded H2 in " + directory.toAbsolutePath();
        try {
            Connection connection = DriverManager.getConnection(url, credentials);
            try {
                StateSchema.migrate(url, Dialect.H2, credentials, directory.toString());
                restrictFiles(directory);
                requireWritable(connection, Dialect.H2, file);
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
            return new StateDatabase(directory, url, credentials, Dialect.H2, description, connection);
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) {
                throw new ConfigException("state.dir", "the state in " + directory + " " + IN_USE
                        + "; stop it or use another state.dir");
            }
            if (DAMAGED.contains(e.getErrorCode())) {
                throw damaged(file, e);
            }
            throw new StateException("cannot open the state database in " + directory + ": " + e.getMessage(), e);
        } catch (StateException e) {
            if (e.getCause() instanceof SQLException sql && DAMAGED.contains(sql.getErrorCode())) {
                throw damaged(file, sql);
            }
            throw e;
        }
    }

    /** What {@link #open(Path)} says of an embedded state another process holds open (H2 locks its file). */
    private static final String IN_USE = "is in use by another leadrouter process";

    /** Whether {@code e} is {@link #open(Path)}'s refusal of an embedded state another process holds open. */
    public static boolean inUse(ConfigException e) {
        return "state.dir".equals(e.key()) && e.getMessage().contains(IN_USE);
    }

    /** The file of the database in {@code state.dir}. */
    public static final String FILE_NAME = "leadrouter.mv.db";
    /** H2's codes for a file it cannot read as a database: I/O error on open, corrupted, unknown format. */
    private static final java.util.Set<Integer> DAMAGED = java.util.Set.of(90028, 90030, 90048);

    /**
     * A damaged state stops the start (exit code 2, so systemd does not restart it in a loop), saying what to do
     * and what deleting it would lose.
     */
    private static ConfigException damaged(Path file, SQLException e) {
        return new ConfigException("state.dir", file + " cannot be read as leadrouter's state: it is damaged (H2 error "
                + e.getErrorCode() + "). Move the state folder aside (keep it for support) and start again with an"
                + " empty one. That is safe for every lead already created: VTiger is the ledger, and their import"
                + " markers stop a second create. What the damaged state alone held is the deferred queue and the"
                + " rotation: put the outbox's copy of the queue (deferred-queue_<id>.csv, the log of the last start names"
                + " it) into the inbox to distribute those leads again");
    }

    /** A database H2 could only open read-only (the disk or the file) would fail on the first write: refuse now. */
    private static void requireWritable(Connection connection, Dialect dialect, Path file) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(dialect.upsert("state_value", List.of("name"),
                List.of("name", "val")))) {
            ps.setString(1, "state.opened-at");
            ps.setString(2, java.time.Instant.now().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() == 90097) {
                throw new ConfigException("state.dir", file + " can only be opened read-only (" + e.getMessage()
                        + "): leadrouter must record every file and lead in it. Make it and its disk writable, then start again");
            }
            throw e;
        }
    }

    /** The database's files hold prospects' emails and phones: readable by the service's user and group only. */
    private static void restrictFiles(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "leadrouter.*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    FilePermissions.restrict(file);
                }
            }
        } catch (IOException e) {
            throw new ConfigException("state.dir", "cannot set the rights of the files in " + directory + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The single connection; the pipeline is serial, so callers synchronise on this database. */
    public Connection connection() {
        return connection;
    }

    /**
     * Makes sure the database still answers, reopening it when H2 closed it. H2 closes the whole database when a
     * write fails (a full disk: "No space left on device") and answers every later statement with "the database has
     * been closed" (90098), while the connection still says it is valid; it never reopens by itself. Called before
     * each unit of work (a file, a check of the deferred queue), so that the daemon resumes by itself once space is
     * back: what was committed before the failure is intact (H2's store is crash-safe), what was not is rolled back,
     * as after a power cut.
     *
     * @return true if the database had been closed and is open again
     * @throws StateException (transient) while it still cannot be opened and written, naming the folder
     */
    public synchronized boolean reopenIfClosed() {
        if (closed) {
            throw new StateException("the state database (" + description + ") is closed: leadrouter is stopping", null);
        }
        if (answers(connection)) {
            return false;
        }
        closeQuietly(connection);
        Path file = directory.resolve(FILE_NAME);
        Connection reopened;
        try {
            reopened = DriverManager.getConnection(url, credentials);
        } catch (SQLException e) {
            throw new StateException("the state database (" + description + ") cannot be opened: " + rootCause(e), e);
        }
        try {
            requireWritable(reopened, dialect, file);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(reopened);
            throw new StateException("the state database (" + description + ") cannot be written: " + rootCause(e), e);
        }
        connection = reopened;
        if (dialect == Dialect.H2) {
            LOG.info("the state database in {} had been closed after a failed write; reopened", directory);
        } else {
            LOG.info("the state database ({}) answers again; reconnected", description);
        }
        return true;
    }

    private static boolean answers(Connection connection) {
        try (Statement probe = connection.createStatement(); ResultSet rs = probe.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // a database H2 closed after a failed write may fail to close again: nothing is left to release
            LOG.debug("closing the state's old connection failed: {}", e.getMessage());
        }
    }

    /** The innermost message of a failure (e.g. "No space left on device"), without H2's statement details. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int details = message.indexOf('\n');
        return details < 0 ? message : message.substring(0, details);
    }

    public Path directory() {
        return directory;
    }

    /** Which database this is, for the SQL that differs between them. */
    public Dialect dialect() {
        return dialect;
    }

    /** What an admin reads: "embedded H2 in …" or "PostgreSQL jdbc:postgresql://… as …" (never a password). */
    public String description() {
        return description;
    }

    /** Whether the current connection answers a query now (for {@code check} and the health of a standby). */
    public synchronized boolean reachable() {
        return !closed && answers(connection);
    }

    /**
     * This state's identity: a random id made when the state is first used and kept in it, so that what a state
     * leaves outside itself (the copy of its deferred queue) is told apart from what another state — a second daemon,
     * or a state that was lost and replaced — left.
     */
    public synchronized String id() {
        return value(ID).orElseGet(() -> {
            String id = UUID.randomUUID().toString().substring(0, 8);
            putValue(ID, id);
            return id;
        });
    }

    /** A small named value (e.g. where the allocation rotation resumes). */
    public synchronized Optional<String> value(String name) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT val FROM state_value WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StateException("cannot read state value " + name, e);
        }
    }

    public synchronized void putValue(String name, String value) {
        try (PreparedStatement ps = connection.prepareStatement(dialect.upsert("state_value", List.of("name"),
                List.of("name", "val")))) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StateException("cannot write state value " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (!answers(connection)) {
            // closed by H2 after a failed write: nothing is left to close
            closeQuietly(connection);
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StateException("cannot close the state database", e);
        }
    }
}
