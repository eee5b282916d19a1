/**
 * Posts on a page: composed and saved first, then published now or at their time by a
 * {@code q:publish} job (the scheduler enqueues due posts), optionally with the signup's schedule
 * appended and a photo; their state (draft, scheduled, publishing, published, failed with the
 * reason) is visible to admins.
 */
package org.voluntree.app.post;
