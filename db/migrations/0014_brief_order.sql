-- 0014: the brief's rows read in the order they are shown (issue #11).
--
-- Parts a unit owes are listed soonest deadline first.  Migration 12 gave
-- their count from an index; the first few rows still meant reading every
-- owed part's duty to sort them by its deadline.  The duty's deadline is
-- now kept beside each part (deadline), by the two triggers below, and
-- duty_support_owed holds it, so that the first rows are read in order;
-- roviec verify checks it against the duty's deadline.
ALTER TABLE duty_support ADD COLUMN deadline TEXT;
UPDATE duty_support SET deadline = (SELECT deadline FROM duties WHERE id = duty_id);
DROP INDEX duty_support_owed;
CREATE INDEX duty_support_owed ON duty_support(unit_id, deadline, duty_id, delivered_on, live)
	WHERE delivered_on IS NULL AND live = 1;

CREATE TRIGGER duty_support_deadline
AFTER UPDATE OF deadline ON duties
WHEN NEW.deadline IS NOT OLD.deadline
BEGIN
	UPDATE duty_support SET deadline = NEW.deadline WHERE duty_id = NEW.id;
END;

CREATE TRIGGER duty_support_deadline_insert
AFTER INSERT ON duty_support
WHEN NEW.deadline IS NOT (SELECT deadline FROM duties WHERE id = NEW.duty_id)
BEGIN
	UPDATE duty_support SET deadline = (SELECT deadline FROM duties WHERE id = NEW.duty_id)
		WHERE duty_id = NEW.duty_id AND unit_id = NEW.unit_id;
END;

-- The board's Supporting tab: the parts of a unit whose duty is open or
-- submitted, from an index alone, not each part's duty read to see.
CREATE INDEX duty_support_live ON duty_support(unit_id, live, duty_id);

-- The board's Flagged tab: a unit's live duties with every column their
-- flags are computed from, so that the tab's count reads this index, not
-- each duty's row.
CREATE INDEX duties_lead_flags ON duties(lead_unit_id, status, deadline,
	original_deadline, done_on, last_progress_on, handoffs, bounced, escalated)
	WHERE status IN ('open', 'submitted');

-- A person's overdue duties counted from an index alone: the deadline
-- beside the owner and status.
DROP INDEX duties_owner;
CREATE INDEX duties_owner ON duties(owner_id, status, deadline);

-- Duties new to a person since they last looked: read from the entries
-- that gave a duty to them (to_owner_id) after that moment, not from every
-- entry of every duty they own.
CREATE INDEX history_given ON history(to_owner_id, at, actor_id, duty_id)
	WHERE to_owner_id IS NOT NULL;
