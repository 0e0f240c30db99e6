package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {
    @TempDir
    Path dir;

    private Path envFile(String text) throws IOException {
        return Files.writeString(dir.resolve(".env"), text);
    }

    @Test
    void reads_key_value_lines() throws IOException {
        Path file = envFile("IDUN_PORT=9000\nDATABASE_URL=postgresql://db/idun\n");

        assertThat(EnvFile.read(file))
                .containsExactly(Map.entry("IDUN_PORT", "9000"), Map.entry("DATABASE_URL", "postgresql://db/idun"));
    }

    @Test
    void skips_comments_and_blank_lines() throws IOException {
        Path file = envFile("""
                # the server
                IDUN_HOST=0.0.0.0

                   # indented comment
                \t
                IDUN_PORT=9000
                """);

        assertThat(EnvFile.read(file))
                .containsExactly(Map.entry("IDUN_HOST", "0.0.0.0"), Map.entry("IDUN_PORT", "9000"));
    }

    @Test
    void accepts_an_export_prefix() throws IOException {
        Path file = envFile("export OPENAI_API_KEY=sk-1\n  export   IDUN_PORT=9000\n");

        assertThat(EnvFile.read(file)).containsEntry("OPENAI_API_KEY", "sk-1").containsEntry("IDUN_PORT", "9000");
    }

    @Test
    void removes_matching_double_or_single_quotes() throws IOException {
        Path file = envFile("""
                DOUBLE="hello world"
                SINGLE='it is # not a comment'
                EMPTY=""
                MISMATCHED="abc'
                LONE="
                """);

        assertThat(EnvFile.read(file))
                .containsEntry("DOUBLE", "hello world")
                .containsEntry("SINGLE", "it is # not a comment")
                .containsEntry("EMPTY", "")
                .containsEntry("MISMATCHED", "\"abc'")
                .containsEntry("LONE", "\"");
    }

    @Test
    void a_quoted_value_may_be_followed_by_a_comment_and_export_by_a_tab() throws IOException {
        Path file = envFile("KEY=\"abc\" # note\nexport\tTAB='x y' # more\n");

        assertThat(EnvFile.read(file)).containsEntry("KEY", "abc").containsEntry("TAB", "x y");
    }

    @Test
    void cuts_an_inline_comment_from_an_unquoted_value() throws IOException {
        Path file = envFile("IDUN_PORT=9000 # the usual\nURL=http://h/#anchor\n");

        assertThat(EnvFile.read(file)).containsEntry("IDUN_PORT", "9000").containsEntry("URL", "http://h/#anchor");
    }

    @Test
    void trims_spaces_around_keys_and_values_and_keeps_later_equals_signs() throws IOException {
        Path file = envFile("  KEY  =  value  \nTOKEN=abc==\nEMPTY=\n");

        assertThat(EnvFile.read(file))
                .containsEntry("KEY", "value")
                .containsEntry("TOKEN", "abc==")
                .containsEntry("EMPTY", "");
    }

    @Test
    void ignores_lines_without_a_key() throws IOException {
        Path file = envFile("JUST_A_WORD\n=value\nOK=1\n");

        assertThat(EnvFile.read(file)).containsExactly(Map.entry("OK", "1"));
    }

    @Test
    void a_later_line_wins_over_an_earlier_one() throws IOException {
        Path file = envFile("A=1\nA=2\n");

        assertThat(EnvFile.read(file)).containsExactly(Map.entry("A", "2"));
    }

    @Test
    void reads_windows_line_endings() throws IOException {
        Path file = envFile("A=1\r\nB=\"two\"\r\n");

        assertThat(EnvFile.read(file)).containsExactly(Map.entry("A", "1"), Map.entry("B", "two"));
    }

    @Test
    void a_missing_file_is_empty() {
        assertThat(EnvFile.read(dir.resolve("absent.env"))).isEmpty();
        assertThat(EnvFile.merge(dir.resolve("absent.env"), Map.of("A", "1"))).isEqualTo(Map.of("A", "1"));
    }

    @Test
    void a_directory_is_treated_as_missing() {
        assertThat(EnvFile.read(dir)).isEmpty();
    }

    @Test
    void the_real_environment_wins_over_the_file() throws IOException {
        Path file = envFile("IDUN_PORT=9000\nIDUN_HOST=0.0.0.0\n");

        Map<String, String> merged = EnvFile.merge(file, Map.of("IDUN_PORT", "7000", "HOME", "/root"));

        assertThat(merged)
                .containsEntry("IDUN_PORT", "7000")
                .containsEntry("IDUN_HOST", "0.0.0.0")
                .containsEntry("HOME", "/root")
                .hasSize(3);
    }

    @Test
    void the_real_environment_wins_even_when_the_file_spells_the_name_differently() throws IOException {
        Path file = envFile("idun_port=9000\nidun_host=0.0.0.0\n");

        Settings settings = Settings.fromEnv(EnvFile.merge(file, Map.of("IDUN_PORT", "7000")));

        assertThat(settings.port()).isEqualTo(7000);
        assertThat(settings.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void an_empty_environment_value_still_wins() throws IOException {
        Path file = envFile("OPENAI_API_KEY=from-file\n");

        assertThat(EnvFile.merge(file, Map.of("OPENAI_API_KEY", ""))).containsEntry("OPENAI_API_KEY", "");
    }
}
