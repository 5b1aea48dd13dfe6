package org.leadrouter.failure;

/**
 * Finds the failure an exception stands for. The outermost classified exception wins: it was judged closest to what
 * the program was doing (a state database that cannot write is {@link Failure.Kind#STATE}, whatever I/O exception it
 * wraps). Anything nobody classified is a {@link Failure.Kind#BUG}.
 */
public final class Failures {
    private Failures() {
    }

    public static Failure classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Classified c) {
                return c.failure();
            }
        }
        return Failure.bug(thrown);
    }
}
