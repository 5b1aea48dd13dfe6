package org.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.leadrouter.failure.InputFailures;
import org.leadrouter.testing.LogCapture;
import org.leadrouter.config.ConfigException;
import org.leadrouter.csv.UnreadableFileException;
import org.leadrouter.state.StateException;
import org.leadrouter.vtiger.VtigerException;
import org.leadrouter.vtiger.VtigerUnavailableException;

/** The one mapping from a failure to an exit code: each kind its code, found through wrapping; anything nobody classified is a bug with an incident id. */
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
    void anythingNobodyClassifiedIsABugWithAnIncidentIdInTheMessageAndInTheLog() {
        try (LogCapture log = LogCapture.of("org.leadrouter")) {
            int code = ExitCode.of(new UncheckedIOException(new IOException("No space left on device")), err);

            assertThat(code).isEqualTo(ExitCode.INTERNAL).isNotEqualTo(ExitCode.ROW_ERRORS).isEqualTo(4);
            Matcher id = Pattern.compile("incident ([0-9A-F]{8})").matcher(said.toString());
            assertThat(id.find()).as(said.toString()).isTrue();
            assertThat(said.toString()).startsWith("error: an internal error of leadrouter (UncheckedIOException)");
            assertThat(log.messages(Level.ERROR)).singleElement().asString().contains("incident " + id.group(1));
        }
    }

    @Test
    void aFileTheServiceMayNotReadIsTheFilesProblemNotTheDisks() {
        Exception denied = InputFailures.reading(Path.of("leads.csv"), new AccessDeniedException("leads.csv"));

        assertThat(ExitCode.of(new IllegalStateException("step failed", denied), err)).isEqualTo(ExitCode.USAGE);
        assertThat(said.toString()).contains("not allowed to read this file").doesNotContain("AccessDenied");
    }
}
