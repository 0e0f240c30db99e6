package dev.idun.channels.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import dev.idun.config.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's published signing keys (a JWKS document), found either at a JWKS URL or through an OpenID metadata
 * document's {@code jwks_uri}. Fetched on first use, kept for a day, and fetched again when a token names an unknown
 * key (at most every 30 seconds, so forged key ids cannot make us hammer the provider). Thread-safe.
 */
public final class RemoteKeySet {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteKeySet.class);
    private static final Duration KEYS_TTL = Duration.ofHours(24);
    private static final Duration REFETCH_GAP = Duration.ofSeconds(30);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final URI location;
    private final boolean openIdMetadata;
    private final HttpClient http;
    private final Clock clock;
    private List<SigningKey> keys;
    private String metadataIssuer;
    private Instant fetchedAt = Instant.EPOCH;

    private RemoteKeySet(URI location, boolean openIdMetadata, HttpClient http, Clock clock) {
        this.location = Objects.requireNonNull(location, "location");
        this.openIdMetadata = openIdMetadata;
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keys published as a JWKS document at {@code jwksUrl}. */
    public static RemoteKeySet fromJwksUrl(URI jwksUrl, HttpClient http, Clock clock) {
        return new RemoteKeySet(jwksUrl, false, http, clock);
    }

    /** Keys found through the {@code jwks_uri} of the OpenID metadata document at {@code metadataUrl}. */
    public static RemoteKeySet fromOpenIdMetadata(URI metadataUrl, HttpClient http, Clock clock) {
        return new RemoteKeySet(metadataUrl, true, http, clock);
    }

    /** The key with id {@code keyId} (the only key when {@code keyId} is null and there is one), if published. */
    public Optional<SigningKey> find(String keyId) {
        Optional<SigningKey> key = lookup(keyId, false);
        return key.isPresent() ? key : lookup(keyId, true);
    }

    /** The {@code issuer} of the OpenID metadata document, if this key set came from one and it names one. */
    public synchronized Optional<String> metadataIssuer() {
        refreshIfDue(false);
        return Optional.ofNullable(metadataIssuer);
    }

    private synchronized Optional<SigningKey> lookup(String keyId, boolean unknownKey) {
        refreshIfDue(unknownKey);
        if (keys == null) {
            return Optional.empty();
        }
        if (keyId == null) {
            return keys.size() == 1 ? Optional.of(keys.get(0)) : Optional.empty();
        }
        return keys.stream().filter(key -> keyId.equals(key.key().getKeyID())).findFirst();
    }

    private void refreshIfDue(boolean unknownKey) {
        Instant now = clock.instant();
        boolean stale = keys == null || now.isAfter(fetchedAt.plus(KEYS_TTL));
        boolean allowed = fetchedAt.equals(Instant.EPOCH) || now.isAfter(fetchedAt.plus(REFETCH_GAP));
        if (!(stale || unknownKey) || !allowed) {
            return;
        }
        fetchedAt = now;
        try {
            URI jwksUrl = location;
            if (openIdMetadata) {
                JsonNode metadata = Json.parse(get(location));
                String jwksUri = metadata.path("jwks_uri").asText("");
                if (jwksUri.isEmpty()) {
                    throw new IOException("the OpenID metadata has no jwks_uri");
                }
                metadataIssuer = metadata.path("issuer").asText(null);
                jwksUrl = URI.create(jwksUri);
            }
            keys = parse(get(jwksUrl));
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.warn("Cannot fetch the signing keys from {}: {}", location, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<SigningKey> parse(String jwks) throws ParseException {
        List<SigningKey> parsed = new ArrayList<>();
        for (JsonNode node : Json.parse(jwks).path("keys")) {
            List<String> endorsements = new ArrayList<>();
            node.path("endorsements").forEach(value -> endorsements.add(value.asText()));
            parsed.add(new SigningKey(JWK.parse(Json.write(node)), endorsements));
        }
        return List.copyOf(parsed);
    }

    private String get(URI url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(url).timeout(FETCH_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
