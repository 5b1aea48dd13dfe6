package org.leadrouter.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.leadrouter.config.StateSettings;

/**
 * What {@code check} says of the state store: which one, and for a PostgreSQL state whether it answers, accepts the
 * login and is migrated (its schema version), without changing anything. The embedded H2 state is checked as a folder
 * (opening it beside a running daemon is not possible: H2 locks its file).
 */
final class StateCheckReport {
    private StateCheckReport() {
    }

    static int print(StateSettings state, PrintWriter out, PrintWriter err) {
        out.println("State: " + state.describe());
        if (!state.shared()) {
            return ExitCode.OK;
        }
        Properties login = new Properties();
        login.setProperty("user", state.username().orElseThrow());
        state.password().ifPresent(p -> login.setProperty("password", p.reveal()));
        login.setProperty("connectTimeout", "10");
        try (Connection c = DriverManager.getConnection(state.url().orElseThrow(), login);
             Statement st = c.createStatement()) {
            String version = "not migrated yet (the daemon creates the schema at its first start)";
            try (ResultSet rs = st.executeQuery("SELECT MAX(CAST(version AS INT)) FROM flyway_schema_history WHERE success")) {
                if (rs.next() && rs.getObject(1) != null) {
                    version = "migrated, schema version " + rs.getInt(1);
                }
            } catch (SQLException noTable) {
                // a new, empty database
            }
            out.println("  reachable, login accepted, " + version);
            return ExitCode.OK;
        } catch (SQLException e) {
            boolean refused = "28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState());
            err.println("error: state.url: " + (refused ? "PostgreSQL refused the login of " + state.username().get()
                    : "the database cannot be reached: " + e.getMessage()));
            return refused ? ExitCode.USAGE : ExitCode.INTERNAL;
        }
    }
}
