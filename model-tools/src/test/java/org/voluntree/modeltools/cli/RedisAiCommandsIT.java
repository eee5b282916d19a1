package org.voluntree.modeltools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.testing.TestRedis;
import org.voluntree.modeltools.ExitCodes;

/**
 * {@code verify} and {@code gears register} against the only Redis this machine has: Redis 7 without modules.
 * What they do with RedisAI and RedisGears loaded cannot run here (docs/redisai.md says how to run it).
 */
class RedisAiCommandsIT {

    @BeforeEach
    void flush() {
        TestRedis.flush();
    }

    @Test
    void verifySaysPlainlyThatRedisAiIsNotAvailable() {
        CommandRun run = CommandRun.of("verify", "--redis", TestRedis.uri());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
        assertThat(run.err())
                .contains(
                        "error: RedisAI is not available on redis://",
                        "MODULE LIST on",
                        "shows no 'ai' module (RedisAI); modules loaded: none",
                        "next: run a Redis with RedisAI 1.2");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void gearsRegisterSaysPlainlyThatRedisGearsIsNotAvailable() {
        CommandRun run = CommandRun.of("gears", "register", "--redis", TestRedis.uri());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
        assertThat(run.err())
                .contains(
                        "error: RedisGears is not available on redis://",
                        "shows no 'rg' module (RedisGears)",
                        "docker compose --profile redisai");
    }

    @Test
    void anUnreachableRedisIsReportedAsSuchWithoutItsPassword() {
        CommandRun run = CommandRun.of("verify", "--redis", "redis://:hunter2@127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
        assertThat(run.err())
                .contains("RedisAI is not available on redis://***@127.0.0.1:1", "is unreachable")
                .doesNotContain("hunter2");
    }

    @Test
    void verifyChecksItsArgumentsBeforeAskingRedis() {
        CommandRun run = CommandRun.of("verify", "--data", "x.tsv", "--redis", TestRedis.uri());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--data and --model-version need --analyzer");
    }

    @Test
    void theNewCommandsHaveHelp() {
        CommandRun verify = CommandRun.of("verify", "--help");
        CommandRun register = CommandRun.of("gears", "register", "--help");

        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("--analyzer", "--data", "--model-version", "--tolerance", "--redis");
        assertThat(register.exitCode()).isZero();
        assertThat(register.out()).contains("RG.PYEXECUTE", "--script");
    }
}
