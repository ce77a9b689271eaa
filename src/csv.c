/* csv: an RFC 4180 reader (see csv.h). */
#include "roviec/csv.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/i18n.h"

struct csv_reader {
	const char *p, *end;
	long line;		/* the physical line at p */
	char *buf;		/* the current record's field bytes, NUL-separated */
	size_t size, cap;
	size_t *starts;		/* offset of each field in buf */
	struct csv_field *fields;
	size_t nfields, fcap;
	const char *error;
	long error_line;
	char sep;		/* between fields: ',' unless csv_set_separator */
};

struct csv_reader *
csv_open(const char *buf, size_t len)
{
	struct csv_reader *r = calloc(1, sizeof(*r));

	if (r == NULL)
		return NULL;
	r->p = buf;
	r->end = buf + len;
	r->line = 1;
	r->sep = ',';
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		r->p += 3;
	return r;
}

void
csv_close(struct csv_reader *r)
{
	if (r == NULL)
		return;
	free(r->buf);
	free(r->starts);
	free(r->fields);
	free(r);
}

const char *
csv_error(const struct csv_reader *r)
{
	return r->error != NULL ? r->error : "";
}

long
csv_error_line(const struct csv_reader *r)
{
	return r->error_line;
}

static int
put(struct csv_reader *r, char c)
{
	if (r->size == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 256;
		char *b = realloc(r->buf, cap);

		if (b == NULL)
			return -1;
		r->buf = b;
		r->cap = cap;
	}
	r->buf[r->size++] = c;
	return 0;
}

/* Starts a new field at the current end of buf. */
static int
new_field(struct csv_reader *r)
{
	if (r->nfields == r->fcap) {
		size_t cap = r->fcap ? 2 * r->fcap : 16;
		size_t *s = realloc(r->starts, cap * sizeof(*s));

		if (s == NULL)
			return -1;
		r->starts = s;
		r->fcap = cap;
	}
	r->starts[r->nfields++] = r->size;
	return 0;
}

/* At a line end: consumes it (CRLF, LF or CR) and returns 1; else 0. */
static int
line_end(struct csv_reader *r)
{
	if (r->p < r->end && *r->p == '\r') {
		r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
		r->line++;
		return 1;
	}
	if (r->p < r->end && *r->p == '\n') {
		r->p++;
		r->line++;
		return 1;
	}
	return 0;
}

static int
fail(struct csv_reader *r, const char *what, long line)
{
	r->error = what;
	r->error_line = line;
	/* Skip to the next line end so that the caller may go on. */
	while (r->p < r->end && !line_end(r))
		r->p++;
	return -1;
}

int
csv_next(struct csv_reader *r, struct csv_record *rec)
{
	long start = r->line;

	r->error = NULL;
	if (r->p >= r->end)
		return 0;
	r->size = 0;
	r->nfields = 0;
	for (;;) {
		if (new_field(r) != 0)
			return fail(r, N_("out of memory"), start);
		if (r->p < r->end && *r->p == '"') {
			long opened = r->line;

			r->p++;
			for (;;) {
				if (r->p >= r->end)
					return fail(r, N_("a quoted field is never closed (a \" is missing)"),
					    opened);
				if (*r->p == '"') {
					if (r->p + 1 < r->end && r->p[1] == '"') {
						if (put(r, '"') != 0)
							return fail(r, N_("out of memory"), start);
						r->p += 2;
						continue;
					}
					r->p++;
					break;
				}
				if (*r->p == '\n' || (*r->p == '\r' &&
				    (r->p + 1 >= r->end || r->p[1] != '\n')))
					r->line++;
				if (put(r, *r->p++) != 0)
					return fail(r, N_("out of memory"), start);
			}
			if (r->p < r->end && *r->p != r->sep && *r->p != '\r' && *r->p != '\n')
				return fail(r, N_("text after the closing quote of a field (write \"\" for a quote inside quotes)"),
				    r->line);
		} else {
			/* A quote inside an unquoted field is kept as it is. */
			while (r->p < r->end && *r->p != r->sep && *r->p != '\r' &&
			    *r->p != '\n')
				if (put(r, *r->p++) != 0)
					return fail(r, N_("out of memory"), start);
		}
		if (put(r, '\0') != 0)
			return fail(r, N_("out of memory"), start);
		if (r->p < r->end && *r->p == r->sep) {
			r->p++;
			continue;
		}
		line_end(r);
		break;
	}
	if (r->nfields > 0) {
		struct csv_field *f = realloc(r->fields, r->fcap * sizeof(*f));

		if (f == NULL)
			return fail(r, N_("out of memory"), start);
		r->fields = f;
	}
	for (size_t i = 0; i < r->nfields; i++) {
		size_t next = i + 1 < r->nfields ? r->starts[i + 1] : r->size;

		r->fields[i].s = r->buf + r->starts[i];
		r->fields[i].len = next - r->starts[i] - 1;
	}
	rec->line = start;
	rec->n = r->nfields;
	rec->fields = r->fields;
	return 1;
}

void
csv_set_separator(struct csv_reader *r, char sep)
{
	assert(sep == ',' || sep == ';' || sep == '\t');
	r->sep = sep;
}

/* --- what the bytes are (issue #12) ------------------------------------- */

/* The length of the valid UTF-8 sequence at p (at most n bytes), or 0 when
 * there is none (a stray continuation, an overlong form, a surrogate, past
 * U+10FFFF, cut short). */
static size_t
utf8_seq(const unsigned char *p, size_t n)
{
	size_t len;
	unsigned long c;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2, c = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, c = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, c = p[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return len;
}

/* A byte that TCVN3 (TCVN 5712:1993 VN3, the ABC fonts) uses for a
 * Vietnamese letter: the lower-case letters, and Ă Â Ê Ô Ơ Ư Đ. */
static int
tcvn3_letter(unsigned char b)
{
	return (b >= 0xa1 && b <= 0xae) || (b >= 0xb5 && b <= 0xb9) ||
	    (b >= 0xbb && b <= 0xbe) || (b >= 0xc6 && b <= 0xcc) ||
	    (b >= 0xce && b <= 0xd8) || (b >= 0xdc && b <= 0xdf) ||
	    (b >= 0xe1 && b <= 0xef) || (b >= 0xf1 && b <= 0xfe);
}

/* A byte that Windows-1258 uses for a letter, a tone mark, or the
 * punctuation Word puts in text (curly quotes, dashes, the ellipsis). */
static int
cp1258_text(unsigned char b)
{
	return (b >= 0xc0 && b != 0xd7 && b != 0xf7) || b == 0x85 ||
	    (b >= 0x91 && b <= 0x97) || b == 0xa0 || b == 0xab || b == 0xb0 || b == 0xbb;
}

/* The physical line of buf[at], counting line ends as csv_next does. */
static long
line_of(const char *buf, size_t at)
{
	long line = 1;

	for (size_t i = 0; i < at; i++)
		if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= at || buf[i + 1] != '\n')))
			line++;
	return line;
}

void
csv_sniff(const char *buf, size_t len, struct csv_sniff *out)
{
	static const struct { const char *magic; size_t n; const char *name; } formats[] = {
		{ "PK\003\004", 4, N_("an Excel workbook (.xlsx) or another zip file") },
		{ "\320\317\021\340", 4, N_("an old Excel workbook (.xls)") },
		{ "%PDF", 4, N_("a PDF document") },
		{ "{\\rtf", 5, N_("a Word document (RTF)") },
	};
	const unsigned char *p = (const unsigned char *)buf;
	size_t valid = 0, bad = 0, mid = 0, high = 0, controls = 0, first_bad = 0;
	int tcvn3 = 1, cp1258 = 1;

	memset(out, 0, sizeof(*out));
	out->kind = CSV_TEXT;
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (len >= formats[i].n && memcmp(buf, formats[i].magic, formats[i].n) == 0) {
			out->kind = CSV_BINARY;
			out->name = formats[i].name;
			out->line = 1;
			return;
		}
	if (len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff) ||
	    (len >= 4 && p[1] == 0 && p[3] == 0 && p[0] != 0) ||
	    (len >= 4 && p[0] == 0 && p[2] == 0 && p[1] != 0))) {
		out->kind = CSV_UTF16;
		out->line = 1;
		return;
	}
	for (size_t i = 0; i < len;) {
		size_t n = utf8_seq(p + i, len - i);

		if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			controls++;
		if (n > 1 && i > 0 && p[i] == 0xef && p[i + 1] == 0xbb && p[i + 2] == 0xbf &&
		    out->kind == CSV_TEXT) {
			out->kind = CSV_STRAY_BOM;
			out->line = line_of(buf, i);
		}
		if (n > 1)
			valid++;
		if (n == 0) {
			if (bad++ == 0)
				first_bad = i;
			tcvn3 &= tcvn3_letter(p[i]);
			cp1258 &= cp1258_text(p[i]);
			mid += p[i] >= 0xa1 && p[i] <= 0xbf;
			high++;
			n = 1;
		}
		i += n;
	}
	/* Text has few controls; a file of them is something else. */
	if (controls > 8 && controls * 20 > len) {
		out->kind = CSV_BINARY;
		out->name = N_("not a text file");
		out->line = 1;
		return;
	}
	if (out->kind == CSV_STRAY_BOM)
		return;
	/* Mostly bytes that are not UTF-8, each a letter of one of the two
	 * 8-bit Vietnamese encodings: a whole file in it.  A few bad bytes
	 * among good UTF-8 are cells that csv_next's caller reports. */
	if (bad >= 3 && bad > valid && (tcvn3 || cp1258)) {
		out->kind = CSV_LEGACY;
		/* Vietnamese in TCVN3 is mostly its letters à ả ã á ạ ă â ê ô ơ ư
		 * đ (0xA1-0xBF), which Windows-1258 keeps for symbols. */
		out->name = tcvn3 && (!cp1258 || mid * 5 >= high) ? "TCVN3 (ABC)" : "Windows-1258";
		out->line = line_of(buf, first_bad);
		out->byte = p[first_bad];
	}
}
