/*
 * lookup: units and people as officials name them.  A unit by its code or
 * by its name, a person by login, by full name, or "me" for the acting
 * person; names are matched without case or diacritics ("cam ly" finds
 * "Cam Ly", "xuan tho" finds "Xã Xuân Thọ").  Every face (arguments,
 * options, form fields) resolves through here, and the forms' completion
 * lists the same candidates.
 *
 * Return contract: RV_OK with *out filled (free it with model_*_free);
 * RV_REFUSED when nothing or several match, naming the candidates;
 * RV_STORAGE when the database failed.
 */
#ifndef ROVIEC_LOOKUP_H
#define ROVIEC_LOOKUP_H

#include "roviec/err.h"
#include "roviec/session.h"

/* The word that names the acting person wherever a login is taken. */
#define LOOKUP_ME "me"

/*
 * A unit: the code (any case) first; else the one unit whose folded name
 * is the folded text; else the one whose folded name or code holds it.
 */
enum rv_code lookup_unit(struct session *s, const char *text, struct unit *out,
    struct rv_err *err);

/* A person: "me", a login, else a full name as lookup_unit matches one. */
enum rv_code lookup_person(struct session *s, const char *text,
    struct person *out, struct rv_err *err);

/* One candidate: a unit (key its code) or a person (key its login). */
struct lookup_match {
	const char *key, *name;
	rowid_t unit_id;	/* the unit, or the person's unit */
};
typedef int (*lookup_fn)(const struct lookup_match *m, void *arg);

/* Calls fn for every unit (or person) whose code (login) or folded name
 * holds the folded text, by code (login); fn returning nonzero stops. */
enum rv_code lookup_units_matching(struct session *s, const char *text,
    lookup_fn fn, void *arg, struct rv_err *err);
enum rv_code lookup_people_matching(struct session *s, const char *text,
    lookup_fn fn, void *arg, struct rv_err *err);

#endif
