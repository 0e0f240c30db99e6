package dev.idun.server.cli;

import dev.idun.server.Settings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Options shared by the commands that open the database. */
final class DatabaseOptions {
    @CommandLine.Option(
            names = "--database-url",
            description = "Database URL (default: DATABASE_URL, else sqlite:///./idun.db).")
    String databaseUrl;

    @CommandLine.Option(
            names = "--config",
            description = "Config YAML (default: IDUN_CONFIG_PATH, else ./config.yaml).")
    Path config;

    Settings settings(Map<String, String> env) {
        Settings settings = Settings.fromEnv(env);
        if (databaseUrl != null) {
            settings = settings.withDatabaseUrl(databaseUrl);
        }
        if (config != null) {
            settings = settings.withConfigPath(config);
        }
        return settings;
    }
}
