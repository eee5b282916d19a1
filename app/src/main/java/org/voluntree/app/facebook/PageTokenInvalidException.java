package org.voluntree.app.facebook;

/**
 * Facebook refused the page's token (OAuthException 190 and its relatives): the page needs
 * reauthorisation, and work for it waits until the token is replaced.
 */
public class PageTokenInvalidException extends GraphException {

    private final String pageId;

    PageTokenInvalidException(String pageId, Integer code, String message, Throwable cause) {
        super(
                "the access token of page " + pageId + " was refused (" + message
                        + "); an admin must reconnect the page",
                code,
                cause);
        this.pageId = pageId;
    }

    public String pageId() {
        return pageId;
    }
}
