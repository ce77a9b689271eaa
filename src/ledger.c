/* ledger: the fields of a duty the history accounts for (see ledger.h). */
#include "roviec/ledger.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roviec/facts.h"
#include "roviec/i18n.h"
#include "roviec/store.h"

#define F(key, type, field, what, of) \
	{ #key, type, offsetof(struct duty, field), \
	  offsetof(struct store_duty_rec, field), what, of }

/* The order is the order verify reports them in. */
const struct ledger_field ledger_duty_fields[] = {
	F(uuid, LEDGER_TEXT, uuid, NC_("verify", "uuid"), 0),
	F(ref, LEDGER_TEXT, ref, NC_("verify", "reference"), 0),
	F(title, LEDGER_TEXT, title, NC_("verify", "title"), 0),
	F(result, LEDGER_TEXT, result, NC_("verify", "expected result"), 0),
	F(basis, LEDGER_TEXT, basis, NC_("verify", "basis"), 0),
	F(field, LEDGER_TEXT, field, NC_("verify", "field"), 0),
	F(assigner_id, LEDGER_ID, assigner_id, NC_("verify", "assigner"), 'p'),
	F(lead_unit_id, LEDGER_ID, lead_unit_id, NC_("verify", "lead unit"), 'u'),
	F(owner_id, LEDGER_ID, owner_id, NC_("verify", "owner"), 'p'),
	F(created_at, LEDGER_TEXT, created_at, NC_("verify", "created"), 0),
	F(original_deadline, LEDGER_DAY, original_deadline, NC_("verify", "original deadline"), 0),
	F(deadline, LEDGER_DAY, deadline, NC_("verify", "deadline"), 0),
	F(status, LEDGER_WORD, status, NC_("verify", "status"), 0),
	F(done_on, LEDGER_DAY, done_on, NC_("verify", "day it was done"), 0),
	F(closed_on, LEDGER_DAY, closed_on, NC_("verify", "day it was closed"), 0),
	F(last_progress_on, LEDGER_DAY, last_progress_on, NC_("verify", "last progress"), 0),
	F(handoffs, LEDGER_INT, handoffs, NC_("verify", "handoffs"), 0),
	F(bounced, LEDGER_INT, bounced, NC_("verify", "bounced"), 0),
	F(escalated, LEDGER_INT, escalated, NC_("verify", "escalated"), 0),
	F(reopened, LEDGER_INT, reopened, NC_("verify", "times reopened"), 0),
};
#undef F

const size_t ledger_duty_nfields =
    sizeof(ledger_duty_fields) / sizeof(ledger_duty_fields[0]);

/* The field as text: NULL for none. */
static const char *
text_of(const struct duty *d, const struct ledger_field *f, char *buf, size_t size)
{
	const char *p = (const char *)d + f->at;

	switch (f->type) {
	case LEDGER_TEXT:
		return *(char *const *)(const void *)p;
	case LEDGER_DAY:
	case LEDGER_WORD:
		return p[0] != '\0' ? p : NULL;
	case LEDGER_ID:
		if (*(const rowid_t *)(const void *)p == 0)
			return NULL;
		snprintf(buf, size, "%lld", (long long)*(const rowid_t *)(const void *)p);
		return buf;
	default:
		snprintf(buf, size, "%d", *(const int *)(const void *)p);
		return buf;
	}
}

static int
same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

void
ledger_duty_diff(const struct duty *was, const struct duty *now, struct facts *f)
{
	for (size_t i = 0; i < ledger_duty_nfields; i++) {
		const struct ledger_field *lf = &ledger_duty_fields[i];
		char b1[32], b2[32];
		const char *a = text_of(was, lf, b1, sizeof(b1));
		const char *b = text_of(now, lf, b2, sizeof(b2));

		if (lf->type == LEDGER_INT) {
			int v1 = *(const int *)(const void *)((const char *)was + lf->at);
			int v2 = *(const int *)(const void *)((const char *)now + lf->at);

			if (v1 != v2)
				facts_int(f, lf->key, v2);
		} else if (lf->type == LEDGER_ID) {
			rowid_t v1 = *(const rowid_t *)(const void *)((const char *)was + lf->at);
			rowid_t v2 = *(const rowid_t *)(const void *)((const char *)now + lf->at);

			if (v1 != v2) {
				if (v2 == 0)
					facts_str(f, lf->key, NULL);
				else
					facts_int(f, lf->key, v2);
			}
		} else if (!same(a, b)) {
			facts_str(f, lf->key, b);
		}
	}
}

int
ledger_duty_apply(const struct facts_doc *doc, struct duty *d, unsigned long *known)
{
	int bad = 0;

	assert(ledger_duty_nfields <= 8 * sizeof(*known));
	for (size_t i = 0; i < ledger_duty_nfields; i++) {
		const struct ledger_field *lf = &ledger_duty_fields[i];
		const struct facts_value *v = facts_get(doc, lf->key);
		char *p = (char *)d + lf->at;

		if (v->type == FACT_NONE)
			continue;
		*known |= 1ul << i;
		switch (lf->type) {
		case LEDGER_TEXT: {
			char **sp = (char **)(void *)p;

			free(*sp);
			*sp = NULL;
			if (v->type == FACT_STR && (*sp = strdup(v->s)) == NULL)
				bad = 1;
			else if (v->type != FACT_STR && v->type != FACT_NULL)
				bad = 1;
			break;
		}
		case LEDGER_DAY:
		case LEDGER_WORD: {
			size_t size = lf->type == LEDGER_DAY ? 11 : 10;

			p[0] = '\0';
			if (v->type == FACT_STR && strlen(v->s) < size)
				memcpy(p, v->s, strlen(v->s) + 1);
			else if (v->type != FACT_NULL)
				bad = 1;
			break;
		}
		case LEDGER_ID:
			*(rowid_t *)(void *)p = v->type == FACT_INT ? v->i : 0;
			bad |= v->type != FACT_INT && v->type != FACT_NULL;
			break;
		default:
			*(int *)(void *)p = v->type == FACT_INT ? (int)v->i : 0;
			bad |= v->type != FACT_INT;
			break;
		}
	}
	return bad ? -1 : 0;
}

const char *
ledger_duty_value(const struct duty *d, size_t i, char *buf, size_t size)
{
	const char *v;

	assert(i < ledger_duty_nfields);
	v = text_of(d, &ledger_duty_fields[i], buf, size);
	return v != NULL ? v : "";
}

const char *
ledger_rec_value(const struct store_duty_rec *r, size_t i, char *buf, size_t size)
{
	const struct ledger_field *lf = &ledger_duty_fields[i];
	const char *p = (const char *)r + lf->rec_at;
	const char *v;

	assert(i < ledger_duty_nfields);
	switch (lf->type) {
	case LEDGER_ID:
		if (*(const rowid_t *)(const void *)p == 0)
			return "";
		snprintf(buf, size, "%lld", (long long)*(const rowid_t *)(const void *)p);
		return buf;
	case LEDGER_INT:
		snprintf(buf, size, "%lld", *(const long long *)(const void *)p);
		return buf;
	default:
		v = *(const char *const *)(const void *)p;
		return v != NULL ? v : "";
	}
}

static int
dup_into(char **dst, const char *src)
{
	free(*dst);
	*dst = NULL;
	return src != NULL && (*dst = strdup(src)) == NULL ? -1 : 0;
}

int
ledger_duty_copy(struct duty *dst, const struct duty *src)
{
	struct duty keep = *dst;
	int bad = 0;

	*dst = *src;
	dst->uuid = keep.uuid;
	dst->ref = keep.ref;
	dst->title = keep.title;
	dst->search_key = keep.search_key;
	dst->result = keep.result;
	dst->basis = keep.basis;
	dst->field = keep.field;
	dst->created_at = keep.created_at;
	bad |= dup_into(&dst->uuid, src->uuid);
	bad |= dup_into(&dst->ref, src->ref);
	bad |= dup_into(&dst->title, src->title);
	bad |= dup_into(&dst->search_key, src->search_key);
	bad |= dup_into(&dst->result, src->result);
	bad |= dup_into(&dst->basis, src->basis);
	bad |= dup_into(&dst->field, src->field);
	bad |= dup_into(&dst->created_at, src->created_at);
	return bad ? -1 : 0;
}
