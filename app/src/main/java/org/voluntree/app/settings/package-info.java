/** Settings: what an organisation tells people in answers, whether signups verify e-mails, and which replies go out on their own. */
package org.voluntree.app.settings;
