/*
 * Unit tests of decimal's formats: decimal_format, decimal_format2 and
 * decimal_integer, written by hand for speed, give what snprintf gave
 * ("%ld", "%ld.%ld", "%ld.%02ld", with a sign), for every value near zero
 * and the ends of a long.
 */
#include "roviec/decimal.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"

/* The format the hand-written one replaced. */
static void
reference(long v, char buf[DECIMAL_SIZE])
{
	long whole = v / 100, frac = v % 100;

	if (frac < 0)
		frac = -frac;
	snprintf(buf, DECIMAL_SIZE, "%s%ld.%02ld", v < 0 && whole == 0 ? "-" : "", whole, frac);
}

/* decimal_format's, as snprintf wrote it before it was written by hand. */
static void
shortest(long v, char buf[DECIMAL_SIZE])
{
	long whole = v / 100, frac = v % 100;

	if (frac < 0)
		frac = -frac;
	if (frac == 0)
		snprintf(buf, DECIMAL_SIZE, "%ld", whole);
	else if (frac % 10 == 0)
		snprintf(buf, DECIMAL_SIZE, "%s%ld.%ld", v < 0 && whole == 0 ? "-" : "", whole, frac / 10);
	else
		snprintf(buf, DECIMAL_SIZE, "%s%ld.%02ld", v < 0 && whole == 0 ? "-" : "", whole, frac);
}

/* "%ld", the format decimal_integer replaced. */
static void
plain(long v, char buf[DECIMAL_SIZE])
{
	snprintf(buf, DECIMAL_SIZE, "%ld", v);
}

/* Holds the hand-written format to the one it replaced, for every value
 * in [-20000, 20000] and at the ends of a long. */
static void
same_as(const char *name, char *(*format)(long, char[DECIMAL_SIZE]),
    void (*replaced)(long, char[DECIMAL_SIZE]))
{
	static const long ends[] = { LONG_MIN, LONG_MIN + 1, LONG_MAX, LONG_MAX - 1,
	    -100, 100, -99, 99, -1, 1, 0, 10, -10, 123456, -123456 };
	char got[DECIMAL_SIZE], want[DECIMAL_SIZE];
	int same = 1;
	long first = 0;

	for (long v = -20000; v <= 20000 && same; v++) {
		replaced(v, want);
		if (strcmp(format(v, got), want) != 0) {
			same = 0;
			first = v;
		}
	}
	ok(same, "%s: every value in [-20000, 20000] as the format it replaced gives it (first differing: %ld)",
	    name, first);
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		replaced(ends[i], want);
		is_str(format(ends[i], got), want, want);
	}
}

int
main(void)
{
	char got[DECIMAL_SIZE];

	same_as("decimal_format2", decimal_format2, reference);
	same_as("decimal_integer", decimal_integer, plain);
	same_as("decimal_format", decimal_format, shortest);
	is_str(decimal_format(-150, got), "-1.5", "a negative with one decimal");
	is_str(decimal_format2(-5, got), "-0.05", "a negative under one keeps its sign");
	is_str(decimal_format2(400, got), "4.00", "two decimals always");
	return done_testing();
}
