/* migrate: applies the compiled-in migrations (see migrate.h). */
#include "migrate.h"

#include <stdio.h>

static int
user_version(sqlite3 *db)
{
	sqlite3_stmt *s;
	int v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* PRAGMA takes no bound parameters, so the number is formatted; it is an
 * int of ours, never outside text. */
static int
set_user_version(sqlite3 *db, int v)
{
	char sql[64];

	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v);
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

enum rv_code
migrate_apply(sqlite3 *db, struct rv_err *err)
{
	int v, rc;

	if ((rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
		return err_set(err, RV_STORAGE,
		    "cannot start upgrading the database: %s", sqlite3_errmsg(db));
	v = user_version(db);
	if (v < 0 || v > migrate_count) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return err_set(err, RV_STORAGE,
		    "the database's schema version %d is not one this roviec knows", v);
	}
	for (; v < migrate_count; v++) {
		rc = sqlite3_exec(db, migrate_scripts[v], NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = set_user_version(db, v + 1);
		if (rc != SQLITE_OK) {
			err_set(err, RV_STORAGE, "migration %d failed: %s; nothing was changed",
			    v + 1, sqlite3_errmsg(db));
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return RV_STORAGE;
		}
	}
	if ((rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK) {
		err_set(err, RV_STORAGE, "cannot finish upgrading the database: %s",
		    sqlite3_errmsg(db));
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return RV_STORAGE;
	}
	return RV_OK;
}
