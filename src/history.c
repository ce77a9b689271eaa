/* history: the history as people read it (see history.h). */
#include "roviec/history.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "roviec/dates.h"
#include "roviec/i18n.h"
#include "roviec/model.h"

/* The words the history stores, shown translated.  "created" is also a
 * field's label, so each word has the context "history". */
static const char *const history_words[] = {
	NC_("history", "accepted"), NC_("history", "assigned"),
	NC_("history", "cancelled"), NC_("history", "confirmed"),
	NC_("history", "created"), NC_("history", "escalate"),
	NC_("history", "extension-approved"), NC_("history", "extension-asked"),
	NC_("history", "extension-refused"), NC_("history", "extension-withdrawn"),
	NC_("history", "handoff-withdrawn"), NC_("history", "head-set"),
	NC_("history", "part-delivered"), NC_("history", "person-added"),
	NC_("history", "person-changed"), NC_("history", "progress"),
	NC_("history", "redirected"), NC_("history", "rejected"),
	NC_("history", "reopened"), NC_("history", "return"),
	NC_("history", "submitted"), NC_("history", "support-ended"),
	NC_("history", "transfer"), NC_("history", "unit-added"),
	NC_("history", "proposed"), NC_("history", "first administrator"),
	/* issue #11: corrections, undo, series; the fields corrected. */
	NC_("history", "edited"), NC_("history", "undone"),
	NC_("history", "series-started"), NC_("history", "series-stopped"),
	NC_("history", "title"), NC_("history", "result"), NC_("history", "basis"),
	NC_("history", "support"),
	/* The reasons roviec itself records (duty.c, org.c). */
	NC_("history", "joins the unit as its head"),
	NC_("history", "the supporting unit became the lead unit"),
	NC_("history", "the duty moved to another unit"),
	NC_("history", "the duty was submitted as done"),
	NC_("history", "the assigner redirected the duty"),
	NC_("history", "the assigner cancelled the duty"),
	NC_("history", "the owner has left the unit; the head takes the reopened duty")
};

const char *
history_word_shown(const char *word)
{
	const char *t = i18n_ctx_find(history_words,
	    sizeof(history_words) / sizeof(history_words[0]), word);

	return t != NULL ? t : word != NULL ? word : "";
}

/* issue #11: "series N every E day D|last", "series N period P",
 * "series N" as people read them. */
static const char *
series_shown(const char *detail, char *buf, size_t size)
{
	static const char *const every[] = {
		N_("every month"), N_("every quarter"), N_("every year")
	};
	char what[16] = "", day[8] = "", period[16] = "";
	long long n = 0;
	enum series_every e;

	if (sscanf(detail, "series %lld every %15s day %7s", &n, what, day) == 3 &&
	    model_every_parse(what, &e) == 0) {
		if (strcmp(day, "last") == 0)
			snprintf(buf, size, e == EVERY_MONTH ?
			    _("series %lld, %s, due on the month's last day") :
			    _("series %lld, %s, due on the period's last day"), n, _(every[e]));
		else
			snprintf(buf, size, e == EVERY_MONTH ?
			    _("series %lld, %s, due on day %s of the month") :
			    _("series %lld, %s, due on day %s of the period's last month"),
			    n, _(every[e]), day);
	} else if (sscanf(detail, "series %lld period %15s", &n, period) == 2) {
		snprintf(buf, size, _("series %lld, period %s"), n, period);
	} else if (sscanf(detail, "series %lld", &n) == 1) {
		snprintf(buf, size, _("series %lld"), n);
	} else {
		snprintf(buf, size, "%s", detail);
	}
	return buf;
}

/* A detail is a history word, a day, or "deadline DAY" followed by the
 * original deadline ("; original DAY") and where the duty came from
 * ("; imported from FILE line N"). */
const char *
history_detail_shown(const char *detail, char *buf, size_t size)
{
	static const char from[] = "; imported from ", orig[] = "; original ";
	char day[11], o[11];
	const char *rest, *line;
	size_t n;

	if (detail == NULL)
		return "";
	if (strlen(detail) == 10 && detail[4] == '-' && detail[7] == '-')
		return dates_shown(detail, buf);
	if (strncmp(detail, "series ", 7) == 0)
		return series_shown(detail, buf, size);
	if (strncmp(detail, "deadline ", 9) != 0 || strlen(detail) < 19 || size < 11)
		return history_word_shown(detail);
	snprintf(day, sizeof(day), "%.10s", detail + 9);
	rest = detail + 19;
	n = (size_t)snprintf(buf, size, _("deadline %s"), dates_shown(day, (char[11]){ 0 }));
	if (strncmp(rest, orig, sizeof(orig) - 1) == 0 && strlen(rest) >= sizeof(orig) - 1 + 10) {
		snprintf(o, sizeof(o), "%.10s", rest + sizeof(orig) - 1);
		if (n < size)
			n += (size_t)snprintf(buf + n, size - n, _(", originally %s"),
			    dates_shown(o, (char[11]){ 0 }));
		rest += sizeof(orig) - 1 + 10;
	}
	if (n >= size)
		return buf;
	/* "; series N period P" (issue #11). */
	if (strncmp(rest, "; series ", 9) == 0 && size - n > 4) {
		buf[n++] = ';';
		buf[n++] = ' ';
		series_shown(rest + 2, buf + n, size - n);
		return buf;
	}
	/* "; imported from FILE line N": the file name is the user's. */
	line = strrchr(rest, ' ');
	if (strncmp(rest, from, sizeof(from) - 1) == 0 && line != NULL &&
	    line - rest > (ptrdiff_t)sizeof(from) - 1 + 5 && strncmp(line - 5, " line", 5) == 0)
		snprintf(buf + n, size - n, _("; imported from %.*s line %s"),
		    (int)(line - 5 - (rest + sizeof(from) - 1)), rest + sizeof(from) - 1, line + 1);
	else
		snprintf(buf + n, size - n, "%s", rest);
	return buf;
}
