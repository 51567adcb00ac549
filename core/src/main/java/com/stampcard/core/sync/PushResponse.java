package com.stampcard.core.sync;

/**
 * The server's answer to a push.
 *
 * @param ackedSeq the highest till_seq up to which the server holds every event of this till
 * @param inserted events this push added (0 for a repeat)
 */
public record PushResponse(long ackedSeq, int inserted) {}
