package dev.idun.engine.custom;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a user class lives: {@code path/to/code.jar:com.acme.Name} (a jar, relative paths resolved against a base
 * directory) or {@code com.acme.Name} alone (the server's own classpath). {@code jar} is null for the latter.
 */
public record ClassRef(Path jar, String className) {
    public ClassRef {
        Objects.requireNonNull(className, "className");
        if (className.isBlank()) {
            throw new IllegalArgumentException("class name is empty");
        }
    }

    /** Parses {@code text}; the jar path and the class name are split at the last colon. */
    public static ClassRef parse(String text, Path baseDir) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0) {
            return new ClassRef(null, trimmed);
        }
        String jar = trimmed.substring(0, colon).trim();
        String className = trimmed.substring(colon + 1).trim();
        if (jar.isEmpty() || className.isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not of the form path/to/code.jar:com.example.ClassName");
        }
        return new ClassRef(baseDir.resolve(jar).toAbsolutePath().normalize(), className);
    }

    @Override
    public String toString() {
        return jar == null ? className : jar + ":" + className;
    }
}
