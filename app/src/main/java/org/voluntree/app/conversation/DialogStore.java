package org.voluntree.app.conversation;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Dialog state and conversation markers in Redis, each with an expiry: the dialog itself, the
 * 24-hour window opened by the person's last message, the pause after an admin replied by hand,
 * the PIN emails sent to the person in the last window, and the ids of the messages the bot sent (to tell its
 * own echoes from an admin's).
 */
@Component
class DialogStore {

    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration REMEMBER_SENT = Duration.ofDays(2);

    /**
     * The PIN emails sent to a person in the sliding window: KEYS[1] is a sorted set of their send times (ms).
     * ARGV: the most a window holds, the window (ms), now (ms), and the send to add (its request), or an empty
     * one to only look. Forgets the sends that left the window; answers -1 for a send counted already (a request
     * handled again), else adds it if fewer than the most are left and answers -1; else answers the ms until
     * enough have left for one more (0 when looking and one more fits). A count from before the window slid (a
     * plain counter) is dropped.
     */
    private static final String PIN_EMAILS = """
            local max, window, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            local kind = redis.call('TYPE', KEYS[1]).ok
            if kind ~= 'zset' and kind ~= 'none' then
              redis.call('DEL', KEYS[1])
            end
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if ARGV[4] ~= '' and redis.call('ZSCORE', KEYS[1], ARGV[4]) then
              return -1
            end
            local sent = redis.call('ZCARD', KEYS[1])
            if sent < max then
              if ARGV[4] == '' then
                return 0
              end
              redis.call('ZADD', KEYS[1], now, ARGV[4])
              redis.call('PEXPIRE', KEYS[1], window)
              return -1
            end
            local leaving = redis.call('ZRANGE', KEYS[1], sent - max, sent - max, 'WITHSCORES')
            return tonumber(leaving[2]) + window - now
            """;

    private final StatefulRedisConnection<String, byte[]> redis;
    private final ConversationProperties properties;

    DialogStore(StatefulRedisConnection<String, byte[]> redis, ConversationProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    Optional<Dialog> find(String pageId, String psid) {
        byte[] json = redis.sync().get(key("dialog", pageId, psid));
        return json == null ? Optional.empty() : Optional.of(Json.read(json, Dialog.class));
    }

    void save(String pageId, String psid, Dialog dialog) {
        redis.sync()
                .set(
                        key("dialog", pageId, psid),
                        Json.write(dialog),
                        SetArgs.Builder.px(properties.dialogTtl().toMillis()));
    }

    void end(String pageId, String psid) {
        redis.sync().del(key("dialog", pageId, psid));
    }

    /** The person wrote: the page may answer for the next 24 hours. */
    void openWindow(String pageId, String psid) {
        redis.sync().set(key("window", pageId, psid), bytes("1"), SetArgs.Builder.px(WINDOW.toMillis()));
    }

    boolean windowOpen(String pageId, String psid) {
        return redis.sync().exists(key("window", pageId, psid)) > 0;
    }

    void pause(String pageId, String psid) {
        redis.sync()
                .set(
                        key("paused", pageId, psid),
                        bytes("1"),
                        SetArgs.Builder.px(properties.humanTakeover().toMillis()));
    }

    void resume(String pageId, String psid) {
        redis.sync().del(key("paused", pageId, psid));
    }

    boolean paused(String pageId, String psid) {
        return redis.sync().exists(key("paused", pageId, psid)) > 0;
    }

    /**
     * Counts the PIN email of the request {@code send} (the key of its mail) to the person at {@code now},
     * unless {@code max} were counted in the {@code window} before it: then nothing is counted, and the answer
     * is how long until one of them leaves it. A request counted already is counted once. The count lives
     * beside the dialog, not in it, so that starting the dialog again does not reset it.
     */
    Optional<Duration> countPinEmail(String pageId, String psid, int max, Duration window, Instant now, String send) {
        if (send.isEmpty()) {
            throw new IllegalArgumentException("a PIN email is counted under its request");
        }
        long wait = pinEmails(pageId, psid, max, window, now, send);
        return wait < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait));
    }

    /** How long from {@code now} until the person may be sent another PIN email: zero when now. */
    Duration nextPinEmailIn(String pageId, String psid, int max, Duration window, Instant now) {
        return Duration.ofMillis(Math.max(0, pinEmails(pageId, psid, max, window, now, "")));
    }

    private long pinEmails(String pageId, String psid, int max, Duration window, Instant now, String member) {
        return redis.sync()
                .<Long>eval(
                        PIN_EMAILS,
                        ScriptOutputType.INTEGER,
                        new String[] {key("pin-emails", pageId, psid)},
                        bytes(Integer.toString(max)),
                        bytes(Long.toString(window.toMillis())),
                        bytes(Long.toString(now.toEpochMilli())),
                        bytes(member));
    }

    void sentByBot(String messageId) {
        if (messageId != null) {
            redis.sync()
                    .set(RedisNames.botMessage(messageId), bytes("1"), SetArgs.Builder.px(REMEMBER_SENT.toMillis()));
        }
    }

    boolean wasSentByBot(String messageId) {
        return redis.sync().exists(RedisNames.botMessage(messageId)) > 0;
    }

    private static String key(String kind, String pageId, String psid) {
        return RedisNames.conversation(kind, pageId, psid);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
