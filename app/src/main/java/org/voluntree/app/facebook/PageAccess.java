package org.voluntree.app.facebook;

/** What a call on behalf of a page needs: the page's Facebook id and its page access token. */
public record PageAccess(String pageId, String token) {

    @Override
    public String toString() {
        return "PageAccess[pageId=" + pageId + ", token=<hidden>]";
    }
}
