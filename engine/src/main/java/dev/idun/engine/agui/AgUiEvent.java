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
}
