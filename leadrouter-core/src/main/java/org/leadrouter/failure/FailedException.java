package org.leadrouter.failure;

import java.util.Objects;

/**
 * Carries a {@link Failure} judged where it happened, with the exception that revealed it as the cause: e.g. an
 * {@code AccessDeniedException} reading the input becomes {@link Failure.Kind#FILE_ACCESS}, the same exception
 * type writing the outbox becomes {@link Failure.Kind#FOLDER}.
 */
public final class FailedException extends RuntimeException implements Classified {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public FailedException(Failure failure, Throwable cause) {
        super(Objects.requireNonNull(failure, "failure == null").reason().english(), cause);
        this.failure = failure;
    }

    @Override
    public Failure failure() {
        return failure;
    }
}
