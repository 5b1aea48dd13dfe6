package org.leadrouter.vtiger;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.SSLHandshakeException;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.leadrouter.config.TrustStore;
import org.leadrouter.config.VtigerSettings;

/**
 * Reaches {@code webservice.php} through camel-http. Certificates and host names are verified by the HTTP client's
 * defaults, against the JVM's trusted CAs or, when {@code vtiger.truststore} is set, against that trust store
 * (a private CA); nothing here turns verification off.
 */
public final class CamelHttpTransport implements VtigerTransport {
    private final CamelContext context;
    private final ProducerTemplate producer;
    private final String endpointUri;
    private final URI endpoint;

    public CamelHttpTransport(CamelContext context, VtigerSettings settings) {
        this.context = Objects.requireNonNull(context, "context == null");
        this.endpoint = settings.endpoint();
        HttpComponent http = context.getComponent(endpoint.getScheme(), HttpComponent.class);
        configureTimeouts(http, settings);
        settings.trustStore().ifPresent(store -> http.setSslContextParameters(trusting(context, store)));
        this.endpointUri = endpoint + "?throwExceptionOnFailure=false&followRedirects=false";
        this.producer = context.createProducerTemplate();
    }

    private static void configureTimeouts(HttpComponent http, VtigerSettings settings) {
        http.setConnectTimeout(settings.connectTimeout().toMillis());
        http.setConnectionRequestTimeout(settings.connectTimeout().toMillis());
        http.setResponseTimeout(settings.readTimeout().toMillis());
        http.setSoTimeout(settings.readTimeout().toMillis());
        // retries are decided by the VTiger client (vtiger.retry.*), never behind its back by the HTTP client
        http.setAutomaticRetriesDisabled(true);
    }

    /**
     * Trusts exactly the certificates of {@code store}, instead of the JVM's CAs. Only the trust managers change:
     * the component keeps its default host name verifier, so the certificate must still name VTiger's host.
     */
    static SSLContextParameters trusting(CamelContext context, TrustStore store) {
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setCamelContext(context);
        keyStore.setResource("file:" + store.path());
        keyStore.setType(store.type());
        if (store.password() != null) {
            keyStore.setPassword(store.password().reveal());
        }
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setCamelContext(context);
        trust.setKeyStore(keyStore);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setCamelContext(context);
        ssl.setTrustManagers(trust);
        return ssl;
    }

    @Override
    public HttpReply get(Map<String, String> query) {
        Exchange request = new DefaultExchange(context, ExchangePattern.InOut);
        request.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
        request.getIn().setHeader(Exchange.HTTP_QUERY, FormEncoding.encode(query));
        return send(request, query.get("operation"));
    }

    @Override
    public HttpReply post(Map<String, String> form) {
        Exchange request = new DefaultExchange(context, ExchangePattern.InOut);
        request.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        request.getIn().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=UTF-8");
        request.setProperty(Exchange.CHARSET_NAME, StandardCharsets.UTF_8.name());
        request.getIn().setBody(FormEncoding.encode(form).getBytes(StandardCharsets.UTF_8));
        return send(request, form.get("operation"));
    }

    private HttpReply send(Exchange request, String operation) {
        Exchange reply = producer.send(endpointUri, request);
        Exception failure = reply.getException();
        if (failure != null) {
            throw new VtigerUnavailableException("VTiger at " + endpoint.getHost() + " did not answer '" + operation + "': "
                    + describe(failure), mayHaveArrived(failure), failure);
        }
        Integer status = reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        byte[] body = reply.getMessage().getBody(byte[].class);
        return new HttpReply(status == null ? 0 : status, body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    private static boolean mayHaveArrived(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SSLHandshakeException) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
