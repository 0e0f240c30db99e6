package dev.idun.engine.observability;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/** The OpenTelemetry GenAI semantic-convention attribute names and values the spans of a run carry. */
public final class GenAi {
    public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    public static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
    public static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    public static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    public static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    public static final AttributeKey<List<String>> FINISH_REASONS =
            AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    public static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    public static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");
    public static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("gen_ai.conversation.id");
    public static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    public static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");
    public static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("idun.run.id");
    public static final AttributeKey<String> RUN_STATUS = AttributeKey.stringKey("idun.run.status");
    public static final AttributeKey<Double> LATENCY_MS = AttributeKey.doubleKey("idun.latency_ms");

    public static final String INVOKE_AGENT = "invoke_agent";
    public static final String CHAT = "chat";
    public static final String EXECUTE_TOOL = "execute_tool";

    private GenAi() {}

    /** The semantic-convention name of a model provider of the agent config. */
    public static String providerName(String provider) {
        return switch (provider) {
            case "gemini" -> "gcp.gemini";
            default -> provider;
        };
    }
}
