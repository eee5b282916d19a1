package org.voluntree.gears.engine.redisai;

/** RedisAI refused a command, timed out, or is not there at all. */
public class RedisAiException extends RuntimeException {

    private RedisAiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The server has no RedisAI module (or could not be asked): the engine cannot start. */
    public static RedisAiException unavailable(String reason) {
        return new RedisAiException("the RedisAI engine is unavailable: " + reason, null);
    }

    public static RedisAiException failed(String model, String step, Throwable cause) {
        return new RedisAiException(step + " failed for " + model + ": " + cause.getMessage(), cause);
    }

    public static RedisAiException timedOut(String model, long millis) {
        return new RedisAiException(
                "AI.MODELEXECUTE of " + model + " timed out after " + millis + " ms in RedisAI's queue", null);
    }

    public static RedisAiException unexpected(String model, String what) {
        return new RedisAiException(model + ": " + what, null);
    }
}
