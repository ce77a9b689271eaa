/*
 * session: what every core action needs: the open store, who is acting,
 * the flag thresholds and the clock.  The faces (command line, board) fill
 * it once; the clock is read again by every action as it runs
 * (session_tick), so that a board left open all day records each action at
 * its own moment and measures flags against the day it is.  The demo and
 * the bench hold the clock to build histories in the past.
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
	time_t now;		/* the moment of the action under way */
	int clock_held;		/* 1: now stays where session_hold_clock put it */
	/*
	 * What the last action did beside its own work, to be said with its
	 * outcome (PRODUCT.md rule 5: nothing is withdrawn silently): the
	 * pending extension request (the day it asked for) and the handoff
	 * proposal (its kind + 1) it withdrew.  Cleared by session_tick.
	 */
	char withdrew_extension[11];	/* "" when none */
	int withdrew_handoff;		/* 0 when none */
};

/*
 * Takes the clock for one action: every core action calls it first.  now
 * becomes the present moment (unless the clock is held) and the store
 * measures flags against its day from then on.  Returns now.
 */
time_t session_tick(struct session *s);

/* Holds the clock at `at` (and syncs the store): session_tick leaves it
 * there until session_release_clock, which reads the clock again. */
void session_hold_clock(struct session *s, time_t at);
void session_release_clock(struct session *s);

/* The local calendar day of s->now. */
day_t session_today(const struct session *s);

/* s->now as a UTC moment "YYYY-MM-DDTHH:MM:SSZ" (21 bytes with the NUL). */
void session_stamp(const struct session *s, char buf[21]);

/* Tells the store which day and thresholds flags are measured against;
 * call after changing s->now or s->rules. */
void session_sync_clock(struct session *s);

#endif
