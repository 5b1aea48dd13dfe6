package org.leadrouter.glance;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.leadrouter.allocation.Advisor;
import org.leadrouter.allocation.Pool;
import org.leadrouter.files.FilePermissions;
import org.leadrouter.i18n.Messages;
import org.leadrouter.batch.DistributionBatch;
import org.leadrouter.batch.LeadRow;
import org.leadrouter.batch.RowStatus;
import org.leadrouter.allocation.Roster;
import org.leadrouter.state.StateDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Today at a glance" for the sales manager: after each file the daemon tells it what happened, and it writes the
 * page into the outbox (which the team already reads); the management server serves the same page.
 */
public final class Glance {
    private static final Logger LOG = LoggerFactory.getLogger(Glance.class);

    private final GlanceStore store;
    private final Path outbox;
    private final IntSupplier deferredCount;
    private final VtigerReachability vtiger;
    private final boolean apply;
    private final Clock clock;
    private final ZoneId zone;
    private final List<Pool> pools;
    private volatile Supplier<InboxStatus> inbox = () -> InboxStatus.FLOWING;

    public Glance(StateDatabase state, Path outbox, IntSupplier deferredCount, VtigerReachability vtiger, boolean apply,
                  Clock clock, ZoneId zone) {
        this(state, outbox, deferredCount, vtiger, apply, clock, zone, List.of());
    }

    /** As above, with the routing pools whose load the page shows beside each advisor's. */
    public Glance(StateDatabase state, Path outbox, IntSupplier deferredCount, VtigerReachability vtiger, boolean apply,
                  Clock clock, ZoneId zone, List<Pool> pools) {
        this.pools = List.copyOf(pools);
        this.store = new GlanceStore(state);
        this.outbox = Objects.requireNonNull(outbox, "outbox == null");
        this.deferredCount = Objects.requireNonNull(deferredCount, "deferredCount == null");
        this.vtiger = Objects.requireNonNull(vtiger, "vtiger == null");
        this.apply = apply;
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.zone = Objects.requireNonNull(zone, "zone == null");
    }

    /** The page's file in the outbox. */
    public Path pageFile() {
        return outbox.resolve(Messages.current().text("glance.file-name"));
    }

    /** A file (or a run of the deferred queue) went through the pipeline: its counts, and the loads after it. */
    public void batchDone(DistributionBatch batch, boolean deferredRun) {
        Map<String, Integer> counts = new TreeMap<>();
        for (RowStatus s : RowStatus.values()) {
            long n = batch.count(s);
            if (n > 0) {
                counts.put(s.label(), (int) n);
            }
        }
        // what the file gave each advisor, as no earlier line of the page told it: leads created before an
        // interruption count here (the interrupted run told nothing), those of a finished earlier run do not
        Map<String, Integer> perAdvisor = new TreeMap<>();
        for (LeadRow r : batch.rows()) {
            if (r.advisor() != null && !r.reportedBefore()
                    && (r.status() == RowStatus.CREATED || r.status() == RowStatus.PLANNED)) {
                perAdvisor.merge(r.advisor().userName(), 1, Integer::sum);
            }
        }
        // today's loads already hold every lead settled from an earlier run: only this run's are added to them
        Map<String, Integer> perAdvisorId = batch.assignedByThisRun();
        String name = batch.file() == null ? "" : batch.file().displayName();
        String report = batch.request().report().getFileName().toString();
        record(new TodayView.FileSummary(now(), name, deferredRun ? "deferred" : "file", counts, perAdvisor, report,
                ""));
        Roster roster = batch.roster();
        if (roster != null) {
            List<TodayView.AdvisorLoad> loads = new ArrayList<>();
            for (Advisor a : roster.advisors()) {
                int load = roster.loadToday().getOrDefault(a.id(), 0) + perAdvisorId.getOrDefault(a.id(), 0);
                loads.add(new TodayView.AdvisorLoad(a.userName(), load, a.dailyCap()));
            }
            try {
                store.putLoads(roster.day().date(), loads);
            } catch (RuntimeException e) {
                LOG.warn("cannot keep today's loads for the glance page: {}", e.getMessage());
            }
        }
        writePage();
    }

    /**
     * A file was refused: it shows with its reason and, when known, a link to the explanation beside it in error/
     * (kept as a path relative to the outbox, where the page is).
     */
    public void fileRejected(String fileName, String reason, Path explanation) {
        String link = "";
        if (explanation != null) {
            try {
                link = outbox.toAbsolutePath().relativize(explanation.toAbsolutePath()).toString();
            } catch (IllegalArgumentException otherRoot) {
                link = ""; // on another drive or root: no link a browser could follow from the page
            }
        }
        record(new TodayView.FileSummary(now(), fileName, "rejected", Map.of(), Map.of(), link, reason));
        writePage();
    }

    /** Where the page learns whether the inbox flows. */
    public void watchInbox(Supplier<InboxStatus> status) {
        inbox = Objects.requireNonNull(status, "status == null");
    }

    /** What the page shows now. */
    public TodayView view() {
        LocalDate day = today();
        List<TodayView.AdvisorLoad> loads = store.loads(day);
        Map<LocalDate, List<TodayView.FileSummary>> files = store.filesByDay(day.minusDays(TodayView.LAST_DAYS - 1), day);
        return new TodayView(day, ZonedDateTime.now(clock.withZone(zone)), apply, loads, poolLoads(loads),
                files.getOrDefault(day, List.of()), deferredCount.getAsInt(), vtiger.state(), inbox.get(),
                lastDays(day, files));
    }

    /** Each of the last calendar days, today first, those without a file as well (a silent day is news too). */
    private static List<TodayView.DayTotals> lastDays(LocalDate today, Map<LocalDate, List<TodayView.FileSummary>> files) {
        List<TodayView.DayTotals> days = new ArrayList<>();
        for (int i = 0; i < TodayView.LAST_DAYS; i++) {
            LocalDate d = today.minusDays(i);
            days.add(TodayView.DayTotals.of(d, files.getOrDefault(d, List.of())));
        }
        return days;
    }

    /** Each pool's members' loads and caps added up; the default pool is everyone. None without routing pools. */
    private List<TodayView.PoolLoad> poolLoads(List<TodayView.AdvisorLoad> loads) {
        List<TodayView.PoolLoad> out = new ArrayList<>();
        if (pools.isEmpty() || loads.isEmpty()) {
            return out;
        }
        out.add(sum(Pool.DEFAULT, loads));
        for (Pool pool : pools) {
            if (pool.isDefault()) {
                continue;
            }
            List<TodayView.AdvisorLoad> members = loads.stream()
                    .filter(a -> pool.members().stream().anyMatch(m -> m.equalsIgnoreCase(a.userName()))).toList();
            out.add(sum(pool.name(), members));
        }
        return out;
    }

    private static TodayView.PoolLoad sum(String name, List<TodayView.AdvisorLoad> members) {
        return new TodayView.PoolLoad(name, members.size(), members.stream().mapToInt(TodayView.AdvisorLoad::load).sum(),
                members.stream().mapToInt(TodayView.AdvisorLoad::cap).sum());
    }

    /** The page as served over HTTP (reports named, not linked). */
    public String servedHtml() {
        return TodayPage.render(view(), Messages.current(), false);
    }

    /** Writes the page into the outbox in one step; a failure is logged, never passed on to the file's outcome. */
    public void writePage() {
        Path target = pageFile();
        Path temp = outbox.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            String html = TodayPage.render(view(), Messages.current(), true);
            FilePermissions.createFolders(outbox);
            Files.createFile(temp, FilePermissions.forNewFile(outbox));
            FilePermissions.restrict(temp);
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                w.write(html);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the glance page {}: {}", target, e.toString());
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is hidden and removed by the next write's retention at worst
            }
        }
    }

    private void record(TodayView.FileSummary file) {
        try {
            store.addFile(today(), file);
        } catch (RuntimeException e) {
            LOG.warn("cannot record a file for the glance page: {}", e.getMessage());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private LocalTime now() {
        return LocalTime.now(clock.withZone(zone)).withNano(0);
    }
}
