-- 0025: a report counts the supporting units' parts of duties done by day
-- and by month (issue #15).
--
-- A year's report read every part whose duty was done in the year or is
-- still open (duty_support_report, migration 16): at a million duties
-- some 110,000 index entries, most of a city's report.  A part of a duty
-- done on a day, made by then, not cancelled, and delivered by that day or
-- not at all, counts in every report whose period holds that day and
-- whose day is on or after it the same way: as a part, delivered or not,
-- in time or not, with so many days to deliver, owed by nobody.  Those are
-- kept here by the unit and the day the duty was done, then by month, by
-- the triggers below in the transaction that changes the part or its
-- duty; a report adds up the whole months and the days of its partial
-- first and last, and reads one by one only the rest: the parts of duties
-- open (or done after its day), and those of duties done and cancelled,
-- delivered after the duty was done, or made after 10:00 UTC of the day
-- done (duty_support_unkept: few).  "Made by then" is so stated without a
-- time zone: 10:00 UTC is before the local midnight that ends the day in
-- every zone (UTC+14 at the most), and a duty done on a day before it was
-- made (a clock set back) is not counted by a report of that day.  The days to
-- deliver are whole local days, from the day the duty was made (in the
-- configured time zone, as the report counts them) to the day delivered;
-- days_of counts the parts whose days are known.  roviec verify counts
-- both tables again from the parts.
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
INSERT INTO report_support_days (unit_id, day, parts, delivered, in_time, days, days_of)
	SELECT unit_id, duty_done_on, count(*), count(delivered_on),
	count(*) FILTER (WHERE delivered_on <= duty_original_deadline),
	ifnull(sum(CAST(julianday(delivered_on)
	- julianday(date(duty_created_at, 'localtime')) AS INTEGER)), 0),
	count(julianday(delivered_on) - julianday(date(duty_created_at, 'localtime')))
	FROM duty_support
	WHERE duty_done_on IS NOT NULL AND duty_cancelled_on IS NULL
	AND (delivered_on IS NULL OR delivered_on <= duty_done_on)
	AND duty_created_at < duty_done_on || 'T10:00:00Z'
	GROUP BY unit_id, duty_done_on;

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
INSERT INTO report_support_months (unit_id, month, parts, delivered, in_time, days, days_of)
	SELECT unit_id, substr(day, 1, 7), sum(parts), sum(delivered), sum(in_time),
	sum(days), sum(days_of)
	FROM report_support_days GROUP BY unit_id, substr(day, 1, 7);

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
