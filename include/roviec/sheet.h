/*
 * sheet: a duty as people read it, read in one snapshot: its fields, its
 * supporting units, what waits for an answer, its history and the path of
 * units it passed through.  roviec show and the board's duty view both
 * format the same sheet, so a label or a history line is written once.
 * Strings are malloc'd and owned by the sheet; text is as stored (the
 * faces make it inert when they print it).
 */
#ifndef ROVIEC_SHEET_H
#define ROVIEC_SHEET_H

#include <stddef.h>

#include "roviec/err.h"
#include "roviec/session.h"

/* One field: its label as people read it, and its value. */
struct sheet_field {
	const char *label;	/* translated */
	char *value;
};

/* One history entry: its moment as stored (UTC) and as people read it, and
 * the line that says what happened ("created by root [→ P1] ..."), with the
 * reason or note given, if any, after a colon. */
struct sheet_entry {
	char *at;
	char when[17];
	char *line;
};

/* What a form shows above its fields: what is being decided. */
enum sheet_waits {
	SHEET_PROPOSAL,		/* the pending proposal */
	SHEET_EXTENSION,	/* the pending extension request */
	SHEET_RESULT		/* the result submitted */
};

struct duty_sheet {
	char *ref, *uuid, *title, *status;
	unsigned flags;
	struct sheet_field *fields;	/* status, units, people, dates, ... */
	size_t nfields;
	struct sheet_entry *history;
	size_t nhistory;
	char *path;			/* "P1 → P2 → P1" */
	char *waits[3];			/* by enum sheet_waits; NULL: nothing */
};

/* Reads the duty ref (a reference or a UUID) whole, in one snapshot. */
enum rv_code sheet_read(struct session *s, const char *ref,
    struct duty_sheet *out, struct rv_err *err);

void sheet_free(struct duty_sheet *sh);

/* The labels of the lines around the fields, as people read them. */
const char *sheet_history_label(void);
const char *sheet_path_label(void);

#endif
