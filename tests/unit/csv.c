/*
 * Unit tests of csv: quoted fields with commas, quotes and line ends, CRLF,
 * the byte order mark, line numbers, and malformed input reported with the
 * line and then skipped.
 */
#include "roviec/csv.h"

#include <string.h>

#include "tap.h"

/* The record's fields joined with '|', into buf. */
static const char *
joined(const struct csv_record *rec, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < rec->n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? "|" : "",
		    rec->fields[i].s);
	return buf;
}

static void
one(const char *name, const char *in, const char *const *want, const long *lines)
{
	struct csv_reader *r = csv_open(in, strlen(in));
	struct csv_record rec;
	char buf[256];
	size_t i = 0;
	int got;

	while ((got = csv_next(r, &rec)) == 1 && want[i] != NULL) {
		is_str(joined(&rec, buf, sizeof(buf)), want[i], name);
		ok(rec.line == lines[i], "%s: record %zu starts on line %ld (got %ld)",
		    name, i + 1, lines[i], rec.line);
		i++;
	}
	ok(got == 0 && want[i] == NULL, "%s: %zu records, then the end", name, i);
	csv_close(r);
}

int
main(void)
{
	static const char *const simple[] = { "a|b|c", "1|2|3", NULL };
	static const long simple_l[] = { 1, 2 };
	static const char *const quoted[] = { "x,y|say \"hi\"|", "two\r\nlines|z", "last|", NULL };
	static const long quoted_l[] = { 1, 2, 4 };
	static const char *const blank[] = { "a", "", "b", NULL };
	static const long blank_l[] = { 1, 2, 3 };
	struct csv_reader *r;
	struct csv_record rec;
	const char *bad = "a,b\n\"open,c\nd,e\n";
	const char *after = "\"x\"y,z\nok,1\n";

	one("LF", "a,b,c\n1,2,3\n", simple, simple_l);
	one("CRLF", "a,b,c\r\n1,2,3\r\n", simple, simple_l);
	one("no final line end", "a,b,c\n1,2,3", simple, simple_l);
	one("BOM skipped", "\xef\xbb\xbf" "a,b,c\n1,2,3\n", simple, simple_l);
	one("quoted", "\"x,y\",\"say \"\"hi\"\"\",\n\"two\r\nlines\",z\nlast,\n",
	    quoted, quoted_l);
	one("blank line", "a\n\nb\n", blank, blank_l);

	r = csv_open("", 0);
	ok(csv_next(r, &rec) == 0, "an empty buffer has no record");
	csv_close(r);

	r = csv_open("a,\"\",b\n", 7);
	ok(csv_next(r, &rec) == 1 && rec.n == 3 && rec.fields[1].len == 0,
	    "an empty quoted field");
	csv_close(r);

	r = csv_open("a\"b,c\n", 6);
	ok(csv_next(r, &rec) == 1 && strcmp(rec.fields[0].s, "a\"b") == 0,
	    "a quote inside an unquoted field is kept");
	csv_close(r);

	r = csv_open("n\0ul,x\n", 7);
	ok(csv_next(r, &rec) == 1 && rec.fields[0].len == 4,
	    "a NUL byte stays inside its field, with the length telling");
	csv_close(r);

	r = csv_open(bad, strlen(bad));
	ok(csv_next(r, &rec) == 1, "the header of a file with an open quote");
	ok(csv_next(r, &rec) == -1 && csv_error_line(r) == 2 &&
	    strstr(csv_error(r), "never closed") != NULL,
	    "a quote left open is reported on its line (%ld: %s)", csv_error_line(r),
	    csv_error(r));
	ok(csv_next(r, &rec) == 0, "and the reader is at the end");
	csv_close(r);

	r = csv_open(after, strlen(after));
	ok(csv_next(r, &rec) == -1 && csv_error_line(r) == 1 &&
	    strstr(csv_error(r), "closing quote") != NULL,
	    "text after a closing quote is reported");
	ok(csv_next(r, &rec) == 1 && rec.line == 2 && strcmp(rec.fields[0].s, "ok") == 0,
	    "and the reader goes on at the next line");
	csv_close(r);
	return done_testing();
}
