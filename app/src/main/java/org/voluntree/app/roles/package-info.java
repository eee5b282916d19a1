/** Which roles this process runs, and the lifecycles that start and stop each role's loops. */
package org.voluntree.app.roles;
