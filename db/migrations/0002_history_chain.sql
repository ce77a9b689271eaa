-- 0002: tamper evidence for the history, and supporting units' delivery.
--
-- Each history entry carries hash: SHA-256 (hex) over the entry's content,
-- as the program sees it (the duty's uuid, the people's logins, the units'
-- codes, the text), its id and the previous entry's hash, so that an entry
-- changed, removed or inserted behind the program's back breaks the chain
-- from that entry on (roviec verify).  The program writes hash with the
-- entry; entries made before this migration are hashed by the program right
-- after it, in the same transaction (migrate.c), which is the one time a
-- hash is written to an existing entry.
ALTER TABLE history ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);

DROP TRIGGER history_no_update;
CREATE TRIGGER history_no_update
BEFORE UPDATE OF id, duty_id, at, actor_id, via_id, action, from_unit_id,
	to_unit_id, from_owner_id, to_owner_id, text, detail ON history
BEGIN
	SELECT RAISE(ABORT, 'the history is append-only: entries cannot be changed');
END;

CREATE TRIGGER history_hash_once
BEFORE UPDATE OF hash ON history
WHEN OLD.hash IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'the history is append-only: entries cannot be changed');
END;

CREATE TRIGGER history_needs_hash
BEFORE INSERT ON history
WHEN NEW.hash IS NULL
BEGIN
	SELECT RAISE(ABORT, 'a history entry needs its hash: write it through roviec');
END;

-- How often a duty was sent back for more work (roviec reopen), so that
-- the report can take such a duty's state on a past day from its history
-- (reopening clears done_on).
ALTER TABLE duties ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0);
UPDATE duties SET reopened = (SELECT count(*) FROM history h
	WHERE h.duty_id = duties.id AND h.action = 'reopened')
WHERE id IN (SELECT duty_id FROM history WHERE action = 'reopened');

-- The report (roviec report, the board's overview) reads the duties on the
-- books in a period, unit by unit.  This index holds every column it needs,
-- in the unit's order, so the report groups without sorting and never reads
-- the wide rows (titles, results) of a million duties.
CREATE INDEX duties_report ON duties(lead_unit_id, done_on, owner_id,
	original_deadline, deadline, created_at, handoffs, bounced,
	last_progress_on, status, closed_on, reopened);
CREATE INDEX handoffs_created ON handoffs(created_on);
CREATE INDEX extensions_created ON extensions(created_at);

-- A supporting unit delivers its part: the day and the person who recorded
-- it (roviec deliver), for the report's promptness of supporting units.
ALTER TABLE duty_support ADD COLUMN delivered_on TEXT
	CHECK (delivered_on IS NULL OR date(julianday(delivered_on)) IS delivered_on);
ALTER TABLE duty_support ADD COLUMN delivered_by INTEGER REFERENCES people(id);
