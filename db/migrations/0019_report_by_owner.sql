-- 0019: a report by person reads its people's duties (issue #15).
--
-- roviec report --by person read every duty of the city that may count in
-- the period, unit by unit, and grouped them by owner: a ward's year by
-- person read the city's year.  duties_report_owner holds the same columns
-- as duties_report (migration 15), by owner first, so that the report
-- reads each person's duties that may count, person by person, and
-- groups them without sorting.
CREATE INDEX duties_report_owner ON duties(owner_id,
	(CASE WHEN status = 'cancelled' THEN closed_on WHEN reopened > 0 THEN '9999-12-31'
	ELSE ifnull(done_on, '9999-12-31') END),
	done_on, lead_unit_id, original_deadline, deadline, created_at, handoffs, bounced,
	last_progress_on, status, closed_on, reopened);
