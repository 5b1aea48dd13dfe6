package org.leadrouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

/** The command line's logback.xml stamps each line with the local time and its UTC offset, as reports are named. */
class ConsoleLoggingTest {

    @Test
    @SuppressWarnings("unchecked")
    void aLineCarriesTheLocalTimeWithItsOffset() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(ConsoleLoggingTest.class.getResource("/logback.xml"));
        ConsoleAppender<ILoggingEvent> appender =
                (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        Instant when = Instant.parse("2026-07-28T22:30:05.123Z");
        LoggingEvent event = new LoggingEvent("test", context.getLogger("org.leadrouter.daemon.Daemon"), Level.INFO,
                "started", null, null);
        event.setInstant(when);

        String line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);

        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSxxx").format(when.atZone(ZoneId.systemDefault()));
        assertThat(line).isEqualTo(local + " INFO  Daemon - started\n").matches("(?s).{23}[+-]\\d\\d:\\d\\d .*");
    }
}
