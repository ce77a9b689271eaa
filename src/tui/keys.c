/* keys: the key table of the board (see keys.h). */
#include "keys.h"

#include <curses.h>

#define CTRL(c) ((c) & 0x1f)

static const struct key_binding bindings[] = {
	{ KEY_UP, REQ_UP, "Up", "move up one duty", "Moving" },
	{ 'k', REQ_UP, "k", "move up one duty", "Moving" },
	{ KEY_DOWN, REQ_DOWN, "Down", "move down one duty", "Moving" },
	{ 'j', REQ_DOWN, "j", "move down one duty", "Moving" },
	{ KEY_PPAGE, REQ_PAGE_UP, "PgUp", "move up one screen", "Moving" },
	{ KEY_NPAGE, REQ_PAGE_DOWN, "PgDn", "move down one screen", "Moving" },
	{ ' ', REQ_PAGE_DOWN, "Space", "move down one screen", "Moving" },
	{ KEY_HOME, REQ_FIRST, "Home", "go to the first duty", "Moving" },
	{ 'g', REQ_FIRST, "g", "go to the first duty", "Moving" },
	{ KEY_END, REQ_LAST, "End", "go to the last duty", "Moving" },
	{ 'G', REQ_LAST, "G", "go to the last duty", "Moving" },
	{ '\r', REQ_ENTER, "Enter", "open the duty: every field and its history", "Views" },
	{ '\n', REQ_ENTER, "Enter", "open the duty: every field and its history", "Views" },
	{ KEY_ENTER, REQ_ENTER, "Enter", "open the duty: every field and its history", "Views" },
	{ 'q', REQ_BACK, "q", "close this view (on the board: quit)", "Views" },
	{ KEY_LEFT, REQ_BACK, "Left", "close this view", "Views" },
	{ 'Q', REQ_QUIT, "Q", "quit roviec", "Views" },
	{ '?', REQ_HELP, "?", "this help", "Views" },
	{ CTRL('l'), REQ_REFRESH, "^L", "redraw the screen", "Views" },
	{ '\t', REQ_TAB_NEXT, "Tab", "next tab of the board", "Views" },
	{ KEY_BTAB, REQ_TAB_PREV, "S-Tab", "previous tab of the board", "Views" },
	{ '1', REQ_TAB_LEAD, "1", "tab: duties the unit leads", "Views" },
	{ '2', REQ_TAB_SUPPORT, "2", "tab: duties the unit supports", "Views" },
	{ '3', REQ_TAB_PROPOSALS, "3", "tab: proposals waiting for the unit's answer", "Views" },
	{ '4', REQ_TAB_FLAGGED, "4", "tab: the unit's flagged duties", "Views" },
	{ '5', REQ_TAB_MINE, "5", "tab: my duties", "Views" },
	{ 's', REQ_SORT, "s", "sort by deadline, reference or owner", "Views" },
	{ '/', REQ_SEARCH, "/", "search titles (case and diacritics ignored)", "Views" },
	{ 'o', REQ_UNITS, "o", "city overview and unit picker: Enter shows that unit's board", "Views" },
	{ 'f', REQ_FILTER_FLAG, "f", "show only one flag (again: the next flag)", "Views" },
	{ 'n', REQ_NEW, "n", "new duty (all six clears)", "Actions" },
	{ 'a', REQ_ASSIGN, "a", "head: give the duty to another official of the unit", "Actions" },
	{ 't', REQ_TRANSFER, "t", "propose another unit as lead, with a reason", "Actions" },
	{ 'e', REQ_ESCALATE, "e", "propose the unit above as lead, with a reason", "Actions" },
	{ 'r', REQ_RETURN, "r", "propose sending it back to the assigner", "Actions" },
	{ 'A', REQ_ACCEPT, "A", "head: accept the proposal waiting for your unit", "Actions" },
	{ 'R', REQ_REJECT, "R", "head: reject the proposal, with a reason", "Actions" },
	{ 'p', REQ_PROGRESS, "p", "record progress", "Actions" },
	{ 'x', REQ_EXTEND, "x", "ask for a later deadline, before the deadline", "Actions" },
	{ 'y', REQ_APPROVE, "y", "assigner: approve the extension asked", "Actions" },
	{ 'N', REQ_REFUSE, "N", "assigner: refuse the extension, with a reason", "Actions" },
	{ 'd', REQ_DONE, "d", "submit the duty as done, with its result", "Actions" },
	{ 'D', REQ_DELIVER, "D", "supporting unit: record your unit's part as delivered", "Actions" },
};

enum request
keys_request(int key)
{
	for (size_t i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++)
		if (bindings[i].key == key)
			return bindings[i].request;
	return REQ_NONE;
}

const struct key_binding *
keys_table(size_t *n)
{
	*n = sizeof(bindings) / sizeof(bindings[0]);
	return bindings;
}
