package org.leadrouter.testing;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Collects what a logger (and its children) logs while a test runs; close it to detach. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /** Starts collecting from the logger {@code name}, e.g. {@code org.leadrouter}. */
    public static LogCapture of(String name) {
        return new LogCapture(name);
    }

    /** The formatted messages logged at {@code level}. */
    public synchronized List<String> messages(Level level) {
        return List.copyOf(appender.list).stream().filter(e -> e.getLevel().equals(level))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
