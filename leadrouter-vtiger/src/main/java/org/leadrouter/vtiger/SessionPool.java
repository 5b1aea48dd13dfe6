package org.leadrouter.vtiger;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@code max} VTiger sessions of one user, each lent to one request at a time (VTiger runs the requests of
 * one session one after another anyway). The most recently used idle session is lent first, so a caller sending one
 * request at a time uses one session only; another is opened only when every open one is busy and fewer than
 * {@code max} exist. Sessions are opened by the given opener, which logs in one at a time.
 */
final class SessionPool {
    /** One webservice session: its name and the user it belongs to. */
    record Session(String name, String userId) {
    }

    private final int max;
    private final Supplier<Session> opener;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Session> idle = new ConcurrentLinkedDeque<>();

    SessionPool(int max, Supplier<Session> opener) {
        if (max < 1) {
            throw new IllegalArgumentException("max < 1");
        }
        this.max = max;
        this.opener = opener;
        this.permits = new Semaphore(max, true);
    }

    int max() {
        return max;
    }

    /** A session no other request uses until it is released (or discarded); waits while all are busy. */
    Session borrow() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VtigerUnavailableException("interrupted while waiting for a VTiger session", false, e);
        }
        Session s = idle.pollFirst();
        if (s != null) {
            return s;
        }
        try {
            // every session that exists is busy (each busy one holds a permit, and so do we): open one more
            return opener.get();
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    void release(Session s) {
        idle.offerFirst(s);
        permits.release();
    }

    /** The borrowed session is dead and nothing replaces it. */
    void discard() {
        permits.release();
    }

    /** {@code fresh} becomes the only idle session (the others are forgotten); returns it. */
    Session replaceIdle(Session fresh) {
        idle.clear();
        idle.offerFirst(fresh);
        return fresh;
    }
}
