package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrouter.testing.SmallDisk;

/**
 * {@code run --apply} whose state's disk fills up in the middle of the file (a real small disk): it stops with exit
 * code 4 saying what to do; run again once space is back, it finishes the file and no lead is created twice.
 */
class FullStateDiskRunTest {
    private static final int LEADS = 6;

    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);
    private SmallDisk disk;

    @BeforeEach
    void smallStateDisk() throws Exception {
        disk = SmallDisk.mount(h.dir.resolve("state-disk"), 16);
        assumeTrue(disk != null, "mounting a small disk (tmpfs) needs root or CAP_SYS_ADMIN: a full state disk cannot"
                + " be made here");
        h.set("state.dir", disk.path().resolve("state").toString()).set("vtiger.max-concurrency", "1");
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void aStateDiskThatFillsMidRunStopsWithExit4AndTheRerunCreatesNothingTwice() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= LEADS; i++) {
            rows.add("Persona" + i + " Llena,lleno" + i + "@example.com,60070000" + i + ",Salud,28/07/2025,Portales");
        }
        Path csv = h.csv(rows.toArray(String[]::new));
        AtomicInteger creates = new AtomicInteger();
        // the disk fills while VTiger stores the third lead: its answer cannot be recorded
        h.knobs.rejectCreates(fields -> {
            if (creates.incrementAndGet() == 3) {
                disk.fill();
            }
            return false;
        }, "UNUSED", "never");

        Harness.Run full = h.apply(csv);

        assertThat(full.exitCode()).as(full.printed()).isEqualTo(4);
        assertThat(full.err()).contains("the state database cannot be written (No space left on device)")
                .contains("run the same command again");
        assertThat(h.sandbox.calls("create")).as("nothing sent after the failure").isEqualTo(3);

        disk.free();
        Harness.Run again = h.apply(csv);

        assertThat(again.exitCode()).as(again.printed()).isZero();
        assertThat(again.report(',')).hasSize(LEADS).allMatch(r -> "created".equals(r.get("Status")));
        for (int i = 1; i <= LEADS; i++) {
            String email = "lleno" + i + "@example.com";
            assertThat(h.sandbox.records("Leads").stream().filter(r -> email.equals(r.get("email"))).count())
                    .as(email).isEqualTo(1);
        }
        assertThat(h.sandbox.calls("create")).as("the lead whose answer was lost is found, not sent again").isEqualTo(LEADS);
    }
}
