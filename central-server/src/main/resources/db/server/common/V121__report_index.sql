-- The back office's reports read the ledger by time (ADR 0802).
CREATE INDEX ledger_event_occurred ON ledger_event (occurred_at);
