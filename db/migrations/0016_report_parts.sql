-- 0016: the report reads the period's supporting parts, not every part ever
-- given (issue #15).
--
-- A part counts in the report when its duty does: not done before the
-- period, made by its end, not cancelled by then.  Those columns of the
-- duty are now kept beside each part by the triggers below, as its
-- deadline is (migration 14), and duty_support_report holds them after the
-- unit and the last day a period may start on and still count the part,
-- so that each unit's parts that may count are one range of it, read
-- without the duty.  roviec verify checks them against the duty's.
ALTER TABLE duty_support ADD COLUMN duty_created_at TEXT;
ALTER TABLE duty_support ADD COLUMN duty_original_deadline TEXT;
ALTER TABLE duty_support ADD COLUMN duty_done_on TEXT;
ALTER TABLE duty_support ADD COLUMN duty_cancelled_on TEXT;
UPDATE duty_support SET (duty_created_at, duty_original_deadline, duty_done_on,
	duty_cancelled_on) = (SELECT d.created_at, d.original_deadline, d.done_on,
	CASE WHEN d.status = 'cancelled' THEN d.closed_on END
	FROM duties d WHERE d.id = duty_id);
CREATE INDEX duty_support_report ON duty_support(unit_id,
	(ifnull(duty_done_on, '9999-12-31')), delivered_on, duty_original_deadline,
	duty_created_at, duty_done_on, duty_cancelled_on);

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
