-- 0023: the city's open duties listed from one index (issue #15).
--
-- roviec list --flag overdue (and --status open, due soon, stalled) for
-- the whole city read each open duty's row: at a million duties some
-- 45,000 rows overdue, each on its own page of the table, 0.3 s for the
-- query alone.  This index holds every column the list shows and its
-- flags are computed from, in the list's order (deadline, then
-- reference), for the open duties alone, so the list is read from it in
-- order and no row of the table is visited (store_duty_list,
-- ST_DUTY_LIST_OPEN).  Status leads so that SQLite weighs it as it does
-- duties_status_deadline, and then prefers it for covering the query.
CREATE INDEX duties_open_list ON duties(status, deadline, ref, title, uuid,
	lead_unit_id, owner_id, assigner_id, original_deadline, field, done_on,
	last_progress_on, handoffs, bounced, escalated, created_at, search_key)
	WHERE status = 'open';
-- Their CSV shows each duty's supporting units, read from its parts by
-- the PRIMARY KEY: a page of duty_support for each duty listed.  The parts
-- of duties open or submitted (live, kept by the triggers of migration 12)
-- are a few of them, and this index holds theirs alone, on a few pages.
CREATE INDEX duty_support_live_duty ON duty_support(duty_id, unit_id, live)
	WHERE live = 1;
