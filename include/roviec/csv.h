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

/* The separator between fields, ',' by default: ';' (a spreadsheet's
 * where ';' is the list separator) or a tab.  Before the first csv_next. */
void csv_set_separator(struct csv_reader *r, char sep);

/*
 * What a file's bytes are, before they are read as CSV (issue #12):
 * CSV_TEXT is UTF-8 text (a few bad bytes among it are cells to report);
 * the others are refused whole, with name (an N_ phrase, or an encoding's
 * name) and the physical line to show.
 */
enum csv_kind {
	CSV_TEXT,
	CSV_UTF16,		/* UTF-16, as Excel's "Unicode Text" */
	CSV_LEGACY,		/* name: "Windows-1258" or "TCVN3 (ABC)" */
	CSV_BINARY,		/* name: the kind of file, when known */
	CSV_STRAY_BOM		/* a byte order mark after the start: files joined */
};
struct csv_sniff {
	enum csv_kind kind;
	const char *name;
	long line;
	unsigned char byte;	/* CSV_LEGACY: the first byte that is not UTF-8 */
};
void csv_sniff(const char *buf, size_t len, struct csv_sniff *out);

#endif
