package dev.idun.admin.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

/**
 * A running PostgreSQL server that tests may create databases on, reached through an administrative database such as
 * {@code postgres}. Database names carry a per-JVM run tag so that {@link #dropCreatedDatabases} removes only ours.
 */
record PostgresServer(String hosts, String adminDatabase, String query, String user, String password, String runTag) {

    private static final String NAME_PREFIX = "idun_test_";

    PostgresServer {
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(adminDatabase, "adminDatabase");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(runTag, "runTag");
    }

    /** A server reached the way {@code url} says; its database is the one used to create the others. */
    static PostgresServer at(DatabaseUrl url) {
        if (url.dialect() != Dialect.POSTGRES) {
            throw new IllegalArgumentException("Not a PostgreSQL URL: " + url.redacted());
        }
        String rest = url.jdbcUrl().substring("jdbc:postgresql://".length());
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart);
        String path = queryStart < 0 ? rest : rest.substring(0, queryStart);
        int slash = path.indexOf('/');
        String hosts = slash < 0 ? path : path.substring(0, slash);
        String database = slash < 0 || slash == path.length() - 1 ? "postgres" : path.substring(slash + 1);
        return new PostgresServer(hosts, database, query, url.user(), url.password(), newRunTag());
    }

    static PostgresServer local(int port, String user) {
        return new PostgresServer("127.0.0.1:" + port, "postgres", "", user, null, newRunTag());
    }

    DatabaseUrl url(String database) {
        return new DatabaseUrl("jdbc:postgresql://" + hosts + "/" + database + query, user, password, Dialect.POSTGRES);
    }

    DatabaseUrl createDatabase() {
        String name = NAME_PREFIX + runTag + "_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = connectAdmin();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create test database on " + url(adminDatabase).redacted(), e);
        }
        return url(name);
    }

    /** Drops the databases this JVM created, ignoring any that are still in use. */
    void dropCreatedDatabases() {
        try (Connection connection = connectAdmin();
                Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (var rows = statement.executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE '" + NAME_PREFIX + runTag + "\\_%'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String name : names) {
                try {
                    statement.execute("DROP DATABASE IF EXISTS " + name);
                } catch (SQLException e) {
                    // still in use by a pool that was never closed; left for the server's owner
                }
            }
        } catch (SQLException e) {
            // the server is already gone
        }
    }

    Connection connectAdmin() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url(adminDatabase).jdbcUrl(), properties);
    }

    @Override
    public String toString() {
        return "PostgresServer[" + url(adminDatabase).redacted() + ", user=" + user + "]";
    }

    private static String newRunTag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
