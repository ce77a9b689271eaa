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

/* What csv_sniff says of bytes: the kind, the name, the line. */
static void
sniff_is(const char *name, const char *buf, size_t len, enum csv_kind kind,
    const char *what, long line)
{
	struct csv_sniff sn;

	csv_sniff(buf, len, &sn);
	ok(sn.kind == kind, "%s: kind %d (got %d)", name, (int)kind, (int)sn.kind);
	if (what != NULL)
		ok(sn.name != NULL && strcmp(sn.name, what) == 0, "%s: named '%s' (got '%s')",
		    name, what, sn.name ? sn.name : "(none)");
	if (kind != CSV_TEXT)
		ok(sn.line == line, "%s: on line %ld (got %ld)", name, line, sn.line);
}

static void
sniffs(void)
{
	/* "giải quyết đơn thư tại phường" in TCVN3 and in Windows-1258
	 * (iconv -t TCVN5712-1, -t CP1258), after an ASCII header. */
	static const char tcvn3[] = "t,l\n"
	    "gi\xb6i quy\xd5t \xae\xacn th\xad t\xb9i ph\xad\xeang,P1\n";
	static const char cp1258[] = "t,l\n"
	    "gia\xd2i quy\xea\xect \xf0\xf5n th\xfd ta\xf2i ph\xfd\xf5\xccng,P1\n";
	static const char utf8[] = "\xef\xbb\xbft,l\r\nPh\xc6\xb0\xe1\xbb\x9dng 1,P1\r\n";
	static const char one_bad[] = "t,l\nPh\xc6\xb0\xe1\xbb\x9dng,\xc6\xb0\xfd\xf5\n";
	static const char joined[] = "\xef\xbb\xbft,l\r\na,b\r\n\xef\xbb\xbft,l\r\n";
	static const char utf16[] = "\xff\xfet\0,\0l\0";
	static const char utf16be[] = "\0t\0,\0l\0\n";
	char noise[2048];

	sniff_is("UTF-8 with a BOM", utf8, sizeof(utf8) - 1, CSV_TEXT, NULL, 0);
	sniff_is("TCVN3", tcvn3, sizeof(tcvn3) - 1, CSV_LEGACY, "TCVN3 (ABC)", 2);
	sniff_is("Windows-1258", cp1258, sizeof(cp1258) - 1, CSV_LEGACY, "Windows-1258", 2);
	sniff_is("a few bad bytes among UTF-8", one_bad, sizeof(one_bad) - 1, CSV_TEXT, NULL, 0);
	sniff_is("overlong UTF-8 alone", "t\nPh\xc0\xafong\n", 11, CSV_TEXT, NULL, 0);
	sniff_is("two bad bytes", "t\nPh\xe1\xbb\n", 7, CSV_TEXT, NULL, 0);
	sniff_is("a BOM in the middle", joined, sizeof(joined) - 1, CSV_STRAY_BOM, NULL, 3);
	sniff_is("a BOM after a lone CR", "a\rb\r\xef\xbb\xbf" "c", 7, CSV_STRAY_BOM, NULL, 3);
	sniff_is("UTF-16 with its mark", utf16, sizeof(utf16) - 1, CSV_UTF16, NULL, 1);
	sniff_is("UTF-16 big-endian, no mark", utf16be, sizeof(utf16be) - 1, CSV_UTF16, NULL, 1);
	sniff_is("an xlsx", "PK\003\004\024\000", 6, CSV_BINARY,
	    "an Excel workbook (.xlsx) or another zip file", 1);
	sniff_is("an xls", "\320\317\021\340\241\261", 6, CSV_BINARY, "an old Excel workbook (.xls)", 1);
	sniff_is("a PDF", "%PDF-1.4\n", 9, CSV_BINARY, "a PDF document", 1);
	for (size_t i = 0; i < sizeof(noise); i++)
		noise[i] = (char)((i * 7919 + 13) % 251);
	sniff_is("bytes that are not text", noise, sizeof(noise), CSV_BINARY, "not a text file", 1);
	sniff_is("an empty file", "", 0, CSV_TEXT, NULL, 0);
	sniff_is("one NUL in a cell", "t,l\nPh\0ng,P1\n", 13, CSV_TEXT, NULL, 0);
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

	/* Another separator (issue #12): ';' and a tab, a ';' inside quotes. */
	r = csv_open("a;\"b;c\";d\r\n1;2;3\r\n", 19);
	csv_set_separator(r, ';');
	ok(csv_next(r, &rec) == 1 && rec.n == 3 && strcmp(rec.fields[1].s, "b;c") == 0,
	    "';' separates, and a quoted ';' stays in its field");
	ok(csv_next(r, &rec) == 1 && rec.n == 3 && strcmp(rec.fields[2].s, "3") == 0,
	    "the next row too");
	csv_close(r);
	r = csv_open("a,b\tc\n", 6);
	csv_set_separator(r, '\t');
	ok(csv_next(r, &rec) == 1 && rec.n == 2 && strcmp(rec.fields[0].s, "a,b") == 0,
	    "a tab separates, and then a comma is text");
	csv_close(r);

	sniffs();
	return done_testing();
}
