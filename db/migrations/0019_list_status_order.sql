-- 0019: a city-wide list of one status is read in its order (issue #15).
--
-- roviec list sorts by deadline, then reference.  duties_status_deadline
-- now holds the reference after the deadline, so that a list of one
-- stored status (the city's overdue: open, deadline before today) is read
-- in that order from the index and never sorted: 45,000 rows at a million
-- duties were copied into a sorter before the first was written, and a
-- --limit read them all.
DROP INDEX duties_status_deadline;
CREATE INDEX duties_status_deadline ON duties(status, deadline, ref);
