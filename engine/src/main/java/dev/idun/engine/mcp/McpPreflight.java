package dev.idun.engine.mcp;

import dev.idun.config.mcp.McpServerConfig;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Cheap checks before an MCP connection, so that the common mistakes (a command that is not installed, a host that
 * does not answer) fail at once with a plain reason instead of running into the time limit.
 */
final class McpPreflight {
    private McpPreflight() {}

    static void check(McpServerConfig server, Duration timeout) throws McpListingException {
        if ("stdio".equals(server.transport())) {
            checkCommand(server);
        } else {
            checkReachable(server, timeout);
        }
    }

    private static void checkCommand(McpServerConfig server) throws McpListingException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        String command = server.command();
        if (command.contains("/")) {
            Path path = Path.of(command);
            if (!path.isAbsolute() && server.cwd() != null && !server.cwd().isBlank()) {
                path = Path.of(server.cwd()).resolve(path);
            }
            if (!Files.isExecutable(path)) {
                throw new McpListingException("command not found or not executable: " + command);
            }
            return;
        }
        String searchPath = server.env().getOrDefault("PATH", System.getenv().getOrDefault("PATH", ""));
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return;
            }
        }
        throw new McpListingException("command not found on PATH: " + command);
    }

    private static void checkReachable(McpServerConfig server, Duration timeout) throws McpListingException {
        URI uri;
        try {
            uri = URI.create(server.url().trim());
        } catch (IllegalArgumentException e) {
            throw new McpListingException("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new McpListingException("url must be an http or https URL");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
        } catch (IOException | IllegalArgumentException e) {
            String reason = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new McpListingException("could not connect to " + uri.getHost() + ":" + port + ": " + reason);
        }
    }
}
