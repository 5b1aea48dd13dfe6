package org.leadrouter.vtiger;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads webservice.php's answer: the {@code result} of a {@code success:true} envelope, {@link VtigerException} with
 * VTiger's code for {@code success:false} (VTiger says no with HTTP 200), {@link VtigerUnavailableException} for an HTTP
 * error or an answer that is no envelope at all.
 */
final class AnswerDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerDecoder() {
    }

    static JsonNode result(String operation, VtigerTransport.HttpReply reply) {
        if (reply.status() != 200) {
            throw new VtigerUnavailableException("VTiger answered HTTP " + reply.status() + " to '" + operation + "'",
                    reply.status() >= 500 || reply.status() == 0, null);
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(reply.body());
        } catch (JsonProcessingException e) {
            envelope = null;
        }
        if (envelope == null || !envelope.isObject() || !envelope.has("success")) {
            throw new VtigerUnavailableException("VTiger gave no JSON answer to '" + operation + "'", true, null);
        }
        if (!envelope.path("success").asBoolean(false)) {
            JsonNode error = envelope.path("error");
            throw new VtigerException(error.path("code").asText("UNKNOWN_ERROR"), error.path("message").asText(""));
        }
        return envelope.path("result");
    }

    /** A record of the result as field → value, every value as text (VTiger's nulls as empty). */
    static Map<String, String> strings(JsonNode row) {
        Map<String, String> values = new LinkedHashMap<>();
        row.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return values;
    }

    /** {@code element} as the JSON text {@code create} expects. */
    static String json(Map<String, String> element) {
        try {
            return JSON.writeValueAsString(element);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("element cannot be written as JSON", e);
        }
    }
}
