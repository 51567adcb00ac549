-- The cash register's receipts the till recorded through its local API, by the register's receipt
-- id: a receipt sent again (a retry, or after the till restarted) is answered from here and gives
-- nothing twice. Insert only. The events it gave are on the ledger; this names them.
CREATE TABLE register_receipt (
    receipt_id  VARCHAR(64)              NOT NULL PRIMARY KEY,
    -- SHA-256 (hex) of the purchase as the register sent it: the same id with another purchase
    -- is refused
    fingerprint VARCHAR(64)              NOT NULL,
    account_id  UUID                     NOT NULL,
    -- the ids of the events it gave, comma-separated; '' for none
    event_ids   VARCHAR(2000)            NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- the till manager's review and day figures, and the server's reports, read a time range of events
CREATE INDEX ledger_event_occurred ON ledger_event (occurred_at);
