package com.stampcard.server.web;

/** Who a browser session belongs to: a member of staff (back office) or a customer (web app). */
public enum SessionKind {
  STAFF,
  CUSTOMER
}
