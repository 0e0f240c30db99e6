package dev.idun.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code .env} file ({@code KEY=value} lines, {@code #} comments, optional {@code export} and quotes) and
 * merges it under the real environment: a variable already set in the environment always wins.
 */
public final class EnvFile {
    private EnvFile() {}

    public static Map<String, String> merge(Path file, Map<String, String> environment) {
        Map<String, String> merged = new LinkedHashMap<>(read(file));
        merged.putAll(environment);
        return merged;
    }

    static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.matches("export\\s.*")) {
                    line = line.substring("export".length()).strip();
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                values.put(
                        line.substring(0, eq).strip(),
                        unquote(line.substring(eq + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return values;
    }

    private static String unquote(String value) {
        if (!value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            int close = value.indexOf(value.charAt(0), 1);
            if (close > 0) {
                return value.substring(1, close);
            }
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).strip() : value;
    }
}
