/*
 * replay: roviec verify's second half.  The state the rules depend on is
 * rebuilt from the hash-chained history alone: every entry is replayed, in
 * order, by the case of its action (one table in replay.c, one row per
 * action), and the state rebuilt, every duty (its fields, ledger.h; its
 * supporting units and parts, proposals, extension requests and notes;
 * the evaluation's evidence: coefficient, deadlines missed, owner since;
 * its series and period), every series (rule, assigner, lead unit, owner,
 * started, stopped),
 * every unit (code, name, kind, parent, heads) and every person (login,
 * name, unit, role, the general criteria entered for them), is compared
 * with the tables.  Each row that disagrees
 * is a finding, named by reference (a duty's reference, a login, a unit's
 * code); an entry whose action the table does not know is a finding too.
 *
 * Adding an action: record it through duty.c's record()/record_facts() or
 * org.c's org_entry(), which write with it the duty's fields it changed
 * (ledger.h) and what else it set (facts.h), and add its row to
 * replay_cases[] in replay.c: a function that makes its change to the
 * related rows (a proposal, a note, a part, a head, a series) from the
 * entry and its facts, and does nothing when the duty's fields it changed
 * (applied from its facts after every case) are all it did.
 */
#ifndef ROVIEC_REPLAY_H
#define ROVIEC_REPLAY_H

#include "roviec/err.h"

struct store;

enum replay_of { REPLAY_DUTY, REPLAY_PERSON, REPLAY_UNIT, REPLAY_ENTRY, REPLAY_SERIES };

enum replay_how {
	REPLAY_DIFFERS,		/* the row holds stored where the history says history */
	REPLAY_NOT_STORED,	/* the history has the row; the database has not */
	REPLAY_NOT_IN_HISTORY,	/* the database has the row; the history has not */
	REPLAY_UNKNOWN_ACTION,	/* an entry's action (stored) is none replay knows */
	REPLAY_BAD_ENTRY	/* an entry cannot be replayed (stored says why) */
};

/* What a row of a duty is, when the finding is not in the duty's own
 * fields. */
enum replay_part {
	PART_NONE, PART_PROPOSAL, PART_EXTENSION, PART_NOTE, PART_SUPPORT,
	PART_EVALUATION,	/* a person's general criteria for a period */
	PART_UNDO		/* what an undo put back */
};

struct replay_finding {
	enum replay_of of;
	enum replay_how how;
	const char *name;	/* reference, login, unit code, or entry number */
	const char *what;	/* an NC_("verify", ...) key; NULL for a whole row */
	enum replay_part part;
	int nth;		/* PART_PROPOSAL, _EXTENSION, _NOTE: 1, 2, ... */
	const char *unit;	/* PART_SUPPORT: the supporting unit's code */
	const char *period;	/* PART_EVALUATION: "2026-11", "2026-Q4" */
	const char *stored, *history;	/* REPLAY_DIFFERS: the two values */
	long long entry;	/* REPLAY_*_ACTION, REPLAY_BAD_ENTRY: its id */
};

typedef int (*replay_fn)(const struct replay_finding *f, void *arg);

/*
 * Replays the whole history against the tables, inside the caller's read
 * transaction (one snapshot), calling fn for each finding in the order of
 * units, people, then duties (fn returning nonzero stops).  *found counts
 * the findings.  RV_OK whatever it found; RV_STORAGE when the database
 * cannot be read.
 */
enum rv_code replay_ledger(struct store *st, replay_fn fn, void *arg,
    long long *found, struct rv_err *err);

/* 1 when replay knows the action (its row in the table of cases). */
int replay_knows(const char *action);

#endif
