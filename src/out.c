/* out: tables, CSV and JSON for people and scripts (see out.h). */
#include "roviec/out.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "roviec/columns.h"
#include "roviec/dates.h"
#include "roviec/i18n.h"
#include "roviec/pool.h"
#include "roviec/text.h"

/* How CSV is written (out_csv_set): plain, or in the Excel form. */
static struct {
	int excel;
	char sep;
} csv_form = { 0, ',' };

struct out_table {
	size_t ncols, flex;
	size_t wrap;		/* the column wrapped, not cut; ncols: none */
	char **headers;
	char **raw;		/* nrows * ncols, as given, kept in the pool
				 * cells; made inert when written as a table */
	size_t nrows, cap;
	struct pool cells;	/* the rows' cells' bytes, block after block */
};

int
out_format_parse(const char *s, enum out_format *out)
{
	static const char *const names[] = { "table", "csv", "json", "text", "tsv", "md" };

	for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum out_format)i;
			return 0;
		}
	return -1;
}

/* Asked once per standard stream: CSV asks it of every field, and each
 * isatty is a system call (an export of a million duties made 22 million). */
int
out_is_tty(FILE *f)
{
	static signed char known[3] = { -1, -1, -1 };
	int fd = fileno(f);

	if (fd < 0 || fd > 2)
		return isatty(fd);
	if (known[fd] < 0)
		known[fd] = (signed char)(isatty(fd) != 0);
	return known[fd];
}

size_t
out_width(FILE *f)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");
	long n;

	if (!out_is_tty(f))
		return 0;
	if (cols != NULL && (n = strtol(cols, NULL, 10)) >= 20 && n <= 1000)
		return (size_t)n;
	if (ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

static char *
dup_or_empty(const char *s)
{
	return strdup(s != NULL ? s : "");
}

struct out_table *
out_table_new(size_t ncols, const char *const *headers, size_t flex)
{
	struct out_table *t = calloc(1, sizeof(*t));

	if (t == NULL || (t->headers = calloc(ncols, sizeof(char *))) == NULL) {
		free(t);
		return NULL;
	}
	t->ncols = ncols;
	t->flex = flex;
	t->wrap = ncols;
	for (size_t i = 0; i < ncols; i++)
		t->headers[i] = dup_or_empty(headers[i]);
	return t;
}

void
out_table_wrap(struct out_table *t, size_t col)
{
	if (col < t->ncols)
		t->wrap = col;
}

int
out_table_add(struct out_table *t, const char *const *cells)
{
	size_t base;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 64;
		char **r = realloc(t->raw, cap * t->ncols * sizeof(char *));

		if (r == NULL)
			return -1;
		t->raw = r;
		t->cap = cap;
	}
	base = t->nrows * t->ncols;
	for (size_t i = 0; i < t->ncols; i++)
		if ((t->raw[base + i] = pool_dup(&t->cells, cells[i])) == NULL)
			return -1;
	t->nrows++;
	return 0;
}

/* Takes up to `want` columns from w[i], leaving at least `floor`. */
static size_t
narrow(size_t *w, size_t i, size_t want, size_t floor)
{
	size_t can = w[i] > floor ? w[i] - floor : 0;
	size_t take = want < can ? want : can;

	w[i] -= take;
	return take;
}

/*
 * Fits the columns into limit (with one space between them).  The flexible
 * column (the title) gives up width first but keeps FLEX_KEEP columns; then
 * the widest other columns, down to OTHER_KEEP; then the title again.
 */
#define FLEX_KEEP 20
#define OTHER_KEEP 6
static void
fit_widths(size_t *w, size_t n, size_t flex, size_t limit, size_t wrap,
    size_t wrap_keep)
{
	size_t total = n > 0 ? n - 1 : 0, over;

	for (size_t i = 0; i < n; i++)
		total += w[i];
	if (limit == 0 || total <= limit)
		return;
	over = total - limit;
	over -= narrow(w, flex, over, FLEX_KEEP);
	while (over > 0) {
		size_t widest = flex == 0 ? 1 : 0;

		for (size_t i = 0; i < n; i++)
			if (i != flex && w[i] > w[widest])
				widest = i;
		if (widest >= n || w[widest] <= OTHER_KEEP)
			break;
		/* The wrapped column keeps its longest word whole. */
		if (widest == wrap && w[widest] <= wrap_keep) {
			size_t next = n;

			for (size_t i = 0; i < n; i++)
				if (i != flex && i != wrap && w[i] > OTHER_KEEP &&
				    (next == n || w[i] > w[next]))
					next = i;
			if (next == n)
				break;
			widest = next;
		}
		over -= narrow(w, widest, 1, widest == wrap ? wrap_keep : OTHER_KEEP);
	}
	over -= narrow(w, flex, over, 4);
}

/*
 * Where a table's lines are set before they go out: a block of bytes
 * handed to fwrite whole when full and at the end, not a call to stdio
 * for every cell and every run of padding (a list of the city's 45,000
 * overdue duties is 8.9 MB of cells and spaces).
 */
struct sink {
	FILE *f;
	size_t len;
	char b[32768];
};

static void
sink_init(struct sink *k, FILE *f)
{
	k->f = f;
	k->len = 0;
}

static void
sink_flush(struct sink *k)
{
	if (k->len > 0)
		fwrite(k->b, 1, k->len, k->f);
	k->len = 0;
}

static void
sink_put(struct sink *k, const char *s, size_t n)
{
	if (n > sizeof(k->b) - k->len) {
		sink_flush(k);
		if (n > sizeof(k->b)) {
			fwrite(s, 1, n, k->f);
			return;
		}
	}
	memcpy(k->b + k->len, s, n);
	k->len += n;
}

static void
sink_puts(struct sink *k, const char *s)
{
	sink_put(k, s, strlen(s));
}

static void
sink_spaces(struct sink *k, size_t n)
{
	while (n > 0) {
		size_t chunk;

		if (k->len == sizeof(k->b))
			sink_flush(k);
		chunk = sizeof(k->b) - k->len < n ? sizeof(k->b) - k->len : n;
		memset(k->b + k->len, ' ', chunk);
		k->len += chunk;
		n -= chunk;
	}
}

/*
 * Sets one row of inert cells, each of cw[i] columns, in columns w[i]
 * wide, padding all but the last.  A cell that fits is set as it stands:
 * text_fit would give the same, and measure it again.
 */
static void
write_row(struct sink *k, char *const *cells, const size_t *cw, const size_t *w,
    size_t n, size_t wrap)
{
	char **more = NULL;
	size_t nmore = 0;

	for (size_t i = 0; i < n; i++) {
		const char *cell = cells[i] != NULL ? cells[i] : "";
		int pad = i + 1 < n;

		/* The wrapped column goes on below, under itself, word by
		 * word: a flag is never cut. */
		if (i == wrap && cw[i] > w[i] &&
		    (more = text_wrap(cell, w[i], &nmore)) != NULL && nmore > 0) {
			sink_puts(k, more[0]);
			if (pad)
				sink_spaces(k, w[i] - text_width(more[0]) + 1);
			continue;
		}
		if (cw[i] <= w[i]) {
			sink_puts(k, cell);
			if (pad)	/* to the column's width, and the space after */
				sink_spaces(k, w[i] - cw[i] + 1);
		} else {
			char *cut = text_fit(cell, w[i], pad);

			sink_puts(k, cut != NULL ? cut : "");
			free(cut);
			if (pad)
				sink_put(k, " ", 1);
		}
	}
	sink_put(k, "\n", 1);
	for (size_t j = 1; j < nmore; j++) {
		size_t at = 0;

		for (size_t i = 0; i < wrap; i++)
			at += w[i] + 1;
		sink_spaces(k, at);
		sink_puts(k, more[j]);
		sink_put(k, "\n", 1);
	}
	text_wrap_free(more, nmore);
}

/*
 * When the table is wider than limit, a heading wider than the cells of its
 * column is set on two lines, split at the space that leaves the wider
 * half narrowest ("on-time" over "rate"): Vietnamese headings are long.
 * cells[0..n) and cw are the headings; the second lines go to second and
 * cw2.  Returns whether any was split.
 */
static int
split_headings(char **cells, size_t *cw, size_t *w, size_t n, size_t nrows,
    size_t limit, char **second, size_t *cw2)
{
	size_t total = n > 0 ? n - 1 : 0;
	int split = 0;

	for (size_t i = 0; i < n; i++)
		total += w[i];
	if (limit == 0 || total <= limit)
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t dw = 0, best = cw[i], at = 0;

		for (size_t r = 1; r <= nrows; r++)
			if (cw[r * n + i] > dw)
				dw = cw[r * n + i];
		if (cells[i] == NULL || cw[i] <= dw)
			continue;
		for (char *sp = strchr(cells[i], ' '); sp != NULL; sp = strchr(sp + 1, ' ')) {
			size_t lw, rw;

			*sp = '\0';
			lw = text_width(cells[i]);
			*sp = ' ';
			rw = text_width(sp + 1);
			if ((lw > rw ? lw : rw) < best) {
				best = lw > rw ? lw : rw;
				at = (size_t)(sp - cells[i]);
			}
		}
		if (at == 0 || (best > dw ? best : dw) >= cw[i] ||
		    (second[i] = strdup(cells[i] + at + 1)) == NULL)
			continue;
		cells[i][at] = '\0';
		cw[i] = text_width(cells[i]);
		cw2[i] = text_width(second[i]);
		w[i] = best > dw ? best : dw;
		split = 1;
	}
	return split;
}

/* --- for pasting into Word or Excel (issue #12) -------------------------- */

/* A cell for pasting: inert, on one line, without the tab that separates
 * cells nor (in Markdown) a bare '|'.  Malloc'd; NULL when out of memory. */
static char *
paste_cell(const char *s, enum out_format format)
{
	char *flat = strdup(s != NULL ? s : ""), *safe, *out, *q;

	if (flat == NULL)
		return NULL;
	for (char *p = flat; *p != '\0'; p++)
		if (*p == '\t' || *p == '\r' || *p == '\n')
			*p = ' ';
	safe = text_sanitize(flat);
	free(flat);
	if (safe == NULL || format != OUT_MD)
		return safe;
	if ((out = malloc(2 * strlen(safe) + 1)) != NULL) {
		q = out;
		for (const char *p = safe; *p != '\0'; p++) {
			if (*p == '|' || *p == '\\')
				*q++ = '\\';
			*q++ = *p;
		}
		*q = '\0';
	}
	free(safe);
	return out;
}

/* A cell that reads as a number ("12", "92,5%", "-"): right-aligned in
 * Markdown. */
static int
numeric_cell(const char *s)
{
	if (s[0] == '\0' || strcmp(s, "-") == 0)
		return 1;
	for (; *s != '\0'; s++)
		if (!((*s >= '0' && *s <= '9') || *s == '.' || *s == ',' || *s == '%'))
			return 0;
	return 1;
}

/* The table as tab-separated lines (Excel and Word's "Convert Text to
 * Table" take them as cells), or as a Markdown table; headings translated
 * as in the aligned table. */
static void
write_for_pasting(struct out_table *t, FILE *f, enum out_format format)
{
	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t i = 0; i < t->ncols; i++) {
			const char *v = r == 0 ? (t->headers[i][0] != '\0' ? _(t->headers[i]) : "") :
			    t->raw[(r - 1) * t->ncols + i];
			/* A cell of simple letters alone (no tab, no line: they
			 * are not printable) is written as it stands, unless
			 * Markdown would take a '|' or '\\' in it. */
			int as_is = v != NULL && text_simple_width(v) != SIZE_MAX &&
			    (format != OUT_MD || strpbrk(v, "|\\") == NULL);
			char *cell = as_is ? NULL : paste_cell(v, format);

			if (format == OUT_MD)
				fputs(i == 0 ? "| " : " | ", f);
			else if (i > 0)
				fputc('\t', f);
			fputs(as_is ? v : cell != NULL ? cell : "", f);
			free(cell);
		}
		fputs(format == OUT_MD ? " |\n" : "\n", f);
		if (r == 0 && format == OUT_MD) {
			for (size_t i = 0; i < t->ncols; i++) {
				int right = t->nrows > 0;

				for (size_t k = 0; k < t->nrows && right; k++)
					right = numeric_cell(t->raw[k * t->ncols + i]);
				fputs(right ? "|---:" : "|---", f);
			}
			fputs("|\n", f);
		}
	}
}

/* The width of the longest word of the wrapped column (rows only). */
static size_t
wrap_keep(const struct out_table *t, char *const *cells)
{
	size_t keep = 0;

	if (t->wrap >= t->ncols)
		return 0;
	for (size_t r = 1; r <= t->nrows; r++) {
		const char *cell = cells[r * t->ncols + t->wrap];
		char *copy = cell != NULL ? strdup(cell) : NULL, *save = NULL;

		for (char *word = copy != NULL ? strtok_r(copy, " ", &save) : NULL;
		    word != NULL; word = strtok_r(NULL, " ", &save))
			if (text_width(word) > keep)
				keep = text_width(word);
		free(copy);
	}
	return keep;
}

void
out_table_write(struct out_table *t, FILE *f, enum out_format format)
{
	/* The headings are row 0 here, the rows given 1 to nrows. */
	size_t ncells = (t->nrows + 1) * t->ncols, *w, *cw, *cw2 = NULL, limit;
	char **cells, **second = NULL;
	unsigned char *made;	/* whether cells[k] is a copy, to free */
	struct sink sk;
	int two = 0;

	if (format == OUT_CSV) {
		out_csv_head(f, t->ncols, (const char *const *)t->headers);
		for (size_t r = 0; r < t->nrows; r++)
			out_csv_row(f, t->ncols, (const char *const *)t->headers,
			    (const char *const *)t->raw + r * t->ncols);
		return;
	}
	if (format == OUT_TSV || format == OUT_MD) {
		write_for_pasting(t, f, format);
		return;
	}
	w = calloc(t->ncols + 1, sizeof(*w));
	cells = calloc(ncells + 1, sizeof(*cells));
	cw = calloc(ncells + 1, sizeof(*cw));
	made = calloc(ncells + 1, 1);
	if (w == NULL || cells == NULL || cw == NULL || made == NULL)
		goto out;
	/* Headings are for people in a table (translated), for programs in
	 * CSV (as given). */
	for (size_t i = 0; i < t->ncols; i++) {
		char *h = t->headers[i][0] != '\0' ? strdup(_(t->headers[i])) : NULL;

		if (h != NULL) {
			free(t->headers[i]);
			t->headers[i] = h;
		}
	}
	/* Each cell is made inert and measured once, here; a row's cell of
	 * simple letters alone is inert as it stands, and is not copied (the
	 * headings are: split_headings cuts them). */
	for (size_t k = 0; k < ncells; k++) {
		const char *v = k < t->ncols ? t->headers[k] : t->raw[k - t->ncols];

		if (v == NULL)
			v = "";
		if (k >= t->ncols && (cw[k] = text_simple_width(v)) != SIZE_MAX)
			cells[k] = (char *)v;	/* as text_fast.t checks */
		else if ((cells[k] = text_sanitize(v)) != NULL) {
			made[k] = 1;
			cw[k] = text_width(cells[k]);
		} else
			cw[k] = 0;
		if (cw[k] > w[k % t->ncols])
			w[k % t->ncols] = cw[k];
	}
	limit = out_width(f);
	if ((second = calloc(t->ncols, sizeof(*second))) != NULL &&
	    (cw2 = calloc(t->ncols, sizeof(*cw2))) != NULL)
		two = split_headings(cells, cw, w, t->ncols, t->nrows, limit, second, cw2);
	/* On a terminal only: with no width to fit, wrap_keep's word widths
	 * would be asked of every row for nothing. */
	fit_widths(w, t->ncols, t->flex, limit, t->wrap, limit > 0 ? wrap_keep(t, cells) : 0);
	sink_init(&sk, f);
	write_row(&sk, cells, cw, w, t->ncols, t->ncols);
	if (two)
		write_row(&sk, second, cw2, w, t->ncols, t->ncols);
	for (size_t r = 1; r <= t->nrows; r++)
		write_row(&sk, cells + r * t->ncols, cw + r * t->ncols, w,
		    t->ncols, t->wrap);
	sink_flush(&sk);
out:
	if (cells != NULL && made != NULL)
		for (size_t k = 0; k < ncells; k++)
			if (made[k])
				free(cells[k]);
	free(made);
	if (second != NULL)
		for (size_t i = 0; i < t->ncols; i++)
			free(second[i]);
	free(second);
	free(cw2);
	free(cells);
	free(cw);
	free(w);
}

void
out_table_free(struct out_table *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->ncols; i++)
		free(t->headers[i]);
	pool_free(&t->cells);
	free(t->headers);
	free(t->raw);
	free(t);
}

/* The length of a cell that is written as it stands: printable ASCII, no
 * quote and no separator (what text_sanitize leaves unchanged and CSV
 * does not quote); -1 for any other.  A byte at a time from a table of the
 * bytes that may stand, made again when the separator changes: a city's
 * evaluation is 19 MB of cells. */
static long
csv_plain_len(const char *s)
{
	static unsigned char stands[256];
	static char made_for;
	const unsigned char *p = (const unsigned char *)s;

	if (made_for != csv_form.sep) {
		for (int c = 0; c < 256; c++)
			stands[c] = c >= 0x20 && c <= 0x7E && c != '"' && c != csv_form.sep;
		made_for = csv_form.sep;
	}
	while (stands[*p])
		p++;
	return *p == '\0' ? (long)(p - (const unsigned char *)s) : -1;
}

/* A field of CSV (RFC 4180) into k, inert. */
static void
csv_field(struct sink *k, const char *s)
{
	char *safe;
	long plain;

	if (s == NULL)
		s = "";
	/* Most cells (codes, days, numbers, a city's lists of refs) need
	 * nothing done: no copy made for them. */
	if ((plain = csv_plain_len(s)) >= 0) {
		sink_put(k, s, (size_t)plain);
		return;
	}
	/* Whatever reads the file later may print it on a terminal: no
	 * control character is written raw, but a cell's lines and tabs
	 * stay (on a terminal, they too are shown inert). */
	safe = out_is_tty(k->f) ? text_sanitize(s) : text_sanitize_lines(s);
	s = safe != NULL ? safe : "";
	if (strpbrk(s, "\"\r\n") == NULL && strchr(s, csv_form.sep) == NULL) {
		sink_puts(k, s);
	} else {
		const char *q;

		sink_put(k, "\"", 1);
		/* Each quote doubled: written up to it, and again. */
		for (; (q = strchr(s, '"')) != NULL; s = q + 1) {
			sink_put(k, s, (size_t)(q - s) + 1);
			sink_put(k, "\"", 1);
		}
		sink_puts(k, s);
		sink_put(k, "\"", 1);
	}
	free(safe);
}

void
out_csv_field(FILE *f, const char *s)
{
	struct sink k;

	sink_init(&k, f);
	csv_field(&k, s);
	sink_flush(&k);
}

void
out_text(FILE *f, const char *s)
{
	char *safe;

	if (s == NULL)
		return;
	safe = text_sanitize(s);
	fputs(safe != NULL ? safe : "", f);
	free(safe);
}

void
out_lines(FILE *f, const char *s)
{
	char *safe;

	if (s == NULL)
		return;
	safe = text_sanitize_lines(s);
	fputs(safe != NULL ? safe : "", f);
	free(safe);
}

void
out_json(FILE *f, const char *json)
{
	char *safe = text_json_safe(json);

	fputs(safe != NULL ? safe : "", f);
	free(safe);
}

/* --- CSV, plain and in the Excel form (issue #12) ------------------------ */

void
out_csv_set(int excel, char sep)
{
	assert(sep == ',' || sep == ';');
	csv_form.excel = excel;
	csv_form.sep = excel ? sep : ',';
}

int
out_csv_excel(void)
{
	return csv_form.excel;
}

char
out_csv_sep(void)
{
	return csv_form.sep;
}

/* The days of "P2:2026-11-20:login; P3:2026-11-21" as DD/MM/YYYY, into
 * out (of size at least 2 * strlen(s) + 1: a day keeps its length). */
static void
excel_deliveries(const char *s, char *out)
{
	while (*s != '\0') {
		day_t d;
		char iso[11];

		if (s[0] == ':' && strlen(s + 1) >= 10) {
			memcpy(iso, s + 1, 10);
			iso[10] = '\0';
			if ((s[11] == '\0' || s[11] == ':' || s[11] == ';') &&
			    dates_from_iso(iso, &d) == 0) {
				*out++ = ':';
				dates_vn(d, out);
				out += 10;
				s += 11;
				continue;
			}
		}
		*out++ = *s++;
	}
	*out = '\0';
}

/*
 * A cell of column name as the Excel form writes it, into buf (size at
 * least 2 * strlen(cell) + DATES_LOCAL_SIZE): days as DD/MM/YYYY, moments
 * in local time with their offset, decimals with a comma where ';'
 * separates, and text that Excel would take for a formula (= + - @ first)
 * behind an apostrophe, which import takes off again.
 */
static const char *
excel_cell(const char *name, const char *cell, char *buf)
{
	const struct column *c = column_by_name(name);
	day_t d;

	if (c == NULL || cell == NULL || cell[0] == '\0')
		return cell;
	switch (c->kind) {
	case COLUMN_DAY:
		if (dates_from_iso(cell, &d) != 0)
			return cell;
		dates_vn(d, buf);
		return buf;
	case COLUMN_MOMENT:
		return dates_moment_local(cell, buf);
	case COLUMN_DECIMAL:
		if (csv_form.sep != ';' || strchr(cell, '.') == NULL)
			return cell;
		strcpy(buf, cell);
		*strchr(buf, '.') = ',';
		return buf;
	case COLUMN_DELIVERED:
		excel_deliveries(cell, buf);
		return buf;
	case COLUMN_NUMBER:
		return cell;
	case COLUMN_TEXT:
		if (strchr("=+-@", cell[0]) == NULL)
			return cell;
		buf[0] = '\'';
		strcpy(buf + 1, cell);
		return buf;
	}
	return cell;
}

void
out_csv_head(FILE *f, size_t n, const char *const *names)
{
	struct sink k;

	sink_init(&k, f);
	if (csv_form.excel)
		sink_puts(&k, "\xef\xbb\xbf");
	for (size_t i = 0; i < n; i++) {
		const struct column *c = csv_form.excel ? column_by_name(names[i]) : NULL;

		csv_field(&k, c != NULL ? column_heading(c) : names[i]);
		if (i + 1 < n)
			sink_put(&k, &csv_form.sep, 1);
	}
	sink_put(&k, "\r\n", 2);
	sink_flush(&k);
}

/* A row set whole, then handed to stdio at once: not a call to it for
 * every field and separator (64,000 rows of 28 for a city's year). */
void
out_csv_row(FILE *f, size_t n, const char *const *names, const char *const *cells)
{
	struct sink k;

	sink_init(&k, f);
	for (size_t i = 0; i < n; i++) {
		const char *v = cells[i] != NULL ? cells[i] : "";
		char *buf = NULL;

		if (csv_form.excel && v[0] != '\0' &&
		    (buf = malloc(2 * strlen(v) + DATES_LOCAL_SIZE)) != NULL)
			v = excel_cell(names[i], v, buf);
		csv_field(&k, v);
		free(buf);
		if (i + 1 < n)
			sink_put(&k, &csv_form.sep, 1);
	}
	sink_put(&k, "\r\n", 2);
	sink_flush(&k);
}
