package org.tutorgraph.models.call;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of a model call: a value, or a {@link ModelFailure}. Calls never throw into the session.
 *
 * @param <T> the value's type
 */
public sealed interface ModelResult<T> {

    /** A usable value. */
    record Ok<T>(T value) implements ModelResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** No usable value, and why. */
    record Failed<T>(ModelFailure failure) implements ModelResult<T> {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    static <T> ModelResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> ModelResult<T> failed(ModelFailure failure) {
        return new Failed<>(failure);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default Optional<T> valueIfOk() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }

    default Optional<ModelFailure> failureIfAny() {
        return this instanceof Failed<T> f ? Optional.of(f.failure()) : Optional.empty();
    }

    /** The result of {@code f} on the value, for calls that follow one another; a failure stays the same failure. */
    default <R> ModelResult<R> flatMap(Function<T, ModelResult<R>> f) {
        if (this instanceof Ok<T> ok) return f.apply(ok.value());
        return new Failed<>(((Failed<T>) this).failure());
    }

    /** The value mapped by {@code f}; a failure stays the same failure. */
    default <R> ModelResult<R> map(Function<T, R> f) {
        if (this instanceof Ok<T> ok) return new Ok<>(f.apply(ok.value()));
        return new Failed<>(((Failed<T>) this).failure());
    }
}
