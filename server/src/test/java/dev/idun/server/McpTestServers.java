package dev.idun.server;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Real MCP servers built with the MCP Java SDK's server side, for tool discovery tests: HTTP ones on a loopback port
 * (streamable HTTP or SSE, answering only requests that carry {@link #AUTHORIZATION}) and a stdio one run as a child
 * JVM ({@link McpStdioTestServer}).
 */
final class McpTestServers {
    static final String AUTHORIZATION = "Bearer mcp-secret-token-42";

    private McpTestServers() {}

    /** The tools every test server offers, in an order that is not sorted. */
    static List<McpServerFeatures.SyncToolSpecification> tools(McpJsonMapper json, String prefix) {
        return List.of(tool(json, prefix + "get_time"), tool(json, prefix + "echo"), tool(json, prefix + "add"));
    }

    private static McpServerFeatures.SyncToolSpecification tool(McpJsonMapper json, String name) {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder()
                        .name(name)
                        .description("Test tool " + name)
                        .inputSchema(json, "{\"type\": \"object\", \"properties\": {}}")
                        .build())
                .callHandler((exchange, request) ->
                        McpSchema.CallToolResult.builder().addTextContent(name).build())
                .build();
    }

    /** An MCP server over HTTP on a random loopback port. */
    static final class Http implements AutoCloseable {
        private final Server jetty;
        private final McpSyncServer mcp;
        private final String path;

        private Http(Server jetty, McpSyncServer mcp, String path) {
            this.jetty = jetty;
            this.mcp = mcp;
            this.path = path;
        }

        static Http streamable() {
            McpJsonMapper json = McpJsonDefaults.getMapper();
            HttpServletStreamableServerTransportProvider transport =
                    HttpServletStreamableServerTransportProvider.builder()
                            .jsonMapper(json)
                            .mcpEndpoint("/mcp")
                            .build();
            McpSyncServer mcp = McpServer.sync(transport)
                    .serverInfo("streamable-test", "1.0.0")
                    .tools(tools(json, ""))
                    .build();
            return start(transport, mcp, "/mcp");
        }

        static Http sse() {
            McpJsonMapper json = McpJsonDefaults.getMapper();
            HttpServletSseServerTransportProvider transport = HttpServletSseServerTransportProvider.builder()
                    .jsonMapper(json)
                    .sseEndpoint("/sse")
                    .messageEndpoint("/message")
                    .build();
            McpSyncServer mcp = McpServer.sync(transport)
                    .serverInfo("sse-test", "1.0.0")
                    .tools(tools(json, "sse_"))
                    .build();
            return start(transport, mcp, "/sse");
        }

        private static Http start(HttpServlet servlet, McpSyncServer mcp, String path) {
            Server jetty = new Server();
            ServerConnector connector = new ServerConnector(jetty);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            jetty.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            ServletHolder holder = new ServletHolder(servlet);
            holder.setAsyncSupported(true);
            context.addServlet(holder, "/*");
            FilterHolder auth = new FilterHolder((Filter) (request, response, chain) -> {
                if (AUTHORIZATION.equals(((HttpServletRequest) request).getHeader("Authorization"))) {
                    chain.doFilter(request, response);
                } else {
                    ((HttpServletResponse) response).sendError(401);
                }
            });
            auth.setAsyncSupported(true);
            context.addFilter(auth, "/*", EnumSet.of(DispatcherType.REQUEST));
            jetty.setHandler(context);
            try {
                jetty.start();
            } catch (Exception e) {
                throw new IllegalStateException("MCP test server did not start", e);
            }
            return new Http(jetty, mcp, path);
        }

        String url() {
            return "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + path;
        }

        @Override
        public void close() {
            mcp.close();
            try {
                jetty.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A loopback port nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java launcher running this test. */
    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
