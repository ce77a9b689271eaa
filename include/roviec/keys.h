/*
 * keys: the board's key table.  Every key becomes a request from one table
 * that also holds the help text, so the help screen is generated from the
 * same table the board obeys (tig's model).  The keys of the actions on a
 * duty are action.h's: each is the request REQ_ACTION + its row.
 */
#ifndef ROVIEC_KEYS_H
#define ROVIEC_KEYS_H

#include <stddef.h>

struct action;

enum request {
	REQ_NONE,
	REQ_UP, REQ_DOWN, REQ_PAGE_UP, REQ_PAGE_DOWN, REQ_FIRST, REQ_LAST,
	REQ_ENTER, REQ_BACK, REQ_CLOSE, REQ_QUIT, REQ_HELP, REQ_REFRESH,
	REQ_TAB_NEXT, REQ_TAB_PREV, REQ_TAB_LEAD, REQ_TAB_SUPPORT,
	REQ_TAB_PROPOSALS, REQ_TAB_FLAGGED, REQ_TAB_MINE, REQ_TAB_ASSIGNED,
	REQ_SORT, REQ_SEARCH, REQ_SEARCH_NEXT, REQ_SEARCH_PREV, REQ_FILTER,
	REQ_FILTER_FLAG, REQ_UNITS, REQ_NEW,
	REQ_EVALUATION,		/* issue #13: the unit's Decree 335 sheets */
	REQ_ACTION		/* REQ_ACTION + i: row i of action_table */
};

struct key_binding {
	int key;		/* a curses key code or a character */
	enum request request;
	const char *key_name;	/* as shown in the help: "j", "Down" */
	const char *help;	/* what it does, in one line */
	const char *group;	/* the help section: "Moving", "Views", "Actions" */
};

/* The request of a key (REQ_NONE when the key means nothing). */
enum request keys_request(int key);

/* The action of a request, NULL when it is not one. */
const struct action *keys_action(enum request req);

/* The request of an action. */
enum request keys_action_request(const struct action *a);

/* The table, for the help screen: *n entries (the actions' keys are in
 * action_table, listed after it under "Actions"). */
const struct key_binding *keys_table(size_t *n);

#endif
