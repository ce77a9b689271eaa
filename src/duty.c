/* duty: the rules over duties (see duty.h). */
#include "roviec/duty.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uuid.h>

#include "roviec/actor.h"
#include "roviec/dates.h"
#include "roviec/decimal.h"
#include "roviec/history.h"
#include "roviec/facts.h"
#include "roviec/i18n.h"
#include "roviec/lookup.h"
#include "roviec/ledger.h"
#include "roviec/store.h"
#include "roviec/text.h"

/*
 * One action on an existing duty, as passed to its transaction: the inputs
 * (already validated text) and, once loaded inside the transaction, the duty.
 */
struct op {
	struct session *s;
	const char *ref;
	const char *unit;	/* a unit code */
	const char *login;	/* a person's login */
	char *text;		/* reason or note, NFC */
	day_t date;
	struct duty d;
	struct duty was;	/* d as the history last recorded it */
	char at[21];		/* the moment, UTC */
	char today[11];		/* the day, local */
};

/* --- helpers ----------------------------------------------------------- */

/* Outside text for a reason or note: required ones may not be empty. */
static enum rv_code
take_text(const char *raw, const char *what, size_t max, int required,
    char **out, struct rv_err *err)
{
	enum rv_code rc;

	*out = NULL;
	if (raw == NULL) {
		if (required)
			return err_set(err, RV_REFUSED, _("%s is required: write it out in words"), what);
		return RV_OK;
	}
	if ((rc = text_in_str(raw, what, max, out, err)) != RV_OK)
		return rc;
	if (**out == '\0' && required) {
		free(*out);
		*out = NULL;
		return err_set(err, RV_REFUSED, _("%s is empty: write it out in words"), what);
	}
	if (**out == '\0') {
		free(*out);
		*out = NULL;
	}
	return RV_OK;
}

static int
refuse_inspector(const struct session *s, struct rv_err *err)
{
	if (s->me.role == ROLE_INSPECTOR) {
		err_set(err, RV_REFUSED,
		    _("inspectors see every duty but change none; ask the unit concerned"));
		return 1;
	}
	return 0;
}

enum rv_code
duty_may_act(const struct session *s, struct rv_err *err)
{
	return refuse_inspector(s, err) ? RV_REFUSED : RV_OK;
}

static void
op_clock(struct op *op)
{
	session_stamp(op->s, op->at);
	dates_iso(session_today(op->s), op->today);
}

static enum rv_code
op_load(struct store *st, struct op *op, struct rv_err *err)
{
	enum rv_code rc;

	model_duty_free(&op->d);
	op_clock(op);
	if ((rc = store_duty_by_ref(st, op->ref, &op->d, err)) != RV_OK)
		return rc;
	if (ledger_duty_copy(&op->was, &op->d) != 0)
		return err_set(err, RV_STORAGE, _("out of memory"));
	return RV_OK;
}

/*
 * Appends a history entry for the duty being acted on, with its facts:
 * what the action set (f, when given: a proposal's day, a note's unit),
 * and every field of the duty that changed since the last entry recorded
 * (ledger.h), so that roviec verify rebuilds the duty from its history.
 */
static enum rv_code
record_facts(struct op *op, const char *action, rowid_t from_unit, rowid_t to_unit,
    rowid_t from_owner, rowid_t to_owner, const char *text, const char *detail,
    struct facts *f, struct rv_err *err)
{
	struct history_entry h = {
		.duty_id = op->d.id, .at = op->at, .actor_id = op->s->me.id,
		.via_id = op->s->via.id, .action = action,
		.from_unit_id = from_unit, .to_unit_id = to_unit,
		.from_owner_id = from_owner, .to_owner_id = to_owner,
		.text = text, .detail = detail,
	};
	struct facts own;
	enum rv_code rc;

	assert(op->d.id != 0 && op->was.id == op->d.id);
	if (f == NULL) {
		facts_init(&own);
		f = &own;
	}
	ledger_duty_diff(&op->was, &op->d, f);
	if ((h.data = facts_text(f)) == NULL)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	else if ((rc = store_history_add(op->s->st, &h, err)) == RV_OK &&
	    ledger_duty_copy(&op->was, &op->d) != 0)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	facts_free(f);
	return rc;
}

static enum rv_code
record(struct op *op, const char *action, rowid_t from_unit, rowid_t to_unit,
    rowid_t from_owner, rowid_t to_owner, const char *text, const char *detail,
    struct rv_err *err)
{
	return record_facts(op, action, from_unit, to_unit, from_owner, to_owner,
	    text, detail, NULL, err);
}

static int
is_owner(const struct op *op)
{
	return op->d.owner_id == op->s->me.id;
}

static int
heads_lead(const struct op *op)
{
	return actor_heads(op->s->st, op->s->me.id, op->d.lead_unit_id);
}

static int
is_assigner(const struct op *op)
{
	return op->d.assigner_id == op->s->me.id;
}

static enum rv_code
need_status(const struct op *op, const char *status, const char *doing,
    struct rv_err *err)
{
	if (strcmp(op->d.status, status) == 0)
		return RV_OK;
	return err_set(err, RV_REFUSED, _("%s is %s, so it cannot be %s"),
	    op->d.ref, _(op->d.status), doing);
}

static enum rv_code
need_owner_or_head(const struct op *op, const char *doing, struct rv_err *err)
{
	if (is_owner(op) || heads_lead(op))
		return RV_OK;
	return err_set(err, RV_REFUSED,
	    _("only the owner of %s or the head of its lead unit may %s"), op->d.ref, doing);
}

static enum rv_code
need_assigner(const struct op *op, const char *doing, struct rv_err *err)
{
	if (is_assigner(op))
		return RV_OK;
	return err_set(err, RV_REFUSED,
	    _("only the assigner of %s may %s"), op->d.ref, doing);
}

/* The pending handoff, refused when there is one (what = the action). */
static enum rv_code
need_no_pending_handoff(struct op *op, const char *doing, struct rv_err *err)
{
	struct handoff h;
	int found;
	enum rv_code rc = store_handoff_pending(op->s->st, op->d.id, &h, &found, err);

	if (rc != RV_OK)
		return rc;
	model_handoff_free(&h);
	if (found)
		return err_set(err, RV_REFUSED,
		    _("%s has a handoff proposal waiting for an answer; it must be accepted or rejected before it can be %s"),
		    op->d.ref, doing);
	return RV_OK;
}

/* Withdraws whatever proposal and extension request are pending, as the
 * duty leaves the hands of those who asked (submitted as done, moved to
 * another unit, redirected, cancelled): the request has nothing left to
 * ask for.  Never silently: the history records it with the reason, and
 * the session keeps what was withdrawn for the action's message. */
static enum rv_code
withdraw_pending(struct op *op, const char *why, struct rv_err *err)
{
	struct handoff h;
	struct extension x;
	int found;
	enum rv_code rc;

	if ((rc = store_handoff_pending(op->s->st, op->d.id, &h, &found, err)) != RV_OK)
		return rc;
	if (found) {
		rc = store_handoff_close(op->s->st, h.id, "withdrawn", op->s->me.id,
		    op->at, why, 0, err);
		if (rc == RV_OK)
			rc = record(op, "handoff-withdrawn", h.from_unit_id, h.to_unit_id,
			    0, 0, why, model_handoff_name(h.kind), err);
		op->s->withdrew_handoff = (int)h.kind + 1;
		model_handoff_free(&h);
		if (rc != RV_OK)
			return rc;
	}
	if ((rc = store_extension_pending(op->s->st, op->d.id, &x, &found, err)) != RV_OK)
		return rc;
	if (found) {
		rc = store_extension_close(op->s->st, x.id, "withdrawn", op->s->me.id,
		    op->at, why, err);
		if (rc == RV_OK)
			rc = record(op, "extension-withdrawn", 0, 0, 0, 0, why,
			    x.new_deadline, err);
		memcpy(op->s->withdrew_extension, x.new_deadline,
		    sizeof(op->s->withdrew_extension));
		model_extension_free(&x);
	}
	return rc;
}

/* Looks up a person (a login, a name, "me": lookup.h) who must belong to
 * unit_id, for owning a duty there. */
static enum rv_code
member_of(struct session *s, const char *login, rowid_t unit_id,
    struct person *out, struct rv_err *err)
{
	struct store *st = s->st;
	struct unit u;
	enum rv_code rc;

	if ((rc = lookup_person(s, login, out, err)) != RV_OK)
		return rc;
	if (out->role == ROLE_INSPECTOR) {
		model_person_free(out);
		return err_set(err, RV_REFUSED,
		    _("an inspector watches duties and owns none; choose an official of the unit"));
	}
	if (out->left_on[0] != '\0') {
		rc = err_set(err, RV_REFUSED,
		    _("%s left on %s and cannot be given a duty; choose someone who works in the unit"),
		    out->login, out->left_on);
		model_person_free(out);
		return rc;
	}
	if (out->unit_id == unit_id)
		return RV_OK;
	model_person_free(out);
	if (store_unit_by_id(st, unit_id, &u, err) != RV_OK)
		return RV_STORAGE;
	rc = err_set(err, RV_REFUSED,
	    _("the owner must belong to the lead unit %s; choose someone of %s (roviec person list --unit %s)"),
	    u.code, u.code, u.code);
	model_unit_free(&u);
	return rc;
}

/*
 * Makes (unit_id, owner_id) the duty's lead and owner.  counted: a handoff
 * between units that counts against them (transfer, escalate, return
 * accepted; an owner reassigned), as opposed to the assigner's redirect.
 * A counted move back to a unit or owner that held the duty before marks it
 * bounced.  A supporting unit that becomes the lead stops supporting.
 */
static enum rv_code
move_duty(struct op *op, rowid_t unit_id, rowid_t owner_id, int counted,
    struct rv_err *err)
{
	int unit_held = 0, owner_held = 0, supporter = 0;
	enum rv_code rc;

	rc = store_held_before(op->s->st, op->d.id,
	    unit_id != op->d.lead_unit_id ? unit_id : 0,
	    owner_id != op->d.owner_id ? owner_id : 0, &unit_held, &owner_held, err);
	if (rc != RV_OK)
		return rc;
	if (counted && (unit_held || owner_held))
		op->d.bounced = 1;
	if (counted && unit_id != op->d.lead_unit_id)
		op->d.handoffs++;
	if (unit_id != op->d.lead_unit_id) {
		rc = store_is_supporter(op->s->st, op->d.id, unit_id, &supporter, err);
		if (rc == RV_OK && supporter &&
		    (rc = store_support_remove(op->s->st, op->d.id, unit_id, err)) == RV_OK)
			rc = record(op, "support-ended", unit_id, 0, 0, 0,
			    "the supporting unit became the lead unit", NULL, err);
		if (rc != RV_OK)
			return rc;
	}
	op->d.lead_unit_id = unit_id;
	op->d.owner_id = owner_id;
	return store_duty_update(op->s->st, &op->d, err);
}

/* An action with what undo needs (issue #11): the duty's state before it,
 * kept with the range of history entries the action wrote on the duty. */
struct undoable {
	struct op *op;
	store_txn_fn fn;
};

static enum rv_code
with_undo_point(struct store *st, void *arg, struct rv_err *err)
{
	struct undoable *u = arg;
	struct duty d = { 0 };
	struct rv_err ignored;
	char *state = NULL, hash[65], at[32];
	long long before = 0, last = 0;
	enum rv_code rc;

	/* A reference that names no duty: the action says so itself. */
	if (store_duty_by_ref(st, u->op->ref, &d, &ignored) != RV_OK)
		return u->fn(st, u->op, err);
	if ((rc = store_duty_snapshot(st, d.id, &state, err)) == RV_OK &&
	    (rc = store_history_head(st, &before, hash, at, err)) == RV_OK &&
	    (rc = u->fn(st, u->op, err)) == RV_OK &&
	    (rc = store_duty_last_entry(st, d.id, &last, err)) == RV_OK && last > before)
		rc = store_undo_point_set(st, d.id, before + 1, last, state, err);
	free(state);
	model_duty_free(&d);
	return rc;
}

/* Runs one action on an existing duty. */
static enum rv_code
run_op(struct session *s, struct op *op, store_txn_fn fn, struct rv_err *err)
{
	struct undoable u = { op, fn };
	enum rv_code rc;

	op->s = s;
	if (refuse_inspector(s, err))
		rc = RV_REFUSED;
	else if (op->ref == NULL || op->ref[0] == '\0')
		rc = err_set(err, RV_REFUSED, _("name the duty by its reference, like P1-0042"));
	else
		rc = store_write(s->st, with_undo_point, &u, err);
	free(op->text);
	model_duty_free(&op->d);
	model_duty_free(&op->was);
	return rc;
}

/* Runs an action that needs a written reason (rules 3 and 4). */
static enum rv_code
run_with_reason(struct session *s, struct op *op, const char *reason,
    store_txn_fn fn, struct rv_err *err)
{
	enum rv_code rc;

	if ((rc = take_text(reason, _("a reason"), DUTY_TEXT_MAX, 1, &op->text, err)) != RV_OK)
		return err_field(err, "reason");
	return run_op(s, op, fn, err);
}

/* --- creating ---------------------------------------------------------- */

struct create {
	struct session *s;
	const struct duty_new *in;
	char *title, *result, *basis, *field, *note;
	char *parts[DUTY_SUPPORT_MAX];
	rowid_t support_ids[DUTY_SUPPORT_MAX];	/* the units of in->support */
	day_t due;
	long coefficient;	/* hundredths */
	char *ref;
	/* An import's record (NULL for add), with its values checked. */
	const struct duty_record *rec;
	day_t original, done_on, closed_on, last_progress;	/* DAY_NONE: none */
	int handoffs, bounced, escalated;
	/* Its parts delivered, for the history (unit, by whom, on which day). */
	struct { rowid_t unit, by; char day[11]; } delivered[DUTY_SUPPORT_MAX];
	int ndelivered;
	/* issue #11: the series it starts (every given), its deadline's day
	 * in each period (0: the last) and its first period. */
	int recurs;
	enum series_every every;
	int day;
	char period[DATES_PERIOD_SIZE];
	/* A series' instance: recorded as made by its assigner, via whoever
	 * made it happen (record_created). */
	int for_assigner;
};

/* Rule 2: names every one of the six clears that is missing. */
static enum rv_code
check_six_clears(const struct duty_new *in, int import, struct rv_err *err)
{
	static const char *const options[] = {
		N_("the title (the work)"), N_("the lead unit (--lead)"), N_("the owner (--owner)"),
		N_("the deadline (--due)"), N_("the expected result (--result)"),
		N_("the basis, the directive it comes from (--basis)"),
	};
	static const char *const columns[] = {
		N_("the title"), N_("the lead unit (lead)"), N_("the owner (owner)"),
		N_("the deadline (deadline)"), N_("the expected result (result)"),
		N_("the basis, the directive it comes from (basis)"),
	};
	const char *const *names = import ? columns : options;
	/* A series' deadline comes from its rule (issue #11). */
	const char *given[] = { in->title, in->lead, in->owner,
	    in->due == NULL && in->every != NULL && in->every[0] != '\0' ? "rule" : in->due,
	    in->result, in->basis };
	static const char *const fields[] = { "title", "lead", "owner", "due",
	    "result", "basis" };
	const char *first = NULL;
	char missing[512] = "";
	size_t len = 0;

	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		const char *g = given[i];

		while (g != NULL && (*g == ' ' || *g == '\t'))
			g++;
		if (g != NULL && *g != '\0')
			continue;
		if (first == NULL)
			first = fields[i];
		len += (size_t)snprintf(missing + len, sizeof(missing) - len, "%s%s",
		    len > 0 ? ", " : "", _(names[i]));
	}
	if (len == 0)
		return RV_OK;
	err_set(err, RV_REFUSED,
	    _("a duty is created only when it is clear; missing: %s"), missing);
	return err_field(err, first);
}

static enum rv_code
create_texts(struct create *c, struct rv_err *err)
{
	const struct duty_new *in = c->in;
	enum rv_code rc;

	if ((rc = take_text(in->title, _("the title"), DUTY_TITLE_MAX, 1, &c->title, err)) != RV_OK)
		return err_field(err, "title");
	if ((rc = take_text(in->result, _("the expected result"), DUTY_TEXT_MAX, 1, &c->result, err)) != RV_OK)
		return err_field(err, "result");
	if ((rc = take_text(in->basis, _("the basis"), DUTY_TEXT_MAX, 1, &c->basis, err)) != RV_OK)
		return err_field(err, "basis");
	if ((rc = take_text(in->field, _("the field"), DUTY_FIELD_MAX, 0, &c->field, err)) != RV_OK)
		return err_field(err, "field");
	if ((rc = take_text(in->note, _("the note"), DUTY_TEXT_MAX, 0, &c->note, err)) != RV_OK)
		return err_field(err, "note");
	for (size_t i = 0; i < in->nsupport; i++)
		if ((rc = take_text(in->support[i].part, _("a supporting unit's part"),
		    DUTY_TEXT_MAX, 0, &c->parts[i], err)) != RV_OK)
			return err_field(err, "support");
	return RV_OK;
}

static enum rv_code
add_supporters(struct create *c, const struct duty *d, struct rv_err *err)
{
	struct store *st = c->s->st;
	enum rv_code rc = RV_OK;

	for (size_t i = 0; i < c->in->nsupport && rc == RV_OK; i++) {
		struct unit u;
		int already = 0;

		if ((rc = lookup_unit(c->s, c->in->support[i].unit, &u, err)) != RV_OK)
			break;
		if (u.id == d->lead_unit_id)
			rc = err_set(err, RV_REFUSED,
			    _("%s leads the duty, so it cannot also support it; leave it out of --support"),
			    u.code);
		else if ((rc = store_is_supporter(st, d->id, u.id, &already, err)) == RV_OK &&
		    already)
			rc = err_set(err, RV_REFUSED,
			    _("%s is named twice as a supporting unit; name it once with its part"),
			    u.code);
		else if (rc == RV_OK) {
			c->support_ids[i] = u.id;
			rc = store_support_add(st, d->id, u.id, c->parts[i], err);
		}
		model_unit_free(&u);
	}
	return rc != RV_OK ? err_field(err, "support") : RV_OK;
}

static enum rv_code record_date(const char *given, const char *what, day_t today,
    day_t *out, struct rv_err *err);

/* An import's parts delivered, "UNIT:DAY[:LOGIN]; ...": each unit one of
 * the duty's supporters, named once, the day between the duty's creation
 * and today, the login (who delivered it) a registered person. */
static enum rv_code
add_deliveries(struct create *c, const struct duty *d, struct rv_err *err)
{
	struct store *st = c->s->st;
	char *buf = strdup(c->rec->delivered), *next = buf;
	day_t today = session_today(c->s), made = DAY_NONE;
	time_t t;
	enum rv_code rc = RV_OK;

	if (buf == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	if (c->rec->created != NULL && dates_moment(c->rec->created, &t) == 0)
		made = dates_local_day(t);	/* delivered_on is a local day */
	while (rc == RV_OK && next != NULL) {
		char *field[3] = { next, NULL, NULL }, delivered[11];
		struct unit u = { 0 };
		struct person p = { 0 };
		day_t on;
		int supports = 0;

		if ((next = strchr(next, ';')) != NULL)
			*next++ = '\0';
		/* UNIT:DAY[:LOGIN], each part without the spaces around it. */
		for (int i = 1; i < 3 && field[i - 1] != NULL; i++)
			if ((field[i] = strchr(field[i - 1], ':')) != NULL)
				*field[i]++ = '\0';
		for (int i = 0; i < 3 && field[i] != NULL; i++) {
			while (*field[i] == ' ')
				field[i]++;
			for (char *e = field[i] + strlen(field[i]); e > field[i] && e[-1] == ' ';)
				*--e = '\0';
		}
		if (field[0][0] == '\0' && field[1] == NULL)
			continue;
		if (c->rec->created == NULL) {
			rc = err_set(err, RV_REFUSED,
			    _("delivered parts are imported only with the duty's created moment"));
			break;
		}
		if (field[1] == NULL || field[1][0] == '\0' || field[1][0] == '+') {
			rc = err_set(err, RV_REFUSED,
			    _("delivered: '%s' has no day; write UNIT:YYYY-MM-DD or UNIT:YYYY-MM-DD:LOGIN"),
			    field[0]);
			break;
		}
		if ((rc = store_unit_by_code(st, field[0], &u, err)) != RV_OK)
			break;
		if ((rc = store_support_state(st, d->id, u.id, &supports, delivered, err)) == RV_OK) {
			if (!supports)
				rc = err_set(err, RV_REFUSED,
				    _("delivered: %s is not among the supporting units (support)"), u.code);
			else if (delivered[0] != '\0')
				rc = err_set(err, RV_REFUSED,
				    _("delivered: %s is named twice; name each unit once"), u.code);
		}
		if (rc == RV_OK && (rc = record_date(field[1], "delivered", today, &on, err)) == RV_OK &&
		    (on > today || on < made))
			rc = err_set(err, RV_REFUSED,
			    _("delivered: %s's day %s is not between the duty's creation and today"),
			    u.code, field[1]);
		if (rc == RV_OK && field[2] != NULL && field[2][0] != '\0')
			rc = store_person_by_login(st, field[2], &p, err);
		if (rc == RV_OK) {
			dates_iso(on, delivered);
			rc = store_support_deliver(st, d->id, u.id, delivered, p.id, err);
		}
		if (rc == RV_OK && c->ndelivered < DUTY_SUPPORT_MAX) {
			c->delivered[c->ndelivered].unit = u.id;
			c->delivered[c->ndelivered].by = p.id;
			memcpy(c->delivered[c->ndelivered].day, delivered, 11);
			c->ndelivered++;
		}
		model_unit_free(&u);
		model_person_free(&p);
	}
	free(buf);
	return rc;
}

static void
new_uuid(char out[37])
{
	uuid_t u;

	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

/* The assigner of a new duty: the acting person, or the record's. */
static enum rv_code
create_assigner(struct create *c, struct person *out, struct rv_err *err)
{
	struct session *s = c->s;

	if (c->rec != NULL && c->rec->assigner != NULL)
		return store_person_by_login(s->st, c->rec->assigner, out, err);
	memset(out, 0, sizeof(*out));
	out->id = s->me.id;
	out->role = s->me.role;
	return RV_OK;
}

/* An imported reference: not taken, and its unit's counter moved past it
 * so that later duties of that unit do not collide with it. */
static enum rv_code
take_given_ref(struct store *st, const char *given, char ref[DUTY_REF_SIZE],
    struct rv_err *err)
{
	const char *dash = strrchr(given, '-');
	char prefix[DUTY_REF_SIZE];
	struct duty old;
	struct rv_err ignored;
	size_t plen = dash != NULL ? (size_t)(dash - given) : 0;
	long long n = 0;

	for (size_t i = 0; i < plen; i++)
		if (!(isalnum((unsigned char)given[i]) || given[i] == '_'))
			plen = 0;
	for (const char *p = dash != NULL ? dash + 1 : ""; *p != '\0'; p++)
		n = isdigit((unsigned char)*p) && n < 100000000 ? n * 10 + (*p - '0') : -1;
	if (plen == 0 || plen > 16 || dash[1] == '\0' || n <= 0)
		return err_set(err, RV_REFUSED,
		    _("the reference must be a unit code, a dash and a number, like P1-0042"));
	if (store_duty_by_ref(st, given, &old, &ignored) == RV_OK) {
		model_duty_free(&old);
		return err_set(err, RV_REFUSED, _("the reference %s is already taken by a duty"),
		    given);
	}
	memcpy(prefix, given, plen);
	prefix[plen] = '\0';
	snprintf(ref, DUTY_REF_SIZE, "%s", given);
	return store_ref_at_least(st, prefix, n, err);
}

/* Fills the fields of d that an import's record may give. */
static void
record_fields(const struct create *c, struct duty *d)
{
	const struct duty_record *r = c->rec;

	if (r == NULL)
		return;
	if (c->original != DAY_NONE)
		dates_iso(c->original, d->original_deadline);
	if (r->status != NULL)
		snprintf(d->status, sizeof(d->status), "%s", r->status);
	if (c->done_on != DAY_NONE)
		dates_iso(c->done_on, d->done_on);
	if (c->closed_on != DAY_NONE)
		dates_iso(c->closed_on, d->closed_on);
	if (c->last_progress != DAY_NONE)
		dates_iso(c->last_progress, d->last_progress_on);
	d->handoffs = c->handoffs;
	d->bounced = c->bounced;
	d->escalated = c->escalated;
}

/*
 * One entry of a new duty's history, for h->actor_id (an import's entries
 * are made by the administrator for whom they name: via), with its facts:
 * the duty's fields that differ from *was (all of them at its creation,
 * with the supporting units and their parts), then *was catches up.
 */
enum { ENTRY_PLAIN, ENTRY_CREATED, ENTRY_DELIVERED_BY_NOBODY };

static enum rv_code
new_duty_entry(struct create *c, struct history_entry *h, struct duty *was,
    const struct duty *now, int kind, struct rv_err *err)
{
	struct session *s = c->s;
	struct facts f;
	enum rv_code rc;

	if (h->actor_id != s->me.id)
		h->via_id = s->me.id;
	else if (h->via_id == 0)
		h->via_id = s->via.id;
	facts_init(&f);
	ledger_duty_diff(was, now, &f);
	if (kind == ENTRY_CREATED) {
		facts_list(&f, "support");
		for (size_t i = 0; i < c->in->nsupport; i++) {
			assert(c->support_ids[i] != 0);
			facts_row(&f);
			facts_item_int(&f, c->support_ids[i]);
			facts_item_str(&f, c->parts[i] != NULL ? c->parts[i] : "");
			facts_row_end(&f);
		}
		facts_list_end(&f);
	} else if (kind == ENTRY_DELIVERED_BY_NOBODY) {
		facts_str(&f, "by", NULL);	/* the file named nobody */
	}
	if ((h->data = facts_text(&f)) == NULL)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	else if ((rc = store_history_add(s->st, h, err)) == RV_OK &&
	    ledger_duty_copy(was, now) != 0)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	facts_free(&f);
	return rc;
}

/*
 * The history of a new duty.  Added, one entry: its creation by the acting
 * person.  Imported: its creation, for the assigner, then what the file
 * says already happened, each as done by whom it names, via the
 * administrator importing, at the moment of the import (the days are the
 * file's): its submission and confirmation or its cancellation, and the
 * parts delivered.  So verify holds the duty to what it came with.
 */
static enum rv_code
record_created(struct create *c, const struct duty *d, rowid_t assigner,
    rowid_t owner, const char *at, const char *detail, struct rv_err *err)
{
	struct history_entry h = {
		.duty_id = d->id, .at = at, .actor_id = assigner, .action = "created",
		.to_unit_id = d->lead_unit_id, .to_owner_id = owner, .text = c->note,
		.detail = detail,
	};
	struct duty was = { .id = d->id }, stage = *d;
	int submitted = strcmp(d->status, "submitted") == 0;
	int done = strcmp(d->status, "done") == 0;
	enum rv_code rc;

	if (c->rec == NULL && !c->for_assigner) {
		h.actor_id = c->s->me.id;
		h.via_id = c->s->via.id;
	}
	/* Created open; the rest follows in its own entries. */
	snprintf(stage.status, sizeof(stage.status), "open");
	stage.done_on[0] = stage.closed_on[0] = '\0';
	if ((rc = new_duty_entry(c, &h, &was, &stage, ENTRY_CREATED, err)) != RV_OK)
		goto out;
	memset(&h, 0, sizeof(h));
	h.duty_id = d->id;
	h.at = at;
	if (submitted || done) {
		h.actor_id = owner;
		h.action = "submitted";
		h.detail = d->done_on;
		snprintf(stage.status, sizeof(stage.status), "submitted");
		memcpy(stage.done_on, d->done_on, sizeof(stage.done_on));
		if ((rc = new_duty_entry(c, &h, &was, &stage, ENTRY_PLAIN, err)) != RV_OK)
			goto out;
	}
	if (done || strcmp(d->status, "cancelled") == 0) {
		h.actor_id = assigner;
		h.via_id = 0;
		h.action = done ? "confirmed" : "cancelled";
		h.detail = done ? d->done_on : d->closed_on;
		snprintf(stage.status, sizeof(stage.status), "%s", d->status);
		memcpy(stage.closed_on, d->closed_on, sizeof(stage.closed_on));
		if ((rc = new_duty_entry(c, &h, &was, &stage, ENTRY_PLAIN, err)) != RV_OK)
			goto out;
	}
	for (int i = 0; i < c->ndelivered; i++) {
		h.actor_id = c->delivered[i].by != 0 ? c->delivered[i].by : c->s->me.id;
		h.via_id = 0;
		h.action = "part-delivered";
		h.from_unit_id = c->delivered[i].unit;
		h.detail = c->delivered[i].day;
		if ((rc = new_duty_entry(c, &h, &was, &stage, c->delivered[i].by != 0 ?
		    ENTRY_PLAIN : ENTRY_DELIVERED_BY_NOBODY, err)) != RV_OK)
			goto out;
	}
	/* The entries account for the whole duty as inserted. */
	assert(strcmp(stage.status, d->status) == 0);
out:
	model_duty_free(&was);
	return rc;
}

/* The start of a "created" entry's detail, which history.c reads back and
 * shows: "deadline DAY", then "; original DAY" when an extension had moved
 * it (an import), "; coefficient C" when it is not 1.  The caller adds
 * where it came from or its series. */
static void
created_detail(char *detail, size_t size, const struct duty *d, long coefficient)
{
	int moved = strcmp(d->original_deadline, d->deadline) != 0;

	snprintf(detail, size, "deadline %s%s%s%s%s", d->deadline,
	    moved ? "; original " : "", moved ? d->original_deadline : "",
	    coefficient != DUTY_COEFFICIENT_DEFAULT ? "; coefficient " : "",
	    coefficient != DUTY_COEFFICIENT_DEFAULT ?
	    decimal_format(coefficient, (char[DECIMAL_SIZE]){ 0 }) : "");
}

/* issue #11: a series instance's "created" detail goes on "deadline DAY"
 * with "; series N period P". */
static void
series_detail(char *detail, size_t size, rowid_t series, const char *period)
{
	size_t len = strlen(detail);

	snprintf(detail + len, size - len, "; series %lld period %s", (long long)series,
	    period);
}

/* The history's words for a series' rule: "series 3 every month day 20"
 * ("day last": the period's last day). */
static void
series_rule(char *buf, size_t size, const struct series *se)
{
	if (se->day > 0)
		snprintf(buf, size, "series %lld every %s day %d", (long long)se->id,
		    model_every_name(se->every), se->day);
	else
		snprintf(buf, size, "series %lld every %s day last", (long long)se->id,
		    model_every_name(se->every));
}

/* An entry on a duty just made by the acting person that changes none of
 * its fields (empty facts): a series started. */
static enum rv_code
record_plain(struct session *s, const struct duty *d, const char *action,
    const char *at, const char *detail, struct rv_err *err)
{
	struct history_entry h = {
		.duty_id = d->id, .at = at, .actor_id = s->me.id, .via_id = s->via.id,
		.action = action, .detail = detail,
	};
	struct facts f;
	enum rv_code rc;

	facts_init(&f);
	if ((h.data = facts_text(&f)) == NULL)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	else
		rc = store_history_add(s->st, &h, err);
	facts_free(&f);
	return rc;
}

static enum rv_code
do_create(struct store *st, void *arg, struct rv_err *err)
{
	struct create *c = arg;
	struct session *s = c->s;
	const struct duty_record *r = c->rec;
	struct unit lead = { 0 };
	struct person owner = { 0 }, assigner = { 0 };
	struct duty d = { 0 };
	char uuid[37], ref[DUTY_REF_SIZE], at[21], *detail = NULL;
	size_t size;
	long long n;
	struct series se = { 0 };
	int closed = r != NULL && r->status != NULL &&
	    (strcmp(r->status, "done") == 0 || strcmp(r->status, "cancelled") == 0);
	enum rv_code rc;

	if ((rc = lookup_unit(s, c->in->lead, &lead, err)) != RV_OK) {
		err_field(err, "lead");
		goto out;
	}
	if ((rc = create_assigner(c, &assigner, err)) != RV_OK)
		goto out;
	if ((r == NULL || r->created == NULL) &&
	    !actor_heads_above(st, assigner.id, lead.id) &&
	    (r == NULL || assigner.role != ROLE_ADMIN)) {
		rc = r == NULL ? err_set(err, RV_REFUSED,
		    _("only the head of %s or of a unit above it may assign it a duty"),
		    lead.code) : err_set(err, RV_REFUSED,
		    _("the assigner %s heads neither %s nor a unit above it; name one who does, or leave the assigner out"),
		    r->assigner, lead.code);
		goto out;
	}
	/* A closed duty keeps its last owner, who may have moved on since. */
	if (closed)
		rc = store_person_by_login(st, c->in->owner, &owner, err);
	else
		rc = member_of(s, c->in->owner, lead.id, &owner, err);
	if (rc != RV_OK) {
		err_field(err, "owner");
		goto out;
	}
	if (c->in->uuid != NULL) {
		struct duty old;
		struct rv_err ignored;

		if (store_duty_by_ref(st, c->in->uuid, &old, &ignored) == RV_OK) {
			rc = err_set(err, RV_REFUSED, _("the uuid %s is already taken by %s"),
			    c->in->uuid, old.ref);
			model_duty_free(&old);
			goto out;
		}
	}
	if (r != NULL && r->ref != NULL) {
		if ((rc = take_given_ref(st, r->ref, ref, err)) != RV_OK)
			goto out;
	} else {
		if ((rc = store_next_ref(st, lead.code, &n, err)) != RV_OK)
			goto out;
		snprintf(ref, sizeof(ref), "%s-%04lld", lead.code, n);
	}
	if (c->in->uuid != NULL)
		snprintf(uuid, sizeof(uuid), "%s", c->in->uuid);
	else
		new_uuid(uuid);
	session_stamp(s, at);
	d.uuid = uuid;
	d.ref = ref;
	d.title = c->title;
	d.search_key = text_fold(c->title);
	d.result = c->result;
	d.basis = c->basis;
	d.field = c->field;
	d.assigner_id = assigner.id;
	d.lead_unit_id = lead.id;
	d.owner_id = owner.id;
	d.created_at = r != NULL && r->created != NULL ? (char *)r->created : at;
	dates_iso(c->due, d.original_deadline);
	dates_iso(c->due, d.deadline);
	snprintf(d.status, sizeof(d.status), "open");
	dates_iso(session_today(s), d.last_progress_on);
	record_fields(c, &d);
	if (d.search_key == NULL) {
		rc = err_set(err, RV_STORAGE, _("out of memory"));
		goto out;
	}
	if ((rc = store_duty_insert(st, &d, err)) != RV_OK ||
	    (c->coefficient != DUTY_COEFFICIENT_DEFAULT &&
	    (rc = store_duty_set_coefficient(st, d.id, c->coefficient, err)) != RV_OK) ||
	    (rc = add_supporters(c, &d, err)) != RV_OK ||
	    (r != NULL && r->delivered != NULL &&
	    (rc = add_deliveries(c, &d, err)) != RV_OK))
		goto out;
	if (c->recurs) {
		se.every = c->every;
		se.day = c->day;
		se.assigner_id = assigner.id;
		se.lead_unit_id = lead.id;
		se.owner_id = owner.id;
		if ((rc = store_series_insert(st, &se, at, err)) != RV_OK ||
		    (rc = store_duty_set_series(st, d.id, se.id, c->period, err)) != RV_OK)
			goto out;
	}
	/* Where an imported duty came from goes after the rest. */
	size = 160 + (r != NULL && r->source != NULL ? strlen(r->source) : 0);
	if ((detail = malloc(size)) == NULL) {
		rc = err_set(err, RV_STORAGE, _("out of memory"));
		goto out;
	}
	created_detail(detail, size, &d, c->coefficient);
	if (r != NULL && r->source != NULL) {
		size_t len = strlen(detail);

		snprintf(detail + len, size - len, "; %s", r->source);
	}
	if (c->recurs)
		series_detail(detail, size, se.id, c->period);
	rc = record_created(c, &d, assigner.id, owner.id, at, detail, err);
	if (rc == RV_OK && c->recurs) {
		char rule[64];

		series_rule(rule, sizeof(rule), &se);
		rc = record_plain(s, &d, "series-started", at, rule, err);
	}
	free(c->ref);
	c->ref = NULL;
	if (rc == RV_OK && (c->ref = strdup(ref)) == NULL)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
out:
	free(detail);
	free(d.search_key);
	model_unit_free(&lead);
	model_person_free(&owner);
	model_person_free(&assigner);
	return rc;
}

static void
create_free(struct create *c)
{
	free(c->title);
	free(c->result);
	free(c->basis);
	free(c->field);
	free(c->note);
	free(c->ref);
	for (size_t i = 0; i < DUTY_SUPPORT_MAX; i++)
		free(c->parts[i]);
}


/* --- importing --------------------------------------------------------- */

/* An optional date of a record: DAY_NONE when not given. */
static enum rv_code
record_date(const char *given, const char *what, day_t today, day_t *out,
    struct rv_err *err)
{
	enum rv_code rc;

	*out = DAY_NONE;
	if (given == NULL || given[0] == '\0')
		return RV_OK;
	if ((rc = dates_parse(given, today, out, err)) != RV_OK) {
		char msg[sizeof(err->msg)];

		snprintf(msg, sizeof(msg), "%s", err->msg);
		return err_set(err, RV_REFUSED, "%s: %s", what, msg);
	}
	return RV_OK;
}

/* A counter of a record: a whole number from 0 to max; 0 when not given. */
static enum rv_code
record_count(const char *given, const char *what, int max, int *out,
    struct rv_err *err)
{
	long v = 0;

	*out = 0;
	if (given == NULL || given[0] == '\0')
		return RV_OK;
	for (const char *p = given; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p) || v > max)
			return err_set(err, RV_REFUSED, _("%s must be a whole number from 0 to %d"),
			    what, max);
		v = v * 10 + (*p - '0');
	}
	if (v > max)
		return err_set(err, RV_REFUSED, _("%s must be a whole number from 0 to %d"),
		    what, max);
	*out = (int)v;
	return RV_OK;
}

/* The values of a record, checked against each other. */
static enum rv_code
check_record(struct create *c, day_t today, struct rv_err *err)
{
	const struct duty_record *r = c->rec;
	const char *st = r->status != NULL ? r->status : "open";
	int submitted = strcmp(st, "submitted") == 0, done = strcmp(st, "done") == 0;
	int cancelled = strcmp(st, "cancelled") == 0;
	enum rv_code rc;
	uuid_t u;

	if (c->in->uuid != NULL && (strlen(c->in->uuid) != 36 ||
	    uuid_parse(c->in->uuid, u) != 0))
		return err_set(err, RV_REFUSED,
		    _("the uuid is not a UUID (like 0b9d6c2e-5f1a-4c3b-9e7d-2a8f4b6c1d30)"));
	for (const char *p = c->in->uuid; p != NULL && *p != '\0'; p++)
		if (isupper((unsigned char)*p))
			return err_set(err, RV_REFUSED, _("the uuid must be written in lower case"));
	if (strcmp(st, "open") != 0 && !submitted && !done && !cancelled)
		return err_set(err, RV_REFUSED,
		    _("the status is one of open, submitted, done or cancelled%s"),
		    strcmp(st, "pending") == 0 ? " (a pending proposal is not imported: write open)" : "");
	if (r->created != NULL && dates_moment(r->created, &(time_t){ 0 }) != 0)
		return err_set(err, RV_REFUSED,
		    _("created must be a UTC moment like 2026-11-28T07:30:00Z"));
	if (r->created == NULL && strcmp(st, "open") != 0)
		return err_set(err, RV_REFUSED,
		    _("a duty imported as %s needs its created moment"), st);
	if ((rc = record_date(r->original_deadline, _("the original deadline"), today,
	    &c->original, err)) != RV_OK ||
	    (rc = record_date(r->done_on, "done_on", today, &c->done_on, err)) != RV_OK ||
	    (rc = record_date(r->closed_on, "closed_on", today, &c->closed_on, err)) != RV_OK ||
	    (rc = record_date(r->last_progress_on, "last_progress_on", today,
	    &c->last_progress, err)) != RV_OK ||
	    (rc = record_count(r->handoffs, "handoffs", 1000000, &c->handoffs, err)) != RV_OK ||
	    (rc = record_count(r->bounced, "bounced", 1, &c->bounced, err)) != RV_OK ||
	    (rc = record_count(r->escalated, "escalated", 1, &c->escalated, err)) != RV_OK)
		return rc;
	if ((submitted || done) && c->done_on == DAY_NONE)
		return err_set(err, RV_REFUSED, _("a duty %s needs its done_on date"), st);
	/* What the history of an open duty could not hold, and a duty done
	 * before it was made, which a report would count on a day before it
	 * existed. */
	if (strcmp(st, "open") == 0 && c->done_on != DAY_NONE)
		return err_set(err, RV_REFUSED,
		    _("an open duty has no done_on: leave it empty, or give the status submitted or done"));
	if ((submitted || done) && r->created != NULL) {
		time_t made;
		day_t made_on;
		char m[11], d[11];

		if (dates_moment(r->created, &made) == 0 &&
		    (made_on = dates_local_day(made)) > c->done_on) {
			dates_iso(made_on, m);
			dates_iso(c->done_on, d);
			return err_set(err, RV_REFUSED,
			    _("the duty was made on %s, after the day it was done (%s): check created and done_on"),
			    dates_shown(m, (char[11]){ 0 }), dates_shown(d, (char[11]){ 0 }));
		}
	}
	if ((done || cancelled) && c->closed_on == DAY_NONE)
		return err_set(err, RV_REFUSED, _("a duty %s needs its closed_on date"), st);
	return RV_OK;
}

/* "tháng", "quý", "năm" (any case, with or without diacritics) as the
 * board's form may be answered in Vietnamese; 0, or -1. */
static int
every_in_words(const char *word, enum series_every *out)
{
	static const char *const folded[] = { "thang", "quy", "nam" };
	char *f = text_fold(word);
	int found = -1;

	for (int i = 0; i < 3 && f != NULL; i++)
		if (strcmp(f, folded[i]) == 0) {
			*out = (enum series_every)i;
			found = 0;
		}
	free(f);
	return found;
}

/* A series' rule (issue #11): every and day, checked; without a deadline
 * given, the first period's deadline from today on. */
static enum rv_code
create_rule(struct create *c, day_t today, struct rv_err *err)
{
	const struct duty_new *in = c->in;
	const char *every = in->every != NULL && in->every[0] != '\0' ? in->every : NULL;
	const char *day = in->day != NULL && in->day[0] != '\0' ? in->day : NULL;
	char period[DATES_PERIOD_SIZE];
	int months;

	if (every == NULL && day == NULL)
		return RV_OK;
	if (every == NULL) {
		err_set(err, RV_REFUSED,
		    _("a deadline's day is for a series: give --every month, quarter or year with it"));
		return err_field(err, "every");
	}
	if (c->rec != NULL)
		return err_set(err, RV_REFUSED, _("a series is started with roviec add, not imported"));
	if (model_every_parse(every, &c->every) != 0 && every_in_words(every, &c->every) != 0) {
		err_set(err, RV_REFUSED, _("a series recurs every month, quarter or year, not '%s'"),
		    every);
		return err_field(err, "every");
	}
	c->recurs = 1;
	c->day = 0;
	if (day != NULL) {
		const char *p = day;

		while (*p >= '0' && *p <= '9' && c->day <= 31)
			c->day = c->day * 10 + (*p++ - '0');
		if (*p != '\0' || c->day < 1 || c->day > 31) {
			c->day = 0;
			err_set(err, RV_REFUSED,
			    _("the deadline's day in the period is a number from 1 to 31 (a shorter month ends sooner)"));
			return err_field(err, "day");
		}
	}
	if (in->due != NULL)
		return RV_OK;
	months = model_every_months(c->every);
	dates_period(today, months, period);
	if (dates_period_deadline(period, months, c->day, &c->due) != 0)
		return err_set(err, RV_STORAGE, _("the period %s cannot be read"), period);
	if (c->due < today && (dates_period_next(period, months, period) != 0 ||
	    dates_period_deadline(period, months, c->day, &c->due) != 0))
		return err_set(err, RV_STORAGE, _("the period %s cannot be read"), period);
	return RV_OK;
}

/* The checks and the write shared by add and import: rec is the import's
 * record, NULL for add (whose deadline may not be past). */
static enum rv_code
create_duty(struct session *s, const struct duty_new *in,
    const struct duty_record *rec, char ref[DUTY_REF_SIZE], struct rv_err *err)
{
	struct create c = { .s = s, .in = in, .rec = rec,
	    .coefficient = DUTY_COEFFICIENT_DEFAULT };
	day_t today = session_today(s);
	char day[11];
	enum rv_code rc;

	if (in->nsupport > DUTY_SUPPORT_MAX)
		return err_set(err, RV_REFUSED, _("at most %d supporting units"), DUTY_SUPPORT_MAX);
	if ((rc = check_six_clears(in, rec != NULL, err)) != RV_OK ||
	    (rc = create_texts(&c, err)) != RV_OK ||
	    (rc = create_rule(&c, today, err)) != RV_OK)
		goto out;
	if (in->coefficient != NULL && (rc = decimal_parse(in->coefficient,
	    rec != NULL ? _("the coefficient (coefficient)") : _("the coefficient (--coefficient)"),
	    DUTY_COEFFICIENT_MIN, DUTY_COEFFICIENT_MAX, &c.coefficient, err)) != RV_OK) {
		err_field(err, "coefficient");
		goto out;
	}
	if (in->due != NULL && (rc = dates_parse(in->due, today, &c.due, err)) != RV_OK) {
		err_field(err, "due");
		goto out;
	}
	if (c.recurs)
		dates_period(c.due, model_every_months(c.every), c.period);
	if (rec != NULL && (rc = check_record(&c, today, err)) != RV_OK)
		goto out;
	if ((rec == NULL || rec->created == NULL) && c.due < today) {
		dates_iso(c.due, day);
		rc = err_set(err, RV_REFUSED,
		    _("the deadline %s is already past; give a deadline from today on"),
		    dates_shown(day, (char[11]){ 0 }));
		err_field(err, "due");
		goto out;
	}
	if ((rc = store_write(s->st, do_create, &c, err)) == RV_OK)
		snprintf(ref, DUTY_REF_SIZE, "%s", c.ref);
out:
	create_free(&c);
	return rc;
}

enum rv_code
duty_create(struct session *s, const struct duty_new *in, char ref[DUTY_REF_SIZE],
    struct rv_err *err)
{
	session_tick(s);
	ref[0] = '\0';
	if (refuse_inspector(s, err))
		return RV_REFUSED;
	return create_duty(s, in, NULL, ref, err);
}

enum rv_code
duty_import(struct session *s, const struct duty_new *in,
    const struct duty_record *rec, char ref[DUTY_REF_SIZE], struct rv_err *err)
{
	ref[0] = '\0';
	if (s->me.role != ROLE_ADMIN)
		return err_set(err, RV_REFUSED,
		    _("only an administrator imports duties; ask one to run roviec import"));
	return create_duty(s, in, rec, ref, err);
}

/* --- assigning inside the unit ----------------------------------------- */

static enum rv_code
do_assign(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	struct person p = { 0 };
	rowid_t from;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = need_status(op, "open", _("reassigned"), err)) != RV_OK)
		return rc;
	if (!heads_lead(op))
		return err_set(err, RV_REFUSED,
		    _("only the head of the lead unit may reassign %s"), op->d.ref);
	if ((rc = member_of(op->s, op->login, op->d.lead_unit_id, &p, err)) != RV_OK)
		return err_field(err, "login");
	from = op->d.owner_id;
	if (p.id == from)
		rc = err_set(err, RV_REFUSED, _("%s already owns %s"), p.login, op->d.ref);
	else if ((rc = move_duty(op, op->d.lead_unit_id, p.id, 1, err)) == RV_OK)
		rc = record(op, "assigned", 0, 0, from, p.id, NULL, NULL, err);
	model_person_free(&p);
	return rc;
}

enum rv_code
duty_assign(struct session *s, const char *ref, const char *login,
    struct rv_err *err)
{
	struct op op = { .ref = ref, .login = login };

	session_tick(s);
	if (login == NULL || login[0] == '\0') {
		err_set(err, RV_REFUSED, _("name the new owner by login"));
		return err_field(err, "login");
	}
	return run_op(s, &op, do_assign, err);
}

/* --- handoff proposals ------------------------------------------------- */

static enum rv_code
propose(struct op *op, enum handoff_kind kind, rowid_t to_unit, struct rv_err *err)
{
	struct handoff h = { 0 };
	enum rv_code rc;

	/* Rule 6: a proposal to a unit above the lead unit (an escalation, a
	 * transfer or a return upward) raises escalated, which stays. */
	if (!op->d.escalated) {
		int above = 0;

		if (to_unit != op->d.lead_unit_id &&
		    (rc = store_unit_within(op->s->st, op->d.lead_unit_id, to_unit,
		    &above, err)) != RV_OK)
			return rc;
		assert(kind != HANDOFF_ESCALATE || above);
		if (above) {
			op->d.escalated = 1;
			if ((rc = store_duty_update(op->s->st, &op->d, err)) != RV_OK)
				return rc;
		}
	}
	h.duty_id = op->d.id;
	h.kind = kind;
	h.from_unit_id = op->d.lead_unit_id;
	h.to_unit_id = to_unit;
	h.proposed_by = op->s->me.id;
	h.reason = op->text;
	snprintf(h.created_on, sizeof(h.created_on), "%s", op->today);
	if ((rc = store_handoff_insert(op->s->st, &h, op->at, err)) != RV_OK)
		return rc;
	{
		struct facts f;

		facts_init(&f);
		facts_str(&f, "created_on", h.created_on);
		return record_facts(op, model_handoff_name(kind), op->d.lead_unit_id,
		    to_unit, 0, 0, op->text, "proposed", &f, err);
	}
}

/* The checks every proposal shares: done says what the duty cannot be
 * ("transferred"), doing what only some may do ("transfer it"). */
static enum rv_code
can_propose(struct store *st, struct op *op, const char *done, const char *doing,
    struct rv_err *err)
{
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = need_status(op, "open", done, err)) != RV_OK ||
	    (rc = need_owner_or_head(op, doing, err)) != RV_OK)
		return rc;
	return need_no_pending_handoff(op, _("handed off again"), err);
}

static enum rv_code
do_transfer(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	struct unit to = { 0 };
	enum handoff_kind kind = HANDOFF_TRANSFER;
	enum rv_code rc;

	if ((rc = can_propose(st, op, _("transferred"), _("transfer it"), err)) != RV_OK)
		goto out;
	if ((rc = lookup_unit(op->s, op->unit, &to, err)) != RV_OK) {
		err_field(err, "unit");
		goto out;
	}
	if (to.id == op->d.lead_unit_id) {
		rc = err_set(err, RV_REFUSED, _("%s already leads %s"), to.code, op->d.ref);
		err_field(err, "unit");
		goto out;
	}
	/* Passing it to a unit above is pushing it upward, whatever it is called. */
	{
		struct unit lead;
		int above = 0;

		if ((rc = store_unit_by_id(st, op->d.lead_unit_id, &lead, err)) != RV_OK)
			goto out;
		if (lead.parent_id != 0)
			rc = store_unit_within(st, lead.parent_id, to.id, &above, err);
		model_unit_free(&lead);
		if (rc != RV_OK)
			goto out;
		if (above)
			kind = HANDOFF_ESCALATE;
	}
	rc = propose(op, kind, to.id, err);
out:
	model_unit_free(&to);
	return rc;
}

enum rv_code
duty_transfer(struct session *s, const char *ref, const char *unit,
    const char *reason, struct rv_err *err)
{
	struct op op = { .ref = ref, .unit = unit };

	session_tick(s);
	if (unit == NULL || unit[0] == '\0') {
		err_set(err, RV_REFUSED, _("name the unit to transfer to by its code or name"));
		return err_field(err, "unit");
	}
	return run_with_reason(s, &op, reason, do_transfer, err);
}

static enum rv_code
do_escalate(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	struct unit lead = { 0 };
	enum rv_code rc;

	if ((rc = can_propose(st, op, _("escalated"), _("escalate it"), err)) != RV_OK ||
	    (rc = store_unit_by_id(st, op->d.lead_unit_id, &lead, err)) != RV_OK)
		goto out;
	if (lead.parent_id == 0)
		rc = err_set(err, RV_REFUSED, _("%s has no unit above it to escalate to"), lead.code);
	else
		rc = propose(op, HANDOFF_ESCALATE, lead.parent_id, err);
out:
	model_unit_free(&lead);
	return rc;
}

enum rv_code
duty_escalate(struct session *s, const char *ref, const char *reason,
    struct rv_err *err)
{
	struct op op = { .ref = ref };

	session_tick(s);
	return run_with_reason(s, &op, reason, do_escalate, err);
}

static enum rv_code
do_return(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	struct person assigner = { 0 };
	enum rv_code rc;

	if ((rc = can_propose(st, op, _("returned"), _("return it"), err)) != RV_OK ||
	    (rc = store_person_by_id(st, op->d.assigner_id, &assigner, err)) != RV_OK)
		goto out;
	if (assigner.unit_id == 0)
		rc = err_set(err, RV_REFUSED,
		    _("the assigner of %s belongs to no unit; ask them to redirect it instead"),
		    op->d.ref);
	else if (assigner.unit_id == op->d.lead_unit_id)
		rc = err_set(err, RV_REFUSED,
		    _("%s is already in its assigner's unit; ask the head to reassign it instead"),
		    op->d.ref);
	else
		rc = propose(op, HANDOFF_RETURN, assigner.unit_id, err);
out:
	model_person_free(&assigner);
	return rc;
}

enum rv_code
duty_return(struct session *s, const char *ref, const char *reason,
    struct rv_err *err)
{
	struct op op = { .ref = ref };

	session_tick(s);
	return run_with_reason(s, &op, reason, do_return, err);
}

/* --- answering proposals ----------------------------------------------- */

/* Loads the pending proposal that the acting person may answer. */
static enum rv_code
answerable(struct store *st, struct op *op, struct handoff *h, struct rv_err *err)
{
	int found;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = store_handoff_pending(st, op->d.id, h, &found, err)) != RV_OK)
		return rc;
	if (!found)
		return err_set(err, RV_REFUSED,
		    _("%s has no handoff proposal waiting for an answer (it may have been answered already)"),
		    op->d.ref);
	if (actor_heads(st, op->s->me.id, h->to_unit_id))
		return RV_OK;
	if (h->kind == HANDOFF_RETURN && is_assigner(op))
		return RV_OK;
	return err_set(err, RV_REFUSED,
	    _("only the head of the receiving unit may answer the proposal on %s"),
	    op->d.ref);
}

static enum rv_code
do_accept(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	struct handoff h = { 0 };
	struct person owner = { 0 };
	const char *login = op->login;
	rowid_t from_unit, from_owner;
	enum rv_code rc;

	if ((rc = answerable(st, op, &h, err)) != RV_OK)
		goto out;
	if (h.kind == HANDOFF_RETURN && !actor_heads(st, op->s->me.id, h.to_unit_id) &&
	    login != NULL && strcmp(login, op->s->me.login) != 0 &&
	    strcasecmp(login, LOOKUP_ME) != 0) {
		rc = err_set(err, RV_REFUSED,
		    _("as the assigner you take a returned duty back yourself; only the head of the unit may give it to someone else"));
		goto out;
	}
	if (login == NULL) {
		if (h.kind == HANDOFF_RETURN) {
			rc = store_person_by_id(st, op->d.assigner_id, &owner, err);
			if (rc == RV_OK && owner.unit_id != h.to_unit_id) {
				model_person_free(&owner);
				rc = err_set(err, RV_REFUSED,
				    _("name the new owner with --owner LOGIN"));
			}
		} else if (op->s->me.unit_id == h.to_unit_id) {
			rc = store_person_by_id(st, op->s->me.id, &owner, err);
		} else {
			rc = err_set(err, RV_REFUSED,
			    _("you do not belong to the receiving unit; name the new owner with --owner LOGIN"));
		}
	} else {
		rc = member_of(op->s, login, h.to_unit_id, &owner, err);
	}
	if (rc != RV_OK) {
		err_field(err, "owner");
		goto out;
	}
	from_unit = op->d.lead_unit_id;
	from_owner = op->d.owner_id;
	/* The old unit's extension request leaves with it (the handoff itself
	 * is answered here, so only the extension is withdrawn). */
	if ((rc = store_handoff_close(st, h.id, "accepted", op->s->me.id, op->at,
	    NULL, owner.id, err)) != RV_OK ||
	    (rc = withdraw_pending(op, "the duty moved to another unit", err)) != RV_OK ||
	    (rc = move_duty(op, h.to_unit_id, owner.id, 1, err)) != RV_OK)
		goto out;
	rc = record(op, "accepted", from_unit, h.to_unit_id, from_owner, owner.id,
	    NULL, model_handoff_name(h.kind), err);
out:
	model_handoff_free(&h);
	model_person_free(&owner);
	return rc;
}

enum rv_code
duty_accept(struct session *s, const char *ref, const char *owner,
    struct rv_err *err)
{
	struct op op = { .ref = ref, .login = owner };

	session_tick(s);
	return run_op(s, &op, do_accept, err);
}

static enum rv_code
do_reject(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	struct handoff h = { 0 };
	enum rv_code rc;

	if ((rc = answerable(st, op, &h, err)) == RV_OK &&
	    (rc = store_handoff_close(st, h.id, "rejected", op->s->me.id, op->at,
	    op->text, 0, err)) == RV_OK)
		rc = record(op, "rejected", h.from_unit_id, h.to_unit_id, 0, 0,
		    op->text, model_handoff_name(h.kind), err);
	model_handoff_free(&h);
	return rc;
}

enum rv_code
duty_reject(struct session *s, const char *ref, const char *reason,
    struct rv_err *err)
{
	struct op op = { .ref = ref };

	session_tick(s);
	return run_with_reason(s, &op, reason, do_reject, err);
}

/* --- progress ---------------------------------------------------------- */

static enum rv_code
do_progress(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	rowid_t unit = op->s->me.unit_id;
	int supporter = 0;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK)
		return rc;
	if (strcmp(op->d.status, "open") != 0 && strcmp(op->d.status, "submitted") != 0)
		return err_set(err, RV_REFUSED, _("%s is %s: progress is recorded on open duties"),
		    op->d.ref, _(op->d.status));
	if (unit != 0 && unit != op->d.lead_unit_id &&
	    (rc = store_is_supporter(st, op->d.id, unit, &supporter, err)) != RV_OK)
		return rc;
	if (!is_owner(op) && unit != op->d.lead_unit_id && !supporter && !heads_lead(op))
		return err_set(err, RV_REFUSED,
		    _("only people of the lead unit or of a supporting unit may record progress on %s"),
		    op->d.ref);
	memcpy(op->d.last_progress_on, op->today, sizeof(op->today));
	if ((rc = store_progress_insert(st, op->d.id, op->s->me.id, unit, op->at,
	    op->text, err)) != RV_OK ||
	    (rc = store_duty_update(st, &op->d, err)) != RV_OK)
		return rc;
	{
		struct facts f;

		/* The unit the note is written from (the notes' own column). */
		facts_init(&f);
		if (unit != 0)
			facts_int(&f, "unit", unit);
		else
			facts_str(&f, "unit", NULL);
		return record_facts(op, "progress", 0, 0, 0, 0, op->text, NULL, &f, err);
	}
}

enum rv_code
duty_progress(struct session *s, const char *ref, const char *note,
    struct rv_err *err)
{
	struct op op = { .ref = ref };
	enum rv_code rc;

	session_tick(s);
	if ((rc = take_text(note, _("the note"), DUTY_TEXT_MAX, 1, &op.text, err)) != RV_OK)
		return err_field(err, "note");
	return run_op(s, &op, do_progress, err);
}

/* --- a supporting unit's part ------------------------------------------- */

static enum rv_code
do_deliver(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	rowid_t unit = op->s->me.unit_id;
	char delivered[11];
	int supports = 0;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK)
		return rc;
	if (unit != 0 && (rc = store_support_state(st, op->d.id, unit, &supports,
	    delivered, err)) != RV_OK)
		return rc;
	if (!supports)
		return err_set(err, RV_REFUSED,
		    _("your unit is not a supporting unit of %s: only a supporting unit delivers a part"),
		    op->d.ref);
	if (delivered[0] != '\0')
		return err_set(err, RV_REFUSED, _("your unit's part of %s was delivered on %s already"),
		    op->d.ref, dates_shown(delivered, (char[11]){ 0 }));
	if (strcmp(op->d.status, "open") != 0 && strcmp(op->d.status, "submitted") != 0)
		return err_set(err, RV_REFUSED, _("%s is %s: parts are delivered to open duties"),
		    op->d.ref, _(op->d.status));
	if ((rc = store_support_deliver(st, op->d.id, unit, op->today, op->s->me.id,
	    err)) != RV_OK)
		return rc;
	return record(op, "part-delivered", unit, 0, 0, 0, op->text, op->today, err);
}

enum rv_code
duty_deliver(struct session *s, const char *ref, const char *note,
    struct rv_err *err)
{
	struct op op = { .ref = ref };
	enum rv_code rc;

	session_tick(s);
	if ((rc = take_text(note, _("the note of what was delivered"), DUTY_TEXT_MAX, 1,
	    &op.text, err)) != RV_OK)
		return err_field(err, "note");
	return run_op(s, &op, do_deliver, err);
}

/* --- extensions -------------------------------------------------------- */

static enum rv_code
do_extend(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	struct extension x = { 0 };
	day_t deadline;
	int found;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = need_status(op, "open", _("extended"), err)) != RV_OK ||
	    (rc = need_owner_or_head(op, _("ask for an extension of it"), err)) != RV_OK)
		return rc;
	if (dates_from_iso(op->d.deadline, &deadline) != 0)
		return err_set(err, RV_STORAGE, _("%s has a damaged deadline"), op->d.ref);
	if (session_today(op->s) > deadline)
		return err_set(err, RV_REFUSED,
		    _("the deadline of %s passed on %s; an extension must be asked for before the deadline"),
		    op->d.ref, dates_shown(op->d.deadline, (char[11]){ 0 }));
	if (op->date <= deadline) {
		err_set(err, RV_REFUSED,
		    _("an extension asks for a date after the current deadline %s"),
		    dates_shown(op->d.deadline, (char[11]){ 0 }));
		return err_field(err, "date");
	}
	if ((rc = store_extension_pending(st, op->d.id, &x, &found, err)) != RV_OK)
		return rc;
	model_extension_free(&x);
	if (found)
		return err_set(err, RV_REFUSED,
		    _("an extension of %s is already waiting for the assigner's answer"), op->d.ref);
	x.duty_id = op->d.id;
	x.requested_by = op->s->me.id;
	memcpy(x.old_deadline, op->d.deadline, sizeof(x.old_deadline));
	dates_iso(op->date, x.new_deadline);
	x.reason = op->text;
	if ((rc = store_extension_insert(st, &x, op->at, err)) != RV_OK)
		return rc;
	return record(op, "extension-asked", 0, 0, 0, 0, op->text, x.new_deadline, err);
}

enum rv_code
duty_extend(struct session *s, const char *ref, const char *date,
    const char *reason, struct rv_err *err)
{
	struct op op = { .ref = ref };
	enum rv_code rc;

	session_tick(s);
	if (date == NULL) {
		err_set(err, RV_REFUSED, _("give the new deadline you ask for"));
		return err_field(err, "date");
	}
	if ((rc = dates_parse(date, session_today(s), &op.date, err)) != RV_OK)
		return err_field(err, "date");
	if ((rc = take_text(reason, _("a reason"), DUTY_TEXT_MAX, 1, &op.text, err)) != RV_OK)
		return err_field(err, "reason");
	return run_op(s, &op, do_extend, err);
}

/* Answers the pending extension: approve (text NULL) or refuse. */
static enum rv_code
answer_extension(struct store *st, struct op *op, int approve, struct rv_err *err)
{
	struct extension x = { 0 };
	int found;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = need_assigner(op, _("answer its extension requests"), err)) != RV_OK ||
	    (rc = store_extension_pending(st, op->d.id, &x, &found, err)) != RV_OK)
		return rc;
	if (!found)
		return err_set(err, RV_REFUSED,
		    _("%s has no extension request waiting for an answer"), op->d.ref);
	rc = store_extension_close(st, x.id, approve ? "approved" : "refused",
	    op->s->me.id, op->at, op->text, err);
	/* Approved after the deadline it moves had passed: that deadline was
	 * missed, and the late answer is no objective cause (evaluate.h). */
	if (rc == RV_OK && approve && strcmp(op->today, x.old_deadline) > 0)
		rc = store_duty_missed_deadline(st, op->d.id, err);
	if (rc == RV_OK && approve) {
		memcpy(op->d.deadline, x.new_deadline, sizeof(op->d.deadline));
		rc = store_duty_update(st, &op->d, err);
	}
	if (rc == RV_OK)
		rc = record(op, approve ? "extension-approved" : "extension-refused",
		    0, 0, 0, 0, op->text, x.new_deadline, err);
	model_extension_free(&x);
	return rc;
}

static enum rv_code
do_approve(struct store *st, void *arg, struct rv_err *err)
{
	return answer_extension(st, arg, 1, err);
}

static enum rv_code
do_refuse(struct store *st, void *arg, struct rv_err *err)
{
	return answer_extension(st, arg, 0, err);
}

enum rv_code
duty_approve(struct session *s, const char *ref, struct rv_err *err)
{
	struct op op = { .ref = ref };

	session_tick(s);
	return run_op(s, &op, do_approve, err);
}

enum rv_code
duty_refuse(struct session *s, const char *ref, const char *reason,
    struct rv_err *err)
{
	struct op op = { .ref = ref };

	session_tick(s);
	return run_with_reason(s, &op, reason, do_refuse, err);
}

/* --- closing ----------------------------------------------------------- */

static enum rv_code
do_done(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = need_status(op, "open", _("submitted as done"), err)) != RV_OK ||
	    (rc = need_owner_or_head(op, _("submit it as done"), err)) != RV_OK ||
	    (rc = need_no_pending_handoff(op, _("submitted as done"), err)) != RV_OK ||
	    (rc = withdraw_pending(op, "the duty was submitted as done", err)) != RV_OK)
		return rc;
	snprintf(op->d.status, sizeof(op->d.status), "submitted");
	memcpy(op->d.done_on, op->today, sizeof(op->today));
	memcpy(op->d.last_progress_on, op->today, sizeof(op->today));
	if ((rc = store_duty_update(st, &op->d, err)) != RV_OK)
		return rc;
	return record(op, "submitted", 0, 0, 0, 0, op->text, op->today, err);
}

enum rv_code
duty_done(struct session *s, const char *ref, const char *note, struct rv_err *err)
{
	struct op op = { .ref = ref };
	enum rv_code rc;

	session_tick(s);
	if ((rc = take_text(note, _("the result note"), DUTY_TEXT_MAX, 1, &op.text, err)) != RV_OK)
		return err_field(err, "note");
	return run_op(s, &op, do_done, err);
}

static enum rv_code do_series_next(struct store *st, void *arg, struct rv_err *err);

static enum rv_code
do_confirm(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = need_assigner(op, _("confirm it"), err)) != RV_OK ||
	    (rc = need_status(op, "submitted", _("confirmed (it must be submitted as done first)"), err)) != RV_OK)
		return rc;
	snprintf(op->d.status, sizeof(op->d.status), "done");
	memcpy(op->d.closed_on, op->today, sizeof(op->today));
	if ((rc = store_duty_update(st, &op->d, err)) != RV_OK ||
	    (rc = record(op, "confirmed", 0, 0, 0, 0, NULL, op->d.done_on, err)) != RV_OK)
		return rc;
	/* A series goes on with its next period (issue #11), best effort. */
	if (store_write(st, do_series_next, op, &(struct rv_err){ 0 }) == RV_STORAGE)
		return err_set(err, RV_STORAGE, _("the next duty of the series could not be written"));
	return RV_OK;
}

enum rv_code
duty_confirm(struct session *s, const char *ref, struct rv_err *err)
{
	struct op op = { .ref = ref };

	session_tick(s);
	return run_op(s, &op, do_confirm, err);
}

/*
 * A done duty's owner may have moved to another unit since.  Reopened, the
 * duty goes to the lead unit's head instead (recorded), so that it is never
 * stuck with an owner outside its unit.
 */
static enum rv_code
owner_still_member(struct store *st, struct op *op, struct rv_err *err)
{
	struct person owner;
	struct unit lead;
	rowid_t from = op->d.owner_id, head;
	enum rv_code rc;

	if ((rc = store_person_by_id(st, op->d.owner_id, &owner, err)) != RV_OK)
		return rc;
	rc = owner.unit_id == op->d.lead_unit_id && owner.left_on[0] == '\0' ? RV_OK : RV_REFUSED;
	model_person_free(&owner);
	if (rc == RV_OK)
		return RV_OK;
	/* Of several heads, the first named (the chair) takes it. */
	if ((rc = store_unit_by_id(st, op->d.lead_unit_id, &lead, err)) != RV_OK ||
	    (rc = store_first_head(st, lead.id, &head, err)) != RV_OK) {
		model_unit_free(&lead);
		return rc;
	}
	if (head == 0)
		rc = err_set(err, RV_REFUSED,
		    _("the owner of %s has left %s and the unit has no head to take it; ask the administrator to name one"),
		    op->d.ref, lead.code);
	else
		op->d.owner_id = head;
	model_unit_free(&lead);
	if (rc == RV_OK)
		rc = record(op, "assigned", 0, 0, from, op->d.owner_id,
		    "the owner has left the unit; the head takes the reopened duty", NULL, err);
	return rc;
}

static enum rv_code
do_reopen(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = need_assigner(op, _("reopen it"), err)) != RV_OK)
		return rc;
	if (strcmp(op->d.status, "submitted") != 0 && strcmp(op->d.status, "done") != 0)
		return err_set(err, RV_REFUSED,
		    _("%s is %s; only a duty submitted as done, or done, can be reopened"),
		    op->d.ref, _(op->d.status));
	if ((rc = owner_still_member(st, op, err)) != RV_OK)
		return rc;
	snprintf(op->d.status, sizeof(op->d.status), "open");
	op->d.done_on[0] = '\0';
	op->d.closed_on[0] = '\0';
	op->d.reopened++;
	memcpy(op->d.last_progress_on, op->today, sizeof(op->today));
	if ((rc = store_duty_update(st, &op->d, err)) != RV_OK)
		return rc;
	return record(op, "reopened", 0, 0, 0, 0, op->text, NULL, err);
}

enum rv_code
duty_reopen(struct session *s, const char *ref, const char *reason,
    struct rv_err *err)
{
	struct op op = { .ref = ref };

	session_tick(s);
	return run_with_reason(s, &op, reason, do_reopen, err);
}

/* --- the assigner's own moves ------------------------------------------ */

static enum rv_code
do_redirect(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	struct unit to = { 0 };
	struct person owner = { 0 };
	rowid_t from_unit, from_owner;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = need_assigner(op, _("redirect it"), err)) != RV_OK ||
	    (rc = need_status(op, "open", _("redirected"), err)) != RV_OK)
		goto out;
	if ((rc = lookup_unit(op->s, op->unit, &to, err)) != RV_OK) {
		err_field(err, "unit");
		goto out;
	}
	if (to.id == op->d.lead_unit_id) {
		rc = err_set(err, RV_REFUSED, _("%s already leads %s"), to.code, op->d.ref);
		err_field(err, "unit");
		goto out;
	}
	if (!actor_heads_above(st, op->s->me.id, to.id)) {
		rc = err_set(err, RV_REFUSED,
		    _("you may redirect a duty only to a unit you head or one below it"));
		err_field(err, "unit");
		goto out;
	}
	if (op->login != NULL) {
		rc = member_of(op->s, op->login, to.id, &owner, err);
	} else {
		rowid_t head;

		/* Of several heads, the first named (the chair) takes it. */
		if ((rc = store_first_head(st, to.id, &head, err)) == RV_OK && head != 0)
			rc = store_person_by_id(st, head, &owner, err);
	}
	if (rc == RV_OK && (owner.id == 0 || owner.unit_id != to.id)) {
		model_person_free(&owner);
		rc = err_set(err, RV_REFUSED,
		    _("name the new owner in %s with --owner LOGIN"), to.code);
	}
	if (rc != RV_OK) {
		err_field(err, "owner");
		goto out;
	}
	from_unit = op->d.lead_unit_id;
	from_owner = op->d.owner_id;
	if ((rc = withdraw_pending(op, "the assigner redirected the duty", err)) != RV_OK ||
	    (rc = move_duty(op, to.id, owner.id, 0, err)) != RV_OK)
		goto out;
	rc = record(op, "redirected", from_unit, to.id, from_owner, owner.id,
	    op->text, NULL, err);
out:
	model_unit_free(&to);
	model_person_free(&owner);
	return rc;
}

enum rv_code
duty_redirect(struct session *s, const char *ref, const char *unit,
    const char *owner, const char *reason, struct rv_err *err)
{
	struct op op = { .ref = ref, .unit = unit, .login = owner };

	session_tick(s);
	if (unit == NULL || unit[0] == '\0') {
		err_set(err, RV_REFUSED, _("name the unit to redirect to by its code or name"));
		return err_field(err, "unit");
	}
	return run_with_reason(s, &op, reason, do_redirect, err);
}

static enum rv_code
do_cancel(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = need_assigner(op, _("cancel it"), err)) != RV_OK)
		return rc;
	if (strcmp(op->d.status, "open") != 0 && strcmp(op->d.status, "submitted") != 0)
		return err_set(err, RV_REFUSED, _("%s is %s already"), op->d.ref, _(op->d.status));
	if ((rc = withdraw_pending(op, "the assigner cancelled the duty", err)) != RV_OK)
		return rc;
	snprintf(op->d.status, sizeof(op->d.status), "cancelled");
	memcpy(op->d.closed_on, op->today, sizeof(op->today));
	if ((rc = store_duty_update(st, &op->d, err)) != RV_OK)
		return rc;
	return record(op, "cancelled", 0, 0, 0, 0, op->text, op->today, err);
}

enum rv_code
duty_cancel(struct session *s, const char *ref, const char *reason,
    struct rv_err *err)
{
	struct op op = { .ref = ref };

	session_tick(s);
	return run_with_reason(s, &op, reason, do_cancel, err);
}

/* --- issue #11: recurring duties ----------------------------------------- */

/* The supporting units of a new instance, for its creation's facts. */
struct instance_parts {
	struct create *c;
	struct duty_new *in;
	int oom;
};

static int
instance_support(const struct support_row *row, void *arg)
{
	struct instance_parts *ip = arg;
	size_t n = ip->in->nsupport;

	assert(n < DUTY_SUPPORT_MAX);
	if ((ip->c->parts[n] = strdup(row->part != NULL ? row->part : "")) == NULL)
		return ip->oom = 1;
	ip->c->support_ids[n] = row->unit_id;
	ip->in->nsupport++;
	return 0;
}

/*
 * Makes the series' instance for period, after the instance prev (its
 * texts, supporting units and coefficient): the series' assigner, lead unit and owner
 * (the lead unit's head when the owner has left it), the period's
 * deadline.  Recorded as created by the assigner, via whoever made it
 * happen when that is someone else.  ref gets the new reference.
 */
static enum rv_code
series_instance(struct session *s, const struct series *se, const char *prev,
    const char *period, char ref[DUTY_REF_SIZE], struct rv_err *err)
{
	struct store *st = s->st;
	struct duty p = { 0 }, d = { 0 };
	struct unit lead = { 0 };
	struct person owner = { 0 };
	struct duty_new in = { 0 };
	struct create c = { .s = s, .in = &in, .for_assigner = 1 };
	struct instance_parts ip = { &c, &in, 0 };
	char uuid[37], at[21], detail[128];
	day_t due;
	long long n;
	long coefficient = DUTY_COEFFICIENT_DEFAULT;
	int has = 0;
	enum rv_code rc;

	if ((rc = store_series_has(st, se->id, period, &has, err)) != RV_OK)
		return rc;
	if (has)
		return err_set(err, RV_REFUSED, _("the series has its duty for %s already"), period);
	if (dates_period_deadline(period, model_every_months(se->every), se->day, &due) != 0)
		return err_set(err, RV_STORAGE, _("the period %s cannot be read"), period);
	if ((rc = store_duty_by_ref(st, prev, &p, err)) != RV_OK ||
	    (rc = store_duty_coefficient(st, p.id, &coefficient, err)) != RV_OK ||
	    (rc = store_unit_by_id(st, se->lead_unit_id, &lead, err)) != RV_OK ||
	    (rc = store_person_by_id(st, se->owner_id, &owner, err)) != RV_OK)
		goto out;
	if (!actor_heads_above(st, se->assigner_id, lead.id)) {
		rc = err_set(err, RV_REFUSED,
		    _("its assigner no longer heads %s or a unit above it; the assigner stops the series and a head starts another"),
		    lead.code);
		goto out;
	}
	if (owner.unit_id != lead.id || owner.role == ROLE_INSPECTOR) {
		rowid_t head = 0;

		model_person_free(&owner);
		if ((rc = store_first_head(st, lead.id, &head, err)) != RV_OK)
			goto out;
		if (head == 0) {
			rc = err_set(err, RV_REFUSED,
			    _("its owner has left %s and the unit has no head to take it; ask the administrator to name one"),
			    lead.code);
			goto out;
		}
		if ((rc = store_person_by_id(st, head, &owner, err)) != RV_OK)
			goto out;
	}
	if ((rc = store_next_ref(st, lead.code, &n, err)) != RV_OK)
		goto out;
	snprintf(ref, DUTY_REF_SIZE, "%s-%04lld", lead.code, n);
	new_uuid(uuid);
	session_stamp(s, at);
	d.uuid = uuid;
	d.ref = ref;
	d.title = p.title;
	d.search_key = p.search_key;
	d.result = p.result;
	d.basis = p.basis;
	d.field = p.field;
	d.assigner_id = se->assigner_id;
	d.lead_unit_id = lead.id;
	d.owner_id = owner.id;
	d.created_at = at;
	dates_iso(due, d.original_deadline);
	dates_iso(due, d.deadline);
	snprintf(d.status, sizeof(d.status), "open");
	dates_iso(session_today(s), d.last_progress_on);
	if ((rc = store_duty_insert(st, &d, err)) != RV_OK ||
	    (rc = store_support_copy(st, d.id, p.id, err)) != RV_OK ||
	    (coefficient != DUTY_COEFFICIENT_DEFAULT &&
	    (rc = store_duty_set_coefficient(st, d.id, coefficient, err)) != RV_OK) ||
	    (rc = store_duty_set_series(st, d.id, se->id, period, err)) != RV_OK)
		goto out;
	created_detail(detail, sizeof(detail), &d, coefficient);
	series_detail(detail, sizeof(detail), se->id, period);
	/* Its creation's facts: the whole duty, its supporting units too. */
	if ((rc = store_support_list(st, d.id, instance_support, &ip, err)) == RV_OK &&
	    ip.oom)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	if (rc == RV_OK)
		rc = record_created(&c, &d, se->assigner_id, owner.id, at, detail, err);
out:
	for (size_t i = 0; i < in.nsupport; i++)
		free(c.parts[i]);
	model_duty_free(&p);
	model_unit_free(&lead);
	model_person_free(&owner);
	return rc;
}

/* One series' instance for the period today falls in, in one transaction. */
struct tick_one {
	struct session *s;
	rowid_t series;
	char ref[DUTY_REF_SIZE], period[DATES_PERIOD_SIZE];
	int made;
};

static enum rv_code
do_tick_one(struct store *st, void *arg, struct rv_err *err)
{
	struct tick_one *t = arg;
	struct series se;
	char last[DUTY_REF_SIZE], last_period[DATES_PERIOD_SIZE];
	enum rv_code rc;

	t->made = 0;
	if ((rc = store_series_by_id(st, t->series, &se, err)) != RV_OK ||
	    (rc = store_series_last(st, se.id, last, last_period, err)) != RV_OK)
		return rc;
	dates_period(session_today(t->s), model_every_months(se.every), t->period);
	/* Stopped meanwhile, or this period (or a later one) has its duty. */
	if (se.stopped || last[0] == '\0' || strcmp(last_period, t->period) >= 0)
		return RV_OK;
	if ((rc = series_instance(t->s, &se, last, t->period, t->ref, err)) == RV_OK)
		t->made = 1;
	return rc;
}

enum rv_code
duty_tick(struct session *s, tick_fn fn, void *arg, struct rv_err *err)
{
	rowid_t *ids = NULL;
	size_t n = 0;
	int refused = 0;
	enum rv_code rc;

	session_tick(s);
	if ((rc = store_series_running(s->st, &ids, &n, err)) != RV_OK)
		return rc;
	for (size_t i = 0; i < n && rc != RV_STORAGE; i++) {
		struct tick_one t = { .s = s, .series = ids[i] };
		struct rv_err e = { 0 };
		struct tick_event ev = { .series = (long long)ids[i] };

		rc = store_write(s->st, do_tick_one, &t, &e);
		if (rc == RV_OK && !t.made)
			continue;
		if (rc == RV_OK) {
			ev.ref = t.ref;
			ev.period = t.period;
		} else {
			ev.err = &e;
			refused = 1;
			if (rc == RV_STORAGE)
				*err = e;
		}
		if (fn != NULL)
			fn(&ev, arg);
	}
	free(ids);
	if (rc == RV_STORAGE)
		return rc;
	if (refused)
		return err_set(err, RV_REFUSED,
		    _("some series could not make their duty for this period (said above); the others did"));
	return RV_OK;
}

/* On confirmation (do_confirm): the next period's instance of the duty's
 * series, if it runs and has none yet.  Best effort, in a savepoint: a
 * series that cannot go on does not keep the duty from closing; roviec
 * tick says why when its period comes. */
static enum rv_code
do_series_next(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	struct series se;
	rowid_t series;
	char period[DATES_PERIOD_SIZE], next[DATES_PERIOD_SIZE], ref[DUTY_REF_SIZE];
	int has = 0;
	enum rv_code rc;

	if ((rc = store_duty_series(st, op->d.id, &series, period, err)) != RV_OK || series == 0 ||
	    (rc = store_series_by_id(st, series, &se, err)) != RV_OK || se.stopped)
		return rc;
	if (dates_period_next(period, model_every_months(se.every), next) != 0)
		return err_set(err, RV_STORAGE, _("the period %s cannot be read"), period);
	if ((rc = store_series_has(st, se.id, next, &has, err)) != RV_OK || has)
		return rc;
	return series_instance(op->s, &se, op->d.ref, next, ref, err);
}

static enum rv_code
do_series_stop(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	struct series se;
	rowid_t series;
	char period[DATES_PERIOD_SIZE], detail[32];
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = store_duty_series(st, op->d.id, &series, period, err)) != RV_OK)
		return rc;
	if (series == 0)
		return err_set(err, RV_REFUSED, _("%s is not part of a series; there is nothing to stop"),
		    op->d.ref);
	if ((rc = store_series_by_id(st, series, &se, err)) != RV_OK)
		return rc;
	if (se.assigner_id != op->s->me.id)
		return err_set(err, RV_REFUSED, _("only the assigner of the series of %s may stop it"),
		    op->d.ref);
	if (se.stopped)
		return err_set(err, RV_REFUSED, _("the series of %s is stopped already"), op->d.ref);
	if ((rc = store_series_stop(st, se.id, op->at, op->s->me.id, err)) != RV_OK)
		return rc;
	snprintf(detail, sizeof(detail), "series %lld", (long long)se.id);
	return record(op, "series-stopped", 0, 0, 0, 0, op->text, detail, err);
}

enum rv_code
duty_series_stop(struct session *s, const char *ref, const char *reason,
    struct rv_err *err)
{
	struct op op = { .ref = ref };

	session_tick(s);
	return run_with_reason(s, &op, reason, do_series_stop, err);
}

/* --- issue #11: corrections ----------------------------------------------- */

struct edit_op {
	struct op op;
	const struct duty_edit *e;
	char *title, *result, *basis;
	char *parts[DUTY_SUPPORT_MAX];
	long coefficient;	/* hundredths; 0: unchanged */
};

/* The facts' "support" list of the duty as it stands, as a baseline writes
 * it: [unit, part, delivered_on, delivered_by] (replay.c's take_supports). */
static int
support_fact(const struct support_row *row, void *arg)
{
	struct facts *f = arg;

	facts_row(f);
	facts_item_int(f, row->unit_id);
	facts_item_str(f, row->part != NULL ? row->part : "");
	facts_item_str(f, row->delivered_on);
	if (row->delivered_by != 0)
		facts_item_int(f, row->delivered_by);
	else
		facts_item_str(f, NULL);
	facts_row_end(f);
	return 0;
}

static enum rv_code
support_facts(struct store *st, rowid_t duty_id, struct facts *f, struct rv_err *err)
{
	enum rv_code rc;

	facts_list(f, "support");
	rc = store_support_list(st, duty_id, support_fact, f, err);
	facts_list_end(f);
	return rc;
}

/* One "edited" entry: the field, its old and new value (history.h), the
 * reason as its text; f: facts besides the duty's fields (or NULL). */
static enum rv_code
record_edit(struct op *op, const char *field, const char *from, const char *to,
    struct facts *f, struct rv_err *err)
{
	char *detail = history_edit_detail(field, from, to);
	enum rv_code rc;

	if (detail == NULL) {
		if (f != NULL)
			facts_free(f);
		return err_set(err, RV_STORAGE, _("out of memory"));
	}
	rc = record_facts(op, "edited", 0, 0, 0, 0, op->text, detail, f, err);
	free(detail);
	return rc;
}

/* The supporting units as people read them: "P2: part; P3". */
static int
support_word(const struct support_row *row, void *arg)
{
	FILE *f = arg;

	if (ftell(f) > 0)
		fputs("; ", f);
	fputs(row->unit_code, f);
	if (row->part != NULL && row->part[0] != '\0')
		fprintf(f, ": %s", row->part);
	return 0;
}

static enum rv_code
support_text(struct store *st, rowid_t duty_id, char **out, struct rv_err *err)
{
	size_t size = 0;
	FILE *f = open_memstream(out, &size);
	enum rv_code rc;

	if (f == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	rc = store_support_list(st, duty_id, support_word, f, err);
	if (fclose(f) != 0 && rc == RV_OK)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	return rc;
}

/* A supporting unit of the duty, as the edit finds it. */
struct held_part {
	char code[17];
	int delivered, kept;
};

struct held_parts {
	struct held_part p[DUTY_SUPPORT_MAX];
	size_t n;
};

static int
held_part(const struct support_row *row, void *arg)
{
	struct held_parts *h = arg;

	if (h->n == DUTY_SUPPORT_MAX)
		return 1;
	snprintf(h->p[h->n].code, sizeof(h->p[h->n].code), "%s", row->unit_code);
	h->p[h->n].delivered = row->delivered_on != NULL;
	h->p[h->n].kept = 0;
	h->n++;
	return 0;
}

/* The supporting units given replace those the duty has: each new one
 * added with its part, each kept one with its part if one is given, each
 * left out removed, unless it delivered its part already. */
static enum rv_code
edit_support(struct edit_op *x, struct rv_err *err)
{
	struct op *op = &x->op;
	struct store *st = op->s->st;
	struct held_parts held = { .n = 0 };
	enum rv_code rc;

	if ((rc = store_support_list(st, op->d.id, held_part, &held, err)) != RV_OK)
		return rc;
	for (size_t i = 0; i < x->e->nsupport && rc == RV_OK; i++) {
		struct unit u;
		size_t k;

		if ((rc = lookup_unit(op->s, x->e->support[i].unit, &u, err)) != RV_OK)
			break;
		for (k = 0; k < held.n && strcasecmp(held.p[k].code, u.code) != 0; k++)
			;
		if (u.id == op->d.lead_unit_id)
			rc = err_set(err, RV_REFUSED,
			    _("%s leads the duty, so it cannot also support it; leave it out of --support"),
			    u.code);
		else if (k < held.n && held.p[k].kept)
			rc = err_set(err, RV_REFUSED,
			    _("%s is named twice as a supporting unit; name it once with its part"),
			    u.code);
		else if (k < held.n) {
			held.p[k].kept = 1;
			if (x->e->support[i].part != NULL)
				rc = store_support_set_part(st, op->d.id, u.id, x->parts[i], err);
		} else {
			rc = store_support_add(st, op->d.id, u.id, x->parts[i], err);
			/* Named twice among the new ones: the key refuses the second. */
			if (rc == RV_OK && held.n < DUTY_SUPPORT_MAX) {
				snprintf(held.p[held.n].code, sizeof(held.p[held.n].code), "%s", u.code);
				held.p[held.n].kept = 1;
				held.p[held.n++].delivered = 0;
			}
		}
		model_unit_free(&u);
	}
	for (size_t k = 0; k < held.n && rc == RV_OK; k++) {
		struct unit u;

		if (held.p[k].kept)
			continue;
		if (held.p[k].delivered) {
			rc = err_set(err, RV_REFUSED,
			    _("%s has delivered its part of %s, so it stays among the supporting units"),
			    held.p[k].code, op->d.ref);
			break;
		}
		if ((rc = store_unit_by_code(st, held.p[k].code, &u, err)) == RV_OK) {
			rc = store_support_remove(st, op->d.id, u.id, err);
			model_unit_free(&u);
		}
	}
	return rc != RV_OK ? err_field(err, "support") : RV_OK;
}

static enum rv_code
do_edit(struct store *st, void *arg, struct rv_err *err)
{
	struct edit_op *x = arg;
	struct op *op = &x->op;
	char *old_support = NULL, *new_support = NULL;
	int changed = 0;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = need_assigner(op, _("correct it"), err)) != RV_OK)
		return rc;
	if (strcmp(op->d.status, "open") != 0 && strcmp(op->d.status, "submitted") != 0)
		return err_set(err, RV_REFUSED,
		    _("%s is %s: a closed duty is evidence for the evaluation, and no longer changes"),
		    op->d.ref, _(op->d.status));
	/* Each text goes into the duty (op->d) before its entry, so that the
	 * entry's facts carry it (ledger.h). */
	{
		struct { const char *field; char **now, **given; } f[] = {
			{ "title", &op->d.title, &x->title },
			{ "result", &op->d.result, &x->result },
			{ "basis", &op->d.basis, &x->basis },
		};

		for (size_t i = 0; i < sizeof(f) / sizeof(f[0]) && rc == RV_OK; i++) {
			char *was;

			if (*f[i].given == NULL || strcmp(*f[i].given, *f[i].now) == 0)
				continue;
			was = *f[i].now;
			*f[i].now = *f[i].given;
			*f[i].given = was;	/* freed with x */
			rc = record_edit(op, f[i].field, was, *f[i].now, NULL, err);
			changed++;
		}
	}
	if (rc == RV_OK && changed) {
		free(op->d.search_key);
		if ((op->d.search_key = text_fold(op->d.title)) == NULL)
			return err_set(err, RV_STORAGE, _("out of memory"));
		rc = store_duty_set_texts(st, &op->d, err);
	}
	if (rc == RV_OK && x->e->support_given &&
	    (rc = support_text(st, op->d.id, &old_support, err)) == RV_OK &&
	    (rc = edit_support(x, err)) == RV_OK &&
	    (rc = support_text(st, op->d.id, &new_support, err)) == RV_OK &&
	    strcmp(old_support, new_support) != 0) {
		struct facts f;

		/* The supporting units as they now are: replay takes them. */
		facts_init(&f);
		if ((rc = support_facts(st, op->d.id, &f, err)) != RV_OK)
			facts_free(&f);
		else
			rc = record_edit(op, "support", old_support, new_support, &f, err);
		changed++;
	}
	free(old_support);
	free(new_support);
	/* The conversion coefficient (issue #13): not a field of the ledger. */
	if (rc == RV_OK && x->coefficient != 0) {
		char from[DECIMAL_SIZE], to[DECIMAL_SIZE];
		long now;

		if ((rc = store_duty_coefficient(st, op->d.id, &now, err)) == RV_OK &&
		    now != x->coefficient) {
			if ((rc = store_duty_set_coefficient(st, op->d.id, x->coefficient, err)) == RV_OK)
				rc = record_edit(op, "coefficient", decimal_format(now, from),
				    decimal_format(x->coefficient, to), NULL, err);
			changed++;
		}
	}
	if (rc == RV_OK && !changed)
		rc = err_set(err, RV_REFUSED,
		    _("nothing to correct: %s already holds what was given"), op->d.ref);
	return rc;
}

enum rv_code
duty_edit(struct session *s, const char *ref, const struct duty_edit *e,
    struct rv_err *err)
{
	struct edit_op x = { .op = { .ref = ref }, .e = e };
	enum rv_code rc;

	session_tick(s);
	if (e->title == NULL && e->result == NULL && e->basis == NULL && !e->support_given &&
	    e->coefficient == NULL)
		return err_set(err, RV_REFUSED,
		    _("say what to correct: the title, the result, the basis, the supporting units or the coefficient"));
	if (e->nsupport > DUTY_SUPPORT_MAX)
		return err_set(err, RV_REFUSED, _("at most %d supporting units"), DUTY_SUPPORT_MAX);
	if ((e->title != NULL && (rc = take_text(e->title, _("the title"), DUTY_TITLE_MAX, 1,
	    &x.title, err)) != RV_OK && err_field(err, "title")) ||
	    (e->result != NULL && (rc = take_text(e->result, _("the expected result"),
	    DUTY_TEXT_MAX, 1, &x.result, err)) != RV_OK && err_field(err, "result")) ||
	    (e->basis != NULL && (rc = take_text(e->basis, _("the basis"), DUTY_TEXT_MAX, 1,
	    &x.basis, err)) != RV_OK && err_field(err, "basis")) ||
	    (e->coefficient != NULL && (rc = decimal_parse(e->coefficient,
	    _("the coefficient (--coefficient)"), DUTY_COEFFICIENT_MIN, DUTY_COEFFICIENT_MAX,
	    &x.coefficient, err)) != RV_OK && err_field(err, "coefficient")) ||
	    (rc = take_text(e->reason, _("a reason"), DUTY_TEXT_MAX, 0, &x.op.text, err)) != RV_OK)
		goto out;
	for (size_t i = 0; i < e->nsupport; i++)
		if ((rc = take_text(e->support[i].part, _("a supporting unit's part"),
		    DUTY_TEXT_MAX, 0, &x.parts[i], err)) != RV_OK) {
			err_field(err, "support");
			goto out;
		}
	rc = run_op(s, &x.op, do_edit, err);
	x.op.text = NULL;	/* run_op freed it */
out:
	free(x.op.text);
	free(x.title);
	free(x.result);
	free(x.basis);
	for (size_t i = 0; i < DUTY_SUPPORT_MAX; i++)
		free(x.parts[i]);
	return rc;
}

/* --- issue #11: undo ------------------------------------------------------ */

/* The actions that can be taken back: what they wrote on the duty alone
 * (its own row, its supporting units, the proposal or extension request
 * it made).  Creation is cancelled instead; an answer to another's
 * request (reject, approve, refuse) is theirs to ask again. */
static const char *const undoable_actions[] = {
	"progress", "part-delivered", "transfer", "escalate", "return", "accepted",
	"assigned", "extension-asked", "submitted", "confirmed", "reopened",
	"redirected", "cancelled", "edited",
};

/* What the action wrote besides its own entries that undo cannot take
 * back: someone else's request withdrawn, a supporting unit's part ended. */
static const char *const unrecoverable[] = {
	"handoff-withdrawn", "extension-withdrawn", "support-ended",
};

static int
word_in(const char *word, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(word, list[i]) == 0)
			return 1;
	return 0;
}

/* Whether the acting person may undo the action of pt now: RV_OK, or
 * RV_REFUSED saying why. */
static enum rv_code
undo_allowed(struct session *s, const char *ref, const struct undo_point *pt,
    int found, struct rv_err *err)
{
	time_t at;
	char when[17];

	if (!found)
		return err_set(err, RV_REFUSED,
		    _("there is no action of yours on %s to undo; a duty made by mistake is cancelled by its assigner"),
		    ref);
	if (pt->duty_last_id != pt->last_id)
		return err_set(err, RV_REFUSED,
		    _("someone has acted on %s since its last action that can be undone; nothing was undone"),
		    ref);
	if (pt->actor_id != s->me.id)
		return err_set(err, RV_REFUSED,
		    _("the last action on %s is not yours: someone has acted on it since yours, and only its author may undo it"),
		    ref);
	if (!word_in(pt->action, undoable_actions,
	    sizeof(undoable_actions) / sizeof(undoable_actions[0])))
		return err_set(err, RV_REFUSED, _("%s: its last action (%s) cannot be undone; %s"),
		    ref, history_word_shown(pt->action),
		    strcmp(pt->action, "created") == 0 ? _("the assigner cancels it instead") :
		    strcmp(pt->action, "undone") == 0 ? _("take the action again instead") :
		    _("whoever asked asks again"));
	for (const char *p = pt->others; p != NULL && *p != '\0'; ) {
		size_t len = strcspn(p, " ");
		char word[32];

		snprintf(word, sizeof(word), "%.*s", (int)len, p);
		if (word_in(word, unrecoverable, sizeof(unrecoverable) / sizeof(unrecoverable[0])))
			return err_set(err, RV_REFUSED,
			    _("your last action on %s also %s, which cannot be taken back; correct it with another action"),
			    ref, strcmp(word, "support-ended") == 0 ?
			    _("ended a supporting unit's part") : _("withdrew a request waiting on it"));
		p += len + (p[len] == ' ');
	}
	if (dates_moment(pt->at, &at) != 0 || s->now - at > DUTY_UNDO_SECONDS || s->now < at)
		return err_set(err, RV_REFUSED,
		    _("your last action on %s was at %s, more than %d minutes ago; it can no longer be undone"),
		    ref, dates_moment_shown(pt->at, when), DUTY_UNDO_SECONDS / 60);
	return RV_OK;
}

int
duty_may_undo(struct session *s, struct store *st, rowid_t duty_id)
{
	struct undo_point pt;
	struct rv_err err;
	int found = 0, may;

	if (s->me.role == ROLE_INSPECTOR ||
	    store_undo_point(st, duty_id, &pt, &found, &err) != RV_OK)
		return 0;
	may = undo_allowed(s, "", &pt, found, &err) == RV_OK;
	store_undo_point_free(&pt);
	return may;
}

static enum rv_code
do_undo(struct store *st, void *arg, struct rv_err *err)
{
	struct op *op = arg;
	struct undo_point pt;
	struct duty back = { 0 }, now = { 0 };
	struct facts f;
	char *detail = NULL, ref[DUTY_REF_SIZE];
	rowid_t from_unit, from_owner;
	long coefficient = 0;
	int found = 0;
	enum rv_code rc;

	if ((rc = op_load(st, op, err)) != RV_OK ||
	    (rc = store_undo_point(st, op->d.id, &pt, &found, err)) != RV_OK)
		return rc;
	if ((rc = undo_allowed(op->s, op->d.ref, &pt, found, err)) != RV_OK)
		goto out;
	/* The request the action made is withdrawn: it asks nothing now.
	 * Recorded as any withdrawal is, which verify replays. */
	if (strcmp(pt.action, "transfer") == 0 || strcmp(pt.action, "escalate") == 0 ||
	    strcmp(pt.action, "return") == 0) {
		static const char why[] = "undone by who proposed it";
		struct handoff h;
		int pending;

		if ((rc = store_handoff_pending(st, op->d.id, &h, &pending, err)) != RV_OK)
			goto out;
		if (pending &&
		    (rc = store_handoff_close(st, h.id, "withdrawn", op->s->me.id, op->at,
		    why, 0, err)) == RV_OK)
			rc = record(op, "handoff-withdrawn", h.from_unit_id, h.to_unit_id,
			    0, 0, why, model_handoff_name(h.kind), err);
		model_handoff_free(&h);
	} else if (strcmp(pt.action, "extension-asked") == 0) {
		static const char why[] = "undone by who asked it";
		struct extension x;
		int pending;

		if ((rc = store_extension_pending(st, op->d.id, &x, &pending, err)) != RV_OK)
			goto out;
		if (pending &&
		    (rc = store_extension_close(st, x.id, "withdrawn", op->s->me.id, op->at,
		    why, err)) == RV_OK)
			rc = record(op, "extension-withdrawn", 0, 0, 0, 0, why, x.new_deadline, err);
		model_extension_free(&x);
	}
	if (rc != RV_OK)
		goto out;
	/* What the duty held before: its row, texts and supporting units. */
	back.id = op->d.id;
	if ((rc = store_snapshot_read(st, pt.state, &back, &coefficient, err)) != RV_OK ||
	    (coefficient != 0 &&
	    (rc = store_duty_set_coefficient(st, back.id, coefficient, err)) != RV_OK))
		goto out;
	if ((back.search_key = text_fold(back.title)) == NULL) {
		rc = err_set(err, RV_STORAGE, _("out of memory"));
		goto out;
	}
	/* The supporters go first and come back last: the lead unit put back
	 * may be among those the action changed. */
	if ((rc = store_support_clear(st, back.id, err)) != RV_OK ||
	    (rc = store_duty_update(st, &back, err)) != RV_OK ||
	    (rc = store_duty_set_texts(st, &back, err)) != RV_OK ||
	    (rc = store_support_restore(st, back.id, pt.state, err)) != RV_OK ||
	    (rc = store_undone_detail(st, pt.first_id, pt.last_id, pt.action, pt.state,
	    &detail, err)) != RV_OK)
		goto out;
	/* The duty as put back becomes op->d, so that the entry's facts carry
	 * every field it got back (ledger.h), with its supporting units. */
	snprintf(ref, sizeof(ref), "%s", op->d.ref);
	if ((rc = store_duty_by_ref(st, ref, &now, err)) != RV_OK)
		goto out;
	from_unit = op->d.lead_unit_id;
	from_owner = op->d.owner_id;
	model_duty_free(&op->d);
	op->d = now;
	facts_init(&f);
	if ((rc = support_facts(st, op->d.id, &f, err)) != RV_OK) {
		facts_free(&f);
		goto out;
	}
	rc = record_facts(op, "undone",
	    op->d.lead_unit_id != from_unit ? from_unit : 0,
	    op->d.lead_unit_id != from_unit ? op->d.lead_unit_id : 0,
	    op->d.owner_id != from_owner ? from_owner : 0,
	    op->d.owner_id != from_owner ? op->d.owner_id : 0, NULL, detail, &f, err);
	/* The entry naming the owner put back stamped owner_since now; the
	 * owner has held it since before the action undone (evaluate.c). */
	if (rc == RV_OK)
		rc = store_owner_since_restore(st, op->d.id, pt.state, err);
out:
	free(detail);
	free(back.title);
	free(back.result);
	free(back.basis);
	free(back.search_key);
	store_undo_point_free(&pt);
	return rc;
}

enum rv_code
duty_undo(struct session *s, const char *ref, struct rv_err *err)
{
	struct op op = { .ref = ref };

	session_tick(s);
	return run_op(s, &op, do_undo, err);
}
