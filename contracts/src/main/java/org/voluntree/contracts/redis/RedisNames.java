package org.voluntree.contracts.redis;

/**
 * Every Redis name Voluntree uses. Nothing else in the code spells a key, queue, stream,
 * group or channel by hand.
 *
 * <p>Model keys put the analyzer name in a hash tag ({@code model:{intent}:3}) so that a
 * version and the pointer to the active version live in one Redis Cluster slot.
 */
public final class RedisNames {

    /** Webhook events waiting to be normalised and featurised. */
    public static final String PREPROCESS_QUEUE = "q:preprocess";
    /** Posts waiting to be published on a page. */
    public static final String PUBLISH_QUEUE = "q:publish";
    /** Replies waiting to be sent through the Graph API. */
    public static final String REPLY_QUEUE = "q:reply";
    /** Emails waiting to be sent. */
    public static final String EMAIL_QUEUE = "q:email";

    /** Model training jobs queued through the API. */
    public static final String TRAIN_QUEUE = "q:train";

    /** Featurised messages, read by the gears. */
    public static final String COMMENTS_STREAM = "s:comments";
    /** Classified messages, read by the writer. */
    public static final String CLASSIFIED_STREAM = "s:classified";
    /** Anything that gave up, with its error. */
    public static final String DEAD_STREAM = "s:dead";

    public static final String GEAR_GROUP = "gear";
    public static final String WRITER_GROUP = "writer";

    /** Channel on which model-tools announce an activation or rollback. */
    public static final String MODELS_CHANGED_CHANNEL = "models:changed";

    /** Pattern that matches every organisation's event channel. */
    public static final String ORG_EVENTS_PATTERN = "org:*:events";

    /**
     * Prefix of the admins' login sessions (Spring Session: {@code session:sessions:<id>}), shared by
     * every web node; the app sets {@code spring.session.redis.namespace} from it.
     */
    public static final String SESSION_NAMESPACE = "session";

    /** Channel on which a web node announces a login session that ended, so every node closes its sockets. */
    public static final String SESSION_ENDED_CHANNEL = "session:ended";

    /**
     * The installation's key for the codes mailed to volunteers (random, made once): a code is derived from it
     * and the request, so a request handled twice mails and expects one code.
     */
    public static final String PIN_CODE_KEY = "conversation:pin-code-key";

    private RedisNames() {}

    /** The list a consumer moves items into while it works on them. */
    public static String processingList(String queue, String consumer) {
        return queue + ":processing:" + consumer;
    }

    /** Pattern matching every consumer's processing list of a queue. */
    public static String processingListPattern(String queue) {
        return queue + ":processing:*";
    }

    /** Sorted set of items waiting to be retried, scored by the epoch millis they are due. */
    public static String delayed(String queue) {
        return queue + ":delayed";
    }

    /** Hash of consumer name to the last heartbeat (epoch millis) of a queue's consumers. */
    public static String consumerHeartbeats(String queue) {
        return queue + ":consumers";
    }

    /** Hash of item digest to the number of failed deliveries. */
    public static String attempts(String queue) {
        return queue + ":attempts";
    }

    /** Marker that a Facebook event was already accepted; Facebook retries deliveries. */
    public static String seenEvent(String eventKey) {
        return "seen:fb:" + eventKey;
    }

    /** Set while Graph API calls for a page (or {@code app}) pause near a usage limit; expires when they may resume. */
    public static String graphPause(String scope) {
        return "graph:pause:" + scope;
    }

    /**
     * A person's signup dialog with a page, and its markers: {@code dialog}, {@code window}, {@code paused},
     * {@code pin-emails} (the PIN emails sent to them within the hour).
     */
    public static String conversation(String kind, String pageId, String psid) {
        return "conversation:" + kind + ":{" + pageId + ":" + psid + "}";
    }

    /** Marks a Messenger message id as sent by the bot, so its echo is not taken for an admin's reply. */
    public static String botMessage(String messageId) {
        return "conversation:bot-mid:" + messageId;
    }

    /** Marks an email job as sent. */
    public static String sentEmail(String key) {
        return "sent:email:" + key;
    }

    public static String orgEvents(long organisationId) {
        return "org:" + organisationId + ":events";
    }

    /** Hash holding one model version: its manifest and its frozen graph. */
    public static String modelVersion(String analyzer, int version) {
        return "model:{" + analyzer + "}:" + version;
    }

    /** The RedisAI model that serves one registry version, beside its registry hash: {@code model:{intent}:3:ai}. */
    public static String aiModel(String analyzer, int version) {
        return modelVersion(analyzer, version) + ":ai";
    }

    /** A temporary RedisAI tensor of one call, in the analyzer's slot: {@code model:{intent}:tensor:<call>:in}. */
    public static String aiTensor(String analyzer, String call, String side) {
        return "model:{" + analyzer + "}:tensor:" + call + ":" + side;
    }

    /** Hash holding a training job's state and progress. */
    public static String trainingJob(String id) {
        return "train:job:" + id;
    }

    /** List of an analyzer's latest training job ids, newest first (a few, kept as long as the jobs). */
    public static String recentTrainingJobs(String analyzer) {
        return "train:recent:" + analyzer;
    }

    /**
     * String holding the id of an analyzer's queued or running training job, so that only one is in
     * flight: set when the job is queued, kept alive by its worker's heartbeat, deleted when it ends.
     */
    public static String pendingTrainingJob(String analyzer) {
        return "train:pending:" + analyzer;
    }

    /** String holding the active version number of an analyzer. */
    public static String activeModel(String analyzer) {
        return "model:{" + analyzer + "}:active";
    }

    /** Sorted set of an analyzer's versions (score = version), newest last. */
    public static String modelVersions(String analyzer) {
        return "model:{" + analyzer + "}:versions";
    }

    /** Counter that hands out an analyzer's version numbers. */
    public static String modelSequence(String analyzer) {
        return "model:{" + analyzer + "}:seq";
    }

    /**
     * Set of the versions that have ever been active: messages may have been featurised for them, so
     * they are never deleted.
     */
    public static String modelsEverActive(String analyzer) {
        return "model:{" + analyzer + "}:activated";
    }

    /** List of previously active versions, most recent first, for rollback. */
    public static String modelHistory(String analyzer) {
        return "model:{" + analyzer + "}:history";
    }

    /**
     * Counter of failed logins for one e-mail from one address, keyed by a digest of both so that
     * no e-mail address is stored in Redis; it expires with the throttling window.
     */
    public static String loginFailures(String digest) {
        return "login:failures:" + digest;
    }

    /** Set of analyzer names known to the registry. */
    public static final String ANALYZERS = "models:analyzers";
}
