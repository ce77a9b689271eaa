-- 0008: work that lands is seen (issue #11: the brief, the digest and its
-- reminders).
--
-- When each person last looked at what waits for them (opening the board,
-- or roviec brief run by hand: roviec(1), BRIEF), and the language they
-- looked in: the brief counts a duty as new when it came to them after
-- that moment, and roviec digest writes to them in that language.
CREATE TABLE people_seen (
	person_id INTEGER PRIMARY KEY REFERENCES people(id),
	looked_at TEXT NOT NULL,	-- UTC moment
	language  TEXT NOT NULL CHECK (language IN ('vi', 'en'))
);

-- What roviec digest has mailed, so that each thing is sent once: a
-- person's digest of a day (kind 'digest', duty_id 0, key the day), the
-- reminders before a deadline (at the due-soon threshold, and on the day:
-- key the deadline, so that an approved extension arms them again), and a
-- proposal or extension request left unanswered (key what and the day it
-- was made).  duty_id is 0 for a digest, so it names no row.
CREATE TABLE notices_sent (
	person_id INTEGER NOT NULL REFERENCES people(id),
	kind      TEXT NOT NULL
	          CHECK (kind IN ('digest', 'due-soon', 'due-today', 'unanswered')),
	duty_id   INTEGER NOT NULL,
	key       TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
	sent_at   TEXT NOT NULL,
	PRIMARY KEY (person_id, kind, duty_id, key)
) WITHOUT ROWID;
