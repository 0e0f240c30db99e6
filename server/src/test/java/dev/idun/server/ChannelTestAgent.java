package dev.idun.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agui.AgUiEvent;
import java.util.UUID;

/**
 * A custom agent on the test classpath that channel tests steer through the message text: {@code slow <ms> <text>}
 * answers after {@code ms}, {@code long <n>} answers {@link #longText(int)}, {@code block} streams some text and then
 * ends the run as an output guardrail does, {@code fail} throws; anything else is echoed as {@code Echo: <text>}.
 */
public final class ChannelTestAgent implements Agent {
    static final String BLOCK_MESSAGE = "This answer was blocked by policy.";

    public ChannelTestAgent(ObjectNode config) {}

    @Override
    public void run(RunInput input, EventSink sink) throws InterruptedException {
        String text = input.lastUserText();
        String[] words = text.split(" ", 3);
        String answer;
        if (words[0].equals("slow") && words.length >= 2) {
            Thread.sleep(Long.parseLong(words[1]));
            answer = "Echo: " + (words.length > 2 ? words[2] : "");
        } else if (words[0].equals("long") && words.length == 2) {
            answer = longText(Integer.parseInt(words[1]));
        } else if (words[0].equals("block")) {
            say(sink, "Here is the secret: 42");
            sink.emit(new AgUiEvent.RunError(BLOCK_MESSAGE, "GUARDRAIL_BLOCKED"));
            return;
        } else if (words[0].equals("fail")) {
            throw new IllegalStateException("the agent failed on purpose");
        } else {
            answer = "Echo: " + text;
        }
        say(sink, answer);
    }

    private static void say(EventSink sink, String text) {
        String id = UUID.randomUUID().toString();
        sink.emit(new AgUiEvent.TextMessageStart(id, "assistant"));
        for (int i = 0; i < text.length(); i += 500) {
            sink.emit(new AgUiEvent.TextMessageContent(id, text.substring(i, Math.min(text.length(), i + 500))));
        }
        sink.emit(new AgUiEvent.TextMessageEnd(id));
    }

    /** About {@code length} characters of numbered sentences in paragraphs of ten, so each part is recognisable. */
    static String longText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < length; i++) {
            text.append("Sentence ").append(i).append(" of the long answer.");
            text.append(i % 10 == 0 ? "\n\n" : " ");
        }
        return text.toString().strip();
    }
}
