package dev.idun.engine.mcp;

import dev.idun.config.Named;
import dev.idun.config.mcp.McpServerConfig;
import dev.idun.engine.runtime.RuntimeBuildException;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a runtime's enabled MCP servers at build time, all at once, each within its time limit
 * ({@code timeoutSeconds}, else the default), and lists their tools. A server that fails is recorded and left out,
 * unless it is {@code required}: then every connection made is closed and the build fails. Thread-safe.
 */
public final class McpConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(McpConnector.class);

    private final Duration defaultTimeout;
    private final Duration callTimeout;
    private final ChildProcessFinder processes = new ChildProcessFinder();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mcp-connector");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code defaultTimeout} bounds connecting and listing; {@code callTimeout} bounds each tool call. */
    public McpConnector(Duration defaultTimeout, Duration callTimeout) {
        this.defaultTimeout = defaultTimeout;
        this.callTimeout = callTimeout;
    }

    public McpToolbox connect(List<Named<McpServerConfig>> servers) throws RuntimeBuildException {
        List<Pending> pending = new ArrayList<>();
        for (Named<McpServerConfig> server : servers) {
            if (server.enabled()) {
                pending.add(start(server));
            }
        }
        List<McpConnection> connected = new ArrayList<>();
        List<McpToolbox.Failure> failures = new ArrayList<>();
        for (Pending next : pending) {
            try {
                connected.add(next.await());
            } catch (McpListingException e) {
                failures.add(new McpToolbox.Failure(next.server.name(), e.getMessage()));
                LOG.warn("MCP server '{}' left out: {}", next.server.name(), e.getMessage());
            }
        }
        McpToolbox toolbox = new McpToolbox(connected, failures);
        for (McpToolbox.Failure failure : failures) {
            if (required(pending, failure.server())) {
                toolbox.close();
                throw new RuntimeBuildException(
                        "MCP server '" + failure.server() + "' is required and failed: " + failure.reason());
            }
        }
        return toolbox;
    }

    private static boolean required(List<Pending> pending, String serverName) {
        return pending.stream()
                .anyMatch(p ->
                        p.server.name().equals(serverName) && p.server.config().required());
    }

    private Pending start(Named<McpServerConfig> server) {
        Duration timeout = timeoutOf(server.config());
        CompletableFuture<McpConnection> result = new CompletableFuture<>();
        Pending pending = new Pending(server, timeout, result, System.nanoTime() + timeout.toNanos());
        McpServerConfig config = server.config();
        if ("websocket".equals(config.transport())) {
            result.completeExceptionally(new McpListingException("websocket transport is not supported"));
            return pending;
        }
        McpConnection connection = new McpConnection(server.name(), config);
        executor.execute(() -> {
            try {
                McpPreflight.check(config, timeout);
                open(connection, config, timeout, result);
                if (!result.complete(connection)) {
                    connection.close(); // given up on (time limit, process exit) while connecting
                }
            } catch (Throwable e) {
                result.completeExceptionally(e);
                connection.close();
            }
        });
        return pending;
    }

    private void open(
            McpConnection connection,
            McpServerConfig config,
            Duration timeout,
            CompletableFuture<McpConnection> result) {
        McpTransports.ExitListener onExit = lastErrorLine -> {
            String reason = "its process exited"
                    + (lastErrorLine == null ? "" : "; last stderr line: " + lastErrorLine.strip());
            result.completeExceptionally(new McpListingException(
                    McpToolLister.redact("MCP server process exited before listing its tools; " + reason, config)));
            connection.exited(McpToolLister.redact(reason, config));
        };
        McpClientTransport transport =
                McpTransports.create(config, timeout, executor, onExit, processes, connection::processStarted);
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("idun", "0.1.0"))
                .requestTimeout(callTimeout)
                .initializationTimeout(timeout)
                .build();
        connection.opened(client);
        client.initialize();
        List<McpSchema.Tool> tools = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = client.listTools(cursor);
            tools.addAll(page.tools());
            cursor = page.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        connection.listed(tools);
    }

    private Duration timeoutOf(McpServerConfig config) {
        Double seconds = config.timeoutSeconds();
        return seconds == null || seconds <= 0 ? defaultTimeout : Duration.ofMillis((long) (seconds * 1000));
    }

    /** A connection under way; whoever gives up on it first (time limit or the connecting thread) wins. */
    private record Pending(
            Named<McpServerConfig> server, Duration timeout, CompletableFuture<McpConnection> result, long deadline) {
        McpConnection await() throws McpListingException {
            try {
                return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                String reason = "MCP server did not answer within "
                        + String.format(Locale.ROOT, "%.1f", timeout.toMillis() / 1000.0) + "s";
                if (result.completeExceptionally(new McpListingException(reason))) {
                    throw new McpListingException(reason);
                }
                return await();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof McpListingException listing) {
                    throw new McpListingException(McpToolLister.redact(listing.getMessage(), server.config()));
                }
                throw new McpListingException(McpErrors.describe(e.getCause(), server.config()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.completeExceptionally(new McpListingException("connecting was interrupted"));
                throw new McpListingException("connecting was interrupted");
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
