package org.leadrouter.failure;

/** An exception that knows what failed: it was classified where it was thrown. */
public interface Classified {
    Failure failure();
}
