package com.stampcard.core.till;

import com.stampcard.core.account.Account;
import com.stampcard.core.redeem.CodeTrust;

/** The account a customer code leads to, or why it leads nowhere. */
public sealed interface Lookup {
  /**
   * @param opened the account was opened by this read: a new customer
   */
  record Found(Account account, boolean opened, CodeTrust trust) implements Lookup {}

  /**
   * @param messageKey what to tell the cashier, as a key of the message bundle
   */
  record Refused(String messageKey) implements Lookup {}
}
