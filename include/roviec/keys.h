/*
 * keys: the board's key table.  Every key becomes a request from one table
 * that also holds the help text, so the help screen is generated from the
 * same table the board obeys (tig's model).
 */
#ifndef ROVIEC_KEYS_H
#define ROVIEC_KEYS_H

#include <stddef.h>

enum request {
	REQ_NONE,
	REQ_UP, REQ_DOWN, REQ_PAGE_UP, REQ_PAGE_DOWN, REQ_FIRST, REQ_LAST,
	REQ_ENTER, REQ_BACK, REQ_QUIT, REQ_HELP, REQ_REFRESH,
	REQ_TAB_NEXT, REQ_TAB_PREV, REQ_TAB_LEAD, REQ_TAB_SUPPORT,
	REQ_TAB_PROPOSALS, REQ_TAB_FLAGGED, REQ_TAB_MINE,
	REQ_SORT, REQ_SEARCH, REQ_FILTER_FLAG, REQ_UNITS,
	REQ_NEW, REQ_ASSIGN, REQ_TRANSFER, REQ_ESCALATE, REQ_RETURN,
	REQ_ACCEPT, REQ_REJECT, REQ_PROGRESS, REQ_EXTEND, REQ_APPROVE,
	REQ_REFUSE, REQ_DONE, REQ_DELIVER,
	REQ_EVALUATION,		/* issue #13: the unit's Decree 335 sheets */
	REQ__MAX
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

/* The table, for the help screen: *n entries. */
const struct key_binding *keys_table(size_t *n);

#endif
