-- 0026: a report counts a period's escalations, returns and extension
-- requests by day and month (issue #15).
--
-- A year's report counted each unit's escalations and returns of the
-- year in handoffs_from, and read each of its duties' extension requests
-- of the year in extensions_lead: at a million duties some 25,000 and
-- 13,000 index entries.  Both are now kept here by the triggers below, in
-- the transaction that writes the proposal or the request, by day and by
-- month, as the duties done are (migrations 17 and 20): a report adds up
-- its whole months and the days of its partial first and last months.
-- Proposals and requests are never deleted.  A proposal counts for the
-- unit that made it, on the day made (created_on).  A request counts for
-- its duty's lead unit (which follows the duty: migration 18) by its
-- moment made, and a period's moments run from a local midnight to a
-- local midnight: so requests are kept by the day and month of their
-- moment in UTC, which no time zone moves, and a report reads one by one
-- only those of the hours of its first and last days that are not a
-- whole UTC day inside it.  roviec verify counts them all again.
CREATE TABLE report_handoff_days (
	unit_id INTEGER NOT NULL REFERENCES units(id),	-- that proposed it
	kind    TEXT NOT NULL,	-- 'escalate' or 'return'
	day     TEXT NOT NULL,	-- created_on
	n       INTEGER NOT NULL CHECK (n > 0),
	PRIMARY KEY (unit_id, day, kind)
) WITHOUT ROWID;
INSERT INTO report_handoff_days (unit_id, kind, day, n)
	SELECT from_unit_id, kind, created_on, count(*) FROM handoffs
	WHERE kind IN ('escalate', 'return') GROUP BY from_unit_id, kind, created_on;

CREATE TABLE report_handoff_months (
	unit_id INTEGER NOT NULL REFERENCES units(id),
	kind    TEXT NOT NULL,
	month   TEXT NOT NULL,
	n       INTEGER NOT NULL CHECK (n > 0),
	PRIMARY KEY (unit_id, month, kind)
) WITHOUT ROWID;
INSERT INTO report_handoff_months (unit_id, kind, month, n)
	SELECT unit_id, kind, substr(day, 1, 7), sum(n) FROM report_handoff_days
	GROUP BY unit_id, kind, substr(day, 1, 7);

CREATE TABLE report_extension_days (
	unit_id    INTEGER NOT NULL REFERENCES units(id),	-- the duty's lead unit
	day        TEXT NOT NULL,	-- of created_at, in UTC
	n          INTEGER NOT NULL CHECK (n > 0),
	days_added INTEGER NOT NULL,	-- by those approved
	PRIMARY KEY (unit_id, day)
) WITHOUT ROWID;
INSERT INTO report_extension_days (unit_id, day, n, days_added)
	SELECT lead_unit_id, substr(created_at, 1, 10), count(*),
	sum(CASE WHEN state = 'approved' THEN CAST(julianday(new_deadline)
	- julianday(old_deadline) AS INTEGER) ELSE 0 END)
	FROM extensions WHERE lead_unit_id IS NOT NULL
	GROUP BY lead_unit_id, substr(created_at, 1, 10);

CREATE TABLE report_extension_months (
	unit_id    INTEGER NOT NULL REFERENCES units(id),
	month      TEXT NOT NULL,
	n          INTEGER NOT NULL CHECK (n > 0),
	days_added INTEGER NOT NULL,
	PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;
INSERT INTO report_extension_months (unit_id, month, n, days_added)
	SELECT unit_id, substr(day, 1, 7), sum(n), sum(days_added) FROM report_extension_days
	GROUP BY unit_id, substr(day, 1, 7);

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
