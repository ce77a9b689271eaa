/*
 * exchange: duties in and out of roviec as files, and the units and people
 * of a city set up from files.  Import reads a CSV file prepared in a
 * spreadsheet (or written by export, unit list or person list) and records
 * every row by the rules, all rows or none; export writes every duty as
 * CSV (the columns import reads) or as JSON (with supporters and history).
 */
#ifndef ROVIEC_EXCHANGE_H
#define ROVIEC_EXCHANGE_H

#include <stdio.h>

#include "roviec/err.h"
#include "roviec/session.h"

/* What a file imports. */
enum import_what { IMPORT_DUTIES, IMPORT_UNITS, IMPORT_PEOPLE };

struct import_result {
	long imported;		/* rows recorded (on RV_OK) */
	char *problems;		/* "PATH:LINE: what is wrong\n"...; NULL: none */
	long nologin;		/* people: logins with no account here */
	char *nologins;		/* "a, b": those logins; NULL: none */
	long nohead;		/* units: heads named not registered yet */
	char *noheads;		/* "P1: a, P2: b": left for person import */
};

/*
 * Imports the duties, units or people of the CSV file at path, in one
 * transaction, by the rules of duty_import, org_unit_add and
 * org_person_add (a unit may come before its parent in the file).  Every
 * bad row is checked and reported, not only the first: res->problems is
 * then the lines, nothing is imported, and RV_REFUSED is returned with err
 * saying how many rows were wrong.  A file that cannot be read, or whose
 * header lacks a required column, is RV_REFUSED with err alone.  Free res
 * with exchange_result_free.
 */
enum rv_code exchange_import(struct session *s, enum import_what what,
    const char *path, struct import_result *res, struct rv_err *err);
void exchange_result_free(struct import_result *res);

/* Writes every duty to out, as CSV (json == 0) or as one JSON array, read
 * in one snapshot and streamed one duty at a time. */
enum rv_code exchange_export(struct session *s, int json, FILE *out,
    struct rv_err *err);

#endif
