package org.voluntree.modeltools.train;

/** Hears about training progress, e.g. to print it. */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener NONE = epoch -> {};

    void epochCompleted(EpochCompleted epoch);

    /** A step between epochs that takes a while (e.g. the decision calibration's folds). */
    default void stage(String description) {}
}
