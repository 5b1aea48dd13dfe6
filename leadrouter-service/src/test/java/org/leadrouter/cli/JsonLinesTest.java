package org.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** logging.format=json: one JSON object a line, with its journald priority in front only when writing to journald. */
class JsonLinesTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("org.leadrouter.daemon.Daemon");

    private String encode(boolean journal, Level level, String message, Object... args) {
        JsonLines encoder = new JsonLines(journal);
        encoder.setContext(context);
        encoder.start();
        return new String(encoder.encode(new LoggingEvent(Logger.FQCN, logger, level, message, null, args)),
                StandardCharsets.UTF_8);
    }

    @Test
    void aMessageWithALineBreakIsOneJsonObjectOnOneLine() throws Exception {
        String line = encode(false, Level.INFO, "{}: rejected", "evil\nname.csv");

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n").startsWith("{").endsWith("}");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("loggerName").asText()).isEqualTo("org.leadrouter.daemon.Daemon");
        assertThat(json.path("formattedMessage").asText()).isEqualTo("evil\nname.csv: rejected");
        assertThat(json.has("arguments")).isFalse();
    }

    @Test
    void underJournaldEachLineStartsWithItsPriority() throws Exception {
        assertThat(encode(true, Level.ERROR, "x")).startsWith("<3>{");
        assertThat(encode(true, Level.WARN, "x")).startsWith("<4>{");
        assertThat(encode(true, Level.INFO, "x")).startsWith("<6>{");
        assertThat(encode(true, Level.DEBUG, "x")).startsWith("<7>{");
        assertThat(new ObjectMapper().readTree(encode(true, Level.WARN, "x").substring(3)).path("level").asText())
                .isEqualTo("WARN");
    }
}
