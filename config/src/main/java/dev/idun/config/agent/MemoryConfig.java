package dev.idun.config.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.Json;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Where conversation history lives: in process ({@code memory}), a SQLite file or a PostgreSQL database. */
public record MemoryConfig(Kind type, String dbUrl) {
    /** Secret paths (for {@link dev.idun.config.Secrets}): the password inside the database URL. */
    public static final List<String> SECRET_PATHS = List.of("dbUrl@url");

    public enum Kind {
        MEMORY,
        SQLITE,
        POSTGRES
    }

    public MemoryConfig {
        Objects.requireNonNull(type, "type");
    }

    public static MemoryConfig read(JsonNode node, String path, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = FieldReader.of(node, path, Casing.SNAKE, errors);
        String typeText = r.requiredString("type");
        Kind kind = null;
        String dbUrl = null;
        if (typeText != null) {
            try {
                kind = Kind.valueOf(typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                r.error("type", "Input should be 'memory', 'sqlite' or 'postgres'", "literal_error");
            }
        }
        if (kind == Kind.SQLITE) {
            dbUrl = r.requiredString("dbUrl");
            if (dbUrl != null && !dbUrl.startsWith("sqlite:///")) {
                r.error("dbUrl", "SQLite DB URL must start with 'sqlite:///'", "value_error");
            }
        } else if (kind == Kind.POSTGRES) {
            dbUrl = r.requiredString("dbUrl");
            if (dbUrl != null && !dbUrl.startsWith("postgresql://") && !dbUrl.startsWith("postgres://")) {
                r.error("dbUrl", "Postgres DB URL must start with 'postgresql://' or 'postgres://'", "value_error");
            }
        }
        return errors.size() == before ? new MemoryConfig(kind, dbUrl) : null;
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("type", type.name().toLowerCase(Locale.ROOT));
        if (dbUrl != null) {
            node.put("db_url", dbUrl);
        }
        return node;
    }
}
