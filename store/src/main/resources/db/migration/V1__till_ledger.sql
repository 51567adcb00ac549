-- The till's ledger and what it is folded into. Runs unchanged on H2 2.x and PostgreSQL 16:
-- only standard types (UUID, TIMESTAMP WITH TIME ZONE, BIGINT, INTEGER, VARCHAR, BOOLEAN) and
-- plain constraints. db/migration holds V1 to V99; the central server's own tables go in their
-- own location (db/server) from V100 on, so the two never take the same version number.
--
-- No foreign keys between the replicated tables: sync delivers accounts, identifiers and events
-- in whatever order the other side committed them, and an event must be storable before its
-- account has arrived. The code keeps the references; the projection can always be rebuilt.

CREATE TABLE account (
    id            UUID                     NOT NULL PRIMARY KEY,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_store VARCHAR(40)              NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    merged_into   UUID,
    CONSTRAINT account_status_known CHECK (status IN ('ACTIVE', 'MERGED', 'ERASED')),
    CONSTRAINT account_merged_names_target CHECK (
        (status = 'MERGED' AND merged_into IS NOT NULL)
        OR (status <> 'MERGED' AND merged_into IS NULL))
);
CREATE INDEX account_merged_into ON account (merged_into);

-- What points at an account. The (kind, id_value) pair is the identifier: one account per card.
CREATE TABLE identifier (
    kind       VARCHAR(16)              NOT NULL,
    -- "value" is a reserved word in H2 2.x
    id_value   VARCHAR(128)             NOT NULL,
    account_id UUID                     NOT NULL,
    public_key VARCHAR(130),
    linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT identifier_pk PRIMARY KEY (kind, id_value),
    CONSTRAINT identifier_kind_known
        CHECK (kind IN ('PRINTED_CARD', 'APP_DEVICE', 'NFC_UID', 'MAGSTRIPE'))
);
CREATE INDEX identifier_account ON identifier (account_id);

-- Every version of every program, its full rules as a JSON document. Insert only.
CREATE TABLE program (
    id         VARCHAR(40)              NOT NULL,
    version    INTEGER                  NOT NULL,
    kind       VARCHAR(16)              NOT NULL,
    definition VARCHAR                  NOT NULL,
    saved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT program_pk PRIMARY KEY (id, version),
    CONSTRAINT program_kind_known CHECK (kind IN ('STAMPS', 'POINTS')),
    CONSTRAINT program_version_positive CHECK (version >= 1)
);

-- The ledger: insert only, never updated or deleted. till_seq is gapless per till.
CREATE TABLE ledger_event (
    event_id        UUID                     NOT NULL PRIMARY KEY,
    account_id      UUID                     NOT NULL,
    program_id      VARCHAR(40)              NOT NULL,
    program_version INTEGER                  NOT NULL,
    type            VARCHAR(16)              NOT NULL,
    quantity        BIGINT                   NOT NULL,
    store_id        VARCHAR(40)              NOT NULL,
    till_id         VARCHAR(40)              NOT NULL,
    till_seq        BIGINT                   NOT NULL,
    cashier_id      VARCHAR(40)              NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    hlc             BIGINT                   NOT NULL,
    input_method    VARCHAR(16),
    ref_event_id    UUID,
    reason          VARCHAR(1000),
    approved_by     VARCHAR(40),
    -- EventFlag names in a comma-separated list, in declaration order; '' for none
    flags           VARCHAR(200)             NOT NULL,
    CONSTRAINT ledger_event_till_seq_unique UNIQUE (till_id, till_seq),
    CONSTRAINT ledger_event_till_seq_positive CHECK (till_seq >= 1),
    CONSTRAINT ledger_event_type_known
        CHECK (type IN ('STAMP', 'REDEEM', 'POINTS_EARN', 'POINTS_SPEND', 'VOID', 'ADJUST'))
);
-- history(account, program): newest first
CREATE INDEX ledger_event_account_program ON ledger_event (account_id, program_id, hlc);
-- voidOf(event)
CREATE INDEX ledger_event_ref ON ledger_event (ref_event_id);
-- countAtTill / countFlaggedAtTill: today's events at one till
CREATE INDEX ledger_event_till_time ON ledger_event (till_id, occurred_at);
-- highestHlc at start-up
CREATE INDEX ledger_event_hlc ON ledger_event (hlc);

-- The balance projection, per root account (after following merged_into) and program. Updated
-- in the transaction that appends the event; rebuildable from ledger_event at any time.
CREATE TABLE balance (
    account_id     UUID                     NOT NULL,
    program_id     VARCHAR(40)              NOT NULL,
    units          BIGINT                   NOT NULL,
    last_earned_at TIMESTAMP WITH TIME ZONE,
    last_spent_at  TIMESTAMP WITH TIME ZONE,
    events         BIGINT                   NOT NULL,
    CONSTRAINT balance_pk PRIMARY KEY (account_id, program_id)
);

-- The last till_seq handed out per till. Its row is locked (SELECT ... FOR UPDATE) while an
-- event is appended, so two transactions never take the same number and a rollback takes its
-- number back with it.
CREATE TABLE till_sequence (
    till_id  VARCHAR(40) NOT NULL PRIMARY KEY,
    last_seq BIGINT      NOT NULL
);

CREATE TABLE staff (
    id            VARCHAR(40)              NOT NULL PRIMARY KEY,
    name          VARCHAR(200)             NOT NULL,
    role          VARCHAR(16)              NOT NULL,
    pin_hash      VARCHAR(200)             NOT NULL,
    -- program ids, comma-separated; '' means every program
    programs      VARCHAR(2000)            NOT NULL,
    active        BOOLEAN                  NOT NULL,
    failed_logins INTEGER                  NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT staff_role_known CHECK (role IN ('CASHIER', 'MANAGER'))
);

-- The hash-chained audit log. seq is given by the chain (1, 2, 3, ...), not by the database.
CREATE TABLE audit_entry (
    seq           BIGINT                   NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(100)             NOT NULL,
    action        VARCHAR(32)              NOT NULL,
    subject       VARCHAR(200)             NOT NULL,
    detail        VARCHAR(4000)            NOT NULL,
    previous_hash VARCHAR(64)              NOT NULL,
    hash          VARCHAR(64)              NOT NULL
);

-- (device, time step) slots that gave a valid app code: a copy of a code is refused.
CREATE TABLE used_app_code (
    device_key_id VARCHAR(64) NOT NULL,
    time_step     BIGINT      NOT NULL,
    CONSTRAINT used_app_code_pk PRIMARY KEY (device_key_id, time_step)
);
