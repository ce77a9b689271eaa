-- 0024: a report counts its open stock by month; the proposals waiting
-- by kind (issue #15).
--
-- A report whose open stock is current (REPORT_STOCK) counted each unit's
-- stock (duties open, never done and never sent back) in the ranges of
-- migration 18's indexes: in time and overdue against the original
-- deadline, every open duty of the city stepped over, at a million duties
-- some 80,000 of them and most of the overview's report.  This table holds
-- how many each unit has by the month of the original deadline, so that
-- a report adds up the months before and after its day's and counts only
-- that month's duties in the index.  Kept by the triggers below in the
-- transaction that changes the duty (a duty sent to another unit takes its
-- count with it; original deadlines never change, and duties are never
-- deleted); roviec verify counts it again from the duties.
CREATE TABLE report_stock_months (
	unit_id INTEGER NOT NULL REFERENCES units(id),
	month   TEXT NOT NULL,	-- of the original deadline: "2026-12"
	open    INTEGER NOT NULL CHECK (open > 0),
	PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;
INSERT INTO report_stock_months (unit_id, month, open)
	SELECT lead_unit_id, substr(original_deadline, 1, 7), count(*) FROM duties
	WHERE status = 'open' AND reopened = 0 AND done_on IS NULL
	GROUP BY lead_unit_id, substr(original_deadline, 1, 7);

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

-- And the proposals waiting, by kind.  What waits for an assigner (the
-- brief, and the board as it opens) holds the duties returned to them: the
-- city's waiting returns were read from handoffs_to_pending and each of
-- its rows, every waiting proposal of the city (at a million duties 460
-- rows, 4 ms), for a few returns.
CREATE INDEX handoffs_pending_kind ON handoffs(kind, duty_id, state)
	WHERE state = 'pending';
