/*
 * verify: what roviec verify checks, over the store: the history's hash
 * chain walked in one read snapshot (chain.h hashes each entry), then, when
 * it is intact, that the history accounts for what every duty holds.
 */
#ifndef ROVIEC_VERIFY_H
#define ROVIEC_VERIFY_H

#include "roviec/chain.h"
#include "roviec/err.h"

struct store;

/* The whole check, in one read snapshot.  RV_OK whatever it found (out
 * says), RV_STORAGE when the history cannot be read. */
enum rv_code verify_ledger(struct store *st, const char *noted,
    struct chain_result *out, struct rv_err *err);

#endif
