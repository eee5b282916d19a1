/** Local stand-ins for servers, started as real processes: the embedded defaults and the test harness use them. */
package org.voluntree.contracts.local;
