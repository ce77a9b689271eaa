/* The fuzz targets' bodies (see targets.h). */
#include "targets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "roviec/cli.h"
#include "roviec/config.h"
#include "roviec/csv.h"
#include "roviec/dates.h"
#include "roviec/facts.h"
#include "roviec/text.h"

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "broken: %s (%s:%d)\n", \
	#cond, __FILE__, __LINE__); abort(); } } while (0)

static char *
as_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s != NULL) {
		memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}

/* Parsed dates print back as ISO and parse to the same day. */
void
fuzz_dates(const uint8_t *data, size_t size)
{
	char *s = as_string(data, size), iso[11], vn[11];
	struct rv_err err;
	day_t today = 20000, day, again;

	if (s == NULL)
		return;
	if (dates_parse(s, today, &day, &err) == RV_OK) {
		dates_iso(day, iso);
		CHECK(dates_from_iso(iso, &again) == 0 && again == day);
		dates_vn(day, vn);
		CHECK(dates_parse(vn, today, &again, &err) == RV_OK && again == day);
	} else
		CHECK(err.msg[0] != '\0');
	free(s);
}

static int
has_controls(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return 1;
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)	/* C1 */
			return 1;
		if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] >= 0xaa && p[2] <= 0xae))
			return 1;	/* bidi embeddings and overrides */
		if (p[0] == 0xe2 && p[1] == 0x81 && (p[2] >= 0xa6 && p[2] <= 0xa9))
			return 1;	/* bidi isolates */
	}
	return 0;
}

static int
same_or_null(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* text's fast path (see text.h) gives what the slow one gives. */
static void
text_both_ways(const char *raw, size_t cols, int pad)
{
	char *safe[2], *fit[2], *json[2];
	size_t width[2];

	for (int slow = 0; slow <= 1; slow++) {
		text_set_fast(!slow);
		width[slow] = text_width(raw);
		safe[slow] = text_sanitize(raw);
		fit[slow] = text_fit(raw, cols, pad);
		json[slow] = text_json_safe(raw);
	}
	text_set_fast(1);
	CHECK(width[0] == width[1]);
	CHECK(same_or_null(safe[0], safe[1]));
	CHECK(same_or_null(fit[0], fit[1]));
	CHECK(same_or_null(json[0], json[1]));
	for (int i = 0; i <= 1; i++) {
		free(safe[i]);
		free(fit[i]);
		free(json[i]);
	}
}

/* Text taken in is valid NFC (taken in again it is unchanged); sanitised
 * text holds no control; fitted text never exceeds its width; the fast
 * path and the slow one agree. */
void
fuzz_text(const uint8_t *data, size_t size)
{
	struct rv_err err;
	char *in = NULL, *again = NULL, *safe, *fit;
	size_t cols = size % 41;

	if (text_in((const char *)data, size, "the text", 4000, &in, &err) == RV_OK) {
		CHECK(in != NULL);
		CHECK(text_in_str(in, "the text", 4000, &again, &err) == RV_OK);
		CHECK(strcmp(in, again) == 0);
		free(again);
	} else
		CHECK(in == NULL && err.msg[0] != '\0');
	{
		char *raw = as_string(data, size);

		if (raw != NULL) {
			safe = text_sanitize(raw);
			CHECK(safe == NULL || !has_controls(safe));
			fit = text_fit(raw, cols, size % 2);
			CHECK(fit == NULL || text_width(fit) <= cols);
			CHECK(fit == NULL || !has_controls(fit));
			if (size % 2 && fit != NULL)
				CHECK(text_width(fit) == cols);
			free(fit);
			free(safe);
			text_both_ways(raw, cols, (int)(size % 2));
			free(text_fold(raw));
			free(raw);
		}
	}
	free(in);
}

/* Every record has at least one field, lines only go forward, and the
 * reader ends. */
void
fuzz_csv(const uint8_t *data, size_t size)
{
	struct csv_reader *r = csv_open((const char *)data, size);
	struct csv_record rec;
	long last = 0;
	int rc, records = 0;

	if (r == NULL)
		return;
	while ((rc = csv_next(r, &rec)) != 0 && records < 100000) {
		records++;
		if (rc < 0) {
			CHECK(csv_error(r) != NULL);
			continue;
		}
		CHECK(rec.n >= 1 && rec.line >= last && rec.line >= 1);
		last = rec.line;
		for (size_t i = 0; i < rec.n; i++)
			CHECK(rec.fields[i].s != NULL && rec.fields[i].s[rec.fields[i].len] == '\0');
	}
	CHECK(records < 100000 || size > 100000);
	csv_close(r);
	/* What the bytes are (issue #12): a kind, and a line within them. */
	{
		struct csv_sniff sn;

		csv_sniff((const char *)data, size, &sn);
		CHECK(sn.kind == CSV_TEXT || (sn.line >= 1 && (sn.kind == CSV_UTF16 ||
		    sn.kind == CSV_STRAY_BOM || sn.name != NULL)));
	}
	/* And read with ';' between fields, as a spreadsheet may write it. */
	if ((r = csv_open((const char *)data, size)) == NULL)
		return;
	csv_set_separator(r, ';');
	records = 0;
	while ((rc = csv_next(r, &rec)) != 0 && records++ < 100000)
		if (rc > 0)
			CHECK(rec.n >= 1 && rec.fields[rec.n - 1].s[rec.fields[rec.n - 1].len] == '\0');
	csv_close(r);
}

/* A configuration file: read, or refused naming its line. */
void
fuzz_config(const uint8_t *data, size_t size)
{
	static char path[64];
	struct config c;
	struct rv_err err;
	FILE *f;

	if (path[0] == '\0')
		snprintf(path, sizeof(path), "/tmp/roviec-fuzz-config.%ld", (long)getpid());
	if ((f = fopen(path, "wb")) == NULL)
		return;
	fwrite(data, 1, size, f);
	fclose(f);
	memset(&c, 0, sizeof(c));
	flags_default_rules(&c.rules);
	if (config_load_file(&c, path, 1, &err) != RV_OK)
		CHECK(strstr(err.msg, ", line ") != NULL || strstr(err.msg, path) != NULL);
	else
		for (size_t i = 1; i < c.nholidays; i++)
			CHECK(c.holidays[i - 1] <= c.holidays[i]);
	config_free(&c);
}

/* Words split at NUL or newline, as argv: parsed or refused, never more. */
void
fuzz_argv(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *argv[65];
	int argc = 1;
	struct rv_err err;
	enum rv_code rc;

	if (buf == NULL)
		return;
	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[0] = (char *)"roviec";
	for (char *p = buf, *end = buf + size; p <= end && argc < 64;) {
		char *w = p;

		while (p < end && *p != '\0' && *p != '\n')
			p++;
		*p = '\0';
		argv[argc++] = w;
		p++;
	}
	argv[argc] = NULL;
	memset(&err, 0, sizeof(err));
	rc = cli_parse(argc, argv, &err);
	CHECK(rc == RV_OK || rc == RV_USAGE || rc == RV_REFUSED);
	CHECK(rc == RV_OK || err.msg[0] != '\0');
	free(buf);
}

/* A history entry's facts as the database may hold them (written behind
 * roviec's back, too): parsed or refused, never more; and any text written
 * as facts reads back as it was. */
void
fuzz_facts(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	struct facts_doc *d;
	struct facts f;
	const struct facts_value *v;

	if (buf == NULL)
		return;
	memcpy(buf, data, size);
	buf[size] = '\0';
	if ((d = facts_parse(buf)) != NULL) {
		v = facts_get(d, "support");
		CHECK(v->type != FACT_LIST || v->nrows == 0 || v->rows != NULL);
		for (size_t i = 0; v->type == FACT_LIST && i < v->nrows; i++)
			for (size_t j = 0; j < v->rows[i].n; j++)
				CHECK(v->rows[i].items[j].type != FACT_LIST);
		v = facts_get(d, "title");
		CHECK(v->type != FACT_STR || v->s != NULL);
		facts_doc_free(d);
	}
	/* The input (up to its first NUL) as a value, and a key. */
	facts_init(&f);
	facts_str(&f, "t", buf);
	facts_list(&f, "support");
	facts_row(&f);
	facts_item_int(&f, (long long)size);
	facts_item_str(&f, buf);
	facts_row_end(&f);
	facts_list_end(&f);
	if (facts_text(&f) != NULL) {
		CHECK((d = facts_parse(facts_text(&f))) != NULL);
		CHECK(facts_get(d, "t")->type == FACT_STR && strcmp(facts_get(d, "t")->s, buf) == 0);
		v = facts_get(d, "support");
		CHECK(v->type == FACT_LIST && v->nrows == 1 && v->rows[0].n == 2 &&
		    v->rows[0].items[0].i == (long long)size &&
		    strcmp(v->rows[0].items[1].s, buf) == 0);
		facts_doc_free(d);
	}
	facts_free(&f);
	free(buf);
}

void (*fuzz_target(const char *name))(const uint8_t *, size_t)
{
	static const struct { const char *name; void (*fn)(const uint8_t *, size_t); } t[] = {
		{ "dates", fuzz_dates }, { "text", fuzz_text }, { "csv", fuzz_csv },
		{ "config", fuzz_config }, { "argv", fuzz_argv }, { "facts", fuzz_facts },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(name, t[i].name) == 0)
			return t[i].fn;
	return NULL;
}
