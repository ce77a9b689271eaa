/*
 * decimal: numbers people type with a fraction, kept exactly as whole
 * hundredths (a duty's coefficient 1,5 is 150; a score of 27,25 is 2725),
 * so that sums and comparisons are exact and a score shown is the score
 * computed.  Typed with a decimal point or, the Vietnamese way, a comma.
 */
#ifndef ROVIEC_DECIMAL_H
#define ROVIEC_DECIMAL_H

#include "roviec/err.h"

#define DECIMAL_SIZE 24		/* room for any formatted value */

/*
 * Parses "1", "1.5", "1,5", "0.25" (spaces around allowed) into whole
 * hundredths in *out, from min to max (hundredths).  Refused with a message
 * naming `what`, the bounds and the text given (made inert): an empty text,
 * a sign, an exponent, more than two decimals, anything but digits and one
 * decimal separator, a value out of bounds.
 */
enum rv_code decimal_parse(const char *s, const char *what, long min, long max,
    long *out, struct rv_err *err);

/* hundredths as the shortest decimal with a point: 150 → "1.5", 100 →
 * "1", 25 → "0.25" (the stored and exchanged form; i18n_decimal makes the
 * point a comma for people).  Returns buf. */
char *decimal_format(long hundredths, char buf[DECIMAL_SIZE]);

/* As decimal_format with exactly two decimals: 150 → "1.50". */
char *decimal_format2(long hundredths, char buf[DECIMAL_SIZE]);

/* A whole number as "%ld" writes it: 1500 → "1500", -3 → "-3". */
char *decimal_integer(long v, char buf[DECIMAL_SIZE]);

#endif
