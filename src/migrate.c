/* migrate: applies the compiled-in migrations (see migrate.h). */
#include "roviec/migrate.h"

#include "roviec/i18n.h"

#include <stdio.h>
#include <time.h>

/* How long an upgrade waits for other writers (each try also waits the
 * connection's busy timeout). */
#define MIGRATE_WAIT_S 15

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

/* BEGIN IMMEDIATE, waiting for other writers up to MIGRATE_WAIT_S. */
static int
begin_immediate(sqlite3 *db)
{
	time_t give_up = time(NULL) + MIGRATE_WAIT_S;
	int rc;

	while ((rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK &&
	    ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) && time(NULL) < give_up)
		;
	return rc;
}

enum rv_code
migrate_apply(sqlite3 *db, migrate_hook_fn after, void *arg,
    struct rv_err *err)
{
	int v, rc;

	/* Nearly always the schema is current: say so without taking the
	 * write lock, which other sessions may be holding. */
	if (user_version(db) == migrate_count)
		return RV_OK;
	if ((rc = begin_immediate(db)) != SQLITE_OK)
		return err_set(err, RV_STORAGE,
		    _("cannot start upgrading the database: %s"), sqlite3_errmsg(db));
	v = user_version(db);
	if (v < 0 || v > migrate_count) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return err_set(err, RV_STORAGE,
		    _("the database's schema version %d is not one this roviec knows"), v);
	}
	for (; v < migrate_count; v++) {
		rc = sqlite3_exec(db, migrate_scripts[v], NULL, NULL, NULL);
		if (rc == SQLITE_OK && after != NULL &&
		    after(db, v + 1, arg, err) != RV_OK) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return RV_STORAGE;
		}
		if (rc == SQLITE_OK)
			rc = set_user_version(db, v + 1);
		if (rc != SQLITE_OK) {
			err_set(err, RV_STORAGE, _("migration %d failed: %s; nothing was changed"),
			    v + 1, sqlite3_errmsg(db));
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return RV_STORAGE;
		}
	}
	if ((rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK) {
		err_set(err, RV_STORAGE, _("cannot finish upgrading the database: %s"),
		    sqlite3_errmsg(db));
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return RV_STORAGE;
	}
	return RV_OK;
}
