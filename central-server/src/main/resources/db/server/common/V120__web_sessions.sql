-- Browser sessions of the back office (staff) and of the customer web app (customers), and the
-- failed logins that throttle guessing. In the database, so every server instance behind it
-- accepts a session any of them started, and a limit holds across instances (ADR 0800).

-- token_hash is the SHA-256 (hex) of the cookie's random token: the database never holds a
-- usable cookie. csrf_token is sent back with every changing request (form field or header).
CREATE TABLE web_session (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    kind       VARCHAR(16)              NOT NULL,
    subject    VARCHAR(200)             NOT NULL,
    csrf_token VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT web_session_kind_known CHECK (kind IN ('STAFF', 'CUSTOMER'))
);
CREATE INDEX web_session_expires ON web_session (expires_at);

-- One row per failed login. scope names what was guessed at: "STAFF:account:maria" or
-- "STAFF:address:192.0.2.7". Rows older than the throttle's window are deleted as new ones come.
CREATE TABLE login_failure (
    scope     VARCHAR(300)             NOT NULL,
    failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failure_scope ON login_failure (scope, failed_at);
