/** Browser tests: the dashboard in real headless Chromium, driven through Selenium. */
package org.voluntree.app.browser;
