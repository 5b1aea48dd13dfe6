package org.leadrouter.vtiger;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One request to webservice.php: sent over the transport, its answer decoded, and told to the call listener. */
final class Webservice implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Webservice.class);

    private final VtigerTransport transport;
    private final VtigerCallListener listener;

    Webservice(VtigerTransport transport, VtigerCallListener listener) {
        this.transport = Objects.requireNonNull(transport, "transport == null");
        this.listener = Objects.requireNonNull(listener, "listener == null");
    }

    /** An operation VTiger reads from the query string (getchallenge, query, describe…). */
    JsonNode get(String operation, Map<String, String> params) {
        return send(operation, false, params);
    }

    /** An operation VTiger registers as POST (login, create…): its parameters travel in the form body. */
    JsonNode post(String operation, Map<String, String> params) {
        return send(operation, true, params);
    }

    private JsonNode send(String operation, boolean post, Map<String, String> params) {
        long start = System.nanoTime();
        String outcome = "unavailable";
        try {
            VtigerTransport.HttpReply reply = post ? transport.post(params) : transport.get(params);
            JsonNode result = AnswerDecoder.result(operation, reply);
            outcome = "ok";
            return result;
        } catch (VtigerException e) {
            outcome = e.code();
            throw e;
        } finally {
            listener.called(operation, outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Releases the HTTP connections. */
    @Override
    public void close() {
        if (transport instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the HTTP client: {}", e.getMessage());
            }
        }
    }
}
