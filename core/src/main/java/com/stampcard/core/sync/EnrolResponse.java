package com.stampcard.core.sync;

/**
 * The till's identity and credential. The credential is shown once: the server keeps only its hash.
 */
public record EnrolResponse(String storeId, String tillId, String credential, long ackedSeq) {}
