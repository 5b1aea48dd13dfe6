package org.leadrouter.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * High availability: two (or more) daemons on one inbox and one shared state, of which only the leader distributes.
 * Leadership comes from Camel's cluster service: a lock file on the shared storage ({@code ha.mode=file},
 * {@code ha.file.root}) or ZooKeeper ({@code ha.mode=zookeeper}, {@code ha.zookeeper.connect}).
 */
public record HaSettings(Mode mode, String nodeId, String cluster, Optional<Path> fileRoot, Duration fileLockInterval,
                         Optional<String> zookeeperConnect, Duration zookeeperSessionTimeout) {

    /** How leadership is decided. */
    public enum Mode { NONE, FILE, ZOOKEEPER }

    public HaSettings {
        Objects.requireNonNull(mode, "mode == null");
        Objects.requireNonNull(nodeId, "nodeId == null");
        Objects.requireNonNull(cluster, "cluster == null");
    }

    public boolean enabled() {
        return mode != Mode.NONE;
    }

    static HaSettings read(ConfigSource source, StateSettings state) {
        String value = source.get("ha.mode").orElse("none").toLowerCase(Locale.ROOT);
        Mode mode = switch (value) {
            case "none" -> Mode.NONE;
            case "file" -> Mode.FILE;
            case "zookeeper" -> Mode.ZOOKEEPER;
            default -> throw new ConfigException("ha.mode", "'" + value + "' is not none, file or zookeeper");
        };
        String nodeId = source.get("ha.node-id").orElseGet(HaSettings::hostName);
        if (!nodeId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new ConfigException("ha.node-id", "'" + nodeId + "' must be letters, digits, '.', '_' or '-'");
        }
        String cluster = source.get("ha.cluster-name").orElse("leadrouter");
        if (!cluster.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new ConfigException("ha.cluster-name", "'" + cluster + "' must be letters, digits, '.', '_' or '-'");
        }
        Optional<Path> root = source.get("ha.file.root").map(Path::of);
        Optional<String> connect = source.get("ha.zookeeper.connect");
        if (mode != Mode.NONE && !state.shared()) {
            throw new ConfigException("ha.mode", "'" + value + "' needs the state in a shared database (state.url="
                    + "jdbc:postgresql://…): with each node's own embedded state, the standby could not take over the"
                    + " deferred queue, the rotation or the journal of the leader");
        }
        if (mode == Mode.FILE && root.isEmpty()) {
            throw new ConfigException("ha.file.root", "is not set: a folder on the storage both nodes share (NFSv4)");
        }
        if (mode == Mode.ZOOKEEPER && connect.isEmpty()) {
            throw new ConfigException("ha.zookeeper.connect", "is not set: the ZooKeeper ensemble, e.g. zk1:2181,zk2:2181,zk3:2181");
        }
        return new HaSettings(mode, nodeId, cluster, root,
                positive(source, "ha.file.lock-interval", "2s"), connect,
                positive(source, "ha.zookeeper.session-timeout", "10s"));
    }

    private static Duration positive(ConfigSource source, String key, String fallback) {
        Duration d = Durations.parse(key, source.get(key).orElse(fallback));
        if (d.isZero() || d.isNegative() || d.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new ConfigException(key, "must be between 1ms and 1m");
        }
        return d;
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
            return host.isEmpty() ? "localhost" : host.substring(0, Math.min(host.length(), 100));
        } catch (IOException e) {
            return "localhost";
        }
    }
}
