-- The sync agent's own tables in the till's database, beside the store's. Their own Flyway
-- history table (sync_schema_history) keeps them apart from the store's migrations.

-- One row: this till's enrolment and where it stands with the server.
CREATE TABLE sync_state (
    id               INTEGER      NOT NULL PRIMARY KEY,
    store_id         VARCHAR(40)  NOT NULL,
    till_id          VARCHAR(40)  NOT NULL,
    -- the bearer credential the server gave at enrolment
    credential       VARCHAR(200) NOT NULL,
    -- the highest till_seq up to which the server holds every event of this till
    acked_seq        BIGINT       NOT NULL,
    -- the opaque cursor of the last page applied; '' before the first
    pull_cursor      VARCHAR(200) NOT NULL,
    reference_digest VARCHAR(64)  NOT NULL,
    last_success     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sync_state_one_row CHECK (id = 1)
);

-- Overdrafts the server found (a card spent twice offline): the manager's review list.
CREATE TABLE sync_overdraft (
    event_id    UUID                     NOT NULL PRIMARY KEY,
    account_id  UUID                     NOT NULL,
    program_id  VARCHAR(40)              NOT NULL,
    store_id    VARCHAR(40)              NOT NULL,
    till_id     VARCHAR(40)              NOT NULL,
    units_after BIGINT                   NOT NULL,
    found_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The shop's stores, as the server sent them.
CREATE TABLE sync_store (
    id   VARCHAR(40)  NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    zone VARCHAR(64)  NOT NULL
);
