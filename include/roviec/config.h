/*
 * config: the configuration files, /etc/roviec.conf then
 * $XDG_CONFIG_HOME/roviec/config (~/.config/roviec/config); a later file
 * overrides an earlier one key by key.  Lines are "key = value"; a line
 * whose first non-blank character is '#' is a comment (a path may hold
 * '#').  A bad line is refused with its file and line number; a file that
 * is not a regular file, a line longer than 4096 bytes or a file larger
 * than 256 KB is refused too.  The time zone is the system file's alone;
 * on a server (priv.h) the person's own file is the one in their home and
 * only sets the language and the colours.
 */
#ifndef ROVIEC_CONFIG_H
#define ROVIEC_CONFIG_H

#include "roviec/err.h"
#include "roviec/flags.h"

/* The mailer roviec digest writes to (sendmail -t) when none is set. */
#define CONFIG_SENDMAIL "/usr/sbin/sendmail"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif

/* The zone "today" is taken in, the same for everyone: the server's
 * (issue 14), not the caller's TZ. */
#define CONFIG_DEFAULT_ZONE "Asia/Ho_Chi_Minh"
#define CONFIG_ZONE_MAX 64

struct config {
	char *db;		/* "db =", NULL when not set */
	char timezone[CONFIG_ZONE_MAX];	/* "timezone =" of the system file */
	char language[3];	/* "vi", "en", or "" when not set */
	int colours;		/* 1: when the terminal has them; 0: never */
	int excel;		/* "excel = yes": CSV in the Excel form by default */
	char excel_sep;		/* "excel_separator": ',' or ';'; 0: by language */
	/* issue #11 */
	int login_brief;	/* "login_brief = yes": the brief at login */
	char *sendmail;		/* "sendmail =": the digest's mailer; NULL: the default */
	char mail_domain[128];	/* "mail_domain =": login@this; "" : localhost */
	struct flag_rules rules;
	day_t *holidays;	/* sorted; rules.cal points here */
	size_t nholidays;
};

/* Defaults, then the system file, then the user's file (each if present). */
enum rv_code config_load(struct config *c, struct rv_err *err);

/* Reads one file over c; a missing file is fine when !must_exist. */
enum rv_code config_load_file(struct config *c, const char *path, int must_exist,
    struct rv_err *err);

/* Makes the configuration's zone the process's (TZ), for every date and
 * moment roviec reads or shows. */
enum rv_code config_apply_zone(const struct config *c, struct rv_err *err);

/* The default database path, $XDG_DATA_HOME/roviec/roviec.db or
 * ~/.local/share/roviec/roviec.db; malloc'd, NULL if HOME is unknown. */
char *config_default_db(void);

void config_free(struct config *c);

#endif
