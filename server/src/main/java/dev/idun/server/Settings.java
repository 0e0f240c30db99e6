package dev.idun.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Server settings from environment variables (names case-insensitive, values case-sensitive). Every problem is
 * reported at once by {@link SettingsException}. {@link #toString()} hides the session secret and the password hash.
 */
public record Settings(
        String host,
        int port,
        String databaseUrl,
        Path configPath,
        boolean seedStarter,
        String authMode,
        Duration drainTime,
        Duration configPollInterval,
        String sessionSecret,
        String adminPasswordHash,
        int sessionTtlHours,
        ChannelSettings channels) {
    public static final String DEFAULT_DATABASE_URL = "sqlite:///./idun.db";
    public static final String AUTH_NONE = "none";
    public static final String AUTH_PASSWORD = "password";
    static final int MIN_SESSION_SECRET_LENGTH = 32;

    /** A set-but-blank variable counts as unset. */
    static String text(Map<String, String> vars, String name, String fallback) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public static Settings fromEnv(Map<String, String> env) {
        Map<String, String> vars = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        vars.putAll(env);
        List<String> problems = new ArrayList<>();
        String host = text(vars, "IDUN_HOST", "127.0.0.1");
        int port = intValue(vars, "IDUN_PORT", 8000, 0, 65535, problems);
        String databaseUrl = text(vars, "DATABASE_URL", DEFAULT_DATABASE_URL);
        Path configPath = Path.of(text(vars, "IDUN_CONFIG_PATH", "./config.yaml"));
        boolean seedStarter = boolValue(vars, "IDUN_SEED_STARTER", true, problems);
        String authMode = vars.getOrDefault("IDUN_ADMIN_AUTH_MODE", AUTH_NONE).trim();
        if (!authMode.equals(AUTH_NONE) && !authMode.equals(AUTH_PASSWORD)) {
            problems.add("IDUN_ADMIN_AUTH_MODE must be exactly 'none' or 'password', not '" + authMode + "'.");
        }
        String sessionSecret = stripLineEnds(vars.getOrDefault("IDUN_SESSION_SECRET", ""));
        if (authMode.equals(AUTH_PASSWORD) && sessionSecret.length() < MIN_SESSION_SECRET_LENGTH) {
            problems.add("IDUN_ADMIN_AUTH_MODE=password requires IDUN_SESSION_SECRET to be at least "
                    + MIN_SESSION_SECRET_LENGTH + " characters.");
        }
        String adminPasswordHash = stripLineEnds(vars.getOrDefault("IDUN_ADMIN_PASSWORD_HASH", ""));
        int sessionTtlHours = intValue(vars, "IDUN_SESSION_TTL_HOURS", 24, 1, 720, problems);
        int drainSeconds = intValue(vars, "IDUN_RELOAD_DRAIN_SECONDS", 30, 0, 3600, problems);
        ChannelSettings channels = ChannelSettings.fromEnv(vars, problems);
        int pollMillis = intValue(vars, "IDUN_CONFIG_POLL_MILLIS", 2000, 100, 600_000, problems);
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return new Settings(
                host,
                port,
                databaseUrl,
                configPath,
                seedStarter,
                authMode,
                Duration.ofSeconds(drainSeconds),
                Duration.ofMillis(pollMillis),
                sessionSecret,
                adminPasswordHash,
                sessionTtlHours,
                channels);
    }

    public boolean passwordMode() {
        return authMode.equals(AUTH_PASSWORD);
    }

    public Settings withHost(String value) {
        return new Settings(
                value,
                port,
                databaseUrl,
                configPath,
                seedStarter,
                authMode,
                drainTime,
                configPollInterval,
                sessionSecret,
                adminPasswordHash,
                sessionTtlHours,
                channels);
    }

    public Settings withPort(int value) {
        return new Settings(
                host,
                value,
                databaseUrl,
                configPath,
                seedStarter,
                authMode,
                drainTime,
                configPollInterval,
                sessionSecret,
                adminPasswordHash,
                sessionTtlHours,
                channels);
    }

    public Settings withDatabaseUrl(String value) {
        return new Settings(
                host,
                port,
                value,
                configPath,
                seedStarter,
                authMode,
                drainTime,
                configPollInterval,
                sessionSecret,
                adminPasswordHash,
                sessionTtlHours,
                channels);
    }

    public Settings withConfigPath(Path value) {
        return new Settings(
                host,
                port,
                databaseUrl,
                value,
                seedStarter,
                authMode,
                drainTime,
                configPollInterval,
                sessionSecret,
                adminPasswordHash,
                sessionTtlHours,
                channels);
    }

    @Override
    public String toString() {
        return "Settings[host=" + host + ", port=" + port + ", configPath=" + configPath + ", seedStarter="
                + seedStarter + ", authMode=" + authMode + ", drainTime=" + drainTime + ", configPollInterval="
                + configPollInterval + ", sessionSecret=***, adminPasswordHash=***, sessionTtlHours="
                + sessionTtlHours + ", channels=" + channels + "]";
    }

    /** Secrets pasted from files often end in a line break that is not part of the value. */
    private static String stripLineEnds(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == '\n' || value.charAt(end - 1) == '\r')) {
            end--;
        }
        return value.substring(0, end);
    }

    static int intValue(Map<String, String> vars, String name, int fallback, int min, int max, List<String> problems) {
        String text = vars.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                problems.add(name + " must be between " + min + " and " + max + ", not " + value + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number, not '" + text + "'.");
            return fallback;
        }
    }

    static boolean boolValue(Map<String, String> vars, String name, boolean fallback, List<String> problems) {
        String text = vars.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> {
                return true;
            }
            case "false", "0", "no", "off" -> {
                return false;
            }
            default -> {
                problems.add(name + " must be true or false, not '" + text + "'.");
                return fallback;
            }
        }
    }
}
