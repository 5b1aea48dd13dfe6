package org.leadrouter.vtiger;

import java.util.Map;

/** Sends one request to {@code webservice.php} and returns the raw HTTP answer. */
public interface VtigerTransport {

    /** A GET with the given query parameters. */
    HttpReply get(Map<String, String> query);

    /** A POST with the given form fields ({@code application/x-www-form-urlencoded}). */
    HttpReply post(Map<String, String> form);

    /** An HTTP status and body. */
    record HttpReply(int status, String body) {
    }
}
