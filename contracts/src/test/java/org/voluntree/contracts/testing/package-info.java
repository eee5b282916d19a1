/** The test harness shared by every module's tests: real servers started as local processes. */
package org.voluntree.contracts.testing;
