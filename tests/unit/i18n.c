/* Unit tests of the history as people read it (history.h, dates.h): the
 * stored words, details and UTC moments, in English and in Vietnamese, and
 * what they do with what they do not know. */
#include "roviec/dates.h"
#include "roviec/history.h"
#include "roviec/i18n.h"

#include <limits.h>
#include <stdlib.h>
#include <time.h>

#include "tap.h"

/* The catalogue of the build tree, as make check runs from the top. */
static void
use_build_catalogue(void)
{
	char dir[PATH_MAX];

	if (realpath("build/locale", dir) != NULL)
		bindtextdomain("roviec", dir);
}

int
main(void)
{
	char buf[512], when[17];

	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	setenv("LANG", "C.UTF-8", 1);
	i18n_init();
	use_build_catalogue();

	/* English: the stored words, readable as they are. */
	is_str(history_word_shown("transfer"), "transfer", "en: an action word as stored");
	is_str(history_word_shown("x-unknown"), "x-unknown", "en: a word not known is shown as stored");
	is_str(history_word_shown(NULL), "", "a missing word is empty");
	is_str(history_detail_shown("proposed", buf, sizeof(buf)), "proposed", "en: the state of a handoff");
	is_str(history_detail_shown("2026-11-19", buf, sizeof(buf)), "2026-11-19", "en: a day stays ISO");
	is_str(history_detail_shown("deadline 2026-11-19", buf, sizeof(buf)), "deadline 2026-11-19",
	    "en: the deadline of a creation");
	is_str(history_detail_shown("deadline 2026-11-19; imported from /tmp/a b.csv line 12", buf, sizeof(buf)),
	    "deadline 2026-11-19; imported from /tmp/a b.csv line 12", "en: an imported creation");
	is_str(history_detail_shown("deadline 2026", buf, sizeof(buf)), "deadline 2026",
	    "a detail too short for its day is shown as stored");
	is_str(history_detail_shown(NULL, buf, sizeof(buf)), "", "no detail is empty");
	/* 11:23 UTC is 18:23 in Đà Lạt (UTC+7, no summer time). */
	is_str(dates_moment_shown("2026-09-23T11:23:00Z", when), "2026-09-23 18:23", "en: a moment in local time, ISO");
	is_str(dates_moment_shown("2026-12-31T20:00:00Z", when), "2027-01-01 03:00", "and across the new year");
	is_str(dates_moment_shown("2026-09-23 11:23", when), "2026-09-23 11:23", "a moment not in the stored form is shown as is");
	is_str(dates_moment_shown("2026-02-30T11:23:00Z", when), "2026-02-30T11:23:00Z", "and so is a day that does not exist");
	is_str(dates_moment_shown(NULL, when), "", "no moment is empty");

	/* Vietnamese. */
	ok(i18n_set("vi") == 0, "the language can be set to vi");
	ok(strcmp(history_word_shown("created"), "created") != 0,
	    "vi: created is translated (%s)", history_word_shown("created"));
	ok(strcmp(history_word_shown("created"), gettext("created")) != 0,
	    "vi: and apart from the field's label 'created' (%s)", gettext("created"));
	for (const char *const *w = (const char *const[]){ "accepted", "assigned", "cancelled",
	    "confirmed", "escalate", "extension-approved", "extension-asked", "extension-refused",
	    "extension-withdrawn", "handoff-withdrawn", "head-set", "part-delivered", "person-added",
	    "person-changed", "progress", "redirected", "rejected", "reopened", "return", "submitted",
	    "support-ended", "transfer", "unit-added", "proposed", "first administrator",
	    "unit-changed", "person-left", NULL }; *w; w++)
		ok(strcmp(history_word_shown(*w), *w) != 0, "vi: %s is %s", *w, history_word_shown(*w));
	is_str(history_word_shown("x-unknown"), "x-unknown", "vi: a word not known is shown as stored");
	is_str(history_detail_shown("2026-11-19", buf, sizeof(buf)), "19/11/2026", "vi: a day as DD/MM/YYYY");
	ok(strstr(history_detail_shown("deadline 2026-11-19", buf, sizeof(buf)), "19/11/2026") != NULL &&
	    strstr(buf, "deadline") == NULL, "vi: the deadline of a creation (%s)", buf);
	history_detail_shown("deadline 2026-11-19; imported from /tmp/a b.csv line 12", buf, sizeof(buf));
	ok(strstr(buf, "19/11/2026") != NULL && strstr(buf, "/tmp/a b.csv") != NULL &&
	    strstr(buf, "12") != NULL && strstr(buf, "imported") == NULL && strstr(buf, " line ") == NULL,
	    "vi: an imported creation, the file named as it was (%s)", buf);
	is_str(dates_moment_shown("2026-09-23T11:23:00Z", when), "23/09/2026 18:23", "vi: a moment as DD/MM/YYYY HH:MM");
	return done_testing();
}
