/* lookup: units and people as officials name them (see lookup.h). */
#include "roviec/lookup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "roviec/i18n.h"
#include "roviec/store.h"
#include "roviec/text.h"

/* How many candidates a refusal names. */
#define NAMED_MAX 5

/* A search over names: the text folded, what matched it. */
struct pick {
	const char *folded;
	int exact, holds;	/* how many matched whole, and in part */
	rowid_t exact_id, holds_id;
	char named[512];	/* the first candidates, "P1 Phường 1, ..." */
	size_t len;
	int nnamed;
	lookup_fn fn;		/* lookup_*_matching: called per match */
	void *arg;
	int stop;
};

/* Folds text for matching; NULL when it is not text (or out of memory). */
static char *
fold_typed(const char *text)
{
	struct rv_err ignored;
	char *nfc = NULL, *folded;

	if (text == NULL || text_in_str(text, "", 300, &nfc, &ignored) != RV_OK)
		return NULL;
	folded = nfc[0] != '\0' ? text_fold(nfc) : NULL;
	free(nfc);
	return folded;
}

/* Weighs one candidate (key: a code or login) against the text. */
static int
weigh(struct pick *p, rowid_t id, rowid_t unit_id, const char *key,
    const char *name)
{
	char *fname = text_fold(name != NULL ? name : ""), *fkey = text_fold(key);
	int whole = fname != NULL && strcmp(fname, p->folded) == 0;
	int part = whole || (fname != NULL && strstr(fname, p->folded) != NULL) ||
	    (fkey != NULL && strstr(fkey, p->folded) != NULL);

	free(fname);
	free(fkey);
	if (!part)
		return 0;
	if (p->fn != NULL) {
		struct lookup_match m = { key, name, unit_id };

		return p->stop = p->fn(&m, p->arg);
	}
	if (whole && p->exact++ == 0)
		p->exact_id = id;
	if (p->holds++ == 0)
		p->holds_id = id;
	if (p->nnamed < NAMED_MAX && p->len < sizeof(p->named)) {
		p->len += (size_t)snprintf(p->named + p->len, sizeof(p->named) - p->len,
		    "%s%s %s", p->nnamed ? ", " : "", key, name);
		p->nnamed++;
	} else if (p->nnamed == NAMED_MAX && p->len < sizeof(p->named)) {
		p->len += (size_t)snprintf(p->named + p->len, sizeof(p->named) - p->len, ", …");
		p->nnamed++;
	}
	return 0;
}

static int
weigh_unit(const struct unit *u, void *arg)
{
	return weigh(arg, u->id, u->id, u->code, u->name);
}

static int
weigh_person(const struct person *p, void *arg)
{
	return weigh(arg, p->id, p->unit_id, p->login, p->full_name);
}

/* The one match of a pick: its id, or 0 with err saying why not. */
static rowid_t
picked(const struct pick *p, const char *text, int people, struct rv_err *err)
{
	char *cut;

	if (p->exact == 1)
		return p->exact_id;
	if (p->exact == 0 && p->holds == 1)
		return p->holds_id;
	if (p->holds == 0)
		return 0;
	cut = text_fit(text, 40, 0);
	/* TRANSLATORS: %s 1: what was typed; 2: the candidates,
	 * "P1 Phường 1, P10 Phường 10, …". */
	if (people)
		err_set(err, RV_REFUSED, _("'%s' names more than one person: %s; give the login"),
		    cut != NULL ? cut : "", p->named);
	else
		err_set(err, RV_REFUSED, _("'%s' names more than one unit: %s; give the code"),
		    cut != NULL ? cut : "", p->named);
	free(cut);
	return 0;
}

enum rv_code
lookup_unit(struct session *s, const char *text, struct unit *out,
    struct rv_err *err)
{
	struct pick p;
	struct rv_err by_code;
	enum rv_code rc;
	char *folded;
	rowid_t id;

	if ((rc = store_unit_by_code(s->st, text != NULL ? text : "", out, &by_code)) != RV_REFUSED) {
		if (rc != RV_OK)
			*err = by_code;
		return rc;
	}
	if ((folded = fold_typed(text)) == NULL) {
		*err = by_code;
		return RV_REFUSED;
	}
	memset(&p, 0, sizeof(p));
	p.folded = folded;
	rc = store_unit_each(s->st, weigh_unit, &p, err);
	free(folded);
	if (rc != RV_OK)
		return rc;
	if ((id = picked(&p, text, 0, err)) != 0)
		return store_unit_by_id(s->st, id, out, err);
	if (p.holds == 0)
		*err = by_code;
	return RV_REFUSED;
}

enum rv_code
lookup_person(struct session *s, const char *text, struct person *out,
    struct rv_err *err)
{
	struct pick p;
	struct rv_err by_login;
	enum rv_code rc;
	char *folded;
	rowid_t id;

	if (text != NULL && strcasecmp(text, LOOKUP_ME) == 0 && s->me.id != 0)
		return store_person_by_id(s->st, s->me.id, out, err);
	if ((rc = store_person_by_login(s->st, text != NULL ? text : "", out,
	    &by_login)) != RV_REFUSED) {
		if (rc != RV_OK)
			*err = by_login;
		return rc;
	}
	if ((folded = fold_typed(text)) == NULL) {
		*err = by_login;
		return RV_REFUSED;
	}
	memset(&p, 0, sizeof(p));
	p.folded = folded;
	rc = store_person_each(s->st, weigh_person, &p, err);
	free(folded);
	if (rc != RV_OK)
		return rc;
	if ((id = picked(&p, text, 1, err)) != 0)
		return store_person_by_id(s->st, id, out, err);
	if (p.holds == 0)
		*err = by_login;
	return RV_REFUSED;
}

/* The candidates for what was typed so far (the forms' completion). */
static enum rv_code
matching(struct session *s, const char *text, int people, lookup_fn fn,
    void *arg, struct rv_err *err)
{
	struct pick p;
	char *folded = fold_typed(text);
	enum rv_code rc;

	memset(&p, 0, sizeof(p));
	p.folded = folded != NULL ? folded : "";
	p.fn = fn;
	p.arg = arg;
	rc = people ? store_person_each(s->st, weigh_person, &p, err) :
	    store_unit_each(s->st, weigh_unit, &p, err);
	free(folded);
	return rc;
}

enum rv_code
lookup_units_matching(struct session *s, const char *text, lookup_fn fn,
    void *arg, struct rv_err *err)
{
	return matching(s, text, 0, fn, arg, err);
}

enum rv_code
lookup_people_matching(struct session *s, const char *text, lookup_fn fn,
    void *arg, struct rv_err *err)
{
	return matching(s, text, 1, fn, arg, err);
}
