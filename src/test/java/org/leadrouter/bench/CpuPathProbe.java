package org.leadrouter.bench;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.leadrouter.cli.LeadrouterCommand;
import picocli.CommandLine;

/**
 * Runs one {@code leadrouter} command line in this JVM (started by the benchmark with the heap under test) and prints
 * {@code probe <exit> <millis> <peak heap bytes>}, then what the command printed on stderr.
 */
public final class CpuPathProbe {
    private CpuPathProbe() {
    }

    public static void main(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LeadrouterCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        System.gc();
        HeapPeak.reset();
        long start = System.nanoTime();
        int exit = cli.execute(args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("probe " + exit + " " + millis + " " + HeapPeak.bytes());
        System.out.println(err.toString().strip());
        System.exit(0);
    }
}
