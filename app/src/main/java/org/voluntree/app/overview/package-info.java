/** The overview page's figures: messages, interests and new volunteers over a range, and the latest interests. */
package org.voluntree.app.overview;
