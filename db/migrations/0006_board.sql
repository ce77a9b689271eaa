-- 0006: the board over a working day (issue #10).
--
-- A pending extension request is flagged unanswered as a pending handoff
-- proposal is (PRODUCT.md rule 6): pending_since is the day the older of
-- the two was made, an extension's day being the local day of its moment.
-- The board's assigner tab and its keys need to know what waits on a duty:
-- the pending proposal's kind and receiving unit, and the deadline an
-- extension request asks for.  There is at most one pending of each per
-- duty (handoffs_one_pending, extensions_one_pending).
DROP VIEW duties_shown;
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

-- What a person assigned that is still open or submitted, by deadline: the
-- board's assigner tab and roviec list --assigner read it in this order.
CREATE INDEX duties_assigner_list ON duties(assigner_id, deadline, ref)
	WHERE status IN ('open', 'submitted');
