package dev.idun.server.cli;

import dev.idun.admin.configstore.ConfigStore;
import dev.idun.admin.db.Database;
import dev.idun.admin.db.DatabaseUrl;
import dev.idun.config.ConfigDocument;
import dev.idun.config.EngineConfig;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code idun export}: the whole stored config as YAML on standard output, secrets included. */
@CommandLine.Command(name = "export", description = "Print the stored config as YAML (secrets included).")
final class ExportCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    ExportCommand(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try (Database db =
                Database.open(DatabaseUrl.parse(database.settings(env).databaseUrl()))) {
            ConfigStore store = new ConfigStore();
            EngineConfig config = db.jdbi().inTransaction(store::load);
            String yaml = ConfigDocument.writeYaml(config);
            out.print(yaml.endsWith("\n") ? yaml : yaml + "\n");
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            err.println("idun export: " + CliErrors.describe(e));
            return 1;
        }
    }
}
