/*
 * action: the actions on a duty, written once (STYLE.md 10, tig's request
 * table).  A row holds the action's name (the command), who may take it
 * and when, the arguments it asks for (each with its form label, its
 * command-line form and the kind of value), the duty_* function that does
 * it, the message said when it is done, and its key and help on the board.
 * The command line's commands and usage lines, and the board's keys,
 * forms, key help and key line are all generated from this table.
 *
 * Adding an action: write its duty_* function (duty.h: the rules, one
 * transaction, the history), then add one row to the table in action.c:
 * ACTION_RUNn(duty_x) with n its number of arguments after the reference,
 * a key the board does not use yet (keys.c checks), the slots in the order
 * duty_x takes them.  Nothing else needs to change.
 */
#ifndef ROVIEC_ACTION_H
#define ROVIEC_ACTION_H

#include <stddef.h>

#include "roviec/err.h"
#include "roviec/session.h"

#define ACTION_SLOTS_MAX 3

/* What an argument holds: how it is completed and checked. */
enum slot_kind {
	SLOT_TEXT,	/* words: a reason, a note */
	SLOT_UNIT,	/* a unit, by code or name (lookup.h) */
	SLOT_LOGIN,	/* a person, by login, name or "me" (lookup.h) */
	SLOT_DATE	/* a date as dates_parse takes it */
};

struct action_slot {
	const char *name;	/* "reason": the option (--reason), and the
				 * rv_err.field the core names when it is wrong */
	int option;		/* 1: --name VALUE; 0: the next argument */
	enum slot_kind kind;
	int required;		/* a blank value is refused by the form (an
				 * optional blank one is passed as NULL) */
	const char *label;	/* the form's label, N_() */
	const char *meta;	/* the usage's placeholder: "TEXT" */
};

/* Who may take an action: any of these. */
enum {
	WHO_OWNER = 1 << 0,	/* the owner */
	WHO_HEAD = 1 << 1,	/* a head of the lead unit */
	WHO_MEMBER = 1 << 2,	/* an official of the lead unit */
	WHO_SUPPORTER = 1 << 3,	/* an official of a supporting unit */
	WHO_RECEIVER = 1 << 4,	/* who answers the pending proposal */
	WHO_ASSIGNER = 1 << 5	/* the assigner */
};

/* When: the stored statuses it applies to (any of them), and conditions
 * that must all hold. */
enum {
	WHEN_OPEN = 1 << 0, WHEN_SUBMITTED = 1 << 1, WHEN_DONE = 1 << 2,
	WHEN_STATUSES = WHEN_OPEN | WHEN_SUBMITTED | WHEN_DONE,
	WHEN_HANDOFF = 1 << 3,		/* a proposal waits for an answer */
	WHEN_NO_HANDOFF = 1 << 4,
	WHEN_EXTENSION = 1 << 5,	/* an extension request waits */
	WHEN_NO_EXTENSION = 1 << 6,
	WHEN_IN_TIME = 1 << 7,		/* the deadline has not passed */
	WHEN_UNDELIVERED = 1 << 8,	/* the supporter's part is not delivered */
	/* issue #11 */
	WHEN_CANCELLED = 1 << 9,	/* a stored status, outside WHEN_STATUSES */
	WHEN_UNDOABLE = 1 << 10		/* the acting person's last action on it
					 * can be undone now (duty_may_undo) */
};

/* What the form shows of the duty above its fields, so that the person
 * sees what is being decided. */
enum action_shows {
	SHOWS_NOTHING,
	SHOWS_PROPOSAL,		/* the pending proposal: kind, units, reason */
	SHOWS_EXTENSION,	/* the date asked, by whom, the reason */
	SHOWS_RESULT		/* the result submitted */
};

typedef enum rv_code (*action_fn0)(struct session *, const char *, struct rv_err *);
typedef enum rv_code (*action_fn1)(struct session *, const char *, const char *,
    struct rv_err *);
typedef enum rv_code (*action_fn2)(struct session *, const char *, const char *,
    const char *, struct rv_err *);
typedef enum rv_code (*action_fn3)(struct session *, const char *, const char *,
    const char *, const char *, struct rv_err *);

struct action {
	const char *name;	/* "transfer": the command, and the key's name */
	int rank;		/* its place on the key line: answers to what
				 * waits first, then the daily work */
	int key;		/* the board's key */
	const char *key_name;	/* as the help shows it */
	const char *help;	/* one line: the help, the manual's key list */
	const char *label;	/* one word for the key line: NC_("key",
				 * "transfer"), shown with i18n_ctx */
	const char *title;	/* the form's title */
	const char *done;	/* what is said when it is done */
	unsigned who, when;
	enum action_shows shows;
	int nslots;
	struct action_slot slot[ACTION_SLOTS_MAX];
	union {
		action_fn0 f0;
		action_fn1 f1;
		action_fn2 f2;
		action_fn3 f3;
	} run;			/* the one of nslots arguments */
};

/* The table: *n rows, in the order the help lists them. */
const struct action *action_table(size_t *n);

/* The action of a command name, or of a board key; NULL when none. */
const struct action *action_find(const char *name);
const struct action *action_by_key(int key);

/* The command-line usage of a: "transfer REF UNIT --reason TEXT". */
const char *action_usage(const struct action *a, char *buf, size_t size);

/*
 * Takes action a on the duty ref with args[i] for slot i (NULL: not
 * given).  On RV_OK, said holds what both faces print: "P1-0042: transfer
 * proposed; ...", with what the action withdrew beside its own work.  On a
 * refusal, err says why and, when it can tell, which slot (err->field).
 */
enum rv_code action_run(struct session *s, const struct action *a,
    const char *ref, const char *const args[ACTION_SLOTS_MAX], char *said,
    size_t size, struct rv_err *err);

/* The slot of a (its index) named by err->field; -1 when none is. */
int action_slot_at_fault(const struct action *a, const struct rv_err *err);

/* What the acting person is to a duty, and its state, for action_may. */
struct action_facts {
	char status[10];	/* stored: open submitted done cancelled */
	int inspector;		/* the acting person changes no duty */
	int owner, head, member, supporter, receiver, assigner;
	int handoff, extension;	/* a proposal, an extension request waits */
	int past_deadline;
	int delivered;		/* the acting person's unit delivered its part */
	int undoable;		/* duty_may_undo (issue #11) */
};

/* Reads the facts of the duty ref for the acting person (one snapshot). */
enum rv_code action_facts_read(struct session *s, const char *ref,
    struct action_facts *f, struct rv_err *err);

/*
 * Whether the rules let the acting person take a on a duty with these
 * facts: what the board offers on its key line.  The core (duty.c) still
 * decides; this only keeps the board from offering what it would refuse.
 */
int action_may(const struct action *a, const struct action_facts *f);

#endif
