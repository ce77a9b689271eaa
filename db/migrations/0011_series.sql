-- 0011: recurring duties, corrections and undo (issue #11).
--
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

-- Each instance of a series is the series' duty for one period: '2026-03'
-- (month), '2026-Q1' (quarter), '2026' (year).  One instance per series
-- and period, whoever makes it and however often roviec tick runs.
ALTER TABLE duties ADD COLUMN series_id INTEGER REFERENCES series(id);
ALTER TABLE duties ADD COLUMN period TEXT
	CHECK (period IS NULL OR length(period) BETWEEN 4 AND 7);
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
