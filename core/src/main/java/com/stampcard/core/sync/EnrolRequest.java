package com.stampcard.core.sync;

/** A till's enrolment: the one-time code the back office gave it. */
public record EnrolRequest(String code) {}
