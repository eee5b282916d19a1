/** The demo organisation, admin and page seeded on the embedded defaults, and the start-up banner that says where to look. */
package org.voluntree.app.demo;
