package org.voluntree.app.cli;

import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The executable's administration commands; anything else starts the server. */
@Command(
        name = "voluntree",
        mixinStandardHelpOptions = true,
        description = "Administration commands; without one, the jar starts the server.",
        subcommands = {CreateOwnerCommand.class, ChatCommand.class})
public final class VoluntreeCommands implements Runnable {

    private static final Set<String> NAMES = Set.of("create-owner", "chat", "help", "--help");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Whether the arguments name a command rather than server options. */
    public static boolean handles(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /** Runs the command with the process environment; returns its exit code. */
    public static int run(String[] args) {
        CommandLine commandLine = commandLine(System.getenv());
        int code = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return code;
    }

    static CommandLine commandLine(Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new VoluntreeCommands(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == CreateOwnerCommand.class) {
                    return type.cast(new CreateOwnerCommand(new CommandContext(env)));
                }
                if (type == ChatCommand.PurgeCommand.class) {
                    return type.cast(new ChatCommand.PurgeCommand(new CommandContext(env)));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            line.getErr().flush();
            return e instanceof IllegalArgumentException ? ExitCodes.BAD_INPUT : ExitCodes.FAILED;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command");
    }
}
