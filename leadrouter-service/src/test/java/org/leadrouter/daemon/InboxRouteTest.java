package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.config.DaemonSettings;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.batch.Mode;
import org.leadrouter.pipeline.ShutdownSignal;
import org.leadrouter.routes.DistributionRoute;
import org.leadrouter.state.StateDatabase;
import org.leadrouter.state.StateException;
import org.leadrouter.vtiger.VtigerUnavailableException;

/**
 * The inbox route and the daemon's error policy on a real inbox folder, the pipeline replaced by a route that fails
 * as told: one test per outcome (rejected → error/, VTiger down → kept and back-off, stop → kept, unexpected → kept,
 * then error/), and the inbox endpoint's options, each a promise of the README.
 */
class InboxRouteTest extends CamelTestSupport {
    private static final Duration POLL = Duration.ofMillis(20);

    @TempDir
    Path dir;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final ScheduledExecutorService distributionThread = Executors.newSingleThreadScheduledExecutor();
    private DaemonSettings settings;
    private RetryGate gate;
    private StateDatabase state;
    /** What the routes told their observers about trouble: "disk: …" (a folder) or "state: …". */
    private final List<String> troubles = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DaemonEvents events = new DaemonEvents() {
        @Override
        public void diskTrouble(String reason) {
            troubles.add("disk: " + reason);
        }

        @Override
        public void stateTrouble(String reason) {
            troubles.add("state: " + reason);
        }
    };

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws IOException {
        settings = new DaemonSettings(dir.resolve("inbox"), dir.resolve("outbox"), dir.resolve("archive"),
                dir.resolve("error"), true, POLL, Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofMinutes(5));
        Folders.prepare(settings);
        Clock clock = Clock.systemUTC();
        gate = new RetryGate(settings.retryInitialBackoff(), settings.retryMaxBackoff(), clock);
        FileWaits waits = new FileWaits(settings.retryInitialBackoff(), settings.retryMaxBackoff(), clock);
        InboxProcessing processing = new InboxProcessing(new FileOutcomes(settings, clock, ZoneOffset.UTC), gate, waits,
                "test pid 1", () -> { }, Mode.APPLY, events);
        state = StateDatabase.open(dir.resolve("state"));
        StateCheck stateCheck = new StateCheck(state, gate, events);
        return new RoutesBuilder[] {
            new DaemonErrorPolicy(processing, stateCheck, gate),
            new InboxRoute(settings, new InboxFilter(settings.stableTime(), gate, waits, clock), processing, stateCheck,
                    distributionThread),
            new RouteBuilder() {
                @Override
                public void configure() {
                    // as the distribution routes: failures go back to the inbox route, for its policy to judge
                    errorHandler(noErrorHandler());
                    from(HousekeepingRoute.DEFERRED_IF_NEW_DAY).routeId("no-deferred-leads").log("nothing deferred");
                    from(DistributionRoute.ENDPOINT).routeId("failing-pipeline").process(e -> {
                        throw failure.get();
                    });
                }
            }
        };
    }

    @AfterEach
    void stopThread() {
        distributionThread.shutdownNow();
        if (state != null) {
            state.close();
        }
    }

    @Test
    void theInboxEndpointNamesEveryOptionTheReadmePromises() {
        FileEndpoint inbox = (FileEndpoint) context.getRoute(InboxRoute.ROUTE_ID).getEndpoint();

        assertThat(inbox.getFile().toPath()).isEqualTo(settings.inbox().toAbsolutePath());
        assertThat(inbox.isNoop()).as("the route moves the file itself, once done").isTrue();
        assertThat(inbox.getIdempotent()).as("a file kept for a retry is taken again").isFalse();
        assertThat(inbox.isRecursive()).isFalse();
        assertThat(inbox.getFilter()).as("complete files only, nothing while VTiger is down").isInstanceOf(InboxFilter.class);
        assertThat(inbox.getReadLock()).isEqualTo("none");
        assertThat(inbox.getSortBy()).as("oldest first").isNotNull();
        assertThat(inbox.getMaxMessagesPerPoll()).as("one file per poll").isEqualTo(1);
        assertThat(inbox.isEagerMaxMessagesPerPoll()).as("the whole inbox is sorted before one is taken").isFalse();
        assertThat(inbox.getDelay()).isEqualTo(POLL.toMillis());
        assertThat(inbox.isAutoCreate()).as("the daemon makes its folders private before the routes start").isFalse();
        assertThat(inbox.getScheduledExecutorService()).as("the thread the deferred timer shares").isSameAs(distributionThread);
        assertThat(inbox.isSynchronous()).as("a poll waits for its whole file").isTrue();
    }

    @Test
    void aFileThatCanNeverSucceedGoesToErrorWithTheReason() throws Exception {
        failure.set(new UnreadableFileException("the file has no header row"));
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(InboxRoute.ROUTE_ID).whenDone(1).create();

        drop("sin-cabecera.csv");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(files(settings.inbox())).isEmpty();
        assertThat(files(settings.error())).extracting(p -> p.getFileName().toString())
                .containsExactly("sin-cabecera.csv", "sin-cabecera.csv.error.txt");
        assertThat(Files.readString(settings.error().resolve("sin-cabecera.csv.error.txt")))
                .contains("the file has no header row").contains("Nothing from this file was sent to the CRM");
        assertThat(gate.open()).isTrue();
    }

    @Test
    void vtigerBeingDownKeepsTheFileAndClosesTheRetryGate() throws Exception {
        failure.set(new VtigerUnavailableException("VTiger did not answer", false, null));
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(InboxRoute.ROUTE_ID).whenDone(1).create();

        drop("julio.csv");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(files(settings.inbox())).extracting(p -> p.getFileName().toString()).containsExactly("julio.csv");
        assertThat(files(settings.error())).isEmpty();
        assertThat(gate.open()).as("back-off").isFalse();
    }

    @Test
    void aStateThatCannotBeWrittenKeepsTheFileAndSaysSoEvenThoughTheRootCauseIsAnIoException() throws Exception {
        // Camel matches nested causes root first: this must not be taken for a folder's trouble, nor be "unexpected"
        failure.set(new StateException("journal update failed", new java.sql.SQLException("General error",
                new IOException("No space left on device"))));
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(InboxRoute.ROUTE_ID).whenDone(1).create();

        drop("julio.csv");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(files(settings.inbox())).extracting(p -> p.getFileName().toString()).containsExactly("julio.csv");
        assertThat(files(settings.error())).isEmpty();
        assertThat(gate.open()).as("back-off").isFalse();
        assertThat(troubles).singleElement().asString().startsWith("state: cannot write the state database in "
                + state.directory()).contains("No space left on device");
    }

    @Test
    void aFolderThatCannotBeWrittenIsTheDisksTrouble() throws Exception {
        // as WriteReport judges it when a probe write in the outbox fails too
        failure.set(new org.leadrouter.failure.FailedException(org.leadrouter.failure.Failure.of(
                org.leadrouter.failure.Failure.Kind.FOLDER, new org.leadrouter.i18n.Text("failure.folder",
                        settings.outbox().toString(), "FileSystemException No space left on device")),
                new java.io.IOException("No space left on device")));
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(InboxRoute.ROUTE_ID).whenDone(1).create();

        drop("julio.csv");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(files(settings.inbox())).extracting(p -> p.getFileName().toString()).containsExactly("julio.csv");
        assertThat(troubles).singleElement().asString().startsWith("disk: cannot write to ");
    }

    @Test
    void aStopRequestLeavesTheFileForTheNextStart() throws Exception {
        failure.set(new ShutdownSignal.StopRequested());
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(InboxRoute.ROUTE_ID).whenDone(1).create();

        drop("julio.csv");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(files(settings.inbox())).extracting(p -> p.getFileName().toString()).containsExactly("julio.csv");
        assertThat(files(settings.error())).isEmpty();
    }

    @Test
    void anUnexpectedFailureIsRetriedAndAfterThreeInARowTheFileGoesToError() throws Exception {
        failure.set(new IllegalStateException("a fault of ours"));
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(InboxRoute.ROUTE_ID).whenDone(3).create();

        drop("julio.csv");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(files(settings.inbox())).isEmpty();
        assertThat(files(settings.error())).extracting(p -> p.getFileName().toString())
                .containsExactly("julio.csv", "julio.csv.error.txt");
        assertThat(Files.readString(settings.error().resolve("julio.csv.error.txt"))).contains("IllegalStateException");
    }

    private void drop(String name) throws IOException {
        Path aside = Files.writeString(dir.resolve(name + ".tmp"),
                "Nombre;Email\nAna;ana@example.com\n", StandardCharsets.UTF_8);
        Files.move(aside, settings.inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The visible entries of a folder (the inbox also holds the hidden folder of claims, {@code .leadrouter-claims}). */
    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
