package org.leadrouter.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What leadrouter hands to systemd-notify, and when: only under systemd, with the watchdog meant for this process. */
class SystemdNotifierTest {
    private static final Map<String, String> UNDER_SYSTEMD = Map.of("NOTIFY_SOCKET", "/run/systemd/notify");

    @TempDir
    Path dir;

    /** A stand-in for systemd-notify that writes each call's arguments as one line. */
    private Path recordingNotify() throws IOException {
        Path script = dir.resolve("systemd-notify");
        Files.writeString(script, "#!/bin/sh\necho \"$*\" >> \"$(dirname \"$0\")/calls\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private List<String> calls() throws IOException {
        Path calls = dir.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void readyStoppingAndAliveBecomeSystemdNotifyCalls() throws IOException {
        SystemdNotifier notifier = new SystemdNotifier(recordingNotify().toString(), UNDER_SYSTEMD, 42);

        notifier.ready("distributing files");
        notifier.alive();
        notifier.stopping();

        assertThat(calls()).containsExactly("--ready --status=distributing files", "WATCHDOG=1",
                "--status=stopping: finishing the creates in flight STOPPING=1");
    }

    @Test
    void outsideSystemdNothingIsSent() throws IOException {
        SystemdNotifier notifier = new SystemdNotifier(recordingNotify().toString(), Map.of(), 42);

        notifier.ready("distributing files");
        notifier.stopping();

        assertThat(notifier.enabled()).isFalse();
        assertThat(calls()).isEmpty();
    }

    @Test
    void aMissingSystemdNotifyDoesNotStopTheDaemon() {
        SystemdNotifier notifier = new SystemdNotifier(dir.resolve("absent").toString(), UNDER_SYSTEMD, 42);

        notifier.ready("distributing files"); // logged, not thrown: systemd's start time-out says the rest

        assertThat(notifier.enabled()).isTrue();
    }

    @Test
    void watchdogIsFedOnlyWhenMeantForThisProcess() {
        Map<String, String> ours = Map.of("NOTIFY_SOCKET", "/run/n", "WATCHDOG_USEC", "60000000", "WATCHDOG_PID", "42");
        Map<String, String> anyPid = Map.of("NOTIFY_SOCKET", "/run/n", "WATCHDOG_USEC", "60000000");
        Map<String, String> another = Map.of("NOTIFY_SOCKET", "/run/n", "WATCHDOG_USEC", "60000000", "WATCHDOG_PID", "7");
        Map<String, String> noSocket = Map.of("WATCHDOG_USEC", "60000000");

        assertThat(new SystemdNotifier("systemd-notify", ours, 42).watchdogTimeout()).contains(Duration.ofSeconds(60));
        assertThat(new SystemdNotifier("systemd-notify", anyPid, 42).watchdogTimeout()).contains(Duration.ofSeconds(60));
        assertThat(new SystemdNotifier("systemd-notify", another, 42).watchdogTimeout()).isEmpty();
        assertThat(new SystemdNotifier("systemd-notify", noSocket, 42).watchdogTimeout()).isEmpty();
    }
}
