package dev.idun.server;

import java.util.List;

/** Settings that cannot start a server; the message lists every problem. */
public final class SettingsException extends RuntimeException {
    public SettingsException(List<String> problems) {
        super(String.join("\n", problems));
    }
}
