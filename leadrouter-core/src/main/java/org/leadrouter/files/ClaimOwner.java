package org.leadrouter.files;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the process named in a claim ({@code <host> <role> pid <n>}, then the file's name, then
 * {@code started <instant>}) is known to be gone: it ran on this host and no process with its id and start time
 * runs now. A claim of another host, or one that says too little, is never judged gone here (only its age tells).
 */
final class ClaimOwner {
    private static final Pattern PID = Pattern.compile(" pid (\\d+)$");
    private static final String STARTED = "started ";

    private ClaimOwner() {
    }

    /** The line a claim carries about this process's start, so that a pid reused later is not mistaken for it. */
    static String startLine() {
        return ProcessHandle.current().info().startInstant().map(i -> STARTED + i + "\n").orElse("");
    }

    static boolean gone(String claimText) {
        String[] lines = claimText.split("\n");
        if (lines.length == 0) {
            return false;
        }
        String owner = lines[0];
        Matcher pid = PID.matcher(owner);
        int space = owner.indexOf(' ');
        String host = thisHost();
        if (!pid.find() || space < 0 || host.equals("unknown-host") || !owner.substring(0, space).equals(host)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid.group(1)));
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = startedOf(lines);
        Optional<Instant> running = process.get().info().startInstant();
        // the same id, but a process started at another time: the id was reused after the owner ended
        return started.isPresent() && running.isPresent() && !started.get().equals(running.get());
    }

    private static Optional<Instant> startedOf(String[] lines) {
        for (String line : lines) {
            if (line.startsWith(STARTED)) {
                try {
                    return Optional.of(Instant.parse(line.substring(STARTED.length()).trim()));
                } catch (java.time.format.DateTimeParseException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
