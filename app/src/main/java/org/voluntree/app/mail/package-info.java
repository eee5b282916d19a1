/**
 * Email: jobs on {@code q:email} sent over SMTP with Spring Mail, and, on the embedded defaults,
 * an in-process SMTP sandbox (GreenMail) whose received mail admins can read at {@code /sandbox/mail}.
 */
package org.voluntree.app.mail;
