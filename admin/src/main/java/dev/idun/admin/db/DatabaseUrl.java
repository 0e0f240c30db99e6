package dev.idun.admin.db;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A database location resolved to a JDBC URL plus credentials. {@link #parse(String)} accepts JDBC URLs and the
 * SQLAlchemy-style URLs ({@code sqlite:///idun.db}, {@code postgresql://user:pass@host/db}) used by earlier
 * deployments; {@link #redacted()} and {@link #toString()} never show the password.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, Dialect dialect) {

    static final String ACCEPTED_FORMS = "jdbc:sqlite:PATH, sqlite:///relative/path.db, sqlite:////absolute/path.db,"
            + " sqlite+aiosqlite:///PATH, jdbc:postgresql://host[:port]/db[?params],"
            + " postgresql://[user[:password]@]host[:port]/db[?params]"
            + " (also postgres://, postgresql+asyncpg://, postgresql+psycopg://)";

    private static final String JDBC_SQLITE = "jdbc:sqlite:";
    private static final String JDBC_POSTGRES = "jdbc:postgresql://";
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&#]*");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dialect, "dialect");
        String expectedPrefix = dialect == Dialect.SQLITE ? JDBC_SQLITE : JDBC_POSTGRES;
        if (!jdbcUrl.startsWith(expectedPrefix)) {
            throw new IllegalArgumentException("A " + dialect + " JDBC URL must start with " + expectedPrefix);
        }
    }

    /**
     * Parses a database URL in one of the accepted forms.
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code url} is in none of them
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw rejected("an empty database URL");
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith(JDBC_SQLITE)) {
            String path = trimmed.substring(JDBC_SQLITE.length());
            if (path.isEmpty()) {
                throw rejected("a jdbc:sqlite: URL without a path");
            }
            return new DatabaseUrl(JDBC_SQLITE + path, null, null, Dialect.SQLITE);
        }
        for (String prefix : new String[] {"sqlite://", "sqlite+aiosqlite://"}) {
            if (lower.startsWith(prefix)) {
                return sqlAlchemySqlite(trimmed.substring(prefix.length()));
            }
        }
        if (lower.startsWith(JDBC_POSTGRES)) {
            return jdbcPostgres(trimmed);
        }
        for (String prefix :
                new String[] {"postgresql://", "postgres://", "postgresql+asyncpg://", "postgresql+psycopg://"}) {
            if (lower.startsWith(prefix)) {
                return sqlAlchemyPostgres(trimmed.substring(prefix.length()));
            }
        }
        throw rejected("a URL with an unsupported scheme");
    }

    /** Returns the JDBC URL for logs, with any password shown as {@code ***}. */
    public String redacted() {
        return PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + redacted() + ", user=" + user + ", password="
                + (password == null ? null : "***") + ", dialect=" + dialect + "]";
    }

    /**
     * The JDBC URL handed to the driver: a {@code password} query parameter is taken out, since the password travels
     * separately and drivers and migration tools echo the URL in logs and errors.
     */
    String connectionUrl() {
        int queryStart = jdbcUrl.indexOf('?');
        if (password == null || queryStart < 0) {
            return jdbcUrl;
        }
        StringBuilder kept = new StringBuilder();
        for (String param : jdbcUrl.substring(queryStart + 1).split("&")) {
            if (!param.toLowerCase(Locale.ROOT).startsWith("password=") && !param.isEmpty()) {
                kept.append(kept.length() == 0 ? '?' : '&').append(param);
            }
        }
        return jdbcUrl.substring(0, queryStart) + kept;
    }

    boolean isSqliteInMemory() {
        if (dialect != Dialect.SQLITE) {
            return false;
        }
        String path = jdbcUrl.substring(JDBC_SQLITE.length());
        return path.equals(":memory:") || path.startsWith("file::memory:") || path.contains("mode=memory");
    }

    /** The SQLite database file, or {@code null} for an in-memory database or a non-SQLite URL. */
    String sqliteFile() {
        if (dialect != Dialect.SQLITE || isSqliteInMemory()) {
            return null;
        }
        String path = jdbcUrl.substring(JDBC_SQLITE.length());
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static DatabaseUrl sqlAlchemySqlite(String rest) {
        if (!rest.startsWith("/") || rest.length() == 1) {
            throw rejected("a sqlite URL without a path after three slashes");
        }
        return new DatabaseUrl(JDBC_SQLITE + rest.substring(1), null, null, Dialect.SQLITE);
    }

    private static DatabaseUrl jdbcPostgres(String url) {
        String afterScheme = url.substring(JDBC_POSTGRES.length());
        int queryStart = afterScheme.indexOf('?');
        String hostPart = queryStart < 0 ? afterScheme : afterScheme.substring(0, queryStart);
        int slash = hostPart.indexOf('/');
        checkHosts(slash < 0 ? hostPart : hostPart.substring(0, slash));
        String user = null;
        String password = null;
        if (queryStart >= 0) {
            for (String param : afterScheme.substring(queryStart + 1).split("&")) {
                int eq = param.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = param.substring(0, eq).toLowerCase(Locale.ROOT);
                if (key.equals("user")) {
                    user = emptyToNull(percentDecode(param.substring(eq + 1), "user"));
                } else if (key.equals("password")) {
                    password = emptyToNull(percentDecode(param.substring(eq + 1), "password"));
                }
            }
        }
        return new DatabaseUrl(JDBC_POSTGRES + afterScheme, user, password, Dialect.POSTGRES);
    }

    private static DatabaseUrl sqlAlchemyPostgres(String rest) {
        int authorityEnd = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int index = rest.indexOf(c);
            if (index >= 0 && index < authorityEnd) {
                authorityEnd = index;
            }
        }
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd);
        if (tail.indexOf('#') >= 0) {
            throw rejected("a postgresql URL with a fragment or an unencoded '#' in its credentials");
        }
        int queryStart = tail.indexOf('?');
        if ((queryStart < 0 ? tail : tail.substring(0, queryStart)).indexOf('@') >= 0) {
            throw rejected(
                    "a postgresql URL with '@' in its path; percent-encode '/', '?', '#' and '@' in credentials");
        }
        String user = null;
        String password = null;
        String hosts = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hosts = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                user = percentDecode(userInfo, "user");
            } else {
                user = percentDecode(userInfo.substring(0, colon), "user");
                password = percentDecode(userInfo.substring(colon + 1), "password");
            }
            user = emptyToNull(user);
            password = emptyToNull(password);
        }
        checkHosts(hosts);
        if (tail.isEmpty() || tail.startsWith("?")) {
            tail = "/" + tail;
        }
        return new DatabaseUrl(JDBC_POSTGRES + hosts + tail, user, password, Dialect.POSTGRES);
    }

    private static void checkHosts(String hosts) {
        if (hosts.isEmpty()) {
            throw rejected("a postgresql URL without a host");
        }
        for (String host : hosts.split(",", -1)) {
            int portColon =
                    host.startsWith("[") ? host.indexOf(':', Math.max(host.indexOf(']'), 0)) : host.indexOf(':');
            String name = portColon < 0 ? host : host.substring(0, portColon);
            if (name.isEmpty() || (host.startsWith("[") && !name.endsWith("]"))) {
                throw rejected("a postgresql URL with an empty or malformed host");
            }
            if (portColon >= 0) {
                String port = host.substring(portColon + 1);
                if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
                    throw rejected("a postgresql URL with an invalid port");
                }
            }
        }
    }

    private static String percentDecode(String text, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw rejected("a postgresql URL whose " + what + " has an invalid percent escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw rejected("a postgresql URL whose " + what + " is not valid UTF-8 after percent-decoding");
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static IllegalArgumentException rejected(String what) {
        return new IllegalArgumentException(
                "Unsupported database URL: got " + what + "; accepted forms are " + ACCEPTED_FORMS);
    }
}
