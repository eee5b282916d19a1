/** Admin accounts and access: who may log in, to which organisation they belong, and the security rules of every URL. */
package org.voluntree.app.account;
