/* graph: who passes work to whom (see graph.h). */
#include "roviec/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/i18n.h"
#include "roviec/store.h"

static char *
dup(const char *s)
{
	return strdup(s != NULL ? s : "");
}

static int
add_link(const struct graph_edge *e, void *arg)
{
	struct graph *g = arg;
	struct graph_link *l, *links = realloc(g->links, (g->nlinks + 1) * sizeof(*links));

	if (links == NULL)
		return 1;
	g->links = links;
	l = &g->links[g->nlinks++];
	l->from = dup(e->from);
	l->from_name = dup(e->from_name);
	l->to = dup(e->to);
	l->to_name = dup(e->to_name);
	l->proposed = e->proposed;
	l->accepted = e->accepted;
	l->rejected = e->rejected;
	l->transfers = e->transfers;
	l->escalations = e->escalations;
	l->returns = e->returns;
	return l->from == NULL || l->from_name == NULL || l->to == NULL || l->to_name == NULL;
}

static long long
least(const struct graph_pair *p)
{
	return p->there->proposed < p->back->proposed ? p->there->proposed : p->back->proposed;
}

static int
cmp_pairs(const void *a, const void *b)
{
	const struct graph_pair *x = a, *y = b;
	long long lx = least(x), ly = least(y);
	long long tx = x->there->proposed + x->back->proposed;
	long long ty = y->there->proposed + y->back->proposed;

	if (lx != ly)
		return lx < ly ? 1 : -1;
	if (tx != ty)
		return tx < ty ? 1 : -1;
	return strcmp(x->there->from, y->there->from);
}

static int
cmp_escalators(const void *a, const void *b)
{
	const struct graph_escalator *x = a, *y = b;

	if (x->escalations != y->escalations)
		return x->escalations < y->escalations ? 1 : -1;
	return strcmp(x->code, y->code);
}

/* The pairs that sent work both ways, each once (A before B by code), and
 * the units by escalations proposed. */
static int
analyse(struct graph *g)
{
	g->pairs = calloc(g->nlinks + 1, sizeof(*g->pairs));
	g->escalators = calloc(g->nlinks + 1, sizeof(*g->escalators));
	if (g->pairs == NULL || g->escalators == NULL)
		return -1;
	for (size_t i = 0; i < g->nlinks; i++) {
		const struct graph_link *l = &g->links[i];

		if (strcmp(l->from, l->to) < 0)
			for (size_t j = 0; j < g->nlinks; j++)
				if (strcmp(g->links[j].from, l->to) == 0 &&
				    strcmp(g->links[j].to, l->from) == 0) {
					g->pairs[g->npairs].there = l;
					g->pairs[g->npairs++].back = &g->links[j];
				}
		if (l->escalations > 0) {
			size_t k = 0;

			while (k < g->nescalators && strcmp(g->escalators[k].code, l->from) != 0)
				k++;
			if (k == g->nescalators) {
				g->escalators[k].code = l->from;
				g->escalators[k].name = l->from_name;
				g->nescalators++;
			}
			g->escalators[k].escalations += l->escalations;
		}
	}
	qsort(g->pairs, g->npairs, sizeof(*g->pairs), cmp_pairs);
	qsort(g->escalators, g->nescalators, sizeof(*g->escalators), cmp_escalators);
	return 0;
}

struct load {
	struct graph *g;
};

static enum rv_code
load_txn(struct store *st, void *arg, struct rv_err *err)
{
	struct graph *g = ((struct load *)arg)->g;

	/* A retried read starts again. */
	for (size_t i = 0; i < g->nlinks; i++) {
		free(g->links[i].from);
		free(g->links[i].from_name);
		free(g->links[i].to);
		free(g->links[i].to_name);
	}
	g->nlinks = 0;
	return store_graph_edges(st, g->from, g->to, add_link, g, err);
}

enum rv_code
graph_load(struct session *s, const char *from, const char *to, struct graph *g,
    struct rv_err *err)
{
	day_t today = dates_local_day(session_tick(s)), f = 0, t = today;
	struct load l = { g };
	enum rv_code rc;

	memset(g, 0, sizeof(*g));
	if (from != NULL && (rc = dates_parse(from, today, &f, err)) != RV_OK)
		return rc;
	if (to != NULL && (rc = dates_parse(to, today, &t, err)) != RV_OK)
		return rc;
	if (from != NULL && f > t)
		return err_set(err, RV_REFUSED,
		    _("the period starts after it ends: give --from before --to"));
	if (from != NULL)
		dates_iso(f, g->from);
	else
		snprintf(g->from, sizeof(g->from), "0001-01-01");
	dates_iso(t, g->to);
	if ((rc = store_read(s->st, load_txn, &l, err)) != RV_OK) {
		graph_free(g);
		return rc;
	}
	if (analyse(g) != 0) {
		graph_free(g);
		return err_set(err, RV_STORAGE, _("out of memory"));
	}
	return RV_OK;
}

void
graph_free(struct graph *g)
{
	for (size_t i = 0; i < g->nlinks; i++) {
		free(g->links[i].from);
		free(g->links[i].from_name);
		free(g->links[i].to);
		free(g->links[i].to_name);
	}
	free(g->links);
	free(g->pairs);
	free(g->escalators);
	memset(g, 0, sizeof(*g));
}

void
graph_partners(const struct graph *g, const char *code, size_t n, char *buf,
    size_t size)
{
	size_t len = 0, out = 0, in = 0;

	buf[0] = '\0';
	/* The links are busiest first already. */
	for (size_t i = 0; i < g->nlinks && out < n && len < size; i++)
		if (strcmp(g->links[i].from, code) == 0)
			len += (size_t)snprintf(buf + len, size - len, "%s→ %s %lld",
			    out++ ? ", " : "", g->links[i].to, g->links[i].proposed);
	for (size_t i = 0; i < g->nlinks && in < n && len < size; i++)
		if (strcmp(g->links[i].to, code) == 0)
			len += (size_t)snprintf(buf + len, size - len, "%s← %s %lld",
			    len ? (in++ ? ", " : "; ") : (in++, ""), g->links[i].from,
			    g->links[i].proposed);
}
