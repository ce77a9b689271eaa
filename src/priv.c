/* priv: the server mode, a setgid program (see priv.h). */
#define _GNU_SOURCE	/* setresgid, getresgid */
#include "roviec/priv.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "roviec/i18n.h"

static int server;	/* started with the group's rights */
static int held;	/* still holding them */
static gid_t group;	/* the group's id (the effective one at start) */
static int user_depth;	/* priv_user_begin nesting */

/* A value of a variable that names something, not a path: letters,
 * digits and a few marks, not starting with a dot. */
static int
plain(const char *v, const char *marks, size_t max)
{
	size_t n = strlen(v);

	if (n == 0 || n > max || v[0] == '.' || strstr(v, "..") != NULL)
		return 0;
	for (const char *p = v; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(marks, *p) != NULL))
			return 0;
	return 1;
}

static int
digits(const char *v)
{
	return plain(v, "", 5) && strspn(v, "0123456789") == strlen(v);
}

/* The environment of a privileged roviec: only what is known to be safe,
 * each value checked.  TERMINFO, TERMINFO_DIRS, TERMCAP, HOME (so no
 * ~/.terminfo), LANGUAGE, NLSPATH, LOCPATH, TZ, TZDIR, TMPDIR, ROVIEC_DB,
 * XDG_*, LD_* and everything else are gone. */
static int
clean_environment(void)
{
	static const struct {
		const char *name;
		int (*ok)(const char *);
	} keep[] = {
		{ "TERM", NULL }, { "LANG", NULL }, { "LC_ALL", NULL },
		{ "LC_CTYPE", NULL }, { "LC_MESSAGES", NULL }, { "LC_TIME", NULL },
		{ "LC_COLLATE", NULL }, { "LC_NUMERIC", NULL }, { "LC_MONETARY", NULL },
		{ "COLUMNS", digits }, { "LINES", digits }, { "ESCDELAY", digits },
		{ "NO_COLOR", NULL },
	};
	enum { NKEEP = sizeof(keep) / sizeof(keep[0]) };
	char *saved[NKEEP];
	int rc = 0;

	for (size_t i = 0; i < NKEEP; i++) {
		const char *v = getenv(keep[i].name);
		int good;

		saved[i] = NULL;
		if (v == NULL)
			continue;
		if (strcmp(keep[i].name, "NO_COLOR") == 0)
			good = 1, v = v[0] != '\0' ? "1" : "";
		else if (keep[i].ok != NULL)
			good = keep[i].ok(v);
		else if (strcmp(keep[i].name, "TERM") == 0)
			good = plain(v, "+-._", 64);
		else	/* a locale's name: vi_VN.UTF-8, C.UTF-8, sr_RS@latin */
			good = plain(v, "_.-@", 64);
		if (good && (saved[i] = strdup(v)) == NULL)
			rc = -1;
	}
	if (clearenv() != 0)
		rc = -1;
	for (size_t i = 0; i < NKEEP; i++) {
		if (saved[i] != NULL && setenv(keep[i].name, saved[i], 1) != 0)
			rc = -1;
		free(saved[i]);
	}
	if (setenv("PATH", "/usr/bin:/bin", 1) != 0)
		rc = -1;
	return rc;
}

/* A closed standard descriptor would be taken by the next file opened,
 * the database say, and then written to as output: /dev/null holds it. */
static int
standard_fds(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		int n;

		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		if ((n = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)) != fd) {
			if (n >= 0)
				close(n);
			return -1;
		}
	}
	return 0;
}

int
priv_init(void)
{
	if (standard_fds() != 0)
		return -1;
	if (geteuid() != getuid()) {
		fputs("roviec: this program must not be setuid; install it setgid to the group "
		    "of the database (see roviec(1), THE SERVER)\n", stderr);
		return -1;
	}
	server = getauxval(AT_SECURE) != 0 || getegid() != getgid();
	held = server;
	group = getegid();
	if (server && clean_environment() != 0) {
		fputs("roviec: cannot clear the environment\n", stderr);
		return -1;
	}
	return 0;
}

int
priv_server(void)
{
	return server;
}

int
priv_held(void)
{
	return held;
}

enum rv_code
priv_drop(struct rv_err *err)
{
	gid_t g = getgid(), r, e, s;

	if (!held)
		return RV_OK;
	assert(user_depth == 0);
	if (setresgid(g, g, g) != 0 || getresgid(&r, &e, &s) != 0 || r != g || e != g || s != g)
		return err_set(err, RV_STORAGE,
		    _("cannot give up the rights of roviec's group: %s"), strerror(errno));
	held = 0;
	return RV_OK;
}

void
priv_user_begin(void)
{
	if (held && user_depth++ == 0 && setegid(getgid()) != 0)
		abort();	/* never go on with rights the caller lacks */
}

void
priv_user_end(void)
{
	if (!held)
		return;
	assert(user_depth > 0);
	if (--user_depth == 0 && setegid(group) != 0)
		abort();
}

int
priv_open_user(const char *path, int flags, mode_t mode)
{
	int fd, e;

	priv_user_begin();
	fd = open(path, flags, mode);
	e = errno;
	priv_user_end();
	errno = e;
	return fd;
}

int
priv_trusted_path(const char *path)
{
	char buf[PATH_MAX];
	struct stat sb;
	char *slash;

	if (realpath(path, buf) == NULL)
		return 0;
	if (stat(buf, &sb) != 0 || sb.st_uid != 0 || (sb.st_mode & (S_IWGRP | S_IWOTH)))
		return 0;
	while ((slash = strrchr(buf, '/')) != NULL) {
		int own_entry_root = sb.st_uid == 0;

		if (slash == buf)
			slash[1] = '\0';
		else
			*slash = '\0';
		if (stat(buf, &sb) != 0 || sb.st_uid != 0)
			return 0;
		/* Nobody else may write here, or only as /tmp allows: no one
		 * may move a root entry of a sticky folder. */
		if ((sb.st_mode & (S_IWGRP | S_IWOTH)) &&
		    !((sb.st_mode & S_ISVTX) && own_entry_root))
			return 0;
		if (strcmp(buf, "/") == 0)
			break;
	}
	return 1;
}
