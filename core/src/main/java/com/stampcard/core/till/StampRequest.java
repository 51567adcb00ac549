package com.stampcard.core.till;

import com.stampcard.core.code.CustomerCode;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.staff.StaffId;
import java.util.Objects;

/** A cashier's request to stamp (or give points to) the customer whose code was just read. */
public record StampRequest(
    CustomerCode code, InputMethod input, ProgramId program, StaffId cashier, Purchase purchase) {
  public StampRequest {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(cashier, "cashier");
    Objects.requireNonNull(purchase, "purchase");
  }
}
