/**
 * Queue jobs kept in PostgreSQL with the change that makes them ({@code job_outbox}): a committed change
 * always has its jobs, a rolled-back one has none, and those Redis did not take when the change committed
 * (or that a crash left behind) are pushed by the scheduler once it does.
 */
package org.voluntree.app.outbox;
