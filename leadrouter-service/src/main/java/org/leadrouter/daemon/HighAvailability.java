package org.leadrouter.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.leadrouter.config.HaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node of a high-availability pair distributes: Camel's cluster service elects a leader (a lock file on the
 * shared storage, or ZooKeeper through Curator) and a {@link ClusteredRoutePolicy} runs the inbox and the timers on
 * the leader only. Without {@code ha.mode} this node always leads and the routes carry no policy.
 */
public final class HighAvailability {
    private static final Logger LOG = LoggerFactory.getLogger(HighAvailability.class);

    private final HaSettings settings;
    private final CamelClusterService service;

    private HighAvailability(HaSettings settings, CamelClusterService service) {
        this.settings = settings;
        this.service = service;
    }

    /** Adds the cluster service the settings ask for to {@code camel}, and calls {@code changed} at each change of leader. */
    public static HighAvailability join(CamelContext camel, HaSettings settings, Consumer<Boolean> changed) throws Exception {
        Objects.requireNonNull(settings, "settings == null");
        if (!settings.enabled()) {
            return new HighAvailability(settings, null);
        }
        CamelClusterService service = switch (settings.mode()) {
            case FILE -> fileLock(settings);
            case ZOOKEEPER -> zooKeeper(settings);
            case NONE -> throw new IllegalStateException();
        };
        service.setId(settings.nodeId());
        camel.addService(service);
        service.getView(settings.cluster()).addEventListener((CamelClusterEventListener.Leadership) (view, leader) -> {
            boolean ours = leader != null && leader.isLocal();
            LOG.info("high availability ({}): node {} is {}", settings.mode().name().toLowerCase(java.util.Locale.ROOT),
                    settings.nodeId(), ours ? "the leader: it distributes" : "standing by");
            changed.accept(ours);
        });
        return new HighAvailability(settings, service);
    }

    private static FileLockClusterService fileLock(HaSettings settings) {
        FileLockClusterService service = new FileLockClusterService();
        Path root = settings.fileRoot().orElseThrow();
        service.setRoot(root.toAbsolutePath().toString());
        long interval = settings.fileLockInterval().toMillis();
        service.setAcquireLockInterval(interval, TimeUnit.MILLISECONDS);
        service.setAcquireLockDelay(interval, TimeUnit.MILLISECONDS);
        // a leader that stops writing its heartbeat (killed, paused, cut off from the storage) is replaced after
        // this many intervals
        service.setHeartbeatTimeoutMultiplier(HEARTBEATS);
        return service;
    }

    /** Missed heartbeats after which a standby takes over from a silent leader ({@code ha.mode=file}). */
    static final int HEARTBEATS = 3;

    private static ZooKeeperClusterService zooKeeper(HaSettings settings) {
        ZooKeeperClusterService service = new ZooKeeperClusterService();
        service.setNodes(settings.zookeeperConnect().orElseThrow());
        service.setBasePath("/leadrouter");
        service.setSessionTimeout(settings.zookeeperSessionTimeout().toMillis());
        service.setConnectTimeout(Math.min(15_000, settings.zookeeperSessionTimeout().toMillis()));
        return service;
    }

    /** A daemon alone: it always leads. */
    public static HighAvailability none() {
        return new HighAvailability(null, null);
    }

    public boolean enabled() {
        return service != null;
    }

    /** Whether this node leads now: asked before each create. Always true without high availability. */
    public boolean leading() {
        return service == null || service.isLeader(settings.cluster());
    }

    /** The policy that runs a route on the leader only; none without high availability. */
    public List<RoutePolicy> policies() throws Exception {
        return service == null ? List.of() : List.of(ClusteredRoutePolicy.forNamespace(service, settings.cluster()));
    }

}
