/* i18n: the language of messages (see i18n.h). */
#include "roviec/i18n.h"

#include <locale.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "roviec/priv.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static int vi;

/* The statuses, shown translated (stored and written for programs as is).
 * TRANSLATORS: a status fits the board's 9-column status column. */
static const char *const statuses[] = {
	N_("open"), N_("pending"), N_("submitted"), N_("done"), N_("cancelled")
};

static int
asks_vi(const char *v)
{
	return v != NULL && v[0] == 'v' && v[1] == 'i' &&
	    (v[2] == '\0' || v[2] == '_' || v[2] == '.' || v[2] == ':' || v[2] == '@');
}

/* The catalogue in the build tree when the program runs from it (make run,
 * the tests), else the one installed beside it, else LOCALEDIR.  On a
 * server (a setgid roviec) one beside it counts only when nobody but root
 * could have put it there: a catalogue is format strings, and a program
 * hard-linked into someone's folder would read theirs. */
static const char *
catalogue_dir(char *buf, size_t size)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct stat sb;
	char *slash;

	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(buf, size, "%s/build/locale/vi/LC_MESSAGES/roviec.mo", exe);
			if (stat(buf, &sb) == 0 && (!priv_server() || priv_trusted_path(buf))) {
				snprintf(buf, size, "%s/build/locale", exe);
				return buf;
			}
			/* Installed under any prefix: PREFIX/bin/roviec finds
			 * PREFIX/share/locale, whatever PREFIX the build had. */
			snprintf(buf, size, "%s/../share/locale/vi/LC_MESSAGES/roviec.mo", exe);
			if (stat(buf, &sb) == 0 && (!priv_server() || priv_trusted_path(buf))) {
				snprintf(buf, size, "%s/../share/locale", exe);
				return buf;
			}
		}
	}
	return LOCALEDIR;
}

/* gettext follows LANGUAGE unless LC_MESSAGES is plain "C"; C.UTF-8 is
 * always there, so the language does not need its locale generated. */
static void
apply(void)
{
	const char *m = setlocale(LC_MESSAGES, NULL);

	setenv("LANGUAGE", vi ? "vi" : "en", 1);
	/* gettext keeps what it found: naming the domain again tells it the
	 * language changed (roviec digest writes to each in their own). */
	textdomain("roviec");
	if (m == NULL || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
}

void
i18n_init(void)
{
	const char *lc_all = getenv("LC_ALL"), *lc_msg = getenv("LC_MESSAGES");
	const char *lang = getenv("LANG"), *language = getenv("LANGUAGE");
	char dir[4200];

	/* POSIX order: LC_ALL, then LC_MESSAGES, then LANG; GNU's LANGUAGE
	 * comes first when it is set. */
	if (language != NULL && language[0] != '\0')
		vi = asks_vi(language);
	else if (lc_all != NULL && lc_all[0] != '\0')
		vi = asks_vi(lc_all);
	else if (lc_msg != NULL && lc_msg[0] != '\0')
		vi = asks_vi(lc_msg);
	else
		vi = asks_vi(lang);
	bindtextdomain("roviec", catalogue_dir(dir, sizeof(dir)));
	bind_textdomain_codeset("roviec", "UTF-8");
	textdomain("roviec");
	apply();
}

int
i18n_set(const char *language)
{
	if (strcmp(language, "vi") == 0)
		vi = 1;
	else if (strcmp(language, "en") == 0)
		vi = 0;
	else
		return -1;
	apply();
	return 0;
}

int
i18n_vi(void)
{
	return vi;
}

/* The kinds of unit and the roles of people, as the tables show them. */
static const char *const words[] = {
	N_("city"), N_("ward"), N_("commune"), N_("department"), N_("party"),
	N_("admin"), N_("head"), N_("officer"), N_("inspector"), N_("yes")
};

const char *
i18n_shown(const char *const *table, size_t n, const char *word)
{
	for (size_t i = 0; i < n && word != NULL; i++)
		if (strcmp(word, table[i]) == 0)
			return _(table[i]);
	return word;
}

const char *
i18n_word(const char *word)
{
	return i18n_shown(words, sizeof(words) / sizeof(words[0]), word);
}

char *
i18n_decimal(char *s)
{
	char *point = vi ? strchr(s, '.') : NULL;

	if (point != NULL)
		*point = ',';
	return s;
}

/* Translated once for each language, as flags' words are (flags.c): a
 * long list shows a status on each of its rows, and gettext for each was
 * a twentieth of its time. */
const char *
i18n_status(const char *status)
{
	enum { N = sizeof(statuses) / sizeof(statuses[0]) };
	static const char *shown[N];
	static int lang = -1;

	if (lang != vi) {
		for (size_t i = 0; i < N; i++)
			shown[i] = _(statuses[i]);
		lang = vi;
	}
	for (size_t i = 0; i < N && status != NULL; i++)
		if (strcmp(status, statuses[i]) == 0)
			return shown[i];
	return status;
}

const char *
i18n_ctx(const char *key)
{
	const char *t = gettext(key), *eot = strchr(key, '\004');

	return t != key || eot == NULL ? t : eot + 1;
}

const char *
i18n_ctx_find(const char *const *keys, size_t n, const char *word)
{
	for (size_t i = 0; i < n && word != NULL; i++)
		if (strcmp(strchr(keys[i], '\004') + 1, word) == 0)
			return i18n_ctx(keys[i]);
	return NULL;
}
