-- The commit-safe change feed on PostgreSQL. Every row carries the id of the transaction that
-- wrote it (feed_xid, a 64-bit xid8 that never wraps) and a position from an identity column.
-- A pull hands out only rows with feed_xid below the xmin of a current snapshot: every
-- transaction below xmin has finished, so no row can still appear behind the cursor
-- (docs/decisions/0401-commit-safe-cursor.md).
ALTER TABLE ledger_event
    ADD COLUMN feed_xid BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
ALTER TABLE ledger_event ADD COLUMN feed_pos BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE INDEX ledger_event_feed ON ledger_event (feed_xid, feed_pos);

-- Accounts (with their identifiers) and overdraft flags that changed; a pull sends their state now.
CREATE TABLE change_feed (
    feed_xid BIGINT      NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    feed_pos BIGINT      GENERATED ALWAYS AS IDENTITY,
    kind     VARCHAR(16) NOT NULL,
    ref      VARCHAR(80) NOT NULL,
    CONSTRAINT change_feed_pk PRIMARY KEY (feed_xid, feed_pos),
    CONSTRAINT change_feed_kind_known CHECK (kind IN ('ACCOUNT', 'OVERDRAFT'))
);
