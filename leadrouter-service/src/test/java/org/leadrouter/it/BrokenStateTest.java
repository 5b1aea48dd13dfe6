package org.leadrouter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A damaged or read-only state stops the start with exit code 2 and says what to do; nothing is sent. */
class BrokenStateTest {
    @RegisterExtension
    final Harness h = Harness.perTest(CrmFixtures.academy()::build);

    private Path oneLead() throws Exception {
        return h.csv("Juan Pérez,juan@example.com,600123456,Salud,28/07/2025,Portales");
    }

    @Test
    void aDamagedStateExits2SayingWhatToDoAndWhetherDeletingItIsSafe() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(h.stateDir.resolve("leadrouter.mv.db"), noise);

        Harness.Run run = h.apply(oneLead());

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("state.dir").contains("damaged").contains("Move the state folder aside")
                .contains("safe for every lead already created").contains("deferred-queue_");
        assertThat(h.sandbox.calls("create")).isZero();
    }

    @Test
    void aReadOnlyStateIsRefusedAtTheStart() throws Exception {
        Harness.Run first = h.apply(oneLead());
        assertThat(first.exitCode()).as(first.printed()).isZero();
        Path db = h.stateDir.resolve("leadrouter.mv.db");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r-----"));
        assumeFalse(Files.isWritable(db), "this user (root?) may write to read-only files: nothing to check here");

        Harness.Run run = h.apply(h.csv("Ana Gómez,ana@example.com,600654321,Salud,28/07/2025,Portales"));

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
        assertThat(run.err()).contains("read-only");
        assertThat(h.sandbox.calls("create")).isEqualTo(1);
    }
}
