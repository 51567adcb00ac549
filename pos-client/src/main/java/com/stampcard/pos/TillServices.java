package com.stampcard.pos;

import com.stampcard.core.port.TillStore;
import com.stampcard.core.staff.StaffLogin;
import com.stampcard.core.till.Corrections;
import com.stampcard.core.till.RedemptionService;
import com.stampcard.core.till.StampService;
import com.stampcard.core.till.TillContext;

/** The till's services, wired once at start-up and shared by the console and the screens. */
public record TillServices(
    TillStore store,
    TillContext context,
    StaffLogin staffLogin,
    StampService stamping,
    RedemptionService redeeming,
    Corrections corrections) {}
