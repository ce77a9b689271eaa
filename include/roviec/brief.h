/*
 * brief: what needs one person's action now (issue #11), counted and
 * listed, most urgent first: proposals to answer, extension requests and
 * results to decide as the assigner, their overdue and due-soon duties,
 * duties new to them since they last looked, parts their unit owes.  The
 * command line (roviec brief, its login form), the board's summary line
 * and the mail digest all take it from brief_compute, so they never
 * disagree.
 */
#ifndef ROVIEC_BRIEF_H
#define ROVIEC_BRIEF_H

#include <stddef.h>
#include <stdio.h>

#include "roviec/err.h"
#include "roviec/model.h"
#include "roviec/session.h"
#include "roviec/store.h"

struct brief_item {
	enum wait_kind kind;
	rowid_t duty_id;
	char *ref, *title, *lead, *owner, *deadline, *status;
	char *what, *extra, *since;	/* NULL: nothing (store.h's wait_row) */
	unsigned flags;
};

struct brief {
	rowid_t person_id;
	char today[11];			/* ISO day it was taken on */
	char looked_at[32];		/* when they had last looked; "" never */
	long long count[WAIT__KINDS];
	long long total;		/* the sum of count (a duty may count twice) */
	struct brief_item *items;	/* kind by kind, each soonest first */
	size_t nitems;
};

/* Whether taking the brief is the person looking: the moment and the
 * language are recorded (people_seen), and what came before is not new
 * any more.  roviec brief by hand and opening the board look; the login
 * message, --format json and the digest peek. */
enum brief_look { BRIEF_PEEK, BRIEF_LOOK };

/*
 * The brief of person p as of s's clock, keeping at most max_items items
 * of each kind (all are counted); one consistent snapshot, in a write
 * transaction when look is BRIEF_LOOK.  Fills *b (brief_free).
 */
enum rv_code brief_compute(struct session *s, const struct person *p,
    size_t max_items, enum brief_look look, struct brief *b, struct rv_err *err);
void brief_free(struct brief *b);

/* The word of a kind for programs (JSON keys): "proposals", ... */
const char *brief_kind_word(enum wait_kind k);
/* The same as people read it ("proposals to answer"), translated. */
const char *brief_kind_label(enum wait_kind k);

/* The counts as one line for people ("proposals to answer: 1 · overdue:
 * 2"), in the language of the messages; "" when nothing waits. */
const char *brief_summary(const struct brief *b, char *buf, size_t size);

/* What an item's kind says of it, for people ("transfer from P2,
 * 03/12/2026"): into buf, "" when nothing. */
const char *brief_item_note(const struct brief_item *it, char *buf, size_t size);

/* The brief as text for people: a heading, the summary, then the items as
 * a table (at most max_lines of them, then how many more), every cell made
 * inert.  Nothing waiting: one line saying so. */
void brief_write(FILE *f, const struct brief *b, const struct person *p,
    size_t max_lines);

/* The same as one JSON object (roviec brief --format json). */
void brief_write_json(FILE *f, const struct brief *b, const struct person *p);

#endif
