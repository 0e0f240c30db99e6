package dev.idun.engine.observability;

import java.util.Map;
import java.util.Objects;

/**
 * Where and how one runtime exports its spans over OTLP/HTTP (protobuf): the provider it was made for, the full URL
 * of the traces endpoint, the request headers (credentials included: {@link #toString()} hides their values) and the
 * resource attributes every span carries.
 */
public record ExportTarget(
        String provider, String endpoint, Map<String, String> headers, Map<String, String> resourceAttributes) {
    public ExportTarget {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(endpoint, "endpoint");
        headers = Map.copyOf(headers);
        resourceAttributes = Map.copyOf(resourceAttributes);
    }

    @Override
    public String toString() {
        return "ExportTarget[provider=" + provider + ", endpoint=" + endpoint + ", headers=" + headers.keySet()
                + ", resourceAttributes=" + resourceAttributes + "]";
    }
}
