/*
 * exchange: duties in and out of roviec as files.  Import reads a CSV file
 * prepared in a spreadsheet (or written by export) and records every row by
 * the rules of duty_import, all rows or none; export writes every duty as
 * CSV (the columns import reads) or as JSON (with supporters and history).
 */
#ifndef ROVIEC_EXCHANGE_H
#define ROVIEC_EXCHANGE_H

#include <stdio.h>

#include "roviec/err.h"
#include "roviec/session.h"

/*
 * Imports the duties of the CSV file at path, in one transaction.  Every
 * bad row is checked and reported, not only the first: *problems is then a
 * malloc'd text of lines "PATH:LINE: what is wrong" (NULL when there are
 * none), nothing is imported, and RV_REFUSED is returned with err saying how
 * many rows were wrong.  A file that cannot be read, or whose header lacks
 * a required column, is RV_REFUSED with err alone.  On RV_OK *imported is
 * the number of duties recorded.
 */
enum rv_code exchange_import(struct session *s, const char *path,
    long *imported, char **problems, struct rv_err *err);

/* Writes every duty to out, as CSV (json == 0) or as one JSON array, read
 * in one snapshot and streamed one duty at a time. */
enum rv_code exchange_export(struct session *s, int json, FILE *out,
    struct rv_err *err);

#endif
