package com.stampcard.server.api;

/** The back office asks for an enrolment code for this till at this store. */
public record NewEnrolmentCode(String storeId, String tillId) {}
