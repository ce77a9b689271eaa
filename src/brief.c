/* brief: what needs one person's action now (see brief.h). */
#include "roviec/brief.h"

#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/actor.h"
#include "roviec/dates.h"
#include "roviec/flags.h"
#include "roviec/history.h"
#include "roviec/i18n.h"
#include "roviec/out.h"
#include "roviec/text.h"

/* The one list of the kinds (STYLE 10): their word for programs, their
 * label for people (the summary, the digest), and the short tag a row of
 * the table carries. */
static const struct {
	const char *word, *label, *tag;
} kinds[WAIT__KINDS] = {
	[WAIT_PROPOSAL] = { "proposals", N_("proposals to answer"), N_("answer") },
	[WAIT_EXTENSION] = { "extensions", N_("extension requests"), N_("extension") },
	[WAIT_CONFIRM] = { "confirm", N_("results to confirm"), N_("confirm") },
	[WAIT_OVERDUE] = { "overdue", N_("overdue"), N_("overdue") },
	[WAIT_DUE_SOON] = { "due_soon", N_("due soon"), N_("due soon") },
	[WAIT_NEW] = { "new", N_("new to you"), N_("new") },
	[WAIT_PART] = { "parts", N_("parts your unit owes"), N_("part") },
};

const char *
brief_kind_word(enum wait_kind k)
{
	assert((unsigned)k < WAIT__KINDS);
	return kinds[k].word;
}

const char *
brief_kind_label(enum wait_kind k)
{
	assert((unsigned)k < WAIT__KINDS);
	return _(kinds[k].label);
}

/* --- computing --------------------------------------------------------- */

struct compute {
	struct session *s;
	const struct person *p;
	size_t max;
	enum brief_look look;
	struct brief *b;
	char today[11], soon_until[11], stamp[21];
	int oom;
};

static void
items_clear(struct brief *b)
{
	for (size_t i = 0; i < b->nitems; i++) {
		struct brief_item *it = &b->items[i];

		free(it->ref);
		free(it->title);
		free(it->lead);
		free(it->owner);
		free(it->deadline);
		free(it->status);
		free(it->what);
		free(it->extra);
		free(it->since);
	}
	free(b->items);
	b->items = NULL;
	b->nitems = 0;
}

void
brief_free(struct brief *b)
{
	items_clear(b);
	memset(b, 0, sizeof(*b));
}

static char *
dup_or_null(const char *s, int *oom)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		*oom = 1;
	return d;
}

static int
keep(const struct wait_row *r, void *arg)
{
	struct compute *c = arg;
	struct brief *b = c->b;
	struct brief_item *it, *grown;

	assert((unsigned)r->kind < WAIT__KINDS);
	if ((grown = realloc(b->items, (b->nitems + 1) * sizeof(*grown))) == NULL) {
		c->oom = 1;
		return 1;
	}
	b->items = grown;
	it = &b->items[b->nitems++];
	memset(it, 0, sizeof(*it));
	it->kind = r->kind;
	it->duty_id = r->duty_id;
	it->flags = r->flags;
	it->ref = dup_or_null(r->ref, &c->oom);
	it->title = dup_or_null(r->title, &c->oom);
	it->lead = dup_or_null(r->lead_code, &c->oom);
	it->owner = dup_or_null(r->owner_login, &c->oom);
	it->deadline = dup_or_null(r->deadline, &c->oom);
	it->status = dup_or_null(r->status, &c->oom);
	it->what = dup_or_null(r->what, &c->oom);
	it->extra = dup_or_null(r->extra, &c->oom);
	it->since = dup_or_null(r->since, &c->oom);
	return c->oom;
}

static enum rv_code
do_compute(struct store *st, void *arg, struct rv_err *err)
{
	struct compute *c = arg;
	struct brief *b = c->b;
	char language[3];
	int found;
	struct wait_query q = { 0 };
	enum rv_code rc;

	/* A retried transaction starts again from nothing. */
	items_clear(b);
	memset(b->count, 0, sizeof(b->count));
	b->total = 0;
	if ((rc = store_seen_get(st, c->p->id, b->looked_at, language, &found,
	    err)) != RV_OK)
		return rc;
	q.person_id = c->p->id;
	/* Inspectors watch: no part of their unit is theirs to deliver. */
	q.unit_id = c->p->role == ROLE_INSPECTOR ? 0 : c->p->unit_id;
	q.heads_unit_id = c->p->unit_id != 0 && actor_heads(st, c->p->id, c->p->unit_id) ?
	    c->p->unit_id : 0;
	q.today = c->today;
	q.soon_until = c->soon_until;
	q.looked_at = found ? b->looked_at : NULL;
	q.limit = c->max > LLONG_MAX ? -1 : (long long)c->max;
	if ((rc = store_waiting(st, &q, b->count, keep, c, err)) != RV_OK)
		return rc;
	for (int k = 0; k < WAIT__KINDS; k++)
		b->total += b->count[k];
	if (c->oom)
		return err_set(err, RV_STORAGE, _("out of memory"));
	if (c->look == BRIEF_LOOK)
		rc = store_seen_set(st, c->p->id, c->stamp, i18n_vi() ? "vi" : "en", err);
	return rc;
}

enum rv_code
brief_compute(struct session *s, const struct person *p, size_t max_items,
    enum brief_look look, struct brief *b, struct rv_err *err)
{
	struct compute c = { .s = s, .p = p, .max = max_items, .look = look, .b = b };
	day_t today;
	enum rv_code rc;

	memset(b, 0, sizeof(*b));
	b->person_id = p->id;
	session_tick(s);
	today = session_today(s);
	dates_iso(today, c.today);
	memcpy(b->today, c.today, sizeof(b->today));
	session_stamp(s, c.stamp);
	/* The last day whose deadline is still due soon (flags.c's rule):
	 * the rows are read by deadline up to it, then rv_flags decides. */
	dates_iso(flags_due_soon_until(&s->rules, today), c.soon_until);
	rc = look == BRIEF_LOOK ? store_write(s->st, do_compute, &c, err) :
	    store_read(s->st, do_compute, &c, err);
	if (rc != RV_OK)
		brief_free(b);
	return rc;
}

/* --- for people ---------------------------------------------------------- */

const char *
brief_summary(const struct brief *b, char *buf, size_t size)
{
	size_t len = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (int k = 0; k < WAIT__KINDS && len < size; k++)
		if (b->count[k] > 0)
			len += (size_t)snprintf(buf + len, size - len, "%s%s: %lld",
			    len ? " · " : "", brief_kind_label((enum wait_kind)k), b->count[k]);
	return buf;
}

const char *
brief_item_note(const struct brief_item *it, char *buf, size_t size)
{
	char day[11], moment[17];
	const char *since = it->since != NULL ? it->since : "";

	buf[0] = '\0';
	switch (it->kind) {
	case WAIT_PROPOSAL:
		/* TRANSLATORS: a handoff proposal waiting for an answer: its
		 * kind (transfer, escalate, return), the unit it comes from and
		 * the day it was made. */
		snprintf(buf, size, _("%s from %s, %s"),
		    it->what != NULL ? history_word_shown(it->what) : "",
		    it->extra != NULL ? it->extra : "", dates_shown(since, day));
		break;
	case WAIT_EXTENSION:
		snprintf(buf, size, _("asks for %s"),
		    dates_shown(it->what != NULL ? it->what : "", day));
		break;
	case WAIT_CONFIRM:
		snprintf(buf, size, _("submitted %s"), dates_shown(since, day));
		break;
	case WAIT_NEW:
		snprintf(buf, size, _("from %s, %s"), it->extra != NULL ? it->extra : "",
		    dates_moment_shown(since, moment));
		break;
	case WAIT_PART:
		snprintf(buf, size, "%s", it->what != NULL ? it->what : "");
		break;
	case WAIT_OVERDUE:
	case WAIT_DUE_SOON:
	case WAIT__KINDS:
		break;
	}
	return buf;
}

void
brief_write(FILE *f, const struct brief *b, const struct person *p, size_t max_lines)
{
	static const char *const headers[] = {
		N_("What"), N_("Ref"), N_("Deadline"), N_("Title"), N_("Note"),
	};
	const char *h[5];
	char day[11], sum[512];
	struct out_table *t;
	size_t shown = 0;
	long long covered = 0;

	fputs(b->total == 0 ? _("Nothing waits for ") : _("What waits for "), f);
	out_text(f, p->full_name);
	fprintf(f, " (%s), %s", p->login, dates_shown(b->today, day));
	if (b->total == 0) {
		fputs(".\n", f);
		return;
	}
	fprintf(f, ":\n%s\n", brief_summary(b, sum, sizeof(sum)));
	for (size_t i = 0; i < 5; i++)
		h[i] = _(headers[i]);
	if ((t = out_table_new(5, h, 3)) == NULL)
		return;
	/* One row per duty, at its most urgent kind, tagged with every kind
	 * it has ("overdue, new"): the counts above count each kind. */
	for (size_t i = 0; i < b->nitems && shown < max_lines; i++) {
		const struct brief_item *it = &b->items[i];
		char note[400], dl[11], tags[160] = "";
		size_t len = 0;
		int seen = 0;
		const char *cells[5];

		for (size_t j = 0; j < i && !seen; j++)
			seen = b->items[j].duty_id == it->duty_id;
		if (seen)
			continue;
		note[0] = '\0';
		for (size_t j = i; j < b->nitems; j++) {
			if (b->items[j].duty_id != it->duty_id)
				continue;
			covered++;
			if (len < sizeof(tags))
				len += (size_t)snprintf(tags + len, sizeof(tags) - len, "%s%s",
				    len ? ", " : "", _(kinds[b->items[j].kind].tag));
			if (note[0] == '\0')
				brief_item_note(&b->items[j], note, sizeof(note));
		}
		cells[0] = tags;
		cells[1] = it->ref;
		cells[2] = dates_shown(it->deadline != NULL ? it->deadline : "", dl);
		cells[3] = it->title;
		cells[4] = note;
		out_table_add(t, cells);
		shown++;
	}
	out_table_write(t, f, OUT_TABLE);
	out_table_free(t);
	if (covered < b->total)
		fprintf(f, _("... and %lld more: roviec brief --format json lists them all\n"),
		    b->total - covered);
}

/* A JSON string: quotes, backslashes and controls escaped (out_json makes
 * the rest inert). */
static void
json_str(FILE *f, const char *s)
{
	if (s == NULL) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c == '"' || *c == '\\')
			fprintf(f, "\\%c", *c);
		else if (*c < 0x20 || *c == 0x7f)
			fprintf(f, "\\u%04x", *c);
		else
			fputc(*c, f);
	}
	fputc('"', f);
}

void
brief_write_json(FILE *f, const struct brief *b, const struct person *p)
{
	char *buf = NULL, fl[128];
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (m == NULL)
		return;
	fputs("{\"login\":", m);
	json_str(m, p->login);
	fputs(",\"name\":", m);
	json_str(m, p->full_name);
	fputs(",\"today\":", m);
	json_str(m, b->today);
	fputs(",\"looked_at\":", m);
	json_str(m, b->looked_at[0] ? b->looked_at : NULL);
	fprintf(m, ",\"total\":%lld,\"counts\":{", b->total);
	for (int k = 0; k < WAIT__KINDS; k++)
		fprintf(m, "%s\"%s\":%lld", k ? "," : "", kinds[k].word, b->count[k]);
	fputs("},\"items\":[", m);
	for (size_t i = 0; i < b->nitems; i++) {
		const struct brief_item *it = &b->items[i];

		fprintf(m, "%s{\"kind\":\"%s\",\"ref\":", i ? "," : "", kinds[it->kind].word);
		json_str(m, it->ref);
		fputs(",\"title\":", m);
		json_str(m, it->title);
		fputs(",\"lead_unit\":", m);
		json_str(m, it->lead);
		fputs(",\"owner\":", m);
		json_str(m, it->owner);
		fputs(",\"deadline\":", m);
		json_str(m, it->deadline);
		fputs(",\"status\":", m);
		json_str(m, it->status);
		fprintf(m, ",\"flags\":[%s]", flags_join(it->flags, ",", "\"", fl, sizeof(fl)));
		fputs(",\"what\":", m);
		json_str(m, it->what);
		fputs(",\"from\":", m);
		json_str(m, it->extra);
		fputs(",\"since\":", m);
		json_str(m, it->since);
		fputc('}', m);
	}
	fputs("]}", m);
	if (fclose(m) == 0 && buf != NULL) {
		out_json(f, buf);
		fputc('\n', f);
	}
	free(buf);
}
