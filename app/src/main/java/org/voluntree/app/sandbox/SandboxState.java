package org.voluntree.app.sandbox;

/**
 * Everything the sandbox remembers, in memory, one per process: its clock, tokens, graph objects,
 * conversations, usage and request log. Each part guards itself.
 */
record SandboxState(
        String appSecret,
        SandboxClock clock,
        TokenRegistry tokens,
        SandboxGraph graph,
        Conversations conversations,
        UsageMeter usage,
        RequestLog requests) {

    /** Forgets posts, comments, messages, subscriptions, usage, requests and clock moves; pages and tokens stay. */
    void reset() {
        graph.clear();
        conversations.clear();
        usage.reset();
        requests.clear();
        clock.reset();
    }
}
