package dev.idun.server;

import dev.idun.config.ConfigDocument;
import dev.idun.config.EngineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The config YAML file at a path; absent files read as empty. */
public record ConfigFile(Path path) {
    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /** The parsed config, or empty when there is no file; invalid files throw with every field error. */
    public Optional<EngineConfig> read() {
        if (!exists()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConfigDocument.readYaml(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
