package dev.idun.config.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.idun.config.FieldError;
import dev.idun.config.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryConfigTest {
    private static MemoryConfig read(String json, List<FieldError> errors) {
        return MemoryConfig.read(Json.parse(json), "memory", errors);
    }

    private static MemoryConfig readValid(String json) {
        List<FieldError> errors = new ArrayList<>();
        MemoryConfig config = read(json, errors);
        assertThat(errors).isEmpty();
        return config;
    }

    @Test
    void reads_in_process_memory() {
        assertThat(readValid("{\"type\": \"memory\"}")).isEqualTo(new MemoryConfig(MemoryConfig.Kind.MEMORY, null));
    }

    @ParameterizedTest
    @CsvSource({
        "sqlite, sqlite:///./memory.db, SQLITE",
        "sqlite, sqlite:////var/lib/idun/memory.db, SQLITE",
        "postgres, postgresql://user:pw@db:5432/idun, POSTGRES",
        "postgres, postgres://db/idun, POSTGRES",
        "SQLite, sqlite:///m.db, SQLITE"
    })
    void reads_a_database_memory_with_a_matching_url(String type, String url, MemoryConfig.Kind kind) {
        assertThat(readValid("{\"type\": \"" + type + "\", \"db_url\": \"" + url + "\"}"))
                .isEqualTo(new MemoryConfig(kind, url));
    }

    @Test
    void accepts_a_camel_case_db_url() {
        assertThat(readValid("{\"type\": \"sqlite\", \"dbUrl\": \"sqlite:///m.db\"}")
                        .dbUrl())
                .isEqualTo("sqlite:///m.db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite://m.db", "sqlite:m.db", "file:///m.db", "postgresql://db/x"})
    void rejects_a_sqlite_url_without_three_slashes(String url) {
        List<FieldError> errors = new ArrayList<>();

        assertThat(read("{\"type\": \"sqlite\", \"db_url\": \"" + url + "\"}", errors))
                .isNull();
        assertThat(errors)
                .containsExactly(FieldError.invalid("memory.db_url", "SQLite DB URL must start with 'sqlite:///'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql+psycopg://db/x", "mysql://db/x", "sqlite:///m.db", "jdbc:postgresql://db/x"})
    void rejects_a_postgres_url_with_another_scheme(String url) {
        List<FieldError> errors = new ArrayList<>();

        assertThat(read("{\"type\": \"postgres\", \"db_url\": \"" + url + "\"}", errors))
                .isNull();
        assertThat(errors)
                .containsExactly(FieldError.invalid(
                        "memory.db_url", "Postgres DB URL must start with 'postgresql://' or 'postgres://'"));
    }

    @Test
    void requires_a_db_url_for_database_memories() {
        List<FieldError> errors = new ArrayList<>();

        read("{\"type\": \"sqlite\"}", errors);
        read("{\"type\": \"postgres\"}", errors);

        assertThat(errors)
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("memory.db_url", "missing"), tuple("memory.db_url", "missing"));
    }

    @Test
    void requires_a_type() {
        List<FieldError> errors = new ArrayList<>();

        assertThat(read("{\"db_url\": \"sqlite:///m.db\"}", errors)).isNull();
        assertThat(errors)
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("memory.type", "missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"in_memory", "redis", "database"})
    void rejects_an_unknown_type(String type) {
        List<FieldError> errors = new ArrayList<>();

        assertThat(read("{\"type\": \"" + type + "\"}", errors)).isNull();
        assertThat(errors)
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("memory.type", "literal_error"));
    }

    @Test
    void writes_snake_case_and_leaves_out_a_missing_url() {
        assertThat(new MemoryConfig(MemoryConfig.Kind.MEMORY, null).toJson())
                .isEqualTo(Json.parse("{\"type\": \"memory\"}"));
        assertThat(new MemoryConfig(MemoryConfig.Kind.POSTGRES, "postgres://db/x").toJson())
                .isEqualTo(Json.parse("{\"type\": \"postgres\", \"db_url\": \"postgres://db/x\"}"));
    }
}
