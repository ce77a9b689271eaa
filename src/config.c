/* config: the configuration files (see config.h). */
#include "roviec/config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "roviec/i18n.h"
#include "roviec/text.h"

static void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	flags_default_rules(&c->rules);
	c->colours = 1;
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
    struct rv_err *err)
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

enum rv_code
config_load_file(struct config *c, const char *path, int must_exist,
    struct rv_err *err)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *checked = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0;
	enum rv_code rc = RV_OK;

	if (f == NULL) {
		if (errno == ENOENT && !must_exist)
			return RV_OK;
		return err_set(err, RV_REFUSED, _("cannot read the configuration %s: %s"),
		    path, strerror(errno));
	}
	while (rc == RV_OK && (len = getline(&line, &cap, f)) >= 0) {
		char *s;

		lineno++;
		if (len > 4096) {
			rc = err_set(err, RV_REFUSED, _("%s, line %d: the line is too long"),
			    path, lineno);
			break;
		}
		/* The same checks as any outside text: UTF-8, no NUL. */
		if (text_in(line, (size_t)len, _("the line"), 4096, &checked, err) != RV_OK) {
			char why[sizeof(err->msg)];

			snprintf(why, sizeof(why), "%s", err->msg);
			rc = err_set(err, RV_REFUSED, _("%s, line %d: %s"), path, lineno, why);
			break;
		}
		s = trim(checked);
		if (*s != '\0' && *s != '#')
			rc = config_line(c, s, path, lineno, err);
		free(checked);
		checked = NULL;
	}
	free(line);
	fclose(f);
	return rc;
}

enum rv_code
config_load(struct config *c, struct rv_err *err)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char path[PATH_MAX];
	enum rv_code rc;

	config_defaults(c);
	rc = config_load_file(c, SYSCONFDIR "/roviec.conf", 0, err);
	if (rc != RV_OK)
		return rc;
	if (xdg != NULL && xdg[0] == '/')
		snprintf(path, sizeof(path), "%s/roviec/config", xdg);
	else if (home != NULL && home[0] == '/')
		snprintf(path, sizeof(path), "%s/.config/roviec/config", home);
	else
		return RV_OK;
	return config_load_file(c, path, 0, err);
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
	free(c->holidays);
	memset(c, 0, sizeof(*c));
}
