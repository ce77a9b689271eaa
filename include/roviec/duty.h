/*
 * duty: the rules of PRODUCT.md over duties: creation only when all six
 * clears are given, handoffs as proposals answered by the receiving head,
 * progress, extensions answered by the assigner, submission and
 * confirmation, redirect and cancellation.  Each function is one user
 * action, checked against the acting person's role and the duty's state,
 * and run as one transaction that also appends the history.
 *
 * Text arguments come as given by the person (argv, a form field): the core
 * validates them (UTF-8, NFC, length) so every face gets the same checks.
 * Return contract: RV_OK; RV_REFUSED with one sentence saying what rule or
 * value refused the action and what to do; RV_STORAGE when the database
 * failed.  Nothing is changed unless RV_OK is returned.
 */
#ifndef ROVIEC_DUTY_H
#define ROVIEC_DUTY_H

#include <stddef.h>

#include "roviec/err.h"
#include "roviec/session.h"

#define DUTY_TITLE_MAX 300	/* characters */
#define DUTY_TEXT_MAX 4000	/* characters: result, basis, notes, reasons */
#define DUTY_FIELD_MAX 200
#define DUTY_SUPPORT_MAX 32
#define DUTY_REF_SIZE 40

struct duty_support_in {
	const char *unit;	/* unit code */
	const char *part;	/* what that unit must deliver; may be NULL */
};

/* A new duty as typed; NULL for what was not given. */
struct duty_new {
	const char *title;
	const char *lead;	/* unit code */
	const char *owner;	/* login */
	const char *due;	/* a date as dates_parse takes it */
	const char *result;
	const char *basis;
	const char *field;	/* optional */
	const char *note;	/* optional first note */
	struct duty_support_in support[DUTY_SUPPORT_MAX];
	size_t nsupport;
	const char *uuid;	/* optional: keep this UUID (import); NULL: new */
	/* issue #11: a series: "month", "quarter" or "year" (NULL: once),
	 * and the deadline's day in each period (1-31; NULL: its last day).
	 * With every, due may be NULL: the first deadline from today on. */
	const char *every, *day;
	const char *coefficient;	/* optional: "1.5" or "1,5"; NULL: 1 */
};

/* Creates the duty with the acting person as assigner; its reference
 * (P1-0042) is written to ref. */
enum rv_code duty_create(struct session *s, const struct duty_new *in,
    char ref[DUTY_REF_SIZE], struct rv_err *err);

/*
 * A duty as recorded elsewhere (a row of an import): what a duty gains over
 * its life, beside the clears of struct duty_new.  NULL for what was not
 * given.  Dates as dates_parse takes them.
 */
struct duty_record {
	const char *assigner;	/* login; NULL: the acting person */
	const char *ref;	/* "P1-0042"; NULL: the next of the lead unit */
	const char *created;	/* "YYYY-MM-DDTHH:MM:SSZ"; NULL: a new duty */
	const char *original_deadline;	/* NULL: the deadline */
	const char *status;	/* open submitted done cancelled; NULL: open */
	const char *done_on, *closed_on, *last_progress_on;
	const char *handoffs, *bounced, *escalated;	/* numbers; NULL: 0 */
	const char *delivered;	/* "UNIT:DAY[:LOGIN]; ...": parts delivered */
	const char *source;	/* the history's detail: where the row came from */
};

/*
 * The administrator records a duty that was kept elsewhere, by the rules
 * of duty_create: the six clears, the owner an official of the lead unit,
 * the lead unit not among its supporters, a UUID and reference not taken.
 * A new duty (no `created`) also needs a deadline from today on and an
 * assigner who heads the lead unit or a unit above it, or is an
 * administrator.  A duty with a past (`created` given) keeps its dates,
 * status and counters, checked against each other.  The history records it
 * as created by its assigner via the acting administrator, with the source.
 * Meant to run inside the caller's store_write (one row of many); its own
 * writes are undone when it refuses.
 */
enum rv_code duty_import(struct session *s, const struct duty_new *in,
    const struct duty_record *rec, char ref[DUTY_REF_SIZE], struct rv_err *err);

/* RV_OK when the acting person may act on duties at all; an inspector
 * reads every duty and changes none (RV_REFUSED, with the reason). */
enum rv_code duty_may_act(const struct session *s, struct rv_err *err);

/* Head of the lead unit: a new owner inside the lead unit, at once. */
enum rv_code duty_assign(struct session *s, const char *ref, const char *login,
    struct rv_err *err);

/* Owner or head of the lead unit: propose another unit as lead. */
enum rv_code duty_transfer(struct session *s, const char *ref, const char *unit,
    const char *reason, struct rv_err *err);

/* Owner or head of the lead unit: propose the parent unit as lead. */
enum rv_code duty_escalate(struct session *s, const char *ref,
    const char *reason, struct rv_err *err);

/* Owner or head of the lead unit: propose sending it back to the assigner. */
enum rv_code duty_return(struct session *s, const char *ref, const char *reason,
    struct rv_err *err);

/* Head of the receiving unit (or, for a return, the assigner): accept the
 * pending proposal; owner is a login of the receiving unit, or NULL for the
 * accepting person. */
enum rv_code duty_accept(struct session *s, const char *ref, const char *owner,
    struct rv_err *err);

/* Head of the receiving unit: reject the pending proposal. */
enum rv_code duty_reject(struct session *s, const char *ref, const char *reason,
    struct rv_err *err);

/* Anyone of the lead or a supporting unit: record progress. */
/* An official of a supporting unit records that unit's part as delivered,
 * with a note of what was delivered (once per unit and duty). */
enum rv_code duty_deliver(struct session *s, const char *ref, const char *note,
    struct rv_err *err);
enum rv_code duty_progress(struct session *s, const char *ref, const char *note,
    struct rv_err *err);

/* Owner or head of the lead unit, before the deadline: ask for a later one. */
enum rv_code duty_extend(struct session *s, const char *ref, const char *date,
    const char *reason, struct rv_err *err);

/* The assigner answers the pending extension. */
enum rv_code duty_approve(struct session *s, const char *ref, struct rv_err *err);
enum rv_code duty_refuse(struct session *s, const char *ref, const char *reason,
    struct rv_err *err);

/* Owner or head of the lead unit: submit the result for confirmation. */
enum rv_code duty_done(struct session *s, const char *ref, const char *note,
    struct rv_err *err);

/* The assigner: accept the result (the duty closes), or send it back. */
enum rv_code duty_confirm(struct session *s, const char *ref, struct rv_err *err);
enum rv_code duty_reopen(struct session *s, const char *ref, const char *reason,
    struct rv_err *err);

/* The assigner: move the duty to another unit at once (not counted as a
 * handoff against the units); owner NULL means the new unit's head. */
enum rv_code duty_redirect(struct session *s, const char *ref, const char *unit,
    const char *owner, const char *reason, struct rv_err *err);

/* The assigner: withdraw the duty. */
enum rv_code duty_cancel(struct session *s, const char *ref, const char *reason,
    struct rv_err *err);

/* --- issue #11: recurring duties, corrections, undo --------------------- */

/*
 * The assigner of a duty in a series (duty_create with every) stops the
 * series: no instance is made after those there are; they stay as they
 * are.  Recorded on the duty named ("series-stopped", with the reason).
 */
enum rv_code duty_series_stop(struct session *s, const char *ref,
    const char *reason, struct rv_err *err);

/* What roviec tick did with one series: made its instance for the
 * current period (ref, period), or could not (err). */
struct tick_event {
	long long series;
	const char *ref, *period;	/* NULL when refused */
	const struct rv_err *err;	/* NULL when made */
};
typedef void (*tick_fn)(const struct tick_event *ev, void *arg);

/*
 * Makes, for every running series that has none yet, its instance for the
 * period today falls in: the previous instance's title, result, basis,
 * field and supporting units, the series' lead unit and owner (its head
 * when the owner has left it), its assigner, the period's deadline.  Each
 * series in its own transaction; the database holds one instance per
 * series and period (a unique index), so running it again, or at once from
 * two places, makes nothing twice.  fn hears of each instance made or
 * refused.  RV_OK when every series could go on, RV_REFUSED when some
 * could not (the others went on), RV_STORAGE.
 */
enum rv_code duty_tick(struct session *s, tick_fn fn, void *arg, struct rv_err *err);

/*
 * What the assigner corrects of a duty with roviec edit: each field NULL
 * (support_given 0) when unchanged, as typed.  duty_edit records one
 * history entry "edited" per field changed, its detail
 * {"field":F,"from":OLD,"to":NEW} (history_edit_detail; the supporting
 * units as "CODE: part; CODE"), and the reason, when given, as its text.
 */
struct duty_edit {
	const char *title, *result, *basis;
	int support_given;	/* 1: support[] replaces the supporting units */
	struct duty_support_in support[DUTY_SUPPORT_MAX];	/* part NULL: kept */
	size_t nsupport;
	const char *coefficient;	/* issue #13: the conversion coefficient, "1.5" */
	const char *reason;		/* optional: why */
};

/*
 * The assigner corrects an open or submitted duty (a closed duty is
 * evidence: its figures no longer change): its title, result, basis,
 * supporting units (a unit that delivered its part stays) or coefficient.
 * Refused when e changes nothing.
 */
enum rv_code duty_edit(struct session *s, const char *ref,
    const struct duty_edit *e, struct rv_err *err);

/* How long after an action its author may undo it. */
#define DUTY_UNDO_SECONDS 600

/*
 * The author of the last action on a duty takes it back, within
 * DUTY_UNDO_SECONDS and if nobody has acted on the duty since: the duty
 * gets back what it held before (lead unit, owner, dates, counters and
 * flags, texts, supporting units), a proposal or extension request it
 * made is withdrawn, and the history gains an "undone" entry naming the
 * entry undone and what was put back.  Nothing is deleted.  Creation,
 * answers to others' requests (reject, approve, refuse), undos and actions
 * that withdrew someone's request or ended a supporting unit's part are
 * not undone.
 */
enum rv_code duty_undo(struct session *s, const char *ref, struct rv_err *err);

/* 1 when duty_undo would take back the acting person's last action on the
 * duty now (the board's key line); inside a read of st. */
int duty_may_undo(struct session *s, struct store *st, rowid_t duty_id);

#endif
