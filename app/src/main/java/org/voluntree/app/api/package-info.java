/**
 * What every JSON API shares: errors translated once, at the edge, into a status and a reason,
 * and the exceptions that features throw to get them.
 */
package org.voluntree.app.api;
