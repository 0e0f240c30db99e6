package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.admin.auth.PasswordHasher;
import dev.idun.server.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return new Cli(env, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }

    @Test
    void hash_password_prints_a_bcrypt_hash_that_verifies() {
        int code = run(Map.of(), "hash-password", "--password", "correct horse");

        String hash = out.toString().strip();
        assertThat(code).isZero();
        assertThat(hash).startsWith("$2b$12$");
        assertThat(new PasswordHasher().verify("correct horse", hash)).isTrue();
        assertThat(new PasswordHasher().verify("wrong", hash)).isFalse();
    }

    @Test
    void hash_password_refuses_a_short_password() {
        assertThat(run(Map.of(), "hash-password", "--password", "short")).isEqualTo(1);
        assertThat(err.toString()).contains("at least 8 characters");
    }

    @Test
    void no_command_is_a_usage_error() {
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command");
    }

    @Test
    void unknown_option_is_a_usage_error() {
        assertThat(run(Map.of(), "serve", "--colour")).isEqualTo(2);
    }

    @Test
    void serve_reports_bad_settings_without_a_stack_trace() {
        int code = run(Map.of("IDUN_PORT", "eighty"), "serve");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("IDUN_PORT must be a whole number").doesNotContain("\tat ");
    }

    @Test
    void serve_reports_an_invalid_config_file_with_its_fields() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "agent:\n  type: ADK\n  config:\n    name: x\n");
        String url = "jdbc:sqlite:" + dir.resolve("idun.db");

        int code = run(Map.of(), "serve", "--port", "0", "--config", config.toString(), "--database-url", url);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains("agent.type", "not run by this server")
                .doesNotContain("\tat ");
    }

    @Test
    void serve_rejects_an_unknown_database_url() {
        int code = run(Map.of(), "serve", "--port", "0", "--database-url", "mysql://x/y");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("sqlite");
    }

    @Test
    void setup_migrates_and_seeds_then_exits() {
        String url = "jdbc:sqlite:" + dir.resolve("setup.db");

        int code = run(
                Map.of(),
                "setup",
                "--database-url",
                url,
                "--config",
                dir.resolve("none.yaml").toString());

        assertThat(code).as(err.toString()).isZero();
        out.getBuffer().setLength(0);
        assertThat(run(Map.of(), "export", "--database-url", url)).isZero();
        assertThat(out.toString()).contains("name: Starter Agent", "provider: echo");
    }
}
