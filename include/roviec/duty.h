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
/* A duty's conversion coefficient (hệ số quy đổi, Decree 335/2025), in
 * hundredths: from 0.1 to 10, 1 when none is given.  A product worth more
 * than ten of the standard one is several products (several duties, each
 * with its own clear result); one worth less than a tenth is a step of a
 * duty, recorded as progress. */
#define DUTY_COEFFICIENT_MIN 10
#define DUTY_COEFFICIENT_MAX 1000
#define DUTY_COEFFICIENT_DEFAULT 100

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

/*
 * What the assigner changes of a duty with roviec edit: each field NULL
 * when unchanged, as typed.  Meant to grow a field at a time (title,
 * result, basis, supporting units): duty_edit records one history entry
 * "edited" per field changed, with the old and the new value
 * (history_edit_detail), and the reason, when given, as its text.
 */
struct duty_edit {
	const char *coefficient;	/* the conversion coefficient, "1.5" */
	const char *reason;		/* optional: why */
};

/* The assigner changes what in names, on a duty open or submitted (a
 * closed duty is evidence: its figures no longer change).  Refused when
 * in changes nothing. */
enum rv_code duty_edit(struct session *s, const char *ref,
    const struct duty_edit *in, struct rv_err *err);

/* The assigner: withdraw the duty. */
enum rv_code duty_cancel(struct session *s, const char *ref, const char *reason,
    struct rv_err *err);

#endif
