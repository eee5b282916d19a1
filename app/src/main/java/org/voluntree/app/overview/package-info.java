/**
 * The overview page's figures: messages, interests, new volunteers, published posts and slot
 * signups over a range, active signups, and the latest interests and slot signups.
 */
package org.voluntree.app.overview;
