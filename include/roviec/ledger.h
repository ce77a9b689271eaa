/*
 * ledger: the fields of a duty that the history accounts for, named once.
 * The core writes with every history entry the fields the entry changed
 * (as facts, facts.h, keyed by the column's name); roviec verify replays
 * them (replay.h) and compares the result with the duty as stored.  One
 * table drives the three: a field added to a duty is added here, and the
 * history and verify follow.
 */
#ifndef ROVIEC_LEDGER_H
#define ROVIEC_LEDGER_H

#include <stddef.h>

#include "roviec/model.h"

struct facts;
struct facts_doc;
struct store_duty_rec;

enum ledger_type {
	LEDGER_TEXT,	/* char * in struct duty (NULL: none) */
	LEDGER_DAY,	/* char[11] in struct duty ("" : none) */
	LEDGER_WORD,	/* char[10]: the status */
	LEDGER_ID,	/* rowid_t (0: none) */
	LEDGER_INT	/* int */
};

struct ledger_field {
	const char *key;	/* the facts' key: the column of duties */
	enum ledger_type type;
	size_t at;		/* offset in struct duty */
	size_t rec_at;		/* offset in struct store_duty_rec */
	const char *what;	/* as roviec verify names it (NC_("verify", ...)) */
	char of;		/* LEDGER_ID: 'u' a unit, 'p' a person */
};

extern const struct ledger_field ledger_duty_fields[];
extern const size_t ledger_duty_nfields;

/* Writes to f every field whose value differs between was and now (each
 * field of now, when was is all zero: a new duty). */
void ledger_duty_diff(const struct duty *was, const struct duty *now,
    struct facts *f);

/* Sets in d every field that doc holds; marks each in *known (bit i for
 * ledger_duty_fields[i]).  0, or -1 when a value has the wrong type. */
int ledger_duty_apply(const struct facts_doc *doc, struct duty *d,
    unsigned long *known);

/* Field i of d and of the stored rec as text, for comparing and saying
 * ("" for none); buf holds a number's digits. */
const char *ledger_duty_value(const struct duty *d, size_t i, char *buf,
    size_t size);
const char *ledger_rec_value(const struct store_duty_rec *r, size_t i,
    char *buf, size_t size);

/* A deep copy of src into dst (dst's own strings freed first); 0, or -1
 * when out of memory. */
int ledger_duty_copy(struct duty *dst, const struct duty *src);

#endif
