-- 0009: the evidence for the evaluation of officials under Decree
-- 335/2025/NĐ-CP (roviec evaluate): each duty's conversion coefficient,
-- the deadlines it missed before an extension was granted, the moment its
-- owner took it; the general criteria the heads enter; and the indexes the
-- year's sheets read.
--
-- coefficient_x100: the duty's conversion coefficient (hệ số quy đổi) in
-- hundredths, 10 to 1000 (0.1 to 10; 1 by default), so that sums are
-- exact.  Set by the assigner when the duty is made or edited.
ALTER TABLE duties ADD COLUMN coefficient_x100 INTEGER NOT NULL DEFAULT 100
	CHECK (coefficient_x100 BETWEEN 10 AND 1000);
-- deadlines_missed: extensions approved after the deadline they moved had
-- passed.  Such a deadline was missed (a delay); one approved by the
-- deadline is the objective cause that excuses it.  Kept by duty.c as the
-- assigner approves.
ALTER TABLE duties ADD COLUMN deadlines_missed INTEGER NOT NULL DEFAULT 0
	CHECK (deadlines_missed >= 0);
-- owner_since: the moment (UTC) the current owner took the duty, the
-- last history entry that named an owner: before it, the owner was
-- someone else, whom the history names.
ALTER TABLE duties ADD COLUMN owner_since TEXT;

UPDATE duties SET deadlines_missed = (SELECT count(*) FROM extensions x
	WHERE x.duty_id = duties.id AND x.state = 'approved'
	  AND date(x.answered_at, 'localtime') > x.old_deadline)
WHERE id IN (SELECT duty_id FROM extensions WHERE state = 'approved');
UPDATE duties SET owner_since = ifnull((SELECT h.at FROM history h
	WHERE h.duty_id = duties.id AND h.to_owner_id IS NOT NULL
	ORDER BY h.id DESC LIMIT 1), created_at);

-- Kept as the history is written, so that it always says what the history
-- says, whoever writes.
CREATE TRIGGER history_owner_since
AFTER INSERT ON history
WHEN NEW.duty_id IS NOT NULL AND NEW.to_owner_id IS NOT NULL
BEGIN
	UPDATE duties SET owner_since = NEW.at WHERE id = NEW.duty_id;
END;

-- The general criteria (tiêu chí chung, up to 30 points) a head enters for
-- an official and a month or quarter, and for a head of a unit the share
-- for cohesion (năng lực tập hợp, đoàn kết: 100 or 50).  The last entry
-- stands; each is also a history entry (evaluation-set), which is the
-- record of who entered what, when and why.
CREATE TABLE evaluations (
	person_id    INTEGER NOT NULL REFERENCES people(id),
	period       TEXT NOT NULL
	             CHECK (period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'
	                    OR period GLOB '[12][0-9][0-9][0-9]-Q[1-4]'),
	general_x100 INTEGER NOT NULL CHECK (general_x100 BETWEEN 0 AND 3000),
	cohesion     INTEGER CHECK (cohesion IS NULL OR cohesion IN (50, 100)),
	reason       TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
	set_by       INTEGER NOT NULL REFERENCES people(id),
	set_at       TEXT NOT NULL,
	PRIMARY KEY (person_id, period)
) WITHOUT ROWID;

CREATE TRIGGER evaluations_no_delete
BEFORE DELETE ON evaluations
BEGIN
	SELECT RAISE(ABORT, 'evaluations are never deleted: enter the right value instead');
END;

-- A year's sheets read the duties confirmed in it, and those due in it that
-- were not done by their deadline, each from an index holding all it needs
-- (status too, or SQLite 3.40 reads the rows to check the index's WHERE).
CREATE INDEX duties_eval_done ON duties(closed_on, owner_id, coefficient_x100,
	reopened, deadlines_missed, deadline, lead_unit_id, ref, status)
	WHERE status = 'done';
CREATE INDEX duties_eval_due ON duties(deadline, owner_id, closed_on,
	coefficient_x100, lead_unit_id, created_at, owner_since, ref, status)
	WHERE status IN ('open', 'submitted') OR (status = 'done' AND closed_on > deadline);
