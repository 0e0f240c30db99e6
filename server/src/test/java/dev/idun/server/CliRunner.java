package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.server.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in process, capturing what it prints. */
final class CliRunner {
    private CliRunner() {}

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The stored config as YAML, secrets included, read straight from the database. */
    static String exportYaml(String databaseUrl) {
        Run run = run("export", "--database-url", databaseUrl);
        assertThat(run.code()).as(run.err()).isZero();
        return run.out();
    }
}
