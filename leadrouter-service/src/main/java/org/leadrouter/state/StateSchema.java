package org.leadrouter.state;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.leadrouter.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned schema of the state database, kept by Flyway: the migrations are the SQL files in
 * {@code src/main/resources/db/migration} ({@code V1__baseline.sql}, then {@code V2__…}: in {@code common/} when both
 * databases run the same SQL, in {@code h2/} and {@code postgresql/} where it differs), applied in order and
 * recorded in the database's {@code flyway_schema_history} table. A state written by leadrouter 0.1.0 (which had
 * no schema version) is recognised by its tables, baselined at version 0 and brought up to date in place; a
 * state written by a newer leadrouter is refused, because this version cannot know what its tables mean.
 */
final class StateSchema {
    private static final Logger LOG = LoggerFactory.getLogger(StateSchema.class);
    /** The migrations both databases run. */
    static final String COMMON = "classpath:db/migration/common";

    private StateSchema() {
    }

    /** Brings the schema of the database at {@code jdbcUrl} up to this version's; throws if it is newer. */
    static void migrate(String jdbcUrl, Dialect dialect, Properties credentials, String where) {
        Flyway flyway = Flyway.configure(StateSchema.class.getClassLoader())
                .dataSource(jdbcUrl, credentials.getProperty("user"), credentials.getProperty("password", ""))
                // then those written for one database, where its SQL differs (h2/, postgresql/)
                .locations(COMMON, "classpath:db/migration/" + dialect.name().toLowerCase(java.util.Locale.ROOT))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("leadrouter 0.1.0 state, before schema versions")
                .load();
        try {
            MigrationInfoService info = flyway.info();
            refuseNewer(info, where);
            String before = info.current() == null ? null : info.current().getVersion().getVersion();
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                if (before == null && result.initialSchemaVersion == null && !isLegacy(result)) {
                    LOG.info("State in {} created at schema version {}", where, result.targetSchemaVersion);
                } else {
                    LOG.info("State in {} migrated from schema version {} to {}", where,
                            before == null ? "0 (leadrouter 0.1.0)" : before, result.targetSchemaVersion);
                }
            }
        } catch (FlywayException e) {
            throw new StateException("cannot bring the state database in " + where + " to this version's schema: "
                    + e.getMessage(), e);
        }
    }

    private static boolean isLegacy(MigrateResult result) {
        return result.migrations.stream().anyMatch(m -> "BASELINE".equalsIgnoreCase(m.type));
    }

    private static void refuseNewer(MigrationInfoService info, String where) {
        MigrationInfo[] future = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .toArray(MigrationInfo[]::new);
        if (future.length == 0) {
            return;
        }
        String newest = Arrays.stream(future).map(MigrationInfo::getVersion).max(Comparator.naturalOrder())
                .map(Object::toString).orElse("?");
        String known = Arrays.stream(info.all()).filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                        && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null)
                .map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).map(Object::toString).orElse("0");
        throw new ConfigException("state.dir", "the state in " + where + " was written by a newer leadrouter"
                + " (schema version " + newest + "; this version knows up to " + known + "). Run the newer version,"
                + " or restore the copy of " + where + " made before the upgrade; nothing was changed");
    }
}
