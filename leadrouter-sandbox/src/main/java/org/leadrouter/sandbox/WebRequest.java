package org.leadrouter.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A webservice request split like PHP splits it: {@code $_GET} from the URL, {@code $_POST} from a
 * form-encoded body. VTiger reads an operation's parameters from one of them only, but
 * {@code operation} and {@code sessionName} from both ({@code $_REQUEST}, POST winning).
 */
record WebRequest(String method, Map<String, String> get, Map<String, String> post) {

    static WebRequest of(String method, String rawQuery, String body) {
        return new WebRequest(method, parse(rawQuery), "POST".equalsIgnoreCase(method) ? parse(body) : Map.of());
    }

    boolean isPost() {
        return "POST".equalsIgnoreCase(method);
    }

    String request(String name) {
        String value = post.get(name);
        return value != null ? value : get.get(name);
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> out = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.put(name, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // PHP keeps malformed escapes as they are
        }
    }
}
