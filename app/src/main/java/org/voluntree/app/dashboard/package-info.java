/** What the dashboard shows that belongs to no single feature: the models in use and their metrics. */
package org.voluntree.app.dashboard;
