/*
 * evaluate: the evaluation of officials under Decree 335/2025/NĐ-CP (in
 * force since 1 January 2026), computed from the ledger, never typed in:
 * per official and month (or quarter) the task-result points out of 70
 * (Article 14; heads of units with the further components of Article 15),
 * and, once the head has entered the general criteria out of 30, the total
 * and the rating (Article 20); the year as the average of the months (or
 * quarters) scored (Article 21).
 *
 * What the ledger is, in the decree's words (the manual says the same):
 *
 * - the products assigned (sản phẩm/công việc được giao) in a period are
 *   the duties confirmed in it, and those due in it (by the deadline in
 *   force, on or before the day the figures are taken) that were not
 *   confirmed by its end; a duty counts as its coefficient (hệ số quy
 *   đổi), 1 by default; a cancelled duty counts for nobody;
 * - a product is completed when the assigner confirms it; it counts for
 *   the official who owned it then (a closed duty keeps its owner), and one
 *   due but not completed for the official who owned it at the end of the
 *   period (the history says who);
 * - each time the assigner sent it back for more work (reopen) it failed a
 *   review: 25% of its quality points off;
 * - each deadline missed is a delay: 25% of its progress points off.  A
 *   confirmation after the deadline in force is one; an extension approved
 *   on or before the deadline it moves is the objective cause confirmed by
 *   the competent person, so that deadline was not missed; one approved
 *   after it had passed is no excuse, and that deadline counts as missed;
 * - the products of a head of a unit are the duties the unit leads (they
 *   direct them all); their further components are the unit's results (d:
 *   100% when every other official of the unit scored 50 or more, else
 *   50%), the organising of the work (đ: 100%, or 50% when a duty of the
 *   unit was late or left overdue in the period) and cohesion (e: 100% or
 *   50%, entered by the head above with the general criteria).
 *
 * All figures are whole hundredths (decimal.h), rounded half up from the
 * exact fractions, so that what is shown is what was compared.
 */
#ifndef ROVIEC_EVALUATE_H
#define ROVIEC_EVALUATE_H

#include <stddef.h>

#include "roviec/dates.h"
#include "roviec/err.h"
#include "roviec/model.h"
#include "roviec/session.h"

#define EVAL_GENERAL_MAX 3000	/* the general criteria: 30 points */
#define EVAL_REF_SIZE 32	/* a reference: a unit code (16), '-' and digits */

/* The periods of the decree: a month, a quarter, a year. */
enum eval_kind { EVAL_MONTH, EVAL_QUARTER, EVAL_YEAR };

struct eval_period {
	enum eval_kind kind;
	int year, n;		/* n: the month 1-12 or quarter 1-4; 0 for a year */
	char key[8];		/* "2026-05", "2026-Q2", "2026" */
	day_t first, last;
};

/*
 * A period as typed: a month "YYYY-MM" (or "MM/YYYY"), a quarter
 * "YYYY-QN" (or "QN/YYYY"), a year "YYYY"; kind says which is wanted, or
 * EVAL_MONTH | EVAL_QUARTER both (eval_period_parse_any).  Years 2000 to
 * 2999.  Refused with a message quoting the text (made inert) and naming
 * the forms.
 */
enum rv_code eval_period_parse(enum eval_kind kind, const char *text,
    struct eval_period *out, struct rv_err *err);
/* A month or a quarter, whichever the text is. */
enum rv_code eval_period_parse_any(const char *text, struct eval_period *out,
    struct rv_err *err);

/* Article 20's ratings; EVAL_UNRATED while the total is not known. */
enum eval_rating {
	EVAL_UNRATED = -1, EVAL_NOT_COMPLETE, EVAL_COMPLETE, EVAL_GOOD, EVAL_EXCELLENT
};
/* The stable word of a rating (CSV, JSON): excellent good complete
 * not-complete, "" when unrated. */
const char *eval_rating_word(enum eval_rating r);
/* A rating as people read it ("Hoàn thành tốt nhiệm vụ"). */
const char *eval_rating_shown(enum eval_rating r);
/* The rating of a total (hundredths of a point). */
enum eval_rating eval_rating_of(long total);

enum eval_item_kind {
	EVAL_QUALITY,		/* sent back: a failed review */
	EVAL_PROGRESS,		/* a deadline missed */
	EVAL_NOT_DONE,		/* assigned, not completed by the period's end */
	EVAL_COMPLETED,		/* completed with no deduction (every_duty only) */
	EVAL_ITEM_KINDS
};
/* The word of an item's kind: quality progress not-done completed. */
const char *eval_item_word(enum eval_item_kind k);

/* A duty behind a figure: a deduction (quality, progress) with what it
 * took off that share (percentage points, hundredths), or a product not
 * completed. */
struct eval_item {
	char ref[EVAL_REF_SIZE];
	char period[8];
	enum eval_item_kind kind;
	int times;		/* reviews failed, deadlines missed */
	long coefficient;	/* hundredths */
	long percent;		/* hundredths of a percentage point; 0 for not done */
};

/* One official's sheet for one period (or, summed up, for a year). */
struct eval_sheet {
	char period[8];
	long assigned, done;		/* duties */
	long assigned_c, done_c;	/* converted by the coefficients, hundredths */
	long reopened, late;		/* duties completed after a failed review, late */
	int scored;			/* something was assigned: the figures stand */
	long quantity, quality, progress;	/* a, b, c: percent, hundredths */
	int head;			/* scored as a head of a unit */
	int unit_results;		/* d: 100, 50, or -1 not known yet */
	int organising;			/* đ: 100 or 50 */
	int cohesion;			/* e: 100, 50, or 0 not entered */
	int has_points;			/* points known (a head: d and e too) */
	long points;			/* task results, of 70: hundredths */
	int has_general;
	long general;			/* of 30: hundredths */
	int has_total;
	long total;			/* hundredths */
	enum eval_rating rating;
	int periods;			/* a year: the months (quarters) scored */
	int without_total;		/* a year: of them, those with no total yet */
};

struct eval_person {
	rowid_t id, unit_id;
	char *login, *name, *unit_code;
	int head;		/* heads their unit */
	int shown;		/* asked for (the others are read for a head's d) */
	struct eval_sheet sheet;	/* the period; for a year, the year's */
	struct eval_sheet *parts;	/* a year: its months or quarters */
	size_t nparts;
	struct eval_item *items;	/* deductions and products not done */
	size_t nitems, items_cap;
};

/* Article 20's limit in a unit: those rated excellent, those rated good,
 * and how many may be rated excellent (20% of the good ones); over when
 * more are. */
struct eval_limit {
	char unit_code[20];
	long excellent, good, allowed;
	int over;
};

struct eval_query {
	const char *month, *quarter, *year;	/* one at most; none: this month */
	const char *by;		/* a year's parts: "month" (default) or "quarter" */
	const char *unit;	/* a unit and the units under it */
	const char *person;	/* one official's login */
	int every_duty;		/* items: every duty behind the figures, the
				 * ones completed without deduction too (the
				 * board opens them); 0: deductions and duties
				 * not done only */
};

struct eval_result {
	struct eval_period period;
	enum eval_kind by;	/* a year's parts */
	char as_of[11];		/* the day the figures are taken at */
	int unit_wide;		/* whole units were asked for (limits apply) */
	struct eval_person *people;	/* those shown, by unit then login */
	size_t npeople;
	struct eval_limit *limits;	/* every unit shown, when unit_wide */
	size_t nlimits;
	long long head_id;	/* the history head the figures were read at */
	char head[65];
	char made_at[21];
};

/*
 * Computes the sheets asked for, in one read snapshot.  Who sees what: an
 * official their own sheet; a head the sheets of the unit they head and of
 * the units under it; inspectors and administrators every sheet.  Without
 * --unit or --person: an inspector or administrator gets every sheet, a
 * head their unit's, anyone else their own.  RV_REFUSED: a bad period, an
 * unknown unit or login, a sheet the acting person may not see.
 */
enum rv_code eval_run(struct session *s, const struct eval_query *q,
    struct eval_result *out, struct rv_err *err);
void eval_free(struct eval_result *r);

/* The general criteria as typed for roviec evaluate set. */
struct eval_set {
	const char *login;
	const char *period;	/* a month or a quarter */
	const char *general;	/* 0 to 30, two decimals at most */
	const char *cohesion;	/* a head of a unit: 100 or 50; NULL: as before */
	const char *reason;	/* required */
};

/*
 * A head enters an official's general criteria (tiêu chí chung) for a month
 * or a quarter that has begun: the head of the official's unit or of a unit
 * above it; for a head of a unit, the head of a unit above theirs; never
 * for oneself.  Recorded in the history (evaluation-set, with no duty: the
 * person evaluated as to_owner, detail "period P; general G[; cohesion
 * C]", the reason as text), so that it is hash-chained; a later entry for
 * the same period replaces it.
 */
enum rv_code eval_set(struct session *s, const struct eval_set *in,
    struct rv_err *err);

#endif
