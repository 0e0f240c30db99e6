package dev.idun.admin.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * An open, migrated database: a HikariCP pool over SQLite or PostgreSQL whose schema Flyway has brought up to date
 * from {@code classpath:db/migration}. SQLite connections use WAL journaling, a 5 s busy timeout, foreign keys and
 * {@code BEGIN IMMEDIATE} transactions so that read-then-write transactions never fail on lock upgrade.
 */
public final class Database implements AutoCloseable {

    static final String MIGRATIONS = "classpath:db/migration";
    private static final int SQLITE_POOL_SIZE = 4;
    private static final int POSTGRES_POOL_SIZE = 10;

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        // Statement errors must not echo bound values: some are password hashes and session tokens.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    /**
     * Opens a connection pool on {@code url} and applies pending migrations.
     *
     * @throws DatabaseException when the database cannot be reached or a migration fails
     */
    public static Database open(DatabaseUrl url) {
        Objects.requireNonNull(url, "url");
        HikariConfig config = url.dialect() == Dialect.SQLITE ? sqliteConfig(url) : postgresConfig(url);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseException("Cannot connect to " + url.redacted() + ": " + e.getMessage(), e);
        }
        try {
            migrate(dataSource, url);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, url.dialect());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static void migrate(DataSource dataSource, DatabaseUrl url) {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    // version numbers are reserved per feature, so a database may have a later one before an
                    // earlier one is merged; each migration touches only its own tables
                    .outOfOrder(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DatabaseException(
                    "Database migration failed on " + url.redacted() + ": "
                            + e.getMessage().strip(),
                    e);
        }
    }

    private static HikariConfig sqliteConfig(DatabaseUrl url) {
        String file = url.sqliteFile();
        if (file != null) {
            createParentDirectory(Path.of(file));
        }
        HikariConfig config = baseConfig(url, "idun-sqlite");
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("busy_timeout", "5000");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        if (url.isSqliteInMemory()) {
            // Every connection to ":memory:" is a separate database, so keep exactly one open for the pool's life.
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
        } else {
            config.setMaximumPoolSize(SQLITE_POOL_SIZE);
        }
        return config;
    }

    private static HikariConfig postgresConfig(DatabaseUrl url) {
        HikariConfig config = baseConfig(url, "idun-postgres");
        config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        return config;
    }

    private static HikariConfig baseConfig(DatabaseUrl url, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(url.connectionUrl());
        config.setDriverClassName(url.dialect() == Dialect.SQLITE ? "org.sqlite.JDBC" : "org.postgresql.Driver");
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        config.setConnectionTimeout(10_000);
        return config;
    }

    private static void createParentDirectory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new DatabaseException("Cannot create directory " + parent + " for the SQLite database", e);
        }
    }
}
