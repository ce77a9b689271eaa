-- 0013: a person's mail address (issue #11).
--
-- roviec digest mails each official at this address, or at
-- LOGIN@mail_domain when none is given.  Printable ASCII only, no space,
-- one @ inside: it goes into a To: header (org.c checks it in full; this
-- is the floor the sqlite3 shell cannot go below either).
ALTER TABLE people ADD COLUMN mail TEXT
	CHECK (mail IS NULL OR (length(mail) BETWEEN 3 AND 254
	       AND mail NOT GLOB '*[^!-~]*' AND mail GLOB '?*@?*'));
