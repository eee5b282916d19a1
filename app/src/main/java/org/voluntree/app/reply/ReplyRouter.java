package org.voluntree.app.reply;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.contracts.event.Json;
import org.voluntree.workers.queue.JobHandler;
import org.voluntree.workers.queue.PermanentFailure;

/** Reads a {@code q:reply} job and gives it to the handler that accepts it; jobs nobody answers are done. */
class ReplyRouter implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(ReplyRouter.class);

    private final List<MessageHandler> handlers;

    private final ReplyRecords records;

    ReplyRouter(List<MessageHandler> handlers, ReplyRecords records) {
        this.handlers = List.copyOf(handlers);
        this.records = records;
    }

    /** The replies the job was sending are no longer "pending": they failed, and say why. */
    @Override
    public void gaveUp(byte[] item, String reason) {
        MessageToAnswer message;
        try {
            message = Json.read(item, MessageToAnswer.class);
        } catch (RuntimeException e) {
            return; // not a reply job: nothing was recorded for it
        }
        records.gaveUp(message.messageId(), reason);
    }

    @Override
    public void handle(byte[] item) {
        MessageToAnswer message;
        try {
            message = Json.read(item, MessageToAnswer.class);
        } catch (RuntimeException e) {
            throw PermanentFailure.because("not a reply job: " + e.getMessage(), e);
        }
        if (!message.event().isEcho() && !records.messageStored(message.messageId())) {
            // erased (or its organisation deleted) since it was queued: answering would open a dialog, create a
            // volunteer and record a reply for someone who asked to be forgotten, and a retry would carry
            // their words to s:dead. Done, with nothing kept.
            log.info(
                    "A reply job was dropped: its message is no longer stored (erased or deleted since it was queued)");
            return;
        }
        for (MessageHandler handler : handlers) {
            if (handler.accepts(message)) {
                handler.handle(message);
                return;
            }
        }
        log.debug(
                "No reply for message {} ({} {})",
                message.messageId(),
                message.event().kind(),
                message.event().verb());
    }
}
