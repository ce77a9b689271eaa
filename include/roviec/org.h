/*
 * org: the organisation: units (a tree) and people, set up by an
 * administrator, and the first administrator made by init.  The same
 * validation (UTF-8, NFC, codes, logins) for every face.  Return contract
 * as in duty.h.
 */
#ifndef ROVIEC_ORG_H
#define ROVIEC_ORG_H

#include "roviec/err.h"
#include "roviec/session.h"

/* Administrator: a unit under parent (a code, or NULL for a root), of kind
 * ("city", "ward", ...; NULL: city for a root, department otherwise), with
 * an optional head (a registered login). */
enum rv_code org_unit_add(struct session *s, const char *code, const char *name,
    const char *parent, const char *kind, const char *head, struct rv_err *err);

/* Administrator: a person in a unit (code; NULL only for admin and
 * inspector) with a role (NULL: officer) and a mail address (NULL: none;
 * the digest then writes to LOGIN@mail_domain).  A "head" heads their
 * unit. */
enum rv_code org_person_add(struct session *s, const char *login,
    const char *full_name, const char *unit, const char *role,
    const char *mail, struct rv_err *err);

/* Whether mail is an address roviec mails to: printable ASCII, one @
 * with a local part of letters, digits and !#$%&'*+/=?^_`{|}~.- before it
 * and a domain of letters, digits, '.' and '-' after it, 254 bytes at
 * most (it goes into a To: header); RV_REFUSED saying so otherwise. */
enum rv_code org_mail_check(const char *mail, struct rv_err *err);

/* Whether this machine has an account of that login (getpwnam): a person
 * registered without one cannot use roviec until it is made. */
int org_login_exists(const char *login);

/* Administrator: change a person's name, unit, role, login or mail
 * address (NULL: unchanged; mail "": none any more).  One who has left
 * keeps their unit and role. */
enum rv_code org_person_set(struct session *s, const char *login,
    const char *full_name, const char *unit, const char *role,
    const char *new_login, const char *mail, struct rv_err *err);

/* Administrator: rename a unit, move it under another parent (never under
 * itself or one of its own units), change its kind (NULL: unchanged);
 * recorded as "unit-changed" with the facts that changed. */
enum rv_code org_unit_set(struct session *s, const char *code,
    const char *name, const char *parent, const char *kind, struct rv_err *err);

#define ORG_REASON_MAX 500	/* characters */

/* Administrator: the person has left (moved away, retired) today, with an
 * optional reason; recorded as "person-left".  Refused while they own open
 * or submitted duties (the refusal names them) or are the last
 * administrator.  They stop heading their units; they keep their unit,
 * role and history, and can no longer act (actor.c), own a duty or head a
 * unit. */
enum rv_code org_person_leave(struct session *s, const char *login,
    const char *reason, struct rv_err *err);

/* Administrator: make a registered person the head of a unit (they need
 * not belong to it). */
enum rv_code org_unit_set_head(struct session *s, const char *unit,
    const char *login, struct rv_err *err);

/* Administrator: a consistent copy of the database at path, a new file
 * (store_backup), while others keep working. */
struct backup_info;
enum rv_code org_backup(struct session *s, const char *path,
    struct backup_info *info, struct rv_err *err);

/* On a new, empty database: registers the OS login running init as the
 * first administrator (full name from the password file) and makes it the
 * acting person of s. */
enum rv_code org_bootstrap(struct session *s, struct rv_err *err);

#endif
