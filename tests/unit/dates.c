/*
 * Unit tests of dates: civil dates and day numbers, what people type,
 * and working days checked against a day-by-day count.
 */
#include "roviec/dates.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

#define TODAY_Y	2026
#define TODAY_M	11
#define TODAY_D	25

static day_t today;

static day_t
ymd(int y, int m, int d)
{
	day_t day = DAY_NONE;

	dates_from_ymd(y, m, d, &day, NULL);
	return day;
}

/* The parse of s: RV_OK with *out, or the message in err. */
static enum rv_code
parse(const char *s, day_t *out, struct rv_err *err)
{
	err_clear(err);
	*out = DAY_NONE;
	return dates_parse(s, today, out, err);
}

static void
parses_to(const char *s, day_t want)
{
	struct rv_err err;
	day_t got;

	ok(parse(s, &got, &err) == RV_OK && got == want, "'%s' parses", s);
}

/* Refused, with a one-line message holding `want` and the accepted forms. */
static void
refuses(const char *s, const char *want)
{
	struct rv_err err;
	day_t got;
	enum rv_code rc = parse(s, &got, &err);

	ok(rc == RV_REFUSED && err.code == RV_REFUSED &&
	    strstr(err.msg, want) != NULL &&
	    strstr(err.msg, "YYYY-MM-DD, DD/MM/YYYY or +N") != NULL,
	    "refused: %s", err.msg);
}

static void
test_ymd(void)
{
	struct rv_err err;
	day_t day;
	int y, m, d;

	is_num(ymd(1970, 1, 1), 0, "epoch is day 0");
	is_num(ymd(1969, 12, 31), -1, "day before the epoch");
	is_num(ymd(2000, 3, 1), 11017, "2000-03-01");
	is_num(dates_from_ymd(2024, 2, 29, &day, &err), RV_OK, "2024-02-29");
	is_num(dates_from_ymd(2000, 2, 29, &day, &err), RV_OK, "2000-02-29");
	is_num(dates_from_ymd(2026, 2, 29, &day, &err), RV_REFUSED,
	    "2026-02-29 refused");
	is_num(dates_from_ymd(2100, 2, 29, &day, &err), RV_REFUSED,
	    "2100-02-29 refused");
	ok(strstr(err.msg, "February 2100 has 28 days") != NULL, "%s", err.msg);
	is_num(dates_from_ymd(2026, 2, 30, &day, &err), RV_REFUSED,
	    "2026-02-30 refused");
	is_str(err.msg, "2026-02-30 is not a date: February 2026 has 28 days",
	    "message names the days of the month");
	is_num(dates_from_ymd(2026, 13, 1, &day, &err), RV_REFUSED,
	    "month 13 refused");
	ok(strstr(err.msg, "no month 13") != NULL, "%s", err.msg);
	is_num(dates_from_ymd(2026, 4, 31, &day, &err), RV_REFUSED,
	    "April 31 refused");
	is_num(dates_from_ymd(2026, 1, 0, &day, &err), RV_REFUSED,
	    "day 0 refused");
	is_num(dates_from_ymd(10000, 1, 1, &day, &err), RV_REFUSED,
	    "year 10000 refused");
	dates_to_ymd(ymd(2024, 2, 29), &y, &m, &d);
	ok(y == 2024 && m == 2 && d == 29, "back to 2024-02-29");
}

static void
test_strings(void)
{
	char iso[11], vn[11], back[11];
	day_t day, got;
	int y, m, d, bad = 0;

	dates_iso(ymd(2026, 3, 5), iso);
	is_str(iso, "2026-03-05", "dates_iso");
	dates_vn(ymd(2026, 3, 5), vn);
	is_str(vn, "05/03/2026", "dates_vn");

	/* 1800 to 2300: every day formats, parses back and round trips. */
	for (day = ymd(1800, 1, 1); day <= ymd(2300, 12, 31); day++) {
		dates_iso(day, iso);
		dates_vn(day, vn);
		dates_to_ymd(day, &y, &m, &d);
		snprintf(back, sizeof(back), "%02d/%02d/%04d", d, m, y);
		if (dates_from_iso(iso, &got) != 0 || got != day ||
		    strcmp(vn, back) != 0 || ymd(y, m, d) != day)
			bad++;
	}
	is_num(bad, 0, "ISO and VN round trips 1800-2300");

	ok(dates_from_iso("2026-02-29", &got) == -1, "ISO: no such day");
	ok(dates_from_iso("2026-2-28", &got) == -1, "ISO: strict form");
	ok(dates_from_iso("2026-02-28 ", &got) == -1, "ISO: nothing after");
	ok(dates_from_iso("", &got) == -1, "ISO: empty");
}

static void
test_parse(void)
{
	parses_to("2026-11-28", ymd(2026, 11, 28));
	parses_to("  2026-11-28  ", ymd(2026, 11, 28));
	parses_to("28/11/2026", ymd(2026, 11, 28));
	parses_to("5/3/2026", ymd(2026, 3, 5));
	parses_to("05/3/2026", ymd(2026, 3, 5));
	parses_to("5/03/2026", ymd(2026, 3, 5));
	parses_to("29/02/2024", ymd(2024, 2, 29));
	parses_to("+0", today);
	parses_to("+5", today + 5);
	parses_to("+3650", today + 3650);

	refuses("2026-02-30", "28 days");
	refuses("30/02/2026", "February 2026 has 28 days");
	refuses("29/02/2026", "28 days");
	refuses("2026-13-01", "no month 13");
	refuses("01/13/2026", "no month 13");
	refuses("+3651", "3650 days");
	refuses("+99999999999999999999", "3650 days");
	refuses("+", "'+' is not a date");
	refuses("+-3", "is not a date");
	refuses("abc", "'abc' is not a date");
	refuses("", "no date given");
	refuses("   ", "no date given");
	refuses("2026-1-5", "is not a date");
	refuses("123/1/2026", "is not a date");
	refuses("1/1/26", "is not a date");
	refuses("01/01/1800", "from 1900 to 2999");
	refuses("3000-01-01", "from 1900 to 2999");
	refuses("2026-11-28x", "is not a date");
	/* What is echoed is made inert and cut. */
	refuses("\x1b[2J2026", "\xe2\x90\x9b[2J2026");
	refuses("0123456789012345678901234567890123456789012345",
	    "'012345678901234567890123456789012345678\xe2\x80\xa6'");
}

static void
test_weekday(void)
{
	is_num(dates_weekday(ymd(2026, 11, 28)), 5, "2026-11-28 is Saturday");
	is_num(dates_weekday(0), 3, "1970-01-01 was Thursday");
	is_num(dates_weekday(-1), 2, "1969-12-31 was Wednesday");
	is_num(dates_weekday(ymd(1900, 1, 1)), 0, "1900-01-01 was Monday");
	is_num(dates_weekday(ymd(2000, 1, 1)), 5, "2000-01-01 was Saturday");
}

/* Working days in (from, to] counted one day at a time. */
static int
slow_working_days(day_t from, day_t to, const struct calendar *cal)
{
	day_t d;
	int n = 0;

	if (to < from)
		return -slow_working_days(to, from, cal);
	for (d = from + 1; d <= to; d++)
		n += dates_is_working(d, cal);
	return n;
}

static uint32_t rng_state = 20261128;

/* xorshift32: the same pairs on every run, so a failure can be replayed. */
static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static int
cmp_day(const void *a, const void *b)
{
	day_t x = *(const day_t *)a, y = *(const day_t *)b;

	return (x > y) - (x < y);
}

static void
test_working(void)
{
	day_t holidays[] = {
		ymd(2026, 4, 26),	/* Hung Kings, a Sunday */
		ymd(2026, 4, 30),	/* Thursday */
		ymd(2026, 5, 1),	/* Friday */
	};
	struct calendar cal = { holidays, 3 };
	day_t fri = ymd(2026, 11, 27), mon = ymd(2026, 11, 30);

	is_num(dates_working_days(fri, mon, NULL), 1, "Friday to Monday");
	is_num(dates_working_days(mon, mon + 7, NULL), 5, "Monday to Monday");
	is_num(dates_working_days(mon, mon, NULL), 0, "same day");
	is_num(dates_working_days(mon, fri, NULL), -1, "reversed");
	is_num(dates_working_days(mon + 7, mon, NULL), -5, "reversed week");
	is_num(dates_working_days(fri, fri + 1, NULL), 0, "Friday to Saturday");
	is_num(dates_working_days(ymd(2026, 4, 27), ymd(2026, 5, 4), NULL), 5,
	    "week of 30 April without holidays");
	is_num(dates_working_days(ymd(2026, 4, 27), ymd(2026, 5, 4), &cal), 3,
	    "week of 30 April with two holidays");
	is_num(dates_working_days(ymd(2026, 4, 20), ymd(2026, 4, 27), &cal), 5,
	    "a holiday on a Sunday takes nothing");
	is_num(dates_working_days(ymd(2026, 4, 29), ymd(2026, 4, 30), &cal), 0,
	    "into a holiday");
	ok(!dates_is_working(ymd(2026, 4, 30), &cal), "30 April is off");
	ok(dates_is_working(ymd(2026, 4, 29), &cal), "29 April is worked");
	ok(!dates_is_working(ymd(2026, 11, 28), NULL), "Saturday is off");
}

/* dates_working_days against the day-by-day count for random pairs. */
static void
test_working_random(void)
{
	day_t holidays[80], base = ymd(2020, 1, 1), from, to;
	struct calendar cal = { holidays, 0 }, none = { NULL, 0 };
	int i, bad_plain = 0, bad_cal = 0, bad_empty = 0;

	for (i = 0; i < 80; i++)
		holidays[i] = base + (day_t)(rng() % 3000);
	holidays[1] = holidays[0];	/* one listed twice */
	qsort(holidays, 80, sizeof(holidays[0]), cmp_day);
	cal.n = 80;
	for (i = 0; i < 5000; i++) {
		from = base - 100 + (day_t)(rng() % 3200);
		to = from + (day_t)(rng() % 400) - 200;
		if (i % 10 == 0)
			to = from + (day_t)(rng() % 3000);
		bad_plain += dates_working_days(from, to, NULL) !=
		    slow_working_days(from, to, NULL);
		bad_cal += dates_working_days(from, to, &cal) !=
		    slow_working_days(from, to, &cal);
		bad_empty += dates_working_days(from, to, &none) !=
		    slow_working_days(from, to, NULL);
	}
	is_num(bad_plain, 0, "5000 random pairs, no calendar");
	is_num(bad_empty, 0, "5000 random pairs, empty calendar");
	is_num(bad_cal, 0, "5000 random pairs, 80 holidays");
	bad_plain = 0;
	for (from = -30; from < 30; from++)
		for (to = -30; to < 30; to++)
			bad_plain += dates_working_days(from, to, &cal) !=
			    slow_working_days(from, to, &cal);
	is_num(bad_plain, 0, "every pair around the epoch");
}

static void
test_local_day(void)
{
	time_t t = 1795000000;	/* 2026-11-18 11:06 UTC */
	day_t day = dates_local_day(t);

	ok(day >= ymd(2026, 11, 17) && day <= ymd(2026, 11, 19),
	    "local day of a moment");
	ok(dates_local_day(time(NULL)) != DAY_NONE, "local day of now");
}

/*
 * dates_local_day_cached against localtime_r itself: every ten minutes of
 * years in which clocks changed (at midnight, by half an hour, a day
 * skipped), and random moments of 1971-2037, in zones that do each.
 */
static void
test_local_day_cached(void)
{
	static const struct {
		const char *tz;
		int year;	/* one swept every ten minutes */
	} zones[] = {
		{ "Asia/Ho_Chi_Minh", 1975 },	/* UTC+8 to +7 */
		{ "America/Sao_Paulo", 2017 },	/* summer time began at midnight */
		{ "Australia/Lord_Howe", 2020 },	/* half an hour's summer time */
		{ "Asia/Kathmandu", 1986 },	/* +5:30 to +5:45 */
		{ "Pacific/Apia", 2011 },	/* 30 December skipped */
		{ "Europe/London", 2026 },
		{ "America/St_Johns", 2026 },
		{ "<+07>-7", 2026 },	/* the zone roviec falls back on */
		{ "right/Asia/Ho_Chi_Minh", 2016 },	/* leap seconds: the wall clock
							 * is behind tm_gmtoff's */
	};
	static struct dates_zone_cache cache;
	uint64_t seed = 0x9e3779b97f4a7c15ULL;

	for (size_t z = 0; z < sizeof(zones) / sizeof(zones[0]); z++) {
		time_t from = (time_t)ymd(zones[z].year, 1, 1) * 86400,
		    to = (time_t)ymd(zones[z].year + 1, 1, 1) * 86400, first_bad = 0;
		long differ = 0;

		setenv("TZ", zones[z].tz, 1);
		tzset();
		dates_zone_cache_init(&cache);
		for (time_t t = from; t < to; t += 600)
			if (dates_local_day_cached(&cache, t) != dates_local_day(t) && differ++ == 0)
				first_bad = t;
		for (int i = 0; i < 200000; i++) {
			time_t t;

			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			t = (time_t)(31536000 + (long long)((seed >> 11) % 2114380800ULL));
			if (dates_local_day_cached(&cache, t) != dates_local_day(t) && differ++ == 0)
				first_bad = t;
		}
		ok(differ == 0, "%s: the cached local day is localtime_r's, %d every ten minutes "
		    "and 200,000 random moments (%ld differ, the first at %lld)", zones[z].tz,
		    zones[z].year, differ, (long long)first_bad);
	}
	setenv("TZ", "UTC", 1);
	tzset();
}

/* A moment written by gmtime_r is read back to the clock's time by
 * dates_moment_clock, in a zone that counts leap seconds too, where
 * dates_moment's arithmetic is 27 s off after 2016. */
static void
test_moment_clock(void)
{
	static const char *const zones[] = { "Asia/Ho_Chi_Minh", "right/Asia/Ho_Chi_Minh" };

	for (size_t z = 0; z < sizeof(zones) / sizeof(zones[0]); z++) {
		long differ = 0, apart = 0;

		setenv("TZ", zones[z], 1);
		tzset();
		for (time_t t = 1483228800; t < 1483228800 + 86400 * 40; t += 3607) {
			struct tm tm;
			char m[21];
			time_t back, plain;

			gmtime_r(&t, &tm);
			strftime(m, sizeof(m), "%Y-%m-%dT%H:%M:%SZ", &tm);
			if (dates_moment_clock(m, &back) != 0 || back != t)
				differ++;
			if (dates_moment(m, &plain) == 0 && plain != t)
				apart++;
		}
		ok(differ == 0, "%s: a moment gmtime_r wrote reads back to its clock (%ld differ)",
		    zones[z], differ);
		ok(z == 0 ? apart == 0 : apart > 0,
		    "%s: where plain arithmetic %s (%ld moments apart)", zones[z],
		    z == 0 ? "reads the same" : "is off by the leap seconds", apart);
	}
	ok(dates_moment_clock("2026-02-30T00:00:00Z", &(time_t){ 0 }) == -1,
	    "a day that does not exist is refused");
	setenv("TZ", "UTC", 1);
	tzset();
}

/* The Excel form's moments (issue #12), in Da Lat's time (UTC+7, no
 * summer time) and in UTC. */
static void
test_excel_moments(void)
{
	char buf[DATES_LOCAL_SIZE], utc[21];
	static const char *const bad[] = {
		"31/02/2026 09:00", "07/12/2026", "07/12/2026 24:00", "07/12/2026 09:60",
		"07/12/26 09:00", "07/12/2026 09:00 +15", "07/12/2026 09:00:00 +07:00 x",
		"2026-12-07 09:00", "", "7//2026 09:00"
	};

	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	is_str(dates_moment_local("2026-12-07T02:00:05Z", buf), "07/12/2026 09:00:05 +07:00",
	    "a UTC moment in local time with its offset");
	is_str(dates_moment_local("not a moment", buf), "not a moment", "anything else unchanged");
	ok(dates_moment_from_local("07/12/2026 09:00:05 +07:00", utc) == 0 &&
	    strcmp(utc, "2026-12-07T02:00:05Z") == 0, "and back, by its offset (%s)", utc);
	ok(dates_moment_from_local("7/12/2026 9:00", utc) == 0 &&
	    strcmp(utc, "2026-12-07T02:00:00Z") == 0, "D/M/YYYY H:MM in local time (%s)", utc);
	ok(dates_moment_from_local("1/1/2027 00:30 -05", utc) == 0 &&
	    strcmp(utc, "2027-01-01T05:30:00Z") == 0, "an offset west of Greenwich (%s)", utc);
	ok(dates_moment_from_local("01/01/2027 06:59:59", utc) == 0 &&
	    strcmp(utc, "2026-12-31T23:59:59Z") == 0, "across the new year (%s)", utc);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok(dates_moment_from_local(bad[i], utc) != 0, "refused: '%s'", bad[i]);
	dates_midnight_utc(ymd(2026, 12, 7), utc);
	is_str(utc, "2026-12-06T17:00:00Z", "a local day begins at 17:00 UTC the day before");
	setenv("TZ", "UTC", 1);
	tzset();
	is_str(dates_moment_local("2026-12-07T02:00:05Z", buf), "07/12/2026 02:00:05 +00:00",
	    "in UTC, +00:00");
	dates_midnight_utc(ymd(2026, 12, 7), utc);
	is_str(utc, "2026-12-07T00:00:00Z", "and the day begins at midnight");
	unsetenv("TZ");
	tzset();
}

int
main(void)
{
	today = ymd(TODAY_Y, TODAY_M, TODAY_D);
	test_moment_clock();
	test_excel_moments();
	test_ymd();
	test_strings();
	test_parse();
	test_weekday();
	test_working();
	test_working_random();
	test_local_day();
	test_local_day_cached();
	return done_testing();
}
