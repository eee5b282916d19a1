/**
 * Email: jobs on {@code q:email} sent over SMTP with Spring Mail, and, on the embedded defaults,
 * an in-process SMTP sandbox (GreenMail) whose received mail each organisation's admins read at
 * {@code /api/sandbox/mail}, their own organisation's only.
 */
package org.voluntree.app.mail;
