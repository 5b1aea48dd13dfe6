package org.leadrouter.glance;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the "today at a glance" page shows: each advisor's load against their cap, the files of the day with their
 * counts, the deferred queue, whether VTiger answers, and the totals of the last days.
 *
 * @param loads    the advisors as of the last file, with their load today (after that file) and cap
 * @param files    today's files, oldest first
 * @param deferred leads waiting in the deferred queue
 * @param inbox    whether the inbox flows (shown at the top when it does not)
 * @param lastDays the totals of each of the last {@link #LAST_DAYS} calendar days, today first
 */
public record TodayView(LocalDate day, ZonedDateTime updatedAt, boolean apply, List<AdvisorLoad> loads,
                        List<PoolLoad> pools, List<FileSummary> files, int deferred,
                        VtigerReachability.State vtiger, InboxStatus inbox, List<DayTotals> lastDays) {
    /** How many days the page sums up, today included. */
    public static final int LAST_DAYS = 7;

    /** A view of an inbox that flows. */
    public TodayView(LocalDate day, ZonedDateTime updatedAt, boolean apply, List<AdvisorLoad> loads,
                     List<PoolLoad> pools, List<FileSummary> files, int deferred, VtigerReachability.State vtiger) {
        this(day, updatedAt, apply, loads, pools, files, deferred, vtiger, InboxStatus.FLOWING);
    }

    /** A view without the last days' totals. */
    public TodayView(LocalDate day, ZonedDateTime updatedAt, boolean apply, List<AdvisorLoad> loads,
                     List<PoolLoad> pools, List<FileSummary> files, int deferred, VtigerReachability.State vtiger,
                     InboxStatus inbox) {
        this(day, updatedAt, apply, loads, pools, files, deferred, vtiger, inbox, List.of());
    }

    public TodayView {
        Objects.requireNonNull(inbox, "inbox == null");
        Objects.requireNonNull(day, "day == null");
        Objects.requireNonNull(updatedAt, "updatedAt == null");
        loads = List.copyOf(loads);
        pools = List.copyOf(pools);
        files = List.copyOf(files);
        lastDays = List.copyOf(lastDays);
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

    /**
     * One day's files added up.
     *
     * @param files    files distributed (rejected files and runs of the deferred queue are not counted here)
     * @param created  leads created in VTiger that day, those of the deferred queue's runs included
     * @param planned  leads planned in a dry-run that day
     * @param deferred leads of that day's files that went to the deferred queue
     * @param rejected files refused whole
     */
    public record DayTotals(LocalDate day, int files, int created, int planned, int deferred, int duplicates,
                            int rejected) {
        public DayTotals {
            Objects.requireNonNull(day, "day == null");
        }

        /** The totals of {@code files}, all of {@code day}. */
        public static DayTotals of(LocalDate day, List<FileSummary> files) {
            int distributed = 0;
            int created = 0;
            int planned = 0;
            int deferred = 0;
            int duplicates = 0;
            int rejected = 0;
            for (FileSummary f : files) {
                switch (f.kind()) {
                    case "rejected" -> rejected++;
                    case "file" -> {
                        distributed++;
                        // a run of the deferred queue leaves its waiting leads "deferred" again: counted once,
                        // on the day their file came
                        deferred += f.counts().getOrDefault("deferred", 0);
                    }
                    default -> { }
                }
                created += f.counts().getOrDefault("created", 0);
                planned += f.counts().getOrDefault("planned", 0);
                duplicates += f.counts().getOrDefault("duplicate", 0);
            }
            return new DayTotals(day, distributed, created, planned, deferred, duplicates, rejected);
        }
    }
}
