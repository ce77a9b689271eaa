-- 0018: the report counts the open stock, not reads it (issue #15).
--
-- A report taken as of today counts every duty still open (never done,
-- never sent back) in each unit: how many, how many past their original
-- deadline, stalled, tossed, bounced.  Read one by one from duties_report
-- that was 79,000 rows at a million duties, most of the report's time.
-- Each of these partial indexes holds only the open stock, in each unit's
-- order of the one column a figure compares, so each figure is one range
-- counted (roviec(5), REPORT).  duties_sent_back is the rest of what a
-- report as of today reads one by one: the duties sent back once.
CREATE INDEX duties_stock_due ON duties(lead_unit_id, original_deadline)
	WHERE status = 'open' AND reopened = 0 AND done_on IS NULL;
CREATE INDEX duties_stock_progress ON duties(lead_unit_id, last_progress_on)
	WHERE status = 'open' AND reopened = 0 AND done_on IS NULL;
CREATE INDEX duties_stock_handoffs ON duties(lead_unit_id, handoffs)
	WHERE status = 'open' AND reopened = 0 AND done_on IS NULL;
CREATE INDEX duties_stock_bounced ON duties(lead_unit_id, bounced)
	WHERE status = 'open' AND reopened = 0 AND done_on IS NULL;
CREATE INDEX duties_sent_back ON duties(lead_unit_id) WHERE reopened > 0;

-- By unit, the report counts each unit's escalations and returns in the
-- period as two ranges of handoffs_from, not the period's handoffs read
-- and grouped.
CREATE INDEX handoffs_from ON handoffs(from_unit_id, kind, created_on);

-- Each extension request keeps its duty's lead unit, as a supporting part
-- keeps the duty's columns (migrations 14 and 16): the report reads a
-- unit's requests of the period as one range of extensions_lead, not each
-- request's duty.  The triggers below keep it; roviec verify checks it
-- against the duty.  An answered request is still never changed but for
-- this copy (extensions_answer_once).
DROP TRIGGER extensions_answer_once;
ALTER TABLE extensions ADD COLUMN lead_unit_id INTEGER REFERENCES units(id);
UPDATE extensions SET lead_unit_id = (SELECT d.lead_unit_id FROM duties d
	WHERE d.id = duty_id);
CREATE INDEX extensions_lead ON extensions(lead_unit_id, created_at, state,
	old_deadline, new_deadline);
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
