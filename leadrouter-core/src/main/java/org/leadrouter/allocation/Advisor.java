package org.leadrouter.allocation;

import java.util.Objects;

/** A sales advisor who can receive leads: VTiger user id (e.g. {@code 19x5}), user name, display name and daily cap. */
public record Advisor(String id, String userName, String displayName, int dailyCap) {

    public Advisor {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(userName, "userName == null");
        Objects.requireNonNull(displayName, "displayName == null");
        if (dailyCap < 0) {
            throw new IllegalArgumentException("dailyCap < 0 for " + userName + ": " + dailyCap);
        }
    }
}
