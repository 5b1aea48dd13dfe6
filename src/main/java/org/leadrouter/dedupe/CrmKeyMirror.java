package org.leadrouter.dedupe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.leadrouter.state.StateDatabase;
import org.leadrouter.state.StateException;

/**
 * A local copy of the contact keys (emails, phones) of CRM records, kept in the state database so duplicate
 * checks cost no request per lead. Stale entries are harmless: matches are confirmed against VTiger before use.
 */
public final class CrmKeyMirror {
    private final StateDatabase state;

    public CrmKeyMirror(StateDatabase state) {
        this.state = Objects.requireNonNull(state, "state == null");
    }

    /** One record's keys, replacing whatever the mirror knew of it. */
    public record RecordKeys(String module, String recordId, Map<String, ContactKey> keysByField) {
    }

    /** The module's sync position, when it was ever synced. */
    public record SyncState(String watermark, OffsetDateTime fullSyncAt) {
    }

    public Optional<SyncState> syncState(String module) {
        synchronized (state) {
            try (PreparedStatement ps = connection().prepareStatement("SELECT watermark, full_sync_at FROM crm_sync WHERE module = ?")) {
                ps.setString(1, module);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new SyncState(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
                            : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StateException("cannot read the sync state of " + module, e);
            }
        }
    }

    /** Stores records (each replacing its previous keys) and the new sync position, in one transaction. */
    public void store(String module, Collection<RecordKeys> records, boolean replaceModule, String watermark,
                      OffsetDateTime fullSyncAt) {
        synchronized (state) {
            Connection c = connection();
            try {
                c.setAutoCommit(false);
                if (replaceModule) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM crm_key WHERE module = ?")) {
                        ps.setString(1, module);
                        ps.executeUpdate();
                    }
                } else {
                    deleteRecords(c, records.stream().map(RecordKeys::recordId).toList());
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO crm_key (module, record_id, field, kind, key_value) VALUES (?, ?, ?, ?, ?)")) {
                    for (RecordKeys r : records) {
                        for (Map.Entry<String, ContactKey> e : r.keysByField().entrySet()) {
                            ps.setString(1, module);
                            ps.setString(2, r.recordId());
                            ps.setString(3, e.getKey());
                            ps.setString(4, e.getValue().kind().name());
                            ps.setString(5, e.getValue().value());
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "MERGE INTO crm_sync (module, watermark, full_sync_at) KEY (module) VALUES (?, ?, ?)")) {
                    ps.setString(1, module);
                    ps.setString(2, watermark);
                    ps.setObject(3, fullSyncAt);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                rollback(c);
                throw new StateException("cannot store the CRM keys of " + module, e);
            } finally {
                autoCommit(c);
            }
        }
    }

    /** Records that hold {@code key}, as the mirror knows them. */
    public List<CrmRecordRef> find(ContactKey key) {
        synchronized (state) {
            try (PreparedStatement ps = connection().prepareStatement(
                    "SELECT module, record_id, field FROM crm_key WHERE kind = ? AND key_value = ? ORDER BY module, record_id")) {
                ps.setString(1, key.kind().name());
                ps.setString(2, key.value());
                List<CrmRecordRef> refs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.add(new CrmRecordRef(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return refs;
            } catch (SQLException e) {
                throw new StateException("cannot look up a CRM key", e);
            }
        }
    }

    /** Forgets records that VTiger no longer shows (deleted, or converted leads). */
    public void forget(Collection<String> recordIds) {
        synchronized (state) {
            try {
                deleteRecords(connection(), List.copyOf(recordIds));
            } catch (SQLException e) {
                throw new StateException("cannot forget CRM records", e);
            }
        }
    }

    private static void deleteRecords(Connection c, List<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM crm_key WHERE record_id = ?")) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private Connection connection() {
        return state.connection();
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private static void autoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StateException("cannot restore auto-commit", e);
        }
    }
}
