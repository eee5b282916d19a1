package org.voluntree.modeltools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.testing.SharedData;

/** {@code model-tools/model-tools}, the script the README runs: the CLI's output and exit code, without TensorFlow's log noise. */
class WrapperScriptIT {

    record Run(int exitCode, String out, String err) {}

    @TempDir
    Path dir;

    @Test
    void printsTheCommandsOutputAndDropsOnlyTensorFlowsUnconditionalLogLines() throws Exception {
        Path model = SharedData.repository().resolve("models/sentiment");

        Run run = run("predict", "--model", model.toString(), "lol that was fun");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("sentiment  positive");
        assertThat(run.err()).doesNotContain("absl::InitializeLog", "MLIR V1 optimization pass");
    }

    @Test
    void aFailureKeepsItsExitCodeAndItsMessage() throws Exception {
        Run run = run("predict", "--model", dir.resolve("no-model").toString(), "hello");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("is not a model folder", "next: ");
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(SharedData.repository().resolve("model-tools/model-tools").toString());
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("model-tools finished")
                .isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
