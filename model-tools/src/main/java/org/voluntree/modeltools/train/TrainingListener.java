package org.voluntree.modeltools.train;

/** Hears about training progress, e.g. to print it. */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener NONE = epoch -> {};

    void epochCompleted(EpochCompleted epoch);
}
