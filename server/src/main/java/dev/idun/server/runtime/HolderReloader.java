package dev.idun.server.runtime;

import dev.idun.admin.reload.ReloadFailedException;
import dev.idun.admin.reload.RuntimeReloader;
import dev.idun.channels.delivery.ChannelWarnings;
import dev.idun.config.ConfigDocument;
import dev.idun.config.EngineConfig;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeBuildException;
import dev.idun.engine.runtime.RuntimeBuilder;
import dev.idun.engine.runtime.RuntimeHolder;
import java.util.ArrayList;
import java.util.List;

/** Connects the admin reload pipeline to the live runtime: builds with a {@link RuntimeBuilder}, swaps the holder. */
public final class HolderReloader implements RuntimeReloader {
    private final RuntimeBuilder builder;
    private final RuntimeHolder holder;

    public HolderReloader(RuntimeBuilder builder, RuntimeHolder holder) {
        this.builder = builder;
        this.holder = holder;
    }

    @Override
    public PreparedRuntime prepare(EngineConfig config, long configVersion) throws ReloadFailedException {
        LiveRuntime runtime = build(builder, config, configVersion);
        return new PreparedRuntime() {
            @Override
            public void activate() {
                holder.swap(runtime);
            }

            @Override
            public void discard() {
                runtime.close();
            }
        };
    }

    /** Builds a runtime, turning every kind of build failure into a {@link ReloadFailedException}. */
    public static LiveRuntime build(RuntimeBuilder builder, EngineConfig config, long configVersion)
            throws ReloadFailedException {
        try {
            return builder.build(config, configVersion);
        } catch (RuntimeBuildException e) {
            throw new ReloadFailedException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ReloadFailedException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public LiveStatus liveStatus() {
        LiveRuntime runtime = holder.current();
        List<String> warnings = new ArrayList<>(runtime.warnings());
        warnings.addAll(ChannelWarnings.of(runtime.config()));
        return new LiveStatus(
                ConfigDocument.hash(runtime.config()), runtime.configVersion(), runtime.agentReady(), warnings);
    }
}
