package org.leadrouter.daemon;

import java.time.Duration;
import java.util.Objects;

import org.apache.camel.builder.RouteBuilder;
import org.leadrouter.glance.Glance;

/**
 * Looks at the inbox on a timer, apart from the polling (which stops while VTiger trouble is waited out), and
 * rewrites the page while the inbox is stalled or when it starts or stops flowing ({@link InboxFlow}).
 */
final class InboxWatchRoute extends RouteBuilder {
    static final String ROUTE_ID = "inbox-watch";

    private final InboxFlow flow;
    private final Glance glance;
    private final Duration period;

    InboxWatchRoute(InboxFlow flow, Glance glance, Duration period) {
        this.flow = Objects.requireNonNull(flow, "flow == null");
        this.glance = Objects.requireNonNull(glance, "glance == null");
        this.period = Objects.requireNonNull(period, "period == null");
    }

    @Override
    public void configure() {
        from("timer:inbox-watch?delay=0&period=" + period.toMillis()).routeId(ROUTE_ID)
            .process(e -> {
                if (flow.refresh()) {
                    glance.writePage();
                }
            });
    }
}
