package dev.idun.admin.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.admin.checks.ConnectionCheck;
import dev.idun.admin.db.DatabaseUrl;
import dev.idun.admin.db.TestDatabases;
import dev.idun.config.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryProbeTest {
    private final MemoryProbe probe = new MemoryProbe(Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private ConnectionCheck check(String json) {
        return probe.check(Json.parse(json));
    }

    /** The reference-style URL, credentials in the user info, of a fresh test PostgreSQL database. */
    static String postgresUrl(DatabaseUrl url, String password) {
        String rest = url.jdbcUrl().substring("jdbc:postgresql://".length());
        return "postgresql://" + url.user() + ":" + password + "@" + rest;
    }

    @Test
    void in_process_memory_is_always_reachable() {
        assertThat(Json.write(check("{\"type\":\"memory\"}").toJson()))
                .isEqualTo("{\"ok\":true,\"details\":{\"backend\":\"in-memory\"},\"error\":null}");
    }

    @Test
    void reports_a_missing_type_or_url_and_an_unknown_type() {
        assertThat(check("{}").error()).contains("missing 'type'");
        assertThat(check("{\"type\":\"sqlite\"}").error()).isEqualTo("sqlite memory requires 'db_url'");
        assertThat(check("{\"type\":\"postgres\"}").error()).isEqualTo("postgres memory requires 'db_url'");
        assertThat(check("{\"type\":\"redis\",\"db_url\":\"redis://h\"}").error())
                .isEqualTo("unsupported memory type: redis");
    }

    @Test
    void an_in_memory_sqlite_database_answers() {
        ConnectionCheck check = check("{\"type\":\"sqlite\",\"db_url\":\"sqlite:///:memory:\"}");

        assertThat(check.ok()).as(check.error()).isTrue();
        assertThat(check.details().get("backend").asText()).isEqualTo("sqlite");
    }

    @Test
    void opens_an_existing_sqlite_file() throws Exception {
        Path file = dir.resolve("memory.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("create table t (x int)");
        }

        ConnectionCheck check = check("{\"type\":\"sqlite\",\"db_url\":\"sqlite:///" + file + "\"}");

        assertThat(check.ok()).as(check.error()).isTrue();
        assertThat(Json.write(check.details())).isEqualTo("{\"backend\":\"sqlite\"}");
    }

    @Test
    void a_file_that_is_not_a_database_fails() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.db"), "this is not a database, just some text ".repeat(50));

        ConnectionCheck check = check("{\"type\":\"sqlite\",\"db_url\":\"sqlite:///" + file + "\"}");

        assertThat(check.ok()).isFalse();
        assertThat(check.error()).startsWith("could not open the SQLite database:");
    }

    @Test
    void a_sqlite_file_not_created_yet_is_fine_when_its_directory_exists() {
        ConnectionCheck later = check("{\"type\":\"sqlite\",\"db_url\":\"sqlite:///" + dir.resolve("new.db") + "\"}");
        ConnectionCheck nowhere =
                check("{\"type\":\"sqlite\",\"db_url\":\"sqlite:///" + dir.resolve("no/such/dir/new.db") + "\"}");

        assertThat(later.ok()).isTrue();
        assertThat(later.details().get("note").asText()).contains("created on first use");
        assertThat(Files.exists(dir.resolve("new.db"))).isFalse();
        assertThat(nowhere.ok()).isFalse();
        assertThat(nowhere.error()).startsWith("SQLite directory does not exist:");
    }

    @Test
    void connects_to_a_real_postgres_database() {
        DatabaseUrl url = TestDatabases.freshPostgres();

        ConnectionCheck check =
                check("{\"type\":\"postgres\",\"db_url\":\"" + postgresUrl(url, url.password()) + "\"}");

        assertThat(check.ok()).as(check.error()).isTrue();
        assertThat(Json.write(check.details())).isEqualTo("{\"backend\":\"postgres\"}");
    }

    @Test
    void refused_credentials_fail_without_showing_the_password() {
        DatabaseUrl url = TestDatabases.freshPostgres();
        String wrong = "wrong-secret-pw-4242";
        DatabaseUrl stranger = new DatabaseUrl(url.jdbcUrl(), "no_such_role_x", wrong, url.dialect());

        ConnectionCheck check = check("{\"type\":\"postgres\",\"db_url\":\"" + postgresUrl(stranger, wrong) + "\"}");

        assertThat(check.ok()).isFalse();
        assertThat(check.error()).startsWith("could not connect to PostgreSQL:");
        assertThat(Json.write(check.toJson())).doesNotContain(wrong);
    }

    @Test
    void an_unreachable_postgres_port_fails_quickly() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ConnectionCheck check = check(
                "{\"type\":\"postgres\",\"db_url\":\"postgresql://app:hunter2secret@127.0.0.1:" + port + "/app\"}");

        assertThat(check.ok()).isFalse();
        assertThat(check.error()).startsWith("could not connect to PostgreSQL:");
        assertThat(check.error()).doesNotContain("hunter2secret");
    }

    @Test
    void a_server_that_never_answers_ends_in_a_timeout() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            MemoryProbe quick = new MemoryProbe(Duration.ofMillis(300));

            ConnectionCheck check =
                    quick.check(Json.parse("{\"type\":\"postgres\",\"db_url\":\"postgresql://a:b@127.0.0.1:"
                            + silent.getLocalPort() + "/app\"}"));

            assertThat(check.ok()).isFalse();
            assertThat(check.error()).isEqualTo("memory check timed out after 0.3s");
        }
    }
}
