/*
 * chain: the history's hash chain, the tamper evidence of PRODUCT.md rule 5.
 * Each history entry's hash is SHA-256 (GNU Nettle) over the entry's content
 * as people read it (the duty's uuid, logins, unit codes, the text, its
 * facts), its id and the hash of the entry before it, so that changing,
 * removing or inserting an entry behind the program's back breaks the chain
 * from there.  Anyone can compute such a hash, so each entry is also sealed:
 * an HMAC-SHA256 of its id and hash under the ledger's key, a secret file
 * that only the program (its group, on a server) can read; an entry made
 * without the key has no valid seal.
 */
#ifndef ROVIEC_CHAIN_H
#define ROVIEC_CHAIN_H

#include "roviec/err.h"

#define CHAIN_HEX_SIZE 65	/* 64 hex digits and the NUL */

/* One history entry as it is hashed; any string may be NULL (not there). */
struct chain_entry {
	long long id;
	const char *duty_uuid, *at, *actor, *via, *action;
	const char *from_unit, *to_unit, *from_owner, *to_owner;
	const char *text, *detail;
	const char *data;	/* the entry's facts (facts.h); NULL: none (old) */
	/* The row ids it points at (0: none), hashed too, so that an id
	 * pointing nowhere cannot later be aimed at a row made after it. */
	long long duty_id, actor_id, via_id, from_unit_id, to_unit_id,
	    from_owner_id, to_owner_id;
	const char *hash;	/* as stored (walks only); NULL: none */
	const char *seal;	/* as stored (walks only); NULL: none */
	const char *duty_ref;	/* for messages only; not hashed */
};

/* Writes the hex hash of e following the entry whose hash is prev ("" or
 * NULL for the first entry). */
void chain_hash(const struct chain_entry *e, const char *prev,
    char out[CHAIN_HEX_SIZE]);

/* The ledger's key: 32 random bytes (kept as 64 hex digits in its file). */
#define CHAIN_KEY_SIZE 32
struct chain_key {
	unsigned char k[CHAIN_KEY_SIZE];
};

/* Writes the hex seal of the entry with this id and hash under key. */
void chain_seal(const struct chain_key *key, long long id, const char *hash,
    char out[CHAIN_HEX_SIZE]);

/* The key from its file's text (64 hex digits, a newline allowed): 0, or
 * -1 when the text is not a key. */
int chain_key_parse(const char *text, struct chain_key *key);
/* The key's text for its file: 64 hex digits and a newline. */
void chain_key_format(const struct chain_key *key, char out[CHAIN_HEX_SIZE + 1]);

/* What roviec verify found. */
enum chain_problem {
	CHAIN_INTACT,
	CHAIN_CHANGED,		/* an entry does not match its hash */
	CHAIN_MISSING,		/* entries are missing before bad_id */
	CHAIN_UNHASHED,		/* an entry has no hash: written outside roviec */
	CHAIN_UNSEALED,		/* an entry has no seal: written outside roviec */
	CHAIN_FORGED,		/* an entry's seal is not its hash's under the key */
	CHAIN_NOTED_GONE	/* the noted head is not in the history */
};

struct chain_result {
	enum chain_problem problem;
	long long entries;		/* entries checked */
	long long bad_id;		/* the first entry at fault */
	long long missing_from;		/* CHAIN_MISSING: first missing id */
	char bad_ref[64], bad_at[32], bad_action[32];
	long long head_id;		/* the last entry (0: empty history) */
	char head[CHAIN_HEX_SIZE];	/* its hash ("" when empty) */
	char head_at[32];
	long long noted_id;		/* the entry the noted hash names (0: none asked) */
};

/* The state of a walk over the history in id order (chain_step). */
struct chain_walk {
	struct chain_result *result;
	const char *noted;	/* a head noted earlier, to find; NULL: none */
	const struct chain_key *key;	/* NULL: seals are not checked */
	char prev[CHAIN_HEX_SIZE];
	long long prev_id;
};

void chain_walk_init(struct chain_walk *w, struct chain_result *result,
    const char *noted, const struct chain_key *key);
/* Checks the next entry; returns nonzero when the walk found a fault and
 * should stop (the result says which). */
int chain_step(struct chain_walk *w, const struct chain_entry *e);
/* After the last entry: the noted head, if any, must have been met. */
void chain_walk_end(struct chain_walk *w);

/* 1 when s is a plausible noted head: 16 to 64 hex digits (a prefix; 16
 * digits are 64 bits, more than anyone can forge by trying hashes). */
int chain_is_hex(const char *s);

#endif
