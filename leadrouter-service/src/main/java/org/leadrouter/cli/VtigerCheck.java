package org.leadrouter.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

import org.leadrouter.allocation.Advisor;
import org.leadrouter.availability.Availability;
import org.leadrouter.config.Settings;
import org.leadrouter.config.VtigerSettings;
import org.leadrouter.pipeline.LeadFieldsCheck;
import org.leadrouter.roster.AdvisorSelection;
import org.leadrouter.allocation.Roster;
import org.leadrouter.roster.RosterLoader;
import org.leadrouter.vtiger.RetryPolicy;
import org.leadrouter.vtiger.VtigerCallListener;
import org.leadrouter.vtiger.VtigerClient;

/**
 * Logs in to VTiger and prints today's roster, without the state database: it must work beside a running
 * daemon, which holds that database.
 */
final class VtigerCheck {
    private VtigerCheck() {
    }

    /** {@link ExitCode#OK}, or {@link ExitCode#VTIGER_UNAVAILABLE} with the reason on {@code err}. */
    static int run(Settings settings, Clock clock, PrintWriter out, PrintWriter err) {
        VtigerSettings vs = settings.vtiger();
        // One attempt: a check reports what it sees now, at once, instead of backing off for a minute.
        try (VtigerClient vtiger = VtigerClient.of(vs, RetryPolicy.ONCE, VtigerCallListener.NONE)) {
            long start = System.nanoTime();
            String userId = vtiger.login();
            out.printf("VTiger: logged in as %s (%s) at %s in %d ms%n", vs.username(), userId, vs.endpoint().getHost(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
            Roster roster = new RosterLoader(vtiger,
                    new AdvisorSelection(settings.advisorsInclude(), settings.advisorsExclude(), settings.includeAdmins()),
                    settings::capFor, settings.allocationZone(), vs.serverZone()).load(clock);
            printRoster(out, roster);
            boolean routingOk = RoutingCheck.print(out, err, roster, vtiger.activeUsers(), new Availability(settings.routing()));
            new LeadFieldsCheck(vtiger, settings.fieldMapping()).verify();
            out.println("Lead fields: all configured fields exist in VTiger's Leads module");
            return routingOk ? ExitCode.OK : ExitCode.USAGE;
        } catch (RuntimeException e) {
            return ExitCode.of(e, err);
        }
    }

    private static void printRoster(PrintWriter out, Roster roster) {
        out.printf("Advisors for %s (leads today / daily cap):%n", roster.day().date());
        for (Advisor a : roster.advisors()) {
            out.printf("  %-24s %-28s %d/%d%n", a.userName(), a.displayName(), roster.loadToday().getOrDefault(a.id(), 0), a.dailyCap());
        }
        if (roster.advisors().isEmpty()) {
            out.println("  (none: every lead would be deferred)");
        }
        roster.notes().forEach(n -> out.println("Note: " + n));
    }
}
