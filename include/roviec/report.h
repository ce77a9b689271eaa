/*
 * report: the accountability report of PRODUCT.md, for a period, by unit or
 * by person, and the city overview on the board, which is the same report
 * (so that screen and report never disagree).
 *
 * The duties counted in a period are those on the books in it: assigned by
 * its last day, not done before its first, not cancelled by its last day.
 * Each falls in one of the Government Office's four categories, measured
 * against its ORIGINAL deadline (PRODUCT.md rule 4): done on time, done
 * late (done = submitted as done), open within the deadline, open and
 * overdue; they add up to "assigned".  The on-time rate is 100% less the
 * share late, done or not.  States are taken on the period's last day, or
 * today if that is sooner.  A duty counts for its lead unit and its owner
 * as they are now.
 */
#ifndef ROVIEC_REPORT_H
#define ROVIEC_REPORT_H

#include "roviec/dates.h"
#include "roviec/err.h"
#include "roviec/session.h"
#include "roviec/store.h"

struct report_query {
	const char *from, *to;	/* as typed (DATE forms); NULL: the defaults */
	const char *unit;	/* a unit code: it and the units under it; NULL: all */
	int by_person;
	/* Called with fn's arg before the rows come again, when the read is
	 * retried (the database was busy); NULL: nothing to undo. */
	void (*restart)(void *arg);
};

/* What the report was made at: the period, and the history head, so that
 * an inspector can tie the figures to the history (roviec verify HASH). */
struct report_meta {
	char from[11], to[11], as_of[11];	/* ISO days */
	long long head_id;
	char head[65], head_at[32];
	char made_at[21];
	char created_before[21];	/* UTC: local midnight after as_of */
	char period_start[21], period_end[21];	/* UTC: from's, and after to's */
};

/*
 * Runs the report: fn is called per row, worst on-time rate first, inside
 * one read snapshot (rows and head agree).  Without from, the period starts
 * on the first day of the current month; without to, it ends today.
 * RV_REFUSED: a bad date, from after to, an unknown unit.
 */
enum rv_code report_run(struct session *s, const struct report_query *q,
    struct report_meta *meta, store_report_fn fn, void *arg, struct rv_err *err);

#endif
