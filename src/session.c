/* session: the context of core actions (see session.h). */
#include "roviec/session.h"

#include "roviec/store.h"

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
