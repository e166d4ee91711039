-- Accounts: server-side log-in sessions, personal API tokens, log-in
-- rate limits and coach invites. Everything a replica needs is here, so any
-- replica can serve any request.

-- A log-in session; the cookie holds a random token, only its hash is kept.
CREATE TABLE auth_sessions (
    token_hash  TEXT    PRIMARY KEY,
    user_id     BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL
);
CREATE INDEX auth_sessions_user ON auth_sessions(user_id);

-- A personal API token for scripts and the command line.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL DEFAULT '',
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   BIGINT  NOT NULL,
    last_used_at BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- Failed log-ins counted per account ("email:...") and per address
-- ("addr:..."), in a fixed window.
CREATE TABLE login_failures (
    limit_key    TEXT    PRIMARY KEY,
    window_start BIGINT  NOT NULL,
    failures     INTEGER NOT NULL
);

-- A lifter invites a coach with a link; the coach who opens it is linked
-- until the lifter revokes the invite.
CREATE TABLE invites (
    id          INTEGER PRIMARY KEY,
    lifter_id   BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash  TEXT    NOT NULL UNIQUE,
    note        TEXT    NOT NULL DEFAULT '',
    coach_id    BIGINT  REFERENCES users(id) ON DELETE CASCADE,
    created_at  BIGINT  NOT NULL,
    accepted_at BIGINT  NOT NULL DEFAULT 0,
    revoked_at  BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX invites_lifter ON invites(lifter_id);
CREATE INDEX invites_coach ON invites(coach_id);
