-- Per-user aggregates the progress page and API read instead of every
-- exercise row, so ten years of history answers in milliseconds. Both
-- tables are derived from exercise_logs and kept in step by the write
-- transactions (see progress_aggregates.go); users.progress_version says
-- whether an account's aggregates are built and current. A version below
-- the code's makes the next read rebuild them: that is how accounts logged
-- before this migration, a changed time zone or a reclassified name are
-- brought up to date.
ALTER TABLE users ADD COLUMN progress_version INTEGER NOT NULL DEFAULT 0;

-- One row per local Monday-to-Sunday week and lift: week is the number of
-- the week since the one holding 1970-01-01 (its Monday is day 7*week-3).
CREATE TABLE progress_weeks (
    user_id           BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    week              INTEGER NOT NULL,
    class             TEXT    NOT NULL,
    exercise_id       TEXT    NOT NULL,
    input             TEXT    NOT NULL,
    logs              INTEGER NOT NULL,
    set_count         INTEGER NOT NULL,
    working_sets      INTEGER NOT NULL,
    reps              INTEGER NOT NULL,
    volume_kg         REAL    NOT NULL,
    working_volume_kg REAL    NOT NULL,
    top_working_kg    REAL    NOT NULL,
    best_e1rm_kg      REAL    NOT NULL,
    longest_hold_s    INTEGER NOT NULL,
    PRIMARY KEY (user_id, week, class, exercise_id, input)
) WITHOUT ROWID;

-- One row per local day with any exercise logged: the spinal load of its
-- working sets, which the spike warning needs day by day.
CREATE TABLE progress_days (
    user_id        BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    day            INTEGER NOT NULL,
    logs           INTEGER NOT NULL,
    spinal_load_kg REAL    NOT NULL,
    PRIMARY KEY (user_id, day)
) WITHOUT ROWID;
