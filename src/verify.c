/* verify: roviec verify's check of the ledger (see verify.h). */
#include "roviec/verify.h"

#include <stdio.h>

#include "roviec/store.h"

static void
copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src != NULL ? src : "");
}

static int
walk_one(const struct chain_entry *e, void *arg)
{
	return chain_step(arg, e);
}

struct verify_arg {
	const char *noted;
	struct chain_result *out;
};

static enum rv_code
verify_txn(struct store *st, void *arg, struct rv_err *err)
{
	struct verify_arg *a = arg;
	struct chain_walk w;
	enum rv_code rc;

	chain_walk_init(&w, a->out, a->noted);
	if ((rc = store_history_walk(st, walk_one, &w, err)) != RV_OK)
		return rc;
	chain_walk_end(&w);
	if (a->out->problem == CHAIN_INTACT) {
		struct state_fault f;
		int found;

		if ((rc = store_state_check(st, &f, &found, err)) != RV_OK)
			return rc;
		if (found) {
			a->out->problem = CHAIN_STATE;
			copy(a->out->state_ref, sizeof(a->out->state_ref), f.ref);
			copy(a->out->state_what, sizeof(a->out->state_what), f.what);
			copy(a->out->state_stored, sizeof(a->out->state_stored), f.stored);
			copy(a->out->state_history, sizeof(a->out->state_history), f.history);
		}
	}
	return RV_OK;
}

enum rv_code
verify_ledger(struct store *st, const char *noted, struct chain_result *out,
    struct rv_err *err)
{
	struct verify_arg a = { noted, out };

	return store_read(st, verify_txn, &a, err);
}
