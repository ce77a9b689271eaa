-- 0017: the duties done in a period counted from kept daily figures
-- (issue #15).
--
-- Most of what a report counts are the duties done in its period: a year
-- of a city is hundreds of thousands.  Each unit's duties submitted or
-- done, never sent back, are now counted here by the day they were done
-- and their number of handoffs (the threshold of "tossed" is a setting):
-- how many, how many by the original deadline and after it, how many
-- bounced.  The report adds a period's days up instead of reading those
-- duties, and reads one by one only the rest: those still open (or sent
-- back once, or done after the day the report is taken at).  Kept by the
-- triggers below in the same transaction as the duty's change; roviec
-- verify counts them again from the duties and names any that differ.
CREATE TABLE report_done_days (
	unit_id  INTEGER NOT NULL REFERENCES units(id),
	day      TEXT NOT NULL,
	handoffs INTEGER NOT NULL,
	done     INTEGER NOT NULL CHECK (done > 0),
	on_time  INTEGER NOT NULL,
	late     INTEGER NOT NULL,
	bounced  INTEGER NOT NULL,
	PRIMARY KEY (unit_id, day, handoffs)
) WITHOUT ROWID;
INSERT INTO report_done_days (unit_id, day, handoffs, done, on_time, late, bounced)
	SELECT lead_unit_id, done_on, handoffs, count(*),
	sum(done_on <= original_deadline), sum(done_on > original_deadline), sum(bounced > 0)
	FROM duties WHERE reopened = 0 AND status IN ('submitted', 'done')
	GROUP BY lead_unit_id, done_on, handoffs;

CREATE TRIGGER report_done_days_insert
AFTER INSERT ON duties
WHEN NEW.reopened = 0 AND NEW.status IN ('submitted', 'done')
BEGIN
	INSERT INTO report_done_days (unit_id, day, handoffs, done, on_time, late, bounced)
		VALUES (NEW.lead_unit_id, NEW.done_on, NEW.handoffs, 1,
		NEW.done_on <= NEW.original_deadline, NEW.done_on > NEW.original_deadline,
		NEW.bounced > 0)
		ON CONFLICT DO UPDATE SET done = done + 1, on_time = on_time + excluded.on_time,
		late = late + excluded.late, bounced = bounced + excluded.bounced;
END;

-- A change of what the figures count by: the duty's old count out (the
-- last one out takes the row with it, before a row counted down to 1
-- could be taken), its new one in.
CREATE TRIGGER report_done_days_update
AFTER UPDATE OF lead_unit_id, done_on, reopened, status, original_deadline, handoffs,
	bounced ON duties
WHEN NEW.lead_unit_id IS NOT OLD.lead_unit_id OR NEW.done_on IS NOT OLD.done_on
	OR NEW.reopened IS NOT OLD.reopened
	OR (NEW.status IN ('submitted', 'done')) IS NOT (OLD.status IN ('submitted', 'done'))
	OR NEW.original_deadline IS NOT OLD.original_deadline
	OR NEW.handoffs IS NOT OLD.handoffs OR (NEW.bounced > 0) IS NOT (OLD.bounced > 0)
BEGIN
	DELETE FROM report_done_days WHERE OLD.reopened = 0
		AND OLD.status IN ('submitted', 'done') AND unit_id = OLD.lead_unit_id
		AND day = OLD.done_on AND handoffs = OLD.handoffs AND done = 1;
	UPDATE report_done_days SET done = done - 1,
		on_time = on_time - (OLD.done_on <= OLD.original_deadline),
		late = late - (OLD.done_on > OLD.original_deadline),
		bounced = bounced - (OLD.bounced > 0)
		WHERE OLD.reopened = 0 AND OLD.status IN ('submitted', 'done')
		AND unit_id = OLD.lead_unit_id AND day = OLD.done_on
		AND handoffs = OLD.handoffs AND done > 1;
	INSERT INTO report_done_days (unit_id, day, handoffs, done, on_time, late, bounced)
		SELECT NEW.lead_unit_id, NEW.done_on, NEW.handoffs, 1,
		NEW.done_on <= NEW.original_deadline, NEW.done_on > NEW.original_deadline,
		NEW.bounced > 0
		WHERE NEW.reopened = 0 AND NEW.status IN ('submitted', 'done')
		ON CONFLICT DO UPDATE SET done = done + 1, on_time = on_time + excluded.on_time,
		late = late + excluded.late, bounced = bounced + excluded.bounced;
END;

-- A period's handoffs and extension requests, which the report and graph
-- count, read from their indexes alone rather than each row.
DROP INDEX handoffs_created;
CREATE INDEX handoffs_created ON handoffs(created_on, from_unit_id, to_unit_id,
	proposed_by, kind, state);
DROP INDEX extensions_created;
CREATE INDEX extensions_created ON extensions(created_at, duty_id, requested_by, state,
	old_deadline, new_deadline);
