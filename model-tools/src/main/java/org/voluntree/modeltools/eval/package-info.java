/** Classification metrics (accuracy, macro/weighted F1, per-label scores, confusion matrix) and their reports. */
package org.voluntree.modeltools.eval;
