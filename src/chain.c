/* chain: the history's hash chain (see chain.h). */
#include "roviec/chain.h"

#include <stdio.h>
#include <string.h>

#include <nettle/hmac.h>
#include <nettle/sha2.h>

/* The encoding is versioned and unambiguous: each field is tagged, and a
 * string carries its length, so no two different entries hash alike by
 * moving bytes between fields, and NULL differs from "". */
#define CHAIN_FORMAT "roviec history v1\n"

static void
put_len(struct sha256_ctx *c, unsigned long long n)
{
	uint8_t b[8];

	for (int i = 7; i >= 0; i--, n >>= 8)
		b[i] = (uint8_t)(n & 0xff);
	sha256_update(c, sizeof(b), b);
}

static void
put_str(struct sha256_ctx *c, const char *s)
{
	uint8_t tag = s == NULL ? 'N' : 'S';

	sha256_update(c, 1, &tag);
	if (s == NULL)
		return;
	put_len(c, strlen(s));
	sha256_update(c, strlen(s), (const uint8_t *)s);
}

static void
to_hex(const uint8_t *d, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[2 * n] = '\0';
}

void
chain_hash(const struct chain_entry *e, const char *prev,
    char out[CHAIN_HEX_SIZE])
{
	struct sha256_ctx c;
	uint8_t d[SHA256_DIGEST_SIZE];

	sha256_init(&c);
	sha256_update(&c, strlen(CHAIN_FORMAT), (const uint8_t *)CHAIN_FORMAT);
	put_len(&c, (unsigned long long)e->id);
	put_str(&c, prev != NULL ? prev : "");
	put_str(&c, e->duty_uuid);
	put_str(&c, e->at);
	put_str(&c, e->actor);
	put_str(&c, e->via);
	put_str(&c, e->action);
	put_str(&c, e->from_unit);
	put_str(&c, e->to_unit);
	put_str(&c, e->from_owner);
	put_str(&c, e->to_owner);
	put_str(&c, e->text);
	put_str(&c, e->detail);
	put_len(&c, (unsigned long long)e->duty_id);
	put_len(&c, (unsigned long long)e->actor_id);
	put_len(&c, (unsigned long long)e->via_id);
	put_len(&c, (unsigned long long)e->from_unit_id);
	put_len(&c, (unsigned long long)e->to_unit_id);
	put_len(&c, (unsigned long long)e->from_owner_id);
	put_len(&c, (unsigned long long)e->to_owner_id);
	/* The facts follow the fields of v1 (entries made before them have
	 * none): no v1 message is the prefix of another message. */
	if (e->data != NULL)
		put_str(&c, e->data);
	sha256_digest(&c, sizeof(d), d);
	to_hex(d, sizeof(d), out);
}

#define SEAL_FORMAT "roviec seal v1\n"

void
chain_seal(const struct chain_key *key, long long id, const char *hash,
    char out[CHAIN_HEX_SIZE])
{
	struct hmac_sha256_ctx c;
	uint8_t d[SHA256_DIGEST_SIZE], n[8];
	unsigned long long v = (unsigned long long)id;

	for (int i = 7; i >= 0; i--, v >>= 8)
		n[i] = (uint8_t)(v & 0xff);
	hmac_sha256_set_key(&c, sizeof(key->k), key->k);
	hmac_sha256_update(&c, strlen(SEAL_FORMAT), (const uint8_t *)SEAL_FORMAT);
	hmac_sha256_update(&c, sizeof(n), n);
	hmac_sha256_update(&c, strlen(hash), (const uint8_t *)hash);
	hmac_sha256_digest(&c, sizeof(d), d);
	to_hex(d, sizeof(d), out);
}

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int
chain_key_parse(const char *text, struct chain_key *key)
{
	for (size_t i = 0; i < CHAIN_KEY_SIZE; i++) {
		int hi = hex_digit(text[2 * i]), lo = hi < 0 ? -1 : hex_digit(text[2 * i + 1]);

		if (lo < 0)
			return -1;
		key->k[i] = (unsigned char)(hi << 4 | lo);
	}
	text += 2 * CHAIN_KEY_SIZE;
	return strcmp(text, "") == 0 || strcmp(text, "\n") == 0 ? 0 : -1;
}

void
chain_key_format(const struct chain_key *key, char out[CHAIN_HEX_SIZE + 1])
{
	to_hex(key->k, sizeof(key->k), out);
	out[CHAIN_HEX_SIZE - 1] = '\n';
	out[CHAIN_HEX_SIZE] = '\0';
}

int
chain_is_hex(const char *s)
{
	size_t n = strspn(s, "0123456789abcdefABCDEF");

	return s[n] == '\0' && n >= 16 && n <= 64;
}

static int
noted_matches(const char *noted, const char *hash)
{
	size_t n = strlen(noted);

	if (hash == NULL || strlen(hash) < n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char a = noted[i], b = hash[i];

		if (a >= 'A' && a <= 'F')
			a = (char)(a - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

void
chain_walk_init(struct chain_walk *w, struct chain_result *result,
    const char *noted, const struct chain_key *key)
{
	memset(result, 0, sizeof(*result));
	w->result = result;
	w->noted = noted;
	w->key = key;
	w->prev[0] = '\0';
	w->prev_id = 0;
}

static void
copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src != NULL ? src : "");
}

static int
fault(struct chain_walk *w, const struct chain_entry *e, enum chain_problem p)
{
	struct chain_result *r = w->result;

	r->problem = p;
	r->bad_id = e->id;
	copy(r->bad_ref, sizeof(r->bad_ref), e->duty_ref);
	copy(r->bad_at, sizeof(r->bad_at), e->at);
	copy(r->bad_action, sizeof(r->bad_action), e->action);
	return 1;
}

int
chain_step(struct chain_walk *w, const struct chain_entry *e)
{
	struct chain_result *r = w->result;
	char want[CHAIN_HEX_SIZE];

	/* Ids are given one after the other from 1, so a gap is a removal
	 * (and ids renumbered to hide it change the hashes). */
	if (e->id != w->prev_id + 1) {
		if (e->id > w->prev_id + 1) {
			r->missing_from = w->prev_id + 1;
			return fault(w, e, CHAIN_MISSING);
		}
		return fault(w, e, CHAIN_CHANGED);
	}
	if (e->hash == NULL)
		return fault(w, e, CHAIN_UNHASHED);
	chain_hash(e, w->prev, want);
	if (strcmp(want, e->hash) != 0)
		return fault(w, e, CHAIN_CHANGED);
	if (w->key != NULL) {
		char seal[CHAIN_HEX_SIZE];

		if (e->seal == NULL)
			return fault(w, e, CHAIN_UNSEALED);
		chain_seal(w->key, e->id, e->hash, seal);
		if (strcmp(seal, e->seal) != 0)
			return fault(w, e, CHAIN_FORGED);
	}
	r->entries++;
	r->head_id = e->id;
	copy(r->head, sizeof(r->head), e->hash);
	copy(r->head_at, sizeof(r->head_at), e->at);
	if (w->noted != NULL && r->noted_id == 0 && noted_matches(w->noted, e->hash))
		r->noted_id = e->id;
	memcpy(w->prev, want, sizeof(want));
	w->prev_id = e->id;
	return 0;
}

void
chain_walk_end(struct chain_walk *w)
{
	if (w->result->problem == CHAIN_INTACT && w->noted != NULL &&
	    w->result->noted_id == 0)
		w->result->problem = CHAIN_NOTED_GONE;
}
