package dev.idun.engine.mcp;

import dev.idun.config.mcp.McpServerConfig;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Builds the MCP SDK client transport for a configured server. */
final class McpTransports {
    /**
     * What a stdio server inherits from this process's environment; the rest (database passwords, API keys) stays
     * out unless the server's own {@code env} names it.
     */
    private static final List<String> INHERITED_ENV = List.of(
            "HOME",
            "LOGNAME",
            "PATH",
            "SHELL",
            "TERM",
            "USER",
            "LANG",
            "TMPDIR",
            "APPDATA",
            "HOMEDRIVE",
            "HOMEPATH",
            "LOCALAPPDATA",
            "PATHEXT",
            "PROCESSOR_ARCHITECTURE",
            "SYSTEMDRIVE",
            "SYSTEMROOT",
            "TEMP",
            "USERNAME",
            "USERPROFILE");

    private McpTransports() {}

    /** Hears that a stdio server's process ended, with the last line it wrote to stderr (or null). */
    interface ExitListener {
        void exited(String lastErrorLine);
    }

    static McpClientTransport create(McpServerConfig server, Duration timeout, Executor watcher, ExitListener onExit) {
        return create(server, timeout, watcher, onExit, null, process -> {});
    }

    /**
     * As {@link #create(McpServerConfig, Duration, Executor, ExitListener)}; a stdio transport also reports the
     * process it starts to {@code started}, found with {@code finder} (null: not looked for).
     */
    static McpClientTransport create(
            McpServerConfig server,
            Duration timeout,
            Executor watcher,
            ExitListener onExit,
            ChildProcessFinder finder,
            Consumer<ProcessHandle> started) {
        return switch (server.transport()) {
            case "stdio" -> stdio(server, watcher, onExit, finder, started);
            case "sse" -> sse(server, timeout);
            case "streamable_http" -> streamableHttp(server, timeout);
            default -> throw new IllegalArgumentException(server.transport() + " transport is not supported");
        };
    }

    private static McpClientTransport stdio(
            McpServerConfig server,
            Executor watcher,
            ExitListener onExit,
            ChildProcessFinder finder,
            Consumer<ProcessHandle> started) {
        ServerParameters parameters = ServerParameters.builder(server.command())
                .args(server.args())
                .env(server.env())
                .build();
        String cwd = server.cwd();
        AtomicReference<String> lastErrorLine = new AtomicReference<>();
        StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper()) {
            @Override
            public Mono<Void> connect(
                    Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
                // The SDK does not fail pending requests when the process dies; watch it so a crash ends the wait.
                Mono<Void> connect = finder == null
                        ? super.connect(handler)
                        : finder.around(super.connect(handler), server.command(), started);
                return connect.then(Mono.fromRunnable(() -> watcher.execute(() -> {
                    try {
                        awaitForExit();
                    } catch (RuntimeException e) {
                        return; // interrupted: the lister is shutting down
                    }
                    onExit.exited(lastErrorLine.get());
                })));
            }

            @Override
            protected ProcessBuilder getProcessBuilder() {
                ProcessBuilder builder = new ProcessBuilder();
                Map<String, String> env = builder.environment();
                env.keySet().retainAll(INHERITED_ENV);
                if (cwd != null && !cwd.isBlank()) {
                    builder.directory(new File(cwd));
                }
                return builder;
            }
        };
        transport.setStdErrorHandler(line -> {
            if (!line.isBlank()) {
                lastErrorLine.set(line);
            }
        });
        return transport;
    }

    private static McpClientTransport sse(McpServerConfig server, Duration timeout) {
        Endpoint endpoint = Endpoint.of(server.url(), "/sse");
        return HttpClientSseClientTransport.builder(endpoint.base())
                .sseEndpoint(endpoint.path())
                .requestBuilder(requestWithHeaders(server))
                .connectTimeout(timeout)
                .build();
    }

    private static McpClientTransport streamableHttp(McpServerConfig server, Duration timeout) {
        Endpoint endpoint = Endpoint.of(server.url(), "/mcp");
        return HttpClientStreamableHttpTransport.builder(endpoint.base())
                .endpoint(endpoint.path())
                .requestBuilder(requestWithHeaders(server))
                .connectTimeout(timeout)
                .build();
    }

    private static HttpRequest.Builder requestWithHeaders(McpServerConfig server) {
        HttpRequest.Builder builder = HttpRequest.newBuilder();
        server.headers().forEach(builder::header);
        return builder;
    }

    /** A server URL split into scheme and authority, and the path (with query) the SDK calls the endpoint. */
    private record Endpoint(String base, String path) {
        static Endpoint of(String url, String defaultPath) {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null
                    || uri.getRawAuthority() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("url must be an http or https URL");
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? defaultPath : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            return new Endpoint(uri.getScheme() + "://" + uri.getRawAuthority(), path);
        }
    }
}
