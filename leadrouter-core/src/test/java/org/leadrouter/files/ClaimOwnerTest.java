package org.leadrouter.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A claim's owner is judged gone only when it ran on this host and no process with its id and start time runs. */
class ClaimOwnerTest {
    private static String claim(String host, long pid, String started) {
        return host + " run pid " + pid + "\nleads.csv\n" + (started == null ? "" : "started " + started + "\n");
    }

    @Test
    void aKilledProcessOfThisHostIsGoneAndALiveOneIsNot() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            String started = sleeper.info().startInstant().orElseThrow().toString();
            assertThat(ClaimOwner.gone(claim(host, sleeper.pid(), started))).isFalse();

            sleeper.destroyForcibly();
            assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(ClaimOwner.gone(claim(host, sleeper.pid(), started))).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aReusedProcessIdIsNotTheOwnerAndAnotherHostsClaimIsLeftToItsAge() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        long me = ProcessHandle.current().pid();

        assertThat(ClaimOwner.gone(claim(host, me, Instant.EPOCH.toString()))).as("same id, other start").isTrue();
        assertThat(ClaimOwner.gone(claim(host, me, null))).as("no start time: the id alone").isFalse();
        assertThat(ClaimOwner.gone(claim("another-host", Long.MAX_VALUE - 1, null))).isFalse();
    }
}
