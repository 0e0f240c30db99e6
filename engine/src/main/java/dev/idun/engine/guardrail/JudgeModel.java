package dev.idun.engine.guardrail;

import dev.idun.engine.model.ChatModels;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The model an LLM guard asks: one question, the whole answer back, within a time limit. Thread-safe. */
final class JudgeModel {
    private final ChatModels.Model model;
    private final Duration timeout;

    JudgeModel(ChatModels.Model model, Duration timeout) {
        this.model = model;
        this.timeout = timeout;
    }

    /** The model's answer to {@code question} under {@code instructions}; throws when the call fails or times out. */
    String ask(String instructions, String question) throws JudgeException {
        CompletableFuture<String> answer = new CompletableFuture<>();
        ChatRequest request = ChatRequest.builder()
                .messages(List.of(SystemMessage.from(instructions), UserMessage.from(question)))
                .build();
        model.chat().chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse response) {
                String text = response.aiMessage().text();
                answer.complete(text == null ? "" : text);
            }

            @Override
            public void onError(Throwable error) {
                answer.completeExceptionally(error);
            }
        });
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new JudgeException("the model did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            String detail = String.valueOf(e.getCause().getMessage());
            if (model.apiKey() != null && !model.apiKey().isEmpty()) {
                detail = detail.replace(model.apiKey(), "****");
            }
            throw new JudgeException(detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeException("interrupted");
        }
    }

    /** The judge could not give an answer; guards then block (fail closed). */
    static final class JudgeException extends Exception {
        JudgeException(String message) {
            super(message, null, false, false);
        }
    }
}
