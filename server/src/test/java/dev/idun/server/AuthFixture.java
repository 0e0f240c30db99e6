package dev.idun.server;

import dev.idun.admin.auth.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Starts servers in either auth mode for the auth suites, with a clock the test moves, and reads the session table. */
final class AuthFixture implements AutoCloseable {
    static final String PASSWORD = "hunter2";
    static final String SECRET = "a-session-secret-of-more-than-32-characters";
    /** The bcrypt hash of {@link #PASSWORD}, made once with {@code idun hash-password} (bcrypt is slow on purpose). */
    static final String PASSWORD_HASH = "$2b$12$/d00vI.QgkFc9JY6fSI9/uopcbo50LjCp3Dqv.V8SmwZBWKbeo1mC";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final String databaseUrl;
    private final Path dir;
    TestServer server;

    AuthFixture(String databaseUrl, Path dir) {
        this.databaseUrl = databaseUrl;
        this.dir = dir;
    }

    static Map<String, String> passwordEnv(String secret) {
        return Map.of(
                "IDUN_ADMIN_AUTH_MODE", "password",
                "IDUN_SESSION_SECRET", secret,
                "IDUN_ADMIN_PASSWORD_HASH", PASSWORD_HASH);
    }

    AuthHttp startPassword() {
        return start(passwordEnv(SECRET));
    }

    AuthHttp startNone() {
        return start(Map.of());
    }

    /** Starts a server (stopping the previous one; the database stays) and returns a fresh client for it. */
    AuthHttp start(Map<String, String> env) {
        stop();
        server = TestServer.start(databaseUrl, dir.resolve("absent.yaml"), new HashMap<>(env), clock);
        return client();
    }

    AuthHttp client() {
        return new AuthHttp(server.server.port());
    }

    long sessionRows() {
        return count("idun_session");
    }

    long count(String table) {
        return server.server
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }

    void execute(String sql) {
        server.server.database().jdbi().useHandle(h -> h.execute(sql));
    }

    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
