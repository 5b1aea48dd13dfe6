package org.leadrouter.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the state lives: the embedded H2 database in {@code state.dir} (the default, nothing to install), or a
 * PostgreSQL database shared by the nodes of a high-availability pair ({@code state.url=jdbc:postgresql://…},
 * {@code state.username}, the password from {@code state.password}, its environment variable, {@code state.password-file}
 * or the systemd credential {@value #CREDENTIAL_NAME}).
 */
public record StateSettings(Path dir, Optional<String> url, Optional<String> username, Optional<Secret> password) {
    /** Where systemd's {@code LoadCredential=} puts the state database's password. */
    public static final String CREDENTIAL_NAME = "state-password";
    private static final String POSTGRESQL = "jdbc:postgresql:";

    public StateSettings {
        Objects.requireNonNull(dir, "dir == null");
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(username, "username == null");
        Objects.requireNonNull(password, "password == null");
    }

    /** The embedded H2 database in {@code dir}. */
    public static StateSettings embedded(Path dir) {
        return new StateSettings(dir, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static StateSettings read(ConfigSource source, Path dir) {
        Optional<String> url = source.get("state.url");
        if (url.isEmpty()) {
            return embedded(dir);
        }
        checkUrl(url.get());
        Optional<String> username = source.get("state.username");
        if (username.isEmpty()) {
            throw new ConfigException("state.username", "is not set: the PostgreSQL user that owns leadrouter's tables");
        }
        return postgresql(source, dir, url.get(), username.get());
    }

    /**
     * A PostgreSQL state at {@code url} as {@code username}, its password read from the same places as the configured
     * state's: {@code state.password}, its environment variable, {@code state.password-file}, the systemd credential.
     */
    public static StateSettings postgresql(ConfigSource source, Path dir, String url, String username) {
        checkUrl(url);
        return new StateSettings(dir, Optional.of(url), Optional.of(username),
                SecretSource.read(source, "state.password", CREDENTIAL_NAME));
    }

    private static void checkUrl(String url) {
        if (!url.toLowerCase(Locale.ROOT).startsWith(POSTGRESQL + "//")) {
            throw new ConfigException("state.url", "'" + masked(url) + "' is not a PostgreSQL JDBC URL"
                    + " (jdbc:postgresql://host:5432/leadrouter); leave it unset for the embedded state in state.dir");
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new ConfigException("state.url", "must not carry the password: give it as "
                    + ConfigSource.environmentName("state.password") + ", state.password-file or the systemd credential '"
                    + CREDENTIAL_NAME + "'");
        }
    }

    /** True when the state is in a database server that several nodes can share. */
    public boolean shared() {
        return url.isPresent();
    }

    /** What an admin reads in the log and in {@code check}: the store, never a password. */
    public String describe() {
        return url.map(u -> "PostgreSQL " + masked(u) + " as " + username.orElse("?"))
                .orElseGet(() -> "embedded H2 in " + dir.toAbsolutePath());
    }

    /** The URL without its query (which may hold options an admin did not mean to print). */
    static String masked(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        try {
            URI uri = URI.create(base.substring("jdbc:".length()));
            if (uri.getRawUserInfo() != null) {
                return base.replace(uri.getRawUserInfo() + "@", "****@");
            }
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            // not a URI: printed without its query only
        }
        return base;
    }
}
