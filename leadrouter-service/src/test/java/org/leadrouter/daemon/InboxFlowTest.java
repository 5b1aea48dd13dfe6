package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.failure.Failure;
import org.leadrouter.failure.Failures;
import org.leadrouter.glance.InboxStatus;
import org.leadrouter.testing.MutableClock;
import org.leadrouter.vtiger.VtigerUnavailableException;

/**
 * The inbox counts as stalled only when files have waited too long and nothing has left the folder meanwhile —
 * whoever took the files and whatever failed — while a file that cannot leave is shown apart and stalls nothing.
 */
class InboxFlowTest {
    private static final Duration STALL = Duration.ofMinutes(5);

    @TempDir
    Path inbox;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @Test
    void aFileWaitingLongerThanItShouldWithNothingLeavingStallsTheInbox() throws Exception {
        InboxFlow flow = new InboxFlow(inbox, STALL, clock);
        Files.writeString(inbox.resolve("a.csv"), "x\n");
        flow.refresh();
        clock.advance(Duration.ofMinutes(4));
        flow.refresh();
        assertThat(flow.status().stalled()).as("four minutes is no stall").isFalse();
        assertThat(flow.status().waiting()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(flow.refresh()).as("the page is rewritten").isTrue();

        InboxStatus status = flow.status();
        assertThat(status.stalled()).isTrue();
        assertThat(status.stalledSince()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(status.oldestAge()).isEqualTo(Duration.ofMinutes(6));
        assertThat(status.failure()).as("nothing failed: the reason is unknown, the stall is not").isEmpty();
    }

    @Test
    void filesLeavingTheFolderKeepItFlowingWhoeverTookThemAndWhateverFailed() throws Exception {
        InboxFlow flow = new InboxFlow(inbox, STALL, clock);
        Path stuck = Files.writeString(inbox.resolve("lento.csv"), "x\n");
        Path other = Files.writeString(inbox.resolve("otro.csv"), "x\n");
        flow.refresh();
        flow.fileFailed(Failures.classify(new VtigerUnavailableException("VTiger answered HTTP 503", false, null)));
        clock.advance(Duration.ofMinutes(4));
        Files.delete(other); // taken away by its sender: no event of the daemon's, still the inbox moved
        flow.refresh();
        clock.advance(Duration.ofMinutes(4));
        flow.refresh();
        assertThat(flow.status().stalled()).as("a file left four minutes ago").isFalse();
        assertThat(flow.status().oldestAge()).isEqualTo(Duration.ofMinutes(8));

        flow.fileFailed(Failures.classify(new VtigerUnavailableException("VTiger answered HTTP 503", false, null)));
        clock.advance(Duration.ofMinutes(2));
        flow.refresh();
        assertThat(flow.status().stalled()).isTrue();
        assertThat(flow.status().stalledSince()).isEqualTo(Instant.parse("2026-03-02T09:04:00Z"));
        assertThat(flow.status().failure()).contains(Failure.Kind.VTIGER_UNAVAILABLE);

        Files.delete(stuck);
        assertThat(flow.refresh()).as("the page is rewritten once more").isTrue();
        assertThat(flow.status().stalled()).isFalse();
        assertThat(flow.status().waiting()).isZero();
        assertThat(flow.refresh()).as("then left alone").isFalse();
    }

    @Test
    void aFileThatCannotLeaveIsShownApartAndStallsNothing() throws Exception {
        InboxFlow flow = new InboxFlow(inbox, STALL, clock);
        Files.writeString(inbox.resolve("privado.csv"), "x\n");
        flow.refresh();
        flow.fileSkipped("privado.csv", "no se puede sacar de la bandeja");
        assertThat(flow.refresh()).as("the page shows it at once").isTrue();
        clock.advance(Duration.ofHours(3));
        flow.refresh();

        InboxStatus status = flow.status();
        assertThat(status.stalled()).isFalse();
        assertThat(status.waiting()).isZero();
        assertThat(status.oldestAge()).isZero();
        assertThat(status.skipped()).containsExactly(
                new InboxStatus.Skipped("privado.csv", "no se puede sacar de la bandeja"));

        Files.writeString(inbox.resolve("bueno.csv"), "x\n");
        flow.refresh();
        clock.advance(Duration.ofMinutes(6));
        flow.refresh();
        assertThat(flow.status().stalled()).as("a takeable file behind it waits too long").isTrue();
        assertThat(flow.status().waiting()).isEqualTo(1);
        assertThat(flow.status().oldestAge()).isEqualTo(Duration.ofMinutes(6));

        Files.delete(inbox.resolve("privado.csv"));
        flow.refresh();
        assertThat(flow.status().skipped()).as("gone, so no longer shown").isEmpty();
    }

    @Test
    void aNewFileOfTheSameNameWaitsFromWhenItArrived() throws Exception {
        InboxFlow flow = new InboxFlow(inbox, STALL, clock);
        Path file = Files.writeString(inbox.resolve("diario.csv"), "x\n");
        flow.refresh();
        clock.advance(Duration.ofMinutes(3));
        // taken and the next day's file of the same name dropped, between two looks
        Path aside = Files.writeString(inbox.resolve("diario.csv.tmp"), "y\n");
        Files.delete(file);
        Files.move(aside, file);
        flow.refresh();
        clock.advance(Duration.ofMinutes(3));
        flow.refresh();

        assertThat(flow.status().oldestAge()).isEqualTo(Duration.ofMinutes(3));
        assertThat(flow.status().stalled()).isFalse();
    }

    @Test
    void filesTheDaemonDoesNotTakeAreNotWaiting() throws Exception {
        InboxFlow flow = new InboxFlow(inbox, STALL, clock);
        Files.writeString(inbox.resolve("copiando.csv.part"), "x\n");
        Files.writeString(inbox.resolve(".oculto.csv"), "x\n");
        Files.writeString(inbox.resolve("~$abierto.xlsx"), "x\n");
        Files.createDirectory(inbox.resolve("viejo.csv"));
        clock.advance(Duration.ofMinutes(10));
        flow.refresh();

        assertThat(flow.status()).isEqualTo(InboxStatus.FLOWING);
    }
}
