/*
 * verify: what roviec verify checks, over the store, in one read snapshot:
 * the history's hash chain and seals (chain.h hashes and seals each
 * entry), then the state: the history replayed (replay.h) must account for
 * every duty, person and unit as stored.
 */
#ifndef ROVIEC_VERIFY_H
#define ROVIEC_VERIFY_H

#include "roviec/chain.h"
#include "roviec/err.h"
#include "roviec/replay.h"

struct store;

/*
 * The whole check.  out says what the walk of the chain found (the first
 * entry at fault); fn is called with each row of the state that disagrees
 * with the history (*findings counts them), and with NULL when the read is
 * started again (a busy database): forget what was said.  RV_OK whatever
 * it found; RV_STORAGE when the history cannot be read, or the ledger's
 * key cannot (without it no seal can be checked).
 */
enum rv_code verify_ledger(struct store *st, const char *noted,
    struct chain_result *out, replay_fn fn, void *arg, long long *findings,
    struct rv_err *err);

#endif
