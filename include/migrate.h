/*
 * migrate: brings a database's schema up to date.  The numbered files of
 * db/migrations are compiled in (build/migrations.c, made by db/embed.sh);
 * migration N takes PRAGMA user_version from N-1 to N.  Part of the storage
 * layer: only store.c calls it.
 */
#ifndef ROVIEC_MIGRATE_H
#define ROVIEC_MIGRATE_H

#include <sqlite3.h>

#include "err.h"

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
enum rv_code migrate_apply(sqlite3 *db, struct rv_err *err);

#endif
