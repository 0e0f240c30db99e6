package dev.idun.admin.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a throwaway cluster with the machine's PostgreSQL binaries ({@code /usr/lib/postgresql/N/bin}) in a temporary
 * directory on a free loopback port. PostgreSQL refuses to run as root, so under root the cluster belongs to the
 * {@code postgres} user and every command runs through {@code runuser}.
 */
final class SystemPostgres {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final String SERVICE_USER = "postgres";

    private SystemPostgres() {}

    static boolean isInstalled() {
        return binaries().isPresent();
    }

    static PostgresServer start() {
        Path bin = binaries()
                .orElseThrow(() -> new IllegalStateException(
                        "No PostgreSQL binaries under " + INSTALLATIONS + "; install the postgresql package"));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path home = Files.createTempDirectory("idun-test-pg-");
            Path data = home.resolve("data");
            if (root) {
                UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(home, users.lookupPrincipalByName(SERVICE_USER));
            }
            List<String> prefix = root ? List.of("runuser", "-u", SERVICE_USER, "--") : List.of();
            run(
                    home,
                    prefix,
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--no-sync");
            int port = freePort();
            run(
                    home,
                    prefix,
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-l",
                    home.resolve("server.log").toString(),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off",
                    "start");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(home, prefix, bin, data), "idun-test-pg-stop"));
            return PostgresServer.local(port, "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL from " + bin, e);
        }
    }

    private static void stop(Path home, List<String> prefix, Path bin, Path data) {
        try {
            run(home, prefix, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
        } catch (IOException | RuntimeException e) {
            // the JVM is exiting; the directory is removed below either way
        }
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin ->
                            Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(SystemPostgres::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(Path workingDirectory, List<String> prefix, String... command) throws IOException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of(command));
        Path output = Files.createTempFile("idun-test-pg-", ".out");
        try {
            Process process = new ProcessBuilder(full)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", full));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed with exit code " + process.exitValue() + ": "
                        + String.join(" ", full) + "\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", full), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
