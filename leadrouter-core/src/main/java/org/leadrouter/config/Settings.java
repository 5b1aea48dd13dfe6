package org.leadrouter.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.leadrouter.i18n.Language;

/** The typed, validated settings of leadrouter, read once from a {@link ConfigSource}. */
public final class Settings {
    /** Where systemd's {@code LoadCredential=} puts the access key. */
    public static final String CREDENTIAL_NAME = "vtiger-access-key";
    private static final Set<String> DEDUPE_MODULES = Set.of("Leads", "Contacts");

    private final ConfigSource source;
    private final VtigerSettings vtiger;
    private final ZoneId allocationZone;
    private final int dailyCap;
    private final Map<String, Integer> capOverrides;
    private final Set<String> advisorsInclude;
    private final Set<String> advisorsExclude;
    private final boolean includeAdmins;
    private final List<String> dedupeModules;
    private final Duration dedupeFullRefresh;
    private final String phoneRegion;
    private final LeadFieldMapping fieldMapping;
    private final Path stateDir;
    private final StateSettings state;
    private final HaSettings ha;
    private final DaemonSettings daemon;
    private final ManagementSettings management;
    private final InputLimits inputLimits;
    private final int retentionDays;
    private final Duration createSettleTime;
    private final RoutingSettings routing;
    private final ReportSettings report;
    private final Language language;

    private Settings(ConfigSource source) {
        this.source = source;
        this.vtiger = readVtiger();
        this.allocationZone = zone("allocation.timezone", "Europe/Madrid");
        this.dailyCap = integer("allocation.daily-cap", 25, 0, 100_000);
        this.capOverrides = readCapOverrides();
        this.advisorsInclude = list("advisors.include");
        this.advisorsExclude = list("advisors.exclude");
        this.includeAdmins = bool("advisors.include-admins", false);
        this.dedupeModules = List.copyOf(readDedupeModules());
        this.dedupeFullRefresh = duration("dedupe.full-refresh", "24h");
        this.phoneRegion = readPhoneRegion();
        this.fieldMapping = new LeadFieldMapping(
                field("lead.course-field", "description"),
                field("lead.entry-date-field", "description"),
                field("lead.source-field", "leadsource"));
        this.stateDir = Path.of(source.get("state.dir").orElse("/var/lib/leadrouter"));
        this.state = StateSettings.read(source, stateDir);
        this.ha = HaSettings.read(source, state);
        this.daemon = readDaemon();
        this.management = new ManagementSettings(bool("management.enabled", true),
                source.get("management.host").orElse("127.0.0.1"), integer("management.port", 9876, 0, 65535));
        this.inputLimits = new InputLimits(bytes("input.max-bytes", "50MB"), integer("input.max-rows", 100_000, 1, 10_000_000));
        this.retentionDays = integer("retention.days", 90, 1, 36_500);
        this.createSettleTime = duration("vtiger.create-settle-time", "10m");
        if (createSettleTime.compareTo(vtiger.readTimeout()) <= 0) {
            throw new ConfigException("vtiger.create-settle-time", "must be longer than vtiger.read-timeout ("
                    + vtiger.readTimeout().toSeconds() + "s): VTiger may still be working on a create it did not answer");
        }
        this.routing = RoutingSettings.read(source);
        this.language = readLanguage();
        this.report = ReportSettings.from(source, language == Language.ES);
    }

    private DaemonSettings readDaemon() {
        String mode = source.get("mode").orElse("dry-run").toLowerCase(Locale.ROOT);
        if (!mode.equals("dry-run") && !mode.equals("apply")) {
            throw new ConfigException("mode", "'" + mode + "' is not dry-run or apply");
        }
        Path inbox = Path.of(source.get("paths.inbox").orElse("/var/data/leads/inbox"));
        Path base = inbox.toAbsolutePath().getParent() == null ? inbox.toAbsolutePath() : inbox.toAbsolutePath().getParent();
        return new DaemonSettings(inbox,
                Path.of(source.get("paths.outbox").orElse(base.resolve("outbox").toString())),
                Path.of(source.get("paths.archive").orElse(base.resolve("archive").toString())),
                Path.of(source.get("paths.error").orElse(base.resolve("error").toString())),
                mode.equals("apply"),
                duration("inbox.poll-interval", "5s"),
                duration("inbox.stable-time", "10s"),
                duration("inbox.retry.initial-backoff", "15s"),
                duration("inbox.retry.max-backoff", "5m"),
                duration("deferred.check-interval", "5m"),
                duration("inbox.unterminated-line-time", "5m"));
    }

    private long bytes(String key, String fallback) {
        String value = source.get(key).orElse(fallback).trim().toUpperCase(Locale.ROOT);
        Matcher m = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?").matcher(value);
        if (!m.matches()) {
            throw new ConfigException(key, "'" + value + "' is not a size (examples: 500KB, 50MB, 1GB)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        return switch (unit) {
            case "KB" -> n * 1024;
            case "MB" -> n * 1024 * 1024;
            case "GB" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    /** Reads and validates every setting; throws {@link ConfigException} naming the first bad key. */
    public static Settings from(ConfigSource source) {
        return new Settings(source);
    }

    public VtigerSettings vtiger() { return vtiger; }
    public ZoneId allocationZone() { return allocationZone; }
    public int dailyCap() { return dailyCap; }
    public boolean includeAdmins() { return includeAdmins; }
    public Set<String> advisorsInclude() { return advisorsInclude; }
    public Set<String> advisorsExclude() { return advisorsExclude; }
    public List<String> dedupeModules() { return dedupeModules; }
    public Duration dedupeFullRefresh() { return dedupeFullRefresh; }
    public String phoneRegion() { return phoneRegion; }
    public LeadFieldMapping fieldMapping() { return fieldMapping; }
    public Path stateDir() { return stateDir; }
    /** Where the state lives: embedded H2 in {@link #stateDir()}, or a shared PostgreSQL database. */
    public StateSettings state() { return state; }
    public HaSettings ha() { return ha; }
    public ConfigSource source() { return source; }
    public DaemonSettings daemon() { return daemon; }
    public ManagementSettings management() { return management; }
    public InputLimits inputLimits() { return inputLimits; }
    public int retentionDays() { return retentionDays; }
    /**
     * How long VTiger may still be working on a create whose answer never came: until then the lead is looked up by
     * its import marker but never sent again.
     */
    public Duration createSettleTime() { return createSettleTime; }
    /** Pools, rules, weights, working days and the absences file. */
    public RoutingSettings routing() { return routing; }
    public ReportSettings report() { return report; }
    /** The language of what the sales team reads ({@code language=es|en}, Spanish by default). */
    public Language language() { return language; }

    private Language readLanguage() {
        String value = source.get("language").orElse("es");
        return Language.of(value).orElseThrow(() -> new ConfigException("language", "'" + value + "' is not es or en"));
    }

    /** The daily cap of one advisor: {@code allocation.cap.<user_name>} when set, else the default. */
    public int capFor(String userName) {
        Integer fromFile = capOverrides.get(userName.toLowerCase(Locale.ROOT));
        String key = "allocation.cap." + userName;
        return source.get(key).map(v -> parseInt(key, v, 0, 100_000))
                .orElse(fromFile != null ? fromFile : dailyCap);
    }

    private VtigerSettings readVtiger() {
        String url = required("vtiger.url");
        URI endpoint = endpointOf(url);
        String username = required("vtiger.username");
        Secret key = accessKey();
        ZoneId serverZone = zone("vtiger.server-timezone", "UTC");
        return new VtigerSettings(endpoint, username, key, serverZone,
                duration("vtiger.connect-timeout", "10s"),
                duration("vtiger.read-timeout", "60s"),
                integer("vtiger.retry.attempts", 4, 1, 20),
                duration("vtiger.retry.initial-backoff", "1s"),
                duration("vtiger.retry.max-backoff", "30s"),
                trustStore(),
                integer("vtiger.max-concurrency", 4, 1, 16));
    }

    private Optional<TrustStore> trustStore() {
        Optional<String> path = source.get(TrustStore.PATH_KEY);
        Optional<Secret> password = source.get(TrustStore.PASSWORD_KEY).map(Secret::new);
        if (path.isEmpty()) {
            if (password.isPresent()) {
                throw new ConfigException(TrustStore.PASSWORD_KEY, "is set but " + TrustStore.PATH_KEY + " is not");
            }
            return Optional.empty();
        }
        return Optional.of(TrustStore.open(Path.of(path.get()), password.orElse(null)));
    }

    static URI endpointOf(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException("vtiger.url", "'" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ConfigException("vtiger.url", "'" + url + "' must be an http:// or https:// URL of the CRM");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException("vtiger.url", "'" + url + "' must not have a query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.endsWith("/webservice.php")) {
            path = (path.endsWith("/") ? path : path + "/") + "webservice.php";
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private Secret accessKey() {
        return SecretSource.read(source, "vtiger.access-key", CREDENTIAL_NAME).orElseThrow(() -> new ConfigException(
                "vtiger.access-key", "is not set (set it, or " + ConfigSource.environmentName("vtiger.access-key")
                + ", or vtiger.access-key-file, or the systemd credential '" + CREDENTIAL_NAME + "')"));
    }

    private Map<String, Integer> readCapOverrides() {
        Map<String, Integer> caps = new TreeMap<>();
        for (String key : source.fileKeysStartingWith("allocation.cap.")) {
            String user = key.substring("allocation.cap.".length());
            if (!user.isEmpty()) {
                caps.put(user.toLowerCase(Locale.ROOT), integer(key, dailyCap, 0, 100_000));
            }
        }
        return Map.copyOf(caps);
    }

    private Set<String> readDedupeModules() {
        Set<String> modules = new LinkedHashSet<>();
        for (String m : list("dedupe.modules", "Leads,Contacts")) {
            String module = DEDUPE_MODULES.stream().filter(k -> k.equalsIgnoreCase(m)).findFirst()
                    .orElseThrow(() -> new ConfigException("dedupe.modules", "'" + m + "' is not one of " + DEDUPE_MODULES));
            modules.add(module);
        }
        return modules;
    }

    private String readPhoneRegion() {
        String region = source.get("phone.default-region").orElse("ES").toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new ConfigException("phone.default-region", "'" + region + "' is not a two-letter region code such as ES");
        }
        return region;
    }

    private String required(String key) {
        return source.get(key).orElseThrow(() -> new ConfigException(key,
                "is not set (set it in the configuration file or as " + ConfigSource.environmentName(key) + ")"));
    }

    private String field(String key, String fallback) {
        String value = source.get(key).orElse(fallback);
        if (!value.matches("[a-z][a-z0-9_]*")) {
            throw new ConfigException(key, "'" + value + "' is not a VTiger field name (lower-case letters, digits, _)");
        }
        return value;
    }

    private ZoneId zone(String key, String fallback) {
        String value = source.get(key).orElse(fallback);
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigException(key, "'" + value + "' is not a time zone (examples: Europe/Madrid, UTC)");
        }
    }

    private int integer(String key, int fallback, int min, int max) {
        return source.get(key).map(v -> parseInt(key, v, min, max)).orElse(fallback);
    }

    private static int parseInt(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new ConfigException(key, n + " is out of range " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "'" + value + "' is not a whole number");
        }
    }

    private boolean bool(String key, boolean fallback) {
        return source.get(key).map(v -> {
            String s = v.toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("yes")) {
                return true;
            }
            if (s.equals("false") || s.equals("no")) {
                return false;
            }
            throw new ConfigException(key, "'" + v + "' is not true or false");
        }).orElse(fallback);
    }

    private Duration duration(String key, String fallback) {
        Duration d = Durations.parse(key, source.get(key).orElse(fallback));
        if (d.isNegative()) {
            throw new ConfigException(key, "must not be negative");
        }
        return d;
    }

    private Set<String> list(String key) {
        return list(key, "");
    }

    private Set<String> list(String key, String fallback) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(source.get(key).orElse(fallback).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        return Set.copyOf(values);
    }

    @Override
    public String toString() {
        return "Settings[vtiger=" + vtiger + ", allocationZone=" + allocationZone + ", dailyCap=" + dailyCap
                + ", stateDir=" + stateDir + "]";
    }
}
