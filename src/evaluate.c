/* evaluate: the evaluation under Decree 335/2025/NĐ-CP (see evaluate.h). */
#include "roviec/evaluate.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/actor.h"
#include "roviec/decimal.h"
#include "roviec/facts.h"
#include "roviec/i18n.h"
#include "roviec/store.h"
#include "roviec/text.h"

/* --- words ------------------------------------------------------------- */

/* The ratings of Article 20, one table for every face: the stable word,
 * and the words officials write. */
static const struct {
	const char *word, *shown;
} ratings[] = {
	[EVAL_NOT_COMPLETE] = { "not-complete", N_("Not complete") },
	[EVAL_COMPLETE] = { "complete", N_("Complete") },
	[EVAL_GOOD] = { "good", N_("Good") },
	[EVAL_EXCELLENT] = { "excellent", N_("Excellent") },
};

const char *
eval_rating_word(enum eval_rating r)
{
	return r >= EVAL_NOT_COMPLETE && r <= EVAL_EXCELLENT ? ratings[r].word : "";
}

const char *
eval_rating_shown(enum eval_rating r)
{
	return r >= EVAL_NOT_COMPLETE && r <= EVAL_EXCELLENT ? _(ratings[r].shown) : "";
}

/* Article 20: 90 and above excellent; 70 to under 90 good; 50 to under
 * 70 complete; under 50 not complete. */
enum eval_rating
eval_rating_of(long total)
{
	if (total >= 9000)
		return EVAL_EXCELLENT;
	if (total >= 7000)
		return EVAL_GOOD;
	if (total >= 5000)
		return EVAL_COMPLETE;
	return EVAL_NOT_COMPLETE;
}

const char *
eval_item_word(enum eval_item_kind k)
{
	static const char *const words[] = {
		[EVAL_QUALITY] = "quality", [EVAL_PROGRESS] = "progress",
		[EVAL_NOT_DONE] = "not-done", [EVAL_COMPLETED] = "completed",
	};

	return words[k];
}

/* --- periods ----------------------------------------------------------- */

static int
digits(const char *s, size_t n, int *out)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* Splits "A-B" or "B/A" (trimmed) into a year (four digits) and what
 * stands beside it; -1 if it is neither. */
static int
split_period(const char *text, int *year, char part[8])
{
	char buf[32];
	const char *p = text, *sep;
	size_t len;

	while (*p == ' ')
		p++;
	len = strlen(p);
	while (len > 0 && p[len - 1] == ' ')
		len--;
	if (len == 0 || len >= sizeof(buf))
		return -1;
	memcpy(buf, p, len);
	buf[len] = '\0';
	if ((sep = strchr(buf, '-')) != NULL) {
		if (sep - buf != 4 || digits(buf, 4, year) != 0 || strlen(sep + 1) >= 8)
			return -1;
		snprintf(part, 8, "%s", sep + 1);
		return 0;
	}
	if ((sep = strchr(buf, '/')) != NULL) {
		if (strlen(sep + 1) != 4 || digits(sep + 1, 4, year) != 0 || sep - buf >= 8)
			return -1;
		snprintf(part, 8, "%.*s", (int)(sep - buf), buf);
		return 0;
	}
	if (len != 4 || digits(buf, 4, year) != 0)
		return -1;
	part[0] = '\0';
	return 0;
}

static void
period_days(struct eval_period *p)
{
	struct rv_err ignored;
	int m0, m1;
	day_t next;

	if (p->kind == EVAL_MONTH)
		m0 = m1 = p->n;
	else if (p->kind == EVAL_QUARTER)
		m0 = 3 * p->n - 2, m1 = 3 * p->n;
	else
		m0 = 1, m1 = 12;
	dates_from_ymd(p->year, m0, 1, &p->first, &ignored);
	if (m1 == 12)
		dates_from_ymd(p->year + 1, 1, 1, &next, &ignored);
	else
		dates_from_ymd(p->year, m1 + 1, 1, &next, &ignored);
	p->last = next - 1;
	if (p->kind == EVAL_MONTH)
		snprintf(p->key, sizeof(p->key), "%04d-%02d", p->year, p->n);
	else if (p->kind == EVAL_QUARTER)
		snprintf(p->key, sizeof(p->key), "%04d-Q%d", p->year, p->n);
	else
		snprintf(p->key, sizeof(p->key), "%04d", p->year);
}

/* Parses text as a period of kind; *matched 0 when it is not of that form. */
static int
period_of(enum eval_kind kind, const char *text, struct eval_period *out)
{
	char part[8];
	int year, n = 0;

	memset(out, 0, sizeof(*out));
	if (split_period(text, &year, part) != 0 || year < 2000 || year > 2999)
		return -1;
	switch (kind) {
	case EVAL_YEAR:
		if (part[0] != '\0')
			return -1;
		break;
	case EVAL_MONTH:
		if (strlen(part) < 1 || strlen(part) > 2 || digits(part, strlen(part), &n) != 0 ||
		    n < 1 || n > 12)
			return -1;
		break;
	case EVAL_QUARTER:
		if (strlen(part) != 2 || (part[0] != 'Q' && part[0] != 'q') ||
		    part[1] < '1' || part[1] > '4')
			return -1;
		n = part[1] - '0';
		break;
	}
	out->kind = kind;
	out->year = year;
	out->n = n;
	period_days(out);
	return 0;
}

static enum rv_code
period_refused(const char *what, const char *text, struct rv_err *err)
{
	char *cut = text_fit(text != NULL ? text : "", 40, 0);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	err_set(err, RV_REFUSED, what, cut != NULL ? cut : "");
#pragma GCC diagnostic pop
	free(cut);
	return RV_REFUSED;
}

enum rv_code
eval_period_parse(enum eval_kind kind, const char *text, struct eval_period *out,
    struct rv_err *err)
{
	if (text != NULL && period_of(kind, text, out) == 0)
		return RV_OK;
	switch (kind) {
	case EVAL_MONTH:
		return period_refused(_("a month is written YYYY-MM (2026-05) or MM/YYYY (05/2026), not '%s'"),
		    text, err);
	case EVAL_QUARTER:
		return period_refused(_("a quarter is written YYYY-QN (2026-Q2) or QN/YYYY (Q2/2026), not '%s'"),
		    text, err);
	default:
		return period_refused(_("a year is written YYYY (2026), from 2000 to 2999, not '%s'"),
		    text, err);
	}
}

enum rv_code
eval_period_parse_any(const char *text, struct eval_period *out, struct rv_err *err)
{
	if (text != NULL && (period_of(EVAL_MONTH, text, out) == 0 ||
	    period_of(EVAL_QUARTER, text, out) == 0))
		return RV_OK;
	return period_refused(_("the period is a month (2026-05 or 05/2026) or a quarter (2026-Q2), not '%s'"),
	    text, err);
}

/* Decree 335/2025/NĐ-CP is in force from 1 January 2026: nothing before
 * is scored by it. */
#define EVAL_IN_FORCE_YEAR 2026

static enum rv_code
in_force(const struct eval_period *p, struct rv_err *err)
{
	if (p->year >= EVAL_IN_FORCE_YEAR)
		return RV_OK;
	return err_set(err, RV_REFUSED,
	    _("Decree 335/2025/NĐ-CP applies from 1 January %d: %s is before it"),
	    EVAL_IN_FORCE_YEAR, p->key);
}

/* --- the arithmetic ---------------------------------------------------- */

/* num / den rounded half up; den > 0, num >= 0. */
static long
round_div(long long num, long long den)
{
	assert(den > 0 && num >= 0);
	return (long)((2 * num + den) / (2 * den));
}

/* What the duties of one sheet add up to.  Coefficients in hundredths; the
 * quality and progress sums in quarters of them (each failed review or
 * delay takes a quarter off, down to nothing). */
struct acc {
	long assigned, done, assigned_c, done_c;
	long long quality_q, progress_q;
	long reopened, late;
	int late_flag;		/* a duty late or left overdue (đ) */
};

static long
quarters_left(int times)
{
	return times >= 4 ? 0 : 4 - times;
}

static void
acc_done(struct acc *a, long coef, int fails, int delays)
{
	a->assigned++;
	a->done++;
	a->assigned_c += coef;
	a->done_c += coef;
	a->quality_q += (long long)coef * quarters_left(fails);
	a->progress_q += (long long)coef * quarters_left(delays);
	a->reopened += fails > 0;
	a->late += delays > 0;
	if (delays > 0)
		a->late_flag = 1;
}

static void
acc_not_done(struct acc *a, long coef, int overdue)
{
	a->assigned++;
	a->assigned_c += coef;
	if (overdue)
		a->late_flag = 1;
}

/* The sheet's counts and shares from its duties; the points for an
 * official who heads no unit: (a + b + c) / 3 of 70. */
static void
sheet_fill(struct eval_sheet *sh, const struct acc *a)
{
	long long A = a->assigned_c, sum;

	sh->assigned = a->assigned;
	sh->done = a->done;
	sh->assigned_c = a->assigned_c;
	sh->done_c = a->done_c;
	sh->reopened = a->reopened;
	sh->late = a->late;
	sh->scored = A > 0;
	sh->rating = EVAL_UNRATED;
	if (!sh->scored)
		return;
	assert(a->done_c <= a->assigned_c);
	assert(a->quality_q <= 4 * (long long)a->done_c && a->progress_q <= 4 * (long long)a->done_c);
	sh->quantity = round_div(10000LL * a->done_c, A);
	sh->quality = round_div(2500LL * a->quality_q, A);
	sh->progress = round_div(2500LL * a->progress_q, A);
	/* (a+b+c)/3 × 70% with a = 100 C/A, b = 100 Q/4A, c = 100 P/4A:
	 * 70 (4C + Q + P) / 12A points, in hundredths. */
	sum = 4LL * a->done_c + a->quality_q + a->progress_q;
	if (!sh->head) {
		sh->points = round_div(7000LL * sum, 12 * A);
		sh->has_points = 1;
	} else if (sh->unit_results >= 0 && sh->cohesion > 0) {
		/* (a+b+c+d+đ+e)/6 × 70%: 70 (100 (4C+Q+P) + 4A (d+đ+e)) /
		 * 2400A points, in hundredths. */
		sh->points = round_div(7000LL * (100 * sum +
		    4 * A * (sh->unit_results + sh->organising + sh->cohesion)), 2400 * A);
		sh->has_points = 1;
	}
}

static void
sheet_total(struct eval_sheet *sh)
{
	sh->has_total = sh->scored && sh->has_points && sh->has_general;
	if (sh->has_total) {
		sh->total = sh->points + sh->general;
		sh->rating = eval_rating_of(sh->total);
	} else {
		sh->rating = EVAL_UNRATED;
	}
}

/* --- the run ----------------------------------------------------------- */

struct bucket {
	struct eval_period p;
	char first[11], last[11];	/* ISO */
	char as_of[11];		/* the day the figures are taken at */
	char end[21];		/* UTC: the moment that day ends */
	int begun;		/* the period has begun */
};

/* The duties behind the figures of a unit's heads, kept once for them all. */
struct item_list {
	struct eval_item *v;
	size_t n, cap;
};

struct run {
	struct session *s;
	const struct eval_query *q;
	struct eval_result *r;
	/* Everyone read: those shown, then the officials of their heads'
	 * units (for d). */
	struct eval_person *all;
	size_t nall, cap;
	int *index_of;		/* person id → index + 1 */
	rowid_t max_person;
	rowid_t max_unit;
	unsigned char *unit_read;	/* a unit whose head is read */
	struct bucket *b;
	int nb;
	struct acc *pacc;	/* nb × nall */
	struct acc *uacc;	/* nb × (max_unit + 1) */
	long *general;		/* nall × nb: hundredths, -1 not entered */
	int *cohesion;		/* nall × nb */
	struct item_list *unit_items;	/* (max_unit + 1): units whose head is read */
	rowid_t only_unit;	/* loading: the unit whose people to take, 0 any */
	rowid_t only_person;	/* loading: one person, 0 any */
	int shown;		/* loading: the people taken are shown */
	enum rv_code failed;
	struct rv_err *err;
};

static void
person_free(struct eval_person *p)
{
	free(p->login);
	free(p->name);
	free(p->unit_code);
	free(p->parts);
	free(p->items);
	memset(p, 0, sizeof(*p));
}

static void
run_reset(struct run *x)
{
	for (size_t i = 0; i < x->nall; i++)
		person_free(&x->all[i]);
	free(x->all);
	free(x->index_of);
	free(x->unit_read);
	free(x->b);
	free(x->pacc);
	free(x->uacc);
	free(x->general);
	free(x->cohesion);
	for (rowid_t u = 0; x->unit_items != NULL && u <= x->max_unit; u++)
		free(x->unit_items[u].v);
	free(x->unit_items);
	x->all = NULL;
	x->index_of = NULL;
	x->unit_read = NULL;
	x->b = NULL;
	x->pacc = x->uacc = NULL;
	x->general = NULL;
	x->cohesion = NULL;
	x->unit_items = NULL;
	x->nall = x->cap = 0;
	x->max_person = x->max_unit = 0;
	x->failed = RV_OK;
}

static int
index_of(const struct run *x, rowid_t id)
{
	if (id <= 0 || id > x->max_person)
		return -1;
	return x->index_of[id] - 1;
}

static int
add_person(const struct eval_person_row *row, void *arg)
{
	struct run *x = arg;
	struct eval_person *p;

	if ((x->only_unit != 0 && row->unit_id != x->only_unit) ||
	    (x->only_person != 0 && row->id != x->only_person))
		return 0;
	/* A first reading has no twice-read person; a head's unit may repeat
	 * people read before. */
	for (size_t i = 0; !x->shown && i < x->nall; i++)
		if (x->all[i].id == row->id)
			return 0;
	if (x->nall == x->cap) {
		size_t cap = x->cap ? 2 * x->cap : 64;
		struct eval_person *n = realloc(x->all, cap * sizeof(*n));

		if (n == NULL) {
			x->failed = err_set(x->err, RV_STORAGE, _("out of memory"));
			return 1;
		}
		x->all = n;
		x->cap = cap;
	}
	p = &x->all[x->nall];
	memset(p, 0, sizeof(*p));
	p->id = row->id;
	p->unit_id = row->unit_id;
	p->login = strdup(row->login);
	p->name = strdup(row->name);
	p->unit_code = strdup(row->unit_code);
	p->shown = x->shown;
	x->nall++;
	if (p->login == NULL || p->name == NULL || p->unit_code == NULL) {
		x->failed = err_set(x->err, RV_STORAGE, _("out of memory"));
		return 1;
	}
	return 0;
}

static enum rv_code
load_people(struct run *x, rowid_t unit_id, rowid_t only_unit, rowid_t only_person,
    int shown)
{
	enum rv_code rc;

	x->only_unit = only_unit;
	x->only_person = only_person;
	x->shown = shown;
	rc = store_eval_people(x->s->st, unit_id, add_person, x, x->err);
	return rc != RV_OK ? rc : x->failed;
}

static int
privileged(const struct session *s)
{
	return s->me.role == ROLE_ADMIN || s->me.role == ROLE_INSPECTOR;
}

/* Whom the sheets are of, and whether the acting person may see them. */
static enum rv_code
scope(struct run *x)
{
	struct session *s = x->s;
	struct store *st = s->st;
	const struct eval_query *q = x->q;
	enum rv_code rc;

	if (q->person != NULL) {
		struct person p;

		if ((rc = store_person_by_login(st, q->person, &p, x->err)) != RV_OK)
			return rc;
		if (p.unit_id == 0 || p.role == ROLE_INSPECTOR)
			rc = err_set(x->err, RV_REFUSED,
			    _("%s belongs to no unit, or is an inspector: only the officials of a unit are evaluated"),
			    p.login);
		else if (p.id != s->me.id && !privileged(s) &&
		    !actor_heads_above(st, s->me.id, p.unit_id))
			rc = err_set(x->err, RV_REFUSED,
			    _("you may see your own sheet only; %s's is for the heads of %s's unit, the inspectors and the administrators"),
			    p.login, p.login);
		else
			rc = load_people(x, p.unit_id, 0, p.id, 1);
		model_person_free(&p);
		return rc;
	}
	if (q->unit != NULL) {
		struct unit u;

		if ((rc = store_unit_by_code(st, q->unit, &u, x->err)) != RV_OK)
			return rc;
		if (!privileged(s) && !actor_heads_above(st, s->me.id, u.id))
			rc = err_set(x->err, RV_REFUSED,
			    _("the sheets of %s are for its heads, the heads above it, the inspectors and the administrators; roviec evaluate shows yours"),
			    u.code);
		else
			rc = load_people(x, u.id, 0, 0, 1);
		x->r->unit_wide = 1;
		model_unit_free(&u);
		return rc;
	}
	if (privileged(s)) {
		x->r->unit_wide = 1;
		return load_people(x, 0, 0, 0, 1);
	}
	if (s->me.unit_id == 0)
		return err_set(x->err, RV_REFUSED,
		    _("you belong to no unit, so you have no sheet; name one with --unit or --person"));
	if (actor_heads(st, s->me.id, s->me.unit_id)) {
		x->r->unit_wide = 1;
		return load_people(x, s->me.unit_id, 0, 0, 1);
	}
	return load_people(x, s->me.unit_id, 0, s->me.id, 1);
}

/* The buckets: the period itself, or a year's months or quarters. */
static enum rv_code
make_buckets(struct run *x)
{
	const struct eval_period *p = &x->r->period;
	day_t today = session_today(x->s);
	struct rv_err *err = x->err;

	x->nb = p->kind != EVAL_YEAR ? 1 : x->r->by == EVAL_QUARTER ? 4 : 12;
	if ((x->b = calloc((size_t)x->nb, sizeof(*x->b))) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	for (int i = 0; i < x->nb; i++) {
		struct bucket *b = &x->b[i];

		if (p->kind != EVAL_YEAR) {
			b->p = *p;
		} else {
			b->p.kind = x->r->by;
			b->p.year = p->year;
			b->p.n = i + 1;
			period_days(&b->p);
		}
		dates_iso(b->p.first, b->first);
		dates_iso(b->p.last, b->last);
		dates_iso(b->p.last < today ? b->p.last : today, b->as_of);
		b->begun = b->p.first <= today;
		dates_midnight_after(b->p.last < today ? b->p.last : today, b->end);
	}
	return RV_OK;
}

/* The bucket of an ISO day inside the period. */
static int
bucket_of(const struct run *x, const char *day)
{
	int m;

	if (x->nb == 1 || day == NULL || strlen(day) < 7 || digits(day + 5, 2, &m) != 0)
		return 0;
	assert(m >= 1 && m <= 12);
	return x->nb == 4 ? (m - 1) / 3 : m - 1;
}

/* The sheets' sums are kept period by period (bucket-major): the duties
 * come in the order of their days, so that a month's sums of a city's
 * 5,000 people (360 KB) stay in the cache while its duties are added,
 * where person by person each duty's sum was a miss. */
static struct acc *
pacc(struct run *x, int person, int bucket)
{
	assert(person < 0 || (size_t)person < x->nall);
	return person < 0 ? NULL : &x->pacc[(size_t)bucket * x->nall + (size_t)person];
}

static struct acc *
uacc(struct run *x, rowid_t unit, int bucket)
{
	if (unit <= 0 || unit > x->max_unit)
		return NULL;
	return &x->uacc[(size_t)bucket * ((size_t)x->max_unit + 1) + (size_t)unit];
}

/* Appends a duty behind a figure to a list. */
static int
item_add(struct run *x, struct eval_item **v, size_t *n, size_t *cap, int bucket,
    const char *ref, enum eval_item_kind kind, int times, long coef)
{
	struct eval_item *it;

	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 16;
		struct eval_item *m = realloc(*v, c * sizeof(*m));

		if (m == NULL) {
			x->failed = err_set(x->err, RV_STORAGE, _("out of memory"));
			return 1;
		}
		*v = m;
		*cap = c;
	}
	it = &(*v)[(*n)++];
	memset(it, 0, sizeof(*it));
	/* Copied, not formatted: a year of a city keeps some 400,000. */
	if (ref != NULL) {
		size_t len = strlen(ref);

		if (len >= sizeof(it->ref))
			len = sizeof(it->ref) - 1;
		memcpy(it->ref, ref, len);
	}
	memcpy(it->period, x->b[bucket].p.key, sizeof(it->period));
	it->kind = kind;
	it->times = times;
	it->coefficient = coef;
	return 0;
}

/* Keeps a duty behind a figure for those shown who will be told of it:
 * its owner (an official), and the heads of its lead unit. */
static int
keep_item(struct run *x, int person, rowid_t unit, int bucket, const char *ref,
    enum eval_item_kind kind, int times, long coef)
{
	if (person >= 0 && x->all[person].shown && !x->all[person].head) {
		struct eval_person *p = &x->all[person];

		if (item_add(x, &p->items, &p->nitems, &p->items_cap, bucket, ref, kind,
		    times, coef))
			return 1;
	}
	if (unit > 0 && unit <= x->max_unit && x->unit_read[unit]) {
		struct item_list *l = &x->unit_items[unit];

		if (item_add(x, &l->v, &l->n, &l->cap, bucket, ref, kind, times, coef))
			return 1;
	}
	return 0;
}

/* A duty confirmed in the period: completed, for its owner then. */
static int
on_done(const struct eval_done_row *row, void *arg)
{
	struct run *x = arg;
	int b = bucket_of(x, row->closed_on), i = index_of(x, row->owner_id);
	struct acc *pa = pacc(x, i, b), *ua = uacc(x, row->lead_unit_id, b);

	assert(strcmp(row->closed_on, x->b[b].first) >= 0 &&
	    strcmp(row->closed_on, x->b[b].last) <= 0);
	if (pa != NULL)
		acc_done(pa, row->coefficient, row->fails, row->delays);
	if (ua != NULL)
		acc_done(ua, row->coefficient, row->fails, row->delays);
	if (row->fails > 0 && keep_item(x, i, row->lead_unit_id, b, row->ref,
	    EVAL_QUALITY, row->fails, row->coefficient))
		return 1;
	if (row->delays > 0 && keep_item(x, i, row->lead_unit_id, b, row->ref,
	    EVAL_PROGRESS, row->delays, row->coefficient))
		return 1;
	if (x->q->every_duty && row->fails == 0 && row->delays == 0 &&
	    keep_item(x, i, row->lead_unit_id, b, row->ref, EVAL_COMPLETED, 0,
	    row->coefficient))
		return 1;
	return 0;
}

/* A duty due in the period and not confirmed by its end (or by today):
 * assigned, not completed, for its owner at that moment. */
static int
on_due(const struct eval_due_row *row, void *arg)
{
	struct run *x = arg;
	int b = bucket_of(x, row->deadline), i;
	const struct bucket *bk = &x->b[b];
	rowid_t owner = row->owner_id;
	struct acc *pa, *ua;

	if (strcmp(row->deadline, bk->as_of) > 0 ||
	    (row->closed_on != NULL && strcmp(row->closed_on, bk->last) <= 0) ||
	    strcmp(row->created_at, bk->end) >= 0)
		return 0;
	/* Its owner then: the current one, unless they took it later. */
	if (row->owner_since != NULL && strcmp(row->owner_since, bk->end) >= 0) {
		rowid_t then;

		if ((x->failed = store_eval_owner_at(x->s->st, row->id, bk->end, &then,
		    x->err)) != RV_OK)
			return 1;
		if (then != 0)
			owner = then;
	}
	i = index_of(x, owner);
	pa = pacc(x, i, b);
	ua = uacc(x, row->lead_unit_id, b);
	if (pa != NULL)
		acc_not_done(pa, row->coefficient, strcmp(row->deadline, bk->as_of) < 0);
	if (ua != NULL)
		acc_not_done(ua, row->coefficient, strcmp(row->deadline, bk->as_of) < 0);
	return keep_item(x, i, row->lead_unit_id, b, row->ref, EVAL_NOT_DONE, 0,
	    row->coefficient);
}

static int
on_general(const struct eval_general_row *row, void *arg)
{
	struct run *x = arg;
	int i = index_of(x, row->person_id);

	if (i < 0)
		return 0;
	for (int b = 0; b < x->nb; b++)
		if (strcmp(row->period, x->b[b].p.key) == 0) {
			x->general[(size_t)i * (size_t)x->nb + (size_t)b] = row->general;
			x->cohesion[(size_t)i * (size_t)x->nb + (size_t)b] = row->cohesion;
		}
	return 0;
}

/* Reads the people and their heads' units, and sizes the tables. */
static enum rv_code
prepare(struct run *x)
{
	struct store *st = x->s->st;
	size_t shown = x->nall;
	enum rv_code rc;

	for (size_t i = 0; i < shown; i++)
		x->all[i].head = actor_heads(st, x->all[i].id, x->all[i].unit_id);
	/* A head's d is their unit's other officials' totals: read already
	 * when whole units were asked for. */
	for (size_t i = 0; i < shown && !x->r->unit_wide; i++)
		if (x->all[i].head &&
		    (rc = load_people(x, x->all[i].unit_id, x->all[i].unit_id, 0, 0)) != RV_OK)
			return rc;
	for (size_t i = shown; i < x->nall; i++)
		x->all[i].head = actor_heads(st, x->all[i].id, x->all[i].unit_id);
	for (size_t i = 0; i < x->nall; i++) {
		if (x->all[i].id > x->max_person)
			x->max_person = x->all[i].id;
		if (x->all[i].unit_id > x->max_unit)
			x->max_unit = x->all[i].unit_id;
	}
	if ((x->index_of = calloc((size_t)x->max_person + 1, sizeof(*x->index_of))) == NULL ||
	    (x->unit_read = calloc((size_t)x->max_unit + 1, 1)) == NULL ||
	    (x->pacc = calloc(x->nall * (size_t)x->nb + 1, sizeof(*x->pacc))) == NULL ||
	    (x->uacc = calloc(((size_t)x->max_unit + 1) * (size_t)x->nb, sizeof(*x->uacc))) == NULL ||
	    (x->general = malloc((x->nall * (size_t)x->nb + 1) * sizeof(*x->general))) == NULL ||
	    (x->cohesion = calloc(x->nall * (size_t)x->nb + 1, sizeof(*x->cohesion))) == NULL ||
	    (x->unit_items = calloc((size_t)x->max_unit + 1, sizeof(*x->unit_items))) == NULL)
		return err_set(x->err, RV_STORAGE, _("out of memory"));
	for (size_t i = 0; i < x->nall * (size_t)x->nb; i++)
		x->general[i] = -1;
	for (size_t i = 0; i < x->nall; i++) {
		x->index_of[x->all[i].id] = (int)i + 1;
		if (x->all[i].head && x->all[i].shown)
			x->unit_read[x->all[i].unit_id] = 1;
	}
	return RV_OK;
}

/* d for the head at index h in bucket b: 100 when every other official of
 * the unit with a sheet scored 50 or more, 50 when one did not, -1 while
 * one has no total yet. */
static int
unit_results(const struct run *x, size_t h, int b)
{
	int fifty = 0;

	for (size_t i = 0; i < x->nall; i++) {
		const struct eval_person *m = &x->all[i];
		const struct eval_sheet *sh;

		if (m->unit_id != x->all[h].unit_id || m->head)
			continue;
		sh = &m->parts[b];
		if (!sh->scored)
			continue;
		if (!sh->has_total)
			return -1;
		if (sh->total < 5000)
			fifty = 1;
	}
	return fifty ? 50 : 100;
}

/* Each period's sheets: officials first, then heads (whose d needs the
 * officials' totals). */
static enum rv_code
compute_sheets(struct run *x)
{
	for (size_t i = 0; i < x->nall; i++) {
		struct eval_person *p = &x->all[i];

		p->nparts = (size_t)x->nb;
		if ((p->parts = calloc((size_t)x->nb, sizeof(*p->parts))) == NULL)
			return err_set(x->err, RV_STORAGE, _("out of memory"));
	}
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < x->nall; i++) {
			struct eval_person *p = &x->all[i];

			if (p->head != pass)
				continue;
			for (int b = 0; b < x->nb; b++) {
				struct eval_sheet *sh = &p->parts[b];
				size_t k = i * (size_t)x->nb + (size_t)b;
				const struct acc *a = p->head ? uacc(x, p->unit_id, b) : pacc(x, (int)i, b);
				struct acc none = { 0 };

				snprintf(sh->period, sizeof(sh->period), "%s", x->b[b].p.key);
				sh->head = p->head;
				sh->unit_results = -1;
				if (p->head) {
					sh->unit_results = unit_results(x, i, b);
					sh->organising = a != NULL && a->late_flag ? 50 : 100;
					sh->cohesion = x->cohesion[k];
				}
				sheet_fill(sh, a != NULL ? a : &none);
				sh->has_general = x->general[k] >= 0;
				sh->general = sh->has_general ? x->general[k] : 0;
				sheet_total(sh);
			}
		}
	return RV_OK;
}

/* A year's sheet: the counts summed, the shares, points and total the
 * average of the periods scored (Article 21). */
static void
year_sheet(struct eval_person *p, const struct eval_period *year)
{
	struct eval_sheet *y = &p->sheet;
	long long q = 0, ql = 0, pr = 0, pts = 0, gen = 0, tot = 0;
	int npoints = 0, ngeneral = 0;

	memset(y, 0, sizeof(*y));
	snprintf(y->period, sizeof(y->period), "%s", year->key);
	y->head = p->head;
	y->unit_results = -1;
	y->rating = EVAL_UNRATED;
	for (size_t b = 0; b < p->nparts; b++) {
		const struct eval_sheet *sh = &p->parts[b];

		y->assigned += sh->assigned;
		y->done += sh->done;
		y->assigned_c += sh->assigned_c;
		y->done_c += sh->done_c;
		y->reopened += sh->reopened;
		y->late += sh->late;
		if (!sh->scored)
			continue;
		y->periods++;
		q += sh->quantity;
		ql += sh->quality;
		pr += sh->progress;
		if (sh->has_points) {
			npoints++;
			pts += sh->points;
		}
		if (sh->has_general) {
			ngeneral++;
			gen += sh->general;
		}
		if (sh->has_total)
			tot += sh->total;
		else
			y->without_total++;
	}
	y->scored = y->periods > 0;
	if (!y->scored)
		return;
	y->quantity = round_div(q, y->periods);
	y->quality = round_div(ql, y->periods);
	y->progress = round_div(pr, y->periods);
	y->has_points = npoints == y->periods;
	y->points = y->has_points ? round_div(pts, y->periods) : 0;
	y->has_general = ngeneral == y->periods;
	y->general = y->has_general ? round_div(gen, y->periods) : 0;
	y->has_total = y->without_total == 0;
	if (y->has_total) {
		y->total = round_div(tot, y->periods);
		y->rating = eval_rating_of(y->total);
	}
}

/* The bucket of a period key of this run ("2026-05", "2026-Q2"). */
static int
bucket_of_key(const struct run *x, const char *key)
{
	int m;

	if (x->nb == 1)
		return 0;
	if (x->nb == 4)
		return key[6] - '1';
	return digits(key + 5, 2, &m) == 0 ? m - 1 : 0;
}

/* What each deduction took off its share of the sheet it explains: a
 * quarter of the duty's weight per time, of the weight assigned. */
static void
item_shares(const struct run *x, const struct eval_person *p)
{
	for (size_t k = 0; k < p->nitems; k++) {
		struct eval_item *it = &p->items[k];
		const struct eval_sheet *sh = &p->parts[bucket_of_key(x, it->period)];

		assert(strcmp(sh->period, it->period) == 0);
		assert(it->kind != EVAL_COMPLETED || x->q->every_duty);
		if ((it->kind == EVAL_QUALITY || it->kind == EVAL_PROGRESS) && sh->assigned_c > 0)
			it->percent = round_div(2500LL * it->coefficient *
			    (4 - quarters_left(it->times)), sh->assigned_c);
	}
}

/* A sheet's duties by period, then deductions of quality, of progress,
 * then the duties not done, then (every_duty) those completed without
 * deduction; within each, in the order they happened (the
 * day confirmed, or due).  A counting sort: stable, and linear where a
 * city's year holds some 400,000. */
static enum rv_code
items_in_order(struct run *x, struct eval_person *p)
{
	size_t keys = (size_t)x->nb * EVAL_ITEM_KINDS, *at = calloc(keys + 1, sizeof(*at));
	struct eval_item *sorted = malloc(p->nitems * sizeof(*sorted));

	if (at == NULL || sorted == NULL) {
		free(at);
		free(sorted);
		return x->failed = err_set(x->err, RV_STORAGE, _("out of memory"));
	}
	for (size_t k = 0; k < p->nitems; k++)
		at[(size_t)bucket_of_key(x, p->items[k].period) * EVAL_ITEM_KINDS + p->items[k].kind + 1]++;
	for (size_t k = 1; k <= keys; k++)
		at[k] += at[k - 1];
	for (size_t k = 0; k < p->nitems; k++)
		sorted[at[(size_t)bucket_of_key(x, p->items[k].period) * EVAL_ITEM_KINDS +
		    p->items[k].kind]++] =
		    p->items[k];
	free(p->items);
	p->items = sorted;
	p->items_cap = p->nitems;
	free(at);
	return RV_OK;
}

/* Gives each head shown the duties behind their unit's figures, and
 * every sheet shown its duties in order. */
static enum rv_code
give_items(struct run *x)
{
	for (size_t i = 0; i < x->nall; i++) {
		struct eval_person *p = &x->all[i];

		if (!p->shown)
			continue;
		if (p->head) {
			struct item_list *l = &x->unit_items[p->unit_id];

			assert(p->items == NULL);
			if (l->n > 0 && l->v != NULL) {
				/* The unit's first head takes the list; another, a copy. */
				p->items = l->v;
				p->nitems = p->items_cap = l->n;
				l->v = NULL;
			} else if (l->n > 0) {
				const struct eval_person *first = NULL;

				for (size_t k = 0; k < i && first == NULL; k++)
					if (x->all[k].shown && x->all[k].head &&
					    x->all[k].unit_id == p->unit_id)
						first = &x->all[k];
				assert(first != NULL && first->nitems == l->n);
				if ((p->items = malloc(l->n * sizeof(*p->items))) == NULL)
					return err_set(x->err, RV_STORAGE, _("out of memory"));
				memcpy(p->items, first->items, l->n * sizeof(*p->items));
				p->nitems = p->items_cap = l->n;
			}
		}
		item_shares(x, p);
		if (p->nitems > 1 && items_in_order(x, p) != RV_OK)
			return x->failed;
	}
	return RV_OK;
}

/* Article 20, clause 5: per unit, those rated excellent against 20% of
 * those rated good. */
static enum rv_code
limits(struct run *x)
{
	struct eval_result *r = x->r;

	if (!r->unit_wide)
		return RV_OK;
	for (size_t i = 0; i < r->npeople; i++) {
		const struct eval_person *p = &r->people[i];
		struct eval_limit *l = NULL;

		for (size_t k = 0; k < r->nlimits && l == NULL; k++)
			if (strcmp(r->limits[k].unit_code, p->unit_code) == 0)
				l = &r->limits[k];
		if (l == NULL) {
			struct eval_limit *n = realloc(r->limits, (r->nlimits + 1) * sizeof(*n));

			if (n == NULL)
				return err_set(x->err, RV_STORAGE, _("out of memory"));
			r->limits = n;
			l = &r->limits[r->nlimits++];
			memset(l, 0, sizeof(*l));
			snprintf(l->unit_code, sizeof(l->unit_code), "%s", p->unit_code);
		}
		l->excellent += p->sheet.rating == EVAL_EXCELLENT;
		l->good += p->sheet.rating == EVAL_GOOD;
	}
	for (size_t k = 0; k < r->nlimits; k++) {
		r->limits[k].allowed = r->limits[k].good / 5;
		r->limits[k].over = r->limits[k].excellent > r->limits[k].allowed;
	}
	return RV_OK;
}

static enum rv_code
run_txn(struct store *st, void *arg, struct rv_err *err)
{
	struct run *x = arg;
	struct eval_result *r = x->r;
	const struct eval_period *p = &r->period;
	char first[11], last[11], due_to[11], from_key[8], to_key[8];
	enum rv_code rc;

	/* A retried read starts again. */
	run_reset(x);
	for (size_t i = 0; i < r->npeople; i++)
		person_free(&r->people[i]);
	free(r->people);
	free(r->limits);
	r->people = NULL;
	r->limits = NULL;
	r->npeople = r->nlimits = 0;
	x->err = err;
	if ((rc = store_history_head(st, &r->head_id, r->head, (char[32]){ 0 }, err)) != RV_OK ||
	    (rc = scope(x)) != RV_OK || (rc = make_buckets(x)) != RV_OK ||
	    (rc = prepare(x)) != RV_OK)
		return rc;
	dates_iso(p->first, first);
	dates_iso(p->last, last);
	snprintf(due_to, sizeof(due_to), "%s", strcmp(last, r->as_of) < 0 ? last : r->as_of);
	if ((rc = store_eval_done(st, first, last, on_done, x, err)) != RV_OK || x->failed != RV_OK ||
	    (strcmp(first, due_to) <= 0 &&
	    ((rc = store_eval_due(st, first, due_to, on_due, x, err)) != RV_OK || x->failed != RV_OK)))
		return rc != RV_OK ? rc : x->failed;
	if (p->kind == EVAL_YEAR) {
		snprintf(from_key, sizeof(from_key), "%04d-", p->year);
		snprintf(to_key, sizeof(to_key), "%04d-~", p->year);
	} else {
		snprintf(from_key, sizeof(from_key), "%s", p->key);
		snprintf(to_key, sizeof(to_key), "%s", p->key);
	}
	if ((rc = store_eval_general_list(st, from_key, to_key, on_general, x, err)) != RV_OK ||
	    (rc = compute_sheets(x)) != RV_OK || (rc = give_items(x)) != RV_OK)
		return rc;
	/* The people shown, with their sheets, become the result. */
	if ((r->people = calloc(x->nall + 1, sizeof(*r->people))) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	for (size_t i = 0; i < x->nall; i++) {
		struct eval_person *n;

		if (!x->all[i].shown)
			continue;
		n = &r->people[r->npeople++];
		*n = x->all[i];
		memset(&x->all[i], 0, sizeof(x->all[i]));
		if (p->kind == EVAL_YEAR) {
			year_sheet(n, p);
		} else {
			n->sheet = n->parts[0];
			free(n->parts);
			n->parts = NULL;
			n->nparts = 0;
		}
	}
	return limits(x);
}

enum rv_code
eval_run(struct session *s, const struct eval_query *q, struct eval_result *out,
    struct rv_err *err)
{
	struct run x = { .s = s, .q = q, .r = out };
	day_t today = session_today(s);
	int given = (q->month != NULL) + (q->quarter != NULL) + (q->year != NULL);
	enum rv_code rc;

	memset(out, 0, sizeof(*out));
	out->by = EVAL_MONTH;
	if (given > 1)
		return err_set(err, RV_REFUSED,
		    _("give one period: --month, --quarter or --year"));
	if (q->unit != NULL && q->person != NULL)
		return err_set(err, RV_REFUSED,
		    _("give --unit or --person, not both"));
	if (q->by != NULL) {
		if (q->year == NULL)
			return err_set(err, RV_REFUSED,
			    _("--by says how a year is averaged: give it with --year"));
		if (strcmp(q->by, "quarter") == 0)
			out->by = EVAL_QUARTER;
		else if (strcmp(q->by, "month") != 0)
			return period_refused(_("--by is month or quarter, not '%s'"), q->by, err);
	}
	if (q->month != NULL)
		rc = eval_period_parse(EVAL_MONTH, q->month, &out->period, err);
	else if (q->quarter != NULL)
		rc = eval_period_parse(EVAL_QUARTER, q->quarter, &out->period, err);
	else if (q->year != NULL)
		rc = eval_period_parse(EVAL_YEAR, q->year, &out->period, err);
	else {
		int y, m, d;

		dates_to_ymd(today, &y, &m, &d);
		out->period.kind = EVAL_MONTH;
		out->period.year = y;
		out->period.n = m;
		period_days(&out->period);
		rc = RV_OK;
	}
	if (rc != RV_OK || (rc = in_force(&out->period, err)) != RV_OK)
		return rc;
	if (out->period.first > today) {
		char f[11];

		dates_iso(out->period.first, f);
		return err_set(err, RV_REFUSED,
		    _("the period %s begins on %s, after today: a sheet is of what has happened"),
		    out->period.key, dates_shown(f, (char[11]){ 0 }));
	}
	dates_iso(out->period.last < today ? out->period.last : today, out->as_of);
	session_stamp(s, out->made_at);
	session_sync_clock(s);
	rc = store_read(s->st, run_txn, &x, err);
	run_reset(&x);
	if (rc != RV_OK)
		eval_free(out);
	return rc;
}

void
eval_free(struct eval_result *r)
{
	for (size_t i = 0; i < r->npeople; i++)
		person_free(&r->people[i]);
	free(r->people);
	free(r->limits);
	r->people = NULL;
	r->limits = NULL;
	r->npeople = r->nlimits = 0;
}

/* --- entering the general criteria --------------------------------------- */

struct set_op {
	struct session *s;
	const struct eval_set *in;
	struct eval_period period;
	long general;
	int cohesion;		/* 0: not given */
	char *reason;
};

static enum rv_code
do_set(struct store *st, void *arg, struct rv_err *err)
{
	struct set_op *o = arg;
	struct session *s = o->s;
	struct person p = { 0 };
	struct unit u = { 0 };
	char at[21], detail[96], g[DECIMAL_SIZE];
	int head, may, found, cohesion = o->cohesion;
	long before;
	enum rv_code rc;

	if ((rc = store_person_by_login(st, o->in->login, &p, err)) != RV_OK)
		return rc;
	if (p.unit_id == 0 || p.role == ROLE_INSPECTOR) {
		rc = err_set(err, RV_REFUSED,
		    _("%s belongs to no unit, or is an inspector: only the officials of a unit are evaluated"),
		    p.login);
		goto out;
	}
	if (p.id == s->me.id) {
		rc = err_set(err, RV_REFUSED,
		    _("no one enters their own general criteria: the head above you does"));
		goto out;
	}
	if ((rc = store_unit_by_id(st, p.unit_id, &u, err)) != RV_OK)
		goto out;
	head = actor_heads(st, p.id, p.unit_id);
	may = head ? u.parent_id != 0 && actor_heads_above(st, s->me.id, u.parent_id) :
	    actor_heads_above(st, s->me.id, p.unit_id);
	if (!may) {
		rc = head ? err_set(err, RV_REFUSED,
		    _("%s heads %s: the head of a unit above it enters their general criteria"),
		    p.login, u.code) : err_set(err, RV_REFUSED,
		    _("only the head of %s or of a unit above it enters the general criteria of %s"),
		    u.code, p.login);
		goto out;
	}
	if (cohesion != 0 && !head) {
		rc = err_set(err, RV_REFUSED,
		    _("cohesion (--cohesion) is scored for the heads of units only, and %s heads none"),
		    p.login);
		goto out;
	}
	/* A head's cohesion stays as entered before unless it is given. */
	if (cohesion == 0 && head &&
	    (rc = store_eval_general_get(st, p.id, o->period.key, &found, &before,
	    &cohesion, err)) != RV_OK)
		goto out;
	session_stamp(s, at);
	decimal_format(o->general, g);
	if (cohesion != 0)
		snprintf(detail, sizeof(detail), "period %s; general %s; cohesion %d",
		    o->period.key, g, cohesion);
	else
		snprintf(detail, sizeof(detail), "period %s; general %s", o->period.key, g);
	if ((rc = store_eval_general_set(st, p.id, o->period.key, o->general, cohesion,
	    o->reason, s->me.id, at, err)) == RV_OK) {
		struct history_entry h = {
			.at = at, .actor_id = s->me.id, .via_id = s->via.id,
			.action = "evaluation-set", .to_owner_id = p.id,
			.text = o->reason, .detail = detail,
		};
		struct facts f;

		/* Every entry carries its facts (the ledger's); this one's
		 * say nothing beyond its detail. */
		facts_init(&f);
		if ((h.data = facts_text(&f)) == NULL)
			rc = err_set(err, RV_STORAGE, _("out of memory"));
		else
			rc = store_history_add(st, &h, err);
		facts_free(&f);
	}
out:
	model_person_free(&p);
	model_unit_free(&u);
	return rc;
}

enum rv_code
eval_set(struct session *s, const struct eval_set *in, struct rv_err *err)
{
	struct set_op o = { .s = s, .in = in };
	enum rv_code rc;

	if (s->me.role == ROLE_INSPECTOR)
		return err_set(err, RV_REFUSED,
		    _("inspectors see every sheet but enter none; the head above the official does"));
	if (in->login == NULL || in->login[0] == '\0')
		return err_set(err, RV_REFUSED, _("name the official by login"));
	if (in->period == NULL)
		return err_set(err, RV_REFUSED,
		    _("give the month or quarter with --period (2026-05 or 2026-Q2)"));
	if (in->general == NULL)
		return err_set(err, RV_REFUSED,
		    _("give the general criteria with --general, 0 to 30 points"));
	if ((rc = eval_period_parse_any(in->period, &o.period, err)) != RV_OK ||
	    (rc = in_force(&o.period, err)) != RV_OK ||
	    (rc = decimal_parse(in->general, _("the general criteria (--general)"), 0,
	    EVAL_GENERAL_MAX, &o.general, err)) != RV_OK)
		return rc;
	if (o.period.first > session_today(s)) {
		char f[11];

		dates_iso(o.period.first, f);
		return err_set(err, RV_REFUSED,
		    _("the period %s begins on %s, after today: it is evaluated once it has begun"),
		    o.period.key, dates_shown(f, (char[11]){ 0 }));
	}
	if (in->cohesion != NULL) {
		long c;
		struct rv_err e;

		if (decimal_parse(in->cohesion, "", 0, 10000, &c, &e) != RV_OK ||
		    (c != 10000 && c != 5000)) {
			char *cut = text_fit(in->cohesion, 40, 0);

			err_set(err, RV_REFUSED,
			    _("cohesion (--cohesion) is 100 or 50 (percent), as the decree scores it, not '%s'"),
			    cut != NULL ? cut : "");
			free(cut);
			return RV_REFUSED;
		}
		o.cohesion = (int)(c / 100);
	}
	if (in->reason == NULL)
		return err_set(err, RV_REFUSED, _("%s is required: write it out in words"),
		    _("a reason"));
	if ((rc = text_in_str(in->reason, _("a reason"), 4000, &o.reason, err)) != RV_OK)
		return rc;
	if (o.reason[0] == '\0') {
		free(o.reason);
		return err_set(err, RV_REFUSED, _("%s is empty: write it out in words"),
		    _("a reason"));
	}
	rc = store_write(s->st, do_set, &o, err);
	free(o.reason);
	return rc;
}
