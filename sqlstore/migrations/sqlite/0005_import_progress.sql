-- How far an import has gone, written as it runs, so that whichever
-- replica a client asks can say. The client names the import with a key
-- of its choosing; rows are the user's own and are pruned after a day.
CREATE TABLE import_progress (
    user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    progress_key TEXT   NOT NULL,
    phase        TEXT   NOT NULL,
    done         BIGINT NOT NULL DEFAULT 0,
    total        BIGINT NOT NULL DEFAULT 0,
    message      TEXT   NOT NULL DEFAULT '',
    updated_at   BIGINT NOT NULL,
    PRIMARY KEY (user_id, progress_key)
);
