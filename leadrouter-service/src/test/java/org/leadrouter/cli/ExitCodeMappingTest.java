package org.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.leadrouter.config.ConfigException;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.state.StateException;
import org.leadrouter.vtiger.VtigerException;
import org.leadrouter.vtiger.VtigerUnavailableException;

/** The one mapping from a failure to an exit code: each kind its code, found through wrapping; anything else is internal. */
class ExitCodeMappingTest {
    private final StringWriter said = new StringWriter();
    private final PrintWriter err = new PrintWriter(said, true);

    @Test
    void anUnusableFileOrASettingIsAUsageError() {
        assertThat(ExitCode.of(new UnreadableFileException("no header"), err)).isEqualTo(ExitCode.USAGE);
        assertThat(ExitCode.of(new ConfigException("vtiger.url", "is not set"), err)).isEqualTo(ExitCode.USAGE);
        assertThat(said.toString()).contains("the file cannot be used: no header").contains("vtiger.url");
    }

    @Test
    void vtigerTroubleIsFoundUnderAWrapper() {
        Exception wrapped = new IllegalStateException("step failed",
                new VtigerUnavailableException("timed out", true, null));
        assertThat(ExitCode.of(wrapped, err)).isEqualTo(ExitCode.VTIGER_UNAVAILABLE);
        assertThat(ExitCode.of(new VtigerException("INVALID_USER_CREDENTIALS", "Invalid username or password"), err))
                .isEqualTo(ExitCode.VTIGER_UNAVAILABLE);
        assertThat(said.toString()).contains("VTiger is unreachable: timed out").contains("refused the login");
    }

    @Test
    void aStateThatCannotBeWrittenIsAnInternalFailureThatSaysWhatToDo() {
        Exception full = new IllegalStateException("step failed", new StateException("journal update failed",
                new java.sql.SQLException("General error", new IOException("No space left on device"))));

        assertThat(ExitCode.of(full, err)).isEqualTo(ExitCode.INTERNAL);
        assertThat(said.toString()).contains("the state database cannot be written (No space left on device)")
                .contains("run the same command again").doesNotContain("internal failure");
    }

    @Test
    void anythingElseIsAnInternalFailureNotARowError() {
        int code = ExitCode.of(new UncheckedIOException(new IOException("No space left on device")), err);

        assertThat(code).isEqualTo(ExitCode.INTERNAL).isNotEqualTo(ExitCode.ROW_ERRORS).isEqualTo(4);
        assertThat(said.toString()).startsWith("error: internal failure: ").contains("No space left on device");
    }
}
