/**
 * The sync API's messages, version 1: what tills and the central server send each other as JSON
 * (snake_case names). Plain records of strings, numbers and ids, the same on both sides: the server
 * turns them into ledger values, checking every field; the agent stores them as rows.
 */
package com.stampcard.core.sync;
