package dev.idun.channels.delivery;

import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.run.AgentNotReadyException;
import dev.idun.engine.run.InputBlockedException;
import dev.idun.engine.run.RunPipeline;
import dev.idun.engine.runtime.LiveRuntime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agent for one inbound channel message through the one {@link RunPipeline} (guardrails, memory and traces
 * apply) and turns the run into the reply to send. An input guardrail block replies the guardrail's message.
 * Thread-safe.
 */
final class AgentReplies {
    private static final Logger LOG = LoggerFactory.getLogger(AgentReplies.class);

    private final RunPipeline pipeline;

    AgentReplies(RunPipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    AgentReply reply(String threadId, String text) {
        RunInput input = new RunInput(
                threadId,
                UUID.randomUUID().toString(),
                List.of(new ChatMessage(UUID.randomUUID().toString(), "user", text)));
        ReplyCollector collector = new ReplyCollector();
        try {
            LiveRuntime.Lease lease = pipeline.begin();
            pipeline.run(lease, input, collector);
        } catch (InputBlockedException e) {
            return AgentReply.answer(e.rejectMessage());
        } catch (AgentNotReadyException e) {
            return AgentReply.apology("No agent is configured");
        } catch (RuntimeException e) {
            LOG.warn("Channel run on thread {} failed", threadId, e);
            return AgentReply.apology("Agent run failed: " + e.getMessage());
        }
        return collector.reply();
    }
}
