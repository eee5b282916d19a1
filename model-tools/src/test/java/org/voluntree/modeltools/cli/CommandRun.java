package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.voluntree.modeltools.ModelTools;
import picocli.CommandLine;

/** The outcome of running model-tools with some arguments, as a user would see it. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        CommandLine commandLine = ModelTools.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
