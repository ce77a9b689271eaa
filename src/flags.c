/* flags: PRODUCT.md rule 6, computed in one place (see flags.h). */
#include "roviec/flags.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "roviec/i18n.h"

/* The words of the command line (--flag) and of JSON and CSV, in English
 * always; marked for the catalogue so that screens and text for people
 * show them translated (flags_word_shown, flags_join_shown). */
static const char *const flag_words[FLAG_COUNT] = {
	N_("bounced"), N_("tossed"), N_("escalated"), N_("unanswered"),
	N_("stalled"), N_("overdue"), N_("late"), N_("due-soon")
};

void
flags_default_rules(struct flag_rules *rules)
{
	rules->tossed_handoffs = 3;
	rules->unanswered_days = 2;
	rules->stalled_days = 7;
	rules->due_soon_days = 3;
	rules->cal.holidays = NULL;
	rules->cal.n = 0;
}

/*
 * Overdue and due-soon look at the current deadline, which is what the owner
 * must meet now (an approved extension moves it); late looks at the original
 * deadline, as the on-time figures do, so that no extension hides lateness.
 */
unsigned
flags_compute(const struct flag_facts *f, const struct flag_rules *r, day_t today)
{
	const struct calendar *cal = &r->cal;
	unsigned flags = 0;

	if (f->bounced)
		flags |= FLAG_BOUNCED;
	if (f->handoffs >= r->tossed_handoffs)
		flags |= FLAG_TOSSED;
	if (f->escalated)
		flags |= FLAG_ESCALATED;
	if (f->open && f->pending_since != DAY_NONE &&
	    dates_working_days(f->pending_since, today, cal) >= r->unanswered_days)
		flags |= FLAG_UNANSWERED;
	if (f->open && f->last_progress_on != DAY_NONE &&
	    dates_working_days(f->last_progress_on, today, cal) >= r->stalled_days)
		flags |= FLAG_STALLED;
	if (f->open && f->deadline != DAY_NONE) {
		if (today > f->deadline)
			flags |= FLAG_OVERDUE;
		else if (dates_working_days(today, f->deadline, cal) <= r->due_soon_days)
			flags |= FLAG_DUE_SOON;
	}
	if (f->finished && f->done_on != DAY_NONE &&
	    f->original_deadline != DAY_NONE && f->done_on > f->original_deadline)
		flags |= FLAG_LATE;
	return flags;
}

day_t
flags_stalled_by(const struct flag_rules *r, day_t today)
{
	day_t day = today;

	/* Fewer working days as the day comes nearer today. */
	while (dates_working_days(day, today, &r->cal) < r->stalled_days)
		day--;
	return day;
}

day_t
flags_due_soon_until(const struct flag_rules *r, day_t today)
{
	day_t day = today;

	/* More working days as the day goes further from today. */
	while (dates_working_days(today, day + 1, &r->cal) <= r->due_soon_days)
		day++;
	return day;
}

const char *
flags_word(unsigned flag)
{
	for (int i = 0; i < FLAG_COUNT; i++)
		if (flag == 1u << i)
			return flag_words[i];
	return "?";
}

int
flags_parse(const char *word, unsigned *flag)
{
	for (int i = 0; i < FLAG_COUNT; i++)
		if (strcmp(word, flag_words[i]) == 0) {
			*flag = 1u << i;
			return 0;
		}
	return -1;
}

/* The words as shown, looked up once per language: a list of thousands
 * of rows would otherwise ask gettext for each flag of each row. */
static const char *
shown_word(int i)
{
	static const char *words[FLAG_COUNT];
	static int lang = -1;

	if (lang != i18n_vi()) {
		for (int j = 0; j < FLAG_COUNT; j++)
			words[j] = _(flag_words[j]);
		lang = i18n_vi();
	}
	return words[i];
}

const char *
flags_word_shown(unsigned flag)
{
	for (int i = 0; i < FLAG_COUNT; i++)
		if (flag == 1u << i)
			return shown_word(i);
	return _(flags_word(flag));
}

/* Appends s to the string of len bytes in buf (size bytes), cutting it
 * to fit; returns the new length.  (snprintf for each word of each row
 * was a tenth of a long list's time.) */
static size_t
put(char *buf, size_t size, size_t len, const char *s)
{
	size_t n = strlen(s);

	assert(len < size && buf[len] == '\0');
	if (n > size - 1 - len)
		n = size - 1 - len;
	memcpy(buf + len, s, n);
	buf[len + n] = '\0';
	return len + n;
}

static const char *
join(unsigned mask, const char *sep, const char *quote, int shown, char *buf,
    size_t size)
{
	size_t len = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (int i = 0; i < FLAG_COUNT; i++)
		if (mask & (1u << i)) {
			const char *parts[4] = { len ? sep : "", quote,
			    shown ? shown_word(i) : flag_words[i], quote };

			for (int k = 0; k < 4; k++)
				len = put(buf, size, len, parts[k]);
		}
	return buf;
}

const char *
flags_join(unsigned mask, const char *sep, const char *quote, char *buf, size_t size)
{
	return join(mask, sep, quote, 0, buf, size);
}

const char *
flags_join_shown(unsigned mask, const char *sep, char *buf, size_t size)
{
	return join(mask, sep, "", 1, buf, size);
}

const char *
flags_all_words(void)
{
	return "bounced tossed escalated unanswered stalled overdue late due-soon";
}
