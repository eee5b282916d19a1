/** What every JSON API shares: errors translated once, at the edge, into a status and a reason. */
package org.voluntree.app.api;
