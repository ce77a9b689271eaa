-- The current schema of roviec, for reference: what all the migrations in
-- db/migrations add up to (tests/cli/schema.t checks that they agree).
--
-- Migration 1: the duty ledger.  Migration 2: the history's hash chain
-- and the delivery of supporting units' parts.  Migrations 3 and 4:
-- indexes.  Migration 5: indexes for list's periods.  Migration 6: units
-- with several heads, the history's facts and seals (the ledger is the
-- program's: roviec verify rebuilds the state).  Migration 10: people who
-- have left (moved away, retired) keep their history.  Migration 11:
-- recurring duties (series) and what undo puts back.  Migration 15: the
-- report's index reads only the duties that may count; migration 16 its
-- supporting parts alike; migration 17 keeps the duties done by day.
-- The rules of PRODUCT.md that can be stated over data are stated here, so
-- that they hold even for rows written by hand with the sqlite3 shell:
-- one owner per open duty, inside its lead unit; the lead unit never among
-- its own supporters; at most one pending handoff and one pending extension
-- per duty; the history append-only; duties never deleted.
--
-- Dates are ISO 'YYYY-MM-DD' in the city's local calendar; moments are UTC
-- 'YYYY-MM-DDTHH:MM:SSZ'.  Applied in one transaction; it sets
-- user_version to 1 (the migration runner does that, not this file).

PRAGMA application_id = 1381385539;	-- 'RVEC'

-- Units form a tree: the city, its departments, wards, communes and party
-- organisations.  A unit's heads (unit_heads) answer for its board.
CREATE TABLE units (
	id        INTEGER PRIMARY KEY,
	code      TEXT NOT NULL UNIQUE COLLATE NOCASE
	          CHECK (length(code) BETWEEN 1 AND 16
	                 AND code NOT GLOB '*[^A-Za-z0-9_]*'),
	name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	kind      TEXT NOT NULL
	          CHECK (kind IN ('city', 'ward', 'commune', 'department', 'party')),
	parent_id INTEGER REFERENCES units(id)
);
CREATE INDEX units_parent ON units(parent_id);

-- A unit cannot become its own ancestor.
CREATE TRIGGER units_no_cycle
BEFORE UPDATE OF parent_id ON units
WHEN NEW.parent_id IS NOT NULL AND (
	NEW.parent_id = NEW.id OR NEW.id IN (
		WITH RECURSIVE up(id) AS (
			SELECT NEW.parent_id
			UNION SELECT u.parent_id FROM units u JOIN up ON u.id = up.id
			      WHERE u.parent_id IS NOT NULL)
		SELECT id FROM up))
BEGIN
	SELECT RAISE(ABORT, 'a unit cannot be placed under itself');
END;

-- People are officials with a Unix login.  An administrator or inspector
-- may belong to no unit; everyone else belongs to exactly one.
CREATE TABLE people (
	id        INTEGER PRIMARY KEY,
	login     TEXT NOT NULL UNIQUE
	          CHECK (length(login) BETWEEN 1 AND 32
	                 AND login NOT GLOB '*[^A-Za-z0-9._-]*'),
	full_name TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
	unit_id   INTEGER REFERENCES units(id),
	role      TEXT NOT NULL
	          CHECK (role IN ('admin', 'head', 'officer', 'inspector')),
	-- The local day they left (moved away, retired; migration 10): they
	-- keep their unit and role, so that what they did still counts where
	-- it was done.  NULL: they work here.
	left_on   TEXT
	          CHECK (left_on IS NULL OR left_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	-- Where roviec digest mails them (migration 13; NULL: LOGIN@ the
	-- configured mail_domain): printable ASCII, no space, one @ inside.
	mail      TEXT
	          CHECK (mail IS NULL OR (length(mail) BETWEEN 3 AND 254
	                 AND mail NOT GLOB '*[^!-~]*' AND mail GLOB '?*@?*')),
	CHECK (unit_id IS NOT NULL OR role IN ('admin', 'inspector'))
);
CREATE INDEX people_unit ON people(unit_id);

-- The duty.  owner_id is NOT NULL always (a closed duty keeps its last
-- owner); while the duty is open or submitted, the owner belongs to the lead
-- unit (trigger below).  The flag facts that do not depend on today are kept
-- here as the actions happen (handoffs, bounced, escalated); those that do
-- (overdue, stalled, ...) are computed from the dates by flags_compute.
CREATE TABLE duties (
	id                INTEGER PRIMARY KEY,
	uuid              TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	ref               TEXT NOT NULL UNIQUE COLLATE NOCASE,
	title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	search_key        TEXT NOT NULL,	-- title folded: no case, no diacritics
	result            TEXT NOT NULL CHECK (length(result) BETWEEN 1 AND 4000),
	basis             TEXT NOT NULL CHECK (length(basis) BETWEEN 1 AND 4000),
	field             TEXT CHECK (field IS NULL OR length(field) BETWEEN 1 AND 200),
	assigner_id       INTEGER NOT NULL REFERENCES people(id),
	lead_unit_id      INTEGER NOT NULL REFERENCES units(id),
	owner_id          INTEGER NOT NULL REFERENCES people(id),
	created_at        TEXT NOT NULL,
	original_deadline TEXT NOT NULL CHECK (date(julianday(original_deadline)) IS original_deadline),
	deadline          TEXT NOT NULL CHECK (date(julianday(deadline)) IS deadline),
	status            TEXT NOT NULL DEFAULT 'open'
	                  CHECK (status IN ('open', 'submitted', 'done', 'cancelled')),
	done_on           TEXT CHECK (done_on IS NULL OR date(julianday(done_on)) IS done_on),
	closed_on         TEXT CHECK (closed_on IS NULL OR date(julianday(closed_on)) IS closed_on),
	last_progress_on  TEXT NOT NULL CHECK (date(julianday(last_progress_on)) IS last_progress_on),
	handoffs          INTEGER NOT NULL DEFAULT 0 CHECK (handoffs >= 0),
	bounced           INTEGER NOT NULL DEFAULT 0 CHECK (bounced IN (0, 1)),
	escalated         INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
	-- times sent back for more work (migration 2), for the report's past days
	reopened          INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0),
	-- The evidence for the evaluation (migration 9, roviec evaluate): the
	-- conversion coefficient (hệ số quy đổi) in hundredths, 0.1 to 10;
	-- extensions approved after the deadline they moved had passed (each a
	-- missed deadline); the moment (UTC) the current owner took the duty.
	coefficient_x100  INTEGER NOT NULL DEFAULT 100
	                  CHECK (coefficient_x100 BETWEEN 10 AND 1000),
	deadlines_missed  INTEGER NOT NULL DEFAULT 0 CHECK (deadlines_missed >= 0),
	owner_since       TEXT,
	-- its series and period, when it recurs (migration 11; see below)
	series_id         INTEGER REFERENCES series(id),
	period            TEXT
	                  CHECK (period IS NULL OR length(period) BETWEEN 4 AND 7),
	CHECK (status NOT IN ('submitted', 'done') OR done_on IS NOT NULL),
	CHECK (status NOT IN ('done', 'cancelled') OR closed_on IS NOT NULL)
);
CREATE INDEX duties_lead ON duties(lead_unit_id, status, deadline);
-- (deadline in it since migration 14: a person's overdue duties counted
-- from the index alone, roviec brief)
CREATE INDEX duties_owner ON duties(owner_id, status, deadline);
CREATE INDEX duties_status_deadline ON duties(status, deadline);
-- The board's Lead, Flagged and Mine tabs sorted by deadline read their
-- page in the order of its key (migration 3), not the whole list sorted.
CREATE INDEX duties_lead_page ON duties(lead_unit_id, (deadline || ' ' || ref))
	WHERE status IN ('open', 'submitted');
CREATE INDEX duties_owner_page ON duties(owner_id, (deadline || ' ' || ref))
	WHERE status IN ('open', 'submitted');
-- roviec list --unit (or --owner) of live duties reads them in the order
-- it prints, the reference in its own collation (migration 4).
CREATE INDEX duties_lead_list ON duties(lead_unit_id, deadline, ref)
	WHERE status IN ('open', 'submitted');
-- The board's Flagged tab counts a unit's live duties by their flags from
-- this index alone: every column the flags are computed from (migration
-- 14).
CREATE INDEX duties_lead_flags ON duties(lead_unit_id, status, deadline,
	original_deadline, done_on, last_progress_on, handoffs, bounced, escalated)
	WHERE status IN ('open', 'submitted');
CREATE INDEX duties_owner_list ON duties(owner_id, deadline, ref)
	WHERE status IN ('open', 'submitted');
-- What a person assigned that is still open or submitted: the board's
-- assigner tab and roviec list --assigner (migration 6).
CREATE INDEX duties_assigner_list ON duties(assigner_id, deadline, ref)
	WHERE status IN ('open', 'submitted');
-- The results an assigner has to confirm (roviec brief), counted and
-- read by deadline from this index alone (migration 12; status in it:
-- SQLite 3.40 reads the row to check a partial index's WHERE otherwise).
CREATE INDEX duties_assigner_submitted ON duties(assigner_id, deadline, ref, status)
	WHERE status = 'submitted';
-- The report (roviec report, the board's overview) reads the duties on the
-- books in a period, unit by unit.  This index holds every column it needs,
-- in the unit's order, so the report groups without sorting and never reads
-- the wide rows (titles, results) of a million duties; second, the last day
-- a period may start on and still count the duty (migration 15: the day it
-- was cancelled, its done day, or never), so that the duties done or
-- cancelled before the period are not read.
CREATE INDEX duties_report ON duties(lead_unit_id,
	(CASE WHEN status = 'cancelled' THEN closed_on WHEN reopened > 0 THEN '9999-12-31'
	ELSE ifnull(done_on, '9999-12-31') END),
	done_on, owner_id, original_deadline, deadline, created_at, handoffs, bounced,
	last_progress_on, status, closed_on, reopened);
-- The same by owner first, for the report by person: each person's duties
-- that may count in a period are one range (migration 19).
CREATE INDEX duties_report_owner ON duties(owner_id,
	(CASE WHEN status = 'cancelled' THEN closed_on WHEN reopened > 0 THEN '9999-12-31'
	ELSE ifnull(done_on, '9999-12-31') END),
	done_on, lead_unit_id, original_deadline, deadline, created_at, handoffs, bounced,
	last_progress_on, status, closed_on, reopened);
-- A report taken as of today counts the open stock (never done, never
-- sent back) of each unit as ranges of these, one per figure, and reads
-- one by one only the duties sent back once (migration 18; its indexes by
-- original deadline and last progress went with migration 28, which keeps
-- those counts).
CREATE INDEX duties_stock_handoffs ON duties(lead_unit_id, handoffs)
	WHERE status = 'open' AND reopened = 0 AND done_on IS NULL;
CREATE INDEX duties_stock_bounced ON duties(lead_unit_id, bounced)
	WHERE status = 'open' AND reopened = 0 AND done_on IS NULL;
CREATE INDEX duties_sent_back ON duties(lead_unit_id) WHERE reopened > 0;
-- roviec list --done-from/--done-to and --created-from/--created-to read a
-- period's duties from these (migration 5), not the whole table.
CREATE INDEX duties_done_on ON duties(done_on) WHERE done_on IS NOT NULL;
CREATE INDEX duties_created ON duties(created_at);
-- A year's sheets (roviec evaluate) read the duties confirmed in it, and
-- those due in it that were not done by their deadline, each from an
-- index holding all it needs, status too, or SQLite 3.40 reads the rows to
-- check the index's WHERE (migration 9).
CREATE INDEX duties_eval_done ON duties(closed_on, owner_id, coefficient_x100,
	reopened, deadlines_missed, deadline, lead_unit_id, ref, status)
	WHERE status = 'done';
CREATE INDEX duties_eval_due ON duties(deadline, owner_id, closed_on,
	coefficient_x100, lead_unit_id, created_at, owner_since, ref, status)
	WHERE status IN ('open', 'submitted') OR (status = 'done' AND closed_on > deadline);
-- The city's lists by flag read the duties each flag may hold, not every
-- duty (migration 21): bounced, escalated and late by status and deadline,
-- tossed by the number of handoffs (the rules set how many).
CREATE INDEX duties_bounced_list ON duties(status, deadline, ref) WHERE bounced > 0;
CREATE INDEX duties_escalated_list ON duties(status, deadline, ref) WHERE escalated > 0;
CREATE INDEX duties_late_list ON duties(status, deadline, ref)
	WHERE done_on > original_deadline;
CREATE INDEX duties_handoffs_list ON duties(handoffs) WHERE handoffs > 0;
-- The city's open duties (list --flag overdue, --status open) read from
-- one index in the list's order, holding every column the list shows
-- (migration 23): no row of the table visited.
CREATE INDEX duties_open_list ON duties(status, deadline, ref, title, uuid,
	lead_unit_id, owner_id, assigner_id, original_deadline, field, done_on,
	last_progress_on, handoffs, bounced, escalated, created_at, search_key)
	WHERE status = 'open';

-- The owner of an open duty belongs to its lead unit and is not an
-- inspector (inspectors watch; they own nothing).
CREATE TRIGGER duties_owner_in_lead_insert
BEFORE INSERT ON duties
WHEN NEW.status IN ('open', 'submitted') AND (
     (SELECT unit_id FROM people WHERE id = NEW.owner_id) IS NOT NEW.lead_unit_id
  OR (SELECT role FROM people WHERE id = NEW.owner_id) = 'inspector')
BEGIN
	SELECT RAISE(ABORT, 'the owner must be an official of the lead unit');
END;

CREATE TRIGGER duties_owner_in_lead_update
BEFORE UPDATE OF owner_id, lead_unit_id, status ON duties
WHEN NEW.status IN ('open', 'submitted') AND (
     (SELECT unit_id FROM people WHERE id = NEW.owner_id) IS NOT NEW.lead_unit_id
  OR (SELECT role FROM people WHERE id = NEW.owner_id) = 'inspector')
BEGIN
	SELECT RAISE(ABORT, 'the owner must be an official of the lead unit');
END;

CREATE TRIGGER duties_lead_not_supporter
BEFORE UPDATE OF lead_unit_id ON duties
WHEN EXISTS (SELECT 1 FROM duty_support
             WHERE duty_id = NEW.id AND unit_id = NEW.lead_unit_id)
BEGIN
	SELECT RAISE(ABORT, 'the lead unit cannot also be a supporting unit');
END;

CREATE TRIGGER duties_keep_identity
BEFORE UPDATE OF uuid, ref, assigner_id, created_at, original_deadline ON duties
WHEN NEW.uuid IS NOT OLD.uuid OR NEW.ref IS NOT OLD.ref
  OR NEW.assigner_id IS NOT OLD.assigner_id OR NEW.created_at IS NOT OLD.created_at
  OR NEW.original_deadline IS NOT OLD.original_deadline
BEGIN
	SELECT RAISE(ABORT, 'a duty''s identity, assigner and original deadline never change');
END;

CREATE TRIGGER duties_no_delete
BEFORE DELETE ON duties
BEGIN
	SELECT RAISE(ABORT, 'duties are never deleted: cancel them instead');
END;

-- An open or submitted duty is never owned by one who has left
-- (migration 10).
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

-- Moving a person to another unit may not leave an open duty owned from
-- outside its lead unit.
CREATE TRIGGER people_unit_keeps_owners
BEFORE UPDATE OF unit_id, role ON people
WHEN EXISTS (SELECT 1 FROM duties
             WHERE owner_id = NEW.id AND status IN ('open', 'submitted')
               AND (lead_unit_id IS NOT NEW.unit_id OR NEW.role = 'inspector'))
BEGIN
	SELECT RAISE(ABORT, 'this person owns open duties of their unit: reassign them first');
END;

-- The heads of a unit, a chair and deputies, each with the head's powers,
-- in the order they were named (migration 7).  A head belongs to the unit
-- and is not an inspector.
CREATE TABLE unit_heads (
	id        INTEGER PRIMARY KEY,
	unit_id   INTEGER NOT NULL REFERENCES units(id),
	person_id INTEGER NOT NULL REFERENCES people(id),
	UNIQUE (unit_id, person_id)
);
CREATE INDEX unit_heads_person ON unit_heads(person_id);

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

-- One who has left heads no unit, owns no open or submitted duty, and
-- cannot leave while they do (migration 10).
CREATE TRIGGER unit_heads_not_left
BEFORE INSERT ON unit_heads
WHEN (SELECT left_on FROM people WHERE id = NEW.person_id) IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'a person who has left cannot head a unit');
END;

CREATE TRIGGER people_leave_hands_over
BEFORE UPDATE OF left_on ON people
WHEN NEW.left_on IS NOT NULL AND (
	EXISTS (SELECT 1 FROM duties WHERE owner_id = NEW.id
	        AND status IN ('open', 'submitted'))
	OR EXISTS (SELECT 1 FROM unit_heads WHERE person_id = NEW.id))
BEGIN
	SELECT RAISE(ABORT, 'this person owns open duties or heads a unit: reassign them first');
END;

-- A login changed (migration 10) (roviec person set --login): the history's hash chain
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

-- The duties done in a period, counted by unit, day done and handoffs
-- (migration 17): what a report adds up instead of reading them, kept by
-- the triggers below; roviec verify counts them again from the duties.
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

-- The same figures by month (migration 20): a report adds up its whole
-- months here, the days of its partial first and last months above; kept
-- from report_done_days by the triggers below.
CREATE TABLE report_done_months (
	unit_id  INTEGER NOT NULL REFERENCES units(id),
	month    TEXT NOT NULL,
	handoffs INTEGER NOT NULL,
	done     INTEGER NOT NULL CHECK (done > 0),
	on_time  INTEGER NOT NULL,
	late     INTEGER NOT NULL,
	bounced  INTEGER NOT NULL,
	PRIMARY KEY (unit_id, month, handoffs)
) WITHOUT ROWID;

CREATE TRIGGER report_done_months_insert
AFTER INSERT ON report_done_days
BEGIN
	INSERT INTO report_done_months (unit_id, month, handoffs, done, on_time, late, bounced)
		VALUES (NEW.unit_id, substr(NEW.day, 1, 7), NEW.handoffs, NEW.done, NEW.on_time,
		NEW.late, NEW.bounced)
		ON CONFLICT DO UPDATE SET done = done + excluded.done,
		on_time = on_time + excluded.on_time, late = late + excluded.late,
		bounced = bounced + excluded.bounced;
END;

-- A day's row out: its figures out of its month (the month's row goes
-- with the last of its days).
CREATE TRIGGER report_done_months_delete
AFTER DELETE ON report_done_days
BEGIN
	DELETE FROM report_done_months WHERE unit_id = OLD.unit_id
		AND month = substr(OLD.day, 1, 7) AND handoffs = OLD.handoffs AND done = OLD.done;
	UPDATE report_done_months SET done = done - OLD.done, on_time = on_time - OLD.on_time,
		late = late - OLD.late, bounced = bounced - OLD.bounced
		WHERE unit_id = OLD.unit_id AND month = substr(OLD.day, 1, 7)
		AND handoffs = OLD.handoffs AND done > OLD.done;
END;

-- A day's row changed: its old figures out, its new ones in.
CREATE TRIGGER report_done_months_update
AFTER UPDATE ON report_done_days
BEGIN
	DELETE FROM report_done_months WHERE unit_id = OLD.unit_id
		AND month = substr(OLD.day, 1, 7) AND handoffs = OLD.handoffs AND done = OLD.done;
	UPDATE report_done_months SET done = done - OLD.done, on_time = on_time - OLD.on_time,
		late = late - OLD.late, bounced = bounced - OLD.bounced
		WHERE unit_id = OLD.unit_id AND month = substr(OLD.day, 1, 7)
		AND handoffs = OLD.handoffs AND done > OLD.done;
	INSERT INTO report_done_months (unit_id, month, handoffs, done, on_time, late, bounced)
		VALUES (NEW.unit_id, substr(NEW.day, 1, 7), NEW.handoffs, NEW.done, NEW.on_time,
		NEW.late, NEW.bounced)
		ON CONFLICT DO UPDATE SET done = done + excluded.done,
		on_time = on_time + excluded.on_time, late = late + excluded.late,
		bounced = bounced + excluded.bounced;
END;

-- The same figures by owner and month (migration 22): a report by person
-- adds up its whole months here and reads the duties of its partial first
-- and last months; kept by the triggers below, counted again by roviec
-- verify.
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

-- A change of what the figures count by, the owner too: the duty's old
-- count out, its new one in.
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

-- The open stock (duties open, never done and never sent back) of each
-- unit by the month of the original deadline (migration 24): a report adds
-- up the months before and after its day's and counts that month's duties
-- alone; kept by the triggers below, counted again by roviec verify.
CREATE TABLE report_stock_months (
	unit_id INTEGER NOT NULL REFERENCES units(id),
	month   TEXT NOT NULL,	-- of the original deadline: "2026-12"
	open    INTEGER NOT NULL CHECK (open > 0),
	PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;

CREATE TRIGGER report_stock_months_insert
AFTER INSERT ON duties
WHEN NEW.status = 'open' AND NEW.reopened = 0 AND NEW.done_on IS NULL
BEGIN
	INSERT INTO report_stock_months (unit_id, month, open)
		VALUES (NEW.lead_unit_id, substr(NEW.original_deadline, 1, 7), 1)
		ON CONFLICT DO UPDATE SET open = open + 1;
END;

-- A duty into the stock or out of it, or to another unit while in it: its
-- old count out, its new one in.
CREATE TRIGGER report_stock_months_update
AFTER UPDATE OF status, reopened, done_on, lead_unit_id ON duties
WHEN (OLD.status = 'open' AND OLD.reopened = 0 AND OLD.done_on IS NULL)
	IS NOT (NEW.status = 'open' AND NEW.reopened = 0 AND NEW.done_on IS NULL)
	OR (NEW.status = 'open' AND NEW.reopened = 0 AND NEW.done_on IS NULL
	AND NEW.lead_unit_id IS NOT OLD.lead_unit_id)
BEGIN
	DELETE FROM report_stock_months WHERE OLD.status = 'open' AND OLD.reopened = 0
		AND OLD.done_on IS NULL AND unit_id = OLD.lead_unit_id
		AND month = substr(OLD.original_deadline, 1, 7) AND open = 1;
	UPDATE report_stock_months SET open = open - 1
		WHERE OLD.status = 'open' AND OLD.reopened = 0 AND OLD.done_on IS NULL
		AND unit_id = OLD.lead_unit_id
		AND month = substr(OLD.original_deadline, 1, 7) AND open > 1;
	INSERT INTO report_stock_months (unit_id, month, open)
		SELECT NEW.lead_unit_id, substr(NEW.original_deadline, 1, 7), 1
		WHERE NEW.status = 'open' AND NEW.reopened = 0 AND NEW.done_on IS NULL
		ON CONFLICT DO UPDATE SET open = open + 1;
END;

-- The same open stock by the day of the original deadline and by the last
-- day of progress (migration 28): a report adds up this month's days and
-- the days since a duty would be stalled.  Kept by the triggers below;
-- roviec verify counts them again.
CREATE TABLE report_stock_days (
	unit_id INTEGER NOT NULL REFERENCES units(id),
	day     TEXT NOT NULL,	-- the original deadline
	open    INTEGER NOT NULL CHECK (open > 0),
	PRIMARY KEY (unit_id, day)
) WITHOUT ROWID;

CREATE TABLE report_stock_progress (
	unit_id INTEGER NOT NULL REFERENCES units(id),
	day     TEXT NOT NULL,	-- the last day of progress
	open    INTEGER NOT NULL CHECK (open > 0),
	PRIMARY KEY (unit_id, day)
) WITHOUT ROWID;

CREATE TRIGGER report_stock_days_insert
AFTER INSERT ON duties
WHEN NEW.status = 'open' AND NEW.reopened = 0 AND NEW.done_on IS NULL
BEGIN
	INSERT INTO report_stock_days (unit_id, day, open)
		VALUES (NEW.lead_unit_id, NEW.original_deadline, 1)
		ON CONFLICT DO UPDATE SET open = open + 1;
	INSERT INTO report_stock_progress (unit_id, day, open)
		VALUES (NEW.lead_unit_id, NEW.last_progress_on, 1)
		ON CONFLICT DO UPDATE SET open = open + 1;
END;

-- A duty into the stock or out of it, to another unit while in it, or
-- with a new day in it: its old counts out, its new ones in.
CREATE TRIGGER report_stock_days_update
AFTER UPDATE OF status, reopened, done_on, lead_unit_id, original_deadline,
	last_progress_on ON duties
WHEN (OLD.status = 'open' AND OLD.reopened = 0 AND OLD.done_on IS NULL)
	IS NOT (NEW.status = 'open' AND NEW.reopened = 0 AND NEW.done_on IS NULL)
	OR (NEW.status = 'open' AND NEW.reopened = 0 AND NEW.done_on IS NULL
	AND (NEW.lead_unit_id IS NOT OLD.lead_unit_id
	OR NEW.original_deadline IS NOT OLD.original_deadline
	OR NEW.last_progress_on IS NOT OLD.last_progress_on))
BEGIN
	DELETE FROM report_stock_days WHERE OLD.status = 'open' AND OLD.reopened = 0
		AND OLD.done_on IS NULL AND unit_id = OLD.lead_unit_id
		AND day = OLD.original_deadline AND open = 1;
	UPDATE report_stock_days SET open = open - 1
		WHERE OLD.status = 'open' AND OLD.reopened = 0 AND OLD.done_on IS NULL
		AND unit_id = OLD.lead_unit_id AND day = OLD.original_deadline AND open > 1;
	INSERT INTO report_stock_days (unit_id, day, open)
		SELECT NEW.lead_unit_id, NEW.original_deadline, 1
		WHERE NEW.status = 'open' AND NEW.reopened = 0 AND NEW.done_on IS NULL
		ON CONFLICT DO UPDATE SET open = open + 1;
	DELETE FROM report_stock_progress WHERE OLD.status = 'open' AND OLD.reopened = 0
		AND OLD.done_on IS NULL AND unit_id = OLD.lead_unit_id
		AND day = OLD.last_progress_on AND open = 1;
	UPDATE report_stock_progress SET open = open - 1
		WHERE OLD.status = 'open' AND OLD.reopened = 0 AND OLD.done_on IS NULL
		AND unit_id = OLD.lead_unit_id AND day = OLD.last_progress_on AND open > 1;
	INSERT INTO report_stock_progress (unit_id, day, open)
		SELECT NEW.lead_unit_id, NEW.last_progress_on, 1
		WHERE NEW.status = 'open' AND NEW.reopened = 0 AND NEW.done_on IS NULL
		ON CONFLICT DO UPDATE SET open = open + 1;
END;

-- Supporting units, each with the part it must deliver, and when it was
-- delivered and recorded by whom (roviec deliver; migration 2).
CREATE TABLE duty_support (
	duty_id      INTEGER NOT NULL REFERENCES duties(id),
	unit_id      INTEGER NOT NULL REFERENCES units(id),
	part         TEXT NOT NULL DEFAULT '' CHECK (length(part) <= 4000),
	delivered_on TEXT CHECK (delivered_on IS NULL OR date(julianday(delivered_on)) IS delivered_on),
	delivered_by INTEGER REFERENCES people(id),
	-- whether the duty is open or submitted, kept by the triggers below
	-- (migration 12): the parts a unit owes are read from
	-- duty_support_owed, not past the closed duties of past years
	live         INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1)),
	-- the duty's deadline, kept by the triggers below (migration 14):
	-- the parts a unit owes are read soonest first from duty_support_owed
	deadline     TEXT,
	-- the duty's columns that say whether the part counts in a report,
	-- kept by the triggers below (migration 16): its day made, original
	-- deadline, done day and, when cancelled, the day it was
	duty_created_at        TEXT,
	duty_original_deadline TEXT,
	duty_done_on           TEXT,
	duty_cancelled_on      TEXT,
	PRIMARY KEY (duty_id, unit_id)
) WITHOUT ROWID;
-- The Supporting tab and the report by supporting unit read this index
-- alone (delivered_on in it: migration 3).
CREATE INDEX duty_support_unit ON duty_support(unit_id, duty_id, delivered_on);
-- The board's Supporting tab reads the parts of live duties from this
-- index alone (migration 14).
CREATE INDEX duty_support_live ON duty_support(unit_id, live, duty_id);
-- The parts a unit owes (roviec brief), counted from this index alone
-- (delivered_on and live in it, as status in duties_assigner_submitted),
-- and read soonest deadline first (migration 14).
CREATE INDEX duty_support_owed ON duty_support(unit_id, deadline, duty_id, delivered_on, live)
	WHERE delivered_on IS NULL AND live = 1;
-- The supporting units of each duty open or submitted, for the CSV of the
-- city's open duties (migration 23): a few pages, not one of the table
-- per duty listed.
CREATE INDEX duty_support_live_duty ON duty_support(duty_id, unit_id, live)
	WHERE live = 1;
-- The report's parts, unit by unit: those that may count in a period are
-- one range (migration 16), read from this index alone.
CREATE INDEX duty_support_report ON duty_support(unit_id,
	(ifnull(duty_done_on, '9999-12-31')), delivered_on, duty_original_deadline,
	duty_created_at, duty_done_on, duty_cancelled_on);

-- live follows the duty's status (roviec verify checks it does).
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

-- deadline follows the duty's (roviec verify checks it does).
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

-- duty_created_at, duty_original_deadline, duty_done_on and
-- duty_cancelled_on follow the duty's (roviec verify checks they do).
CREATE TRIGGER duty_support_duty
AFTER UPDATE OF created_at, original_deadline, done_on, status, closed_on ON duties
WHEN NEW.created_at IS NOT OLD.created_at
	OR NEW.original_deadline IS NOT OLD.original_deadline
	OR NEW.done_on IS NOT OLD.done_on
	OR (CASE WHEN NEW.status = 'cancelled' THEN NEW.closed_on END)
	IS NOT (CASE WHEN OLD.status = 'cancelled' THEN OLD.closed_on END)
BEGIN
	UPDATE duty_support SET duty_created_at = NEW.created_at,
		duty_original_deadline = NEW.original_deadline, duty_done_on = NEW.done_on,
		duty_cancelled_on = CASE WHEN NEW.status = 'cancelled' THEN NEW.closed_on END
		WHERE duty_id = NEW.id;
END;

CREATE TRIGGER duty_support_duty_insert
AFTER INSERT ON duty_support
WHEN NOT EXISTS (SELECT 1 FROM duties d WHERE d.id = NEW.duty_id
	AND d.created_at IS NEW.duty_created_at
	AND d.original_deadline IS NEW.duty_original_deadline
	AND d.done_on IS NEW.duty_done_on
	AND (CASE WHEN d.status = 'cancelled' THEN d.closed_on END) IS NEW.duty_cancelled_on)
BEGIN
	UPDATE duty_support SET (duty_created_at, duty_original_deadline, duty_done_on,
		duty_cancelled_on) = (SELECT d.created_at, d.original_deadline, d.done_on,
		CASE WHEN d.status = 'cancelled' THEN d.closed_on END
		FROM duties d WHERE d.id = NEW.duty_id)
		WHERE duty_id = NEW.duty_id AND unit_id = NEW.unit_id;
END;

CREATE TRIGGER duty_support_not_lead_insert
BEFORE INSERT ON duty_support
WHEN NEW.unit_id = (SELECT lead_unit_id FROM duties WHERE id = NEW.duty_id)
BEGIN
	SELECT RAISE(ABORT, 'the lead unit cannot also be a supporting unit');
END;

CREATE TRIGGER duty_support_not_lead_update
BEFORE UPDATE ON duty_support
WHEN NEW.unit_id = (SELECT lead_unit_id FROM duties WHERE id = NEW.duty_id)
BEGIN
	SELECT RAISE(ABORT, 'the lead unit cannot also be a supporting unit');
END;

-- The supporting units' parts of duties done, made by then, not cancelled,
-- delivered by the day done or not at all, added up by unit and that day,
-- then by month, for the report (migration 25): what these count, every report
-- whose period holds the day counts the same way.  Kept by the triggers
-- below; roviec verify counts them again.
CREATE TABLE report_support_days (
	unit_id   INTEGER NOT NULL REFERENCES units(id),
	day       TEXT NOT NULL,	-- the duty's done_on
	parts     INTEGER NOT NULL CHECK (parts > 0),
	delivered INTEGER NOT NULL,
	in_time   INTEGER NOT NULL,	-- delivered by the original deadline
	days      INTEGER NOT NULL,	-- to deliver, added up
	days_of   INTEGER NOT NULL,	-- the parts delivered whose days are known
	PRIMARY KEY (unit_id, day)
) WITHOUT ROWID;

CREATE TABLE report_support_months (
	unit_id   INTEGER NOT NULL REFERENCES units(id),
	month     TEXT NOT NULL,
	parts     INTEGER NOT NULL CHECK (parts > 0),
	delivered INTEGER NOT NULL,
	in_time   INTEGER NOT NULL,
	days      INTEGER NOT NULL,
	days_of   INTEGER NOT NULL,
	PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;

-- The parts of duties done that are not kept, read one by one.  A query
-- must say this WHERE word for word to read it.
CREATE INDEX duty_support_unkept ON duty_support(unit_id, duty_done_on, delivered_on,
	duty_original_deadline, duty_created_at, duty_cancelled_on)
	WHERE duty_done_on IS NOT NULL
	AND (duty_cancelled_on IS NOT NULL OR delivered_on > duty_done_on
	OR duty_created_at >= duty_done_on || 'T10:00:00Z');

-- A part into the figures: at insert (roviec inserts a part without its
-- duty's columns, which duty_support_duty_insert then sets: an update).
CREATE TRIGGER report_support_days_insert
AFTER INSERT ON duty_support
WHEN NEW.duty_done_on IS NOT NULL AND NEW.duty_cancelled_on IS NULL
	AND (NEW.delivered_on IS NULL OR NEW.delivered_on <= NEW.duty_done_on)
	AND NEW.duty_created_at < NEW.duty_done_on || 'T10:00:00Z'
BEGIN
	INSERT INTO report_support_days (unit_id, day, parts, delivered, in_time, days, days_of)
		VALUES (NEW.unit_id, NEW.duty_done_on, 1, NEW.delivered_on IS NOT NULL,
		ifnull(NEW.delivered_on <= NEW.duty_original_deadline, 0),
		ifnull(CAST(julianday(NEW.delivered_on)
		- julianday(date(NEW.duty_created_at, 'localtime')) AS INTEGER), 0),
		julianday(NEW.delivered_on)
		- julianday(date(NEW.duty_created_at, 'localtime')) IS NOT NULL)
		ON CONFLICT DO UPDATE SET parts = parts + 1,
		delivered = delivered + excluded.delivered, in_time = in_time + excluded.in_time,
		days = days + excluded.days, days_of = days_of + excluded.days_of;
END;

-- A part out of them (parts are taken away when the supporting units are
-- replaced, or an undo puts them back): the last one out takes the row.
CREATE TRIGGER report_support_days_delete
AFTER DELETE ON duty_support
WHEN OLD.duty_done_on IS NOT NULL AND OLD.duty_cancelled_on IS NULL
	AND (OLD.delivered_on IS NULL OR OLD.delivered_on <= OLD.duty_done_on)
	AND OLD.duty_created_at < OLD.duty_done_on || 'T10:00:00Z'
BEGIN
	DELETE FROM report_support_days WHERE unit_id = OLD.unit_id
		AND day = OLD.duty_done_on AND parts = 1;
	UPDATE report_support_days SET parts = parts - 1,
		delivered = delivered - (OLD.delivered_on IS NOT NULL),
		in_time = in_time - ifnull(OLD.delivered_on <= OLD.duty_original_deadline, 0),
		days = days - ifnull(CAST(julianday(OLD.delivered_on)
		- julianday(date(OLD.duty_created_at, 'localtime')) AS INTEGER), 0),
		days_of = days_of - (julianday(OLD.delivered_on)
		- julianday(date(OLD.duty_created_at, 'localtime')) IS NOT NULL)
		WHERE unit_id = OLD.unit_id AND day = OLD.duty_done_on AND parts > 1;
END;

-- A change of what the figures count by: the part's old count out, its
-- new one in.
CREATE TRIGGER report_support_days_update
AFTER UPDATE OF unit_id, delivered_on, duty_created_at, duty_original_deadline,
	duty_done_on, duty_cancelled_on ON duty_support
WHEN (OLD.duty_done_on IS NOT NULL AND OLD.duty_cancelled_on IS NULL
	AND (OLD.delivered_on IS NULL OR OLD.delivered_on <= OLD.duty_done_on)
	AND OLD.duty_created_at < OLD.duty_done_on || 'T10:00:00Z')
	OR (NEW.duty_done_on IS NOT NULL AND NEW.duty_cancelled_on IS NULL
	AND (NEW.delivered_on IS NULL OR NEW.delivered_on <= NEW.duty_done_on)
	AND NEW.duty_created_at < NEW.duty_done_on || 'T10:00:00Z')
BEGIN
	DELETE FROM report_support_days WHERE OLD.duty_done_on IS NOT NULL
		AND OLD.duty_cancelled_on IS NULL
		AND (OLD.delivered_on IS NULL OR OLD.delivered_on <= OLD.duty_done_on)
		AND OLD.duty_created_at < OLD.duty_done_on || 'T10:00:00Z'
		AND unit_id = OLD.unit_id AND day = OLD.duty_done_on AND parts = 1;
	UPDATE report_support_days SET parts = parts - 1,
		delivered = delivered - (OLD.delivered_on IS NOT NULL),
		in_time = in_time - ifnull(OLD.delivered_on <= OLD.duty_original_deadline, 0),
		days = days - ifnull(CAST(julianday(OLD.delivered_on)
		- julianday(date(OLD.duty_created_at, 'localtime')) AS INTEGER), 0),
		days_of = days_of - (julianday(OLD.delivered_on)
		- julianday(date(OLD.duty_created_at, 'localtime')) IS NOT NULL)
		WHERE OLD.duty_done_on IS NOT NULL AND OLD.duty_cancelled_on IS NULL
		AND (OLD.delivered_on IS NULL OR OLD.delivered_on <= OLD.duty_done_on)
		AND OLD.duty_created_at < OLD.duty_done_on || 'T10:00:00Z'
		AND unit_id = OLD.unit_id AND day = OLD.duty_done_on AND parts > 1;
	INSERT INTO report_support_days (unit_id, day, parts, delivered, in_time, days, days_of)
		SELECT NEW.unit_id, NEW.duty_done_on, 1, NEW.delivered_on IS NOT NULL,
		ifnull(NEW.delivered_on <= NEW.duty_original_deadline, 0),
		ifnull(CAST(julianday(NEW.delivered_on)
		- julianday(date(NEW.duty_created_at, 'localtime')) AS INTEGER), 0),
		julianday(NEW.delivered_on)
		- julianday(date(NEW.duty_created_at, 'localtime')) IS NOT NULL
		WHERE NEW.duty_done_on IS NOT NULL AND NEW.duty_cancelled_on IS NULL
		AND (NEW.delivered_on IS NULL OR NEW.delivered_on <= NEW.duty_done_on)
		AND NEW.duty_created_at < NEW.duty_done_on || 'T10:00:00Z'
		ON CONFLICT DO UPDATE SET parts = parts + 1,
		delivered = delivered + excluded.delivered, in_time = in_time + excluded.in_time,
		days = days + excluded.days, days_of = days_of + excluded.days_of;
END;

-- The months follow the days, as report_done_months follows
-- report_done_days (migration 20).
CREATE TRIGGER report_support_months_insert
AFTER INSERT ON report_support_days
BEGIN
	INSERT INTO report_support_months (unit_id, month, parts, delivered, in_time, days,
		days_of)
		VALUES (NEW.unit_id, substr(NEW.day, 1, 7), NEW.parts, NEW.delivered,
		NEW.in_time, NEW.days, NEW.days_of)
		ON CONFLICT DO UPDATE SET parts = parts + excluded.parts,
		delivered = delivered + excluded.delivered, in_time = in_time + excluded.in_time,
		days = days + excluded.days, days_of = days_of + excluded.days_of;
END;

CREATE TRIGGER report_support_months_delete
AFTER DELETE ON report_support_days
BEGIN
	DELETE FROM report_support_months WHERE unit_id = OLD.unit_id
		AND month = substr(OLD.day, 1, 7) AND parts = OLD.parts;
	UPDATE report_support_months SET parts = parts - OLD.parts,
		delivered = delivered - OLD.delivered, in_time = in_time - OLD.in_time,
		days = days - OLD.days, days_of = days_of - OLD.days_of
		WHERE unit_id = OLD.unit_id AND month = substr(OLD.day, 1, 7)
		AND parts > OLD.parts;
END;

CREATE TRIGGER report_support_months_update
AFTER UPDATE ON report_support_days
BEGIN
	DELETE FROM report_support_months WHERE unit_id = OLD.unit_id
		AND month = substr(OLD.day, 1, 7) AND parts = OLD.parts;
	UPDATE report_support_months SET parts = parts - OLD.parts,
		delivered = delivered - OLD.delivered, in_time = in_time - OLD.in_time,
		days = days - OLD.days, days_of = days_of - OLD.days_of
		WHERE unit_id = OLD.unit_id AND month = substr(OLD.day, 1, 7)
		AND parts > OLD.parts;
	INSERT INTO report_support_months (unit_id, month, parts, delivered, in_time, days,
		days_of)
		VALUES (NEW.unit_id, substr(NEW.day, 1, 7), NEW.parts, NEW.delivered,
		NEW.in_time, NEW.days, NEW.days_of)
		ON CONFLICT DO UPDATE SET parts = parts + excluded.parts,
		delivered = delivered + excluded.delivered, in_time = in_time + excluded.in_time,
		days = days + excluded.days, days_of = days_of + excluded.days_of;
END;

-- The supporting units' parts of duties not done (nor cancelled), added
-- up by unit and month of the original deadline, for a report taken at
-- today (migration 27).  Kept by the triggers below; roviec verify counts
-- them again.
CREATE TABLE report_support_open (
	unit_id     INTEGER NOT NULL REFERENCES units(id),
	month       TEXT NOT NULL,	-- of the duty's original deadline
	parts       INTEGER NOT NULL CHECK (parts > 0),
	delivered   INTEGER NOT NULL,
	in_time     INTEGER NOT NULL,
	days        INTEGER NOT NULL,
	days_of     INTEGER NOT NULL,
	undelivered INTEGER NOT NULL,
	PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;

CREATE INDEX duty_support_cancelled ON duty_support(duty_cancelled_on)
	WHERE duty_cancelled_on IS NOT NULL;

-- A part into the figures (a part roviec inserts has its duty's columns
-- set just after, by duty_support_duty_insert: an update).
CREATE TRIGGER report_support_open_insert
AFTER INSERT ON duty_support
WHEN NEW.duty_original_deadline IS NOT NULL AND NEW.duty_done_on IS NULL
	AND NEW.duty_cancelled_on IS NULL
BEGIN
	INSERT INTO report_support_open (unit_id, month, parts, delivered, in_time, days,
		days_of, undelivered)
		VALUES (NEW.unit_id, substr(NEW.duty_original_deadline, 1, 7), 1,
		NEW.delivered_on IS NOT NULL,
		ifnull(NEW.delivered_on <= NEW.duty_original_deadline, 0),
		ifnull(CAST(julianday(NEW.delivered_on)
		- julianday(date(NEW.duty_created_at, 'localtime')) AS INTEGER), 0),
		julianday(NEW.delivered_on)
		- julianday(date(NEW.duty_created_at, 'localtime')) IS NOT NULL,
		NEW.delivered_on IS NULL)
		ON CONFLICT DO UPDATE SET parts = parts + 1,
		delivered = delivered + excluded.delivered, in_time = in_time + excluded.in_time,
		days = days + excluded.days, days_of = days_of + excluded.days_of,
		undelivered = undelivered + excluded.undelivered;
END;

-- A part out of them: the last one out takes the row.
CREATE TRIGGER report_support_open_delete
AFTER DELETE ON duty_support
WHEN OLD.duty_original_deadline IS NOT NULL AND OLD.duty_done_on IS NULL
	AND OLD.duty_cancelled_on IS NULL
BEGIN
	DELETE FROM report_support_open WHERE unit_id = OLD.unit_id
		AND month = substr(OLD.duty_original_deadline, 1, 7) AND parts = 1;
	UPDATE report_support_open SET parts = parts - 1,
		delivered = delivered - (OLD.delivered_on IS NOT NULL),
		in_time = in_time - ifnull(OLD.delivered_on <= OLD.duty_original_deadline, 0),
		days = days - ifnull(CAST(julianday(OLD.delivered_on)
		- julianday(date(OLD.duty_created_at, 'localtime')) AS INTEGER), 0),
		days_of = days_of - (julianday(OLD.delivered_on)
		- julianday(date(OLD.duty_created_at, 'localtime')) IS NOT NULL),
		undelivered = undelivered - (OLD.delivered_on IS NULL)
		WHERE unit_id = OLD.unit_id
		AND month = substr(OLD.duty_original_deadline, 1, 7) AND parts > 1;
END;

-- A change of what the figures count by: the part's old count out, its
-- new one in.
CREATE TRIGGER report_support_open_update
AFTER UPDATE OF unit_id, delivered_on, duty_created_at, duty_original_deadline,
	duty_done_on, duty_cancelled_on ON duty_support
WHEN (OLD.duty_original_deadline IS NOT NULL AND OLD.duty_done_on IS NULL
	AND OLD.duty_cancelled_on IS NULL)
	OR (NEW.duty_original_deadline IS NOT NULL AND NEW.duty_done_on IS NULL
	AND NEW.duty_cancelled_on IS NULL)
BEGIN
	DELETE FROM report_support_open WHERE OLD.duty_original_deadline IS NOT NULL
		AND OLD.duty_done_on IS NULL AND OLD.duty_cancelled_on IS NULL
		AND unit_id = OLD.unit_id
		AND month = substr(OLD.duty_original_deadline, 1, 7) AND parts = 1;
	UPDATE report_support_open SET parts = parts - 1,
		delivered = delivered - (OLD.delivered_on IS NOT NULL),
		in_time = in_time - ifnull(OLD.delivered_on <= OLD.duty_original_deadline, 0),
		days = days - ifnull(CAST(julianday(OLD.delivered_on)
		- julianday(date(OLD.duty_created_at, 'localtime')) AS INTEGER), 0),
		days_of = days_of - (julianday(OLD.delivered_on)
		- julianday(date(OLD.duty_created_at, 'localtime')) IS NOT NULL),
		undelivered = undelivered - (OLD.delivered_on IS NULL)
		WHERE OLD.duty_original_deadline IS NOT NULL AND OLD.duty_done_on IS NULL
		AND OLD.duty_cancelled_on IS NULL AND unit_id = OLD.unit_id
		AND month = substr(OLD.duty_original_deadline, 1, 7) AND parts > 1;
	INSERT INTO report_support_open (unit_id, month, parts, delivered, in_time, days,
		days_of, undelivered)
		SELECT NEW.unit_id, substr(NEW.duty_original_deadline, 1, 7), 1,
		NEW.delivered_on IS NOT NULL,
		ifnull(NEW.delivered_on <= NEW.duty_original_deadline, 0),
		ifnull(CAST(julianday(NEW.delivered_on)
		- julianday(date(NEW.duty_created_at, 'localtime')) AS INTEGER), 0),
		julianday(NEW.delivered_on)
		- julianday(date(NEW.duty_created_at, 'localtime')) IS NOT NULL,
		NEW.delivered_on IS NULL
		WHERE NEW.duty_original_deadline IS NOT NULL AND NEW.duty_done_on IS NULL
		AND NEW.duty_cancelled_on IS NULL
		ON CONFLICT DO UPDATE SET parts = parts + 1,
		delivered = delivered + excluded.delivered, in_time = in_time + excluded.in_time,
		days = days + excluded.days, days_of = days_of + excluded.days_of,
		undelivered = undelivered + excluded.undelivered;
END;

-- Handoff proposals: transfer (sideways), escalate (to the parent unit),
-- return (to the assigner).  The current owner stays accountable until the
-- receiving unit answers.
CREATE TABLE handoffs (
	id            INTEGER PRIMARY KEY,
	duty_id       INTEGER NOT NULL REFERENCES duties(id),
	kind          TEXT NOT NULL CHECK (kind IN ('transfer', 'escalate', 'return')),
	from_unit_id  INTEGER NOT NULL REFERENCES units(id),
	to_unit_id    INTEGER NOT NULL REFERENCES units(id),
	proposed_by   INTEGER NOT NULL REFERENCES people(id),
	reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
	created_at    TEXT NOT NULL,
	created_on    TEXT NOT NULL CHECK (date(julianday(created_on)) IS created_on),
	state         TEXT NOT NULL DEFAULT 'pending'
	              CHECK (state IN ('pending', 'accepted', 'rejected', 'withdrawn')),
	answered_by   INTEGER REFERENCES people(id),
	answered_at   TEXT,
	answer_reason TEXT CHECK (answer_reason IS NULL OR length(answer_reason) <= 4000),
	new_owner_id  INTEGER REFERENCES people(id),
	CHECK (to_unit_id <> from_unit_id),
	CHECK ((state = 'pending') = (answered_at IS NULL)),
	CHECK (state <> 'rejected' OR length(answer_reason) >= 1),
	CHECK (state <> 'accepted' OR new_owner_id IS NOT NULL)
);
CREATE UNIQUE INDEX handoffs_one_pending ON handoffs(duty_id) WHERE state = 'pending';
CREATE INDEX handoffs_to_pending ON handoffs(to_unit_id) WHERE state = 'pending';
-- The proposals waiting, by kind (migration 24): what waits for an
-- assigner (the brief, the board) holds the duties returned to them, a few
-- of the city's waiting proposals, read from here alone, not each row.
CREATE INDEX handoffs_pending_kind ON handoffs(kind, duty_id, state)
	WHERE state = 'pending';
CREATE INDEX handoffs_duty ON handoffs(duty_id);
-- A period's handoffs, read from this index alone (migration 17).
CREATE INDEX handoffs_created ON handoffs(created_on, from_unit_id, to_unit_id,
	proposed_by, kind, state);
-- Each unit's escalations and returns in a period, two ranges counted by
-- the report (migration 18).
CREATE INDEX handoffs_from ON handoffs(from_unit_id, kind, created_on);
-- Each person's escalations and returns proposed, by day, for a report by
-- person (migration 22).
CREATE INDEX handoffs_proposer ON handoffs(proposed_by, kind, created_on);

CREATE TRIGGER handoffs_only_open
BEFORE INSERT ON handoffs
WHEN (SELECT status FROM duties WHERE id = NEW.duty_id) IS NOT 'open'
BEGIN
	SELECT RAISE(ABORT, 'only an open duty can be handed off');
END;

CREATE TRIGGER handoffs_answer_once
BEFORE UPDATE ON handoffs
WHEN OLD.state <> 'pending'
BEGIN
	SELECT RAISE(ABORT, 'a handoff proposal is answered only once');
END;

CREATE TRIGGER handoffs_no_delete
BEFORE DELETE ON handoffs
BEGIN
	SELECT RAISE(ABORT, 'handoff proposals are never deleted');
END;

-- Progress notes.
CREATE TABLE progress_notes (
	id        INTEGER PRIMARY KEY,
	duty_id   INTEGER NOT NULL REFERENCES duties(id),
	person_id INTEGER NOT NULL REFERENCES people(id),
	unit_id   INTEGER REFERENCES units(id),
	at        TEXT NOT NULL,
	note      TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 4000)
);
CREATE INDEX progress_notes_duty ON progress_notes(duty_id);

CREATE TRIGGER progress_notes_append_only_update
BEFORE UPDATE ON progress_notes
BEGIN
	SELECT RAISE(ABORT, 'progress notes cannot be changed');
END;

CREATE TRIGGER progress_notes_append_only_delete
BEFORE DELETE ON progress_notes
BEGIN
	SELECT RAISE(ABORT, 'progress notes cannot be deleted');
END;

-- Extension requests, answered by the assigner.
CREATE TABLE extensions (
	id            INTEGER PRIMARY KEY,
	duty_id       INTEGER NOT NULL REFERENCES duties(id),
	requested_by  INTEGER NOT NULL REFERENCES people(id),
	old_deadline  TEXT NOT NULL CHECK (date(julianday(old_deadline)) IS old_deadline),
	new_deadline  TEXT NOT NULL CHECK (date(julianday(new_deadline)) IS new_deadline),
	reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
	created_at    TEXT NOT NULL,
	state         TEXT NOT NULL DEFAULT 'pending'
	              CHECK (state IN ('pending', 'approved', 'refused', 'withdrawn')),
	answered_by   INTEGER REFERENCES people(id),
	answered_at   TEXT,
	answer_reason TEXT CHECK (answer_reason IS NULL OR length(answer_reason) <= 4000),
	-- the duty's lead unit, kept by the triggers below (migration 18): a
	-- unit's requests of a period are one range of extensions_lead
	lead_unit_id  INTEGER REFERENCES units(id),
	CHECK (new_deadline > old_deadline),
	CHECK ((state = 'pending') = (answered_at IS NULL)),
	CHECK (state <> 'refused' OR length(answer_reason) >= 1)
);
CREATE UNIQUE INDEX extensions_one_pending ON extensions(duty_id) WHERE state = 'pending';
CREATE INDEX extensions_duty ON extensions(duty_id);
-- A period's extension requests, read from this index alone (migration 17).
CREATE INDEX extensions_created ON extensions(created_at, duty_id, requested_by, state,
	old_deadline, new_deadline);
-- Each person's requests by moment, for a report by person (migration 22).
CREATE INDEX extensions_requester ON extensions(requested_by, created_at, state,
	old_deadline, new_deadline);
-- The report's requests by the duty's lead unit (migration 18).
CREATE INDEX extensions_lead ON extensions(lead_unit_id, created_at, state,
	old_deadline, new_deadline);

-- An answered request is never changed again, but for the copy of its
-- duty's lead unit (migration 18).
CREATE TRIGGER extensions_answer_once
BEFORE UPDATE ON extensions
WHEN OLD.state <> 'pending' AND (NEW.id IS NOT OLD.id
	OR NEW.duty_id IS NOT OLD.duty_id OR NEW.requested_by IS NOT OLD.requested_by
	OR NEW.old_deadline IS NOT OLD.old_deadline
	OR NEW.new_deadline IS NOT OLD.new_deadline OR NEW.reason IS NOT OLD.reason
	OR NEW.created_at IS NOT OLD.created_at OR NEW.state IS NOT OLD.state
	OR NEW.answered_by IS NOT OLD.answered_by
	OR NEW.answered_at IS NOT OLD.answered_at
	OR NEW.answer_reason IS NOT OLD.answer_reason)
BEGIN
	SELECT RAISE(ABORT, 'an extension request is answered only once');
END;

-- lead_unit_id follows the duty's (roviec verify checks it does).
CREATE TRIGGER extensions_lead_insert
AFTER INSERT ON extensions
WHEN NEW.lead_unit_id IS NOT (SELECT d.lead_unit_id FROM duties d WHERE d.id = NEW.duty_id)
BEGIN
	UPDATE extensions SET lead_unit_id = (SELECT d.lead_unit_id FROM duties d
		WHERE d.id = NEW.duty_id) WHERE id = NEW.id;
END;

CREATE TRIGGER extensions_lead_duty
AFTER UPDATE OF lead_unit_id ON duties
WHEN NEW.lead_unit_id IS NOT OLD.lead_unit_id
BEGIN
	UPDATE extensions SET lead_unit_id = NEW.lead_unit_id WHERE duty_id = NEW.id;
END;

CREATE TRIGGER extensions_no_delete
BEFORE DELETE ON extensions
BEGIN
	SELECT RAISE(ABORT, 'extension requests are never deleted');
END;

-- A period's escalations and returns by the unit that proposed them and
-- the day made, then by month; its extension requests by their duty's
-- lead unit and the UTC day asked, then by month (migration 26).  Kept by
-- the triggers below; roviec verify counts them again.
CREATE TABLE report_handoff_days (
	unit_id INTEGER NOT NULL REFERENCES units(id),	-- that proposed it
	kind    TEXT NOT NULL,	-- 'escalate' or 'return'
	day     TEXT NOT NULL,	-- created_on
	n       INTEGER NOT NULL CHECK (n > 0),
	PRIMARY KEY (unit_id, day, kind)
) WITHOUT ROWID;

CREATE TABLE report_handoff_months (
	unit_id INTEGER NOT NULL REFERENCES units(id),
	kind    TEXT NOT NULL,
	month   TEXT NOT NULL,
	n       INTEGER NOT NULL CHECK (n > 0),
	PRIMARY KEY (unit_id, month, kind)
) WITHOUT ROWID;

CREATE TABLE report_extension_days (
	unit_id    INTEGER NOT NULL REFERENCES units(id),	-- the duty's lead unit
	day        TEXT NOT NULL,	-- of created_at, in UTC
	n          INTEGER NOT NULL CHECK (n > 0),
	days_added INTEGER NOT NULL,	-- by those approved
	PRIMARY KEY (unit_id, day)
) WITHOUT ROWID;

CREATE TABLE report_extension_months (
	unit_id    INTEGER NOT NULL REFERENCES units(id),
	month      TEXT NOT NULL,
	n          INTEGER NOT NULL CHECK (n > 0),
	days_added INTEGER NOT NULL,
	PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;

CREATE TRIGGER report_handoff_days_insert
AFTER INSERT ON handoffs
WHEN NEW.kind IN ('escalate', 'return')
BEGIN
	INSERT INTO report_handoff_days (unit_id, kind, day, n)
		VALUES (NEW.from_unit_id, NEW.kind, NEW.created_on, 1)
		ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- What a proposal counts by, changed by hand while it waits: its old count
-- out (the last one out takes the row), its new one in.
CREATE TRIGGER report_handoff_days_update
AFTER UPDATE OF from_unit_id, kind, created_on ON handoffs
WHEN OLD.kind IN ('escalate', 'return') OR NEW.kind IN ('escalate', 'return')
BEGIN
	DELETE FROM report_handoff_days WHERE OLD.kind IN ('escalate', 'return')
		AND unit_id = OLD.from_unit_id AND kind = OLD.kind AND day = OLD.created_on
		AND n = 1;
	UPDATE report_handoff_days SET n = n - 1 WHERE OLD.kind IN ('escalate', 'return')
		AND unit_id = OLD.from_unit_id AND kind = OLD.kind AND day = OLD.created_on
		AND n > 1;
	INSERT INTO report_handoff_days (unit_id, kind, day, n)
		SELECT NEW.from_unit_id, NEW.kind, NEW.created_on, 1
		WHERE NEW.kind IN ('escalate', 'return')
		ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The months follow the days.
CREATE TRIGGER report_handoff_months_insert
AFTER INSERT ON report_handoff_days
BEGIN
	INSERT INTO report_handoff_months (unit_id, kind, month, n)
		VALUES (NEW.unit_id, NEW.kind, substr(NEW.day, 1, 7), NEW.n)
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_handoff_months_delete
AFTER DELETE ON report_handoff_days
BEGIN
	DELETE FROM report_handoff_months WHERE unit_id = OLD.unit_id AND kind = OLD.kind
		AND month = substr(OLD.day, 1, 7) AND n = OLD.n;
	UPDATE report_handoff_months SET n = n - OLD.n WHERE unit_id = OLD.unit_id
		AND kind = OLD.kind AND month = substr(OLD.day, 1, 7) AND n > OLD.n;
END;

CREATE TRIGGER report_handoff_months_update
AFTER UPDATE ON report_handoff_days
BEGIN
	DELETE FROM report_handoff_months WHERE unit_id = OLD.unit_id AND kind = OLD.kind
		AND month = substr(OLD.day, 1, 7) AND n = OLD.n;
	UPDATE report_handoff_months SET n = n - OLD.n WHERE unit_id = OLD.unit_id
		AND kind = OLD.kind AND month = substr(OLD.day, 1, 7) AND n > OLD.n;
	INSERT INTO report_handoff_months (unit_id, kind, month, n)
		VALUES (NEW.unit_id, NEW.kind, substr(NEW.day, 1, 7), NEW.n)
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- A request in (its lead unit is set just after, by extensions_lead_insert:
-- an update).
CREATE TRIGGER report_extension_days_insert
AFTER INSERT ON extensions
WHEN NEW.lead_unit_id IS NOT NULL
BEGIN
	INSERT INTO report_extension_days (unit_id, day, n, days_added)
		VALUES (NEW.lead_unit_id, substr(NEW.created_at, 1, 10), 1,
		CASE WHEN NEW.state = 'approved' THEN CAST(julianday(NEW.new_deadline)
		- julianday(NEW.old_deadline) AS INTEGER) ELSE 0 END)
		ON CONFLICT DO UPDATE SET n = n + 1, days_added = days_added + excluded.days_added;
END;

-- A request answered, its duty sent to another unit, or what it counts by
-- changed by hand: its old count out, its new one in.
CREATE TRIGGER report_extension_days_update
AFTER UPDATE OF lead_unit_id, created_at, state, old_deadline, new_deadline ON extensions
BEGIN
	DELETE FROM report_extension_days WHERE OLD.lead_unit_id IS NOT NULL
		AND unit_id = OLD.lead_unit_id AND day = substr(OLD.created_at, 1, 10) AND n = 1;
	UPDATE report_extension_days SET n = n - 1,
		days_added = days_added - CASE WHEN OLD.state = 'approved'
		THEN CAST(julianday(OLD.new_deadline) - julianday(OLD.old_deadline) AS INTEGER)
		ELSE 0 END
		WHERE OLD.lead_unit_id IS NOT NULL AND unit_id = OLD.lead_unit_id
		AND day = substr(OLD.created_at, 1, 10) AND n > 1;
	INSERT INTO report_extension_days (unit_id, day, n, days_added)
		SELECT NEW.lead_unit_id, substr(NEW.created_at, 1, 10), 1,
		CASE WHEN NEW.state = 'approved' THEN CAST(julianday(NEW.new_deadline)
		- julianday(NEW.old_deadline) AS INTEGER) ELSE 0 END
		WHERE NEW.lead_unit_id IS NOT NULL
		ON CONFLICT DO UPDATE SET n = n + 1, days_added = days_added + excluded.days_added;
END;

CREATE TRIGGER report_extension_months_insert
AFTER INSERT ON report_extension_days
BEGIN
	INSERT INTO report_extension_months (unit_id, month, n, days_added)
		VALUES (NEW.unit_id, substr(NEW.day, 1, 7), NEW.n, NEW.days_added)
		ON CONFLICT DO UPDATE SET n = n + excluded.n,
		days_added = days_added + excluded.days_added;
END;

CREATE TRIGGER report_extension_months_delete
AFTER DELETE ON report_extension_days
BEGIN
	DELETE FROM report_extension_months WHERE unit_id = OLD.unit_id
		AND month = substr(OLD.day, 1, 7) AND n = OLD.n;
	UPDATE report_extension_months SET n = n - OLD.n, days_added = days_added - OLD.days_added
		WHERE unit_id = OLD.unit_id AND month = substr(OLD.day, 1, 7) AND n > OLD.n;
END;

CREATE TRIGGER report_extension_months_update
AFTER UPDATE ON report_extension_days
BEGIN
	DELETE FROM report_extension_months WHERE unit_id = OLD.unit_id
		AND month = substr(OLD.day, 1, 7) AND n = OLD.n;
	UPDATE report_extension_months SET n = n - OLD.n, days_added = days_added - OLD.days_added
		WHERE unit_id = OLD.unit_id AND month = substr(OLD.day, 1, 7) AND n > OLD.n;
	INSERT INTO report_extension_months (unit_id, month, n, days_added)
		VALUES (NEW.unit_id, substr(NEW.day, 1, 7), NEW.n, NEW.days_added)
		ON CONFLICT DO UPDATE SET n = n + excluded.n,
		days_added = days_added + excluded.days_added;
END;

-- The history: who, when, what, why.  One row per change, appended in the
-- same transaction as the change; never updated, never deleted.  actor_id
-- is the person the action is recorded for; via_id the administrator who
-- acted for them with --as.  to_unit_id / to_owner_id are set whenever the
-- lead unit or the owner is set, so "has this unit held the duty before?"
-- is a look-up here.
--
-- hash (migration 2) chains the entries: SHA-256 over the entry's content
-- as the program sees it (the duty's uuid, logins, unit codes, text), its
-- id and the previous entry's hash, so that an entry changed, removed or
-- inserted behind the program's back breaks the chain (roviec verify).
-- The program writes it with the entry; it is written once.
--
-- data (migration 7) holds what the entry set that its columns do not say
-- (a duty's title, result and parts when it is made, the days and counters
-- an action sets, a person's role), as a JSON object (facts.h): roviec
-- verify replays the history and rebuilds from it every duty, person and
-- unit.  seal (migration 7) is HMAC-SHA256 of the entry's id and hash under
-- the ledger's key, a file only the program can read (roviec(5)): anyone
-- may compute a hash, only roviec a seal.
CREATE TABLE history (
	id            INTEGER PRIMARY KEY,
	duty_id       INTEGER REFERENCES duties(id),
	at            TEXT NOT NULL,
	actor_id      INTEGER NOT NULL REFERENCES people(id),
	via_id        INTEGER REFERENCES people(id),
	action        TEXT NOT NULL,
	from_unit_id  INTEGER REFERENCES units(id),
	to_unit_id    INTEGER REFERENCES units(id),
	from_owner_id INTEGER REFERENCES people(id),
	to_owner_id   INTEGER REFERENCES people(id),
	text          TEXT,
	detail        TEXT,
	hash          TEXT CHECK (hash IS NULL OR length(hash) = 64),
	data          TEXT CHECK (data IS NULL OR json_valid(data)),
	seal          TEXT CHECK (seal IS NULL OR length(seal) = 64)
);
CREATE INDEX history_duty ON history(duty_id, id);
-- The entries that gave a duty to a person, by moment: what is new to
-- them since they last looked (roviec brief; migration 14).
CREATE INDEX history_given ON history(to_owner_id, at, actor_id, duty_id)
	WHERE to_owner_id IS NOT NULL;

CREATE TRIGGER history_no_update
BEFORE UPDATE OF id, duty_id, at, actor_id, via_id, action, from_unit_id,
	to_unit_id, from_owner_id, to_owner_id, text, detail, data ON history
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

CREATE TRIGGER history_no_delete
BEFORE DELETE ON history
BEGIN
	SELECT RAISE(ABORT, 'the history is append-only: entries cannot be deleted');
END;

-- owner_since follows the history: every entry that names a duty's owner
-- (created, assigned, accepted, redirected) stamps it (migration 9).
CREATE TRIGGER history_owner_since
AFTER INSERT ON history
WHEN NEW.duty_id IS NOT NULL AND NEW.to_owner_id IS NOT NULL
BEGIN
	UPDATE duties SET owner_since = NEW.at WHERE id = NEW.duty_id;
END;

-- The general criteria (tiêu chí chung, up to 30 points) a head enters for
-- an official and a month or quarter, and for a head of a unit the share
-- for cohesion (năng lực tập hợp, đoàn kết: 100 or 50).  The last entry
-- stands; each is also a history entry (evaluation-set, with no duty),
-- which is the record of who entered what, when and why (migration 9).
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

-- The last number given in each reference prefix (a unit's code): P1-0042.
CREATE TABLE ref_counters (
	prefix TEXT PRIMARY KEY COLLATE NOCASE,
	last   INTEGER NOT NULL CHECK (last >= 0)
) WITHOUT ROWID;

-- A duty with what is derived from its related rows: the status shown to
-- people ("pending" while a handoff or an extension awaits an answer), the
-- day the older of the pending proposal and extension request was made
-- (for the "unanswered" flag; an extension's day is the local day of its
-- moment), the pending proposal's kind and receiving unit, and the deadline
-- a pending extension request asks for (migration 6).  There is at most one
-- of each pending (handoffs_one_pending, extensions_one_pending), so the
-- joins never repeat a duty; joined, not asked in subqueries, they are read
-- once per duty however often a query names shown_status (migration 3).
CREATE VIEW duties_shown AS
SELECT d.*,
       CASE WHEN d.status = 'open' AND (ph.id IS NOT NULL OR px.id IS NOT NULL)
            THEN 'pending' ELSE d.status END AS shown_status,
       CASE WHEN px.id IS NULL THEN ph.created_on
            ELSE min(ifnull(ph.created_on, '9999-12-31'),
                     date(px.created_at, 'localtime')) END AS pending_since,
       ph.kind AS pending_kind,
       ph.to_unit_id AS pending_to_unit_id,
       px.new_deadline AS extension_asked
FROM duties d
LEFT JOIN handoffs ph ON ph.duty_id = d.id AND ph.state = 'pending'
LEFT JOIN extensions px ON px.duty_id = d.id AND px.state = 'pending';

-- Migration 8 (issue #11): what each person last looked at, and what the
-- digest has mailed.
--
-- When each person last looked at what waits for them (opening the board,
-- or roviec brief run by hand: roviec(1), BRIEF), and the language they
-- looked in: the brief counts a duty as new when it came to them after
-- that moment, and roviec digest writes to them in that language.
CREATE TABLE people_seen (
	person_id INTEGER PRIMARY KEY REFERENCES people(id),
	looked_at TEXT NOT NULL,	-- UTC moment
	language  TEXT NOT NULL CHECK (language IN ('vi', 'en'))
);

-- What roviec digest has mailed, so that each thing is sent once: a
-- person's digest of a day (kind 'digest', duty_id 0, key the day), the
-- reminders before a deadline (at the due-soon threshold, and on the day:
-- key the deadline, so that an approved extension arms them again), and a
-- proposal or extension request left unanswered (key what and the day it
-- was made).  duty_id is 0 for a digest, so it names no row.
CREATE TABLE notices_sent (
	person_id INTEGER NOT NULL REFERENCES people(id),
	kind      TEXT NOT NULL
	          CHECK (kind IN ('digest', 'due-soon', 'due-today', 'unanswered')),
	duty_id   INTEGER NOT NULL,
	key       TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
	sent_at   TEXT NOT NULL,
	PRIMARY KEY (person_id, kind, duty_id, key)
) WITHOUT ROWID;

-- Recurring duties, corrections and undo (migration 11, issue #11).
-- A series makes a duty again every month, quarter or year: its rule (how
-- often, on which day of the period the deadline falls, or the period's
-- last day when day is NULL), who set it up, and the lead unit and owner
-- each new instance goes to.  The title, result, basis, field and
-- supporting units are the previous instance's (so a correction carries
-- on).  A series is stopped once, by its assigner, and never deleted.
CREATE TABLE series (
	id           INTEGER PRIMARY KEY,
	every        TEXT NOT NULL CHECK (every IN ('month', 'quarter', 'year')),
	day          INTEGER CHECK (day IS NULL OR day BETWEEN 1 AND 31),
	assigner_id  INTEGER NOT NULL REFERENCES people(id),
	lead_unit_id INTEGER NOT NULL REFERENCES units(id),
	owner_id     INTEGER NOT NULL REFERENCES people(id),
	created_at   TEXT NOT NULL,
	stopped_at   TEXT,
	stopped_by   INTEGER REFERENCES people(id),
	CHECK ((stopped_at IS NULL) = (stopped_by IS NULL))
);
-- roviec tick reads the series still running.
CREATE INDEX series_running ON series(id) WHERE stopped_at IS NULL;

CREATE TRIGGER series_rule_fixed
BEFORE UPDATE OF id, every, day, assigner_id, lead_unit_id, owner_id, created_at ON series
BEGIN
	SELECT RAISE(ABORT, 'a series keeps its rule: stop it and start another');
END;

CREATE TRIGGER series_stop_once
BEFORE UPDATE OF stopped_at, stopped_by ON series
WHEN OLD.stopped_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'a stopped series stays stopped');
END;

CREATE TRIGGER series_no_delete
BEFORE DELETE ON series
BEGIN
	SELECT RAISE(ABORT, 'a series is never deleted: stop it instead');
END;

-- Each instance of a series (duties.series_id, period) is the series' duty for one period: '2026-03'
-- (month), '2026-Q1' (quarter), '2026' (year).  One instance per series
-- and period, whoever makes it and however often roviec tick runs.
CREATE UNIQUE INDEX duties_series_period ON duties(series_id, period)
	WHERE series_id IS NOT NULL;

-- A duty joins its series as it is made (before its first history entry),
-- and stays in it, for that period.
CREATE TRIGGER duties_series_fixed
BEFORE UPDATE OF series_id, period ON duties
WHEN (NEW.series_id IS NULL) <> (NEW.period IS NULL)
  OR ((NEW.series_id IS NOT OLD.series_id OR NEW.period IS NOT OLD.period)
      AND (OLD.series_id IS NOT NULL
           OR EXISTS (SELECT 1 FROM history WHERE duty_id = NEW.id)))
BEGIN
	SELECT RAISE(ABORT, 'a duty''s place in its series never changes');
END;

-- What the duty held before the last action on it (a JSON object: its
-- texts, lead unit, owner, dates, counters and supporting units), and the
-- history entries that action wrote (first_id to last_id): what roviec
-- undo puts back, if that action is still the last one on the duty.  One
-- row per duty, replaced by each action.  Not part of the ledger: the
-- undo's own history entry records what it put back.
CREATE TABLE undo_points (
	duty_id  INTEGER PRIMARY KEY REFERENCES duties(id),
	first_id INTEGER NOT NULL REFERENCES history(id),
	last_id  INTEGER NOT NULL REFERENCES history(id),
	state    TEXT NOT NULL CHECK (json_valid(state)),
	CHECK (first_id <= last_id)
);
