package dev.idun.channels.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The token source of each set of credentials in use, so that a cached token survives reloads that leave the
 * credentials alone, while changed credentials get a source of their own. Keeps the most recently used few; the key
 * is the credentials themselves and never leaves the process. Thread-safe.
 *
 * @param <T> the token source type
 */
public final class TokenSources<T> {
    private static final int MAX_ENTRIES = 32;

    private final Function<String, T> factory;
    private final Map<String, T> sources = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public TokenSources(Function<String, T> factory) {
        this.factory = factory;
    }

    /** The source for {@code credentials}, made on first use. */
    public synchronized T forCredentials(String credentials) {
        return sources.computeIfAbsent(credentials, factory);
    }
}
