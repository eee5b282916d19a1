package org.voluntree.contracts.event;

/** What kind of Facebook event a job carries. */
public enum EventKind {
    /** A comment added, edited or removed on a page post (webhook field {@code feed}). */
    COMMENT,
    /** A Messenger text message sent to the page. */
    MESSAGE,
    /** A Messenger button press (postback). */
    POSTBACK;

    /** Whether the event carries text that the analyzers classify. */
    public boolean classifiable() {
        return this != POSTBACK;
    }
}
