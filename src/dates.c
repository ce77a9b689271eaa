/* dates: calendar days, parsing and working days (see dates.h). */
#include "roviec/dates.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/i18n.h"
#include "roviec/text.h"

#define DATES_YEAR_MIN		1	/* dates_from_ymd: four-digit years */
#define DATES_YEAR_MAX		9999
#define DATES_TYPED_MIN		1900	/* dates_parse: what a person means */
#define DATES_TYPED_MAX		2999
#define DATES_AHEAD_MAX		3650	/* +N: ten years */
#define DATES_ECHO_COLS		40
#define DATES_MONDAY		4	/* 1970-01-05 */

static const char *const dates_months[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static int
dates_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
dates_month_days(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && dates_is_leap(y) ? 29 : days[m - 1];
}

/* Floor division, for day numbers before 1970. */
static long long
dates_floor_div(long long a, long long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Howard Hinnant's days_from_civil: day number of a valid date. */
static day_t
dates_days_from_civil(int y, int m, int d)
{
	long long yy = y - (m <= 2), era, yoe, doy, doe;

	era = dates_floor_div(yy, 400);
	yoe = yy - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (day_t)(era * 146097 + doe - 719468);
}

/* Howard Hinnant's civil_from_days. */
void
dates_to_ymd(day_t day, int *y, int *m, int *d)
{
	long long z = (long long)day + 719468, era, doe, yoe, doy, mp;

	era = dates_floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Why y-m-d is not a date, into why; 0 when it is one.  y is in range. */
static int
dates_why_not(int y, int m, int d, struct rv_err *why)
{
	int n;

	if (m < 1 || m > 12) {
		err_set(why, RV_REFUSED, _("there is no month %d"), m);
		return -1;
	}
	n = dates_month_days(y, m);
	if (d < 1 || d > n) {
		err_set(why, RV_REFUSED, _("%s %d has %d days"),
		    dates_months[m - 1], y, n);
		return -1;
	}
	return 0;
}

enum rv_code
dates_from_ymd(int y, int m, int d, day_t *out, struct rv_err *err)
{
	struct rv_err why;

	if (y < DATES_YEAR_MIN || y > DATES_YEAR_MAX)
		return err_set(err, RV_REFUSED, _("year %d is out of range: "
		    "write a year from %d to %d"), y, DATES_YEAR_MIN,
		    DATES_YEAR_MAX);
	if (dates_why_not(y, m, d, &why) != 0)
		return err_set(err, RV_REFUSED, _("%04d-%02d-%02d is not a date: "
		    "%s"), y, m, d, why.msg);
	*out = dates_days_from_civil(y, m, d);
	return RV_OK;
}

/* Reads exactly n digits at s into *v; 0 on success. */
static int
dates_digits(const char *s, size_t n, int *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

/* Number of digits at s, at most max + 1 (enough to tell "too many"). */
static size_t
dates_span(const char *s, size_t max)
{
	size_t n = 0;

	while (n <= max && s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* "YYYY-MM-DD" spanning exactly len bytes; 0 when it has that shape. */
static int
dates_shape_iso(const char *s, size_t len, int *y, int *m, int *d)
{
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (dates_digits(s, 4, y) != 0 || dates_digits(s + 5, 2, m) != 0 ||
	    dates_digits(s + 8, 2, d) != 0)
		return -1;
	return 0;
}

int
dates_from_iso(const char *s, day_t *out)
{
	int y, m, d;

	if (dates_shape_iso(s, strlen(s), &y, &m, &d) != 0)
		return -1;
	return dates_from_ymd(y, m, d, out, NULL) == RV_OK ? 0 : -1;
}

/* "D/M/YYYY" with one- or two-digit D and M spanning exactly len bytes. */
static int
dates_shape_vn(const char *s, size_t len, int *y, int *m, int *d)
{
	size_t nd, nm;

	nd = dates_span(s, 2);
	if (nd < 1 || nd > 2 || s[nd] != '/')
		return -1;
	nm = dates_span(s + nd + 1, 2);
	if (nm < 1 || nm > 2 || s[nd + 1 + nm] != '/')
		return -1;
	if (len != nd + nm + 6 || dates_span(s + nd + nm + 2, 4) != 4)
		return -1;
	dates_digits(s, nd, d);
	dates_digits(s + nd + 1, nm, m);
	dates_digits(s + nd + nm + 2, 4, y);
	return 0;
}

/* Refuses the typed date s (len bytes) with a reason, quoting it safely:
 * sanitised and cut, since it may hold controls or be very long. */
static enum rv_code
dates_refuse(const char *s, size_t len, const char *why, struct rv_err *err)
{
	char *typed, *shown = NULL;
	enum rv_code rc;

	if (len == 0)
		return err_set(err, RV_REFUSED, _("no date given; write it as "
		    "YYYY-MM-DD, DD/MM/YYYY or +N (days from today)"));
	if ((typed = strndup(s, len)) != NULL)
		shown = text_fit(typed, DATES_ECHO_COLS, 0);
	if (why == NULL)
		rc = err_set(err, RV_REFUSED, _("'%s' is not a date; write it as "
		    "YYYY-MM-DD, DD/MM/YYYY or +N (days from today)"), shown ? shown : "?");
	else
		rc = err_set(err, RV_REFUSED, _("'%s' is not a date: %s; write "
		    "the date as " "YYYY-MM-DD, DD/MM/YYYY or +N (days from today)"), shown ? shown : "?", why);
	free(shown);
	free(typed);
	return rc;
}

/* "+N" (len bytes from s): N days after today. */
static enum rv_code
dates_parse_ahead(const char *s, size_t len, day_t today, day_t *out,
    struct rv_err *err)
{
	size_t n = dates_span(s + 1, len);
	int ahead = 0;
	char why[64];

	if (n == 0 || n + 1 != len)
		return dates_refuse(s, len, NULL, err);
	if (n <= 4)
		dates_digits(s + 1, n, &ahead);
	if (n > 4 || ahead > DATES_AHEAD_MAX) {
		snprintf(why, sizeof(why), _("it is more than %d days (ten "
		    "years) from today"), DATES_AHEAD_MAX);
		return dates_refuse(s, len, why, err);
	}
	*out = today + ahead;
	return RV_OK;
}

static enum rv_code
dates_parse_civil(const char *s, size_t len, day_t *out, struct rv_err *err)
{
	struct rv_err why;
	int y, m, d;

	if (dates_shape_iso(s, len, &y, &m, &d) != 0 &&
	    dates_shape_vn(s, len, &y, &m, &d) != 0)
		return dates_refuse(s, len, NULL, err);
	if (y < DATES_TYPED_MIN || y > DATES_TYPED_MAX) {
		err_set(&why, RV_REFUSED, _("the year must be from %d to %d"),
		    DATES_TYPED_MIN, DATES_TYPED_MAX);
		return dates_refuse(s, len, why.msg, err);
	}
	if (dates_why_not(y, m, d, &why) != 0)
		return dates_refuse(s, len, why.msg, err);
	*out = dates_days_from_civil(y, m, d);
	return RV_OK;
}

static int
dates_is_blank(char c)
{
	return c == ' ' || c == '\t';
}

enum rv_code
dates_parse(const char *s, day_t today, day_t *out, struct rv_err *err)
{
	size_t len;

	while (dates_is_blank(*s))
		s++;
	len = strlen(s);
	while (len > 0 && dates_is_blank(s[len - 1]))
		len--;
	if (len > 0 && s[0] == '+')
		return dates_parse_ahead(s, len, today, out, err);
	return dates_parse_civil(s, len, out, err);
}

static void
dates_put_digits(char *dst, int v, int n)
{
	while (n-- > 0) {
		dst[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Writes a (na digits), b (2 digits) and c (nc digits) joined by sep:
 * "YYYY-MM-DD" or "DD/MM/YYYY", 10 bytes and a NUL. */
static void
dates_format(char buf[11], int a, int na, int b, int c, int nc, char sep)
{
	dates_put_digits(buf, a, na);
	buf[na] = sep;
	dates_put_digits(buf + na + 1, b, 2);
	buf[na + 3] = sep;
	dates_put_digits(buf + na + 4, c, nc);
	buf[10] = '\0';
}

void
dates_iso(day_t day, char buf[11])
{
	int y, m, d;

	/* Out of four digits the text would lie; X marks show the bug
	 * instead. */
	dates_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		memcpy(buf, "XXXX-XX-XX", 11);
		return;
	}
	dates_format(buf, y, 4, m, d, 2, '-');
}

void
dates_vn(day_t day, char buf[11])
{
	int y, m, d;

	dates_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		memcpy(buf, "XX/XX/XXXX", 11);
		return;
	}
	dates_format(buf, d, 2, m, y, 4, '/');
}

day_t
dates_local_day(time_t t)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL)
		return DAY_NONE;
	return dates_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

void
dates_zone_cache_init(struct dates_zone_cache *c)
{
	memset(c, 0, sizeof(*c));
}

/* How far the local wall clock is ahead of UTC at t, in seconds; 0 with
 * *ok cleared when localtime_r fails.  From the clock's own fields, not
 * tm_gmtoff: in a zone that counts leap seconds ("right/...") the clock
 * is behind what tm_gmtoff says, and the day is the clock's. */
static long
dates_offset_at(time_t t, int *ok)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL) {
		*ok = 0;
		return 0;
	}
	return (long)((long long)dates_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday) * 86400 + tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec - (long long)t);
}

day_t
dates_local_day_cached(struct dates_zone_cache *c, time_t t)
{
	long long day = dates_floor_div((long long)t, 86400);
	size_t k = (size_t)(day & (DATES_ZONE_CACHE - 1));

	if (c->utc_day[k] != day + 1) {
		time_t start = (time_t)(day * 86400);
		int ok = 1;
		long first = dates_offset_at(start, &ok),
		    middle = dates_offset_at(start + 43200, &ok),
		    last = dates_offset_at(start + 86399, &ok);

		c->utc_day[k] = day + 1;
		c->offset[k] = first;
		c->changes[k] = !ok || first != middle || middle != last;
	}
	if (c->changes[k])
		return dates_local_day(t);
	return (day_t)dates_floor_div((long long)t + c->offset[k], 86400);
}

int
dates_moment(const char *m, time_t *out)
{
	static const char form[] = "dddd-dd-ddTdd:dd:ddZ";
	int h, mi, sec;
	day_t day;

	if (m == NULL || strlen(m) != sizeof(form) - 1)
		return -1;
	for (size_t i = 0; form[i] != '\0'; i++)
		if (form[i] == 'd' ? m[i] < '0' || m[i] > '9' : m[i] != form[i])
			return -1;
	if (dates_from_iso((char[11]){ m[0], m[1], m[2], m[3], '-', m[5], m[6], '-',
	    m[8], m[9], '\0' }, &day) != 0)
		return -1;
	dates_digits(m + 11, 2, &h);
	dates_digits(m + 14, 2, &mi);
	dates_digits(m + 17, 2, &sec);
	if (h > 23 || mi > 59 || sec > 59)
		return -1;
	*out = (time_t)day * 86400 + h * 3600 + mi * 60 + sec;
	return 0;
}

int
dates_moment_clock(const char *m, time_t *out)
{
	struct tm tm = { 0 };
	time_t t;

	if (dates_moment(m, out) != 0)
		return -1;
	/* Its fields, as dates_moment has checked them. */
	dates_digits(m, 4, &tm.tm_year);
	dates_digits(m + 5, 2, &tm.tm_mon);
	dates_digits(m + 8, 2, &tm.tm_mday);
	dates_digits(m + 11, 2, &tm.tm_hour);
	dates_digits(m + 14, 2, &tm.tm_min);
	dates_digits(m + 17, 2, &tm.tm_sec);
	tm.tm_year -= 1900;
	tm.tm_mon--;
	if ((t = timegm(&tm)) == (time_t)-1)
		return -1;
	*out = t;
	return 0;
}

int
dates_weekday(day_t day)
{
	long long since = (long long)day - DATES_MONDAY;

	return (int)(since - 7 * dates_floor_div(since, 7));
}

/* Index of the first holiday after day (upper bound). */
static size_t
dates_holiday_after(const struct calendar *cal, day_t day)
{
	size_t lo = 0, hi = cal->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->holidays[mid] <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
dates_is_holiday(const struct calendar *cal, day_t day)
{
	size_t i;

	if (cal == NULL || cal->n == 0)
		return 0;
	i = dates_holiday_after(cal, day);
	return i > 0 && cal->holidays[i - 1] == day;
}

int
dates_is_working(day_t day, const struct calendar *cal)
{
	return dates_weekday(day) < 5 && !dates_is_holiday(cal, day);
}

/* Monday to Friday days up to and including day, counted from a Monday:
 * five per full week plus the weekdays of the week begun. */
static long long
dates_weekdays_upto(day_t day)
{
	long long since = (long long)day - DATES_MONDAY;
	long long weeks = dates_floor_div(since, 7);
	long long rest = since - 7 * weeks + 1;

	return 5 * weeks + (rest < 5 ? rest : 5);
}

/* Holidays in (from, to] that fall Monday to Friday, each day once: one
 * on a weekend was never a working day to begin with. */
static long long
dates_holidays_between(day_t from, day_t to, const struct calendar *cal)
{
	size_t i, lo, hi;
	long long n = 0;

	if (cal == NULL || cal->n == 0)
		return 0;
	lo = dates_holiday_after(cal, from);
	hi = dates_holiday_after(cal, to);
	for (i = lo; i < hi; i++)
		if (dates_weekday(cal->holidays[i]) < 5 &&
		    (i == lo || cal->holidays[i] != cal->holidays[i - 1]))
			n++;
	return n;
}

int
dates_working_days(day_t from, day_t to, const struct calendar *cal)
{
	if (to < from)
		return -dates_working_days(to, from, cal);
	return (int)(dates_weekdays_upto(to) - dates_weekdays_upto(from) -
	    dates_holidays_between(from, to, cal));
}

const char *
dates_shown(const char *iso, char buf[11])
{
	if (!i18n_vi() || iso == NULL || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
		return iso;
	snprintf(buf, 11, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	return buf;
}

const char *
dates_moment_shown(const char *at, char buf[17])
{
	time_t t;
	struct tm local;

	if (at == NULL)
		return "";
	if (dates_moment(at, &t) != 0 || localtime_r(&t, &local) == NULL)
		return at;
	strftime(buf, 17, i18n_vi() ? "%d/%m/%Y %H:%M" : "%Y-%m-%d %H:%M", &local);
	return buf;
}

/* --- moments in the Excel form (issue #12) ----------------------------- */

const char *
dates_moment_local(const char *at, char buf[DATES_LOCAL_SIZE])
{
	time_t t;
	struct tm local;
	long off;

	if (at == NULL)
		return "";
	if (dates_moment(at, &t) != 0 || localtime_r(&t, &local) == NULL)
		return at;
	/* The offset from UTC, in minutes, of that moment's local time. */
	off = (long)(((long long)dates_days_from_civil(local.tm_year + 1900,
	    local.tm_mon + 1, local.tm_mday) * 86400 + local.tm_hour * 3600 +
	    local.tm_min * 60 + local.tm_sec - (long long)t) / 60);
	snprintf(buf, DATES_LOCAL_SIZE, "%02d/%02d/%04d %02d:%02d:%02d %c%02ld:%02ld",
	    local.tm_mday, local.tm_mon + 1, local.tm_year + 1900, local.tm_hour,
	    local.tm_min, local.tm_sec, off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
	return buf;
}

/* Reads 1 to max digits at *p into *v, moving *p past them; -1 if none. */
static int
dates_number(const char **p, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && **p >= '0' && **p <= '9') {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n > 0 ? 0 : -1;
}

int
dates_moment_from_local(const char *s, char out[21])
{
	const char *p = s;
	int d, m, y, h, mi, sec = 0, oh = 0, om = 0, sign = 0;
	struct tm tm = { 0 }, utc;
	day_t day;
	time_t t;

	if (dates_number(&p, 2, &d) != 0 || *p++ != '/' ||
	    dates_number(&p, 2, &m) != 0 || *p++ != '/' ||
	    dates_number(&p, 4, &y) != 0 || p - s < 8 || *p++ != ' ')
		return -1;
	while (*p == ' ')
		p++;
	if (dates_number(&p, 2, &h) != 0 || *p++ != ':' || dates_number(&p, 2, &mi) != 0)
		return -1;
	if (*p == ':' && (p++, dates_number(&p, 2, &sec)) != 0)
		return -1;
	while (*p == ' ')
		p++;
	if (*p == '+' || *p == '-') {
		sign = *p++ == '-' ? -1 : 1;
		if (dates_number(&p, 2, &oh) != 0 || (*p == ':' && (p++, dates_number(&p, 2, &om)) != 0))
			return -1;
	}
	if (*p != '\0' || y < DATES_TYPED_MIN || y > DATES_TYPED_MAX || h > 23 || mi > 59 ||
	    sec > 59 || oh > 14 || om > 59 || dates_from_ymd(y, m, d, &day, NULL) != RV_OK)
		return -1;
	if (sign != 0) {
		t = (time_t)day * 86400 + h * 3600 + mi * 60 + sec -
		    sign * (oh * 3600 + om * 60);
	} else {
		tm.tm_year = y - 1900;
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
		tm.tm_hour = h;
		tm.tm_min = mi;
		tm.tm_sec = sec;
		tm.tm_isdst = -1;
		if ((t = mktime(&tm)) == (time_t)-1)
			return -1;
	}
	if (gmtime_r(&t, &utc) == NULL)
		return -1;
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &utc);
	return 0;
}

void
dates_midnight_utc(day_t day, char out[21])
{
	struct tm tm = { 0 }, utc;
	int y, m, d;
	time_t t;

	dates_to_ymd(day, &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	gmtime_r(&t, &utc);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &utc);
}

/* --- issue #11: the periods of a series ---------------------------------- */

void
dates_period(day_t day, int months, char out[DATES_PERIOD_SIZE])
{
	char buf[48];
	int y, m, d;

	assert(months == 1 || months == 3 || months == 12);
	dates_to_ymd(day, &y, &m, &d);
	if (months == 1)
		snprintf(buf, sizeof(buf), "%04d-%02d", y, m);
	else if (months == 3)
		snprintf(buf, sizeof(buf), "%04d-Q%d", y, (m - 1) / 3 + 1);
	else
		snprintf(buf, sizeof(buf), "%04d", y);
	/* Years 1900 to 2999 (day numbers from dates_parse): 4 digits. */
	assert(strlen(buf) < DATES_PERIOD_SIZE);
	snprintf(out, DATES_PERIOD_SIZE, "%.7s", buf);
}

/* The year and the period's last month; 0, or -1 when it is not one. */
static int
period_last_month(const char *p, int months, int *y, int *m)
{
	int n;

	if (p == NULL || dates_digits(p, 4, y) != 0 || *y < DATES_YEAR_MIN ||
	    *y > DATES_YEAR_MAX)
		return -1;
	if (months == 12 && p[4] == '\0') {
		*m = 12;
		return 0;
	}
	if (months == 1 && p[4] == '-' && dates_digits(p + 5, 2, &n) == 0 &&
	    p[7] == '\0' && n >= 1 && n <= 12) {
		*m = n;
		return 0;
	}
	if (months == 3 && p[4] == '-' && p[5] == 'Q' && p[6] >= '1' && p[6] <= '4' &&
	    p[7] == '\0') {
		*m = 3 * (p[6] - '0');
		return 0;
	}
	return -1;
}

int
dates_period_next(const char *period, int months, char out[DATES_PERIOD_SIZE])
{
	int y, m;
	day_t first;

	if (period_last_month(period, months, &y, &m) != 0)
		return -1;
	if (++m > 12) {
		m = 1;
		y++;
	}
	first = dates_days_from_civil(y, m, 1);
	dates_period(first, months, out);
	return 0;
}

int
dates_period_deadline(const char *period, int months, int day, day_t *out)
{
	int y, m, n;

	if (period_last_month(period, months, &y, &m) != 0 || day < 0 || day > 31)
		return -1;
	n = dates_month_days(y, m);
	*out = dates_days_from_civil(y, m, day == 0 || day > n ? n : day);
	return 0;
}

void
dates_midnight_after(day_t day, char out[21])
{
	dates_midnight_utc(day + 1, out);
}
