/* report: the accountability report and the overview (see report.h). */
#include "roviec/report.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "roviec/i18n.h"
#include "roviec/model.h"

struct run {
	const struct report_query *q;
	struct report_meta *meta;
	rowid_t unit_id;
	store_report_fn fn;
	void *arg;
	int attempts;
};

static enum rv_code
run_txn(struct store *st, void *arg, struct rv_err *err)
{
	struct run *r = arg;
	struct store_report_query sq = { 0 };
	struct unit u = { 0 };
	enum rv_code rc;

	if (r->attempts++ > 0 && r->q->restart != NULL)
		r->q->restart(r->arg);
	if (r->q->unit != NULL) {
		if ((rc = store_unit_by_code(st, r->q->unit, &u, err)) != RV_OK)
			return rc;
		r->unit_id = u.id;
		model_unit_free(&u);
	}
	if ((rc = store_history_head(st, &r->meta->head_id, r->meta->head,
	    r->meta->head_at, err)) != RV_OK)
		return rc;
	sq.from = r->meta->from;
	sq.to = r->meta->to;
	sq.as_of = r->meta->as_of;
	sq.created_before = r->meta->created_before;
	sq.period_start = r->meta->period_start;
	sq.period_end = r->meta->period_end;
	sq.unit_id = r->unit_id;
	sq.by_person = r->q->by_person;
	sq.head = r->meta->head;
	sq.head_id = r->meta->head_id;
	return store_report(st, &sq, r->fn, r->arg, err);
}

static enum rv_code
parse_day(const char *what, const char *text, day_t today, day_t *out,
    struct rv_err *err)
{
	enum rv_code rc = dates_parse(text, today, out, err);

	if (rc != RV_OK) {
		char why[sizeof(err->msg)];

		snprintf(why, sizeof(why), "%s", err->msg);
		return err_set(err, RV_REFUSED, _("%s: %s"), what, why);
	}
	return RV_OK;
}

enum rv_code
report_run(struct session *s, const struct report_query *q,
    struct report_meta *meta, store_report_fn fn, void *arg, struct rv_err *err)
{
	struct run r = { q, meta, 0, fn, arg, 0 };
	day_t today = dates_local_day(session_tick(s)), from, to;
	int y, m, d;
	enum rv_code rc;

	memset(meta, 0, sizeof(*meta));
	to = today;
	if (q->to != NULL && (rc = parse_day("--to", q->to, today, &to, err)) != RV_OK)
		return rc;
	/* Without --from, the month of the period's end. */
	dates_to_ymd(to, &y, &m, &d);
	if (q->from != NULL) {
		if ((rc = parse_day("--from", q->from, today, &from, err)) != RV_OK)
			return rc;
	} else if ((rc = dates_from_ymd(y, m, 1, &from, err)) != RV_OK)
		return rc;
	if (from > today) {
		char f[11];

		dates_iso(from, f);
		return err_set(err, RV_REFUSED,
		    _("the period starts on %s, after today: a report is of what has happened"),
		    dates_shown(f, (char[11]){ 0 }));
	}
	if (from > to) {
		char f[11], t[11];

		dates_iso(from, f);
		dates_iso(to, t);
		return err_set(err, RV_REFUSED,
		    _("the period starts on %s, after its end %s: give --from before --to"),
		    dates_shown(f, (char[11]){ 0 }), dates_shown(t, (char[11]){ 0 }));
	}
	dates_iso(from, meta->from);
	dates_iso(to, meta->to);
	dates_iso(to < today ? to : today, meta->as_of);
	dates_midnight_after(to < today ? to : today, meta->created_before);
	dates_midnight_after(from - 1, meta->period_start);
	dates_midnight_after(to, meta->period_end);
	session_stamp(s, meta->made_at);
	session_sync_clock(s);
	return store_read(s->st, run_txn, &r, err);
}
