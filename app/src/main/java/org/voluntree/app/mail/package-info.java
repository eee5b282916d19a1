/**
 * Email: jobs on {@code q:email} sent over SMTP with Spring Mail (a recipient the server refuses for
 * good is not retried; a mail given up on queues on {@code q:reply} the notice its job carries), and, on
 * the embedded defaults, an in-process SMTP sandbox (GreenMail) whose received mail each organisation's
 * admins read at {@code /api/sandbox/mail}, their own organisation's only.
 */
package org.voluntree.app.mail;
