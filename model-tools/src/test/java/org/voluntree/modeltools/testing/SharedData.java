package org.voluntree.modeltools.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The public data sets in {@code ../shared/data} beside the repository (never copied into it). */
public final class SharedData {

    private SharedData() {}

    /** The repository's root folder (the build passes it as {@code voluntree.repo.root}). */
    public static Path repository() {
        return Path.of(System.getProperty("voluntree.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    public static Path root() {
        return repository().resolve("..").resolve("shared").resolve("data").normalize();
    }

    /** A file under the data root; the test is skipped (not failed) where the data sets are not laid out. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "shared data set missing: " + file);
        return file;
    }
}
