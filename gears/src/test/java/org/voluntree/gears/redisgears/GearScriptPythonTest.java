package org.voluntree.gears.redisgears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the RedisGears script's own unit tests ({@code redisgears/test_voluntree_gear.py}, plain
 * {@code python3 -m unittest}, standard library only) as part of the Maven build. Skipped, with
 * the reason in the report, where no {@code python3} is on the PATH.
 */
class GearScriptPythonTest {

    private static final Path SCRIPTS = Path.of("redisgears");

    @Test
    void theScriptsPureFunctionsPassTheirPythonTests() throws Exception {
        assumeTrue(
                pythonVersion() != null,
                "python3 is not on the PATH: the RedisGears script's Python tests"
                        + " (gears/redisgears/test_voluntree_gear.py) did not run");

        Process process = new ProcessBuilder(
                        "python3",
                        "-B",
                        "-m",
                        "unittest",
                        "discover",
                        "-s",
                        SCRIPTS.toString(),
                        "-p",
                        "test_*.py",
                        "-v")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("Ran (1[0-9]|[2-9][0-9]) tests").contains("\nOK");
    }

    @Test
    void theScriptTravelsInTheJarForModelToolsToSend() throws IOException {
        try (InputStream packaged = getClass().getResourceAsStream("/redisgears/voluntree_gear.py")) {
            assertThat(packaged).isNotNull();
            assertThat(new String(packaged.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(SCRIPTS.resolve("voluntree_gear.py")));
        }
    }

    private static String pythonVersion() {
        try {
            Process process = new ProcessBuilder("python3", "--version")
                    .redirectErrorStream(true)
                    .start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? version : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
