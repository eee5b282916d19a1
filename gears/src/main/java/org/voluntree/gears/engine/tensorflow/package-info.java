/** The embedded engine: frozen GraphDefs run in-process by TensorFlow Java. */
package org.voluntree.gears.engine.tensorflow;
