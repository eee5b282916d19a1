/**
 * Volunteers of an organisation: the list and search, one person's comments, messages and
 * interests, merging duplicates (one person seen under several Facebook ids), and CSV export.
 */
package org.voluntree.app.volunteer;
