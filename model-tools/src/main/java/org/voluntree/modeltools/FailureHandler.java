package org.voluntree.modeltools;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import org.voluntree.contracts.model.ModelInUseException;
import org.voluntree.contracts.model.ModelNotFoundException;
import org.voluntree.modeltools.cli.OptionOutOfRangeException;
import org.voluntree.modeltools.data.DataFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Translates a command's exception into one clear message, a hint of what to do next, and an exit code. */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code;
        String next;
        if (e instanceof ModelNotFoundException) {
            code = ExitCodes.NOT_FOUND;
            next = "run 'model-tools list' to see the stored versions";
        } else if (e instanceof ModelInUseException) {
            code = ExitCodes.IN_USE;
            next = "run 'model-tools list': versions marked '-' were never active and can be deleted";
        } else if (e instanceof RedisCommandExecutionException) {
            // Redis answered, and refused what it was sent: not a server to start
            code = ExitCodes.BAD_INPUT;
            next = "Redis refused the command; check the arguments ('model-tools " + commandLine.getCommandName()
                    + " --help' lists what the command expects)";
        } else if (e instanceof RedisConnectionException || e instanceof RedisException) {
            code = ExitCodes.REDIS_UNAVAILABLE;
            next = "start Redis or point --redis (or VOLUNTREE_REDIS_URL) at a reachable server";
        } else if (e instanceof OptionOutOfRangeException) {
            // the command line itself was wrong, as picocli says of a value that is not a number
            code = ExitCodes.USAGE;
            next = "'" + commandLine.getCommandSpec().qualifiedName() + " --help' lists the options and the values"
                    + " each takes";
        } else if (e instanceof DataFormatException
                || e instanceof UncheckedIOException
                || e instanceof IllegalArgumentException
                || e instanceof InvalidPathException) {
            code = ExitCodes.BAD_INPUT;
            next = "check the options, paths and formats; 'model-tools " + commandLine.getCommandName()
                    + " --help' lists what the command expects";
        } else {
            code = ExitCodes.FAILED;
            next = "this looks like a bug; rerun with the same arguments and report the message";
        }
        err.println("error: " + message(e));
        err.println("next: " + next);
        err.flush();
        return code;
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            message = message + " (" + e.getCause() + ")";
        }
        return message == null ? e.toString() : message;
    }
}
