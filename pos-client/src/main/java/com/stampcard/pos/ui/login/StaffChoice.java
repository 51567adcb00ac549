package com.stampcard.pos.ui.login;

/** A name on the login screen: what the cashier taps, and the id it stands for. */
public record StaffChoice(String id, String name) {}
