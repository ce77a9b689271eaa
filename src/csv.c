/* csv: an RFC 4180 reader (see csv.h). */
#include "roviec/csv.h"

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
			if (r->p < r->end && *r->p != ',' && *r->p != '\r' && *r->p != '\n')
				return fail(r, N_("text after the closing quote of a field (write \"\" for a quote inside quotes)"),
				    r->line);
		} else {
			/* A quote inside an unquoted field is kept as it is. */
			while (r->p < r->end && *r->p != ',' && *r->p != '\r' &&
			    *r->p != '\n')
				if (put(r, *r->p++) != 0)
					return fail(r, N_("out of memory"), start);
		}
		if (put(r, '\0') != 0)
			return fail(r, N_("out of memory"), start);
		if (r->p < r->end && *r->p == ',') {
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
