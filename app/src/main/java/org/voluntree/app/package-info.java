/** The one Voluntree executable: runs any set of roles (web, workers, gear, scheduler). */
package org.voluntree.app;
