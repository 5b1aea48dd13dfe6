-- The routing pool a deferred lead waits for: NULL (or empty) for leads deferred before routing pools existed, which wait
-- for the default pool (every eligible advisor), as they did then.
ALTER TABLE journal_row ADD COLUMN IF NOT EXISTS pool VARCHAR(100);
