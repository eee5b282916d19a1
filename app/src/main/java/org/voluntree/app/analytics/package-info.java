/** Time series of an organisation's messages per bucket: volume, sentiment, offense and interest rate. */
package org.voluntree.app.analytics;
