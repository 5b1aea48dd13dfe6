package org.leadrouter.bench;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.leadrouter.cli.LeadrouterCommand;
import picocli.CommandLine;

/**
 * Runs one {@code leadrouter} command line in this JVM (started by the benchmark with the heap under test) and prints
 * {@code probe <exit> <millis> <peak heap bytes> <pipeline thread CPU ms> <process CPU ms>}, then what the command
 * printed on stderr.
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
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long processCpuBefore = os.getProcessCpuTime();
        long threadCpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int exit = cli.execute(args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // the pipeline runs in this thread (the route is called directly): its CPU time is the work per row,
        // whatever else the machine is doing; the process's adds the JIT compiler and the garbage collector
        long threadCpuMillis = (threads.getCurrentThreadCpuTime() - threadCpuBefore) / 1_000_000;
        long processCpuMillis = (os.getProcessCpuTime() - processCpuBefore) / 1_000_000;
        System.out.println("probe " + exit + " " + millis + " " + HeapPeak.bytes() + " " + threadCpuMillis + " "
                + processCpuMillis);
        System.out.println(err.toString().strip());
        System.exit(0);
    }
}
