-- 0010: a person leaves (moved away, retired) and keeps their history;
-- a login changes (issue #12).
--
-- left_on is the local day they left (NULL: they work here).  They keep
-- their unit and role, so that what they did still counts where it was
-- done; they head no unit and own no open or submitted duty.
ALTER TABLE people ADD COLUMN left_on TEXT
	CHECK (left_on IS NULL OR left_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

-- One who left heads no unit.
CREATE TRIGGER unit_heads_not_left
BEFORE INSERT ON unit_heads
WHEN (SELECT left_on FROM people WHERE id = NEW.person_id) IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'a person who has left cannot head a unit');
END;

-- One who owns open or submitted duties, or heads a unit, cannot leave.
CREATE TRIGGER people_leave_hands_over
BEFORE UPDATE OF left_on ON people
WHEN NEW.left_on IS NOT NULL AND (
	EXISTS (SELECT 1 FROM duties WHERE owner_id = NEW.id
	        AND status IN ('open', 'submitted'))
	OR EXISTS (SELECT 1 FROM unit_heads WHERE person_id = NEW.id))
BEGIN
	SELECT RAISE(ABORT, 'this person owns open duties or heads a unit: reassign them first');
END;

-- An open or submitted duty is never owned by one who has left.
CREATE TRIGGER duties_owner_not_left_insert
BEFORE INSERT ON duties
WHEN NEW.status IN ('open', 'submitted')
  AND (SELECT left_on FROM people WHERE id = NEW.owner_id) IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'a person who has left cannot own an open duty');
END;

CREATE TRIGGER duties_owner_not_left_update
BEFORE UPDATE OF owner_id, status ON duties
WHEN NEW.status IN ('open', 'submitted')
  AND (SELECT left_on FROM people WHERE id = NEW.owner_id) IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'a person who has left cannot own an open duty');
END;

-- A login changed (roviec person set --login): the history's hash chain
-- covers logins as they were when each entry was written, so the walk
-- reads, for an entry before entry_id, the login the person had then
-- (store.c, ST_CHAIN_WALK).
CREATE TABLE login_changes (
	id        INTEGER PRIMARY KEY,
	person_id INTEGER NOT NULL REFERENCES people(id),
	login_was TEXT NOT NULL,
	entry_id  INTEGER NOT NULL
);
CREATE INDEX login_changes_person ON login_changes(person_id, entry_id);
