package org.voluntree.app.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.voluntree.app.webhook.WebhookSignatureVerifier;

/** Posts webhook deliveries the way Facebook does: JSON body, signed with the app secret. */
public final class WebhookClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final WebhookSignatureVerifier signer;

    public WebhookClient(int port, String appSecret) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/webhooks/facebook");
        this.signer = new WebhookSignatureVerifier(appSecret);
    }

    public HttpResponse<String> postSigned(byte[] body) {
        return post(body, signer.headerFor(body));
    }

    /** Posts with the given signature header, or none when null. */
    public HttpResponse<String> post(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String query) {
        return send(
                HttpRequest.newBuilder(URI.create(endpoint + "?" + query)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("webhook request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
