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

		if ((b = malloc(sizeof(*b) + size)) == NULL)
			return NULL;
		b->next = p->blocks;
		b->used = 0;
		b->size = size;
		p->blocks = b;
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
