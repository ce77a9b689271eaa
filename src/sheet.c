/* sheet: a duty as people read it, in one snapshot (see sheet.h). */
#include "roviec/sheet.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/decimal.h"
#include "roviec/history.h"
#include "roviec/i18n.h"
#include "roviec/store.h"

/* A malloc'd printf; NULL when out of memory. */
__attribute__((format(printf, 1, 2)))
static char *
format(const char *fmt, ...)
{
	va_list ap, again;
	int n;
	char *s;

	va_start(ap, fmt);
	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL) {
		va_end(again);
		return NULL;
	}
	vsnprintf(s, (size_t)n + 1, fmt, again);
	va_end(again);
	return s;
}

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

struct reading {
	struct duty_sheet *sh;
	const char *ref;
	size_t cap_fields, cap_history;
	int oom;
	char asked[17];		/* when the last extension was asked */
};

/* Adds a field (the value taken); NULL values are out of memory. */
static void
field(struct reading *r, const char *label, char *value)
{
	struct duty_sheet *sh = r->sh;

	if (value == NULL) {
		r->oom = 1;
		return;
	}
	if (sh->nfields == r->cap_fields) {
		size_t cap = r->cap_fields ? 2 * r->cap_fields : 16;
		struct sheet_field *f = realloc(sh->fields, cap * sizeof(*f));

		if (f == NULL) {
			free(value);
			r->oom = 1;
			return;
		}
		sh->fields = f;
		r->cap_fields = cap;
	}
	sh->fields[sh->nfields].label = label;
	sh->fields[sh->nfields++].value = value;
}

static int
detail_of(const struct duty_detail *row, void *arg)
{
	struct reading *r = arg;
	char flags[256];

	free(r->sh->status);
	r->sh->status = strdup(nz(row->status));
	r->sh->flags = row->flags;
	flags_join_shown(row->flags, ", ", flags, sizeof(flags));
	field(r, _("status"), format("%s%s%s", i18n_status(row->status),
	    row->flags ? _("; flags: ") : "", row->flags ? flags : ""));
	field(r, _("lead unit"), format("%s %s", nz(row->lead_code), nz(row->lead_name)));
	field(r, _("owner"), format("%s (%s)", nz(row->owner_login), nz(row->owner_name)));
	field(r, _("assigner"), format("%s (%s)", nz(row->assigner_login),
	    nz(row->assigner_name)));
	return 0;
}

static int
support_of(const struct support_row *row, void *arg)
{
	char day[11];

	if (row->delivered_on != NULL)
		field(arg, _("supporting"), format(_("%s %s: %s (delivered %s)"),
		    row->unit_code, row->unit_name,
		    row->part[0] ? row->part : _("(part not stated)"),
		    dates_shown(row->delivered_on, day)));
	else
		field(arg, _("supporting"), format("%s %s: %s", row->unit_code,
		    row->unit_name, row->part[0] ? row->part : _("(part not stated)")));
	return 0;
}

/* "created by root via admin [→ P1] [owner → p1.nga] (deadline ...): text" */
static char *
entry_line(const struct history_row *h)
{
	char detail[4400] = "", units[200] = "", owners[200] = "", via[100] = "";
	char by[300];

	/* TRANSLATORS: a history entry: what was done, by whom. */
	snprintf(by, sizeof(by), _("%s by %s"), history_word_shown(h->action),
	    nz(h->actor_login));
	if (h->via_login != NULL)
		/* TRANSLATORS: after "ACTION by LOGIN": the administrator who
		 * acted for them (roviec --as). */
		snprintf(via, sizeof(via), _(" via %s"), h->via_login);
	if (h->from_unit != NULL || h->to_unit != NULL)
		snprintf(units, sizeof(units), " [%s%s→%s%s]", nz(h->from_unit),
		    h->from_unit ? " " : "", h->to_unit ? " " : "", nz(h->to_unit));
	if (h->from_owner != NULL || h->to_owner != NULL)
		snprintf(owners, sizeof(owners), _(" [owner %s%s→%s%s]"), nz(h->from_owner),
		    h->from_owner ? " " : "", h->to_owner ? " " : "", nz(h->to_owner));
	if (h->detail != NULL) {
		char shown[4400];

		snprintf(detail, sizeof(detail), " (%s)",
		    history_detail_shown(h->detail, shown, sizeof(shown)));
	}
	/* issue #11: the action an undo took back, and when it was taken. */
	if (h->undone_action != NULL)
		return format(_("%s%s%s%s: takes back %s of %s"), by, via, units, owners,
		    history_word_shown(h->undone_action),
		    dates_moment_shown(nz(h->undone_at), (char[17]){ 0 }));
	return format("%s%s%s%s%s%s%s", by, via, units, owners, detail,
	    h->text != NULL ? ": " : "", h->text != NULL ? history_word_shown(h->text) : "");
}

static int
history_of(const struct history_row *h, void *arg)
{
	struct reading *r = arg;
	struct duty_sheet *sh = r->sh;
	struct sheet_entry *e;
	char path[1024];
	size_t len;

	if (sh->nhistory == r->cap_history) {
		size_t cap = r->cap_history ? 2 * r->cap_history : 16;
		struct sheet_entry *grown = realloc(sh->history, cap * sizeof(*grown));

		if (grown == NULL) {
			r->oom = 1;
			return 1;
		}
		sh->history = grown;
		r->cap_history = cap;
	}
	e = &sh->history[sh->nhistory];
	memset(e, 0, sizeof(*e));
	e->at = strdup(nz(h->at));
	snprintf(e->when, sizeof(e->when), "%s", dates_moment_shown(nz(h->at), (char[17]){ 0 }));
	e->line = entry_line(h);
	sh->nhistory++;
	if (e->at == NULL || e->line == NULL)
		r->oom = 1;
	/* The path of lead units: every change of lead actually made. */
	snprintf(path, sizeof(path), "%s", nz(sh->path));
	len = strlen(path);
	store_history_path_add(h, path, sizeof(path), &len);
	free(sh->path);
	if ((sh->path = strdup(path)) == NULL)
		r->oom = 1;
	if (strcmp(h->action, "extension-asked") == 0)
		memcpy(r->asked, e->when, sizeof(r->asked));
	/* The last result submitted, for the assigner who decides on it. */
	if (strcmp(h->action, "submitted") == 0) {
		free(sh->waits[SHEET_RESULT]);
		sh->waits[SHEET_RESULT] = format(_("submitted by %s on %s: %s"),
		    nz(h->actor_login), e->when, h->text != NULL ? h->text : "");
	} else if (strcmp(h->action, "reopened") == 0) {
		free(sh->waits[SHEET_RESULT]);
		sh->waits[SHEET_RESULT] = NULL;
	}
	return 0;
}

/* A unit's code and a person's login, by id, for what waits. */
static void
names_of(struct store *st, rowid_t unit, rowid_t person, char code[17],
    char login[33])
{
	struct unit u;
	struct person p;
	struct rv_err ignored;

	code[0] = login[0] = '\0';
	if (unit != 0 && store_unit_by_id(st, unit, &u, &ignored) == RV_OK) {
		snprintf(code, 17, "%s", u.code);
		model_unit_free(&u);
	}
	if (person != 0 && store_person_by_id(st, person, &p, &ignored) == RV_OK) {
		snprintf(login, 33, "%s", p.login);
		model_person_free(&p);
	}
}

/* What waits for an answer: the proposal and the extension request. */
static enum rv_code
waiting(struct store *st, struct reading *r, rowid_t duty_id, struct rv_err *err)
{
	struct duty_sheet *sh = r->sh;
	struct handoff h;
	struct extension x;
	char from[17], to[17], by[33], day[11], old[11];
	int found;
	enum rv_code rc;

	if ((rc = store_handoff_pending(st, duty_id, &h, &found, err)) != RV_OK)
		return rc;
	if (found) {
		static const char *const kinds[] = {
			N_("transfer from %s to %s, proposed by %s on %s: %s"),
			N_("escalation from %s to %s, proposed by %s on %s: %s"),
			N_("return from %s to %s, proposed by %s on %s: %s"),
		};

		names_of(st, h.from_unit_id, h.proposed_by, from, by);
		names_of(st, h.to_unit_id, 0, to, (char[33]){ 0 });
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		sh->waits[SHEET_PROPOSAL] = format(_(kinds[h.kind]), from, to, by,
		    dates_shown(h.created_on, day), nz(h.reason));
#pragma GCC diagnostic pop
		field(r, _("waiting"), strdup(nz(sh->waits[SHEET_PROPOSAL])));
		model_handoff_free(&h);
	}
	if ((rc = store_extension_pending(st, duty_id, &x, &found, err)) != RV_OK)
		return rc;
	if (found) {
		names_of(st, 0, x.requested_by, (char[17]){ 0 }, by);
		sh->waits[SHEET_EXTENSION] = format(
		    _("extension to %s (the deadline is %s), asked by %s on %s: %s"),
		    dates_shown(x.new_deadline, day), dates_shown(x.old_deadline, old), by,
		    r->asked, nz(x.reason));
		field(r, _("waiting"), strdup(nz(sh->waits[SHEET_EXTENSION])));
		model_extension_free(&x);
	}
	return RV_OK;
}

static void
sheet_clear(struct duty_sheet *sh)
{
	free(sh->ref);
	free(sh->uuid);
	free(sh->title);
	free(sh->status);
	for (size_t i = 0; i < sh->nfields; i++)
		free(sh->fields[i].value);
	free(sh->fields);
	for (size_t i = 0; i < sh->nhistory; i++) {
		free(sh->history[i].at);
		free(sh->history[i].line);
	}
	free(sh->history);
	free(sh->path);
	for (size_t i = 0; i < sizeof(sh->waits) / sizeof(sh->waits[0]); i++)
		free(sh->waits[i]);
	memset(sh, 0, sizeof(*sh));
}

static enum rv_code
read_sheet(struct store *st, void *arg, struct rv_err *err)
{
	struct reading *r = arg;
	struct duty_sheet *sh = r->sh;
	struct duty d;
	char d1[11], d2[11];
	enum rv_code rc;

	/* A read retried on a busy database starts again. */
	sheet_clear(sh);
	r->cap_fields = r->cap_history = 0;
	r->oom = 0;
	r->asked[0] = '\0';
	if ((rc = store_duty_by_ref(st, r->ref, &d, err)) != RV_OK)
		return rc;
	sh->ref = strdup(d.ref);
	sh->uuid = strdup(d.uuid);
	sh->title = strdup(d.title);
	field(r, _("uuid"), strdup(d.uuid));
	if ((rc = store_duty_detail(st, d.id, detail_of, r, err)) != RV_OK)
		goto out;
	if (strcmp(d.deadline, d.original_deadline) != 0)
		field(r, _("deadline"), format(_("%s (originally %s)"), dates_shown(d.deadline, d1),
		    dates_shown(d.original_deadline, d2)));
	else
		field(r, _("deadline"), strdup(dates_shown(d.deadline, d1)));
	field(r, _("expected result"), strdup(d.result));
	field(r, _("basis"), strdup(d.basis));
	if (d.field != NULL)
		field(r, _("field"), strdup(d.field));
	{
		long coef;
		char num[DECIMAL_SIZE];

		/* Decree 335/2025's conversion coefficient (issue #13). */
		if ((rc = store_duty_coefficient(st, d.id, &coef, err)) != RV_OK)
			goto out;
		field(r, _("coefficient"), strdup(i18n_decimal(decimal_format(coef, num))));
	}
	field(r, _("created"), strdup(dates_moment_shown(d.created_at, (char[17]){ 0 })));
	if ((rc = store_support_list(st, d.id, support_of, r, err)) != RV_OK ||
	    (rc = store_history_list(st, d.id, history_of, r, err)) != RV_OK ||
	    (rc = waiting(st, r, d.id, err)) != RV_OK)
		goto out;
	if (strcmp(d.status, "submitted") == 0 && sh->waits[SHEET_RESULT] != NULL)
		field(r, _("result submitted"), strdup(sh->waits[SHEET_RESULT]));
	else if (strcmp(d.status, "done") != 0) {
		free(sh->waits[SHEET_RESULT]);
		sh->waits[SHEET_RESULT] = NULL;
	}
	if (sh->path == NULL)
		sh->path = strdup("");
	if (r->oom || sh->ref == NULL || sh->uuid == NULL || sh->title == NULL ||
	    sh->path == NULL)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
out:
	model_duty_free(&d);
	return rc;
}

enum rv_code
sheet_read(struct session *s, const char *ref, struct duty_sheet *out,
    struct rv_err *err)
{
	struct reading r = { out, ref, 0, 0, 0, "" };
	enum rv_code rc;

	memset(out, 0, sizeof(*out));
	if ((rc = store_read(s->st, read_sheet, &r, err)) != RV_OK)
		sheet_clear(out);
	return rc;
}

void
sheet_free(struct duty_sheet *sh)
{
	sheet_clear(sh);
}

const char *
sheet_history_label(void)
{
	return _("history");
}

const char *
sheet_path_label(void)
{
	return _("path");
}
