/** Workers that drain Redis list queues: the reliable queue component and the handlers behind it. */
package org.voluntree.workers;
