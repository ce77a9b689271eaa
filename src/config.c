/* config: the configuration files (see config.h). */
#include "roviec/config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "roviec/i18n.h"
#include "roviec/priv.h"
#include "roviec/text.h"

/* A line longer than this is refused; a file larger, too (a device such
 * as /dev/zero has no end). */
#define LINE_MAX_BYTES 4096
#define FILE_MAX_BYTES (256 * 1024)

/* Where the zone files are (TZDIR is not read: the zone is the server's). */
#define ZONEINFO "/usr/share/zoneinfo"

/* Which file a line comes from: the system's holds every setting; the
 * person's may not name the time zone (it is the same for everyone), and
 * on a server (a setgid roviec) only says how roviec speaks and looks. */
enum scope { SCOPE_SYSTEM, SCOPE_USER, SCOPE_USER_ON_SERVER };

static void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	flags_default_rules(&c->rules);
	c->colours = 1;
	snprintf(c->timezone, sizeof(c->timezone), "%s", CONFIG_DEFAULT_ZONE);
}

/* A zone's name as the zone files have it: Asia/Ho_Chi_Minh, Etc/GMT+12. */
static int
zone_name_ok(const char *v)
{
	size_t n = strlen(v);
	struct stat sb;
	char path[sizeof(ZONEINFO) + CONFIG_ZONE_MAX + 2];

	if (n == 0 || n >= CONFIG_ZONE_MAX || v[0] == '/' || strstr(v, "..") != NULL)
		return 0;
	for (const char *p = v; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && strchr("/_+-", *p) == NULL)
			return 0;
	snprintf(path, sizeof(path), "%s/%s", ZONEINFO, v);
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static char *
trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

/* A whole number from 0 to 365. */
static int
parse_days(const char *v, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < 0 || n > 365)
		return -1;
	*out = (int)n;
	return 0;
}

static int
cmp_day(const void *a, const void *b)
{
	day_t x = *(const day_t *)a, y = *(const day_t *)b;

	return (x > y) - (x < y);
}

/* "holidays = 2026-01-01, 2026-04-30": replaces the list. */
static int
parse_holidays(struct config *c, char *v)
{
	size_t n = 0, cap = 16;
	day_t *list = malloc(cap * sizeof(*list));

	if (list == NULL)
		return -1;
	for (char *tok = strtok(v, ", "); tok != NULL; tok = strtok(NULL, ", ")) {
		if (n == cap) {
			day_t *bigger = realloc(list, 2 * cap * sizeof(*list));

			if (bigger == NULL)
				break;
			list = bigger;
			cap *= 2;
		}
		if (dates_from_iso(tok, &list[n]) != 0) {
			free(list);
			return -1;
		}
		n++;
	}
	qsort(list, n, sizeof(*list), cmp_day);
	free(c->holidays);
	c->holidays = list;
	c->nholidays = n;
	c->rules.cal.holidays = list;
	c->rules.cal.n = n;
	return 0;
}

static enum rv_code
config_line(struct config *c, char *line, const char *path, int lineno,
    enum scope scope, struct rv_err *err)
{
	struct { const char *key; int *value; } days[] = {
		{ "tossed_handoffs", &c->rules.tossed_handoffs },
		{ "unanswered_days", &c->rules.unanswered_days },
		{ "stalled_days", &c->rules.stalled_days },
		{ "due_soon_days", &c->rules.due_soon_days },
	};
	char *eq = strchr(line, '='), *key, *value;

	if (eq == NULL)
		return err_set(err, RV_REFUSED,
		    _("%s, line %d: expected 'key = value'; fix or remove the line"), path, lineno);
	*eq = '\0';
	key = trim(line);
	value = trim(eq + 1);
	/* On a server the person's own file says how roviec speaks and
	 * looks; the rest is the server's (the database, the rules). */
	if (scope == SCOPE_USER_ON_SERVER && strcmp(key, "language") != 0 &&
	    strcmp(key, "colours") != 0 && strcmp(key, "colors") != 0)
		return RV_OK;
	if (strcmp(key, "timezone") == 0) {
		if (scope != SCOPE_SYSTEM)
			return err_set(err, RV_REFUSED,
			    _("%s, line %d: the time zone is the same for everyone: it is set in %s"),
			    path, lineno, SYSCONFDIR "/roviec.conf");
		if (!zone_name_ok(value))
			return err_set(err, RV_REFUSED,
			    _("%s, line %d: timezone names a zone of %s, like Asia/Ho_Chi_Minh"),
			    path, lineno, ZONEINFO);
		snprintf(c->timezone, sizeof(c->timezone), "%s", value);
		return RV_OK;
	}
	for (size_t i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		if (strcmp(key, days[i].key) != 0)
			continue;
		if (parse_days(value, days[i].value) != 0)
			return err_set(err, RV_REFUSED,
			    _("%s, line %d: %s takes a whole number from 0 to 365"), path, lineno, key);
		return RV_OK;
	}
	if (strcmp(key, "db") == 0) {
		if (*value == '\0')
			return err_set(err, RV_REFUSED, _("%s, line %d: db needs a path"),
			    path, lineno);
		free(c->db);
		c->db = strdup(value);
		return RV_OK;
	}
	if (strcmp(key, "colours") == 0 || strcmp(key, "colors") == 0) {
		if (strcmp(value, "yes") == 0 || strcmp(value, "auto") == 0)
			c->colours = 1;
		else if (strcmp(value, "no") == 0)
			c->colours = 0;
		else
			return err_set(err, RV_REFUSED,
			    _("%s, line %d: colours is yes or no"), path, lineno);
		return RV_OK;
	}
	if (strcmp(key, "excel") == 0) {
		if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
			return err_set(err, RV_REFUSED, _("%s, line %d: excel is yes or no"),
			    path, lineno);
		c->excel = strcmp(value, "yes") == 0;
		return RV_OK;
	}
	if (strcmp(key, "excel_separator") == 0) {
		if (strcmp(value, ",") != 0 && strcmp(value, ";") != 0)
			return err_set(err, RV_REFUSED,
			    _("%s, line %d: excel_separator is , or ;"), path, lineno);
		c->excel_sep = value[0];
		return RV_OK;
	}
	if (strcmp(key, "language") == 0) {
		if (strcmp(value, "vi") != 0 && strcmp(value, "en") != 0)
			return err_set(err, RV_REFUSED,
			    _("%s, line %d: language is vi or en"), path, lineno);
		snprintf(c->language, sizeof(c->language), "%s", value);
		return RV_OK;
	}
	if (strcmp(key, "login_brief") == 0) {
		if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
			return err_set(err, RV_REFUSED, _("%s, line %d: login_brief is yes or no"),
			    path, lineno);
		c->login_brief = strcmp(value, "yes") == 0;
		return RV_OK;
	}
	if (strcmp(key, "sendmail") == 0) {
		if (value[0] != '/')
			return err_set(err, RV_REFUSED,
			    _("%s, line %d: sendmail needs the mailer's full path"), path, lineno);
		free(c->sendmail);
		c->sendmail = strdup(value);
		return RV_OK;
	}
	if (strcmp(key, "mail_domain") == 0) {
		/* It goes into a mail header: letters, digits, dots and hyphens. */
		if (value[0] == '\0' || strlen(value) >= sizeof(c->mail_domain) ||
		    strspn(value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789.-") != strlen(value))
			return err_set(err, RV_REFUSED,
			    _("%s, line %d: mail_domain is a domain name (letters, digits, dots, hyphens)"),
			    path, lineno);
		snprintf(c->mail_domain, sizeof(c->mail_domain), "%s", value);
		return RV_OK;
	}
	if (strcmp(key, "holidays") == 0) {
		if (parse_holidays(c, value) != 0)
			return err_set(err, RV_REFUSED,
			    _("%s, line %d: holidays takes dates YYYY-MM-DD separated by commas"),
			    path, lineno);
		return RV_OK;
	}
	return err_set(err, RV_REFUSED,
	    _("%s, line %d: unknown setting; see roviec(1) for the settings"), path, lineno);
}

/* The whole file at path, NUL-terminated, into *text: a regular file of at
 * most FILE_MAX_BYTES, opened with the caller's rights when as_user. */
static enum rv_code
read_config(const char *path, int must_exist, int as_user, char **text,
    struct rv_err *err)
{
	int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
	int fd = as_user ? priv_open_user(path, flags, 0) : open(path, flags);
	struct stat sb;
	size_t got = 0;
	char *buf = NULL;
	enum rv_code rc = RV_OK;

	*text = NULL;
	if (fd < 0) {
		if (errno == ENOENT && !must_exist)
			return RV_OK;
		return err_set(err, RV_REFUSED, _("cannot read the configuration %s: %s"),
		    path, strerror(errno));
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		rc = err_set(err, RV_REFUSED,
		    _("the configuration %s is %s, not a file of settings; remove it or make it one"),
		    path, S_ISDIR(sb.st_mode) ? _("a directory") : _("a device or a pipe"));
		goto out;
	}
	if (sb.st_size > FILE_MAX_BYTES) {
		rc = err_set(err, RV_REFUSED,
		    _("the configuration %s is larger than %d KB; it holds a few settings"),
		    path, FILE_MAX_BYTES / 1024);
		goto out;
	}
	if ((buf = malloc((size_t)sb.st_size + 1)) == NULL) {
		rc = err_set(err, RV_STORAGE, _("out of memory"));
		goto out;
	}
	while (got < (size_t)sb.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)sb.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = err_set(err, RV_REFUSED, _("cannot read the configuration %s: %s"),
			    path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	if (memchr(buf, '\0', got) != NULL) {
		int lineno = 1;

		for (const char *p = buf; *p != '\0'; p++)
			lineno += *p == '\n';
		rc = err_set(err, RV_REFUSED, _("%s, line %d: the line holds a NUL byte"),
		    path, lineno);
		goto out;
	}
	*text = buf;
	buf = NULL;
out:
	free(buf);
	close(fd);
	return rc;
}

static enum rv_code
load_file(struct config *c, const char *path, int must_exist, enum scope scope,
    struct rv_err *err)
{
	char *text, *line, *next, *checked = NULL;
	int lineno = 0;
	enum rv_code rc;

	if ((rc = read_config(path, must_exist, scope != SCOPE_SYSTEM, &text, err)) != RV_OK ||
	    text == NULL)
		return rc;
	for (line = text; rc == RV_OK && *line != '\0'; line = next) {
		size_t len;
		char *s;

		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		len = strlen(line);
		if (len > LINE_MAX_BYTES) {
			rc = err_set(err, RV_REFUSED, _("%s, line %d: the line is too long"),
			    path, lineno);
			break;
		}
		/* The same checks as any outside text: UTF-8 (a NUL was
		 * refused as the file was read). */
		if (text_in(line, len, _("the line"), LINE_MAX_BYTES, &checked, err) != RV_OK) {
			char why[sizeof(err->msg)];

			snprintf(why, sizeof(why), "%s", err->msg);
			rc = err_set(err, RV_REFUSED, _("%s, line %d: %s"), path, lineno, why);
			break;
		}
		s = trim(checked);
		if (*s != '\0' && *s != '#')
			rc = config_line(c, s, path, lineno, scope, err);
		free(checked);
		checked = NULL;
	}
	free(text);
	return rc;
}

enum rv_code
config_load_file(struct config *c, const char *path, int must_exist,
    struct rv_err *err)
{
	return load_file(c, path, must_exist, SCOPE_SYSTEM, err);
}

enum rv_code
config_load(struct config *c, struct rv_err *err)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct passwd *pw;
	char path[PATH_MAX];
	enum rv_code rc;

	config_defaults(c);
	rc = load_file(c, SYSCONFDIR "/roviec.conf", 0, SCOPE_SYSTEM, err);
	if (rc != RV_OK)
		return rc;
	/* On a server the environment is not the person's to set: their own
	 * file is the one in their home as the password file has it. */
	if (priv_server()) {
		if ((pw = getpwuid(getuid())) == NULL || pw->pw_dir == NULL ||
		    pw->pw_dir[0] != '/')
			return RV_OK;
		snprintf(path, sizeof(path), "%s/.config/roviec/config", pw->pw_dir);
		return load_file(c, path, 0, SCOPE_USER_ON_SERVER, err);
	}
	if (xdg != NULL && xdg[0] == '/')
		snprintf(path, sizeof(path), "%s/roviec/config", xdg);
	else if (home != NULL && home[0] == '/')
		snprintf(path, sizeof(path), "%s/.config/roviec/config", home);
	else
		return RV_OK;
	return load_file(c, path, 0, SCOPE_USER, err);
}

enum rv_code
config_apply_zone(const struct config *c, struct rv_err *err)
{
	char tz[CONFIG_ZONE_MAX + 2];

	/* Where the default zone's file is missing (a server without tzdata),
	 * its rule: Vietnam keeps UTC+7 all year. */
	if (strcmp(c->timezone, CONFIG_DEFAULT_ZONE) == 0 && !zone_name_ok(c->timezone))
		snprintf(tz, sizeof(tz), "<+07>-7");
	else
		snprintf(tz, sizeof(tz), ":%s", c->timezone);
	if (setenv("TZ", tz, 1) != 0)
		return err_set(err, RV_STORAGE, _("out of memory"));
	tzset();
	return RV_OK;
}

char *
config_default_db(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	struct passwd *pw;
	char path[PATH_MAX];

	if (xdg != NULL && xdg[0] == '/') {
		snprintf(path, sizeof(path), "%s/roviec/roviec.db", xdg);
		return strdup(path);
	}
	if ((home == NULL || home[0] != '/') && (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	if (home == NULL || home[0] != '/')
		return NULL;
	snprintf(path, sizeof(path), "%s/.local/share/roviec/roviec.db", home);
	return strdup(path);
}

void
config_free(struct config *c)
{
	free(c->db);
	free(c->sendmail);
	free(c->holidays);
	memset(c, 0, sizeof(*c));
}
