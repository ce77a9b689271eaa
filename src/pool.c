/* pool: strings in blocks, freed together (see pool.h). */
#include "roviec/pool.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct pool_block {
	struct pool_block *next;
	size_t used, size;
	char bytes[];
};
#define POOL_BLOCK_SIZE 65536

char *
pool_dup(struct pool *p, const char *s)
{
	size_t len = s != NULL ? strlen(s) : 0;
	struct pool_block *b = p->blocks;
	char *at;

	if (b == NULL || b->size - b->used < len + 1) {
		size_t size = len + 1 > POOL_BLOCK_SIZE ? len + 1 : POOL_BLOCK_SIZE;
		struct pool_block *fresh = malloc(sizeof(*fresh) + size);

		if (fresh == NULL)
			return NULL;
		fresh->used = 0;
		fresh->size = size;
		/* A string longer than a block has one of its own, behind the
		 * block being filled, which goes on being filled. */
		if (size > POOL_BLOCK_SIZE && b != NULL) {
			fresh->next = b->next;
			b->next = fresh;
		} else {
			fresh->next = p->blocks;
			p->blocks = fresh;
		}
		b = fresh;
	}
	assert(b->size - b->used >= len + 1);
	at = b->bytes + b->used;
	if (len > 0)
		memcpy(at, s, len);
	at[len] = '\0';
	b->used += len + 1;
	return at;
}

void
pool_free(struct pool *p)
{
	while (p->blocks != NULL) {
		struct pool_block *next = p->blocks->next;

		free(p->blocks);
		p->blocks = next;
	}
}
