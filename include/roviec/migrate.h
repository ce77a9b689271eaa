/*
 * migrate: brings a database's schema up to date.  The numbered files of
 * db/migrations are compiled in (build/migrations.c, made by db/embed.sh);
 * migration N takes PRAGMA user_version from N-1 to N.  Part of the storage
 * layer: only store.c calls it.
 */
#ifndef ROVIEC_MIGRATE_H
#define ROVIEC_MIGRATE_H

#include <sqlite3.h>

#include "roviec/err.h"

extern const char *const migrate_scripts[];
extern const int migrate_count;

/* The application_id every roviec database carries ('RVEC'). */
#define MIGRATE_APPLICATION_ID 1381385539

/*
 * Applies every migration above the database's user_version in one
 * BEGIN IMMEDIATE transaction (re-reading user_version inside it, since
 * another process may have migrated first).  RV_OK, or RV_STORAGE with the
 * migration's number and SQLite's message; nothing is applied on failure.
 */
typedef enum rv_code (*migrate_hook_fn)(sqlite3 *db, int version, void *arg,
    struct rv_err *err);
/* after, when not NULL, runs in the same transaction right after each
 * migration's script (version is the migration's number), for the steps
 * SQL cannot do alone (hashing the history, migration 2). */
enum rv_code migrate_apply(sqlite3 *db, migrate_hook_fn after, void *arg,
    struct rv_err *err);

#endif
