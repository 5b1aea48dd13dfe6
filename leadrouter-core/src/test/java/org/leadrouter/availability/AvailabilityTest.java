package org.leadrouter.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.leadrouter.allocation.Advisor;
import org.leadrouter.allocation.BusinessDay;
import org.leadrouter.config.ConfigSource;
import org.leadrouter.config.Settings;
import org.leadrouter.allocation.Roster;
import org.leadrouter.testing.LogCapture;

/** The daemon's view of a pool member VTiger does not know: warned about once, and the pool goes on without them. */
class AvailabilityTest {

    @Test
    void aPoolMemberWhoIsNotAnAdvisorIsWarnedAboutOnceAndLeftOut() {
        Settings settings = Settings.from(ConfigSource.of(Map.of("vtiger.url", "https://crm.example.com",
                "vtiger.username", "api", "vtiger.access-key", "k",
                "routing.pool.sanidad", "asesor.ana,asesor.nadie", "routing.rule.1.course", "Salud", "routing.rule.1.pool", "sanidad")));
        Availability availability = new Availability(settings.routing());
        BusinessDay day = BusinessDay.of(LocalDate.of(2026, 11, 30), ZoneId.of("Europe/Madrid"), ZoneId.of("UTC"));
        Roster roster = new Roster(day, List.of(new Advisor("19x5", "asesor.ana", "Ana", 25)), Map.of(), Map.of(), List.of());

        try (LogCapture log = LogCapture.of(Availability.class.getName())) {
            availability.day(roster);
            availability.day(roster);
            assertThat(log.messages(Level.WARN)).containsExactly("routing.pool.sanidad names 'asesor.nadie', who is not an"
                    + " advisor in VTiger today (unknown, inactive, an admin or excluded); the pool goes on without them");
        }
    }
}
