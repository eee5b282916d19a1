/** Readers for the labelled corpora (intent TSV, UCI sentiment, Davidson offense CSV) and stratified splits. */
package org.voluntree.modeltools.data;
