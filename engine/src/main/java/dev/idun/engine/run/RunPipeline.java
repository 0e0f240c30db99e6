package dev.idun.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.AgentUnavailableException;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.memory.ConversationMemory;
import dev.idun.engine.memory.ConversationMerge;
import dev.idun.engine.memory.ConversationStore;
import dev.idun.engine.memory.ThreadScope;
import dev.idun.engine.memory.ThreadSummary;
import dev.idun.engine.memory.TurnRecorder;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeHolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every entry point runs the agent: it leases the live runtime (so a reload never pulls it away
 * mid-run), gives the agent the whole conversation of the thread (stored history merged with what the client sent),
 * frames the agent's events with {@code RUN_STARTED} and {@code RUN_FINISHED}, turns a failure into a
 * {@code RUN_ERROR} event, and stores the new messages and the answer, also when the run fails. The agent's last
 * {@code STATE_SNAPSHOT} is kept with the thread and given back to its next run when the client sends no state.
 * Thread-safe.
 */
public final class RunPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(RunPipeline.class);
    private static final Set<String> NOT_STORED_ROLES = Set.of("system", "developer");

    private final RuntimeHolder runtimes;
    private final ConversationMemory memory;

    public RunPipeline(RuntimeHolder runtimes, ConversationMemory memory) {
        this.runtimes = Objects.requireNonNull(runtimes, "runtimes");
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /** A pipeline whose history lives in this process only. */
    public RunPipeline(RuntimeHolder runtimes) {
        this(runtimes, ConversationMemory.inProcess());
    }

    /** Leases the live runtime for one run; throws {@link AgentNotReadyException} when no agent is configured. */
    public LiveRuntime.Lease begin() {
        LiveRuntime.Lease lease = runtimes.acquire();
        if (!lease.runtime().agentReady()) {
            lease.close();
            throw new AgentNotReadyException();
        }
        return lease;
    }

    /** Runs the agent on the leased runtime, emitting every event to {@code sink}; releases the lease. */
    public void run(LiveRuntime.Lease lease, RunInput input, EventSink sink) {
        run(lease, input, ThreadScope.shared(), sink);
    }

    /** As {@link #run(LiveRuntime.Lease, RunInput, EventSink)}, with the thread kept in {@code scope}. */
    public void run(LiveRuntime.Lease lease, RunInput input, ThreadScope scope, EventSink sink) {
        try (lease) {
            Agent agent = lease.runtime().agent().orElseThrow(AgentNotReadyException::new);
            ConversationStore store;
            try {
                store = memory.storeFor(lease.runtime().config().memory());
            } catch (RuntimeException e) {
                LOG.warn("Conversation memory unavailable: {}", e.toString());
                sink.emit(new AgUiEvent.RunStarted(input.threadId(), input.runId()));
                sink.emit(new AgUiEvent.RunError("Conversation memory unavailable: " + e.getMessage(), "MEMORY_ERROR"));
                return;
            }
            String storedThreadId = scope.storedId(input.threadId());
            ConversationMerge merge = ConversationMerge.of(history(store, storedThreadId), input.messages());
            RunInput prepared = input.withMessages(merge.conversation());
            if (!input.hasState()) {
                prepared = storedState(store, storedThreadId)
                        .map(prepared::withState)
                        .orElse(prepared);
            }
            TurnRecorder recorder = new TurnRecorder(sink);
            AgUiEvent end;
            try {
                end = execute(agent, prepared, recorder);
            } finally {
                remember(store, storedThreadId, merge.added(), recorder.messages());
                recorder.state().ifPresent(state -> rememberState(store, storedThreadId, state));
            }
            // the turn is stored before the client sees the run end, so its next run finds this one
            sink.emit(end);
        }
    }

    /** Starts the run and lets the agent emit its events; returns the event that ends the run. */
    private AgUiEvent execute(Agent agent, RunInput input, EventSink sink) {
        sink.emit(new AgUiEvent.RunStarted(input.threadId(), input.runId()));
        try {
            agent.run(input, sink);
        } catch (AgentUnavailableException e) {
            return new AgUiEvent.RunError(e.getMessage(), "AGENT_UNAVAILABLE");
        } catch (Exception e) {
            if (e instanceof java.io.UncheckedIOException) {
                throw (java.io.UncheckedIOException) e;
            }
            LOG.warn("Agent run {} failed", input.runId(), e);
            return new AgUiEvent.RunError("Agent execution failed: " + e.getMessage(), "FRAMEWORK_ERROR");
        }
        return new AgUiEvent.RunFinished(input.threadId(), input.runId());
    }

    /** The threads of {@code scope} in the live runtime's memory, most recent first, by the ids the caller knows. */
    public List<ThreadSummary> threads(ThreadScope scope) {
        return liveStore().threads().stream()
                .filter(thread -> scope.owns(thread.id()))
                .map(thread -> new ThreadSummary(
                        scope.clientId(thread.id()), thread.lastUpdate(), thread.messageCount(), thread.preview()))
                .toList();
    }

    /** One thread's messages in {@code scope}, or empty for an unknown thread. */
    public Optional<List<ChatMessage>> thread(ThreadScope scope, String threadId) {
        return liveStore().thread(scope.storedId(threadId));
    }

    private ConversationStore liveStore() {
        LiveRuntime runtime = runtimes.current();
        if (!runtime.agentReady()) {
            throw new AgentNotReadyException();
        }
        return memory.storeFor(runtime.config().memory());
    }

    private static List<ChatMessage> history(ConversationStore store, String threadId) {
        try {
            return store.messages(threadId);
        } catch (RuntimeException e) {
            LOG.warn("Thread history unavailable, running without it: {}", e.toString());
            return List.of();
        }
    }

    private static Optional<JsonNode> storedState(ConversationStore store, String threadId) {
        try {
            return store.state(threadId);
        } catch (RuntimeException e) {
            LOG.warn("Thread state unavailable, running without it: {}", e.toString());
            return Optional.empty();
        }
    }

    private static void rememberState(ConversationStore store, String threadId, JsonNode state) {
        try {
            store.saveState(threadId, state);
        } catch (RuntimeException e) {
            LOG.warn("Could not store the state of a run: {}", e.toString());
        }
    }

    private static void remember(
            ConversationStore store, String threadId, List<ChatMessage> added, List<ChatMessage> answer) {
        List<ChatMessage> turn = new ArrayList<>();
        added.stream().filter(m -> !NOT_STORED_ROLES.contains(m.role())).forEach(turn::add);
        turn.addAll(answer);
        try {
            store.append(threadId, turn);
        } catch (RuntimeException e) {
            LOG.warn("Could not store the history of a run: {}", e.toString());
        }
    }
}
