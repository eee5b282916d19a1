package org.voluntree.app.writer;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.voluntree.app.deletion.Erasures;
import org.voluntree.app.reply.MessageToAnswer;
import org.voluntree.contracts.event.ClassifiedMessage;
import org.voluntree.contracts.event.ClassifiedMessage.Classification;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.event.MalformedRecordException;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.stream.StreamBatchHandler;

/**
 * Handles one batch of {@code s:classified}: stores it in one transaction, then publishes one
 * {@link MessageClassified} per message on its organisation's channel, then enqueues one
 * {@code q:reply} job per message. The consumer loop acknowledges only after this returns, so a crash
 * in between replays the batch, which changes no row, publishes and enqueues again (dashboards and
 * reply handlers de-duplicate).
 *
 * <p>Publishing comes before enqueueing so that whatever a reply handler announces about a message
 * reaches the dashboards after the writer's event for it: when the Messenger dialog takes the message
 * as an answer it says so live ({@code message.dialog_answer}), and that must not be overtaken by the
 * writer's coloured {@code message.classified}.
 *
 * <p>A message written by (or sent to) someone whose data was erased after they wrote it is
 * acknowledged and dropped ({@link Erasures}): it was on its way when the erasure ran.
 */
class ClassifiedWriter implements StreamBatchHandler {

    private static final Logger log = LoggerFactory.getLogger(ClassifiedWriter.class);
    static final String INTENT = "intent";
    static final String SENTIMENT = "sentiment";
    static final String VOLUNTEER = "volunteer";

    private final MessageStore store;
    private final Erasures erasures;
    private final TransactionTemplate transaction;
    private final StatefulRedisConnection<String, byte[]> redis;
    private final double volunteerThreshold;

    ClassifiedWriter(
            MessageStore store,
            Erasures erasures,
            TransactionTemplate transaction,
            StatefulRedisConnection<String, byte[]> redis,
            double volunteerThreshold) {
        this.store = store;
        this.erasures = erasures;
        this.transaction = transaction;
        this.redis = redis;
        this.volunteerThreshold = volunteerThreshold;
    }

    @Override
    public Outcome handle(List<StreamMessage<String, byte[]>> entries) {
        List<Rejected> rejected = new ArrayList<>();
        Map<StreamMessage<String, byte[]>, ClassifiedMessage> readable = new LinkedHashMap<>();
        for (StreamMessage<String, byte[]> entry : entries) {
            try {
                readable.put(entry, ClassifiedMessage.fromFields(entry.getBody()));
            } catch (MalformedRecordException e) {
                rejected.add(new Rejected(entry, "malformed entry: " + e.getMessage()));
            }
        }
        Set<String> pageIds = new HashSet<>();
        readable.values().forEach(m -> pageIds.add(m.event().pageId()));
        List<StreamMessage<String, byte[]>> accepted = new ArrayList<>();
        List<ClassifiedMessage> messages = new ArrayList<>();
        List<StoredMessage> stored = transaction.execute(status -> {
            Map<String, MessageStore.Page> pages = store.pages(pageIds);
            erasures.holdOffErasures();
            Map<String, Instant> erased = erasures.erasedAmong(people(readable.values()));
            readable.forEach((entry, message) -> {
                if (writtenBeforeErasure(message.event(), erased)) {
                    // its author asked Facebook to erase them after writing it: acknowledged, never stored
                    accepted.add(entry);
                } else if (pages.containsKey(message.event().pageId())) {
                    accepted.add(entry);
                    messages.add(message);
                } else {
                    rejected.add(
                            new Rejected(
                                    entry,
                                    "page " + message.event().pageId()
                                            + " is not connected to any organisation; connect it, then replay with 'model-tools dead replay'"));
                }
            });
            return store(messages, pages);
        });
        publish(stored);
        enqueueReplies(stored);
        List<String> done = accepted.stream().map(StreamMessage::getId).toList();
        if (!done.isEmpty()) {
            log.debug("Stored {} messages", done.size());
        }
        return new Outcome(done, rejected);
    }

    /**
     * Stores the people's messages. The page's own messages, echoed back by Facebook (the bot's
     * answers, an admin's hand replies), are not: they are nobody's comment or question and must not
     * count in the figures or show in the feed; they still go to {@code q:reply}, where the dialog
     * tells an admin's hand from its own.
     */
    private List<StoredMessage> store(List<ClassifiedMessage> all, Map<String, MessageStore.Page> pages) {
        List<StoredMessage> echoes = all.stream()
                .filter(m -> m.event().isEcho())
                .map(m -> StoredMessage.echo(m, pages.get(m.event().pageId()).organisationId()))
                .toList();
        List<ClassifiedMessage> messages =
                all.stream().filter(m -> !m.event().isEcho()).toList();
        if (messages.isEmpty()) {
            return echoes;
        }
        Map<String, Long> ids = store.upsertMessages(
                messages.stream().map(ClassifiedMessage::event).toList(), pages);
        List<MessageStore.Verdict> verdicts = new ArrayList<>();
        List<MessageStore.Interest> interests = new ArrayList<>();
        List<Long> withdrawn = new ArrayList<>();
        for (ClassifiedMessage message : messages) {
            Long id = ids.get(message.event().externalId());
            if (id == null) {
                continue; // a removal of a message never stored
            }
            message.classifications().forEach((analyzer, c) -> verdicts.add(new MessageStore.Verdict(id, analyzer, c)));
            float volunteerScore = volunteerScore(message);
            if (volunteerScore >= volunteerThreshold) {
                interests.add(new MessageStore.Interest(
                        pages.get(message.event().pageId()).organisationId(), id, message, volunteerScore));
            } else if ("edited".equals(message.event().verb())
                    || "remove".equals(message.event().verb())) {
                // "count me in" edited to "sorry, can't come", or deleted: no longer an offer to help
                withdrawn.add(id);
            }
        }
        store.withdrawInterests(withdrawn);
        store.upsertClassifications(verdicts);
        Map<Long, String> shown = store.sentimentShown(ids.values());
        Map<Long, Long> volunteers = store.recordInterests(interests);
        List<StoredMessage> stored = new ArrayList<>(messages.size());
        for (ClassifiedMessage message : messages) {
            Long id = ids.get(message.event().externalId());
            if (id != null) {
                stored.add(new StoredMessage(
                        message,
                        pages.get(message.event().pageId()).organisationId(),
                        id,
                        volunteers.get(id),
                        shown.get(id)));
            }
        }
        stored.addAll(echoes);
        return stored;
    }

    /** The people the messages are from, and those the page's own messages went to. */
    private static Set<String> people(Collection<ClassifiedMessage> messages) {
        Set<String> people = new HashSet<>();
        for (ClassifiedMessage message : messages) {
            people.add(message.event().authorId());
            if (message.event().recipientId() != null) {
                people.add(message.event().recipientId());
            }
        }
        people.remove(null);
        return people;
    }

    /** Whether the message was written by, or sent to, someone erased since. */
    private static boolean writtenBeforeErasure(InboundEvent event, Map<String, Instant> erased) {
        for (String person : new String[] {event.authorId(), event.recipientId()}) {
            Instant erasedAt = person == null ? null : erased.get(person);
            if (erasedAt != null && !event.createdAt().isAfter(erasedAt)) {
                return true;
            }
        }
        return false;
    }

    /** The volunteer score of a comment or message whose intent is volunteer, else -1. */
    private static float volunteerScore(ClassifiedMessage message) {
        Classification intent = message.classifications().get(INTENT);
        boolean fromAPerson =
                message.event().kind() != EventKind.POSTBACK && message.event().classifiable();
        if (intent == null || !fromAPerson || !VOLUNTEER.equals(intent.label())) {
            return -1f;
        }
        return intent.score();
    }

    /** One {@code q:reply} job per stored message; reply handlers make their effects exactly once. */
    private void enqueueReplies(List<StoredMessage> stored) {
        if (stored.isEmpty()) {
            return;
        }
        byte[][] jobs = new byte[stored.size()][];
        for (int i = 0; i < stored.size(); i++) {
            StoredMessage s = stored.get(i);
            Map<String, MessageToAnswer.Verdict> verdicts = new LinkedHashMap<>();
            s.message()
                    .classifications()
                    .forEach((analyzer, c) -> verdicts.put(
                            analyzer,
                            new MessageToAnswer.Verdict(
                                    c.label(),
                                    c.score(),
                                    c.version(),
                                    SENTIMENT.equals(analyzer) ? s.sentimentShown() : null)));
            jobs[i] = Json.write(new MessageToAnswer(
                    s.organisationId(), s.messageId(), s.message().event(), verdicts));
        }
        redis.sync().lpush(RedisNames.REPLY_QUEUE, jobs);
    }

    private void publish(List<StoredMessage> stored) {
        List<RedisFuture<Long>> sent = new ArrayList<>(stored.size());
        for (StoredMessage s : stored.stream().filter(StoredMessage::kept).toList()) {
            sent.add(redis.async().publish(RedisNames.orgEvents(s.organisationId()), Json.write(toEvent(s))));
        }
        for (RedisFuture<Long> future : sent) {
            try {
                future.get(redis.getTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing events", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not publish events: " + e.getMessage(), e);
            }
        }
    }

    private static MessageClassified toEvent(StoredMessage s) {
        var event = s.message().event();
        Map<String, MessageClassified.Verdict> verdicts = new LinkedHashMap<>();
        s.message()
                .classifications()
                .forEach((analyzer, c) -> verdicts.put(
                        analyzer,
                        new MessageClassified.Verdict(
                                c.label(),
                                c.score(),
                                c.version(),
                                SENTIMENT.equals(analyzer) ? s.sentimentShown() : null)));
        return new MessageClassified(
                MessageClassified.TYPE,
                s.organisationId(),
                s.messageId(),
                event.externalId(),
                event.kind().name(),
                event.pageId(),
                event.postId(),
                event.authorId(),
                event.authorName(),
                event.text(),
                event.createdAt(),
                "remove".equals(event.verb()),
                verdicts,
                s.volunteerId());
    }
}
