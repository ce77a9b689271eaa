/* verify: roviec verify's check of the ledger (see verify.h). */
#include "roviec/verify.h"

#include <errno.h>
#include <string.h>

#include "roviec/i18n.h"
#include "roviec/store.h"

static int
walk_one(const struct chain_entry *e, void *arg)
{
	return chain_step(arg, e);
}

struct verify_arg {
	const char *noted;
	struct chain_result *out;
	replay_fn fn;
	void *arg;
	long long *findings;
};

static enum rv_code
verify_txn(struct store *st, void *arg, struct rv_err *err)
{
	struct verify_arg *a = arg;
	struct chain_walk w;
	enum rv_code rc;

	/* A retried read starts over. */
	a->fn(NULL, a->arg);
	*a->findings = 0;
	chain_walk_init(&w, a->out, a->noted, store_key(st));
	if ((rc = store_history_walk(st, walk_one, &w, err)) != RV_OK)
		return rc;
	chain_walk_end(&w);
	/* The state is replayed whatever the chain said: every row that
	 * disagrees is named, beside the first entry at fault. */
	return replay_ledger(st, a->fn, a->arg, a->findings, err);
}

enum rv_code
verify_ledger(struct store *st, const char *noted, struct chain_result *out,
    replay_fn fn, void *arg, long long *findings, struct rv_err *err)
{
	struct verify_arg a = { noted, out, fn, arg, findings };

	if (store_key(st) == NULL)
		return err_set(err, RV_STORAGE,
		    _("cannot check the history's seals: the ledger's key %s cannot be read (%s); run verify where the key is (roviec(5), THE LEDGER'S KEY)"),
		    store_key_path(st), strerror(store_key_errno(st)));
	return store_read(st, verify_txn, &a, err);
}
