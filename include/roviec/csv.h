/*
 * csv: an RFC 4180 reader over a buffer in memory.  It knows nothing of
 * what the cells mean.  Records end at LF, CRLF or a lone CR; a field in
 * double quotes may hold commas, doubled quotes and line ends; a UTF-8
 * byte order mark at the start is skipped.  Each record carries the
 * physical line on which it starts, for messages.
 */
#ifndef ROVIEC_CSV_H
#define ROVIEC_CSV_H

#include <stddef.h>

struct csv_field {
	const char *s;		/* NUL-terminated; may also hold NUL bytes */
	size_t len;		/* bytes, without the terminating NUL */
};

struct csv_record {
	long line;		/* 1-based physical line where the record starts */
	size_t n;		/* number of fields, at least 1 */
	const struct csv_field *fields;	/* valid until the next csv_next */
};

struct csv_reader;

/* A reader over buf[0..len); buf must outlive it.  NULL when out of memory. */
struct csv_reader *csv_open(const char *buf, size_t len);
void csv_close(struct csv_reader *r);

/*
 * The next record into *rec: 1 when there is one, 0 at the end of the
 * buffer, -1 on malformed input (a quote left open at the end, text after
 * a closing quote) or when out of memory; csv_error then says what and
 * csv_error_line where.  After -1 the reader has skipped to the next line,
 * so that a caller may go on to find further errors.
 */
int csv_next(struct csv_reader *r, struct csv_record *rec);
const char *csv_error(const struct csv_reader *r);
long csv_error_line(const struct csv_reader *r);

#endif
