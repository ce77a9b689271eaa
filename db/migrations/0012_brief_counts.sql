-- 0012: what waits for a person, counted from indexes (issue #11).
--
-- roviec brief and the board's first line count each kind of waiting work
-- by an index that holds only that kind, and read the rows of the first
-- few only, so that a busy assigner's brief costs what its answer holds,
-- not what the history does.
--
-- Results to confirm: the submitted duties of an assigner, by deadline
-- (status in the index: SQLite 3.40 reads the row to check a partial
-- index's WHERE otherwise).
CREATE INDEX duties_assigner_submitted ON duties(assigner_id, deadline, ref, status)
	WHERE status = 'submitted';

-- Parts a unit owes: undelivered parts of duties still open or submitted.
-- Whether the duty is open or submitted is kept beside each part (live),
-- by the two triggers below, so that the parts of the closed duties of
-- past years, never delivered, are not read to be skipped; roviec verify
-- checks it against the duty's status.
ALTER TABLE duty_support ADD COLUMN live INTEGER NOT NULL DEFAULT 1
	CHECK (live IN (0, 1));
UPDATE duty_support SET live = 0
	WHERE duty_id IN (SELECT id FROM duties WHERE status NOT IN ('open', 'submitted'));
CREATE INDEX duty_support_owed ON duty_support(unit_id, duty_id, delivered_on, live)
	WHERE delivered_on IS NULL AND live = 1;

CREATE TRIGGER duty_support_live_status
AFTER UPDATE OF status ON duties
WHEN (OLD.status IN ('open', 'submitted')) <> (NEW.status IN ('open', 'submitted'))
BEGIN
	UPDATE duty_support SET live = (NEW.status IN ('open', 'submitted'))
		WHERE duty_id = NEW.id;
END;

CREATE TRIGGER duty_support_live_insert
AFTER INSERT ON duty_support
WHEN NEW.live <> ((SELECT status FROM duties WHERE id = NEW.duty_id) IN ('open', 'submitted'))
BEGIN
	UPDATE duty_support SET live = 1 - NEW.live
		WHERE duty_id = NEW.duty_id AND unit_id = NEW.unit_id;
END;
