/**
 * The webhook is not the only way in: Facebook unsubscribes an app whose endpoint fails for an hour
 * and drops updates after 36 hours. The scheduler periodically reads the recent comments of active
 * posts and feeds the ones the system never saw into the same pipeline, de-duplicated against the
 * webhook path.
 */
package org.voluntree.app.reconcile;
