-- A counter bumped by every write to a user's log, check-ins or settings.
-- Anything computed from that data (today's plan, progress) can be cached
-- under the version and is never stale, on any replica: a write anywhere
-- changes the version everyone reads.
ALTER TABLE users ADD COLUMN data_version BIGINT NOT NULL DEFAULT 0;
