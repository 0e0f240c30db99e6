package dev.idun.channels.teams;

import dev.idun.channels.oauth.AccessToken;
import dev.idun.channels.oauth.AccessTokenCache;
import dev.idun.channels.oauth.TokenEndpoint;
import dev.idun.channels.oauth.TokenRequestException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The bot's own token for the Bot Connector API: client credentials (app id and password) at the tenant's token
 * endpoint, scope {@code https://api.botframework.com/.default}, cached until a minute before expiry. Thread-safe.
 */
public final class TeamsBotTokens {
    public static final String SCOPE = "https://api.botframework.com/.default";

    private final String appId;
    private final String appPassword;
    private final TokenEndpoint endpoint;
    private final AccessTokenCache cache;

    /**
     * {@code tokenUrlOverride} (may be null or blank) replaces the tenant's
     * {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}; a {@code {tenant}} in it is replaced by
     * the tenant id.
     */
    public TeamsBotTokens(
            String appId, String appPassword, String tenantId, String tokenUrlOverride, HttpClient http, Clock clock) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.appPassword = Objects.requireNonNull(appPassword, "appPassword");
        this.endpoint = new TokenEndpoint(URI.create(tokenUrl(tenantId, tokenUrlOverride)), http, clock);
        this.cache = new AccessTokenCache(this::fetch, clock);
    }

    static String tokenUrl(String tenantId, String override) {
        String tenant = URLEncoder.encode(Objects.requireNonNull(tenantId, "tenantId"), StandardCharsets.UTF_8);
        String template = override == null || override.isBlank()
                ? "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
                : override;
        return template.replace("{tenant}", tenant);
    }

    /** A token valid for at least another minute. */
    public String token() throws TokenRequestException {
        return cache.token();
    }

    /** Forgets the cached token (after the connector refused it). */
    public void invalidate() {
        cache.invalidate();
    }

    private AccessToken fetch() throws TokenRequestException {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "client_credentials");
        grant.put("client_id", appId);
        grant.put("client_secret", appPassword);
        grant.put("scope", SCOPE);
        return endpoint.request(grant);
    }
}
