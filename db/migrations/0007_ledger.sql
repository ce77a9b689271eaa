-- 0007: the ledger is the program's (issue 14).
--
-- A unit may have several heads (a chair and deputies), each with the
-- head's powers: unit_heads holds them, in the order they were named (the
-- first is the one who takes a reopened duty whose owner has left).  The
-- single units.head_id goes, with the triggers that read it.
CREATE TABLE unit_heads (
	id        INTEGER PRIMARY KEY,
	unit_id   INTEGER NOT NULL REFERENCES units(id),
	person_id INTEGER NOT NULL REFERENCES people(id),
	UNIQUE (unit_id, person_id)
);
CREATE INDEX unit_heads_person ON unit_heads(person_id);
INSERT INTO unit_heads (unit_id, person_id)
	SELECT id, head_id FROM units WHERE head_id IS NOT NULL ORDER BY id;

DROP TRIGGER units_head_is_member_insert;
DROP TRIGGER units_head_is_member_update;
DROP TRIGGER people_head_stays_member;
ALTER TABLE units DROP COLUMN head_id;

-- The head of a unit belongs to it and is not an inspector.
CREATE TRIGGER unit_heads_member
BEFORE INSERT ON unit_heads
WHEN (SELECT unit_id FROM people WHERE id = NEW.person_id) IS NOT NEW.unit_id
  OR (SELECT role FROM people WHERE id = NEW.person_id) = 'inspector'
BEGIN
	SELECT RAISE(ABORT, 'the head of a unit must be an official of it');
END;

CREATE TRIGGER unit_heads_no_update
BEFORE UPDATE ON unit_heads
BEGIN
	SELECT RAISE(ABORT, 'a unit''s heads are named and removed, never changed');
END;

CREATE TRIGGER people_head_stays_member
BEFORE UPDATE OF unit_id, role ON people
WHEN EXISTS (SELECT 1 FROM unit_heads WHERE person_id = NEW.id
             AND (unit_id IS NOT NEW.unit_id OR NEW.role = 'inspector'))
BEGIN
	SELECT RAISE(ABORT, 'this person heads a unit: name another head first');
END;

-- What an entry records beyond its columns (data: a JSON object, see
-- facts.h), and its seal: HMAC-SHA256 of its id and hash under the
-- ledger's key, a file beside the database that only the program reads
-- (roviec(5), THE LEDGER'S KEY).  The program seals the entries made before
-- this migration, and records what the database holds that those entries
-- did not (titles, parts, roles, heads, ...) as "baseline" entries, right
-- after it in the same transaction (store.c, ledger_upgrade).
ALTER TABLE history ADD COLUMN data TEXT CHECK (data IS NULL OR json_valid(data));
ALTER TABLE history ADD COLUMN seal TEXT CHECK (seal IS NULL OR length(seal) = 64);

DROP TRIGGER history_no_update;
CREATE TRIGGER history_no_update
BEFORE UPDATE OF id, duty_id, at, actor_id, via_id, action, from_unit_id,
	to_unit_id, from_owner_id, to_owner_id, text, detail, data ON history
BEGIN
	SELECT RAISE(ABORT, 'the history is append-only: entries cannot be changed');
END;

CREATE TRIGGER history_seal_once
BEFORE UPDATE OF seal ON history
WHEN OLD.seal IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'the history is append-only: entries cannot be changed');
END;

CREATE TRIGGER history_needs_seal
BEFORE INSERT ON history
WHEN NEW.seal IS NULL
BEGIN
	SELECT RAISE(ABORT, 'a history entry needs its seal: write it through roviec');
END;
