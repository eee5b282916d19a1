package org.voluntree.app.live;

import java.util.Map;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.voluntree.app.account.ApiTokenLogins;

/** Hands the digest of the API token that opened a socket to the socket, so that revoking it closes the socket. */
class ApiTokenHandshake implements HandshakeInterceptor {

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(ApiTokenLogins.DIGEST_ATTRIBUTE) instanceof String digest) {
            attributes.put(ApiTokenLogins.DIGEST_ATTRIBUTE, digest);
        }
        return true;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {}
}
