package org.leadrouter.vtiger;

/**
 * What a refused login means and which setting fixes it, from VTiger's answer to {@code getchallenge} or
 * {@code login}. A stock 8.1 refuses an unknown user already at getchallenge ({@code ACCESS_DENIED}), and a wrong
 * key or an inactive user at login ({@code INVALID_USER_CREDENTIALS}).
 */
public final class LoginRefusal {
    private LoginRefusal() {
    }

    /** Whether an error code answered to this operation means VTiger refused our credentials. */
    public static boolean isRefusal(String operation, String code) {
        if ("ok".equals(code) || "unavailable".equals(code)) {
            return false;
        }
        return "getchallenge".equals(operation) || "login".equals(operation);
    }

    /** One sentence for logs, {@code check}, {@code run} and the health check: what VTiger said and what to fix. */
    public static String explain(String code) {
        return "VTiger refused the login (" + code + "): " + switch (code) {
            case "ACCESS_DENIED" -> "VTiger has no user named as vtiger.username; fix vtiger.username";
            case "INVALID_USER_CREDENTIALS" -> "the access key is wrong or the user is inactive; "
                    + "check vtiger.access-key (the user's Webservice Access Key in VTiger) and that the user is Active";
            case "ACCESSKEY_UNDEFINED" -> "the user has no webservice access key in VTiger; give it one, "
                    + "then set vtiger.access-key";
            case "INVALID_AUTH_TOKEN" -> "the login challenge was not accepted; check vtiger.username";
            default -> "check vtiger.username and vtiger.access-key";
        };
    }
}
