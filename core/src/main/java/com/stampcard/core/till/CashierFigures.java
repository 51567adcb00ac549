package com.stampcard.core.till;

import com.stampcard.core.staff.StaffId;

/**
 * One cashier's day: stamps and points given, redemptions, customers whose first visit it was. A
 * voided event does not count.
 */
public record CashierFigures(
    StaffId cashier, long stamps, long points, long redemptions, long newCustomers) {
  CashierFigures plus(CashierFigures o) {
    return new CashierFigures(
        cashier,
        stamps + o.stamps,
        points + o.points,
        redemptions + o.redemptions,
        newCustomers + o.newCustomers);
  }
}
