-- Stands for a migration of a leadrouter release newer than this one.
ALTER TABLE journal_row ADD COLUMN IF NOT EXISTS later_release_column VARCHAR(40);
