/* replay: the state rebuilt from the history, against the tables (see
 * replay.h). */
#include "roviec/replay.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/dates.h"
#include "roviec/decimal.h"
#include "roviec/facts.h"
#include "roviec/history.h"
#include "roviec/i18n.h"
#include "roviec/ledger.h"
#include "roviec/store.h"
#include "roviec/text.h"

/* --- a map from row ids ---------------------------------------------------- */

/* Open addressing from a row id to an index into a vector. */
struct idmap {
	rowid_t *keys;
	size_t *vals;
	size_t cap, n;
};

static size_t
slot(const struct idmap *m, rowid_t id)
{
	size_t i = ((size_t)id * 0x9e3779b97f4a7c15ull) & (m->cap - 1);

	while (m->keys[i] != 0 && m->keys[i] != id)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* The index of id, or (size_t)-1. */
static size_t
map_get(const struct idmap *m, rowid_t id)
{
	size_t i;

	if (m->cap == 0 || id == 0)
		return (size_t)-1;
	i = slot(m, id);
	return m->keys[i] == id ? m->vals[i] : (size_t)-1;
}

static int
map_put(struct idmap *m, rowid_t id, size_t val)
{
	assert(id != 0);	/* 0 is the empty slot: no row has id 0 */
	if (2 * (m->n + 1) > m->cap) {
		struct idmap bigger = { 0 };

		bigger.cap = m->cap ? 2 * m->cap : 64;
		if ((bigger.keys = calloc(bigger.cap, sizeof(*bigger.keys))) == NULL ||
		    (bigger.vals = calloc(bigger.cap, sizeof(*bigger.vals))) == NULL) {
			free(bigger.keys);
			return -1;
		}
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i] != 0) {
				size_t j = slot(&bigger, m->keys[i]);

				bigger.keys[j] = m->keys[i];
				bigger.vals[j] = m->vals[i];
				bigger.n++;
			}
		free(m->keys);
		free(m->vals);
		*m = bigger;
	}
	{
		size_t i = slot(m, id);

		if (m->keys[i] == 0)
			m->n++;
		m->keys[i] = id;
		m->vals[i] = val;
	}
	return 0;
}

static void
map_free(struct idmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* --- the state ------------------------------------------------------------- */

/* Which fields of a unit or person the history has given. */
enum { U_CODE = 1, U_NAME = 2, U_KIND = 4, U_PARENT = 8, U_HEADS = 16 };
enum { P_LOGIN = 1, P_NAME = 2, P_UNIT = 4, P_ROLE = 8, P_LEFT = 16, P_MAIL = 32 };

struct ids {
	rowid_t *v;
	size_t n, cap;
};

struct runit {
	rowid_t id;
	int made;		/* by an entry */
	int stored;		/* a row of units */
	unsigned known;
	char *code, *name, *kind;
	rowid_t parent;
	struct ids heads, stored_heads;
	char *stored_code;	/* to name it when the history has none */
};

struct rperson {
	rowid_t id;
	int made, stored;
	unsigned known;
	char *login, *full_name, *role;
	rowid_t unit;
	char *stored_login;
	char *left_on;		/* issue #12: NULL, here */
	char *mail;		/* NULL: none (LOGIN@domain) */
};

struct rhandoff {
	const char *kind, *reason, *answer_reason;
	rowid_t from, to, by, answered_by, new_owner;
	const char *created_on;	/* NULL: not recorded (an old entry) */
	char state[10];
};

struct rext {
	rowid_t by, answered_by;
	char old_deadline[11];
	const char *new_deadline, *reason, *answer_reason;
	char state[10];
};

struct rnote {
	rowid_t person, unit;
	int unit_known;
	const char *at, *note;
};

struct rsupport {
	rowid_t unit, by;
	const char *part, *delivered_on;
};

struct rduty {
	int made;
	struct duty d;
	unsigned long known;
	struct rhandoff *h;
	size_t nh, caph;
	struct rext *x;
	size_t nx, capx;
	struct rnote *n;
	size_t nn, capn;
	struct rsupport *s;
	size_t ns, caps;
	int supports_known;
	struct facts_doc **docs;	/* kept while the duty is compared */
	size_t ndocs, capdocs;
	/* The evaluation's evidence (migration 9), each compared when
	 * known: the coefficient in hundredths (set when made, edited and
	 * undone), the extensions approved after the deadline they moved,
	 * and the moment of the last entry naming an owner (NULL: none). */
	long coefficient, missed;
	int coefficient_known, missed_known;
	const char *owner_since;
	/* Its series and period, as its creation names them (issue #11). */
	rowid_t series;
	char period[8];
	int series_known;
};

/* A series as the entries that started and stopped it say (issue #11). */
struct rseries {
	rowid_t id;
	int started, stopped, stored;
	enum series_every every;
	int day;		/* 0: the period's last */
	rowid_t assigner, lead, owner, stopped_by;
	char *started_at, *stopped_at;
};

/* A head's general criteria for a person and period, as an
 * evaluation-set entry of the history entered them. */
struct reval {
	rowid_t person, by;
	char period[8];
	long general, cohesion;	/* hundredths; cohesion 0: none */
	char *reason, *at;
	long long entry;
};

struct rp {
	struct store *st;
	replay_fn fn;
	void *arg;
	long long found;
	int stop;
	int failed;		/* out of memory */
	struct runit *units;
	size_t nunits, capunits;
	struct idmap unit_at;
	struct rperson *people;
	size_t npeople, cappeople;
	struct idmap person_at;
	struct reval *evals;	/* sorted, the last of each, once the table is read */
	size_t nevals, capevals, eval_at;
	int evals_sorted;
	struct rseries *series;
	size_t nseries, capseries;
	struct idmap series_at;
	char name[80];		/* the name of a finding's row */
	char v1[160], v2[160];	/* values shown */
};

/* One more zeroed element of the vector whose pointer is at arr (a T **,
 * read and written with memcpy: it is not a void *). */
static void *
more(void *arr, size_t *n, size_t *cap, size_t size, int *failed)
{
	void *a;

	memcpy(&a, arr, sizeof(a));
	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 8;
		void *b = realloc(a, c * size);

		if (b == NULL) {
			*failed = 1;
			return NULL;
		}
		memcpy(arr, &b, sizeof(b));
		a = b;
		*cap = c;
	}
	assert(*n < *cap);
	return memset((char *)a + (*n)++ * size, 0, size);
}

static struct runit *
unit_of(struct rp *r, rowid_t id, int make)
{
	size_t i = map_get(&r->unit_at, id);
	struct runit *u;

	if (i != (size_t)-1)
		return &r->units[i];
	if (!make || id == 0)
		return NULL;
	if ((u = more(&r->units, &r->nunits, &r->capunits, sizeof(*u), &r->failed)) == NULL)
		return NULL;
	u->id = id;
	if (map_put(&r->unit_at, id, r->nunits - 1) != 0) {
		r->failed = 1;
		r->nunits--;
		return NULL;
	}
	return u;
}

static struct rperson *
person_of(struct rp *r, rowid_t id, int make)
{
	size_t i = map_get(&r->person_at, id);
	struct rperson *p;

	if (i != (size_t)-1)
		return &r->people[i];
	if (!make || id == 0)
		return NULL;
	if ((p = more(&r->people, &r->npeople, &r->cappeople, sizeof(*p), &r->failed)) == NULL)
		return NULL;
	p->id = id;
	if (map_put(&r->person_at, id, r->npeople - 1) != 0) {
		r->failed = 1;
		r->npeople--;
		return NULL;
	}
	return p;
}

/* A unit's code, or a person's login, for people to read: the history's,
 * else the table's, else "#id". */
static const char *
unit_name(struct rp *r, rowid_t id, char *buf, size_t size)
{
	const struct runit *u = unit_of(r, id, 0);

	if (id == 0)
		return "";
	if (u != NULL && u->code != NULL)
		return u->code;
	if (u != NULL && u->stored_code != NULL)
		return u->stored_code;
	snprintf(buf, size, "#%lld", (long long)id);
	return buf;
}

static const char *
person_name(struct rp *r, rowid_t id, char *buf, size_t size)
{
	const struct rperson *p = person_of(r, id, 0);

	if (id == 0)
		return "";
	if (p != NULL && p->login != NULL)
		return p->login;
	if (p != NULL && p->stored_login != NULL)
		return p->stored_login;
	snprintf(buf, size, "#%lld", (long long)id);
	return buf;
}

static int
same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static void
set_str(char **dst, const char *v, int *failed)
{
	free(*dst);
	*dst = NULL;
	if (v != NULL && (*dst = strdup(v)) == NULL)
		*failed = 1;
}

/* --- findings -------------------------------------------------------------- */

static void
report(struct rp *r, struct replay_finding *f)
{
	r->found++;
	if (!r->stop && r->fn(f, r->arg))
		r->stop = 1;
}

static void
differs(struct rp *r, enum replay_of of, const char *name, const char *what,
    const char *stored, const char *history)
{
	struct replay_finding f = { .of = of, .how = REPLAY_DIFFERS, .name = name,
	    .what = what, .stored = stored != NULL ? stored : "",
	    .history = history != NULL ? history : "" };

	report(r, &f);
}

static void
bad_entry(struct rp *r, const struct store_entry *e, enum replay_of of,
    const char *name, const char *why)
{
	struct replay_finding f = { .of = of, .how = REPLAY_BAD_ENTRY, .name = name,
	    .stored = why, .entry = e->id };

	report(r, &f);
}

/* --- the cases: one per action ---------------------------------------------- */

struct ctx {
	struct rp *r;
	const struct store_entry *e;
	const struct facts_doc *doc;	/* NULL: an entry from before the facts */
	struct rduty *d;		/* a duty's entry */
	const char *name;		/* the row, for findings */
};

typedef void (*duty_case)(struct ctx *c);
typedef void (*org_case)(struct ctx *c);

/* An entry from before migration 6 says in its columns what it did; an
 * entry since says it in its facts, applied after the case. */
static int
legacy(const struct ctx *c)
{
	return c->doc == NULL;
}

/* The bit of a field of ledger.h in a duty's known. */
static unsigned long
field_bit(const char *key)
{
	for (size_t i = 0; i < ledger_duty_nfields; i++)
		if (strcmp(ledger_duty_fields[i].key, key) == 0)
			return 1ul << i;
	assert(!"a field of ledger.h");
	return 0;
}

static unsigned long
all_fields(void)
{
	return ledger_duty_nfields >= 8 * sizeof(unsigned long) ? ~0ul :
	    (1ul << ledger_duty_nfields) - 1;
}

static void
legacy_set(struct ctx *c, const char *key, const char *v)
{
	for (size_t i = 0; i < ledger_duty_nfields; i++) {
		const struct ledger_field *lf = &ledger_duty_fields[i];
		char *p = (char *)&c->d->d + lf->at;

		if (strcmp(lf->key, key) != 0)
			continue;
		assert(lf->type == LEDGER_DAY || lf->type == LEDGER_WORD);
		snprintf(p, lf->type == LEDGER_DAY ? 11 : 10, "%s", v != NULL ? v : "");
		c->d->known |= 1ul << i;
		return;
	}
	assert(!"a field of ledger.h");
}

static void
legacy_move(struct ctx *c)
{
	if (!legacy(c))
		return;
	if (c->e->to_unit_id != 0) {
		c->d->d.lead_unit_id = c->e->to_unit_id;
		c->d->known |= field_bit("lead_unit_id");
	}
	if (c->e->to_owner_id != 0) {
		c->d->d.owner_id = c->e->to_owner_id;
		c->d->known |= field_bit("owner_id");
	}
}

static void
add_support(struct ctx *c, rowid_t unit, const char *part, const char *on, rowid_t by)
{
	struct rduty *d = c->d;
	struct rsupport *s = more(&d->s, &d->ns, &d->caps, sizeof(*s), &c->r->failed);

	if (s == NULL)
		return;
	s->unit = unit;
	s->part = part;
	s->delivered_on = on;
	s->by = by;
}

static struct rsupport *
support_of(struct rduty *d, rowid_t unit)
{
	for (size_t i = 0; i < d->ns; i++)
		if (d->s[i].unit == unit)
			return &d->s[i];
	return NULL;
}

/* The "support" list of a creation ([unit, part]) or a baseline ([unit,
 * part, delivered_on, delivered_by]). */
static void
take_supports(struct ctx *c)
{
	const struct facts_value *v = facts_get(c->doc, "support");

	if (v->type != FACT_LIST)
		return;
	c->d->ns = 0;
	c->d->supports_known = 1;
	for (size_t i = 0; i < v->nrows; i++) {
		const struct facts_row *row = &v->rows[i];
		const char *part = row->n > 1 && row->items[1].type == FACT_STR ? row->items[1].s : "";
		const char *on = row->n > 2 && row->items[2].type == FACT_STR ? row->items[2].s : NULL;
		rowid_t by = row->n > 3 && row->items[3].type == FACT_INT ? row->items[3].i : 0;

		if (row->n < 1 || row->items[0].type != FACT_INT) {
			bad_entry(c->r, c->e, REPLAY_DUTY, c->name, N_("a supporting unit without its unit"));
			continue;
		}
		add_support(c, row->items[0].i, part, on, by);
	}
}

/* A coefficient as the history writes it ("1.5"), into *out. */
static int
coefficient_of(const char *text, long *out)
{
	struct rv_err err;

	return decimal_parse(text, "", DUTY_COEFFICIENT_MIN, DUTY_COEFFICIENT_MAX, out,
	    &err) == RV_OK ? 0 : -1;
}

/* An entry whose facts may hold the supporting units as they became (an
 * edit of them, an undo): they replace those the duty had. */
static void
duty_supports_set(struct ctx *c)
{
	if (!legacy(c))
		take_supports(c);
}

/* A correction (issue #11): its fields in its facts, the supporting units
 * as they became, or the coefficient, which its detail says (the
 * coefficient is not a field of the ledger). */
static void
duty_edited(struct ctx *c)
{
	char field[16], from[DECIMAL_SIZE], to[DECIMAL_SIZE];

	duty_supports_set(c);
	if (history_edit_parse(c->e->detail, field, sizeof(field), from, sizeof(from), to,
	    sizeof(to)) != 0 || strcmp(field, "coefficient") != 0)
		return;
	if (coefficient_of(to, &c->d->coefficient) != 0) {
		c->d->coefficient_known = 0;
		bad_entry(c->r, c->e, REPLAY_DUTY, c->name,
		    N_("its detail does not say the coefficient it set"));
	}
}

/* An undo: the fields it put back in its facts, the supporting units as
 * they were, and from its detail's snapshot the coefficient and the
 * moment the owner took the duty (duty.c's do_undo). */
static void
duty_undone(struct ctx *c)
{
	duty_supports_set(c);
	if (c->e->state_coefficient != 0) {
		c->d->coefficient = (long)c->e->state_coefficient;
		c->d->coefficient_known = 1;
	}
	if (c->e->state_owner_since != NULL)
		c->d->owner_since = c->e->state_owner_since;
}

/* A new duty's evidence: the coefficient its detail states (1 unless it
 * says), no deadline missed. */
static void
made_evidence(struct ctx *c)
{
	struct rduty *d = c->d;
	char text[DECIMAL_SIZE];
	int stated = history_created_coefficient(c->e->detail, text, sizeof(text));
	long long series;

	d->coefficient = DUTY_COEFFICIENT_DEFAULT;
	d->coefficient_known = stated == 0 || (stated > 0 && coefficient_of(text, &d->coefficient) == 0);
	if (stated != 0 && !d->coefficient_known)
		bad_entry(c->r, c->e, REPLAY_DUTY, c->name,
		    N_("its detail does not say the duty's deadline and coefficient"));
	d->missed = 0;
	d->missed_known = 1;
	/* Its series and period, when it is one's (issue #11). */
	switch (history_created_series(c->e->detail, &series, d->period)) {
	case 1:
		d->series = (rowid_t)series;
		d->series_known = 1;
		break;
	case 0:
		d->series = 0;
		d->period[0] = '\0';
		d->series_known = 1;
		break;
	default:
		d->series_known = 0;
		break;
	}
}

/* The series of id as the history has it so far, made when absent; NULL
 * when out of memory. */
static struct rseries *
series_of(struct rp *r, rowid_t id)
{
	size_t at = map_get(&r->series_at, id);
	struct rseries *se;

	if (at != (size_t)-1)
		return &r->series[at];
	if ((se = more(&r->series, &r->nseries, &r->capseries, sizeof(*se),
	    &r->failed)) == NULL)
		return NULL;
	if (map_put(&r->series_at, id, r->nseries - 1) != 0) {
		r->failed = 1;
		r->nseries--;
		return NULL;
	}
	se->id = id;
	return se;
}

/* A series started on the duty just made: its rule from the detail, its
 * assigner, lead unit and owner the duty's (duty.c). */
static void
duty_series_started(struct ctx *c)
{
	struct rseries *se;
	long long id;
	enum series_every every;
	int day;

	if (history_series_rule(c->e->detail, &id, &every, &day) != 0 || id <= 0) {
		bad_entry(c->r, c->e, REPLAY_DUTY, c->name,
		    N_("its detail does not say the series' number and rule"));
		return;
	}
	if ((se = series_of(c->r, (rowid_t)id)) == NULL)
		return;
	if (se->started)
		bad_entry(c->r, c->e, REPLAY_DUTY, c->name, N_("the series is started twice"));
	se->started = 1;
	se->every = every;
	se->day = day;
	se->assigner = c->d->d.assigner_id;
	se->lead = c->d->d.lead_unit_id;
	se->owner = c->d->d.owner_id;
	set_str(&se->started_at, c->e->at, &c->r->failed);
}

static void
duty_series_stopped(struct ctx *c)
{
	struct rseries *se;
	long long id;
	int n = 0;

	if (c->e->detail == NULL || sscanf(c->e->detail, "series %lld%n", &id, &n) != 1 ||
	    c->e->detail[n] != '\0' || id <= 0) {
		bad_entry(c->r, c->e, REPLAY_DUTY, c->name,
		    N_("its detail does not say the series' number"));
		return;
	}
	if ((se = series_of(c->r, (rowid_t)id)) == NULL)
		return;
	if (se->stopped)
		bad_entry(c->r, c->e, REPLAY_DUTY, c->name, N_("the series is stopped twice"));
	se->stopped = 1;
	se->stopped_by = c->e->actor_id;
	set_str(&se->stopped_at, c->e->at, &c->r->failed);
}

static void
duty_created(struct ctx *c)
{
	struct rduty *d = c->d;
	const char *det = c->e->detail;

	if (d->made)
		bad_entry(c->r, c->e, REPLAY_DUTY, c->name, N_("the duty is made twice"));
	d->made = 1;
	made_evidence(c);
	if (legacy(c)) {
		legacy_move(c);
		d->d.assigner_id = c->e->actor_id;
		d->known |= field_bit("assigner_id");
		legacy_set(c, "status", "open");
		/* "deadline DAY[; original DAY][; ...]" */
		if (det != NULL && strncmp(det, "deadline ", 9) == 0 && strlen(det) >= 19) {
			char day[11];

			snprintf(day, sizeof(day), "%.10s", det + 9);
			legacy_set(c, "deadline", day);
			if (strncmp(det + 19, "; original ", 11) == 0 && strlen(det) >= 40)
				snprintf(day, sizeof(day), "%.10s", det + 30);
			legacy_set(c, "original_deadline", day);
		}
		return;
	}
	/* Its facts hold every field that is not zero or empty; the others
	 * are, as a new duty's are. */
	d->known = all_fields();
	take_supports(c);
}

static void
duty_baseline(struct ctx *c)
{
	/* Written by migration 7, before a duty had a coefficient (9). */
	c->d->coefficient = DUTY_COEFFICIENT_DEFAULT;
	c->d->coefficient_known = 1;
	c->d->missed_known |= !c->d->made;
	c->d->made = 1;
	c->d->known = all_fields();
	take_supports(c);
}

static void
duty_moved(struct ctx *c)
{
	legacy_move(c);
}

static struct rhandoff *
pending_handoff(struct rduty *d)
{
	for (size_t i = d->nh; i-- > 0;)
		if (strcmp(d->h[i].state, "pending") == 0)
			return &d->h[i];
	return NULL;
}

static void
duty_proposed(struct ctx *c)
{
	struct rduty *d = c->d;
	struct rhandoff *h;
	const struct facts_value *day = facts_get(c->doc, "created_on");

	if (pending_handoff(d) != NULL)
		bad_entry(c->r, c->e, REPLAY_DUTY, c->name,
		    N_("a proposal is made while another waits"));
	if ((h = more(&d->h, &d->nh, &d->caph, sizeof(*h), &c->r->failed)) == NULL)
		return;
	h->kind = c->e->action;
	h->from = c->e->from_unit_id;
	h->to = c->e->to_unit_id;
	h->by = c->e->actor_id;
	h->reason = c->e->text;
	h->created_on = day->type == FACT_STR ? day->s : NULL;
	snprintf(h->state, sizeof(h->state), "pending");
}

/* Answers the pending proposal (state); NULL when there is none. */
static struct rhandoff *
answer_handoff(struct ctx *c, const char *state)
{
	struct rhandoff *h = pending_handoff(c->d);

	if (h == NULL) {
		bad_entry(c->r, c->e, REPLAY_DUTY, c->name,
		    N_("it answers a proposal that is not waiting"));
		return NULL;
	}
	snprintf(h->state, sizeof(h->state), "%s", state);
	h->answered_by = c->e->actor_id;
	h->answer_reason = c->e->text;
	return h;
}

static void
duty_accepted(struct ctx *c)
{
	struct rhandoff *h = answer_handoff(c, "accepted");

	if (h != NULL)
		h->new_owner = c->e->to_owner_id;
	legacy_move(c);
}

static void
duty_rejected(struct ctx *c)
{
	answer_handoff(c, "rejected");
}

static void
duty_handoff_withdrawn(struct ctx *c)
{
	answer_handoff(c, "withdrawn");
}

static void
duty_progress(struct ctx *c)
{
	struct rduty *d = c->d;
	struct rnote *n = more(&d->n, &d->nn, &d->capn, sizeof(*n), &c->r->failed);
	const struct facts_value *u = facts_get(c->doc, "unit");

	if (n == NULL)
		return;
	n->person = c->e->actor_id;
	n->at = c->e->at;
	n->note = c->e->text;
	n->unit_known = u->type == FACT_INT || u->type == FACT_NULL;
	n->unit = u->type == FACT_INT ? u->i : 0;
}

static void
duty_part_delivered(struct ctx *c)
{
	struct rsupport *s = support_of(c->d, c->e->from_unit_id);
	const struct facts_value *by = facts_get(c->doc, "by");

	if (s == NULL) {
		if (c->d->supports_known)
			bad_entry(c->r, c->e, REPLAY_DUTY, c->name,
			    N_("a part is delivered by a unit that does not support the duty"));
		return;
	}
	s->delivered_on = c->e->detail;
	s->by = by->type == FACT_INT ? by->i : by->type == FACT_NULL ? 0 : c->e->actor_id;
}

static void
duty_support_ended(struct ctx *c)
{
	struct rduty *d = c->d;

	for (size_t i = 0; i < d->ns; i++)
		if (d->s[i].unit == c->e->from_unit_id) {
			memmove(&d->s[i], &d->s[i + 1], (d->ns - i - 1) * sizeof(d->s[0]));
			d->ns--;
			return;
		}
}

static void
duty_extension_asked(struct ctx *c)
{
	struct rduty *d = c->d;
	struct rext *x;

	for (size_t i = 0; i < d->nx; i++)
		if (strcmp(d->x[i].state, "pending") == 0)
			bad_entry(c->r, c->e, REPLAY_DUTY, c->name,
			    N_("an extension is asked while another waits"));
	if ((x = more(&d->x, &d->nx, &d->capx, sizeof(*x), &c->r->failed)) == NULL)
		return;
	x->by = c->e->actor_id;
	snprintf(x->old_deadline, sizeof(x->old_deadline), "%s", d->d.deadline);
	x->new_deadline = c->e->detail;
	x->reason = c->e->text;
	snprintf(x->state, sizeof(x->state), "pending");
}

static struct rext *
answer_extension(struct ctx *c, const char *state)
{
	struct rduty *d = c->d;

	for (size_t i = d->nx; i-- > 0;)
		if (strcmp(d->x[i].state, "pending") == 0) {
			snprintf(d->x[i].state, sizeof(d->x[i].state), "%s", state);
			d->x[i].answered_by = c->e->actor_id;
			d->x[i].answer_reason = c->e->text;
			return &d->x[i];
		}
	bad_entry(c->r, c->e, REPLAY_DUTY, c->name,
	    N_("it answers an extension request that is not waiting"));
	return NULL;
}

/* An extension approved after the deadline it moves had passed: that
 * deadline was missed, by the local day the approval fell on, as roviec
 * counts days where it runs.  duty.c's answer_extension took the day of
 * its clock (the entry's moment read back by timegm), migration 9 SQLite's
 * of the stored moment (read by arithmetic): the two differ only in a zone
 * that counts leap seconds, in the seconds after midnight, where the count
 * is then left unknown rather than called wrong. */
static void
count_missed(struct ctx *c, const struct rext *x)
{
	day_t old;
	time_t at, clock;
	int by_clock, by_sqlite;

	if (dates_from_iso(x->old_deadline, &old) != 0 || c->e->at == NULL ||
	    dates_moment(c->e->at, &at) != 0 || dates_moment_clock(c->e->at, &clock) != 0) {
		c->d->missed_known = 0;
		return;
	}
	by_clock = dates_local_day(clock) > old;
	by_sqlite = dates_local_day(at) > old;
	if (by_clock != by_sqlite)
		c->d->missed_known = 0;
	else
		c->d->missed += by_clock;
}

static void
duty_extension_approved(struct ctx *c)
{
	struct rext *x = answer_extension(c, "approved");

	if (x == NULL)
		return;
	count_missed(c, x);
	if (legacy(c))
		legacy_set(c, "deadline", c->e->detail);
}

static void
duty_extension_refused(struct ctx *c)
{
	answer_extension(c, "refused");
}

static void
duty_extension_withdrawn(struct ctx *c)
{
	answer_extension(c, "withdrawn");
}

static void
duty_submitted(struct ctx *c)
{
	if (legacy(c)) {
		legacy_set(c, "status", "submitted");
		legacy_set(c, "done_on", c->e->detail);
	}
}

static void
duty_confirmed(struct ctx *c)
{
	if (legacy(c))
		legacy_set(c, "status", "done");
}

static void
duty_reopened(struct ctx *c)
{
	if (legacy(c)) {
		legacy_set(c, "status", "open");
		legacy_set(c, "done_on", NULL);
		legacy_set(c, "closed_on", NULL);
	}
}

static void
duty_cancelled(struct ctx *c)
{
	if (legacy(c)) {
		legacy_set(c, "status", "cancelled");
		legacy_set(c, "closed_on", c->e->detail);
	}
}

/* The organisation: units, people and heads (entries of no duty). */

static int
fact_str(const struct facts_doc *doc, const char *key, const char **out)
{
	const struct facts_value *v = facts_get(doc, key);

	*out = v->type == FACT_STR ? v->s : NULL;
	return v->type == FACT_STR || v->type == FACT_NULL;
}

/* Sets *out when doc has key (an id, or null for none). */
static int
fact_id(const struct facts_doc *doc, const char *key, rowid_t *out)
{
	const struct facts_value *v = facts_get(doc, key);

	if (v->type != FACT_INT && v->type != FACT_NULL)
		return 0;
	*out = v->type == FACT_INT ? v->i : 0;
	return 1;
}

static void
unit_facts(struct ctx *c, struct runit *u)
{
	const char *v;

	if (fact_str(c->doc, "code", &v)) {
		set_str(&u->code, v, &c->r->failed);
		u->known |= U_CODE;
	}
	if (fact_str(c->doc, "name", &v)) {
		set_str(&u->name, v, &c->r->failed);
		u->known |= U_NAME;
	}
	if (fact_str(c->doc, "kind", &v)) {
		set_str(&u->kind, v, &c->r->failed);
		u->known |= U_KIND;
	}
	if (fact_id(c->doc, "parent_id", &u->parent))
		u->known |= U_PARENT;
}

static void
person_facts(struct ctx *c, struct rperson *p)
{
	const char *v;

	if (fact_str(c->doc, "login", &v)) {
		set_str(&p->login, v, &c->r->failed);
		p->known |= P_LOGIN;
	}
	if (fact_str(c->doc, "full_name", &v)) {
		set_str(&p->full_name, v, &c->r->failed);
		p->known |= P_NAME;
	}
	if (fact_id(c->doc, "unit_id", &p->unit))
		p->known |= P_UNIT;
	if (fact_str(c->doc, "role", &v)) {
		set_str(&p->role, v, &c->r->failed);
		p->known |= P_ROLE;
	}
	if (fact_str(c->doc, "left_on", &v)) {
		set_str(&p->left_on, v, &c->r->failed);
		p->known |= P_LEFT;
	}
	if (fact_str(c->doc, "mail", &v)) {
		set_str(&p->mail, v, &c->r->failed);
		p->known |= P_MAIL;
	}
}

/* A person made (added, or a baseline's) works here: none had left before
 * migration 10 gave the day (issue #12). */
static void
person_here(struct rperson *p)
{
	free(p->left_on);
	p->left_on = NULL;
	p->known |= P_LEFT;
	/* Nor had anyone a mail address before migration 13; one is given
	 * only by person add, set or import, whose entries say it. */
	free(p->mail);
	p->mail = NULL;
	p->known |= P_MAIL;
}

static int
ids_add(struct ids *s, rowid_t id)
{
	int failed = 0;
	rowid_t *v = more(&s->v, &s->n, &s->cap, sizeof(*v), &failed);

	if (v != NULL)
		*v = id;
	return failed ? -1 : 0;
}

static void
ids_remove(struct ids *s, rowid_t id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i] == id) {
			memmove(&s->v[i], &s->v[i + 1], (s->n - i - 1) * sizeof(s->v[0]));
			s->n--;
			return;
		}
}

static int
ids_has(const struct ids *s, rowid_t id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i] == id)
			return 1;
	return 0;
}

static struct runit *
entry_unit(struct ctx *c, rowid_t id, int make)
{
	struct runit *u = unit_of(c->r, id, 1);

	if (u == NULL)
		return NULL;
	if (!make && !u->made)
		bad_entry(c->r, c->e, REPLAY_ENTRY, c->name, N_("it names a unit the history never made"));
	return u;
}

static struct rperson *
entry_person(struct ctx *c, rowid_t id, int make)
{
	struct rperson *p = person_of(c->r, id, 1);

	if (p == NULL)
		return NULL;
	if (!make && !p->made)
		bad_entry(c->r, c->e, REPLAY_ENTRY, c->name, N_("it names a person the history never made"));
	return p;
}

static void
org_unit_added(struct ctx *c)
{
	struct runit *u = entry_unit(c, c->e->to_unit_id, 1);

	if (u == NULL)
		return;
	if (u->made)
		bad_entry(c->r, c->e, REPLAY_ENTRY, c->name, N_("the unit is made twice"));
	u->made = 1;
	u->known |= U_HEADS;	/* a new unit has none */
	if (legacy(c)) {
		set_str(&u->name, c->e->text, &c->r->failed);
		u->known |= U_NAME;
	} else {
		unit_facts(c, u);
	}
}

static void
org_person_added(struct ctx *c)
{
	struct rperson *p = entry_person(c, c->e->to_owner_id, 1);

	if (p == NULL)
		return;
	if (p->made)
		bad_entry(c->r, c->e, REPLAY_ENTRY, c->name, N_("the person is made twice"));
	p->made = 1;
	person_here(p);
	if (legacy(c)) {
		set_str(&p->full_name, c->e->text, &c->r->failed);
		p->unit = c->e->to_unit_id;
		p->known |= P_NAME | P_UNIT;
	} else {
		person_facts(c, p);
	}
}

static void
org_person_changed(struct ctx *c)
{
	struct rperson *p = entry_person(c, c->e->to_owner_id, 0);

	if (p == NULL)
		return;
	if (legacy(c)) {
		p->unit = c->e->to_unit_id;
		p->known |= P_UNIT;
		if (c->e->text != NULL && strcmp(c->e->text, "joins the unit as its head") != 0) {
			set_str(&p->full_name, c->e->text, &c->r->failed);
			p->known |= P_NAME;
		}
	} else {
		person_facts(c, p);
	}
}

static void
org_head_set(struct ctx *c)
{
	struct runit *u = entry_unit(c, c->e->to_unit_id, 0);

	if (u == NULL || entry_person(c, c->e->to_owner_id, 0) == NULL)
		return;
	/* Before migration 5 a unit had one head: naming one unseated the
	 * other.  Since, it is one more head. */
	if (legacy(c))
		u->heads.n = 0;
	if (!ids_has(&u->heads, c->e->to_owner_id) && ids_add(&u->heads, c->e->to_owner_id) != 0)
		c->r->failed = 1;
}

static void
org_head_removed(struct ctx *c)
{
	struct runit *u = entry_unit(c, c->e->from_unit_id, 0);

	if (u == NULL)
		return;
	if (!ids_has(&u->heads, c->e->from_owner_id))
		bad_entry(c->r, c->e, REPLAY_ENTRY, c->name, N_("it removes a head the unit did not have"));
	ids_remove(&u->heads, c->e->from_owner_id);
}

/* Issue #12: a unit renamed, moved or of another kind; a person who left.
 * Both came after the facts: one without is a finding. */
static void
org_unit_changed(struct ctx *c)
{
	struct runit *u = entry_unit(c, c->e->to_unit_id, 0);

	if (u == NULL)
		return;
	if (legacy(c))
		bad_entry(c->r, c->e, REPLAY_ENTRY, c->name, N_("it has no facts to replay"));
	else
		unit_facts(c, u);
}

static void
org_person_left(struct ctx *c)
{
	struct rperson *p = entry_person(c, c->e->to_owner_id, 0);

	if (p == NULL)
		return;
	if (legacy(c) || !facts_has(c->doc, "left_on"))
		bad_entry(c->r, c->e, REPLAY_ENTRY, c->name, N_("it has no facts to replay"));
	else
		person_facts(c, p);
}

/* Issue #13: a head's general criteria for a person and period; the
 * last entered stands (the table evaluations). */
static void
org_evaluation_set(struct ctx *c)
{
	const struct store_entry *e = c->e;
	char period[8], general[24], cohesion[8];
	struct rv_err err;
	struct reval *v;
	long g;

	if (e->to_owner_id == 0 ||
	    history_evaluation_parse(e->detail, period, general, cohesion) != 0 ||
	    decimal_parse(general, "", 0, 3000, &g, &err) != RV_OK) {
		bad_entry(c->r, e, REPLAY_ENTRY, c->name,
		    N_("it does not say whose general criteria, for what period, and what"));
		return;
	}
	if ((v = more(&c->r->evals, &c->r->nevals, &c->r->capevals, sizeof(*v),
	    &c->r->failed)) == NULL)
		return;
	v->person = e->to_owner_id;
	v->by = e->actor_id;
	snprintf(v->period, sizeof(v->period), "%s", period);
	v->general = g;
	v->cohesion = strtol(cohesion, NULL, 10);
	v->entry = e->id;
	set_str(&v->reason, e->text, &c->r->failed);
	set_str(&v->at, e->at, &c->r->failed);
}

static void
org_baseline(struct ctx *c)
{
	if (c->e->to_unit_id != 0) {
		struct runit *u = entry_unit(c, c->e->to_unit_id, 1);
		const struct facts_value *h = facts_get(c->doc, "heads");

		if (u == NULL)
			return;
		u->made = 1;
		unit_facts(c, u);
		if (h->type == FACT_LIST) {
			u->heads.n = 0;
			u->known |= U_HEADS;
			for (size_t i = 0; i < h->nrows; i++)
				if (h->rows[i].n == 1 && h->rows[i].items[0].type == FACT_INT &&
				    ids_add(&u->heads, h->rows[i].items[0].i) != 0)
					c->r->failed = 1;
		}
	} else if (c->e->to_owner_id != 0) {
		struct rperson *p = entry_person(c, c->e->to_owner_id, 1);

		if (p == NULL)
			return;
		p->made = 1;
		person_here(p);
		person_facts(c, p);
	} else {
		bad_entry(c->r, c->e, REPLAY_ENTRY, c->name, N_("a baseline of nothing"));
	}
}

/*
 * The actions, each with its case for a duty's entry and for an entry of
 * the organisation (NULL: the action never comes there).  An action added
 * to the program is added here; one missing is a finding of verify.
 */
static const struct replay_case {
	const char *action;
	duty_case duty;
	org_case org;
} replay_cases[] = {
	{ "created", duty_created, NULL },
	{ "assigned", duty_moved, NULL },
	{ "transfer", duty_proposed, NULL },
	{ "escalate", duty_proposed, NULL },
	{ "return", duty_proposed, NULL },
	{ "accepted", duty_accepted, NULL },
	{ "rejected", duty_rejected, NULL },
	{ "handoff-withdrawn", duty_handoff_withdrawn, NULL },
	{ "progress", duty_progress, NULL },
	{ "part-delivered", duty_part_delivered, NULL },
	{ "support-ended", duty_support_ended, NULL },
	{ "extension-asked", duty_extension_asked, NULL },
	{ "extension-approved", duty_extension_approved, NULL },
	{ "extension-refused", duty_extension_refused, NULL },
	{ "extension-withdrawn", duty_extension_withdrawn, NULL },
	{ "submitted", duty_submitted, NULL },
	{ "confirmed", duty_confirmed, NULL },
	{ "reopened", duty_reopened, NULL },
	{ "redirected", duty_moved, NULL },
	{ "cancelled", duty_cancelled, NULL },
	{ "unit-added", NULL, org_unit_added },
	{ "person-added", NULL, org_person_added },
	{ "person-changed", NULL, org_person_changed },
	{ "head-set", NULL, org_head_set },
	{ "head-removed", NULL, org_head_removed },
	/* issue #12 */
	{ "unit-changed", NULL, org_unit_changed },
	{ "person-left", NULL, org_person_left },
	{ "baseline", duty_baseline, org_baseline },
	/* Issue #13: general criteria entered for a person. */
	{ "evaluation-set", NULL, org_evaluation_set },
	/* Issue #11: a correction and an undo (above; the request an undo
	 * withdrew is an entry of its own before it); a series started and
	 * stopped (the table series). */
	{ "edited", duty_edited, NULL },
	{ "undone", duty_undone, NULL },
	{ "series-started", duty_series_started, NULL },
	{ "series-stopped", duty_series_stopped, NULL },
};

#define NCASES (sizeof(replay_cases) / sizeof(replay_cases[0]))

static const struct replay_case *
case_of(const char *action)
{
	for (size_t i = 0; action != NULL && i < NCASES; i++)
		if (strcmp(replay_cases[i].action, action) == 0)
			return &replay_cases[i];
	return NULL;
}

int
replay_knows(const char *action)
{
	return case_of(action) != NULL;
}

/* The facts of an entry (NULL and no finding when it has none). */
static struct facts_doc *
entry_facts(struct ctx *c, enum replay_of of, int *bad)
{
	struct facts_doc *doc;

	*bad = 0;
	if (c->e->data == NULL)
		return NULL;
	if ((doc = facts_parse(c->e->data)) == NULL) {
		bad_entry(c->r, c->e, of, c->name, N_("its facts cannot be read"));
		*bad = 1;
	}
	return doc;
}

static void
unknown_action(struct rp *r, const struct store_entry *e, enum replay_of of,
    const char *name)
{
	struct replay_finding f = { .of = of, .how = REPLAY_UNKNOWN_ACTION,
	    .name = name, .stored = e->action != NULL ? e->action : "", .entry = e->id };

	report(r, &f);
}

/* --- the organisation -------------------------------------------------------- */

static int
org_entry(const struct store_entry *e, void *arg)
{
	struct rp *r = arg;
	const struct replay_case *k = case_of(e->action);
	struct ctx c = { .r = r, .e = e };
	char num[32];
	int bad;

	snprintf(num, sizeof(num), "%lld", e->id);
	c.name = num;
	if (k == NULL || k->org == NULL) {
		unknown_action(r, e, REPLAY_ENTRY, num);
		return r->stop;
	}
	c.doc = entry_facts(&c, REPLAY_ENTRY, &bad);
	if (!bad)
		k->org(&c);
	facts_doc_free((struct facts_doc *)c.doc);
	return r->stop || r->failed;
}

static int
org_unit_row(const struct store_unit_rec *row, void *arg)
{
	struct rp *r = arg;
	struct runit *u = unit_of(r, row->id, 1);
	const char *name;

	if (u == NULL)
		return 1;
	u->stored = 1;
	set_str(&u->stored_code, row->code, &r->failed);
	name = u->code != NULL ? u->code : row->code != NULL ? row->code : "?";
	if (!u->made) {
		struct replay_finding f = { .of = REPLAY_UNIT, .how = REPLAY_NOT_IN_HISTORY,
		    .name = name };

		report(r, &f);
		return r->stop;
	}
	if ((u->known & U_CODE) && !same(u->code, row->code))
		differs(r, REPLAY_UNIT, name, NC_("verify", "code"), row->code, u->code);
	if ((u->known & U_NAME) && !same(u->name, row->name))
		differs(r, REPLAY_UNIT, name, NC_("verify", "name"), row->name, u->name);
	if ((u->known & U_KIND) && !same(u->kind, row->kind))
		differs(r, REPLAY_UNIT, name, NC_("verify", "kind"), row->kind, u->kind);
	if ((u->known & U_PARENT) && u->parent != row->parent_id) {
		char b1[32], b2[32];

		snprintf(r->v1, sizeof(r->v1), "%s", unit_name(r, row->parent_id, b1, sizeof(b1)));
		snprintf(r->v2, sizeof(r->v2), "%s", unit_name(r, u->parent, b2, sizeof(b2)));
		differs(r, REPLAY_UNIT, name, NC_("verify", "parent unit"), r->v1, r->v2);
	}
	return r->stop || r->failed;
}

static int
org_head_row(rowid_t unit_id, rowid_t person_id, void *arg)
{
	struct rp *r = arg;
	struct runit *u = unit_of(r, unit_id, 1);

	if (u == NULL || ids_add(&u->stored_heads, person_id) != 0)
		return r->failed = 1;
	return 0;
}

static int
org_person_row(const struct store_person_rec *row, void *arg)
{
	struct rp *r = arg;
	struct rperson *p = person_of(r, row->id, 1);
	const char *name;

	if (p == NULL)
		return 1;
	p->stored = 1;
	set_str(&p->stored_login, row->login, &r->failed);
	name = p->login != NULL ? p->login : row->login != NULL ? row->login : "?";
	if (!p->made) {
		struct replay_finding f = { .of = REPLAY_PERSON, .how = REPLAY_NOT_IN_HISTORY,
		    .name = name };

		report(r, &f);
		return r->stop;
	}
	if ((p->known & P_LOGIN) && !same(p->login, row->login))
		differs(r, REPLAY_PERSON, name, NC_("verify", "login"), row->login, p->login);
	if ((p->known & P_NAME) && !same(p->full_name, row->full_name))
		differs(r, REPLAY_PERSON, name, NC_("verify", "name"), row->full_name, p->full_name);
	if ((p->known & P_UNIT) && p->unit != row->unit_id) {
		char b1[32], b2[32];

		snprintf(r->v1, sizeof(r->v1), "%s", unit_name(r, row->unit_id, b1, sizeof(b1)));
		snprintf(r->v2, sizeof(r->v2), "%s", unit_name(r, p->unit, b2, sizeof(b2)));
		differs(r, REPLAY_PERSON, name, NC_("verify", "unit"), r->v1, r->v2);
	}
	if ((p->known & P_ROLE) && !same(p->role, row->role))
		differs(r, REPLAY_PERSON, name, NC_("verify", "role"), row->role, p->role);
	if ((p->known & P_LEFT) && !same(p->left_on, row->left_on))
		differs(r, REPLAY_PERSON, name, NC_("verify", "left on"),
		    row->left_on != NULL ? row->left_on : "", p->left_on != NULL ? p->left_on : "");
	if ((p->known & P_MAIL) && !same(p->mail, row->mail))
		differs(r, REPLAY_PERSON, name, NC_("verify", "mail address"),
		    row->mail != NULL ? row->mail : "", p->mail != NULL ? p->mail : "");
	return r->stop || r->failed;
}

/* "a, b": the logins of a list of people, into buf. */
static const char *
logins(struct rp *r, const struct ids *s, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < s->n && len < size; i++) {
		char b[32];

		len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
		    person_name(r, s->v[i], b, sizeof(b)));
	}
	return buf;
}

/* --- the general criteria (issue #13) ----------------------------------- */

static int
eval_key_cmp(rowid_t p1, const char *period1, rowid_t p2, const char *period2)
{
	if (p1 != p2)
		return p1 < p2 ? -1 : 1;
	return strcmp(period1, period2);
}

static int
eval_cmp(const void *a, const void *b)
{
	const struct reval *x = a, *y = b;
	int c = eval_key_cmp(x->person, x->period, y->person, y->period);

	return c != 0 ? c : x->entry < y->entry ? -1 : x->entry > y->entry;
}

static void
reval_free(struct reval *v)
{
	free(v->reason);
	free(v->at);
}

/* The history's entries in the table's order, each person and period once
 * (the last entered). */
static void
evals_sort(struct rp *r)
{
	size_t n = 0;

	if (r->evals_sorted)
		return;
	r->evals_sorted = 1;
	if (r->nevals == 0)
		return;
	qsort(r->evals, r->nevals, sizeof(*r->evals), eval_cmp);
	for (size_t i = 0; i < r->nevals; i++) {
		if (i + 1 < r->nevals && eval_key_cmp(r->evals[i].person, r->evals[i].period,
		    r->evals[i + 1].person, r->evals[i + 1].period) == 0) {
			reval_free(&r->evals[i]);
			continue;
		}
		r->evals[n++] = r->evals[i];
	}
	r->nevals = n;
}

/* A finding about a person's general criteria for a period. */
static void
eval_differs(struct rp *r, rowid_t person, const char *period, const char *what,
    const char *stored, const char *history)
{
	char b[32];
	struct replay_finding f = { .of = REPLAY_PERSON, .how = REPLAY_DIFFERS,
	    .name = person_name(r, person, b, sizeof(b)), .what = what,
	    .part = PART_EVALUATION, .period = period,
	    .stored = stored != NULL ? stored : "", .history = history != NULL ? history : "" };

	if (!same(stored, history))
		report(r, &f);
}

/* The row for a person and period against the history's last entry (either
 * NULL: none). */
static void
eval_compare(struct rp *r, const struct reval *v, const struct store_evaluation_rec *row)
{
	char g1[DECIMAL_SIZE] = "", g2[DECIMAL_SIZE] = "", c1[24] = "", c2[24] = "";
	char p1[32], p2[32];
	rowid_t person = row != NULL ? row->person_id : v->person;
	const char *period = row != NULL ? row->period : v->period;

	if (row != NULL)
		decimal_format((long)row->general_x100, g1);
	if (v != NULL)
		decimal_format(v->general, g2);
	eval_differs(r, person, period, NC_("verify", "general criteria"), g1, g2);
	if (row == NULL || v == NULL)
		return;	/* a whole row missing, or made up: said once */
	if (row->cohesion != 0)
		snprintf(c1, sizeof(c1), "%lld", row->cohesion);
	if (v->cohesion != 0)
		snprintf(c2, sizeof(c2), "%ld", v->cohesion);
	eval_differs(r, person, period, NC_("verify", "cohesion"), c1, c2);
	eval_differs(r, person, period, NC_("verify", "reason"), row->reason, v->reason);
	eval_differs(r, person, period, NC_("verify", "entered by"),
	    person_name(r, row->set_by, p1, sizeof(p1)), person_name(r, v->by, p2, sizeof(p2)));
	eval_differs(r, person, period, NC_("verify", "moment entered"), row->set_at, v->at);
}

/* A row of the table (in the order of person and period), merged with the
 * history's. */
static int
org_evaluation_row(const struct store_evaluation_rec *row, void *arg)
{
	struct rp *r = arg;
	const struct reval *v = NULL;

	evals_sort(r);
	while (r->eval_at < r->nevals && !r->stop && eval_key_cmp(r->evals[r->eval_at].person,
	    r->evals[r->eval_at].period, row->person_id, row->period ? row->period : "") < 0)
		eval_compare(r, &r->evals[r->eval_at++], NULL);
	if (r->eval_at < r->nevals && eval_key_cmp(r->evals[r->eval_at].person,
	    r->evals[r->eval_at].period, row->person_id, row->period ? row->period : "") == 0)
		v = &r->evals[r->eval_at++];
	eval_compare(r, v, row);
	return r->stop || r->failed;
}

/* After the tables: units and people the history made that are gone, and
 * the heads of every unit. */
static void
org_finish(struct rp *r)
{
	for (size_t i = 0; i < r->nunits && !r->stop; i++) {
		struct runit *u = &r->units[i];
		int same_heads = u->heads.n == u->stored_heads.n;

		if (u->made && !u->stored) {
			struct replay_finding f = { .of = REPLAY_UNIT, .how = REPLAY_NOT_STORED,
			    .name = u->code != NULL ? u->code : "?" };

			report(r, &f);
			continue;
		}
		if (!u->made || !(u->known & U_HEADS))
			continue;
		for (size_t k = 0; same_heads && k < u->heads.n; k++)
			same_heads = u->heads.v[k] == u->stored_heads.v[k];
		if (!same_heads)
			differs(r, REPLAY_UNIT, u->code != NULL ? u->code : u->stored_code,
			    NC_("verify", "heads"),
			    logins(r, &u->stored_heads, r->v1, sizeof(r->v1)),
			    logins(r, &u->heads, r->v2, sizeof(r->v2)));
	}
	for (size_t i = 0; i < r->npeople && !r->stop; i++) {
		struct rperson *p = &r->people[i];

		if (p->made && !p->stored) {
			struct replay_finding f = { .of = REPLAY_PERSON, .how = REPLAY_NOT_STORED,
			    .name = p->login != NULL ? p->login : "?" };

			report(r, &f);
		}
	}
	/* General criteria the history entered that the table lacks. */
	evals_sort(r);
	while (r->eval_at < r->nevals && !r->stop)
		eval_compare(r, &r->evals[r->eval_at++], NULL);
}

/* --- the duties ---------------------------------------------------------------- */

static void
duty_free(struct rduty *d)
{
	model_duty_free(&d->d);
	for (size_t i = 0; i < d->ndocs; i++)
		facts_doc_free(d->docs[i]);
	free(d->docs);
	free(d->h);
	free(d->x);
	free(d->n);
	free(d->s);
	memset(d, 0, sizeof(*d));
}

/* A duty's finding about one of its rows. */
static void
row_differs(struct rp *r, const char *name, enum replay_part part, int nth,
    const char *unit, const char *what, const char *stored, const char *history)
{
	struct replay_finding f = { .of = REPLAY_DUTY, .how = REPLAY_DIFFERS,
	    .name = name, .what = what, .part = part, .nth = nth, .unit = unit,
	    .stored = stored != NULL ? stored : "", .history = history != NULL ? history : "" };

	report(r, &f);
}

/* A unit's code ('u') or a person's login ('p') by id, as findings name
 * them. */
static const char *
id_name(struct rp *r, char of, rowid_t id, char *buf, size_t size)
{
	return of == 'u' ? unit_name(r, id, buf, size) : person_name(r, id, buf, size);
}

static void
id_differs(struct rp *r, const char *name, enum replay_part part, int nth,
    const char *unit, const char *what, char of, rowid_t stored, rowid_t history)
{
	char b1[32], b2[32];

	if (stored == history)
		return;
	snprintf(r->v1, sizeof(r->v1), "%s", id_name(r, of, stored, b1, sizeof(b1)));
	snprintf(r->v2, sizeof(r->v2), "%s", id_name(r, of, history, b2, sizeof(b2)));
	row_differs(r, name, part, nth, unit, what, r->v1, r->v2);
}

static void
text_differs(struct rp *r, const char *name, enum replay_part part, int nth,
    const char *unit, const char *what, const char *stored, const char *history)
{
	if (!same(stored, history))
		row_differs(r, name, part, nth, unit, what, stored, history);
}

static void
count_differs(struct rp *r, const char *name, const char *what, size_t stored,
    size_t history)
{
	if (stored == history)
		return;
	snprintf(r->v1, sizeof(r->v1), "%zu", stored);
	snprintf(r->v2, sizeof(r->v2), "%zu", history);
	row_differs(r, name, PART_NONE, 0, NULL, what, r->v1, r->v2);
}

/* Field i of ledger.h as stored and as the history says it (ledger.h's
 * texts, "" for none): a finding when they differ, an id named by its
 * code or login. */
static void
field_differs(struct rp *r, const char *name, enum replay_part part, size_t i,
    const char *stored, const char *history)
{
	const struct ledger_field *lf = &ledger_duty_fields[i];

	if (same(stored, history))
		return;
	if (lf->type == LEDGER_ID) {
		id_differs(r, name, part, 0, NULL, lf->what, lf->of, strtoll(stored, NULL, 10),
		    strtoll(history, NULL, 10));
		return;
	}
	snprintf(r->v1, sizeof(r->v1), "%s", stored);
	snprintf(r->v2, sizeof(r->v2), "%s", history);
	row_differs(r, name, part, 0, NULL, lf->what, r->v1, r->v2);
}

static void
compare_fields(struct rp *r, const char *name, const struct rduty *d,
    const struct store_duty_rec *rec)
{
	for (size_t i = 0; i < ledger_duty_nfields; i++) {
		char b1[32], b2[32];

		if (d->known & (1ul << i))
			field_differs(r, name, PART_NONE, i,
			    ledger_rec_value(rec, i, b2, sizeof(b2)),
			    ledger_duty_value(&d->d, i, b1, sizeof(b1)));
	}
	/* The search key is the title folded (no case, no diacritics). */
	if (d->d.title != NULL) {
		char *key = text_fold(d->d.title);

		if (key == NULL)
			r->failed = 1;
		else if (!same(key, rec->search_key))
			row_differs(r, name, PART_NONE, 0, NULL, NC_("verify", "search key"),
			    rec->search_key, key);
		free(key);
	}
}

/* The evaluation's evidence kept in the duty (migration 9). */
static void
compare_evidence(struct rp *r, const char *name, const struct rduty *d,
    const struct store_duty_rec *rec)
{
	char b1[DECIMAL_SIZE], b2[DECIMAL_SIZE];
	const char *since = d->owner_since;

	if (d->coefficient_known && d->coefficient != rec->coefficient_x100)
		row_differs(r, name, PART_NONE, 0, NULL, NC_("verify", "conversion coefficient"),
		    decimal_format((long)rec->coefficient_x100, b1),
		    decimal_format(d->coefficient, b2));
	if (d->missed_known && rec->deadlines_missed >= 0)
		count_differs(r, name, NC_("verify", "deadlines missed"),
		    (size_t)rec->deadlines_missed, (size_t)d->missed);
	/* No entry named an owner: since it was made (migration 9). */
	if (since == NULL && (d->known & field_bit("created_at")))
		since = d->d.created_at;
	if (since != NULL)
		text_differs(r, name, PART_NONE, 0, NULL, NC_("verify", "owner since"),
		    rec->owner_since, since);
	if (d->series_known) {
		snprintf(b1, sizeof(b1), "%lld", (long long)rec->series_id);
		snprintf(b2, sizeof(b2), "%lld", (long long)d->series);
		if (rec->series_id != d->series)
			row_differs(r, name, PART_NONE, 0, NULL, NC_("verify", "series"),
			    rec->series_id != 0 ? b1 : "", d->series != 0 ? b2 : "");
		text_differs(r, name, PART_NONE, 0, NULL, NC_("verify", "period"), rec->period,
		    d->period[0] != '\0' ? d->period : NULL);
	}
}

/* Whether a stored duty is still to be worked on (open or submitted). */
static int
duty_live(const struct store_duty_rec *d)
{
	return d->status != NULL &&
	    (strcmp(d->status, "open") == 0 || strcmp(d->status, "submitted") == 0);
}

static void
compare_rows(struct rp *r, const char *name, const struct rduty *d,
    const struct store_duty_set *set)
{
	size_t n;

	count_differs(r, name, NC_("verify", "proposals"), set->nhandoffs, d->nh);
	n = set->nhandoffs < d->nh ? set->nhandoffs : d->nh;
	for (size_t i = 0; i < n && !r->stop; i++) {
		const struct store_handoff_rec *s = &set->handoffs[i];
		const struct rhandoff *h = &d->h[i];
		int k = (int)i + 1;

		text_differs(r, name, PART_PROPOSAL, k, NULL, NC_("verify", "kind"), s->kind, h->kind);
		id_differs(r, name, PART_PROPOSAL, k, NULL, NC_("verify", "unit it leaves"), 'u',
		    s->from_unit_id, h->from);
		id_differs(r, name, PART_PROPOSAL, k, NULL, NC_("verify", "receiving unit"), 'u',
		    s->to_unit_id, h->to);
		id_differs(r, name, PART_PROPOSAL, k, NULL, NC_("verify", "proposed by"), 'p',
		    s->proposed_by, h->by);
		text_differs(r, name, PART_PROPOSAL, k, NULL, NC_("verify", "reason"), s->reason,
		    h->reason);
		if (h->created_on != NULL)
			text_differs(r, name, PART_PROPOSAL, k, NULL, NC_("verify", "day proposed"),
			    s->created_on, h->created_on);
		text_differs(r, name, PART_PROPOSAL, k, NULL, NC_("verify", "state"), s->state,
		    h->state);
		id_differs(r, name, PART_PROPOSAL, k, NULL, NC_("verify", "answered by"), 'p',
		    s->answered_by, h->answered_by);
		text_differs(r, name, PART_PROPOSAL, k, NULL, NC_("verify", "answer"),
		    s->answer_reason, h->answer_reason);
		id_differs(r, name, PART_PROPOSAL, k, NULL, NC_("verify", "new owner"), 'p',
		    s->new_owner_id, h->new_owner);
	}
	count_differs(r, name, NC_("verify", "extension requests"), set->nextensions, d->nx);
	n = set->nextensions < d->nx ? set->nextensions : d->nx;
	for (size_t i = 0; i < n && !r->stop; i++) {
		const struct store_extension_rec *s = &set->extensions[i];
		const struct rext *x = &d->x[i];
		int k = (int)i + 1;

		id_differs(r, name, PART_EXTENSION, k, NULL, NC_("verify", "asked by"), 'p',
		    s->requested_by, x->by);
		text_differs(r, name, PART_EXTENSION, k, NULL, NC_("verify", "deadline"),
		    s->old_deadline, x->old_deadline);
		text_differs(r, name, PART_EXTENSION, k, NULL, NC_("verify", "new deadline"),
		    s->new_deadline, x->new_deadline);
		text_differs(r, name, PART_EXTENSION, k, NULL, NC_("verify", "reason"), s->reason,
		    x->reason);
		text_differs(r, name, PART_EXTENSION, k, NULL, NC_("verify", "state"), s->state,
		    x->state);
		id_differs(r, name, PART_EXTENSION, k, NULL, NC_("verify", "answered by"), 'p',
		    s->answered_by, x->answered_by);
		text_differs(r, name, PART_EXTENSION, k, NULL, NC_("verify", "answer"),
		    s->answer_reason, x->answer_reason);
		/* Kept beside the request for the report (migration 18). */
		if (set->duty != NULL)
			id_differs(r, name, PART_EXTENSION, k, NULL,
			    NC_("verify", "copy of the lead unit"), 'u',
			    s->lead_unit_id, set->duty->lead_unit_id);
	}
	count_differs(r, name, NC_("verify", "progress notes"), set->nnotes, d->nn);
	n = set->nnotes < d->nn ? set->nnotes : d->nn;
	for (size_t i = 0; i < n && !r->stop; i++) {
		const struct store_note_rec *s = &set->notes[i];
		const struct rnote *x = &d->n[i];
		int k = (int)i + 1;

		id_differs(r, name, PART_NOTE, k, NULL, NC_("verify", "written by"), 'p',
		    s->person_id, x->person);
		if (x->unit_known)
			id_differs(r, name, PART_NOTE, k, NULL, NC_("verify", "unit"), 'u',
			    s->unit_id, x->unit);
		text_differs(r, name, PART_NOTE, k, NULL, NC_("verify", "moment"), s->at, x->at);
		text_differs(r, name, PART_NOTE, k, NULL, NC_("verify", "note"), s->note, x->note);
	}
	if (!d->supports_known)
		return;
	/* Supporting units: each the history names, then each it does not. */
	for (size_t i = 0; i < d->ns && !r->stop; i++) {
		const struct rsupport *x = &d->s[i];
		const struct store_support_rec *s = NULL;
		char b[32];
		const char *unit = unit_name(r, x->unit, b, sizeof(b));

		for (size_t j = 0; j < set->nsupports && s == NULL; j++)
			if (set->supports[j].unit_id == x->unit)
				s = &set->supports[j];
		if (s == NULL) {
			row_differs(r, name, PART_SUPPORT, 0, unit, NC_("verify", "part"),
			    "-", x->part);
			continue;
		}
		text_differs(r, name, PART_SUPPORT, 0, unit, NC_("verify", "part"), s->part, x->part);
		text_differs(r, name, PART_SUPPORT, 0, unit, NC_("verify", "day delivered"),
		    s->delivered_on, x->delivered_on);
		if (x->delivered_on != NULL)
			id_differs(r, name, PART_SUPPORT, 0, unit, NC_("verify", "delivered by"), 'p',
			    s->delivered_by, x->by);
		/* Kept beside the part for the brief (migration 12): whether
		 * the duty as stored is open or submitted. */
		if (set->duty != NULL && s->live != duty_live(set->duty))
			row_differs(r, name, PART_SUPPORT, 0, unit,
			    NC_("verify", "owed while the duty is open"),
			    s->live ? _("yes") : _("no"), s->live ? _("no") : _("yes"));
		/* And the duty's deadline (migration 14), and what says
		 * whether the part counts in a report (migration 16). */
		if (set->duty != NULL) {
			const struct store_duty_rec *du = set->duty;

			text_differs(r, name, PART_SUPPORT, 0, unit,
			    NC_("verify", "deadline kept with the part"), s->deadline,
			    du->deadline);
			text_differs(r, name, PART_SUPPORT, 0, unit,
			    NC_("verify", "moment made kept with the part"),
			    s->duty_created_at, du->created_at);
			text_differs(r, name, PART_SUPPORT, 0, unit,
			    NC_("verify", "original deadline kept with the part"),
			    s->duty_original_deadline, du->original_deadline);
			text_differs(r, name, PART_SUPPORT, 0, unit,
			    NC_("verify", "day done kept with the part"),
			    s->duty_done_on, du->done_on);
			text_differs(r, name, PART_SUPPORT, 0, unit,
			    NC_("verify", "day cancelled kept with the part"),
			    s->duty_cancelled_on,
			    strcmp(du->status, "cancelled") == 0 ? du->closed_on : NULL);
		}
	}
	for (size_t j = 0; j < set->nsupports && !r->stop; j++) {
		char b[32];

		if (support_of((struct rduty *)d, set->supports[j].unit_id) == NULL)
			row_differs(r, name, PART_SUPPORT, 0,
			    unit_name(r, set->supports[j].unit_id, b, sizeof(b)), NC_("verify", "part"),
			    set->supports[j].part, "-");
	}
}

/*
 * What an undo puts back is taken from its snapshot (undo_points), which
 * verify cannot hold to the history: the duty as replayed just before the
 * action undone is kept, and the duty as the undo left it must be that.
 * An undo that says where the action began (state_first) is checked so.
 */
struct before {
	long long first;	/* the action's first entry */
	int taken;
	struct duty d;
	unsigned long known;
	long coefficient;
	int coefficient_known;
	const char *owner_since;
	struct rsupport *s;
	size_t ns;
	int supports_known;
};

static void
befores_free(struct before *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		model_duty_free(&b[i].d);
		free(b[i].s);
	}
	free(b);
}

/* The actions the duty's undos took back, each to be kept as it began. */
static struct before *
befores_of(struct rp *r, const struct store_duty_set *set, size_t *n)
{
	struct before *b = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t i = 0; i < set->nentries; i++) {
		const struct store_entry *e = &set->entries[i];
		struct before *x;

		if (e->state_first <= 0 || e->action == NULL || strcmp(e->action, "undone") != 0)
			continue;
		if ((x = more(&b, n, &cap, sizeof(*x), &r->failed)) == NULL)
			break;
		x->first = e->state_first;
	}
	return b;
}

/* The duty as replayed before entry e, for each action undone later that
 * begins by e (its first entry on this duty may come after the action's
 * first: an entry it wrote on another duty). */
static void
befores_take(struct rp *r, struct before *b, size_t n, const struct rduty *d,
    const struct store_entry *e)
{
	for (size_t i = 0; i < n; i++) {
		struct before *x = &b[i];

		if (x->taken || e->id < x->first)
			continue;
		x->taken = 1;
		if (ledger_duty_copy(&x->d, &d->d) != 0) {
			r->failed = 1;
			return;
		}
		x->known = d->known;
		x->coefficient = d->coefficient;
		x->coefficient_known = d->coefficient_known;
		x->owner_since = d->owner_since;
		x->supports_known = d->supports_known;
		if (d->ns > 0) {
			if ((x->s = malloc(d->ns * sizeof(*x->s))) == NULL) {
				r->failed = 1;
				return;
			}
			memcpy(x->s, d->s, d->ns * sizeof(*x->s));
		}
		x->ns = d->ns;
	}
}

/* Whether the entries first to last of the undo e are one action of the
 * duty: some of its entries, each of one moment and one actor (an action
 * is one transaction of one person), before the undo. */
static int
undo_range(const struct store_duty_set *set, const struct store_entry *e)
{
	const struct store_entry *last = NULL;
	size_t n = 0;

	if (e->state_first <= 0 || e->state_last < e->state_first || e->state_last >= e->id)
		return 0;
	for (size_t i = 0; i < set->nentries && last == NULL; i++)
		if (set->entries[i].id == e->state_last)
			last = &set->entries[i];
	if (last == NULL)
		return 0;
	for (size_t i = 0; i < set->nentries; i++) {
		const struct store_entry *x = &set->entries[i];

		if (x->id < e->state_first || x->id > e->state_last)
			continue;
		if (!same(x->at, last->at) || x->actor_id != last->actor_id)
			return 0;
		n++;
	}
	return n > 0;
}

/* The duty as the undo entry e left it, against the duty before the action
 * it undid. */
static void
undo_check(struct rp *r, const char *name, const struct rduty *d,
    const struct store_entry *e, const struct before *b, size_t n,
    const struct store_duty_set *set)
{
	const struct before *x = NULL;
	char b1[DECIMAL_SIZE], b2[DECIMAL_SIZE];

	if (!undo_range(set, e)) {
		bad_entry(r, e, REPLAY_DUTY, name,
		    N_("it does not say which of the duty's actions it undoes"));
		return;
	}
	for (size_t i = 0; i < n && x == NULL; i++)
		if (b[i].first == e->state_first && b[i].taken)
			x = &b[i];
	if (x == NULL)
		return;
	for (size_t i = 0; i < ledger_duty_nfields; i++) {
		char v1[32], v2[32];

		if (d->known & x->known & (1ul << i))
			field_differs(r, name, PART_UNDO, i,
			    ledger_duty_value(&d->d, i, v1, sizeof(v1)),
			    ledger_duty_value(&x->d, i, v2, sizeof(v2)));
	}
	if (x->coefficient_known && d->coefficient_known)
		text_differs(r, name, PART_UNDO, 0, NULL, NC_("verify", "conversion coefficient"),
		    decimal_format(d->coefficient, b1), decimal_format(x->coefficient, b2));
	if (x->owner_since != NULL)
		text_differs(r, name, PART_UNDO, 0, NULL, NC_("verify", "owner since"),
		    d->owner_since, x->owner_since);
	if (!d->supports_known || !x->supports_known)
		return;
	/* Its supporting units, each with its part and delivery. */
	for (size_t i = 0; i < d->ns; i++) {
		const struct rsupport *p = &d->s[i], *q = NULL;
		char ub[32];
		const char *u = unit_name(r, p->unit, ub, sizeof(ub));

		for (size_t j = 0; j < x->ns && q == NULL; j++)
			if (x->s[j].unit == p->unit)
				q = &x->s[j];
		snprintf(r->v1, sizeof(r->v1), "%s: %s, %s", u,
		    p->part != NULL ? p->part : "", p->delivered_on != NULL ? p->delivered_on : "-");
		if (q == NULL) {
			text_differs(r, name, PART_UNDO, 0, NULL, NC_("verify", "part"), r->v1,
			    "-");
			continue;
		}
		snprintf(r->v2, sizeof(r->v2), "%s: %s, %s", u, q->part != NULL ? q->part : "",
		    q->delivered_on != NULL ? q->delivered_on : "-");
		text_differs(r, name, PART_UNDO, 0, NULL, NC_("verify", "part"), r->v1, r->v2);
		if (p->delivered_on != NULL)
			id_differs(r, name, PART_UNDO, 0, NULL, NC_("verify", "delivered by"), 'p',
			    p->by, q->by);
	}
	if (d->ns != x->ns)
		count_differs(r, name, NC_("verify", "supporting units put back by an undo"),
		    d->ns, x->ns);
}

static int
duty_set(const struct store_duty_set *set, void *arg)
{
	struct rp *r = arg;
	struct rduty d;
	char num[32];
	const char *name;
	size_t nbefores;
	struct before *befores = befores_of(r, set, &nbefores);

	memset(&d, 0, sizeof(d));
	snprintf(num, sizeof(num), "#%lld", (long long)set->duty_id);
	name = set->duty != NULL && set->duty->ref != NULL ? set->duty->ref : num;
	for (size_t i = 0; i < set->nentries && !r->stop && !r->failed; i++) {
		const struct store_entry *e = &set->entries[i];
		const struct replay_case *k = case_of(e->action);
		struct ctx c = { .r = r, .e = e, .d = &d, .name = name };
		struct facts_doc *doc;
		int bad;

		assert(e->duty_id == set->duty_id);
		befores_take(r, befores, nbefores, &d, e);
		if (k == NULL || k->duty == NULL) {
			unknown_action(r, e, REPLAY_DUTY, name);
			continue;
		}
		if ((doc = entry_facts(&c, REPLAY_DUTY, &bad)) == NULL && bad)
			continue;
		if (doc != NULL) {
			struct facts_doc **slotp = more(&d.docs, &d.ndocs, &d.capdocs,
			    sizeof(*slotp), &r->failed);

			if (slotp == NULL) {
				facts_doc_free(doc);
				break;
			}
			*slotp = doc;
		}
		c.doc = doc;
		/* Every entry naming an owner stamps the moment (schema.sql,
		 * history_owner_since); an undo may put an older one back. */
		if (e->to_owner_id != 0)
			d.owner_since = e->at;
		if (!d.made && strcmp(e->action, "created") != 0 &&
		    strcmp(e->action, "baseline") != 0)
			bad_entry(r, e, REPLAY_DUTY, name, N_("it comes before the duty is made"));
		k->duty(&c);
		/* What the entry changed in the duty's own fields. */
		if (doc != NULL && ledger_duty_apply(doc, &d.d, &d.known) != 0)
			bad_entry(r, e, REPLAY_DUTY, name, N_("its facts do not fit the duty"));
		if (e->state_first != -1 && strcmp(e->action, "undone") == 0)
			undo_check(r, name, &d, e, befores, nbefores, set);
		if (d.d.ref != NULL && set->duty == NULL)
			name = d.d.ref;
	}
	if (!r->stop && !r->failed) {
		if (d.d.ref != NULL && d.d.ref[0] != '\0')
			name = d.d.ref;
		if (!d.made) {
			if (set->nentries == 0) {
				struct replay_finding f = { .of = REPLAY_DUTY,
				    .how = REPLAY_NOT_IN_HISTORY, .name = name };

				report(r, &f);
			}
		} else if (set->duty == NULL) {
			struct replay_finding f = { .of = REPLAY_DUTY, .how = REPLAY_NOT_STORED,
			    .name = name };

			report(r, &f);
		} else {
			compare_fields(r, name, &d, set->duty);
			compare_evidence(r, name, &d, set->duty);
			compare_rows(r, name, &d, set);
		}
	}
	befores_free(befores, nbefores);
	duty_free(&d);
	return r->stop || r->failed;
}

/* --- the series (issue #11) ------------------------------------------------ */

static void
series_differs(struct rp *r, rowid_t id, const char *what, const char *stored,
    const char *history)
{
	char num[32];

	snprintf(num, sizeof(num), "%lld", (long long)id);
	if (!same(stored, history))
		differs(r, REPLAY_SERIES, num, what, stored, history);
}

static void
series_id_differs(struct rp *r, rowid_t id, const char *what, char of, rowid_t stored,
    rowid_t history)
{
	char b1[32], b2[32];

	if (stored == history)
		return;
	series_differs(r, id, what, id_name(r, of, stored, b1, sizeof(b1)),
	    id_name(r, of, history, b2, sizeof(b2)));
}

/* "month, day 20", "quarter, day last": a series' rule as verify shows it. */
static const char *
rule_text(const char *every, long long day, char *buf, size_t size)
{
	if (day > 0)
		snprintf(buf, size, "%s, day %lld", every != NULL ? every : "", day);
	else
		snprintf(buf, size, "%s, day last", every != NULL ? every : "");
	return buf;
}

static int
series_row(const struct store_series_rec *row, void *arg)
{
	struct rp *r = arg;
	size_t at = map_get(&r->series_at, row->id);
	struct rseries *se = at != (size_t)-1 ? &r->series[at] : NULL;
	char b1[40], b2[40];

	if (se == NULL || !se->started) {
		struct replay_finding f = { .of = REPLAY_SERIES, .how = REPLAY_NOT_IN_HISTORY,
		    .name = b1 };

		snprintf(b1, sizeof(b1), "%lld", (long long)row->id);
		report(r, &f);
		return r->stop;
	}
	se->stored = 1;
	series_differs(r, row->id, NC_("verify", "rule"),
	    rule_text(row->every, row->day, b1, sizeof(b1)),
	    rule_text(model_every_name(se->every), se->day, b2, sizeof(b2)));
	series_id_differs(r, row->id, NC_("verify", "assigner"), 'p', row->assigner_id,
	    se->assigner);
	series_id_differs(r, row->id, NC_("verify", "lead unit"), 'u', row->lead_unit_id,
	    se->lead);
	series_id_differs(r, row->id, NC_("verify", "owner"), 'p', row->owner_id, se->owner);
	series_differs(r, row->id, NC_("verify", "moment started"), row->created_at,
	    se->started_at);
	series_differs(r, row->id, NC_("verify", "moment stopped"), row->stopped_at,
	    se->stopped_at);
	series_id_differs(r, row->id, NC_("verify", "stopped by"), 'p', row->stopped_by,
	    se->stopped ? se->stopped_by : 0);
	return r->stop;
}

/* Series the history started that the table lacks. */
static void
series_finish(struct rp *r)
{
	for (size_t i = 0; i < r->nseries && !r->stop; i++) {
		char num[32];
		struct replay_finding f = { .of = REPLAY_SERIES, .how = REPLAY_NOT_STORED,
		    .name = num };

		if (!r->series[i].started || r->series[i].stored)
			continue;
		snprintf(num, sizeof(num), "%lld", (long long)r->series[i].id);
		report(r, &f);
	}
}

/* --- the whole -------------------------------------------------------------- */

static int
done_days_differ(const char *who, enum store_kept which, const char *day, int handoffs,
    const char *kept, const char *counted, void *arg)
{
	struct rp *r = arg;

	if (which != STORE_KEPT_DONE_BY_UNIT && which != STORE_KEPT_DONE_BY_PERSON) {
		/* By unit, a month (of original deadlines) or a day (or month)
		 * duties were done: how many open, or their parts. */
		static const char *const what[] = {
			[STORE_KEPT_STOCK_BY_UNIT] = NC_("verify",
			    "duties open by the month of their original deadline, kept for the report"),
			[STORE_KEPT_STOCK_DAYS_BY_UNIT] = NC_("verify",
			    "duties open by the day of their original deadline, kept for the report"),
			[STORE_KEPT_STOCK_PROGRESS_BY_UNIT] = NC_("verify",
			    "duties open by their last day of progress, kept for the report"),
			[STORE_KEPT_SUPPORT_BY_UNIT] = NC_("verify",
			    "supporting parts of duties done, delivered, in time, days to deliver, kept for the report"),
			[STORE_KEPT_SUPPORT_OPEN_BY_UNIT] = NC_("verify",
			    "supporting parts of duties not done by the month of their original deadline, delivered, in time, days to deliver, not delivered, kept for the report"),
			[STORE_KEPT_HANDOFFS_BY_UNIT] = NC_("verify",
			    "escalations and returns proposed, by the day made, kept for the report"),
			[STORE_KEPT_EXTENSIONS_BY_UNIT] = NC_("verify",
			    "extension requests and the days approved, by the day asked in UTC, kept for the report"),
		};

		snprintf(r->v1, sizeof(r->v1), "%s: %s", day, kept != NULL ? kept : "-");
		snprintf(r->v2, sizeof(r->v2), "%s: %s", day, counted != NULL ? counted : "-");
		differs(r, REPLAY_UNIT, who != NULL ? who : "?", what[which], r->v1, r->v2);
		return r->stop;
	}
	/* TRANSLATORS: a day's duties done, and of them on time, late and
	 * bounced, with so many handoffs. */
	snprintf(r->v1, sizeof(r->v1), _("%s, %d handoffs: %s"), day, handoffs,
	    kept != NULL ? kept : "-");
	snprintf(r->v2, sizeof(r->v2), _("%s, %d handoffs: %s"), day, handoffs,
	    counted != NULL ? counted : "-");
	differs(r, which == STORE_KEPT_DONE_BY_PERSON ? REPLAY_PERSON : REPLAY_UNIT,
	    who != NULL ? who : "?",
	    NC_("verify", "duties done, on time, late, bounced, kept for the report"),
	    r->v1, r->v2);
	return r->stop;
}

enum rv_code
replay_ledger(struct store *st, replay_fn fn, void *arg, long long *found,
    struct rv_err *err)
{
	static const struct store_org_fns org = {
		org_entry, org_unit_row, org_head_row, org_person_row, org_evaluation_row
	};
	struct rp r;
	enum rv_code rc;

	memset(&r, 0, sizeof(r));
	r.st = st;
	r.fn = fn;
	r.arg = arg;
	rc = store_replay_org(st, &org, &r, err);
	if (rc == RV_OK && !r.failed)
		org_finish(&r);
	if (rc == RV_OK && !r.stop && !r.failed)
		rc = store_replay_duties(st, duty_set, &r, err);
	if (rc == RV_OK && !r.stop && !r.failed &&
	    (rc = store_replay_series(st, series_row, &r, err)) == RV_OK && !r.failed)
		series_finish(&r);
	/* The report's figures of duties done by day, which follow the
	 * duties (just checked against the history) by the schema's
	 * triggers: counted again from them. */
	if (rc == RV_OK && !r.stop && !r.failed)
		rc = store_report_done_days_check(st, done_days_differ, &r, err);
	if (rc == RV_OK && r.failed)
		rc = err_set(err, RV_STORAGE, _("out of memory while replaying the history"));
	*found = r.found;
	for (size_t i = 0; i < r.nunits; i++) {
		free(r.units[i].code);
		free(r.units[i].name);
		free(r.units[i].kind);
		free(r.units[i].stored_code);
		free(r.units[i].heads.v);
		free(r.units[i].stored_heads.v);
	}
	for (size_t i = 0; i < r.npeople; i++) {
		free(r.people[i].login);
		free(r.people[i].full_name);
		free(r.people[i].role);
		free(r.people[i].stored_login);
		free(r.people[i].mail);
		free(r.people[i].left_on);
	}
	for (size_t i = 0; i < r.nevals; i++)
		reval_free(&r.evals[i]);
	for (size_t i = 0; i < r.nseries; i++) {
		free(r.series[i].started_at);
		free(r.series[i].stopped_at);
	}
	free(r.series);
	map_free(&r.series_at);
	free(r.units);
	free(r.people);
	free(r.evals);
	map_free(&r.unit_at);
	map_free(&r.person_at);
	return rc;
}
