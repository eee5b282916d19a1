/** Test helpers: where the shared data sets are. */
package org.voluntree.modeltools.testing;
