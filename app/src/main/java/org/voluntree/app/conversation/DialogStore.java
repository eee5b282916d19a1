package org.voluntree.app.conversation;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Dialog state and conversation markers in Redis, each with an expiry: the dialog itself, the
 * 24-hour window opened by the person's last message, the pause after an admin replied by hand,
 * the count of PIN emails sent to the person, and the ids of the messages the bot sent (to tell its
 * own echoes from an admin's).
 */
@Component
class DialogStore {

    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration REMEMBER_SENT = Duration.ofDays(2);

    /** Counts one more unless ARGV[1] are counted already; -1 when counted, else the ms until the count lapses. */
    private static final String COUNT_PIN_EMAIL = """
            local sent = tonumber(redis.call('GET', KEYS[1]) or '0')
            if sent < tonumber(ARGV[1]) then
              redis.call('INCR', KEYS[1])
            end
            if redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            if sent < tonumber(ARGV[1]) then
              return -1
            end
            return redis.call('PTTL', KEYS[1])
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
     * Counts a PIN email to the person, unless {@code max} were counted within the window, which the
     * first of them started: then nothing is counted, and the answer is how long until the window ends.
     * The count lives beside the dialog, not in it, so that starting the dialog again does not reset it.
     */
    Optional<Duration> countPinEmail(String pageId, String psid, int max, Duration window) {
        long answer = redis.sync()
                .<Long>eval(
                        COUNT_PIN_EMAIL,
                        ScriptOutputType.INTEGER,
                        new String[] {key("pin-emails", pageId, psid)},
                        bytes(Integer.toString(max)),
                        bytes(Long.toString(window.toMillis())));
        return answer < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(answer));
    }

    /** How long until the person may be sent another PIN email: zero when now. */
    Duration nextPinEmailIn(String pageId, String psid, int max) {
        String key = key("pin-emails", pageId, psid);
        byte[] sent = redis.sync().get(key);
        if (sent == null || Long.parseLong(new String(sent, StandardCharsets.US_ASCII)) < max) {
            return Duration.ZERO;
        }
        long ttl = redis.sync().pttl(key);
        return ttl > 0 ? Duration.ofMillis(ttl) : Duration.ZERO;
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
