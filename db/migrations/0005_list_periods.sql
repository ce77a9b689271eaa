-- 0005 (issue #12): roviec list --done-from/--done-to ("what was finished
-- this month") and --created-from/--created-to read the duties of the
-- period from these indexes, not the whole table.
CREATE INDEX duties_done_on ON duties(done_on) WHERE done_on IS NOT NULL;
CREATE INDEX duties_created ON duties(created_at);
