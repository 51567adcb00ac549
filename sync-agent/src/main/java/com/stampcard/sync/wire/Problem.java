package com.stampcard.sync.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The server's error answer (RFC 9457), as much of it as the agent reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, int status, String detail, String messageKey) {}
