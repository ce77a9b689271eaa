/*
 * pool: strings kept one after another in large blocks and freed all
 * together: a long list's tens of thousands of cells, a city's names.  One
 * malloc (and one free) for each string was a tenth of such a list's
 * time, and strings side by side stay in the cache together.
 */
#ifndef ROVIEC_POOL_H
#define ROVIEC_POOL_H

struct pool_block;

struct pool {
	struct pool_block *blocks;	/* the newest first; NULL: empty */
};

/* A copy of s (NULL: "") kept in p until pool_free; NULL when out of
 * memory.  A string longer than a block has a block of its own. */
char *pool_dup(struct pool *p, const char *s);

/* Frees every string of p; p is empty again. */
void pool_free(struct pool *p);

#endif
