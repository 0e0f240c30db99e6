package dev.idun.engine.memory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A memory backend's {@code db_url} ({@code sqlite:///path}, {@code postgresql://user:pass@host/db}) turned into a
 * JDBC URL plus credentials. {@link #toString()} never shows the password.
 */
record MemoryDatabaseUrl(String jdbcUrl, String user, String password, boolean sqlite) {
    MemoryDatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    static MemoryDatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The memory db_url is empty");
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sqlite:///") && trimmed.length() > "sqlite:///".length()) {
            return new MemoryDatabaseUrl("jdbc:sqlite:" + trimmed.substring("sqlite:///".length()), null, null, true);
        }
        for (String prefix : new String[] {"postgresql://", "postgres://"}) {
            if (lower.startsWith(prefix)) {
                return postgres(trimmed.substring(prefix.length()));
            }
        }
        throw new IllegalArgumentException(
                "Unsupported memory db_url: use sqlite:///path or postgresql://user:password@host[:port]/db");
    }

    private static MemoryDatabaseUrl postgres(String rest) {
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? "/" : rest.substring(slash);
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("The memory db_url names no PostgreSQL host");
        }
        return new MemoryDatabaseUrl("jdbc:postgresql://" + authority + tail, user, password, false);
    }

    private static String decode(String text) {
        String decoded = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.isEmpty() ? null : decoded;
    }

    @Override
    public String toString() {
        return "MemoryDatabaseUrl[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password="
                + (password == null ? null : "***") + "]";
    }
}
