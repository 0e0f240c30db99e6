package dev.idun.engine.agui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;

/** One AG-UI protocol event, written on the wire as camelCase JSON with nulls left out. */
public sealed interface AgUiEvent {
    String type();

    ObjectNode toJson();

    private static ObjectNode base(String type) {
        return Json.object().put("type", type).put("timestamp", System.currentTimeMillis());
    }

    record RunStarted(String threadId, String runId) implements AgUiEvent {
        public String type() {
            return "RUN_STARTED";
        }

        public ObjectNode toJson() {
            return base(type()).put("threadId", threadId).put("runId", runId);
        }
    }

    record RunFinished(String threadId, String runId) implements AgUiEvent {
        public String type() {
            return "RUN_FINISHED";
        }

        public ObjectNode toJson() {
            return base(type()).put("threadId", threadId).put("runId", runId);
        }
    }

    record RunError(String message, String code) implements AgUiEvent {
        public String type() {
            return "RUN_ERROR";
        }

        public ObjectNode toJson() {
            ObjectNode node = base(type()).put("message", message);
            if (code != null) {
                node.put("code", code);
            }
            return node;
        }
    }

    record TextMessageStart(String messageId, String role) implements AgUiEvent {
        public String type() {
            return "TEXT_MESSAGE_START";
        }

        public ObjectNode toJson() {
            return base(type()).put("messageId", messageId).put("role", role);
        }
    }

    record TextMessageContent(String messageId, String delta) implements AgUiEvent {
        public String type() {
            return "TEXT_MESSAGE_CONTENT";
        }

        public ObjectNode toJson() {
            return base(type()).put("messageId", messageId).put("delta", delta);
        }
    }

    record TextMessageEnd(String messageId) implements AgUiEvent {
        public String type() {
            return "TEXT_MESSAGE_END";
        }

        public ObjectNode toJson() {
            return base(type()).put("messageId", messageId);
        }
    }

    record ToolCallStart(String toolCallId, String toolCallName, String parentMessageId) implements AgUiEvent {
        public String type() {
            return "TOOL_CALL_START";
        }

        public ObjectNode toJson() {
            ObjectNode node = base(type()).put("toolCallId", toolCallId).put("toolCallName", toolCallName);
            if (parentMessageId != null) {
                node.put("parentMessageId", parentMessageId);
            }
            return node;
        }
    }

    record ToolCallArgs(String toolCallId, String delta) implements AgUiEvent {
        public String type() {
            return "TOOL_CALL_ARGS";
        }

        public ObjectNode toJson() {
            return base(type()).put("toolCallId", toolCallId).put("delta", delta);
        }
    }

    record ToolCallEnd(String toolCallId) implements AgUiEvent {
        public String type() {
            return "TOOL_CALL_END";
        }

        public ObjectNode toJson() {
            return base(type()).put("toolCallId", toolCallId);
        }
    }

    record ToolCallResult(String messageId, String toolCallId, String content) implements AgUiEvent {
        public String type() {
            return "TOOL_CALL_RESULT";
        }

        public ObjectNode toJson() {
            return base(type())
                    .put("messageId", messageId)
                    .put("toolCallId", toolCallId)
                    .put("content", content)
                    .put("role", "tool");
        }
    }

    record StepStarted(String stepName) implements AgUiEvent {
        public String type() {
            return "STEP_STARTED";
        }

        public ObjectNode toJson() {
            return base(type()).put("stepName", stepName);
        }
    }

    record StepFinished(String stepName) implements AgUiEvent {
        public String type() {
            return "STEP_FINISHED";
        }

        public ObjectNode toJson() {
            return base(type()).put("stepName", stepName);
        }
    }

    record StateSnapshot(com.fasterxml.jackson.databind.JsonNode snapshot) implements AgUiEvent {
        public String type() {
            return "STATE_SNAPSHOT";
        }

        public ObjectNode toJson() {
            ObjectNode node = base(type());
            node.set("snapshot", snapshot == null ? null : snapshot.deepCopy());
            return node;
        }
    }

    record MessagesSnapshot(com.fasterxml.jackson.databind.node.ArrayNode messages) implements AgUiEvent {
        public String type() {
            return "MESSAGES_SNAPSHOT";
        }

        public ObjectNode toJson() {
            ObjectNode node = base(type());
            node.set("messages", messages.deepCopy());
            return node;
        }
    }
}
