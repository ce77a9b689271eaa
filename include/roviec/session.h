/*
 * session: what every core action needs: the open store, who is acting,
 * the flag thresholds and the clock.  The faces (command line, board) fill
 * it once; the demo moves its clock to build histories in the past.
 */
#ifndef ROVIEC_SESSION_H
#define ROVIEC_SESSION_H

#include <time.h>

#include "roviec/dates.h"
#include "roviec/flags.h"
#include "roviec/model.h"

struct store;

struct session {
	struct store *st;
	struct person me;	/* the person the actions are recorded for */
	struct person via;	/* the administrator acting with --as; id 0 if none */
	struct flag_rules rules;
	time_t now;		/* the moment of the action */
};

/* The local calendar day of s->now. */
day_t session_today(const struct session *s);

/* s->now as a UTC moment "YYYY-MM-DDTHH:MM:SSZ" (21 bytes with the NUL). */
void session_stamp(const struct session *s, char buf[21]);

/* Tells the store which day and thresholds flags are measured against;
 * call after changing s->now or s->rules. */
void session_sync_clock(struct session *s);

#endif
