package org.leadrouter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/** An HTTPS server on 127.0.0.1 with a given certificate, passing every request on to a plain-HTTP backend. */
public final class HttpsFront implements AutoCloseable {
    private final HttpsServer server;
    private final URI backend;
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpsFront(HttpsServer server, URI backend) {
        this.server = server;
        this.backend = backend;
    }

    /** Serves on a free port with the key and certificate chain of {@code keyStore} (PKCS12). */
    public static HttpsFront start(Path keyStore, String password, URI backend) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance(keyStore.toFile(), password.toCharArray());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newFixedThreadPool(2));
        HttpsFront front = new HttpsFront(server, backend);
        server.createContext("/", front::forward);
        server.start();
        return front;
    }

    /** The base URL, e.g. {@code https://127.0.0.1:43121/}, with the host written as given. */
    public String url(String host) {
        return "https://" + host + ":" + server.getAddress().getPort() + "/";
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            URI target = backend.resolve(exchange.getRequestURI().getRawPath().substring(1)
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes()));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> reply = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            exchange.sendResponseHeaders(reply.statusCode(), reply.body().length == 0 ? -1 : reply.body().length);
            exchange.getResponseBody().write(reply.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
