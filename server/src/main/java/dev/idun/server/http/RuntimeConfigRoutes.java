package dev.idun.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /runtime-config.js}: the script the web UI loads first, setting {@code window.__IDUN_CONFIG__} to the
 * theme, the admin auth mode ({@code none} or {@code password}) and the layout. Public, never cached.
 */
public final class RuntimeConfigRoutes {
    private static final List<String> COLOR_KEYS = List.of(
            "background",
            "foreground",
            "card",
            "cardForeground",
            "popover",
            "popoverForeground",
            "primary",
            "primaryForeground",
            "secondary",
            "secondaryForeground",
            "muted",
            "mutedForeground",
            "accent",
            "accentForeground",
            "destructive",
            "destructiveForeground",
            "border",
            "input",
            "ring");
    private static final List<String> LIGHT = List.of(
            "#f7f6f0",
            "#1d1c1a",
            "#ffffff",
            "#1d1c1a",
            "#ffffff",
            "#1d1c1a",
            "#1d1c1a",
            "#f7f6f0",
            "#f0eee2",
            "#1d1c1a",
            "#f0eee2",
            "#6b6a65",
            "#c96442",
            "#ffffff",
            "#dc2626",
            "#ffffff",
            "#e7e4d7",
            "#e7e4d7",
            "rgba(201, 100, 66, 0.4)");
    private static final List<String> DARK = List.of(
            "#15140f",
            "#f5f4ec",
            "#1d1c1a",
            "#f5f4ec",
            "#1d1c1a",
            "#f5f4ec",
            "#f5f4ec",
            "#15140f",
            "#2a2925",
            "#f5f4ec",
            "#2a2925",
            "#a1a097",
            "#d97757",
            "#15140f",
            "#ef4444",
            "#f5f4ec",
            "#2a2925",
            "#2a2925",
            "rgba(217, 119, 87, 0.5)");

    private final String script;

    public RuntimeConfigRoutes(String authMode) {
        ObjectNode config = Json.object();
        config.set("theme", theme());
        config.put("authMode", authMode);
        config.put("layout", "branded");
        this.script = "window.__IDUN_CONFIG__ = " + Json.write(config) + ";\n";
    }

    public void register(RoutesConfig routes) {
        routes.get("/runtime-config.js", this::serve);
    }

    private void serve(Context ctx) {
        ctx.status(200)
                .contentType("application/javascript; charset=utf-8")
                .header("Cache-Control", "no-store")
                .result(script);
    }

    private static ObjectNode theme() {
        ObjectNode theme = Json.object().put("appName", "Idun Agent").put("greeting", "How can I help?");
        theme.putArray("starterPrompts");
        theme.putObject("logo").put("text", "IA");
        theme.put("layout", "branded")
                .put("radius", "0.625")
                .put("fontSans", "")
                .put("fontSerif", "")
                .put("fontMono", "")
                .put("defaultColorScheme", "system");
        ObjectNode colors = theme.putObject("colors");
        colors.set("light", palette(LIGHT));
        colors.set("dark", palette(DARK));
        return theme;
    }

    private static ObjectNode palette(List<String> values) {
        ObjectNode palette = Json.object();
        for (int i = 0; i < COLOR_KEYS.size(); i++) {
            palette.put(COLOR_KEYS.get(i), values.get(i));
        }
        return palette;
    }
}
