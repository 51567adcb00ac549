package com.stampcard.pos.ui.counter;

import com.stampcard.core.redeem.Reason;
import com.stampcard.pos.ui.i18n.Msg;

/** One thing the security check found, and how much it weighs at this till. */
public record ReasonLine(Reason reason, Reason.Severity severity, Msg text) {}
