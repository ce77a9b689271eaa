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

int
main(void)
{
	static const long ends[] = { LONG_MIN, LONG_MIN + 1, LONG_MAX, LONG_MAX - 1,
	    -100, 100, -99, 99, -1, 1, 0, 10, -10, 123456, -123456 };
	char got[DECIMAL_SIZE], want[DECIMAL_SIZE];
	int same = 1;
	long first = 0;

	for (long v = -20000; v <= 20000 && same; v++) {
		reference(v, want);
		if (strcmp(decimal_format2(v, got), want) != 0) {
			same = 0;
			first = v;
		}
	}
	ok(same, "every value in [-200.00, 200.00] as the format gives it (first differing: %ld)",
	    first);
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		reference(ends[i], want);
		is_str(decimal_format2(ends[i], got), want, want);
	}
	same = 1;
	for (long v = -20000; v <= 20000 && same; v++) {
		snprintf(want, sizeof(want), "%ld", v);
		if (strcmp(decimal_integer(v, got), want) != 0) {
			same = 0;
			first = v;
		}
	}
	ok(same, "decimal_integer: every value in [-20000, 20000] as %%ld gives it (first differing: %ld)",
	    first);
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		snprintf(want, sizeof(want), "%ld", ends[i]);
		is_str(decimal_integer(ends[i], got), want, want);
	}
	same = 1;
	for (long v = -20000; v <= 20000 && same; v++) {
		shortest(v, want);
		if (strcmp(decimal_format(v, got), want) != 0) {
			same = 0;
			first = v;
		}
	}
	ok(same, "decimal_format: every value in [-200.00, 200.00] as its formats give it (first differing: %ld)",
	    first);
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		shortest(ends[i], want);
		is_str(decimal_format(ends[i], got), want, want);
	}
	is_str(decimal_format(-150, got), "-1.5", "a negative with one decimal");
	is_str(decimal_format2(-5, got), "-0.05", "a negative under one keeps its sign");
	is_str(decimal_format2(400, got), "4.00", "two decimals always");
	return done_testing();
}
