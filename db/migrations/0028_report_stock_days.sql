-- 0028: a report counts this month's open stock, and the stock that moved
-- lately, by day (issue #15).
--
-- A report whose open stock is current (REPORT_STOCK) counted in indexes
-- the duties whose original deadline falls in its day's month (in time
-- or overdue by that day: at a million duties some 21,700) and those with
-- progress since the day that leaves a duty stalled (some 14,400): most of
-- the month's report that the board's city overview opens with.  These
-- tables hold how many of each unit's open stock (never done, never sent
-- back) have each original deadline, and each last day of progress, so
-- that a report adds up a month's days and the days since, not the
-- duties.  Kept by the triggers below in the transaction that changes the
-- duty, as report_stock_months is (migration 24); roviec verify counts
-- them again from the duties.  Whether the stock is current (none with a
-- last progress after the report's day) is read here too, so the indexes
-- of the stock by original deadline and by last progress (migration 18)
-- go.
CREATE TABLE report_stock_days (
	unit_id INTEGER NOT NULL REFERENCES units(id),
	day     TEXT NOT NULL,	-- the original deadline
	open    INTEGER NOT NULL CHECK (open > 0),
	PRIMARY KEY (unit_id, day)
) WITHOUT ROWID;
INSERT INTO report_stock_days (unit_id, day, open)
	SELECT lead_unit_id, original_deadline, count(*) FROM duties
	WHERE status = 'open' AND reopened = 0 AND done_on IS NULL
	GROUP BY lead_unit_id, original_deadline;

CREATE TABLE report_stock_progress (
	unit_id INTEGER NOT NULL REFERENCES units(id),
	day     TEXT NOT NULL,	-- the last day of progress
	open    INTEGER NOT NULL CHECK (open > 0),
	PRIMARY KEY (unit_id, day)
) WITHOUT ROWID;
INSERT INTO report_stock_progress (unit_id, day, open)
	SELECT lead_unit_id, last_progress_on, count(*) FROM duties
	WHERE status = 'open' AND reopened = 0 AND done_on IS NULL
	GROUP BY lead_unit_id, last_progress_on;

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

DROP INDEX duties_stock_due;
DROP INDEX duties_stock_progress;
