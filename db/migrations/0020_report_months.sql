-- 0020: a period's whole months of duties done added up by month (issue
-- #15).
--
-- A year's report added up a year of report_done_days (migration 17):
-- each unit's days, one row per day and number of handoffs, some 60,000
-- rows for a busy city.  report_done_months holds the same figures by
-- month, kept from report_done_days by the triggers below in the same
-- transaction (a day's row in, changed or out: its month's row follows),
-- so that a report adds up its whole months here and only the days of
-- its partial first and last months there.  roviec verify counts the
-- months again from the duties, as it counts the days.
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
INSERT INTO report_done_months (unit_id, month, handoffs, done, on_time, late, bounced)
	SELECT unit_id, substr(day, 1, 7), handoffs, sum(done), sum(on_time), sum(late),
	sum(bounced) FROM report_done_days GROUP BY unit_id, substr(day, 1, 7), handoffs;

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
