package dev.idun.config;

import java.util.Objects;

/**
 * An item of a config collection with its operator-facing name, its URL-safe slug (null until one is assigned) and
 * its on/off switch.
 */
public record Named<T>(String name, String slug, boolean enabled, T config) {
    public Named {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
    }
}
