/*
 * out: writing results for people and scripts: aligned tables measured in
 * display columns (cut to the terminal's width with "…" when writing to a
 * terminal), RFC 4180 CSV, and JSON made safe for terminals.  Every cell is
 * made inert (text_sanitize) before it reaches a terminal.
 */
#ifndef ROVIEC_OUT_H
#define ROVIEC_OUT_H

#include <stddef.h>
#include <stdio.h>

/* OUT_TSV and OUT_MD are the aligned table's cells for pasting into Word
 * or Excel: tab-separated, or a Markdown table. */
enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON, OUT_TEXT, OUT_TSV, OUT_MD };

/* Parses "table", "csv", "json", "text", "tsv", "md"; -1 if unknown. */
int out_format_parse(const char *s, enum out_format *out);

/* 1 when f is a terminal. */
int out_is_tty(FILE *f);

/* The width to fit tables to: the terminal's columns when f is a terminal
 * (COLUMNS, else the window size, else 80), 0 (no limit) otherwise. */
size_t out_width(FILE *f);

struct out_table;

/* A table with ncols columns; flex is the column that gives up width first
 * when the table is wider than the terminal (usually the title). */
struct out_table *out_table_new(size_t ncols, const char *const *headers,
    size_t flex);
/* The column col, when the table is cut to the terminal, is wrapped onto
 * lines below at spaces instead of cut (never narrower than its longest
 * word): the flags, each of which must be read whole. */
void out_table_wrap(struct out_table *t, size_t col);
/* Adds a row of ncols cells (copied; NULL is an empty cell); 0 or -1. */
int out_table_add(struct out_table *t, const char *const *cells);
/* Writes the table to f: as aligned columns, as CSV with a header (whose
 * headings are the names of columns.h, in the form out_csv_set chose), or
 * for pasting (OUT_TSV, OUT_MD). */
void out_table_write(struct out_table *t, FILE *f, enum out_format format);
void out_table_free(struct out_table *t);

/* One CSV field, quoted when needed, made inert (its line feeds and tabs
 * kept, but on a terminal). */
void out_csv_field(FILE *f, const char *s);

/*
 * The form of every CSV written from here on: plain (RFC 4180: commas, CR
 * LF, the headings are the columns' names, values as stored), or when
 * excel is nonzero the Excel form: a UTF-8 byte order mark, sep (',' or
 * ';') between cells, CR LF, headings for people in the language of the
 * messages, and cells as columns.h's kinds say (days DD/MM/YYYY, ...).
 */
void out_csv_set(int excel, char sep);
int out_csv_excel(void);
char out_csv_sep(void);

/* The byte order mark (in the Excel form) and the heading row of the
 * columns named names[0..n) (columns.h's names for programs). */
void out_csv_head(FILE *f, size_t n, const char *const *names);
/* One row of n cells (NULL is empty) under the columns named names. */
void out_csv_row(FILE *f, size_t n, const char *const *names,
    const char *const *cells);

/* Writes text for people to f, always sanitised: a file written today is
 * printed on a terminal tomorrow. */
void out_text(FILE *f, const char *s);

/* out_text for a message of several lines: each line inert, the line
 * feeds (and tabs) between them kept. */
void out_lines(FILE *f, const char *s);

/* Writes JSON text to f with every control character inside its strings
 * (C0, DEL, C1, bidi controls) escaped, and none outside them. */
void out_json(FILE *f, const char *json);

#endif
