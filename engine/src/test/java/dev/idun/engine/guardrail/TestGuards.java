package dev.idun.engine.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.EngineConfig;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.guardrail.GuardrailConfig;
import dev.idun.config.guardrail.GuardrailEntry;
import dev.idun.config.guardrail.GuardrailPosition;
import dev.idun.engine.model.ChatModels;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds guards the way a runtime does, from their config JSON. */
final class TestGuards {
    private TestGuards() {}

    static GuardrailConfig config(String json) {
        List<FieldError> errors = new ArrayList<>();
        GuardrailConfig config = GuardrailConfig.read(Json.parse(json), "guardrail", errors);
        assertThat(errors).isEmpty();
        return config;
    }

    static Guard guard(String json) {
        return guard(json, EngineConfig.empty());
    }

    static Guard guard(String json, EngineConfig engine) {
        try {
            return new GuardFactory(new ChatModels(Map.of(), Duration.ofSeconds(10)), Duration.ofSeconds(10))
                    .create(config(json), engine);
        } catch (RuntimeBuildException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A config with the starter agent and these guards, input first. */
    static EngineConfig engine(List<String> input, List<String> output) {
        List<GuardrailEntry> entries = new ArrayList<>();
        input.forEach(json -> entries.add(new GuardrailEntry("in", null, true, GuardrailPosition.INPUT, config(json))));
        output.forEach(
                json -> entries.add(new GuardrailEntry("out", null, true, GuardrailPosition.OUTPUT, config(json))));
        EngineConfig base = EngineConfig.ofAgent(AgentConfig.starter());
        return new EngineConfig(
                base.server(), base.agent(), null, List.of(), entries, null, null, List.of(), List.of());
    }

    static Guardrails guardrails(List<String> input, List<String> output) {
        try {
            return Guardrails.build(
                    engine(input, output), new ChatModels(Map.of(), Duration.ofSeconds(10)), Duration.ofSeconds(10));
        } catch (RuntimeBuildException e) {
            throw new IllegalStateException(e);
        }
    }

    static Verdict check(Guard guard, String text) {
        return guard.check(text, GuardContext.of(List.of()));
    }
}
