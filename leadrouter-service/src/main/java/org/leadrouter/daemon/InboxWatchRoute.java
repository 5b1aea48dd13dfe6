package org.leadrouter.daemon;

import java.time.Duration;
import java.util.Objects;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.RoutePolicy;
import org.leadrouter.glance.Glance;

/**
 * Looks at the inbox on a timer, apart from the polling (which stops while VTiger trouble is waited out), and
 * rewrites the page while the inbox is stalled or when it starts or stops flowing ({@link InboxFlow}).
 */
public final class InboxWatchRoute extends RouteBuilder {
    static final String ROUTE_ID = "inbox-watch";

    private final InboxFlow flow;
    private final Glance glance;
    private final Duration period;
    private final HighAvailability leadership;

    /** How often the inbox's flow is looked at: ten polls, between one and thirty seconds. */
    public static Duration periodFor(Duration pollInterval) {
        Duration ten = pollInterval.multipliedBy(10);
        return ten.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : ten.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : ten;
    }

    public InboxWatchRoute(InboxFlow flow, Glance glance, Duration period, HighAvailability leadership) {
        this.flow = Objects.requireNonNull(flow, "flow == null");
        this.glance = Objects.requireNonNull(glance, "glance == null");
        this.period = Objects.requireNonNull(period, "period == null");
        this.leadership = Objects.requireNonNull(leadership, "leadership == null");
    }

    @Override
    public void configure() throws Exception {
        from("timer:inbox-watch?delay=0&period=" + period.toMillis()).routeId(ROUTE_ID)
            // a standby node does not take files: only the leader can say its inbox does not flow
            .routePolicy(leadership.policies().toArray(RoutePolicy[]::new))
            .process(e -> {
                if (flow.refresh()) {
                    glance.writePage();
                }
            });
    }
}
