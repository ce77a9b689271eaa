-- 0021: the city's lists by flag read the flagged duties alone (issue
-- #15).
--
-- roviec list --flag bounced, escalated, tossed, late or unanswered,
-- without a unit, an owner or a period, read every duty of the city and
-- kept the few flagged: seven tossed duties of a million took 0.6 s.
-- Each flag that the duty's own columns decide now has a partial index
-- holding only the duties it may flag, and the list reads that range
-- (store_duty_list); rv_flags still decides each row.  Bounced, escalated
-- and late are read by status and deadline, in the list's order; tossed by
-- the number of handoffs, from the least the rules set (tossed_handoffs).
-- The unanswered need none: the proposals and requests that wait are
-- indexed already (one of each per duty, migration 1).
CREATE INDEX duties_bounced_list ON duties(status, deadline, ref) WHERE bounced > 0;
CREATE INDEX duties_escalated_list ON duties(status, deadline, ref) WHERE escalated > 0;
CREATE INDEX duties_late_list ON duties(status, deadline, ref)
	WHERE done_on > original_deadline;
CREATE INDEX duties_handoffs_list ON duties(handoffs) WHERE handoffs > 0;
