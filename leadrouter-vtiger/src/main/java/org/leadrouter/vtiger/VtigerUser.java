package org.leadrouter.vtiger;

/** An active VTiger user as the Users module reports it (never with its password hash or access key). */
public record VtigerUser(String id, String userName, String firstName, String lastName, boolean admin) {

    /** "First Last", or the user name when VTiger has no names. */
    public String displayName() {
        String full = (firstName + " " + lastName).trim();
        return full.isEmpty() ? userName : full;
    }
}
