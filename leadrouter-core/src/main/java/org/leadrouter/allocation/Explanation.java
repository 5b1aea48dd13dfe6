package org.leadrouter.allocation;

import java.time.LocalDate;
import java.util.List;

/** Why a lead went where it went, as data; {@link ExplanationText} turns it into the report's words. */
public sealed interface Explanation {

    /** The pool the lead was routed to (after any overflow, the pool it was first routed to is {@code routed}). */
    PoolChoice routed();

    /** The pool whose counts the lead joins: the default pool after an overflow. */
    String pool();

    /**
     * Given to {@code advisor}.
     *
     * @param overflowFrom why the routed pool could not take it, when it overflowed to the default pool; else null
     */
    record Assigned(PoolChoice routed, Deferred overflowFrom, String advisor, int loadBefore, int cap, Weight weight,
                    List<String> tiedWith) implements Explanation {
        public Assigned {
            tiedWith = List.copyOf(tiedWith);
        }

        @Override
        public String pool() {
            return overflowFrom == null ? routed.pool() : Pool.DEFAULT;
        }
    }

    /**
     * Kept for later. {@code unavailable} names pool members who cannot receive leads today, with why;
     * {@code overflowFailed}: the rule allowed overflow, and the default pool had nobody below the cap either.
     */
    record Deferred(PoolChoice routed, Reason reason, LocalDate day, LocalDate nextWorkingDay,
                    List<Unavailable> unavailable, List<String> rosterNotes, boolean overflowFailed) implements Explanation {
        public Deferred {
            unavailable = List.copyOf(unavailable);
            rosterNotes = List.copyOf(rosterNotes);
        }

        @Override
        public String pool() {
            return routed.pool();
        }
    }

    /** Why a lead was deferred. */
    enum Reason {
        /** Every eligible member of the pool is at their cap. */
        POOL_FULL,
        /** Nobody in the pool can receive leads today (absent, inactive, excluded). */
        POOL_EMPTY,
        /** Today is not a working day. */
        NON_WORKING_DAY
    }

    /** A pool member who cannot receive leads today. */
    record Unavailable(String userName, Why why, String note) {
    }

    /** Why a member cannot receive leads today. */
    enum Why {
        ABSENT,
        /** Not an advisor today: not an active VTiger user, an admin, or excluded by the configuration. */
        NOT_AN_ADVISOR
    }
}
