package org.voluntree.app.conversation;

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
 * and the ids of the messages the bot sent (to tell its own echoes from an admin's).
 */
@Component
class DialogStore {

    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration REMEMBER_SENT = Duration.ofDays(2);

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
