package dev.idun.engine.guardrail;

import dev.idun.config.EngineConfig;
import dev.idun.config.guardrail.GuardrailEntry;
import dev.idun.config.guardrail.GuardrailPosition;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.model.ChatModels;
import dev.idun.engine.run.InputBlockedException;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The enabled guards of one runtime, input and output, each in configured order. Built with the runtime, so a
 * reload swaps them. Thread-safe.
 */
public final class Guardrails {
    private static final Guardrails NONE = new Guardrails(new Chain(List.of()), new Chain(List.of()));

    private final Chain input;
    private final Chain output;

    Guardrails(Chain input, Chain output) {
        this.input = input;
        this.output = output;
    }

    public static Guardrails none() {
        return NONE;
    }

    /** The guards of {@code config}; LLM judges call models built by {@code models}. */
    public static Guardrails build(EngineConfig config, ChatModels models, Duration judgeTimeout)
            throws RuntimeBuildException {
        GuardFactory factory = new GuardFactory(models, judgeTimeout);
        List<Guard> in = new ArrayList<>();
        List<Guard> out = new ArrayList<>();
        for (GuardrailEntry entry : config.enabledGuardrails()) {
            Guard guard = factory.create(entry.config(), config);
            (entry.position() == GuardrailPosition.INPUT ? in : out).add(guard);
        }
        return in.isEmpty() && out.isEmpty() ? NONE : new Guardrails(new Chain(in), new Chain(out));
    }

    public boolean isEmpty() {
        return input.isEmpty() && output.isEmpty();
    }

    /**
     * The input after the input guards: the last message's text checked and possibly redacted. Throws
     * {@link InputBlockedException} when a guard blocks.
     */
    public RunInput checkInput(RunInput run) {
        if (input.isEmpty() || run.messages().isEmpty()) {
            return run;
        }
        List<ChatMessage> messages = new ArrayList<>(run.messages());
        ChatMessage last = messages.get(messages.size() - 1);
        if (last.content().isBlank()) {
            return run;
        }
        Verdict verdict = input.check(last.content(), GuardContext.of(messages));
        if (verdict.blocked()) {
            throw new InputBlockedException(verdict.text());
        }
        if (verdict.outcome() != Verdict.Outcome.FIXED) {
            return run;
        }
        messages.set(
                messages.size() - 1,
                new ChatMessage(last.id(), last.role(), verdict.text(), last.toolCalls(), last.toolCallId()));
        return run.withMessages(messages);
    }

    /** A sink that applies the output guards to what the agent of {@code run} says before passing it to {@code next}. */
    public OutputGuard guardOutput(EventSink next, RunInput run) {
        return new OutputGuard(next, output, run.messages());
    }
}
