-- 0015: the report reads the duties that may count, not the whole history
-- (issue #15).
--
-- A duty counts in a period if it was not done before the period began,
-- nor cancelled.  duties_report now holds, second, the last day a period
-- may start on and still count the duty: the day it was cancelled, its
-- done day, or never (not done, or sent back once, whose done day as of
-- the period's end comes from its history).
-- Each unit's duties that may count are then one range of the index, read
-- in the order of the units, and the duties done before the period are
-- not read at all.  The expression is store.c's REPORT_MAY_COUNT_UNTIL,
-- word for word (SQLite uses the index only for the same expression).
DROP INDEX duties_report;
CREATE INDEX duties_report ON duties(lead_unit_id,
	(CASE WHEN status = 'cancelled' THEN closed_on WHEN reopened > 0 THEN '9999-12-31'
	ELSE ifnull(done_on, '9999-12-31') END),
	done_on, owner_id, original_deadline, deadline, created_at, handoffs, bounced,
	last_progress_on, status, closed_on, reopened);
