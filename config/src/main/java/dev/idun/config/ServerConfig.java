package dev.idun.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The {@code server} section: the HTTP port the config expects (changing it needs a restart). */
public record ServerConfig(int port) {
    public static final ServerConfig DEFAULT = new ServerConfig(8000);

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    static ServerConfig read(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return DEFAULT;
        }
        FieldReader server = FieldReader.of(node, path, Casing.SNAKE, errors);
        if (server.get("api") == null) {
            return DEFAULT;
        }
        Integer port = server.child("api").optionalInt("port", 8000);
        if (port == null || port < 0 || port > 65535) {
            errors.add(FieldError.invalid(path + ".api.port", "Port must be between 0 and 65535"));
            return DEFAULT;
        }
        return new ServerConfig(port);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.putObject("api").put("port", port);
        return node;
    }
}
