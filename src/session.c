/* session: the context of core actions (see session.h). */
#include "roviec/session.h"

#include "roviec/store.h"

time_t
session_tick(struct session *s)
{
	if (!s->clock_held)
		s->now = time(NULL);
	s->withdrew_extension[0] = '\0';
	s->withdrew_handoff = 0;
	session_sync_clock(s);
	return s->now;
}

void
session_hold_clock(struct session *s, time_t at)
{
	s->clock_held = 1;
	s->now = at;
	session_sync_clock(s);
}

void
session_release_clock(struct session *s)
{
	s->clock_held = 0;
	session_tick(s);
}

day_t
session_today(const struct session *s)
{
	return dates_local_day(s->now);
}

void
session_stamp(const struct session *s, char buf[21])
{
	struct tm tm;

	gmtime_r(&s->now, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
session_sync_clock(struct session *s)
{
	if (s->st != NULL)
		store_set_flag_context(s->st, &s->rules, session_today(s));
}
