package org.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A key leadrouter does not know stops it, naming the nearest known key. */
class KnownKeysTest {
    @Test
    void anUnderscoreForADashIsRefusedNamingTheRightKey() {
        assertThatThrownBy(() -> KnownKeys.refuseUnknown(Set.of("vtiger.url", "allocation.daily_cap"), Set.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration key 'allocation.daily_cap': is not a leadrouter setting;"
                        + " did you mean allocation.daily-cap?")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("allocation.daily_cap");
    }

    @Test
    void swappedLettersAndAMistypedFamilyAreNamedToo() {
        assertThat(KnownKeys.nearest("vtiger.usernmae", Set.of())).contains("vtiger.username");
        assertThat(KnownKeys.nearest("allocation.caps.asesor.luis", Set.of())).contains("allocation.cap.asesor.luis");
        assertThat(KnownKeys.nearest("routing.rules.2.pool", Set.of())).contains("routing.rule.2.pool");
    }

    @Test
    void aKeyNearNothingIsRefusedWithoutAGuess() {
        assertThatThrownBy(() -> KnownKeys.refuseUnknown(List.of("colour.of.the.page"), Set.of()))
                .hasMessage("configuration key 'colour.of.the.page': is not a leadrouter setting");
    }

    @Test
    void familiesCamelKeysAndKeysTheSettingsReadAreKnown() {
        assertThatCode(() -> KnownKeys.refuseUnknown(List.of("allocation.cap.asesor.luis", "allocation.weight.ana",
                "routing.pool.sanidad", "routing.rule.1.course", "camel.main.name", "camel.component.file.bridgeErrorHandler",
                "some.key.a.newer.setting.reads"), Set.of("some.key.a.newer.setting.reads"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> KnownKeys.refuseUnknown(List.of("routing.pool."), Set.of()))
                .hasMessageContaining("'routing.pool.'");
    }

    @Test
    void everyKeyTheShippedConfigurationDocumentsIsKnown() throws IOException {
        Path shipped = Path.of("..", "conf", "leadrouter.properties");
        Matcher keys = Pattern.compile("(?m)^#?([a-z][a-z0-9]*(?:[.-][a-z0-9_-]+)+)\\s*=").matcher(
                Files.readString(shipped, StandardCharsets.UTF_8));
        int seen = 0;
        while (keys.find()) {
            seen++;
            assertThat(KnownKeys.isKnown(keys.group(1), Set.of())).as(keys.group(1) + " in " + shipped).isTrue();
        }
        assertThat(seen).isGreaterThan(40);
    }

    @Test
    void editDistanceCountsASwapAsOneEdit() {
        assertThat(EditDistance.between("mode", "mdoe")).isEqualTo(1);
        assertThat(EditDistance.between("daily_cap", "daily-cap")).isEqualTo(1);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("state.dir", "state.dir")).isZero();
    }

    @Test
    void aMistypedVariableIsWarnedAboutNamingTheVariableItResembles() {
        assertThat(KnownKeys.unknownVariables(List.of("LEADROUTER_ALLOCATION_DAILYCAP", "LEADROUTER_VTIGER_ACCESS_KEY",
                "LEADROUTER_CONFIG", "LEADROUTER_LOG_LEVEL", "LEADROUTER_ALLOCATION_CAP_ASESOR_LUIS", "PATH", "HOME"), Set.of()))
                .containsExactly("the environment variable LEADROUTER_ALLOCATION_DAILYCAP sets no leadrouter setting and"
                        + " is ignored; did you mean LEADROUTER_ALLOCATION_DAILY_CAP?");
    }
}
