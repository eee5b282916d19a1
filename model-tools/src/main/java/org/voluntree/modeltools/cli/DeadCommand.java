package org.voluntree.modeltools.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.function.Function;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.redis.RedisCodecs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dead}: the dead-letter stream {@code s:dead}: list what gave up, replay it where it came from. */
@Command(
        name = "dead",
        mixinStandardHelpOptions = true,
        description = "Lists and replays the entries of the dead-letter stream s:dead.",
        subcommands = {DeadListCommand.class, DeadReplayCommand.class})
public final class DeadCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose 'dead list' or 'dead replay'");
    }

    /** Runs {@code work} on the dead letters over a connection opened and closed for this command. */
    static <T> T withDeadLetters(RedisOptions redis, Function<DeadLetters, T> work) {
        RedisURI uri = RedisURI.create(redis.url());
        uri.setTimeout(Duration.ofSeconds(10));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, byte[]> connection = client.connect(RedisCodecs.STRING_BYTES)) {
            return work.apply(new DeadLetters(connection.sync()));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
