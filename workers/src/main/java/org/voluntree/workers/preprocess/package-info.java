/** The preprocess worker: normalises and featurises webhook events with the active models' featurisers and appends them to {@code s:comments}. */
package org.voluntree.workers.preprocess;
