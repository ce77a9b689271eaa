-- 0027: a report taken at today counts the supporting parts of duties not
-- done by month of the original deadline (issue #15).
--
-- After migration 25 a year's report still read one by one the parts of
-- every duty not done: at a million duties some 17,000, a third of the
-- report.  A report taken at today, when nothing was made, done,
-- cancelled or delivered after today, counts each such part the same way
-- (as a part, delivered or not, in time or not, with so many days to
-- deliver, owed and overdue when not delivered and its original deadline
-- has passed), so they are kept here by unit and the month of the
-- original deadline: the report adds up the months, takes as overdue the
-- parts not delivered of the months before today's, and counts in
-- duty_support_report only today's month's.  Kept by the triggers below
-- in the transaction that changes the part or its duty; roviec verify
-- counts them again from the parts.  duty_support_cancelled finds the
-- last day a duty with parts was cancelled, which must not be after the
-- report's day.
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
INSERT INTO report_support_open (unit_id, month, parts, delivered, in_time, days, days_of,
	undelivered)
	SELECT unit_id, substr(duty_original_deadline, 1, 7), count(*), count(delivered_on),
	count(*) FILTER (WHERE delivered_on <= duty_original_deadline),
	ifnull(sum(CAST(julianday(delivered_on)
	- julianday(date(duty_created_at, 'localtime')) AS INTEGER)), 0),
	count(julianday(delivered_on) - julianday(date(duty_created_at, 'localtime'))),
	count(*) FILTER (WHERE delivered_on IS NULL)
	FROM duty_support
	WHERE duty_original_deadline IS NOT NULL AND duty_done_on IS NULL
	AND duty_cancelled_on IS NULL
	GROUP BY unit_id, substr(duty_original_deadline, 1, 7);

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
