package dev.idun.admin.reload;

import dev.idun.config.EngineConfig;

/**
 * How the admin side reaches the running agent: build a runtime for a config while the live one keeps serving, then
 * make it live or throw it away. Implemented by the server.
 */
public interface RuntimeReloader {
    PreparedRuntime prepare(EngineConfig config, long configVersion) throws ReloadFailedException;

    /** What the live runtime is serving. */
    LiveStatus liveStatus();

    /**
     * The config hash and version the live runtime was built from, whether its agent answers, its warnings, and the
     * MCP servers it runs without because they failed.
     */
    record LiveStatus(
            String configHash,
            long configVersion,
            boolean agentReady,
            java.util.List<String> warnings,
            java.util.List<McpFailure> mcpFailures) {
        public LiveStatus {
            warnings = java.util.List.copyOf(warnings);
            mcpFailures = java.util.List.copyOf(mcpFailures);
        }

        public LiveStatus(String configHash, long configVersion, boolean agentReady, java.util.List<String> warnings) {
            this(configHash, configVersion, agentReady, warnings, java.util.List.of());
        }
    }

    /** An MCP server (by its row name) left out of the live runtime, and why. */
    record McpFailure(String server, String reason) {}

    /** A runtime built and ready, not yet live. */
    interface PreparedRuntime {
        void activate();

        void discard();
    }
}
