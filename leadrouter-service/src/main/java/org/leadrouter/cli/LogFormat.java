package org.leadrouter.cli;

import java.util.Iterator;
import java.util.Locale;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.leadrouter.config.ConfigException;
import org.leadrouter.config.ConfigSource;
import org.slf4j.LoggerFactory;

/**
 * The setting {@code logging.format}: {@code text} (the logging configuration's own lines) or {@code json} (one JSON
 * object a line, {@link JsonLines}), applied to the console appenders once the settings are read. A logging
 * configuration that writes to journald says so with the context property {@code leadrouter.journal=true}.
 */
final class LogFormat {
    static final String KEY = "logging.format";
    static final String JOURNAL_PROPERTY = "leadrouter.journal";

    private LogFormat() {
    }

    /** Applies the configured format; a value other than text or json is a configuration error naming the key. */
    static void apply(ConfigSource source) {
        String format = source.get(KEY).orElse("text").strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "text" -> { }
            case "json" -> json();
            default -> throw new ConfigException(KEY, "'" + format + "' is not text or json");
        }
    }

    private static void json() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another logging back-end: its own configuration decides
        }
        boolean journal = Boolean.parseBoolean(context.getProperty(JOURNAL_PROPERTY));
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> out) {
                JsonLines encoder = new JsonLines(journal);
                encoder.setContext(context);
                encoder.start();
                out.setEncoder(encoder);
            }
        }
    }
}
