/** The gear: reads featurised messages from {@code s:comments} in batches, classifies them, writes {@code s:classified}. */
package org.voluntree.gears;
