package dev.idun.server.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** The {@code idun} command line: builds the command tree and runs one command, returning its exit code. */
public final class Cli {
    /** Returned by {@code serve}: the server runs on its own threads and the process must not exit. */
    public static final int KEEP_RUNNING = -1;

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    public Cli(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        CommandLine cli = new CommandLine(new IdunCommand())
                .addSubcommand("serve", new ServeCommand(env, err))
                .addSubcommand("setup", new SetupCommand(env, out, err))
                .addSubcommand("hash-password", new HashPasswordCommand(out, err))
                .addSubcommand("export", new ExportCommand(env, out, err))
                .addSubcommand("import", new ImportCommand(env, out, err))
                .setOut(out)
                .setErr(err);
        return cli.execute(args);
    }

    @CommandLine.Command(
            name = "idun",
            mixinStandardHelpOptions = true,
            version = "idun 0.1.0",
            description = "Runs one AI agent with its chat endpoint, channels and admin API.")
    static final class IdunCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Missing command: serve, setup, hash-password," + " export or import.");
        }
    }
}
