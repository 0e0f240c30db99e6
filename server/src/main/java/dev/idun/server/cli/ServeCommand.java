package dev.idun.server.cli;

import dev.idun.engine.runtime.DefaultRuntimeBuilder;
import dev.idun.server.IdunServer;
import dev.idun.server.Settings;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code idun serve}: migrates and seeds an empty database, then serves until the process is stopped. */
@CommandLine.Command(name = "serve", description = "Serve the agent, its channels and the admin API.")
final class ServeCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final PrintWriter err;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @CommandLine.Option(names = "--host", description = "Address to bind (default: IDUN_HOST, else 127.0.0.1).")
    String host;

    @CommandLine.Option(names = "--port", description = "Port to bind (default: IDUN_PORT, else 8000).")
    Integer port;

    ServeCommand(Map<String, String> env, PrintWriter err) {
        this.env = env;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            Settings settings = database.settings(env);
            if (host != null) {
                settings = settings.withHost(host);
            }
            if (port != null) {
                settings = settings.withPort(port);
            }
            IdunServer server = IdunServer.start(settings, new DefaultRuntimeBuilder(env), env);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
            return Cli.KEEP_RUNNING;
        } catch (RuntimeException e) {
            err.println("idun serve: " + CliErrors.describe(e));
            return 1;
        }
    }
}
