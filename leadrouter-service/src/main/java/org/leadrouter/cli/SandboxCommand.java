package org.leadrouter.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.leadrouter.sandbox.SandboxFaults;
import org.leadrouter.sandbox.SandboxFixture;
import org.leadrouter.sandbox.VtigerSandbox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leadrouter sandbox}: runs the VTiger 8.1 webservice emulator on its own, until stopped. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Runs the embedded VTiger 8.1 webservice emulator on 127.0.0.1 until stopped (Ctrl-C).")
final class SandboxCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8081", description = "Port on 127.0.0.1 (0 = any free port; default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--fixture", paramLabel = "<json>", description = "Fixture file with users, leads and contacts (default: the demo fixture).")
    private Path fixture;

    @Option(names = "--generate", paramLabel = "<leads>,<contacts>", split = ",",
            description = "Instead of a fixture file, generate this many random leads and contacts (for benchmarks).")
    private int[] generate;

    @Option(names = "--latency-ms", paramLabel = "<ms>", defaultValue = "0",
            description = "Milliseconds added to every request, like a CRM at a distance (default: ${DEFAULT-VALUE}).")
    private int latencyMs;

    @Override
    public Integer call() throws Exception {
        if (latencyMs < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--latency-ms must not be negative");
        }
        SandboxFixture data;
        if (generate != null) {
            if (generate.length != 2) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--generate takes <leads>,<contacts>");
            }
            data = SandboxFixture.generated(generate[0], generate[1], 42L);
        } else {
            data = fixture != null ? SandboxFixture.load(fixture) : SandboxFixture.demo();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Duration latency = Duration.ofMillis(latencyMs);
        // the one fault this command offers: every request takes this long, as a distant CRM's do
        VtigerSandbox sandbox = VtigerSandbox.start(port, data, latencyMs == 0 ? SandboxFaults.NONE : new SandboxFaults() {
            @Override
            public Duration serverTime(String operation) {
                return latency;
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        spec.commandLine().getOut().println("VTiger sandbox listening on " + sandbox.baseUrl() + "webservice.php"
                + (fixture == null && generate == null ? " (demo fixture: user '" + DemoCommand.DEMO_USER + "')" : ""));
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCode.OK;
    }
}
