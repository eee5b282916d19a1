package org.voluntree.modeltools.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gears}: the RedisGears script that classifies inside Redis. */
@Command(
        name = "gears",
        mixinStandardHelpOptions = true,
        description = "Manages the RedisGears script that classifies s:comments inside Redis with RedisAI.",
        subcommands = {GearsRegisterCommand.class})
public final class GearsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose 'gears register'");
    }
}
