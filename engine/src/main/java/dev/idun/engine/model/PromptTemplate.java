package dev.idun.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A system prompt with {@code {{name}}} placeholders, filled from the run's state object, then its forwarded
 * properties. A placeholder with no value stays as written, and a warning is logged.
 */
final class PromptTemplate {
    private static final Logger LOG = LoggerFactory.getLogger(PromptTemplate.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final String text;

    PromptTemplate(String text) {
        this.text = text;
    }

    String render(JsonNode state, JsonNode forwardedProps) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = valueOf(state, m.group(1));
            if (value == null) {
                value = valueOf(forwardedProps, m.group(1));
            }
            if (value == null) {
                LOG.warn("System prompt variable '{}' has no value in the run's state or forwarded props", m.group(1));
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String valueOf(JsonNode source, String name) {
        if (source == null || !source.isObject()) {
            return null;
        }
        JsonNode value = source.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
