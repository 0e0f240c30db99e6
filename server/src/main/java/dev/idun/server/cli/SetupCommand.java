package dev.idun.server.cli;

import dev.idun.admin.configstore.ConfigSeeder;
import dev.idun.admin.configstore.ConfigStore;
import dev.idun.admin.db.Database;
import dev.idun.admin.db.DatabaseUrl;
import dev.idun.server.ConfigFile;
import dev.idun.server.Settings;
import dev.idun.server.StartupSeed;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code idun setup}: migrates the database and seeds it when empty, then exits. */
@CommandLine.Command(name = "setup", description = "Create or migrate the database and seed it when empty.")
final class SetupCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    SetupCommand(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            Settings settings = database.settings(env);
            try (Database db = Database.open(DatabaseUrl.parse(settings.databaseUrl()))) {
                ConfigSeeder seeder = new ConfigSeeder(db.jdbi(), new ConfigStore());
                new StartupSeed(seeder, new ConfigFile(settings.configPath()), settings.seedStarter())
                        .run(Instant.now());
            }
            out.println("Database ready.");
            return 0;
        } catch (RuntimeException e) {
            err.println("idun setup: " + CliErrors.describe(e));
            return 1;
        }
    }
}
