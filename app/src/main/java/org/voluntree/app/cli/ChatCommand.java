package org.voluntree.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import org.voluntree.app.chat.ChatProperties;
import org.voluntree.app.chat.ChatRetention;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chat purge [--older-than 30d]}: deletes expired chat messages now. */
@Command(
        name = "chat",
        mixinStandardHelpOptions = true,
        description = "Chat maintenance.",
        subcommands = ChatCommand.PurgeCommand.class)
final class ChatCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: purge");
    }

    @Command(
            name = "purge",
            mixinStandardHelpOptions = true,
            description = "Deletes chat messages older than the retention (voluntree.chat.retention, or --older-than).")
    static final class PurgeCommand implements Callable<Integer> {

        @Option(
                names = "--older-than",
                description = "a duration such as 30d or 12h; default: the configured retention")
        String olderThan;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final CommandContext context;

        PurgeCommand(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Duration given = olderThan == null ? null : parse(olderThan);
            try (ConfigurableApplicationContext spring = context.start()) {
                Duration retention = given != null
                        ? given
                        : spring.getBean(ChatProperties.class).retention();
                long deleted = spring.getBean(ChatRetention.class).purgeOlderThan(retention);
                spec.commandLine().getOut().printf("Deleted %d chat messages older than %s.%n", deleted, retention);
                return ExitCodes.OK;
            }
        }

        private static Duration parse(String text) {
            try {
                return DurationStyle.detectAndParse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--older-than '" + text + "' is not a duration such as 30d or 12h", e);
            }
        }
    }
}
