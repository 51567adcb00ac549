-- Customers who registered an e-mail address and password for their account (optional; the app
-- works without). Only here, never on a till. The address is kept in lower case; the password as
-- an Argon2id hash (docs/decisions/0700-customer-accounts.md).
CREATE TABLE customer_login (
    account_id        UUID                     NOT NULL PRIMARY KEY,
    email             VARCHAR(320)             NOT NULL,
    password_hash     VARCHAR(200)             NOT NULL,
    email_verified_at TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT customer_login_email_unique UNIQUE (email)
);

-- One-time links sent by e-mail: confirm the address, or set a new password. Hashed (SHA-256).
CREATE TABLE customer_token (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    account_id UUID                     NOT NULL,
    purpose    VARCHAR(16)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT customer_token_purpose_known CHECK (purpose IN ('VERIFY', 'RESET'))
);
CREATE INDEX customer_token_account ON customer_token (account_id);
