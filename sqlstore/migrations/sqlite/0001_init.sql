-- Backload schema, version 1 (SQLite). The PostgreSQL file of the same
-- number holds the same tables; only types and identity columns differ.
-- Times are Unix seconds in UTC (BIGINT), the same on both engines.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL DEFAULT '',
    role          TEXT    NOT NULL DEFAULT 'lifter',
    units         TEXT    NOT NULL DEFAULT 'kg',
    plate_step    REAL    NOT NULL DEFAULT 0,
    time_zone     TEXT    NOT NULL DEFAULT 'UTC',
    created_at    BIGINT  NOT NULL
);

-- An import is recorded so that its progress and summary can be shown, and
-- so that every workout knows which import brought it.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    user_id     BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    source      TEXT    NOT NULL,
    file_name   TEXT    NOT NULL DEFAULT '',
    created_at  BIGINT  NOT NULL,
    sessions    INTEGER NOT NULL DEFAULT 0,
    sets        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX imports_user ON imports(user_id, created_at);

-- A workout is one training session. Its start time and title identify it
-- for a source, which is what makes a repeated import add nothing.
CREATE TABLE workouts (
    id          INTEGER PRIMARY KEY,
    user_id     BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    source      TEXT    NOT NULL,
    started_at  BIGINT  NOT NULL,
    title       TEXT    NOT NULL DEFAULT '',
    notes       TEXT    NOT NULL DEFAULT '',
    duration_s  INTEGER NOT NULL DEFAULT 0,
    import_id   BIGINT  REFERENCES imports(id) ON DELETE SET NULL,
    created_at  BIGINT  NOT NULL,
    UNIQUE (user_id, source, started_at, title)
);
CREATE INDEX workouts_user_started ON workouts(user_id, started_at);

-- One row per exercise in a workout. Its sets are a JSON array in the row:
-- a set is never read or written apart from its exercise, and keeping the
-- sets together makes a 200,000-set import a matter of 40,000 rows. What
-- history and charts need from the sets is summarised into columns when the
-- row is written, so aggregates over years stay in SQL. user_id and
-- started_at repeat the workout's so that those aggregates read one table
-- through one index.
CREATE TABLE exercise_logs (
    id                INTEGER PRIMARY KEY,
    workout_id        BIGINT  NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
    user_id           BIGINT  NOT NULL,
    started_at        BIGINT  NOT NULL,
    position          INTEGER NOT NULL,
    input             TEXT    NOT NULL,
    exercise_id       TEXT    NOT NULL DEFAULT '',
    class             TEXT    NOT NULL,
    notes             TEXT    NOT NULL DEFAULT '',
    sets              TEXT    NOT NULL DEFAULT '[]',
    set_count         INTEGER NOT NULL DEFAULT 0,
    warmups           INTEGER NOT NULL DEFAULT 0,
    working_sets      INTEGER NOT NULL DEFAULT 0,
    reps              INTEGER NOT NULL DEFAULT 0,
    volume_kg         REAL    NOT NULL DEFAULT 0,
    working_volume_kg REAL    NOT NULL DEFAULT 0,
    top_working_kg    REAL    NOT NULL DEFAULT 0,
    top_working_reps  INTEGER NOT NULL DEFAULT 0,
    best_e1rm_kg      REAL    NOT NULL DEFAULT 0,
    longest_hold_s    INTEGER NOT NULL DEFAULT 0,
    seconds           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (workout_id, position)
);
CREATE INDEX exercise_logs_user_started ON exercise_logs(user_id, started_at);

CREATE TABLE checkins (
    id             INTEGER PRIMARY KEY,
    user_id        BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    day            TEXT    NOT NULL,
    pain           INTEGER NOT NULL,
    session_pain   INTEGER NOT NULL DEFAULT 0,
    morning_change INTEGER NOT NULL DEFAULT 0,
    red_flags      TEXT    NOT NULL DEFAULT '',
    note           TEXT    NOT NULL DEFAULT '',
    updated_at     BIGINT  NOT NULL,
    UNIQUE (user_id, day)
);

-- A lifter's correction of how a name they log is classified.
CREATE TABLE class_overrides (
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name_key    TEXT   NOT NULL,
    class       TEXT   NOT NULL,
    exercise_id TEXT   NOT NULL DEFAULT '',
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, name_key)
);
