package dev.idun.engine.mcp;

import dev.idun.config.Secrets;
import dev.idun.config.mcp.McpServerConfig;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connects to one MCP server over its configured transport (stdio, SSE or streamable HTTP), lists its tools and
 * disconnects, all within a hard time limit. Failures become {@link McpListingException}s whose messages have the
 * server's env and header values and URL password masked. Thread-safe; each call opens its own connection.
 */
public final class McpToolLister implements AutoCloseable {
    private static final int MAX_ERROR_LINE = 200;

    private final Duration timeout;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mcp-tool-lister");
        thread.setDaemon(true);
        return thread;
    });

    public McpToolLister(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The sorted, unique names of the server's tools. */
    public List<String> listTools(McpServerConfig server) throws McpListingException {
        if ("websocket".equals(server.transport())) {
            throw new McpListingException("websocket transport is not supported");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            McpPreflight.check(server, timeout);
        } catch (McpListingException e) {
            throw new McpListingException(redact(e.getMessage(), server));
        }
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        AtomicReference<McpSyncClient> opened = new AtomicReference<>();
        McpTransports.ExitListener onExit = lastErrorLine ->
                result.completeExceptionally(new McpListingException(redact(exitMessage(lastErrorLine), server)));
        try {
            executor.execute(() -> {
                try {
                    result.complete(connectAndList(server, opened, onExit));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new McpListingException("MCP check timed out after " + seconds() + "s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof McpListingException listing) {
                throw listing;
            }
            throw new McpListingException(McpErrors.describe(e.getCause(), server));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpListingException("MCP check was interrupted");
        } finally {
            closeQuietly(opened.get());
        }
    }

    private List<String> connectAndList(
            McpServerConfig server, AtomicReference<McpSyncClient> opened, McpTransports.ExitListener onExit) {
        McpClientTransport transport = McpTransports.create(server, timeout, executor, onExit);
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("idun", "0.1.0"))
                .requestTimeout(timeout)
                .initializationTimeout(timeout)
                .build();
        opened.set(client);
        client.initialize();
        TreeSet<String> names = new TreeSet<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = client.listTools(cursor);
            page.tools().forEach(tool -> names.add(tool.name()));
            cursor = page.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return new ArrayList<>(names);
    }

    private static String exitMessage(String lastErrorLine) {
        String message = "MCP server process exited before listing its tools";
        if (lastErrorLine == null) {
            return message;
        }
        String line = lastErrorLine.strip();
        return message + "; last stderr line: "
                + (line.length() > MAX_ERROR_LINE ? line.substring(0, MAX_ERROR_LINE) + "…" : line);
    }

    private static void closeQuietly(McpSyncClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (RuntimeException e) {
                // the connection is being abandoned either way
            }
        }
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.1f", timeout.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Masks what a failure message might reveal of the server's secrets. */
    static String redact(String message, McpServerConfig server) {
        String text = message;
        List<String> secrets = new ArrayList<>(server.env().values());
        secrets.addAll(server.headers().values());
        for (String secret : secrets) {
            if (secret.length() >= 4) {
                text = text.replace(secret, Secrets.mask(secret));
            }
        }
        if (server.url() != null) {
            text = text.replace(server.url(), Secrets.maskUrl(server.url()));
            int query = server.url().indexOf('?');
            if (query >= 0 && server.url().length() - query > 4) {
                text = text.replace(server.url().substring(query + 1), Secrets.MASK);
            }
        }
        return text;
    }
}
