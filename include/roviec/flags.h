/*
 * flags: the one place where PRODUCT.md rule 6 is computed.  A duty's flags
 * come from facts kept as the actions happen (handoffs, bounced, escalated)
 * and from its dates measured against today in working days.  The storage
 * module calls flags_compute for every row it lists (as the SQL function
 * rv_flags), so the command line, the board and the reports agree.
 */
#ifndef ROVIEC_FLAGS_H
#define ROVIEC_FLAGS_H

#include <stddef.h>

#include "roviec/dates.h"

enum flag {
	FLAG_BOUNCED	= 1 << 0,	/* came back to a unit or owner that held it */
	FLAG_TOSSED	= 1 << 1,	/* changed unit tossed_handoffs times or more */
	FLAG_ESCALATED	= 1 << 2,	/* pushed towards a parent unit */
	FLAG_UNANSWERED	= 1 << 3,	/* a proposal waited unanswered_days or more */
	FLAG_STALLED	= 1 << 4,	/* open, no progress for stalled_days or more */
	FLAG_OVERDUE	= 1 << 5,	/* open past its (current) deadline */
	FLAG_LATE	= 1 << 6,	/* done after its original deadline */
	FLAG_DUE_SOON	= 1 << 7	/* open, due_soon_days or fewer left */
};

#define FLAG_COUNT 8

/* The flags flags_compute gives only to an open duty (flag_facts.open),
 * and only to a finished one (.finished): a list asking for one of them
 * reads no duty of another status (store.c, store_duty_list). */
#define FLAGS_OF_OPEN (FLAG_UNANSWERED | FLAG_STALLED | FLAG_OVERDUE | FLAG_DUE_SOON)
#define FLAGS_OF_FINISHED FLAG_LATE

/* The thresholds, from the configuration file (config.h). */
struct flag_rules {
	int tossed_handoffs;	/* default 3 */
	int unanswered_days;	/* working days, default 2 */
	int stalled_days;	/* working days, default 7 */
	int due_soon_days;	/* working days, default 3 */
	struct calendar cal;	/* public holidays */
};

/* What flags_compute needs of a duty; dates are DAY_NONE when absent. */
struct flag_facts {
	int open;		/* status "open" (pending counts as open) */
	int finished;		/* status "submitted" or "done" */
	day_t deadline;
	day_t original_deadline;
	day_t done_on;
	day_t last_progress_on;
	day_t pending_since;	/* the pending handoff's day, or DAY_NONE */
	int handoffs;
	int bounced;
	int escalated;
};

/* The defaults of PRODUCT.md rule 6. */
void flags_default_rules(struct flag_rules *rules);

/* The flags of a duty as of today: a bit set of enum flag. */
unsigned flags_compute(const struct flag_facts *facts,
    const struct flag_rules *rules, day_t today);

/*
 * FLAG_STALLED's rule as a day: an open duty whose last progress was on
 * this day or before is stalled today, one whose last progress was later
 * is not (the latest day with at least stalled_days working days from it
 * to today).  For a count over many duties (the report) that compares
 * days instead of calling flags_compute on each.
 */
day_t flags_stalled_by(const struct flag_rules *rules, day_t today);

/*
 * FLAG_DUE_SOON's rule as a day: an open duty due from today to this day
 * is due soon today, one due later is not (the latest day with at most
 * due_soon_days working days from today to it).  The brief and the city's
 * list read the duties by deadline up to it.
 */
day_t flags_due_soon_until(const struct flag_rules *rules, day_t today);

/* The word of one flag ("due-soon"); "?" for anything else. */
const char *flags_word(unsigned flag);

/* The same as people read it, in the language of the messages. */
const char *flags_word_shown(unsigned flag);

/* Parses a FLAG word into its bit: 0, or -1 if unknown. */
int flags_parse(const char *word, unsigned *flag);

/* The words of the flags in mask, in flag order, each between quote
 * marks (quote may be ""), joined by sep, into buf (cut to size). */
const char *flags_join(unsigned mask, const char *sep, const char *quote,
    char *buf, size_t size);
/* The same words as people read them (screens, show, the list's table);
 * machine output (JSON, CSV, --flag) keeps flags_join's. */
const char *flags_join_shown(unsigned mask, const char *sep, char *buf,
    size_t size);

/* The list of words, space separated, for messages and usage. */
const char *flags_all_words(void);

#endif
