/*
 * bench/floor: the floor of a job, for make bench.  Opens the database as
 * roviec does (store_open: the same pragmas, functions and schema check)
 * and runs the statements that roviec ran for the job, as the traced
 * roviec wrote them (store.c, RV_BENCH_TRACE), reading every column of
 * every row as text, writing nothing out.  What roviec takes beyond this
 * is its own: the command line, the session, the formatting, the output.
 *
 * usage: floor DB TRACE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "roviec/dates.h"
#include "roviec/flags.h"
#include "roviec/store.h"

/* The whole trace file, NUL-separated statements; NULL on failure. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (f == NULL)
		return NULL;
	do {
		if (*len + 65536 > cap) {
			char *more = realloc(buf, cap = cap * 2 + 65536);

			if (more == NULL) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = more;
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
	} while (n > 0);
	fclose(f);
	return buf;
}

int
main(int argc, char **argv)
{
	struct store *st;
	struct rv_err err = { 0 };
	struct flag_rules rules;
	sqlite3 *db;
	size_t len, rows = 0, cells = 0;
	char *trace;

	if (argc != 3) {
		fprintf(stderr, "usage: floor DB TRACE\n");
		return 2;
	}
	if ((trace = slurp(argv[2], &len)) == NULL) {
		fprintf(stderr, "floor: cannot read %s\n", argv[2]);
		return 1;
	}
	if (store_open(argv[1], STORE_EXISTING, &st, &err) != RV_OK) {
		fprintf(stderr, "floor: %s\n", err.msg);
		return 1;
	}
	flags_default_rules(&rules);
	store_set_flag_context(st, &rules, dates_local_day(time(NULL)));
	db = store_connection(st);
	for (size_t at = 0; at < len; at += strlen(trace + at) + 1) {
		sqlite3_stmt *s;
		int rc;

		if (sqlite3_prepare_v2(db, trace + at, -1, &s, NULL) != SQLITE_OK) {
			fprintf(stderr, "floor: %s: %s\n", sqlite3_errmsg(db), trace + at);
			return 1;
		}
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			rows++;
			for (int i = 0; i < sqlite3_column_count(s); i++)
				cells += sqlite3_column_text(s, i) != NULL;
		}
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE) {
			fprintf(stderr, "floor: %s: %s\n", sqlite3_errmsg(db), trace + at);
			return 1;
		}
	}
	store_close(st);
	free(trace);
	printf("%zu rows, %zu cells\n", rows, cells);
	return 0;
}
