package dev.idun.server.cli;

import dev.idun.admin.configstore.ConfigStore;
import dev.idun.admin.db.Database;
import dev.idun.admin.db.DatabaseUrl;
import dev.idun.admin.reload.MonotonicClock;
import dev.idun.admin.reload.ReloadPipeline;
import dev.idun.config.ConfigDocument;
import dev.idun.config.EngineConfig;
import dev.idun.engine.runtime.DefaultRuntimeBuilder;
import dev.idun.server.runtime.ValidatingReloader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * {@code idun import FILE}: replaces the whole stored config with a YAML file, all or nothing, validated and built
 * like an admin write. Running servers apply it within their config poll interval.
 */
@CommandLine.Command(name = "import", description = "Replace the stored config with a YAML file (all or nothing).")
final class ImportCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "The config YAML to import.")
    Path file;

    ImportCommand(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        EngineConfig config;
        try {
            config = ConfigDocument.readYaml(Files.readString(file));
        } catch (IOException e) {
            err.println("idun import: cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("idun import: " + file + ": " + CliErrors.describe(e));
            return 1;
        }
        try (Database db =
                Database.open(DatabaseUrl.parse(database.settings(env).databaseUrl()))) {
            ConfigStore store = new ConfigStore();
            ReloadPipeline pipeline = new ReloadPipeline(
                    db.jdbi(),
                    store,
                    new ValidatingReloader(new DefaultRuntimeBuilder(env)),
                    new MonotonicClock(Clock.systemUTC()));
            pipeline.mutate((handle, now) -> {
                store.replaceAll(handle, config, now);
                return null;
            });
            out.println("Imported " + file + "; running servers apply it within a few seconds.");
            return 0;
        } catch (RuntimeException e) {
            err.println("idun import: " + CliErrors.describe(e));
            return 1;
        }
    }
}
