/*
 * columns: every column of the CSV files roviec writes and reads, named
 * once (STYLE.md 10): its name for programs (the plain CSV's heading), its
 * heading for people in English and in Vietnamese (the Excel form's), and
 * what it holds, which says how the Excel form writes it (a day as
 * DD/MM/YYYY, a moment with its offset, a decimal with the separator's
 * decimal mark).  Import reads a column by any of its three names; the
 * manual lists the same three (tests/cli/excel.t holds them together).
 */
#ifndef ROVIEC_COLUMNS_H
#define ROVIEC_COLUMNS_H

#include <stddef.h>

enum column_kind {
	COLUMN_TEXT,
	COLUMN_NUMBER,		/* a whole number */
	COLUMN_DECIMAL,		/* "92.5": a decimal comma where ';' separates */
	COLUMN_DAY,		/* an ISO day: DD/MM/YYYY in the Excel form */
	COLUMN_MOMENT,		/* a UTC moment: local time and offset in the Excel form */
	COLUMN_DELIVERED	/* "P2:DAY[:LOGIN]; ...": its days as DD/MM/YYYY */
};

/* The columns.  The duty exchange's come first, in the order export
 * writes them (store_duty_export's, then note, which only import reads). */
enum column_id {
	COL_UUID, COL_REF, COL_TITLE, COL_LEAD, COL_OWNER, COL_DEADLINE,
	COL_RESULT, COL_BASIS, COL_ASSIGNER, COL_SUPPORT, COL_FIELD,
	COL_CREATED, COL_ORIGINAL, COL_STATUS, COL_DONE_ON, COL_CLOSED_ON,
	COL_LAST_PROGRESS, COL_HANDOFFS, COL_BOUNCED, COL_ESCALATED,
	COL_DELIVERED, COL_COEFFICIENT, COL_NOTE,
	COL_DUTY__END,
	/* roviec list's */
	COL_LEAD_UNIT = COL_DUTY__END, COL_FLAGS,
	/* roviec report's */
	COL_UNIT, COL_LOGIN, COL_NAME, COL_PERSON_UNIT, COL_ASSIGNED,
	COL_ON_TIME, COL_LATE, COL_OPEN_IN_TIME, COL_OPEN_OVERDUE, COL_RATE,
	COL_TOSSED, COL_STALLED, COL_EXTENSIONS, COL_DAYS_ADDED, COL_RETURNS,
	COL_SUPPORT_PARTS, COL_SUPPORT_DELIVERED, COL_SUPPORT_IN_TIME,
	COL_SUPPORT_OWED, COL_SUPPORT_AVG, COL_FROM, COL_TO, COL_AS_OF,
	COL_HISTORY_HEAD,
	/* roviec unit list's and person list's */
	COL_CODE, COL_KIND, COL_PARENT, COL_HEAD, COL_PEOPLE, COL_OPEN,
	COL_ROLE,
	/* issue 14: a unit's heads, a chair and deputies */
	COL_HEADS,
	/* roviec evaluate's (issue #13), beside login, name, unit, head,
	 * assigned, late and history_head above */
	COL_PERIOD, COL_ASSIGNED_C, COL_DONE, COL_DONE_C, COL_SENT_BACK,
	COL_QUANTITY, COL_QUALITY, COL_PROGRESS, COL_UNIT_RESULTS,
	COL_ORGANISING, COL_COHESION, COL_TASK_POINTS, COL_GENERAL, COL_TOTAL,
	COL_RATING, COL_PERIODS, COL_DEDUCTIONS, COL_NOT_DONE,
	COL_UNIT_EXCELLENT, COL_UNIT_GOOD, COL_UNIT_ALLOWED,
	/* issue #12: the day a person left (person list) */
	COL_LEFT,
	/* issue #11: where the digest mails a person (person list, import) */
	COL_MAIL,
	COL__MAX
};

struct column {
	const char *name;	/* for programs: "original_deadline" */
	const char *en;		/* for people: "Original deadline" */
	const char *vi;		/* "Hạn ban đầu" */
	enum column_kind kind;
};

/* The column of that id. */
const struct column *column_get(enum column_id id);

/* The column whose name (for programs) is name; NULL when none is. */
const struct column *column_by_name(const char *name);

/* The heading for people in the language of the messages. */
const char *column_heading(const struct column *c);

#endif
