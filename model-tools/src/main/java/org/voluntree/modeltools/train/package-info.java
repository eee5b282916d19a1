/**
 * Trains the fastText-style embedding-bag classifier in TensorFlow Java and freezes it into a
 * constants-only GraphDef with its manifest.
 */
package org.voluntree.modeltools.train;
