package org.voluntree.app.page;

/** A page the system has no usable token for. */
public class PageNotConnectedException extends RuntimeException {

    private PageNotConnectedException(String message) {
        super(message);
    }

    public static PageNotConnectedException forPage(String pageId) {
        return new PageNotConnectedException("page " + pageId + " has no access token; connect it in the dashboard");
    }
}
