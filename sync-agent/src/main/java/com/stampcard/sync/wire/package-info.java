/**
  * The sync API's wire format, version 1, as the agent speaks it. The central server has its own
 * copy (com.stampcard.server.api): the two modules may not depend on each other, and the tests that
 * run agents against a real server hold the copies together.
 */
package com.stampcard.sync.wire;
