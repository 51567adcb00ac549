-- The change feed on H2: one server process writes, one transaction at a time (the server holds
-- a lock from before a write transaction's first feed row until after its commit), so positions
-- commit in order and feed_xid is always 0 (docs/decisions/0401-commit-safe-cursor.md).
ALTER TABLE ledger_event ADD COLUMN feed_xid BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ledger_event ADD COLUMN feed_pos BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE INDEX ledger_event_feed ON ledger_event (feed_xid, feed_pos);

CREATE TABLE change_feed (
    feed_xid BIGINT      DEFAULT 0 NOT NULL,
    feed_pos BIGINT      GENERATED ALWAYS AS IDENTITY,
    kind     VARCHAR(16) NOT NULL,
    ref      VARCHAR(80) NOT NULL,
    CONSTRAINT change_feed_pk PRIMARY KEY (feed_xid, feed_pos),
    CONSTRAINT change_feed_kind_known CHECK (kind IN ('ACCOUNT', 'OVERDRAFT'))
);
