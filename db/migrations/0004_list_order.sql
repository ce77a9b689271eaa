-- 0004: roviec list --unit (or --owner) of the open and submitted duties
-- reads them in the order it prints them, deadline then reference, the
-- reference in its own collation (NOCASE, as the column declares), so that
-- a first screen reads a screenful at a million duties, not the unit's
-- whole list sorted.  (migration 3's page indexes order by an expression,
-- which compares references byte by byte: another order.)
CREATE INDEX duties_lead_list ON duties(lead_unit_id, deadline, ref)
	WHERE status IN ('open', 'submitted');
CREATE INDEX duties_owner_list ON duties(owner_id, deadline, ref)
	WHERE status IN ('open', 'submitted');
