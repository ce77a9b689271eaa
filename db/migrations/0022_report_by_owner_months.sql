-- 0022: a report by person adds up whole months of each person's duties
-- done (issue #15).
--
-- The city's report by person read every duty of the period one by one
-- (duties_report_owner, migration 19): a year at a million duties, half a
-- million rows, most of a second.  report_done_owner_months holds, by
-- owner, month done and number of handoffs, the figures report_done_days
-- holds by unit: the duties submitted or done and never sent back, how
-- many on time and late against the original deadline, how many bounced.
-- A report by person adds up its whole months here and reads one by one
-- only the duties of its partial first and last months, and those not
-- done by the day it is taken at.  Kept by the triggers below in the
-- transaction that changes the duty (a duty handed to another owner
-- moves its figures with it); roviec verify counts them again from the
-- duties.
CREATE TABLE report_done_owner_months (
	owner_id INTEGER NOT NULL REFERENCES people(id),
	month    TEXT NOT NULL,
	handoffs INTEGER NOT NULL,
	done     INTEGER NOT NULL CHECK (done > 0),
	on_time  INTEGER NOT NULL,
	late     INTEGER NOT NULL,
	bounced  INTEGER NOT NULL,
	PRIMARY KEY (owner_id, month, handoffs)
) WITHOUT ROWID;
INSERT INTO report_done_owner_months (owner_id, month, handoffs, done, on_time, late, bounced)
	SELECT owner_id, substr(done_on, 1, 7), handoffs, count(*),
	sum(done_on <= original_deadline), sum(done_on > original_deadline), sum(bounced > 0)
	FROM duties WHERE reopened = 0 AND status IN ('submitted', 'done')
	GROUP BY owner_id, substr(done_on, 1, 7), handoffs;

CREATE TRIGGER report_done_owner_months_insert
AFTER INSERT ON duties
WHEN NEW.reopened = 0 AND NEW.status IN ('submitted', 'done')
BEGIN
	INSERT INTO report_done_owner_months (owner_id, month, handoffs, done, on_time, late,
		bounced)
		VALUES (NEW.owner_id, substr(NEW.done_on, 1, 7), NEW.handoffs, 1,
		NEW.done_on <= NEW.original_deadline, NEW.done_on > NEW.original_deadline,
		NEW.bounced > 0)
		ON CONFLICT DO UPDATE SET done = done + 1, on_time = on_time + excluded.on_time,
		late = late + excluded.late, bounced = bounced + excluded.bounced;
END;

CREATE TRIGGER report_done_owner_months_update
AFTER UPDATE OF owner_id, done_on, reopened, status, original_deadline, handoffs,
	bounced ON duties
WHEN NEW.owner_id IS NOT OLD.owner_id OR NEW.done_on IS NOT OLD.done_on
	OR NEW.reopened IS NOT OLD.reopened
	OR (NEW.status IN ('submitted', 'done')) IS NOT (OLD.status IN ('submitted', 'done'))
	OR NEW.original_deadline IS NOT OLD.original_deadline
	OR NEW.handoffs IS NOT OLD.handoffs OR (NEW.bounced > 0) IS NOT (OLD.bounced > 0)
BEGIN
	DELETE FROM report_done_owner_months WHERE OLD.reopened = 0
		AND OLD.status IN ('submitted', 'done') AND owner_id = OLD.owner_id
		AND month = substr(OLD.done_on, 1, 7) AND handoffs = OLD.handoffs AND done = 1;
	UPDATE report_done_owner_months SET done = done - 1,
		on_time = on_time - (OLD.done_on <= OLD.original_deadline),
		late = late - (OLD.done_on > OLD.original_deadline),
		bounced = bounced - (OLD.bounced > 0)
		WHERE OLD.reopened = 0 AND OLD.status IN ('submitted', 'done')
		AND owner_id = OLD.owner_id AND month = substr(OLD.done_on, 1, 7)
		AND handoffs = OLD.handoffs AND done > 1;
	INSERT INTO report_done_owner_months (owner_id, month, handoffs, done, on_time, late,
		bounced)
		SELECT NEW.owner_id, substr(NEW.done_on, 1, 7), NEW.handoffs, 1,
		NEW.done_on <= NEW.original_deadline, NEW.done_on > NEW.original_deadline,
		NEW.bounced > 0
		WHERE NEW.reopened = 0 AND NEW.status IN ('submitted', 'done')
		ON CONFLICT DO UPDATE SET done = done + 1, on_time = on_time + excluded.on_time,
		late = late + excluded.late, bounced = bounced + excluded.bounced;
END;

-- And the escalations and returns each person proposed, and the extension
-- requests each made, as ranges by person: a unit's report by person read
-- the city's handoffs and requests of its period.
CREATE INDEX handoffs_proposer ON handoffs(proposed_by, kind, created_on);
CREATE INDEX extensions_requester ON extensions(requested_by, created_at, state,
	old_deadline, new_deadline);
