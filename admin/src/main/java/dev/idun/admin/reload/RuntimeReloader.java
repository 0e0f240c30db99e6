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

    /** The config hash and version the live runtime was built from, whether its agent answers, its warnings. */
    record LiveStatus(String configHash, long configVersion, boolean agentReady, java.util.List<String> warnings) {
        public LiveStatus {
            warnings = java.util.List.copyOf(warnings);
        }
    }

    /** A runtime built and ready, not yet live. */
    interface PreparedRuntime {
        void activate();

        void discard();
    }
}
