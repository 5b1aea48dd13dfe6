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
import java.util.Objects;
import java.util.Optional;

import org.leadrouter.config.ConfigException;
import org.leadrouter.files.FilePermissions;

/**
 * The durable state of leadrouter in {@code state.dir}: an embedded H2 database (pure Java, one file, crash-safe
 * MVStore, plain SQL). Holds the mirror of CRM contact keys used for duplicate checks, small named values and the
 * journal; its schema is versioned by {@link StateSchema}.
 */
public final class StateDatabase implements AutoCloseable {
    private final Path directory;
    private final Connection connection;

    private StateDatabase(Path directory, Connection connection) {
        this.directory = directory;
        this.connection = connection;
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
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("leadrouter") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        try {
            Connection connection = DriverManager.getConnection(url, "leadrouter", "");
            try {
                StateSchema.migrate(url, "leadrouter", directory);
                restrictFiles(directory);
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
            return new StateDatabase(directory, connection);
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020) {
                throw new ConfigException("state.dir", "the state in " + directory
                        + " is in use by another leadrouter process; stop it or use another state.dir");
            }
            throw new StateException("cannot open the state database in " + directory + ": " + e.getMessage(), e);
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

    public Path directory() {
        return directory;
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
        try (PreparedStatement ps = connection.prepareStatement("MERGE INTO state_value (name, val) KEY (name) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StateException("cannot write state value " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StateException("cannot close the state database", e);
        }
    }
}
