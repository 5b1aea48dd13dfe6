package org.leadrouter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The object graph is built in one place, and the packages below it depend one way: nothing reaches back up into app or cli. */
class WiringTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "leadrouter");

    @Test
    void noPackageBelowAppImportsAppOrCli() throws IOException {
        List<String> upward = sources().filter(p -> !inPackage(p, "app") && !inPackage(p, "cli"))
                .filter(p -> read(p).contains("import org.leadrouter.app.") || read(p).contains("import org.leadrouter.cli."))
                .map(p -> SOURCES.relativize(p).toString()).toList();

        assertThat(upward).isEmpty();
    }

    @Test
    void theStepsAndTheDaemonsPartsAreBuiltOnlyByWiring() throws IOException {
        List<String> builders = sources().filter(p -> !p.endsWith(Path.of("app", "Wiring.java")))
                .filter(p -> read(p).matches("(?s).*new (DistributionSteps|InboxProcessing|DeferredRelease|InboxRoute"
                        + "|HousekeepingRoute|DistributionRoute|Glance|Journal|LeadCreator)\\(.*"))
                .map(p -> SOURCES.relativize(p).toString()).toList();

        assertThat(builders).isEmpty();
    }

    private static Stream<Path> sources() throws IOException {
        return Files.walk(SOURCES).filter(p -> p.toString().endsWith(".java")).toList().stream();
    }

    private static boolean inPackage(Path source, String pkg) {
        return SOURCES.relativize(source).startsWith(pkg);
    }

    private static String read(Path source) {
        try {
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
