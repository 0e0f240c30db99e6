package dev.idun.server.cli;

import dev.idun.admin.auth.PasswordHasher;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code idun hash-password}: prints a bcrypt hash for IDUN_ADMIN_PASSWORD_HASH. */
@CommandLine.Command(name = "hash-password", description = "Print a bcrypt hash of an admin password.")
final class HashPasswordCommand implements Callable<Integer> {
    private final PrintWriter out;
    private final PrintWriter err;

    @CommandLine.Option(names = "--password", description = "The password (prompted, hidden, when omitted).")
    String password;

    HashPasswordCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        String secret = password;
        if (secret == null) {
            Console console = System.console();
            if (console == null) {
                err.println("idun hash-password: no terminal to prompt on; pass --password.");
                return 2;
            }
            char[] first = console.readPassword("Password: ");
            char[] second = console.readPassword("Repeat password: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("idun hash-password: the passwords do not match.");
                return 1;
            }
            secret = new String(first);
        }
        if (secret.length() < 8) {
            err.println("idun hash-password: the password must be at least 8 characters.");
            return 1;
        }
        out.println(new PasswordHasher().hash(secret));
        return 0;
    }
}
