/* The Đà Lạt demo: its size, its flags, the acting login's place, speed
 * and determinism. */
#include "roviec/actor.h"
#include "roviec/demo.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "roviec/flags.h"
#include "roviec/org.h"
#include "roviec/session.h"
#include "roviec/store.h"
#include "tap.h"

/* What one build gives, compared between two builds. */
struct counts {
	long long units, local, people, duties, history, handoffs;
	long long flag[FLAG_COUNT];	/* duties carrying each flag */
	long long p1_flag[FLAG_COUNT];	/* those of them led by P1 */
	long long p1;			/* duties led by P1 */
};

static int
count_local(const struct unit_row *row, void *arg)
{
	long long *n = arg;

	if (row->unit->kind == KIND_WARD || row->unit->kind == KIND_COMMUNE)
		(*n)++;
	return 0;
}

static int
count_row(const struct duty_row *row, void *arg)
{
	long long *n = arg;

	(void)row;
	(*n)++;
	return 0;
}

static long long
count_duties(struct store *st, rowid_t lead, unsigned flag)
{
	struct duty_filter f = { 0 };
	struct rv_err err;
	long long n = 0;

	f.lead_unit_id = lead;
	f.flags = flag;
	if (store_duty_list(st, &f, 0, count_row, &n, &err) != RV_OK) {
		printf("# store_duty_list: %s\n", err.msg);
		return -1;
	}
	return n;
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Creates a database at path with the demo, checks it, fills c. */
static void
build(const char *path, time_t now, struct counts *c, int check)
{
	struct session s = { 0 };
	struct rv_err err = { 0 };
	struct unit p1 = { 0 };
	struct person head = { 0 };
	struct timespec t0;
	enum rv_code rc;
	double took;

	memset(c, 0, sizeof(*c));
	if (!ok(store_open(path, STORE_CREATE, &s.st, &err) == RV_OK, "store_open %s", path)) {
		printf("# %s\n", err.msg);
		return;
	}
	flags_default_rules(&s.rules);
	s.now = now;
	session_sync_clock(&s);
	if (!ok(org_bootstrap(&s, &err) == RV_OK, "org_bootstrap")) {
		printf("# %s\n", err.msg);
		store_close(s.st);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = demo_build(&s, &err);
	took = seconds_since(&t0);
	if (!ok(rc == RV_OK, "demo_build"))
		printf("# %s\n", err.msg);
	printf("# demo_build took %.3f s\n", took);
	ok(s.now == now, "the clock is given back");
	ok(s.me.login != NULL && s.via.id == 0, "the acting person is given back");

	store_count(s.st, "units", &c->units, &err);
	store_count(s.st, "people", &c->people, &err);
	store_count(s.st, "duties", &c->duties, &err);
	store_count(s.st, "history", &c->history, &err);
	store_count(s.st, "handoffs", &c->handoffs, &err);
	store_unit_list(s.st, count_local, &c->local, &err);
	if (store_unit_by_code(s.st, "P1", &p1, &err) != RV_OK)
		printf("# %s\n", err.msg);
	c->p1 = count_duties(s.st, p1.id, 0);
	for (int k = 0; k < FLAG_COUNT; k++) {
		c->flag[k] = count_duties(s.st, 0, 1u << k);
		c->p1_flag[k] = count_duties(s.st, p1.id, 1u << k);
	}
	if (check) {
		static const unsigned p1_must[] = { FLAG_BOUNCED, FLAG_ESCALATED,
		    FLAG_STALLED, FLAG_OVERDUE, FLAG_DUE_SOON, FLAG_UNANSWERED };
		long long before = c->duties, after = -1;

		is_num(c->units, 37, "37 units");
		is_num(c->local, 16, "16 wards and communes");
		ok(c->duties >= 200, "at least 200 duties (%lld)", c->duties);
		printf("# %lld people, %lld duties (%lld led by P1), %lld history entries, %lld handoffs\n",
		    c->people, c->duties, c->p1, c->history, c->handoffs);
		for (int k = 0; k < FLAG_COUNT; k++)
			ok(c->flag[k] >= 3, "%s: %lld duties, %lld of them in P1",
			    flags_word(1u << k), c->flag[k], c->p1_flag[k]);
		for (size_t k = 0; k < sizeof(p1_must) / sizeof(p1_must[0]); k++) {
			int bit = __builtin_ctz(p1_must[k]);

			ok(c->p1_flag[bit] >= 1, "P1 leads a duty flagged %s",
			    flags_word(p1_must[k]));
		}
		ok(s.me.role == ROLE_ADMIN, "the acting login is still an administrator");
		ok(p1.id != 0 && s.me.unit_id == p1.id, "the acting login belongs to P1");
		{
			rowid_t first = 0;

			ok(p1.id != 0 && actor_heads(s.st, s.me.id, p1.id), "the acting login heads P1");
			if (store_first_head(s.st, p1.id, &first, &err) != RV_OK ||
			    store_person_by_id(s.st, first, &head, &err) != RV_OK)
				printf("# %s\n", err.msg);
			is_str(head.login, s.me.login, "the head of P1 is the acting login, its only head");
			model_person_free(&head);
		}

		/* All or nothing: a second demo on the same database is refused
		 * and leaves it as it was. */
		rc = demo_build(&s, &err);
		ok(rc == RV_REFUSED, "a second demo_build is refused (%s)", err.msg);
		store_count(s.st, "duties", &after, &err);
		is_num(after, before, "and changes nothing");
		ok(s.now == now && s.me.login != NULL, "and gives the clock and person back");
	}
	model_unit_free(&p1);
	model_person_free(&s.me);
	store_close(s.st);
}

int
main(void)
{
	char dir[] = "/tmp/roviec-demo-XXXXXX", a[256], b[256];
	struct counts ca, cb;
	time_t now = time(NULL);

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(a, sizeof(a), "%s/a.db", dir);
	snprintf(b, sizeof(b), "%s/b.db", dir);
	build(a, now, &ca, 1);
	build(b, now, &cb, 0);
	ok(memcmp(&ca, &cb, sizeof(ca)) == 0, "two builds give the same counts");
	is_num(cb.duties, ca.duties, "the same number of duties");
	is_num(cb.history, ca.history, "the same number of history entries");
	store_remove(a);
	store_remove(b);
	rmdir(dir);
	return done_testing();
}
