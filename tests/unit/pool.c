/*
 * Unit tests of pool: every string kept stays whole and apart from the
 * others, through many blocks and past a block's size, NULL is kept as "",
 * and a pool freed is empty again and can be used anew.
 */
#include "roviec/pool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

int
main(void)
{
	struct pool p = { 0 };
	enum { N = 20000 };
	static char *kept[N];
	char want[64], *big = malloc(200000), *long_one;
	int whole = 1, first = -1;

	if (big == NULL)
		return 1;
	/* 20,000 strings of 1 to 40 bytes: some 400 KB, several blocks. */
	for (int i = 0; i < N; i++) {
		snprintf(want, sizeof(want), "%d-%.*s", i, i % 32, "abcdefghijklmnopqrstuvwxyzABCDEF");
		kept[i] = pool_dup(&p, want);
	}
	memset(big, 'x', 199999);
	big[199999] = '\0';
	long_one = pool_dup(&p, big);
	for (int i = 0; i < N && whole; i++) {
		snprintf(want, sizeof(want), "%d-%.*s", i, i % 32, "abcdefghijklmnopqrstuvwxyzABCDEF");
		if (kept[i] == NULL || strcmp(kept[i], want) != 0) {
			whole = 0;
			first = i;
		}
	}
	ok(whole, "20,000 strings kept whole and apart, through several blocks (first not: %d)", first);
	ok(long_one != NULL && strlen(long_one) == 199999 && long_one[0] == 'x',
	    "a string longer than a block (199,999 bytes) is kept whole");
	snprintf(want, sizeof(want), "%d-%.*s", N - 1, (N - 1) % 32, "abcdefghijklmnopqrstuvwxyzABCDEF");
	is_str(kept[N - 1], want, "the strings kept before it are untouched by it");
	{
		char *after = pool_dup(&p, "after");

		is_str(after, "after", "a string kept after the long one");
		ok(after == kept[N - 1] + strlen(kept[N - 1]) + 1,
		    "in the block being filled before it: the long one has a block of its own, behind");
	}
	is_str(pool_dup(&p, NULL), "", "NULL is kept as the empty string");
	is_str(pool_dup(&p, ""), "", "the empty string is kept");
	pool_free(&p);
	ok(p.blocks == NULL, "a pool freed is empty");
	is_str(pool_dup(&p, "anew"), "anew", "and keeps strings anew");
	pool_free(&p);
	free(big);
	return done_testing();
}
