/** The model-tools command line: entry point and exit-code mapping. */
package org.voluntree.modeltools;
