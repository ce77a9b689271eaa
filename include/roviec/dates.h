/*
 * dates: calendar days as day numbers, parsing the dates people type
 * (YYYY-MM-DD, DD/MM/YYYY, +N) and counting working days (Monday to
 * Friday, less the public holidays of a calendar).
 */
#ifndef ROVIEC_DATES_H
#define ROVIEC_DATES_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "roviec/err.h"

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
typedef int32_t day_t;

#define DAY_NONE INT32_MIN

/* Public holidays, sorted ascending; an empty calendar has n == 0. */
struct calendar {
	const day_t *holidays;
	size_t n;
};

/* Day number of a civil date: RV_OK, or RV_REFUSED when the date does not
 * exist (2026-02-30, month 13), with a message naming why. */
enum rv_code dates_from_ymd(int y, int m, int d, day_t *out, struct rv_err *err);

/* Civil date of a day number. */
void dates_to_ymd(day_t day, int *y, int *m, int *d);

/*
 * Parses a date typed by a person: "YYYY-MM-DD", "DD/MM/YYYY" (one- or
 * two-digit day and month accepted) or "+N" (N days after today, 0 to
 * 3650).  Leading and trailing spaces are ignored; anything else, and a
 * date that does not exist, is refused with a message that quotes the
 * input (sanitised) and names the accepted forms.  Years 1900 to 2999.
 */
enum rv_code dates_parse(const char *s, day_t today, day_t *out, struct rv_err *err);

/* Strict ISO "YYYY-MM-DD" as stored in the database; 0 on success, -1 if
 * s is not exactly that or the date does not exist. */
int dates_from_iso(const char *s, day_t *out);

/* Writes "YYYY-MM-DD" (11 bytes with the NUL) into buf. */
void dates_iso(day_t day, char buf[11]);

/* Writes "DD/MM/YYYY" (11 bytes with the NUL) into buf. */
void dates_vn(day_t day, char buf[11]);

/* The local calendar day of a moment (localtime_r). */
day_t dates_local_day(time_t t);

/*
 * dates_local_day, remembered by UTC day: where the local clock is the
 * same distance ahead of UTC at a UTC day's start, middle and end (the
 * clocks do not change that day, no leap second), every moment of it is t
 * plus that; other days ask localtime_r each time.  For a report that
 * takes the local day of 100,000 moments.  A cache is good for one TZ:
 * zero it (dates_zone_cache_init) after tzset.
 */
#define DATES_ZONE_CACHE 1024
struct dates_zone_cache {
	long long utc_day[DATES_ZONE_CACHE];	/* the UTC day + 1; 0: empty */
	long offset[DATES_ZONE_CACHE];		/* seconds east of UTC */
	unsigned char changes[DATES_ZONE_CACHE];	/* the clocks change that day */
};
void dates_zone_cache_init(struct dates_zone_cache *c);
day_t dates_local_day_cached(struct dates_zone_cache *c, time_t t);

/* A stored moment "YYYY-MM-DDTHH:MM:SSZ" (UTC) into *out; 0 when it is
 * one (a day that exists, hours 0-23, minutes and seconds 0-59), else -1. */
int dates_moment(const char *m, time_t *out);
/* The clock's time that gmtime_r wrote as the moment m (timegm): what
 * dates_moment gives, but in a zone that counts leap seconds (right/...),
 * where gmtime_r is not plain arithmetic; 0, or -1 as dates_moment. */
int dates_moment_clock(const char *m, time_t *out);

/* The UTC moment "YYYY-MM-DDTHH:MM:SSZ" at which the local day after day
 * begins (the local midnight ending day), as history moments are written,
 * so that "by the end of day" compares stored moments as text. */
void dates_midnight_after(day_t day, char out[21]);

/* 0 = Monday … 6 = Sunday. */
int dates_weekday(day_t day);

/* 1 when day is Monday–Friday and not in cal's holidays (cal may be NULL). */
int dates_is_working(day_t day, const struct calendar *cal);

/*
 * Working days in the half-open interval (from, to]: the number of working
 * days one must live through to get from `from` to `to`.  Negative (minus
 * the count over (to, from]) when to < from; 0 when equal.  Constant time
 * for the weekends (no loop over days), plus a binary search of holidays.
 */
int dates_working_days(day_t from, day_t to, const struct calendar *cal);

/* An ISO day (YYYY-MM-DD) as people read it: DD/MM/YYYY in Vietnamese,
 * as is in English; anything else is returned unchanged.  buf holds 11. */
const char *dates_shown(const char *iso, char buf[11]);

/* A stored UTC moment (YYYY-MM-DDTHH:MM:SSZ) in the local time of the
 * process (TZ), to the minute: YYYY-MM-DD HH:MM, DD/MM/YYYY HH:MM in
 * Vietnamese.  Anything else is returned unchanged.  buf holds 17. */
const char *dates_moment_shown(const char *at, char buf[17]);

/* The Excel form's moments (issue #12).  A stored UTC moment as local
 * time with its offset, to the second: "07/12/2026 09:00:00 +07:00" (a
 * spreadsheet keeps it as text, whole); anything else unchanged. */
#define DATES_LOCAL_SIZE 80
const char *dates_moment_local(const char *at, char buf[DATES_LOCAL_SIZE]);

/* "D/M/YYYY H:MM[:SS]" in local time, or with an offset "+HH[:MM]" or
 * "-HH[:MM]" after it, into a UTC moment "YYYY-MM-DDTHH:MM:SSZ"; 0, or -1
 * when s is not that or the date does not exist. */
int dates_moment_from_local(const char *s, char out[21]);

/* The UTC moment at which the local day begins. */
void dates_midnight_utc(day_t day, char out[21]);

/* Issue #11: the periods a series recurs in, of `months` months each (1,
 * 3 or 12): "2026-03", "2026-Q1", "2026", which sort as they follow. */
#define DATES_PERIOD_SIZE 8

/* The period holding day. */
void dates_period(day_t day, int months, char out[DATES_PERIOD_SIZE]);
/* The period after `period`; 0, or -1 when it is not one of that length. */
int dates_period_next(const char *period, int months, char out[DATES_PERIOD_SIZE]);
/* The deadline of a period: day `day` (1-31, cut to the month's length)
 * of its last month, or that month's last day when day is 0; 0, or -1
 * when period is not one of that length. */
int dates_period_deadline(const char *period, int months, int day, day_t *out);

#endif
