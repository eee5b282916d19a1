package org.voluntree.modeltools.eval;

/** Precision, recall and F1 of one label, and how many gold examples it had. */
public record LabelScores(String label, double precision, double recall, double f1, int support) {}
