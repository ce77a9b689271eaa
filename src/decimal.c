/* decimal: exact hundredths (see decimal.h). */
#include "roviec/decimal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/i18n.h"
#include "roviec/text.h"

static enum rv_code
refuse(const char *s, const char *what, long min, long max, struct rv_err *err)
{
	char lo[DECIMAL_SIZE], hi[DECIMAL_SIZE], *cut = text_fit(s != NULL ? s : "", 40, 0);

	decimal_format(min, lo);
	decimal_format(max, hi);
	err_set(err, RV_REFUSED,
	    _("%s is a number from %s to %s with at most two decimals (like 1.5 or 1,5), not '%s'"),
	    what, i18n_decimal(lo), i18n_decimal(hi), cut != NULL ? cut : "");
	free(cut);
	return RV_REFUSED;
}

enum rv_code
decimal_parse(const char *s, const char *what, long min, long max, long *out,
    struct rv_err *err)
{
	const char *p = s;
	long whole = 0, frac = 0;
	int digits = 0, decimals = 0;

	*out = 0;
	if (s == NULL)
		return refuse(s, what, min, max, err);
	while (*p == ' ')
		p++;
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		/* Far past any bound: stop before the arithmetic overflows. */
		if (whole > 100000000L)
			return refuse(s, what, min, max, err);
		whole = whole * 10 + (*p - '0');
	}
	if (*p == '.' || *p == ',') {
		for (p++; *p >= '0' && *p <= '9'; p++, decimals++)
			if (decimals < 2)
				frac = frac * 10 + (*p - '0');
			else if (*p != '0')
				return refuse(s, what, min, max, err);
		if (decimals == 0)
			return refuse(s, what, min, max, err);
	}
	while (*p == ' ')
		p++;
	if (*p != '\0' || digits == 0)
		return refuse(s, what, min, max, err);
	if (decimals == 1)
		frac *= 10;
	*out = whole * 100 + frac;
	if (*out < min || *out > max)
		return refuse(s, what, min, max, err);
	return RV_OK;
}

/* Writes v's digits backwards before end (at least one; min of them,
 * zeros before); returns the first. */
static char *
digits_before(char *end, unsigned long v, int min)
{
	int n = 0;

	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
		n++;
	} while (v > 0 || n < min);
	return end;
}

char *
decimal_integer(long v, char buf[DECIMAL_SIZE])
{
	/* By hand, not snprintf: a city's year of sheets writes some
	 * 700,000 counts. */
	char tmp[DECIMAL_SIZE], *p = tmp + sizeof(tmp);

	*--p = '\0';
	p = digits_before(p, v < 0 ? 0UL - (unsigned long)v : (unsigned long)v, 1);
	if (v < 0)
		*--p = '-';
	memcpy(buf, p, (size_t)(tmp + sizeof(tmp) - p));
	return buf;
}

char *
decimal_format(long hundredths, char buf[DECIMAL_SIZE])
{
	/* By hand too: a year's sheets write two for each of their rows. */
	unsigned long v = hundredths < 0 ? 0UL - (unsigned long)hundredths :
	    (unsigned long)hundredths;
	char tmp[DECIMAL_SIZE], *p = tmp + sizeof(tmp);

	*--p = '\0';
	if (v % 100 != 0) {
		p = v % 10 != 0 ? digits_before(p, v % 100, 2) : digits_before(p, v % 100 / 10, 1);
		*--p = '.';
	}
	p = digits_before(p, v / 100, 1);
	if (hundredths < 0)
		*--p = '-';
	memcpy(buf, p, (size_t)(tmp + sizeof(tmp) - p));
	return buf;
}

char *
decimal_format2(long hundredths, char buf[DECIMAL_SIZE])
{
	/* By hand, not snprintf: a city's year of sheets writes some
	 * 400,000 of them. */
	unsigned long v = hundredths < 0 ? 0UL - (unsigned long)hundredths :
	    (unsigned long)hundredths;
	char tmp[DECIMAL_SIZE], *p = tmp + sizeof(tmp);

	*--p = '\0';
	p = digits_before(p, v % 100, 2);
	*--p = '.';
	p = digits_before(p, v / 100, 1);
	if (hundredths < 0)
		*--p = '-';
	memcpy(buf, p, (size_t)(tmp + sizeof(tmp) - p));
	return buf;
}
