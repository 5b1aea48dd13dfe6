package org.leadrouter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.leadrouter.vtiger.VtigerCallListener;

class VtigerCallListenersTest {

    @Test
    void everyListenerHearsTheCallEvenWhenAnEarlierOneFails() {
        List<String> heard = new ArrayList<>();
        VtigerCallListener broken = (operation, outcome, elapsed) -> {
            throw new IllegalStateException("broken listener");
        };
        VtigerCallListener all = VtigerCallListeners.all(broken, (operation, outcome, elapsed) -> heard.add(operation + ":" + outcome));

        assertThatCode(() -> all.called("query", "unavailable", Duration.ofMillis(3))).doesNotThrowAnyException();
        assertThat(heard).containsExactly("query:unavailable");
    }
}
