package dev.idun.server;

import dev.idun.admin.db.DatabaseUrl;
import dev.idun.admin.db.Dialect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A real server on a random loopback port, built through the composition root, with a runtime builder the test can
 * make fail. Close it to stop it (the database stays, so a test can start another server on it).
 */
final class TestServer implements AutoCloseable {
    final IdunServer server;
    final SwitchableRuntimeBuilder builder;
    final Http http;
    final String databaseUrl;

    private TestServer(IdunServer server, SwitchableRuntimeBuilder builder, String databaseUrl) {
        this.server = server;
        this.builder = builder;
        this.databaseUrl = databaseUrl;
        this.http = new Http("http://127.0.0.1:" + server.port());
    }

    static TestServer start(String databaseUrl, Path configFile, Map<String, String> env) {
        return start(databaseUrl, configFile, env, Clock.systemUTC());
    }

    /** As {@link #start(String, Path, Map)}, with the clock that session expiry and login limits follow. */
    static TestServer start(String databaseUrl, Path configFile, Map<String, String> env, Clock authClock) {
        Map<String, String> vars = new HashMap<>(env);
        vars.putIfAbsent("IDUN_CONFIG_POLL_MILLIS", "200");
        vars.putIfAbsent("IDUN_RELOAD_DRAIN_SECONDS", "5");
        Settings settings = Settings.fromEnv(vars)
                .withHost("127.0.0.1")
                .withPort(0)
                .withDatabaseUrl(databaseUrl)
                .withConfigPath(configFile);
        SwitchableRuntimeBuilder builder = new SwitchableRuntimeBuilder();
        return new TestServer(IdunServer.start(settings, builder, vars, authClock), builder, databaseUrl);
    }

    static TestServer start(String databaseUrl, Path configFile) {
        return start(databaseUrl, configFile, Map.of());
    }

    /** A database URL string, credentials included, that the server's settings accept. */
    static String urlOf(DatabaseUrl url) {
        if (url.dialect() == Dialect.SQLITE
                || url.user() == null
                || url.jdbcUrl().contains("user=")) {
            return url.jdbcUrl();
        }
        String separator = url.jdbcUrl().contains("?") ? "&" : "?";
        String credentials = "user=" + URLEncoder.encode(url.user(), StandardCharsets.UTF_8);
        if (url.password() != null) {
            credentials += "&password=" + URLEncoder.encode(url.password(), StandardCharsets.UTF_8);
        }
        return url.jdbcUrl() + separator + credentials;
    }

    @Override
    public void close() {
        server.close();
    }
}
