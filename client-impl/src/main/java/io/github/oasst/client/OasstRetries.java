package io.github.oasst.client;

import io.github.oasst.client.internal.retry.CallEvents;
import io.github.oasst.client.internal.retry.Lifecycle;
import io.github.oasst.client.internal.retry.Retrier;
import io.github.oasst.client.internal.retry.SharedScheduler;
import io.github.oasst.client.protocol.Interaction;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The client's retries for code that calls an {@link io.github.oasst.client.api.OasstTasksApi} it
 * built itself (a Spring Cloud OpenFeign bean, say): wraps each call in the Resilience4j {@link
 * Retry} of its operation, with the same classification, backoff and reconciliation as {@link
 * OasstClient}. The Feign client should carry {@link OasstFeign#capability()} (so that failures are
 * the client's exceptions) and no retrying of its own.
 *
 * <pre>{@code
 * OasstRetries retries = OasstRetries.create(RetryPolicy.defaults(), retryRegistry, null);
 * Task task = retries.call(OasstOperation.FETCH_TASK, () -> api.requestTask(request));
 * retries.run(OasstOperation.ACK_TASK, () -> api.ackTask(task.id(), new TaskAck(messageId)));
 * retries.postInteraction(reply, api::postInteraction);
 * }</pre>
 *
 * Thread-safe.
 */
public final class OasstRetries {
    private final Retrier retrier;

    private OasstRetries(Retrier retrier) {
        this.retrier = retrier;
    }

    /**
     * Retries under the policy, with the operations' Retry instances in the registry ({@code
     * oasst-fetch-task}, {@code oasst-ack-task}, …) and, when not null, each attempt through the
     * circuit breaker.
     */
    public static OasstRetries create(RetryPolicy policy, RetryRegistry registry, @Nullable CircuitBreaker breaker) {
        Objects.requireNonNull(policy, "policy must not be null");
        Objects.requireNonNull(registry, "registry must not be null");
        return new OasstRetries(new Retrier(
                policy,
                registry,
                breaker,
                System::nanoTime,
                SharedScheduler.get(),
                new Lifecycle(),
                CallEvents.NONE,
                () -> null));
    }

    /**
     * Runs the call, retrying it as the policy says for the operation.
     *
     * @return the call's result; null when a retry was reconciled (an earlier attempt of an
     *     operation without result, ack, nack, interaction or close, took effect and its answer was
     *     lost)
     * @throws io.github.oasst.client.api.OasstException the last attempt's failure, with the
     *     earlier ones ({@code earlierAttempts()})
     */
    public <T> @Nullable T call(OasstOperation operation, Supplier<T> call) {
        Objects.requireNonNull(operation, "operation must not be null");
        Objects.requireNonNull(call, "call must not be null");
        try {
            return retrier.call(operation, null, call::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new IllegalStateException(checked);
        }
    }

    /** Runs a call without result, retrying it as the policy says for the operation. */
    public void run(OasstOperation operation, Runnable call) {
        Objects.requireNonNull(call, "call must not be null");
        call(operation, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Runs the call's attempts asynchronously, each started by {@code attempt} (a method of an
     * {@code AsyncFeign} client of {@link io.github.oasst.client.api.OasstTasksAsyncApi}, say), the
     * waits between them on a shared daemon thread. The future completes with the result (null when
     * reconciled) or fails with the last attempt's failure itself; cancelling it cancels every later
     * attempt.
     */
    public <T> CompletableFuture<T> callAsync(OasstOperation operation, Supplier<CompletionStage<T>> attempt) {
        Objects.requireNonNull(operation, "operation must not be null");
        Objects.requireNonNull(attempt, "attempt must not be null");
        return retrier.callAsync(operation, null, attempt);
    }

    /**
     * Posts an interaction through {@code post} (the interface's {@code postInteraction}),
     * retrying it as the policy says for its {@link InteractionKind}: an ambiguous failure is
     * retried only for the kinds of {@link RetryPolicy#ambiguousInteractions()}. {@link
     * #run(OasstOperation, Runnable)} with {@link OasstOperation#POST_INTERACTION} cannot know the
     * kind, and never retries an ambiguous failure.
     *
     * <pre>{@code
     * retries.postInteraction(reply, api::postInteraction);
     * }</pre>
     */
    public <I extends Interaction> void postInteraction(I interaction, Consumer<? super I> post) {
        Objects.requireNonNull(interaction, "interaction must not be null");
        Objects.requireNonNull(post, "post must not be null");
        try {
            retrier.call(OasstOperation.POST_INTERACTION, InteractionKind.of(interaction), () -> {
                post.accept(interaction);
                return null;
            });
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new IllegalStateException(checked);
        }
    }

    /**
     * Posts an interaction asynchronously through {@code post} (the asynchronous interface's {@code
     * postInteraction}), retrying it as {@link #postInteraction(Interaction, Consumer)} does.
     */
    public <I extends Interaction> CompletableFuture<@Nullable Void> postInteractionAsync(
            I interaction, Function<? super I, ? extends CompletionStage<@Nullable Void>> post) {
        Objects.requireNonNull(interaction, "interaction must not be null");
        Objects.requireNonNull(post, "post must not be null");
        return retrier.callAsync(
                OasstOperation.POST_INTERACTION, InteractionKind.of(interaction), () -> post.apply(interaction));
    }

    /** The Resilience4j Retry of an operation, for its events and metrics. */
    public Retry retry(OasstOperation operation) {
        return retrier.retry(Objects.requireNonNull(operation, "operation must not be null"));
    }
}
