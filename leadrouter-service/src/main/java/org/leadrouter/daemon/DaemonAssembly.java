package org.leadrouter.daemon;

import java.util.Objects;

import org.apache.camel.CamelContext;
import org.leadrouter.glance.Glance;
import org.leadrouter.glance.VtigerReachability;
import org.leadrouter.pipeline.ShutdownSignal;
import org.leadrouter.vtiger.VtigerCallListener;

/**
 * Builds the daemon's application into Camel Main's context as it configures ({@code app.Wiring} does): the
 * daemon runs it, and knows of it only what it must stop and close.
 */
@FunctionalInterface
public interface DaemonAssembly {
    /**
     * @param calls        the listener of every VTiger call (metrics, health and the page's reachability)
     * @param reachability what the page says of VTiger
     */
    Assembled build(CamelContext camel, VtigerCallListener calls, VtigerReachability reachability, DaemonEvents events)
            throws Exception;

    /**
     * What was built.
     *
     * @param shutdown asked when the daemon stops: the creates in flight finish, nothing new starts
     * @param close    closes what was built (Camel, the VTiger client, the state), once the routes stopped
     * @param glance   the page the management server serves
     */
    record Assembled(ShutdownSignal shutdown, Runnable close, Glance glance) {
        public Assembled {
            Objects.requireNonNull(shutdown, "shutdown == null");
            Objects.requireNonNull(close, "close == null");
            Objects.requireNonNull(glance, "glance == null");
        }
    }
}
