package org.leadrouter.dedupe.crm;

import org.leadrouter.dedupe.ContactKey;
import org.leadrouter.dedupe.CrmRecordRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
    private static final int LOOKUP_BATCH = 1000;
    /** Keys sent to the database per batch while storing, all within one transaction. */
    private static final int INSERT_BATCH = 1000;
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
                    int pending = 0;
                    for (RecordKeys r : records) {
                        for (Map.Entry<String, ContactKey> e : r.keysByField().entrySet()) {
                            ps.setString(1, module);
                            ps.setString(2, r.recordId());
                            ps.setString(3, e.getKey());
                            ps.setString(4, e.getValue().kind().name());
                            ps.setString(5, e.getValue().value());
                            ps.addBatch();
                            if (++pending == INSERT_BATCH) {
                                ps.executeBatch();
                                pending = 0;
                            }
                        }
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        state.dialect().upsert("crm_sync", List.of("module"), List.of("module", "watermark", "full_sync_at")))) {
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

    /**
     * Records holding each of {@code keys}, as the mirror knows them (keys no record holds are absent), in a few
     * queries of up to {@value #LOOKUP_BATCH} keys each rather than one per key.
     */
    public Map<ContactKey, List<CrmRecordRef>> findAll(Collection<ContactKey> keys) {
        Map<ContactKey, List<CrmRecordRef>> found = new HashMap<>();
        for (ContactKey.Kind kind : ContactKey.Kind.values()) {
            List<String> values = keys.stream().filter(k -> k.kind() == kind).map(ContactKey::value).distinct().toList();
            for (int from = 0; from < values.size(); from += LOOKUP_BATCH) {
                lookUp(kind, values.subList(from, Math.min(values.size(), from + LOOKUP_BATCH)), found);
            }
        }
        found.values().forEach(refs -> refs.sort(Comparator.comparing(CrmRecordRef::module).thenComparing(CrmRecordRef::recordId)));
        return found;
    }

    private void lookUp(ContactKey.Kind kind, List<String> values, Map<ContactKey, List<CrmRecordRef>> found) {
        synchronized (state) {
            // the keys as a table joined to the index on (kind, key_value): each is one index lookup, whereas H2
            // evaluates "key_value IN (...)" or "= ANY(?)" against every key of that kind
            try (PreparedStatement ps = connection().prepareStatement(
                    "SELECT k.key_value, k.module, k.record_id, k.field FROM " + state.dialect().valuesTable("t")
                            + " INNER JOIN crm_key k ON k.kind = ? AND k.key_value = t.v")) {
                ps.setArray(1, connection().createArrayOf("VARCHAR", values.toArray(String[]::new)));
                ps.setString(2, kind.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.computeIfAbsent(new ContactKey(kind, rs.getString(1)), k -> new ArrayList<>())
                                .add(new CrmRecordRef(rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            } catch (SQLException e) {
                throw new StateException("cannot look up CRM keys", e);
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
