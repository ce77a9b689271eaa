/* action: the actions on a duty, written once (see action.h). */
#include "roviec/action.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "roviec/actor.h"
#include "roviec/duty.h"
#include "roviec/i18n.h"
#include "roviec/store.h"

/* The function of n arguments after the reference (action.h). */
#define ACTION_RUN0(fn) .nslots = 0, .run.f0 = (fn)
#define ACTION_RUN1(fn) .nslots = 1, .run.f1 = (fn)
#define ACTION_RUN2(fn) .nslots = 2, .run.f2 = (fn)
#define ACTION_RUN3(fn) .nslots = 3, .run.f3 = (fn)

/* The slots most actions share. */
#define REASON { "reason", 1, SLOT_TEXT, 1, N_("Reason"), "TEXT" }
#define NOTE(label) { "note", 1, SLOT_TEXT, 1, label, "TEXT" }

static const struct action actions[] = {
	{ .name = "assign", .rank = 8, .key = 'a', .key_name = "a",
	  .help = N_("head: give the duty to another official of the unit"),
	  .label = NC_("key", "assign"), .title = N_("Assign to another official of the unit"),
	  .done = N_("reassigned"),
	  .who = WHO_HEAD, .when = WHEN_OPEN,
	  .slot = { { "login", 0, SLOT_LOGIN, 1, N_("Login"), "LOGIN" } },
	  ACTION_RUN1(duty_assign) },
	{ .name = "transfer", .rank = 5, .key = 't', .key_name = "t",
	  .help = N_("propose another unit as lead, with a reason"),
	  .label = NC_("key", "transfer"), .title = N_("Propose another lead unit"),
	  .done = N_("transfer proposed; the owner stays accountable until the receiving head answers"),
	  .who = WHO_OWNER | WHO_HEAD, .when = WHEN_OPEN | WHEN_NO_HANDOFF,
	  .slot = { { "unit", 0, SLOT_UNIT, 1, N_("Unit"), "UNIT" }, REASON },
	  ACTION_RUN2(duty_transfer) },
	{ .name = "escalate", .rank = 6, .key = 'e', .key_name = "e",
	  .help = N_("propose the unit above as lead, with a reason"),
	  .label = NC_("key", "escalate"), .title = N_("Propose the unit above as lead"),
	  .done = N_("escalation proposed; the owner stays accountable until the head above answers"),
	  .who = WHO_OWNER | WHO_HEAD, .when = WHEN_OPEN | WHEN_NO_HANDOFF,
	  .slot = { REASON },
	  ACTION_RUN1(duty_escalate) },
	{ .name = "return", .rank = 7, .key = 'r', .key_name = "r",
	  .help = N_("propose sending it back to the assigner, with a reason"),
	  .label = NC_("key", "return"), .title = N_("Propose sending it back to the assigner"),
	  .done = N_("return proposed; the owner stays accountable until the assigner answers"),
	  .who = WHO_OWNER | WHO_HEAD, .when = WHEN_OPEN | WHEN_NO_HANDOFF,
	  .slot = { REASON },
	  ACTION_RUN1(duty_return) },
	{ .name = "accept", .rank = 0, .key = 'A', .key_name = "A",
	  .help = N_("head: accept the proposal waiting for your unit"),
	  .label = NC_("key", "accept"), .title = N_("Accept the proposal"),
	  .done = N_("proposal accepted; the receiving unit leads it now"),
	  .who = WHO_RECEIVER, .when = WHEN_OPEN | WHEN_HANDOFF, .shows = SHOWS_PROPOSAL,
	  .slot = { { "owner", 1, SLOT_LOGIN, 0, N_("New owner (login, empty: you)"), "LOGIN" } },
	  ACTION_RUN1(duty_accept) },
	{ .name = "reject", .rank = 1, .key = 'R', .key_name = "R",
	  .help = N_("head: reject the proposal, with a reason"),
	  .label = NC_("key", "reject"), .title = N_("Reject the proposal"),
	  .done = N_("proposal rejected"),
	  .who = WHO_RECEIVER, .when = WHEN_OPEN | WHEN_HANDOFF, .shows = SHOWS_PROPOSAL,
	  .slot = { REASON },
	  ACTION_RUN1(duty_reject) },
	{ .name = "progress", .rank = 2, .key = 'p', .key_name = "p",
	  .help = N_("record progress"),
	  .label = NC_("key", "progress"), .title = N_("Record progress"),
	  .done = N_("progress recorded"),
	  .who = WHO_OWNER | WHO_HEAD | WHO_MEMBER | WHO_SUPPORTER,
	  .when = WHEN_OPEN | WHEN_SUBMITTED,
	  .slot = { NOTE(N_("Note")) },
	  ACTION_RUN1(duty_progress) },
	{ .name = "deliver", .rank = 9, .key = 'D', .key_name = "D",
	  .help = N_("supporting unit: record your unit's part as delivered"),
	  .label = NC_("key", "deliver"), .title = N_("Deliver your unit's part"),
	  .done = N_("your unit's part recorded as delivered"),
	  .who = WHO_SUPPORTER, .when = WHEN_OPEN | WHEN_SUBMITTED | WHEN_UNDELIVERED,
	  .slot = { NOTE(N_("What was delivered")) },
	  ACTION_RUN1(duty_deliver) },
	{ .name = "extend", .rank = 4, .key = 'x', .key_name = "x",
	  .help = N_("ask for a later deadline, before the deadline"),
	  .label = NC_("key", "extend"), .title = N_("Ask for a later deadline"),
	  .done = N_("extension asked; the assigner answers it"),
	  .who = WHO_OWNER | WHO_HEAD,
	  .when = WHEN_OPEN | WHEN_NO_EXTENSION | WHEN_IN_TIME,
	  .slot = { { "date", 0, SLOT_DATE, 1, N_("New deadline"), "DATE" }, REASON },
	  ACTION_RUN2(duty_extend) },
	{ .name = "approve", .rank = 0, .key = 'y', .key_name = "y",
	  .help = N_("assigner: approve the extension asked"),
	  .label = NC_("key", "approve"), .title = N_("Approve the extension asked? Enter: yes, Esc: no"),
	  .done = N_("extension approved"),
	  .who = WHO_ASSIGNER, .when = WHEN_OPEN | WHEN_EXTENSION, .shows = SHOWS_EXTENSION,
	  ACTION_RUN0(duty_approve) },
	{ .name = "refuse", .rank = 1, .key = 'v', .key_name = "v",
	  .help = N_("assigner: refuse the extension asked, with a reason"),
	  .label = NC_("key", "refuse"), .title = N_("Refuse the extension asked"),
	  .done = N_("extension refused"),
	  .who = WHO_ASSIGNER, .when = WHEN_OPEN | WHEN_EXTENSION, .shows = SHOWS_EXTENSION,
	  .slot = { REASON },
	  ACTION_RUN1(duty_refuse) },
	{ .name = "done", .rank = 3, .key = 'd', .key_name = "d",
	  .help = N_("submit the duty as done, with its result"),
	  .label = NC_("key", "done"), .title = N_("Submit as done"),
	  .done = N_("submitted as done; the assigner confirms it"),
	  .who = WHO_OWNER | WHO_HEAD, .when = WHEN_OPEN | WHEN_NO_HANDOFF,
	  .slot = { NOTE(N_("Result")) },
	  ACTION_RUN1(duty_done) },
	{ .name = "confirm", .rank = 0, .key = 'C', .key_name = "C",
	  .help = N_("assigner: confirm the result submitted; the duty closes"),
	  .label = NC_("key", "confirm"), .title = N_("Confirm the result and close the duty? Enter: yes, Esc: no"),
	  .done = N_("confirmed and closed"),
	  .who = WHO_ASSIGNER, .when = WHEN_SUBMITTED, .shows = SHOWS_RESULT,
	  ACTION_RUN0(duty_confirm) },
	{ .name = "reopen", .rank = 1, .key = 'O', .key_name = "O",
	  .help = N_("assigner: send the result back for more work, with a reason"),
	  .label = NC_("key", "reopen"), .title = N_("Send it back for more work"),
	  .done = N_("reopened; the owner works on it again"),
	  .who = WHO_ASSIGNER, .when = WHEN_SUBMITTED | WHEN_DONE, .shows = SHOWS_RESULT,
	  .slot = { REASON },
	  ACTION_RUN1(duty_reopen) },
	{ .name = "redirect", .rank = 10, .key = 'M', .key_name = "M",
	  .help = N_("assigner: move the duty to another unit at once, with a reason"),
	  .label = NC_("key", "redirect"), .title = N_("Move it to another unit (not counted against the units)"),
	  .done = N_("redirected"),
	  .who = WHO_ASSIGNER, .when = WHEN_OPEN,
	  .slot = { { "unit", 0, SLOT_UNIT, 1, N_("Unit"), "UNIT" },
	    { "owner", 1, SLOT_LOGIN, 0, N_("New owner (login, empty: its head)"), "LOGIN" },
	    REASON },
	  ACTION_RUN3(duty_redirect) },
	{ .name = "cancel", .rank = 11, .key = 'X', .key_name = "X",
	  .help = N_("assigner: withdraw the duty, with a reason"),
	  .label = NC_("key", "cancel"), .title = N_("Cancel the duty"),
	  .done = N_("cancelled"),
	  .who = WHO_ASSIGNER, .when = WHEN_OPEN | WHEN_SUBMITTED,
	  .slot = { REASON },
	  ACTION_RUN1(duty_cancel) },
	/* issue #11 */
	{ .name = "undo", .rank = 12, .key = 'u', .key_name = "u",
	  .help = N_("undo your own last action on the duty, within 10 minutes, if nobody acted since"),
	  .label = NC_("key", "undo"), .title = N_("Undo your last action on this duty? Enter: yes, Esc: no"),
	  .done = N_("your last action was undone; the history keeps both"),
	  .who = WHO_OWNER | WHO_HEAD | WHO_MEMBER | WHO_SUPPORTER | WHO_RECEIVER | WHO_ASSIGNER,
	  .when = WHEN_OPEN | WHEN_SUBMITTED | WHEN_DONE | WHEN_CANCELLED | WHEN_UNDOABLE,
	  ACTION_RUN0(duty_undo) },
};

#define NACTIONS (sizeof(actions) / sizeof(actions[0]))

/* The table's own invariants, checked once: names and keys unique, the
 * slots given are as many as the function takes. */
static void
check_table(void)
{
#ifndef NDEBUG
	static int checked;

	if (checked)
		return;
	checked = 1;
	for (size_t i = 0; i < NACTIONS; i++) {
		int given = 0;

		while (given < ACTION_SLOTS_MAX && actions[i].slot[given].name != NULL)
			given++;
		assert(given == actions[i].nslots);
		assert(actions[i].done != NULL && actions[i].title != NULL);
		for (size_t j = 0; j < i; j++) {
			assert(strcmp(actions[i].name, actions[j].name) != 0);
			assert(actions[i].key != actions[j].key);
		}
	}
#endif
}

const struct action *
action_table(size_t *n)
{
	check_table();
	*n = NACTIONS;
	return actions;
}

const struct action *
action_find(const char *name)
{
	for (size_t i = 0; i < NACTIONS && name != NULL; i++)
		if (strcmp(actions[i].name, name) == 0)
			return &actions[i];
	return NULL;
}

const struct action *
action_by_key(int key)
{
	for (size_t i = 0; i < NACTIONS; i++)
		if (actions[i].key == key)
			return &actions[i];
	return NULL;
}

const char *
action_usage(const struct action *a, char *buf, size_t size)
{
	size_t len = (size_t)snprintf(buf, size, "%s REF", a->name);

	for (int i = 0; i < a->nslots && len < size; i++) {
		const struct action_slot *sl = &a->slot[i];

		if (!sl->option)
			len += (size_t)snprintf(buf + len, size - len, " %s", sl->meta);
		else
			len += (size_t)snprintf(buf + len, size - len, sl->required ?
			    " --%s %s" : " [--%s %s]", sl->name, sl->meta);
	}
	return buf;
}

/* What is said when a is done: its message, and what it withdrew. */
static void
action_said(const struct session *s, const struct action *a, const char *ref,
    char *said, size_t size)
{
	size_t len = (size_t)snprintf(said, size, "%s: %s", ref, _(a->done));

	if (len < size && s->withdrew_handoff != 0) {
		static const char *const kinds[] = {
			N_("; the transfer proposal waiting on it was withdrawn"),
			N_("; the escalation proposal waiting on it was withdrawn"),
			N_("; the return proposal waiting on it was withdrawn"),
		};
		int k = s->withdrew_handoff - 1;

		assert(k >= 0 && k < 3);
		len += (size_t)snprintf(said + len, size - len, "%s", _(kinds[k]));
	}
	if (len < size && s->withdrew_extension[0] != '\0')
		snprintf(said + len, size - len,
		    _("; the extension request to %s was withdrawn"),
		    dates_shown(s->withdrew_extension, (char[11]){ 0 }));
}

enum rv_code
action_run(struct session *s, const struct action *a, const char *ref,
    const char *const args[ACTION_SLOTS_MAX], char *said, size_t size,
    struct rv_err *err)
{
	const char *v[ACTION_SLOTS_MAX] = { NULL, NULL, NULL };
	enum rv_code rc;

	check_table();
	said[0] = '\0';
	for (int i = 0; i < a->nslots; i++) {
		v[i] = args != NULL ? args[i] : NULL;
		/* An optional value left blank is not given. */
		if (!a->slot[i].required && v[i] != NULL && v[i][0] == '\0')
			v[i] = NULL;
	}
	switch (a->nslots) {
	case 0: rc = a->run.f0(s, ref, err); break;
	case 1: rc = a->run.f1(s, ref, v[0], err); break;
	case 2: rc = a->run.f2(s, ref, v[0], v[1], err); break;
	default:
		assert(a->nslots == 3);
		rc = a->run.f3(s, ref, v[0], v[1], v[2], err);
		break;
	}
	if (rc == RV_OK)
		action_said(s, a, ref, said, size);
	return rc;
}

int
action_slot_at_fault(const struct action *a, const struct rv_err *err)
{
	for (int i = 0; i < a->nslots && err->field != NULL; i++)
		if (strcmp(a->slot[i].name, err->field) == 0)
			return i;
	return -1;
}

/* --- what the board may offer ------------------------------------------ */

struct facts_read {
	struct session *s;
	const char *ref;
	struct action_facts *f;
};

static enum rv_code
read_facts(struct store *st, void *arg, struct rv_err *err)
{
	struct facts_read *r = arg;
	struct action_facts *f = r->f;
	const struct person *me = &r->s->me;
	struct duty d;
	struct handoff h;
	struct extension x;
	char delivered[11] = "";
	day_t deadline;
	int found = 0;
	enum rv_code rc;

	memset(f, 0, sizeof(*f));
	if ((rc = store_duty_by_ref(st, r->ref, &d, err)) != RV_OK)
		return rc;
	snprintf(f->status, sizeof(f->status), "%s", d.status);
	f->inspector = me->role == ROLE_INSPECTOR;
	f->owner = d.owner_id == me->id;
	f->assigner = d.assigner_id == me->id;
	f->member = me->unit_id != 0 && me->unit_id == d.lead_unit_id;
	f->head = actor_heads(st, me->id, d.lead_unit_id);
	if (dates_from_iso(d.deadline, &deadline) == 0)
		f->past_deadline = session_today(r->s) > deadline;
	if (me->unit_id != 0 && me->unit_id != d.lead_unit_id &&
	    (rc = store_support_state(st, d.id, me->unit_id, &f->supporter,
	    delivered, err)) != RV_OK)
		goto out;
	f->delivered = delivered[0] != '\0';
	if ((rc = store_handoff_pending(st, d.id, &h, &found, err)) != RV_OK)
		goto out;
	if (found) {
		f->handoff = 1;
		f->receiver = actor_heads(st, me->id, h.to_unit_id) ||
		    (h.kind == HANDOFF_RETURN && f->assigner);
		model_handoff_free(&h);
	}
	if ((rc = store_extension_pending(st, d.id, &x, &found, err)) != RV_OK)
		goto out;
	f->extension = found;
	if (found)
		model_extension_free(&x);
	f->undoable = duty_may_undo(r->s, st, d.id);
out:
	model_duty_free(&d);
	return rc;
}

enum rv_code
action_facts_read(struct session *s, const char *ref, struct action_facts *f,
    struct rv_err *err)
{
	struct facts_read r = { s, ref, f };

	return store_read(s->st, read_facts, &r, err);
}

int
action_may(const struct action *a, const struct action_facts *f)
{
	unsigned who = 0, status = 0;

	if (f->inspector)
		return 0;
	who |= f->owner ? WHO_OWNER : 0;
	who |= f->head ? WHO_HEAD : 0;
	who |= f->member ? WHO_MEMBER : 0;
	who |= f->supporter ? WHO_SUPPORTER : 0;
	who |= f->receiver ? WHO_RECEIVER : 0;
	who |= f->assigner ? WHO_ASSIGNER : 0;
	if ((a->who & who) == 0)
		return 0;
	status = strcmp(f->status, "open") == 0 ? WHEN_OPEN :
	    strcmp(f->status, "submitted") == 0 ? WHEN_SUBMITTED :
	    strcmp(f->status, "done") == 0 ? WHEN_DONE :
	    strcmp(f->status, "cancelled") == 0 ? WHEN_CANCELLED : 0;
	if ((a->when & (WHEN_STATUSES | WHEN_CANCELLED) & status) == 0)
		return 0;
	if ((a->when & WHEN_UNDOABLE) && !f->undoable)
		return 0;
	if (((a->when & WHEN_HANDOFF) && !f->handoff) ||
	    ((a->when & WHEN_NO_HANDOFF) && f->handoff) ||
	    ((a->when & WHEN_EXTENSION) && !f->extension) ||
	    ((a->when & WHEN_NO_EXTENSION) && f->extension) ||
	    ((a->when & WHEN_IN_TIME) && f->past_deadline) ||
	    ((a->when & WHEN_UNDELIVERED) && f->delivered))
		return 0;
	return 1;
}
