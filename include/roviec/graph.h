/*
 * graph: who passes work to whom.  The handoff proposals of a period as a
 * graph of units, with the pairs that bounce work between them most and
 * the units that escalate most; for `roviec graph` and the city overview's
 * partners line on the board.
 */
#ifndef ROVIEC_GRAPH_H
#define ROVIEC_GRAPH_H

#include "roviec/err.h"
#include "roviec/session.h"

struct graph_link {
	char *from, *from_name, *to, *to_name;
	long long proposed, accepted, rejected, transfers, escalations, returns;
};

struct graph_pair {
	const struct graph_link *there, *back;	/* A -> B and B -> A */
};

struct graph_escalator {
	const char *code, *name;
	long long escalations;	/* proposed in the period */
};

struct graph {
	char from[11], to[11];		/* the period, ISO days */
	struct graph_link *links;	/* busiest first */
	size_t nlinks;
	struct graph_pair *pairs;	/* most bounced first */
	size_t npairs;
	struct graph_escalator *escalators;	/* most first */
	size_t nescalators;
};

/*
 * Reads the proposals made from `from` to `to` (DATE forms; NULL: from the
 * first, or to today).  RV_REFUSED: a bad date, or from after to.
 */
enum rv_code graph_load(struct session *s, const char *from, const char *to,
    struct graph *g, struct rv_err *err);
void graph_free(struct graph *g);

/* The unit's busiest partners, as "P2 → 5, ← DL 3" in buf (at most n of
 * each way); "" when it has none. */
void graph_partners(const struct graph *g, const char *code, size_t n,
    char *buf, size_t size);

#endif
