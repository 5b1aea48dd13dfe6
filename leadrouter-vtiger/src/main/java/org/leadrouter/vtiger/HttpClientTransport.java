package org.leadrouter.vtiger;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.leadrouter.config.TrustStore;
import org.leadrouter.config.VtigerSettings;

/**
 * Reaches {@code webservice.php} with an HTTP client of its own (Apache HttpClient 5). Certificates and host names
 * are verified against the JVM's trusted CAs or, when {@code vtiger.truststore} is set, against that trust store
 * (a private CA); nothing here turns verification off. The client never retries or follows redirects by itself:
 * retries are the VTiger client's decision ({@code vtiger.retry.*}).
 */
public final class HttpClientTransport implements VtigerTransport, AutoCloseable {
    private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded", StandardCharsets.UTF_8);

    private final URI endpoint;
    private final CloseableHttpClient http;

    public HttpClientTransport(VtigerSettings settings) {
        this.endpoint = settings.endpoint();
        SSLContext tls = settings.trustStore().map(HttpClientTransport::trusting).orElseGet(SSLContexts::createDefault);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        // the host name is checked by the client once the handshake is done, as VTiger's name
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls, HostnameVerificationPolicy.CLIENT,
                                new DefaultHostnameVerifier()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                                .build())
                        .setMaxConnTotal(200)
                        .setMaxConnPerRoute(20)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .build();
    }

    /**
     * Trusts exactly the certificates of {@code store}, instead of the JVM's CAs. Only the trust changes: the
     * certificate must still name VTiger's host.
     */
    static SSLContext trusting(TrustStore store) {
        try (InputStream in = Files.newInputStream(store.path())) {
            KeyStore keys = KeyStore.getInstance(store.type());
            keys.load(in, store.password() == null ? null : store.password().reveal().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the trust store " + store + ": " + e.getMessage(), e);
        }
    }

    @Override
    public HttpReply get(Map<String, String> query) {
        return send(new HttpGet(withQuery(FormEncoding.encode(query))), query.get("operation"));
    }

    @Override
    public HttpReply post(Map<String, String> form) {
        HttpPost post = new HttpPost(endpoint);
        post.setEntity(new ByteArrayEntity(FormEncoding.encode(form).getBytes(StandardCharsets.UTF_8), FORM));
        return send(post, form.get("operation"));
    }

    private URI withQuery(String query) {
        String base = endpoint.toString();
        return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + query);
    }

    private HttpReply send(ClassicHttpRequest request, String operation) {
        try {
            return http.execute(request, response -> new HttpReply(response.getCode(),
                    response.getEntity() == null ? ""
                            : new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException failure) {
            throw new VtigerUnavailableException("VTiger at " + endpoint.getHost() + " did not answer '" + operation + "': "
                    + describe(failure), mayHaveArrived(failure), failure);
        }
    }

    /** False only when the request surely never left: no connection, no such host, no route, no TLS agreement. */
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

    @Override
    public void close() throws IOException {
        http.close();
    }
}
