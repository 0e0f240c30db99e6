package dev.idun.admin.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.admin.checks.ConnectionCheck;
import dev.idun.admin.checks.TimedCheck;
import dev.idun.admin.db.DatabaseUrl;
import dev.idun.admin.db.Dialect;
import dev.idun.config.Json;
import dev.idun.config.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Checks that a stored memory config can be reached: in-process memory always can; a SQLite file is opened with
 * sqlite-jdbc and read; a PostgreSQL database is connected to with pgjdbc and asked {@code select 1}. Passwords never
 * appear in the answer. Stateless and thread-safe.
 */
final class MemoryProbe {
    private static final int CONNECT_TIMEOUT_SECONDS = 3;

    private final TimedCheck timed;

    MemoryProbe(Duration limit) {
        this.timed = new TimedCheck("memory", limit);
    }

    ConnectionCheck check(JsonNode memory) {
        return timed.run(() -> probe(memory));
    }

    private static ConnectionCheck probe(JsonNode memory) {
        String type = text(memory, "type");
        if (type == null) {
            return ConnectionCheck.fail("memory config missing 'type' field");
        }
        type = type.toLowerCase(Locale.ROOT);
        if (type.equals("memory")) {
            return ConnectionCheck.ok(Json.object().put("backend", "in-memory"));
        }
        if (!type.equals("sqlite") && !type.equals("postgres")) {
            return ConnectionCheck.fail("unsupported memory type: " + type);
        }
        String dbUrl = text(memory, "db_url") != null ? text(memory, "db_url") : text(memory, "dbUrl");
        if (dbUrl == null) {
            return ConnectionCheck.fail(type + " memory requires 'db_url'");
        }
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(dbUrl);
        } catch (IllegalArgumentException e) {
            return ConnectionCheck.fail("unsupported db_url: " + Secrets.maskUrl(dbUrl));
        }
        if (url.dialect() == Dialect.SQLITE) {
            return type.equals("sqlite")
                    ? sqlite(url)
                    : ConnectionCheck.fail("postgres memory needs a postgresql:// db_url");
        }
        return type.equals("postgres")
                ? postgres(url)
                : ConnectionCheck.fail("sqlite memory needs a sqlite:/// db_url");
    }

    private static ConnectionCheck sqlite(DatabaseUrl url) {
        String path = url.jdbcUrl().substring("jdbc:sqlite:".length());
        boolean inMemory = path.equals(":memory:");
        if (!inMemory) {
            Path file = Path.of(path).toAbsolutePath();
            if (!Files.exists(file)) {
                Path dir = file.getParent();
                if (dir == null || !Files.isDirectory(dir)) {
                    return ConnectionCheck.fail("SQLite directory does not exist: " + dir);
                }
                if (!Files.isWritable(dir)) {
                    return ConnectionCheck.fail("SQLite directory is not writable: " + dir);
                }
                return ConnectionCheck.ok(Json.object()
                        .put("backend", "sqlite")
                        .put("note", "database file does not exist yet; it is created on first use"));
            }
        }
        try (Connection connection = new org.sqlite.JDBC().connect(url.jdbcUrl(), new Properties());
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(CONNECT_TIMEOUT_SECONDS);
            statement.executeQuery("select count(*) from sqlite_master").close();
            return ConnectionCheck.ok(Json.object().put("backend", "sqlite"));
        } catch (SQLException e) {
            return ConnectionCheck.fail("could not open the SQLite database: " + e.getMessage());
        }
    }

    private static ConnectionCheck postgres(DatabaseUrl url) {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS + 1));
        properties.setProperty("socketTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS + 1));
        try (Connection connection = new org.postgresql.Driver().connect(url.jdbcUrl(), properties)) {
            if (connection == null) {
                return ConnectionCheck.fail("unsupported db_url for PostgreSQL");
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("select 1").close();
            }
            return ConnectionCheck.ok(Json.object().put("backend", "postgres"));
        } catch (SQLException e) {
            return ConnectionCheck.fail(
                    "could not connect to PostgreSQL: " + scrub(String.valueOf(e.getMessage()), url.password()));
        }
    }

    private static String scrub(String message, String password) {
        return password == null || password.isEmpty() ? message : message.replace(password, Secrets.MASK);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
