/*
 * Unit tests of out's tables written to a file (not a terminal, so never
 * cut): headings and cells are made inert, and each column is as wide as
 * its widest cell, every cell written as text_fit writes it.
 */
#include "roviec/out.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "roviec/text.h"

#define NCOLS	4
#define NROWS	40
#define TABLES	200

/* What was written to the temporary file f, malloc'd; closes f. */
static char *
read_back(FILE *f)
{
	char *buf = NULL;
	long len;

	if ((len = ftell(f)) >= 0 && (buf = malloc((size_t)len + 1)) != NULL) {
		rewind(f);
		buf[fread(buf, 1, (size_t)len, f)] = '\0';
	}
	fclose(f);
	return buf;
}

/* What out_table_write wrote to a temporary file, malloc'd. */
static char *
written(struct out_table *t, enum out_format format)
{
	FILE *f = tmpfile();

	if (f == NULL)
		return NULL;
	out_table_write(t, f, format);
	return read_back(f);
}

static void
test_by_hand(void)
{
	static const char *const heads[] = { "ref", "ti\x1btle", "" };
	static const char *const row1[] = { "P1-1", "Ph\xc6\xb0\xe1\xbb\x9dng 1",
	    "x" };
	static const char *const row2[] = { "\xe4\xb8\xad", "a\x1b[2J\xc2\x9b",
	    NULL };
	struct out_table *t = out_table_new(3, heads, 1);
	char *r;

	if (!ok(t != NULL, "table made"))
		return;
	out_table_add(t, row1);
	out_table_add(t, row2);
	r = written(t, OUT_TABLE);
	is_str(r,
	    "ref  ti\xe2\x90\x9btle   \n"
	    "P1-1 Ph\xc6\xb0\xe1\xbb\x9dng 1 x\n"
	    "\xe4\xb8\xad   a\xe2\x90\x9b[2J\xef\xbf\xbd   \n",
	    "headings and cells made inert, padded to the widest");
	free(r);
	r = written(t, OUT_CSV);
	/* Whatever the database held: a file is printed on a terminal one
	 * day (issue 14). */
	is_str(r, "ref,ti\xe2\x90\x9btle,\r\nP1-1,Ph\xc6\xb0\xe1\xbb\x9dng 1,x\r\n"
	    "\xe4\xb8\xad,a\xe2\x90\x9b[2J\xef\xbf\xbd,\r\n", "CSV to a file: controls made inert too");
	free(r);
	out_table_free(t);
}

/* A small fixed generator, so that a failure can be run again. */
static unsigned rng = 7;

static unsigned
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* A random cell of the pieces below, into s. */
static void
random_cell(char *s, size_t cap)
{
	static const char *const pieces[] = {
		"a", "Xin ch\xc3\xa0o", "\xe1\xbb\x87", "Phu\xcc\x9bo\xcc\x9b\xcc\x80ng",
		"\xe4\xb8\xad\xe6\x96\x87", "\xf0\x9f\x91\x8d", "\xf0\x9f\x91\xa9"
		"\xe2\x80\x8d\xf0\x9f\x92\xbb", "\x1b[31m", "\t", "\xc2\x9b",
		"\xe2\x80\xae", "\xff", "\xcc\x81", " ", "12", "\xe1\x84\x80"
		"\xe1\x85\xa1",
	};
	size_t n = next_rand() % 6, len = 0, i;
	const char *p;

	s[0] = '\0';
	for (i = 0; i < n; i++) {
		p = pieces[next_rand() % (sizeof(pieces) / sizeof(pieces[0]))];
		if (len + strlen(p) + 1 > cap)
			break;
		memcpy(s + len, p, strlen(p) + 1);
		len += strlen(p);
	}
}

/* What a table of cells[r][c] must look like: each cell through text_fit
 * to its column's widest, all but the last padded, one space between. */
static char *
expected(char cells[][NCOLS][64], size_t nrows)
{
	size_t w[NCOLS] = { 0 }, len = 0, r, c, cap = 1;
	char *out, *fit;

	for (r = 0; r < nrows; r++)
		for (c = 0; c < NCOLS; c++) {
			size_t cw = text_width(cells[r][c]);

			if (cw > w[c])
				w[c] = cw;
		}
	for (c = 0; c < NCOLS; c++)
		cap += nrows * (w[c] + 1 + 3 * 64);
	if ((out = malloc(cap)) == NULL)
		return NULL;
	for (r = 0; r < nrows; r++)
		for (c = 0; c < NCOLS; c++) {
			if ((fit = text_fit(cells[r][c], w[c], c + 1 < NCOLS)) == NULL)
				continue;
			len += (size_t)snprintf(out + len, cap - len, "%s%s", fit,
			    c + 1 < NCOLS ? " " : "\n");
			free(fit);
		}
	return out;
}

static void
test_random(void)
{
	static char cells[NROWS + 1][NCOLS][64];
	const char *heads[NCOLS], *row[NCOLS];
	struct out_table *t;
	char *got, *want;
	size_t nrows, r, c;
	int n, bad = 0;

	for (n = 0; n < TABLES; n++) {
		nrows = next_rand() % NROWS;
		for (r = 0; r <= nrows; r++)
			for (c = 0; c < NCOLS; c++)
				random_cell(cells[r][c], sizeof(cells[r][c]));
		/* Headings are not in the catalogue: shown as given. */
		for (c = 0; c < NCOLS; c++)
			heads[c] = cells[0][c][0] != '\0' ? cells[0][c] : "h";
		if ((t = out_table_new(NCOLS, heads, 1)) == NULL)
			continue;
		for (c = 0; c < NCOLS; c++)
			if (cells[0][c][0] == '\0')
				strcpy(cells[0][c], "h");
		for (r = 1; r <= nrows; r++) {
			for (c = 0; c < NCOLS; c++)
				row[c] = cells[r][c];
			out_table_add(t, row);
		}
		got = written(t, OUT_TABLE);
		want = expected(cells, nrows + 1);
		if (got == NULL || want == NULL || strcmp(got, want) != 0) {
			if (bad++ == 0)
				printf("# table %d:\n#   got: %s\n#  want: %s\n", n,
				    got ? got : "(null)", want ? want : "(null)");
		}
		free(got);
		free(want);
		out_table_free(t);
	}
	ok(bad == 0, "%d random tables written as text_fit writes each cell "
	    "(%d differ)", TABLES, bad);
}

/* One CSV cell as out_csv_field writes it to a file, malloc'd. */
static char *
csv_cell(const char *s)
{
	FILE *f = tmpfile();

	if (f == NULL)
		return NULL;
	out_csv_field(f, s);
	return read_back(f);
}

/* A cell written as it stands (printable ASCII, nothing to quote) and
 * every other kind: quoted, made inert, each separator of each form. */
static void
test_csv_cells(void)
{
	static const struct {
		int excel;
		char sep;
		const char *in, *want, *name;
	} c[] = {
		{ 0, ',', "P1-0001; P2-0002 progress 1 0.04", "P1-0001; P2-0002 progress 1 0.04",
		  "printable ASCII as it stands" },
		{ 0, ',', "", "", "an empty cell" },
		{ 0, ',', "a,b", "\"a,b\"", "the separator quoted" },
		{ 1, ';', "a,b", "a,b", "a comma in the Excel form as it stands" },
		{ 1, ';', "a;b", "\"a;b\"", "the Excel form's separator quoted" },
		{ 0, ',', "say \"no\"", "\"say \"\"no\"\"\"", "a quote doubled" },
		{ 0, ',', "two\nlines", "\"two\nlines\"", "a line feed kept, quoted" },
		{ 0, ',', "a\x1b[2Jb", "a\xe2\x90\x9b[2Jb", "an escape made inert" },
		{ 0, ',', "del\x7f", "del\xe2\x90\xa1", "DEL made inert" },
		{ 0, ',', "Ph\xc6\xb0\xe1\xbb\x9dng", "Ph\xc6\xb0\xe1\xbb\x9dng",
		  "UTF-8 through the slow path, unchanged" },
		{ 0, ',', "bad\xff", "bad\xef\xbf\xbd", "invalid UTF-8 replaced" },
		{ 0, ',', "~ {|} !", "~ {|} !", "the ends of printable ASCII" },
	};

	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		char *got;

		out_csv_set(c[i].excel, c[i].sep);
		got = csv_cell(c[i].in);
		is_str(got, c[i].want, c[i].name);
		free(got);
	}
	out_csv_set(0, ',');
}

int
main(void)
{
	test_by_hand();
	test_random();
	test_csv_cells();
	return done_testing();
}
