/*
 * actor: who is acting.  Identity comes from the operating system (the Unix
 * login of the process's real user id, never an environment variable),
 * mapped to a person; an administrator may act for another login with --as,
 * and the history then records both.
 */
#ifndef ROVIEC_ACTOR_H
#define ROVIEC_ACTOR_H

#include "roviec/err.h"
#include "roviec/session.h"

/* The login name of the process's real uid into buf; RV_REFUSED if the
 * system has no name for it. */
enum rv_code actor_os_login(char *buf, size_t size, struct rv_err *err);

/*
 * Fills s->me (and s->via with --as) from the OS login.  A login that is not
 * in the database is refused with what to ask the administrator; --as by
 * anyone but an administrator is refused; an unknown --as login too.
 */
enum rv_code actor_resolve(struct session *s, const char *as_login,
    struct rv_err *err);

/* 1 when person_id is one of the heads of unit_id (a unit may have
 * several: a chair and deputies, each with the head's powers). */
int actor_heads(struct store *st, rowid_t person_id, rowid_t unit_id);

/* 1 when person_id is a head of unit_id or of one of its ancestors. */
int actor_heads_above(struct store *st, rowid_t person_id, rowid_t unit_id);

#endif
