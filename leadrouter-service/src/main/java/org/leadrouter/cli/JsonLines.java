package org.leadrouter.cli;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * One JSON object a line for a log shipper (Loki, Elastic): Logback's {@link JsonEncoder} with the time, level,
 * thread, logger, the message as read and the exception, without the raw arguments or the logger context. Under
 * journald each line starts with its syslog priority ({@code <4>} for WARN…), which journald takes off and keeps as
 * the entry's priority, so the journal holds plain JSON and {@code journalctl -p warning} still works.
 */
final class JsonLines extends EncoderBase<ILoggingEvent> {
    private final JsonEncoder json = new JsonEncoder();
    private final boolean journal;

    JsonLines(boolean journal) {
        this.journal = journal;
    }

    @Override
    public void start() {
        json.setContext(getContext());
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        json.start();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = json.encode(event);
        if (!journal) {
            return line;
        }
        byte[] prefix = priority(event.getLevel()).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + line.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(line, 0, out, prefix.length, line.length);
        return out;
    }

    private static String priority(Level level) {
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return "<3>";
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return "<4>";
        }
        return level.isGreaterOrEqual(Level.INFO) ? "<6>" : "<7>";
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
