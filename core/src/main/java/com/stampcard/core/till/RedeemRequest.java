package com.stampcard.core.till;

import com.stampcard.core.code.CustomerCode;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.staff.StaffId;
import java.util.Objects;

/** A cashier in redeem mode read a customer's code. */
public record RedeemRequest(
    CustomerCode code, InputMethod input, ProgramId program, StaffId cashier) {
  public RedeemRequest {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(cashier, "cashier");
  }
}
