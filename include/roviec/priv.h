/*
 * priv: the server mode.  Installed setgid to a system group that no
 * official is in (roviec(1), THE SERVER), roviec holds that group's rights
 * beside the caller's own, and those rights open the database: officials
 * reach it only through roviec's rules.  Such a program is privileged and
 * behaves as one: the environment is cleared down to what is known to be
 * safe, the database is only the one /etc/roviec.conf names, and a file it
 * reads or writes for the person (an import, a backup, their own
 * configuration) is opened with the person's rights alone.  Identity still
 * comes from the real uid.  Nothing here knows of storage or rules.
 */
#ifndef ROVIEC_PRIV_H
#define ROVIEC_PRIV_H

#include <sys/types.h>

#include "roviec/err.h"

/*
 * The first thing main does: tells whether roviec runs with rights it was
 * given (setgid: AT_SECURE, or another effective group), refuses a setuid
 * install, makes sure standard input, output and error are open, and in
 * the server mode clears the environment down to TERM, the locale's
 * variables, COLUMNS, LINES, ESCDELAY and NO_COLOR, each only when its
 * value is a plain one (no path, no "..").  Returns 0, or -1 when roviec
 * must not run (a message is on stderr).
 */
int priv_init(void);

/* 1 in the server mode (started with the group's rights), even after
 * priv_drop. */
int priv_server(void);

/* 1 while the group's rights are held. */
int priv_held(void);

/* Gives up the group's rights for good (real, effective and saved group
 * ids all the caller's): for --db, a file of the caller's own. */
enum rv_code priv_drop(struct rv_err *err);

/* Between begin and end, the process has the caller's rights alone (the
 * effective group is the caller's); they nest.  Outside the server mode
 * they do nothing. */
void priv_user_begin(void);
void priv_user_end(void);

/* open(2) with the caller's rights alone. */
int priv_open_user(const char *path, int flags, mode_t mode);

/*
 * 1 when path may be trusted by a privileged program: it and every folder
 * above it belong to root and nobody else may write to them (a folder
 * anyone may write to counts when it is sticky and the entry is root's),
 * so that nobody but root could have put it there.
 */
int priv_trusted_path(const char *path);

#endif
