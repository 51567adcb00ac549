package com.stampcard.server.enrol;

import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;

/** The till a request's credential belongs to: it writes only its own events. */
public record TillPrincipal(StoreId store, TillId till) {}
