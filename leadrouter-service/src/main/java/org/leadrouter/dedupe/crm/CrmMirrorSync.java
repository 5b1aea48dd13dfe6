package org.leadrouter.dedupe.crm;

import org.leadrouter.dedupe.ContactKey;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.leadrouter.lead.PhoneNormaliser;
import org.leadrouter.vtiger.VtigerClient;
import org.leadrouter.vtiger.VtqlQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the {@link CrmKeyMirror} up to date: a full copy the first time and every {@code dedupe.full-refresh},
 * otherwise only records modified since the last sync (with an overlap, since timestamps have one-second
 * resolution and records can change while we page).
 */
public final class CrmMirrorSync {
    private static final Logger LOG = LoggerFactory.getLogger(CrmMirrorSync.class);
    private static final DateTimeFormatter VTIGER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Duration OVERLAP = Duration.ofHours(1);
    static final List<String> EMAIL_FIELDS = List.of("email", "secondaryemail");
    static final List<String> PHONE_FIELDS = List.of("phone", "mobile");

    private final VtigerClient vtiger;
    private final CrmKeyMirror mirror;
    private final PhoneNormaliser phones;
    private final Duration fullRefresh;
    private final ZoneId serverZone;
    private final Clock clock;

    public CrmMirrorSync(VtigerClient vtiger, CrmKeyMirror mirror, PhoneNormaliser phones, Duration fullRefresh,
                         ZoneId serverZone, Clock clock) {
        this.vtiger = Objects.requireNonNull(vtiger, "vtiger == null");
        this.mirror = Objects.requireNonNull(mirror, "mirror == null");
        this.phones = Objects.requireNonNull(phones, "phones == null");
        this.fullRefresh = Objects.requireNonNull(fullRefresh, "fullRefresh == null");
        this.serverZone = Objects.requireNonNull(serverZone, "serverZone == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Syncs one module (Leads or Contacts); returns how many records were read. */
    public int sync(String module) {
        Optional<CrmKeyMirror.SyncState> state = mirror.syncState(module);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // a record stamped in the future (a bad import, a skewed clock) must not move the next start past today
        String startedAt = VTIGER.format(LocalDateTime.now(clock.withZone(serverZone)));
        boolean full = state.isEmpty() || state.get().fullSyncAt() == null
                || state.get().fullSyncAt().plus(fullRefresh).isBefore(now);
        VtqlQuery.Builder query = VtqlQuery.select(columns()).from(module);
        if (!full) {
            query.where("modifiedtime", ">=", since(state.get().watermark()));
        }
        List<Map<String, String>> rows = vtiger.queryAll(query.orderBy("id").build());
        List<CrmKeyMirror.RecordKeys> records = new ArrayList<>(rows.size());
        String watermark = full ? "" : state.get().watermark();
        for (Map<String, String> row : rows) {
            records.add(keysOf(module, row));
            String modified = row.getOrDefault("modifiedtime", "");
            if (modified.compareTo(watermark) > 0 && modified.compareTo(startedAt) <= 0) {
                watermark = modified;
            }
        }
        mirror.store(module, records, full, watermark, full ? now : state.get().fullSyncAt());
        LOG.debug("{} sync of {}: {} records", full ? "full" : "incremental", module, rows.size());
        return rows.size();
    }

    private String[] columns() {
        List<String> cols = new ArrayList<>(List.of("id", "modifiedtime"));
        cols.addAll(EMAIL_FIELDS);
        cols.addAll(PHONE_FIELDS);
        return cols.toArray(String[]::new);
    }

    private CrmKeyMirror.RecordKeys keysOf(String module, Map<String, String> row) {
        Map<String, ContactKey> keys = new LinkedHashMap<>();
        for (String f : EMAIL_FIELDS) {
            ContactKey.email(row.get(f)).ifPresent(k -> keys.put(f, k));
        }
        for (String f : PHONE_FIELDS) {
            ContactKey.phone(row.get(f), phones).ifPresent(k -> keys.put(f, k));
        }
        return new CrmKeyMirror.RecordKeys(module, row.get("id"), keys);
    }

    private static String since(String watermark) {
        if (watermark == null || watermark.isEmpty()) {
            return "0000-00-00 00:00:00";
        }
        try {
            return VTIGER.format(LocalDateTime.parse(watermark, VTIGER).minus(OVERLAP));
        } catch (DateTimeParseException e) {
            return "0000-00-00 00:00:00";
        }
    }
}
