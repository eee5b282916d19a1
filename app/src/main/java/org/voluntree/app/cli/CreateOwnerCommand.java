package org.voluntree.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.voluntree.app.account.OwnerSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * First-run setup: {@code create-owner --organisation NAME --email E --password-file F} creates
 * the organisation and its owner. The password comes from a file (or {@code -} for standard
 * input) so that it never appears in the process list or the shell history.
 */
@Command(
        name = "create-owner",
        mixinStandardHelpOptions = true,
        description = "Creates an organisation and its first owner.")
final class CreateOwnerCommand implements Callable<Integer> {

    @Option(names = "--organisation", required = true, description = "the organisation's name")
    String organisation;

    @Option(names = "--email", required = true, description = "the owner's e-mail, their login")
    String email;

    @Option(
            names = "--password-file",
            required = true,
            description = "file whose first line is the password (at least 12 characters); - reads standard input")
    String passwordFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CommandContext context;

    CreateOwnerCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String password = readPassword();
        try (ConfigurableApplicationContext spring = context.start()) {
            OwnerSetup.Created created = spring.getBean(OwnerSetup.class).createOwner(organisation, email, password);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Created organisation '%s' (id %d) and its owner %s (admin id %d).%n",
                            organisation.strip(), created.organisationId(), email, created.adminId());
            return ExitCodes.OK;
        } catch (OwnerSetup.EmailTakenException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage() + "; nothing was created");
            return ExitCodes.CONFLICT;
        }
    }

    private String readPassword() {
        try {
            String text = "-".equals(passwordFile)
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password file " + passwordFile + ": " + e, e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read the password file " + passwordFile, e);
        }
    }
}
