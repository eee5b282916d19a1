package org.voluntree.modeltools.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Which analyzer to train and on what: shared by {@code train} and {@code crossval}. */
public final class TrainingDataOptions {

    @Option(names = "--analyzer", required = true, description = "intent, sentiment or offense")
    private String analyzer;

    @Option(names = "--data", required = true, arity = "1..*", description = "training files")
    private List<Path> data;

    String analyzer() {
        return analyzer;
    }

    List<Path> data() {
        return data;
    }
}
