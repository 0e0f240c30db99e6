package dev.idun.server.runtime;

import dev.idun.admin.reload.ReloadFailedException;
import dev.idun.admin.reload.RuntimeReloader;
import dev.idun.config.EngineConfig;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeBuilder;
import java.util.List;

/**
 * For commands that change the stored config without a live server (import): proves the config builds, then
 * closes what it built. Running servers pick the change up from the database.
 */
public final class ValidatingReloader implements RuntimeReloader {
    private final RuntimeBuilder builder;

    public ValidatingReloader(RuntimeBuilder builder) {
        this.builder = builder;
    }

    @Override
    public PreparedRuntime prepare(EngineConfig config, long configVersion) throws ReloadFailedException {
        LiveRuntime runtime = HolderReloader.build(builder, config, configVersion);
        return new PreparedRuntime() {
            @Override
            public void activate() {
                runtime.close();
            }

            @Override
            public void discard() {
                runtime.close();
            }
        };
    }

    @Override
    public LiveStatus liveStatus() {
        return new LiveStatus(null, -1, false, List.of());
    }
}
