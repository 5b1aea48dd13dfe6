package org.leadrouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** conf/logback.xml, the production logging under journald, renders events as journald wants them. */
class JournaldLoggingTest {
    private final LoggerContext context = new LoggerContext();
    private ConsoleAppender<ILoggingEvent> appender;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void configure() throws Exception {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("..", "conf", "logback.xml").toFile());
        appender = (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("JOURNAL");
    }

    @Test
    void aLineStartsWithTheSyslogPriorityAndLevelAndHasNoTimestamp() {
        assertThat(render(Level.INFO, "file {} distributed", null, "leads.csv"))
                .isEqualTo("<6>INFO  DaemonRoute - file leads.csv distributed\n");
        assertThat(render(Level.WARN, "VTiger is unreachable", null)).startsWith("<4>WARN  DaemonRoute - ");
        assertThat(render(Level.DEBUG, "row 3", null)).startsWith("<7>DEBUG DaemonRoute - ");
    }

    @Test
    void aStackTraceStaysInTheSameJournalEntry() {
        String line = render(Level.ERROR, "cannot move the file", new IllegalStateException("disk full", new RuntimeException("EIO")));
        assertThat(line).startsWith("<3>ERROR DaemonRoute - cannot move the file | java.lang.IllegalStateException: disk full | at ")
                .contains("Caused by: java.lang.RuntimeException: EIO")
                .endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
    }

    @Test
    void aLineBreakInAFileNameCannotForgeAnotherLogLine() {
        assertThat(render(Level.INFO, "file {} distributed", null, "x.csv\n<3>ERROR forged"))
                .isEqualTo("<6>INFO  DaemonRoute - file x.csv | <3>ERROR forged distributed\n");
    }

    @Test
    void leadrouterLogsAtInfoAndCamelOnlyWhenSomethingIsWrong() {
        assertThat(context.getLogger("org.leadrouter.app.Leadrouter").isInfoEnabled()).isTrue();
        assertThat(context.getLogger("org.leadrouter.app.Leadrouter").isDebugEnabled()).isFalse();
        assertThat(context.getLogger("org.apache.camel.impl.engine.AbstractCamelContext").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("org.apache.camel.impl.engine.AbstractCamelContext").isWarnEnabled()).isTrue();
        assertThat(context.getLogger("org.apache.hc.client5.http.wire").isErrorEnabled()).isFalse();
    }

    private String render(Level level, String message, Throwable error, Object... args) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("org.leadrouter.daemon.DaemonRoute"), level, message, error, args);
        return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}
