package org.leadrouter.glance;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the "today at a glance" page shows: each advisor's load against their cap, the files of the day with their
 * counts, the deferred queue and whether VTiger answers.
 *
 * @param loads    the advisors as of the last file, with their load today (after that file) and cap
 * @param files    today's files, oldest first
 * @param deferred leads waiting in the deferred queue
 * @param inbox    whether the inbox flows (shown at the top when it does not)
 */
public record TodayView(LocalDate day, ZonedDateTime updatedAt, boolean apply, List<AdvisorLoad> loads,
                        List<PoolLoad> pools, List<FileSummary> files, int deferred,
                        VtigerReachability.State vtiger, InboxStatus inbox) {

    /** A view of an inbox that flows. */
    public TodayView(LocalDate day, ZonedDateTime updatedAt, boolean apply, List<AdvisorLoad> loads,
                     List<PoolLoad> pools, List<FileSummary> files, int deferred, VtigerReachability.State vtiger) {
        this(day, updatedAt, apply, loads, pools, files, deferred, vtiger, InboxStatus.FLOWING);
    }

    public TodayView {
        Objects.requireNonNull(inbox, "inbox == null");
        Objects.requireNonNull(day, "day == null");
        Objects.requireNonNull(updatedAt, "updatedAt == null");
        loads = List.copyOf(loads);
        pools = List.copyOf(pools);
        files = List.copyOf(files);
        Objects.requireNonNull(vtiger, "vtiger == null");
    }

    /** One advisor's day: leads assigned today (VTiger and leadrouter together) against their cap. */
    public record AdvisorLoad(String userName, int load, int cap) {
    }

    /** A routing pool's day: its members' leads today together, against their caps together. */
    public record PoolLoad(String name, int members, int load, int cap) {
    }

    /**
     * One file of the day as leadrouter finished it.
     *
     * @param kind       {@code file}, {@code deferred} (a run of the deferred queue) or {@code rejected}
     * @param counts     rows per status label ({@code created}, {@code planned}, …)
     * @param perAdvisor leads given to each advisor (created, or planned in a dry-run)
     * @param report     the report's file name in the outbox ("" when none)
     * @param reason     why a rejected file was refused ("" otherwise)
     */
    public record FileSummary(LocalTime time, String fileName, String kind, Map<String, Integer> counts,
                              Map<String, Integer> perAdvisor, String report, String reason) {
        public FileSummary {
            counts = Map.copyOf(counts);
            perAdvisor = Map.copyOf(perAdvisor);
        }
    }
}
