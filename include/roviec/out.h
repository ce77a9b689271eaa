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

enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON, OUT_TEXT };

/* Parses "table", "csv", "json", "text"; -1 if unknown. */
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
/* Adds a row of ncols cells (copied; NULL is an empty cell); 0 or -1. */
int out_table_add(struct out_table *t, const char *const *cells);
/* Writes the table to f: as aligned columns, or as CSV with a header. */
void out_table_write(struct out_table *t, FILE *f, enum out_format format);
void out_table_free(struct out_table *t);

/* One CSV field, quoted when needed, made inert (its line feeds and tabs
 * kept, but on a terminal). */
void out_csv_field(FILE *f, const char *s);

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
