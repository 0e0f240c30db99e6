package dev.idun.engine.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.idun.config.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A system prompt written in Jinja2 (rendered with Jinjava): its variables are the fields of the run's
 * {@code forwardedProps} object, overridden by the fields of its {@code state} object. A variable with no value, like
 * any other template error, is a {@link PromptRenderException} naming it. Thread-safe.
 */
final class PromptTemplate {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final long MAX_OUTPUT_CHARS = 1_000_000;

    private final String name;
    private final String text;
    private final Jinjava jinjava;

    /** {@code name} says where the template comes from in error messages, e.g. {@code prompt 'support' v2}. */
    PromptTemplate(String name, String text) {
        this.name = name;
        this.text = text;
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withMaxOutputSize(MAX_OUTPUT_CHARS)
                .withEnableRecursiveMacroCalls(false)
                .build());
    }

    String render(JsonNode state, JsonNode forwardedProps) {
        Map<String, Object> variables = new HashMap<>(fields(forwardedProps));
        variables.putAll(fields(state));
        RenderResult result;
        try {
            result = jinjava.renderForResult(text, variables);
        } catch (RuntimeException e) {
            throw new PromptRenderException(failure(describe(e)));
        }
        List<TemplateError> errors = result.getErrors().stream()
                .filter(error -> error.getSeverity() == TemplateError.ErrorType.FATAL)
                .toList();
        if (!errors.isEmpty()) {
            throw new PromptRenderException(failure(
                    errors.stream().map(PromptTemplate::describe).distinct().collect(Collectors.joining("; "))));
        }
        return result.getOutput();
    }

    private String failure(String detail) {
        return "Failed to render " + name + ". Check the variables passed in the run's state or forwardedProps: "
                + detail;
    }

    private static String describe(TemplateError error) {
        if (error.getReason() == TemplateError.ErrorReason.UNKNOWN
                && error.getFieldName() != null
                && !error.getFieldName().isBlank()) {
            return "variable '" + error.getFieldName() + "' is undefined";
        }
        String where = error.getLineno() > 0 ? " (line " + error.getLineno() + ")" : "";
        return error.getMessage() + where;
    }

    private static String describe(RuntimeException error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    private static Map<String, Object> fields(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        return Json.mapper().convertValue(node, MAP);
    }
}
