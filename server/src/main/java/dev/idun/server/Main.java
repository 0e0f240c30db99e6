package dev.idun.server;

import dev.idun.server.cli.Cli;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Process entry point: {@code java -jar idun.jar <command>}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = new Cli(EnvFile.merge(Path.of(".env"), System.getenv()), out, err).run(args);
        if (code != Cli.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
