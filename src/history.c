/* history: the history as people read it (see history.h). */
#include "roviec/history.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/dates.h"
#include "roviec/i18n.h"
#include "roviec/model.h"

/* The words the history stores, shown translated.  "created" is also a
 * field's label, so each word has the context "history". */
static const char *const history_words[] = {
	NC_("history", "accepted"), NC_("history", "assigned"),
	NC_("history", "cancelled"), NC_("history", "confirmed"),
	NC_("history", "created"), NC_("history", "escalate"),
	NC_("history", "extension-approved"), NC_("history", "extension-asked"),
	NC_("history", "extension-refused"), NC_("history", "extension-withdrawn"),
	NC_("history", "handoff-withdrawn"), NC_("history", "head-set"),
	NC_("history", "part-delivered"), NC_("history", "person-added"),
	NC_("history", "person-changed"), NC_("history", "progress"),
	NC_("history", "redirected"), NC_("history", "rejected"),
	NC_("history", "reopened"), NC_("history", "return"),
	NC_("history", "submitted"), NC_("history", "support-ended"),
	NC_("history", "transfer"), NC_("history", "unit-added"),
	/* Issue 14: a head removed; what the upgrade to schema 5 recorded. */
	NC_("history", "head-removed"), NC_("history", "baseline"),
	NC_("history", "proposed"), NC_("history", "first administrator"),
	/* The evaluation (issue #13): a duty's field edited, and the general
	 * criteria a head enters. */
	NC_("history", "edited"), NC_("history", "evaluation-set"),
	NC_("history", "coefficient"),
	/* issue #11: corrections, undo, series; the fields corrected. */
	NC_("history", "undone"),
	NC_("history", "series-started"), NC_("history", "series-stopped"),
	NC_("history", "title"), NC_("history", "result"), NC_("history", "basis"),
	NC_("history", "support"),
	/* The reasons roviec itself records (duty.c, org.c). */
	NC_("history", "joins the unit as its head"),
	NC_("history", "the supporting unit became the lead unit"),
	NC_("history", "the duty moved to another unit"),
	NC_("history", "the duty was submitted as done"),
	NC_("history", "the assigner redirected the duty"),
	NC_("history", "the assigner cancelled the duty"),
	NC_("history", "the owner has left the unit; the head takes the reopened duty"),
	/* Issue #12: a unit changed; a person who left. */
	NC_("history", "unit-changed"), NC_("history", "person-left")
};

const char *
history_word_shown(const char *word)
{
	const char *t = i18n_ctx_find(history_words,
	    sizeof(history_words) / sizeof(history_words[0]), word);

	return t != NULL ? t : word != NULL ? word : "";
}

int
history_series_rule(const char *detail, long long *series, enum series_every *every,
    int *day)
{
	char what[16], d[8];
	char *end;
	long v;

	if (detail == NULL ||
	    sscanf(detail, "series %lld every %15s day %7s", series, what, d) != 3 ||
	    model_every_parse(what, every) != 0)
		return -1;
	if (strcmp(d, "last") == 0) {
		*day = 0;
		return 0;
	}
	v = strtol(d, &end, 10);
	if (*end != '\0' || v < 1 || v > 31)
		return -1;
	*day = (int)v;
	return 0;
}

/* issue #11: "series N every E day D|last", "series N period P",
 * "series N" as people read them. */
static const char *
series_shown(const char *detail, char *buf, size_t size)
{
	static const char *const every[] = {
		N_("every month"), N_("every quarter"), N_("every year")
	};
	char day[16], period[16] = "";
	long long n = 0;
	enum series_every e;
	int d;

	if (history_series_rule(detail, &n, &e, &d) == 0) {
		snprintf(day, sizeof(day), "%d", d);
		if (d == 0)
			snprintf(buf, size, e == EVERY_MONTH ?
			    _("series %lld, %s, due on the month's last day") :
			    _("series %lld, %s, due on the period's last day"), n, _(every[e]));
		else
			snprintf(buf, size, e == EVERY_MONTH ?
			    _("series %lld, %s, due on day %s of the month") :
			    _("series %lld, %s, due on day %s of the period's last month"),
			    n, _(every[e]), day);
	} else if (sscanf(detail, "series %lld period %15s", &n, period) == 2) {
		snprintf(buf, size, _("series %lld, period %s"), n, period);
	} else if (sscanf(detail, "series %lld", &n) == 1) {
		snprintf(buf, size, _("series %lld"), n);
	} else {
		snprintf(buf, size, "%s", detail);
	}
	return buf;
}

/* --- the detail of an "edited" entry ------------------------------------ */

/* Appends s as a JSON string: quotes and backslashes escaped, and every
 * control character as \u00XX. */
static void
json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

char *
history_edit_detail(const char *field, const char *from, const char *to)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	if (f == NULL)
		return NULL;
	fputs("{\"field\":", f);
	json_string(f, field);
	fputs(",\"from\":", f);
	json_string(f, from != NULL ? from : "");
	fputs(",\"to\":", f);
	json_string(f, to != NULL ? to : "");
	fputc('}', f);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Reads the JSON string at *p (as json_string writes it) into out (cut to
 * size); *p moves past it.  0, or -1 when *p holds no such string. */
static int
json_read(const char **p, char *out, size_t size)
{
	const char *s = *p;
	size_t n = 0;

	if (*s++ != '"')
		return -1;
	for (; *s != '"'; s++) {
		char c = *s;

		if (c == '\0')
			return -1;
		if (c == '\\') {
			c = *++s;
			if (c == 'u') {
				unsigned v = 0;

				for (int i = 0; i < 4; i++) {
					char h = *++s;

					if (h >= '0' && h <= '9')
						v = v * 16 + (unsigned)(h - '0');
					else if (h >= 'a' && h <= 'f')
						v = v * 16 + (unsigned)(h - 'a' + 10);
					else
						return -1;
				}
				c = (char)v;
			} else if (c != '"' && c != '\\') {
				return -1;
			}
		}
		if (n + 1 < size)
			out[n++] = c;
	}
	out[n] = '\0';
	*p = s + 1;
	return 0;
}

int
history_edit_parse(const char *detail, char *field, size_t fsize, char *from,
    size_t from_size, char *to, size_t to_size)
{
	const char *p = detail;

	if (p == NULL || strncmp(p, "{\"field\":", 9) != 0)
		return -1;
	p += 9;
	if (json_read(&p, field, fsize) != 0 || strncmp(p, ",\"from\":", 8) != 0)
		return -1;
	p += 8;
	if (json_read(&p, from, from_size) != 0 || strncmp(p, ",\"to\":", 6) != 0)
		return -1;
	p += 6;
	if (json_read(&p, to, to_size) != 0 || strcmp(p, "}") != 0)
		return -1;
	return 0;
}

/* {"field":F,"from":A,"to":B} as "F: A → B", in buf. */
static const char *
edit_shown(const char *detail, char *buf, size_t size)
{
	char field[64], from[2048], to[2048];

	if (history_edit_parse(detail, field, sizeof(field), from, sizeof(from), to,
	    sizeof(to)) != 0)
		return NULL;
	/* A coefficient is a number: with a decimal comma in Vietnamese. */
	if (strcmp(field, "coefficient") == 0) {
		i18n_decimal(from);
		i18n_decimal(to);
	}
	snprintf(buf, size, "%s: %s → %s", history_word_shown(field),
	    from[0] != '\0' ? from : _("(none)"), to[0] != '\0' ? to : _("(none)"));
	return buf;
}

int
history_evaluation_parse(const char *detail, char period[8], char general[24],
    char cohesion[8])
{
	cohesion[0] = '\0';
	return detail != NULL && sscanf(detail,
	    "period %7[0-9Q-]; general %23[0-9.]; cohesion %7[0-9]",
	    period, general, cohesion) >= 2 ? 0 : -1;
}

/* "period P; general G[; cohesion C]" (an evaluation-set entry) in the
 * language of the messages. */
static const char *
evaluation_shown(const char *detail, char *buf, size_t size)
{
	char period[8], general[24], cohesion[8];

	if (history_evaluation_parse(detail, period, general, cohesion) != 0)
		return NULL;
	i18n_decimal(general);
	if (cohesion[0] != '\0')
		/* TRANSLATORS: the general criteria a head entered for a period
		 * (Decree 335/2025), and the share for cohesion. */
		snprintf(buf, size, _("period %s; general criteria %s; cohesion %s%%"),
		    period, general, cohesion);
	else
		snprintf(buf, size, _("period %s; general criteria %s"), period, general);
	return buf;
}

/* "deadline DAY[; original DAY]" at the start of a detail: the rest after
 * it, with the days in day and orig (orig "" when not given); NULL when
 * the detail does not start so. */
static const char *
deadline_rest(const char *detail, char day[11], char orig[11])
{
	static const char original[] = "; original ";
	const char *rest;

	if (detail == NULL || strncmp(detail, "deadline ", 9) != 0 || strlen(detail) < 19)
		return NULL;
	snprintf(day, 11, "%.10s", detail + 9);
	rest = detail + 19;
	orig[0] = '\0';
	if (strncmp(rest, original, sizeof(original) - 1) == 0 &&
	    strlen(rest) >= sizeof(original) - 1 + 10) {
		snprintf(orig, 11, "%.10s", rest + sizeof(original) - 1);
		rest += sizeof(original) - 1 + 10;
	}
	return rest;
}

/* "; coefficient C" at rest: C in c (cut to size), and how long the whole
 * is; 0 when rest does not start so. */
static size_t
coefficient_at(const char *rest, char *c, size_t size)
{
	static const char coef[] = "; coefficient ";
	size_t len;

	if (strncmp(rest, coef, sizeof(coef) - 1) != 0)
		return 0;
	len = strcspn(rest + sizeof(coef) - 1, ";");
	snprintf(c, size, "%.*s", (int)(len < size ? len : size - 1), rest + sizeof(coef) - 1);
	return sizeof(coef) - 1 + len;
}

int
history_created_coefficient(const char *detail, char *c, size_t size)
{
	char day[11], orig[11];
	const char *rest = deadline_rest(detail, day, orig);

	if (rest == NULL)
		return -1;
	return coefficient_at(rest, c, size) > 0;
}

int
history_created_series(const char *detail, long long *series, char period[8])
{
	char day[11], orig[11], c[24], p[8];
	const char *rest = deadline_rest(detail, day, orig);
	int n = 0;

	if (rest == NULL)
		return -1;
	rest += coefficient_at(rest, c, sizeof(c));
	if (strncmp(rest, "; series ", 9) != 0)
		return 0;
	if (sscanf(rest, "; series %lld period %7[0-9Q-]%n", series, p, &n) != 2 ||
	    (rest[n] != '\0' && rest[n] != ';'))
		return -1;
	memcpy(period, p, sizeof(p));
	return 1;
}

/* A detail is a history word, a day, an edit (a JSON object), a head's
 * evaluation ("period ..."), or "deadline DAY" followed by the original
 * deadline ("; original DAY"), a coefficient other than 1 ("; coefficient
 * C"), its series ("; series N period P") and where the duty came from
 * ("; imported from FILE line N"). */
const char *
history_detail_shown(const char *detail, char *buf, size_t size)
{
	static const char from[] = "; imported from ";
	char day[11], o[11], c[24];
	const char *rest, *line, *shown;
	size_t n, len;

	if (detail == NULL)
		return "";
	if (strlen(detail) == 10 && detail[4] == '-' && detail[7] == '-')
		return dates_shown(detail, buf);
	if (strncmp(detail, "series ", 7) == 0)
		return series_shown(detail, buf, size);
	if (detail[0] == '{' && (shown = edit_shown(detail, buf, size)) != NULL)
		return shown;
	if (strncmp(detail, "period ", 7) == 0 &&
	    (shown = evaluation_shown(detail, buf, size)) != NULL)
		return shown;
	if ((rest = deadline_rest(detail, day, o)) == NULL || size < 11)
		return history_word_shown(detail);
	n = (size_t)snprintf(buf, size, _("deadline %s"), dates_shown(day, (char[11]){ 0 }));
	if (o[0] != '\0' && n < size)
		n += (size_t)snprintf(buf + n, size - n, _(", originally %s"),
		    dates_shown(o, (char[11]){ 0 }));
	if ((len = coefficient_at(rest, c, sizeof(c))) > 0) {
		if (n < size)
			n += (size_t)snprintf(buf + n, size - n, _("; coefficient %s"), i18n_decimal(c));
		rest += len;
	}
	if (n >= size)
		return buf;
	/* "; series N period P" (issue #11). */
	if (strncmp(rest, "; series ", 9) == 0 && size - n > 4) {
		buf[n++] = ';';
		buf[n++] = ' ';
		series_shown(rest + 2, buf + n, size - n);
		return buf;
	}
	/* "; imported from FILE line N": the file name is the user's. */
	line = strrchr(rest, ' ');
	if (strncmp(rest, from, sizeof(from) - 1) == 0 && line != NULL &&
	    line - rest > (ptrdiff_t)sizeof(from) - 1 + 5 && strncmp(line - 5, " line", 5) == 0)
		snprintf(buf + n, size - n, _("; imported from %.*s line %s"),
		    (int)(line - 5 - (rest + sizeof(from) - 1)), rest + sizeof(from) - 1, line + 1);
	else
		snprintf(buf + n, size - n, "%s", rest);
	return buf;
}
