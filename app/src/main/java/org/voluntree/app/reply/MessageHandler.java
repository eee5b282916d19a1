package org.voluntree.app.reply;

/**
 * Answers some of the messages on {@code q:reply}. Every bean implementing it is offered each job;
 * the first that {@link #accepts} it handles it. Throwing retries the job (with backoff);
 * {@link org.voluntree.workers.queue.RetryLater} postpones it without counting an attempt;
 * {@link org.voluntree.workers.queue.PermanentFailure} sends it to {@code s:dead}.
 */
public interface MessageHandler {

    boolean accepts(MessageToAnswer message);

    void handle(MessageToAnswer message);
}
