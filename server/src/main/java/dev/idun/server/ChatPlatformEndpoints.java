package dev.idun.server;

import java.util.Map;

/**
 * The Discord, Google and Microsoft endpoints the Discord, Google Chat and Teams channels call: API base URLs, OAuth
 * token URLs and the documents that publish the keys inbound tokens are signed with. Each is overridable (for
 * proxies and tests). A null token URL means the provider's own (Google: the service account's {@code token_uri};
 * Teams: the tenant's {@code login.microsoftonline.com} endpoint).
 */
public record ChatPlatformEndpoints(
        String discordApiBaseUrl,
        String googleChatApiBaseUrl,
        String googleOauthTokenUrl,
        String googleChatJwksUrl,
        String googleIdTokenJwksUrl,
        String teamsTokenUrl,
        String teamsOpenIdMetadataUrl) {
    public static final String DEFAULT_DISCORD_API_BASE_URL = "https://discord.com/api/v10";
    public static final String DEFAULT_GOOGLE_CHAT_API_BASE_URL = "https://chat.googleapis.com/v1";
    public static final String DEFAULT_GOOGLE_CHAT_JWKS_URL =
            "https://www.googleapis.com/service_accounts/v1/jwk/chat@system.gserviceaccount.com";
    public static final String DEFAULT_GOOGLE_ID_TOKEN_JWKS_URL = "https://www.googleapis.com/oauth2/v3/certs";
    public static final String DEFAULT_TEAMS_OPENID_METADATA_URL =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";

    static ChatPlatformEndpoints fromEnv(Map<String, String> vars) {
        return new ChatPlatformEndpoints(
                Settings.text(vars, "IDUN_DISCORD_API_BASE_URL", DEFAULT_DISCORD_API_BASE_URL),
                Settings.text(vars, "IDUN_GOOGLE_CHAT_API_BASE_URL", DEFAULT_GOOGLE_CHAT_API_BASE_URL),
                Settings.text(vars, "IDUN_GOOGLE_OAUTH_TOKEN_URL", null),
                Settings.text(vars, "IDUN_GOOGLE_CHAT_JWKS_URL", DEFAULT_GOOGLE_CHAT_JWKS_URL),
                Settings.text(vars, "IDUN_GOOGLE_ID_TOKEN_JWKS_URL", DEFAULT_GOOGLE_ID_TOKEN_JWKS_URL),
                Settings.text(vars, "IDUN_TEAMS_TOKEN_URL", null),
                Settings.text(vars, "IDUN_TEAMS_OPENID_METADATA_URL", DEFAULT_TEAMS_OPENID_METADATA_URL));
    }
}
