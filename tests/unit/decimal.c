/*
 * Unit tests of decimal's formats: decimal_format2, written by hand for
 * speed, gives what "%ld.%02ld" with a sign gives, for every value near
 * zero and the ends of a long.
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
	is_str(decimal_format2(-5, got), "-0.05", "a negative under one keeps its sign");
	is_str(decimal_format2(400, got), "4.00", "two decimals always");
	return done_testing();
}
