package com.stampcard.core.port;

import com.stampcard.core.code.UsedAppCodes;

/** Everything the till's store offers inside one transaction. */
public interface TillTransaction
    extends AccountPort, LedgerPort, ProgramPort, StaffPort, AuditPort, UsedAppCodes, ReceiptPort {}
