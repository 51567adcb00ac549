-- The central server's own tables, beside the store's (V1-V99 in db/migration). Portable: H2 2.x
-- and PostgreSQL 16. The engine-specific change feed is V101, in db/server/{h2,postgresql}.

-- Stores of the shop, flowing down to tills.
CREATE TABLE shop_store (
    id   VARCHAR(40)  NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    zone VARCHAR(64)  NOT NULL
);

-- Every till the back office knows. credential_hash is the SHA-256 (hex) of the till's bearer
-- secret; a till is refused once revoked_at is set.
CREATE TABLE till (
    till_id         VARCHAR(40)              NOT NULL PRIMARY KEY,
    store_id        VARCHAR(40)              NOT NULL,
    credential_hash VARCHAR(64),
    enrolled_at     TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    -- the highest till_seq up to which the server holds every event of this till
    contiguous_seq  BIGINT                   NOT NULL
);

-- One-time enrolment codes, hashed. A code gives one till its credential once.
CREATE TABLE enrolment_code (
    code_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
    store_id   VARCHAR(40)              NOT NULL,
    till_id    VARCHAR(40)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);

-- Cards spent online whose REDEEM event has not arrived yet. The event settles (deletes) its
-- hold in the transaction that stores it; an unsettled hold stops counting after the hold TTL.
CREATE TABLE online_spend (
    event_id   UUID                     NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL,
    program_id VARCHAR(40)              NOT NULL,
    units      BIGINT                   NOT NULL,
    till_id    VARCHAR(40)              NOT NULL,
    held_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT online_spend_units_positive CHECK (units > 0)
);
CREATE INDEX online_spend_account ON online_spend (account_id, program_id);

-- Spending events that took a balance below zero when they arrived (two offline tills redeemed
-- one card). The events stay as they are; this is the manager's list to review.
CREATE TABLE overdraft_review (
    event_id    UUID                     NOT NULL PRIMARY KEY,
    account_id  UUID                     NOT NULL,
    program_id  VARCHAR(40)              NOT NULL,
    store_id    VARCHAR(40)              NOT NULL,
    till_id     VARCHAR(40)              NOT NULL,
    units_after BIGINT                   NOT NULL,
    found_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
