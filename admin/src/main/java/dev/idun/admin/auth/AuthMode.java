package dev.idun.admin.auth;

import java.util.Locale;

/** How the admin API is protected: not at all, or by the admin password and a session cookie. */
public enum AuthMode {
    NONE,
    PASSWORD;

    /** The setting's exact value ({@code none} or {@code password}); anything else is refused. */
    public static AuthMode fromWire(String value) {
        for (AuthMode mode : values()) {
            if (mode.wire().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown admin auth mode: " + value);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
