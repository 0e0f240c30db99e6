package dev.idun.admin.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Locale;

/**
 * The one PostgreSQL server the test JVM uses, chosen and started on first use: the server at
 * {@code IDUN_TEST_POSTGRES_URL} if set; else, by {@code IDUN_TEST_POSTGRES_SERVER} ({@code embedded}, {@code system}
 * or unset for embedded with the system binaries as fallback), an embedded server or one run from the machine's
 * PostgreSQL installation. Started servers are stopped, and created databases dropped, by a JVM shutdown hook.
 */
final class SharedPostgres {

    static final String URL_VARIABLE = "IDUN_TEST_POSTGRES_URL";
    static final String SERVER_VARIABLE = "IDUN_TEST_POSTGRES_SERVER";

    private SharedPostgres() {}

    static PostgresServer server() {
        Startup startup = Holder.STARTUP;
        if (startup.failure() != null) {
            throw new IllegalStateException("No PostgreSQL server for tests", startup.failure());
        }
        return startup.server();
    }

    /** The outcome of starting the server, computed once per JVM so that a failure is reported to every caller. */
    private record Startup(PostgresServer server, RuntimeException failure) {}

    private static final class Holder {
        static final Startup STARTUP = start();

        private static Startup start() {
            try {
                return new Startup(choose(), null);
            } catch (RuntimeException e) {
                return new Startup(null, e);
            }
        }
    }

    private static PostgresServer choose() {
        String external = System.getenv(URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            PostgresServer server = PostgresServer.at(DatabaseUrl.parse(external));
            Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreatedDatabases, "idun-test-postgres-drop"));
            return server;
        }
        String mode = System.getenv().getOrDefault(SERVER_VARIABLE, "").strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "system":
                return SystemPostgres.start();
            case "embedded":
                return embedded();
            case "":
                try {
                    return embedded();
                } catch (RuntimeException embeddedFailure) {
                    if (!SystemPostgres.isInstalled()) {
                        throw embeddedFailure;
                    }
                    try {
                        return SystemPostgres.start();
                    } catch (RuntimeException systemFailure) {
                        systemFailure.addSuppressed(embeddedFailure);
                        throw systemFailure;
                    }
                }
            default:
                throw new IllegalStateException(
                        SERVER_VARIABLE + " must be 'embedded' or 'system', not '" + mode + "'");
        }
    }

    private static PostgresServer embedded() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                            } catch (IOException e) {
                                // the JVM is exiting and the data directory is temporary
                            }
                        },
                        "idun-test-postgres-stop"));
        return PostgresServer.local(postgres.getPort(), "postgres");
    }
}
