/* model: names of the enumerations and freeing of the records (model.h). */
#include "roviec/model.h"

#include <stdlib.h>
#include <string.h>

static const char *const role_names[] = { "admin", "head", "officer", "inspector" };
static const char *const kind_names[] = { "city", "ward", "commune", "department", "party" };
static const char *const handoff_names[] = { "transfer", "escalate", "return" };
static const char *const every_names[] = { "month", "quarter", "year" };

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int
name_index(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (s != NULL && strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *
model_role_name(enum role role)
{
	return (size_t)role < NELEM(role_names) ? role_names[role] : "?";
}

int
model_role_parse(const char *s, enum role *out)
{
	int i = name_index(role_names, NELEM(role_names), s);

	if (i < 0)
		return -1;
	*out = (enum role)i;
	return 0;
}

const char *
model_kind_name(enum unit_kind kind)
{
	return (size_t)kind < NELEM(kind_names) ? kind_names[kind] : "?";
}

int
model_kind_parse(const char *s, enum unit_kind *out)
{
	int i = name_index(kind_names, NELEM(kind_names), s);

	if (i < 0)
		return -1;
	*out = (enum unit_kind)i;
	return 0;
}

const char *
model_handoff_name(enum handoff_kind kind)
{
	return (size_t)kind < NELEM(handoff_names) ? handoff_names[kind] : "?";
}

int
model_handoff_parse(const char *s, enum handoff_kind *out)
{
	int i = name_index(handoff_names, NELEM(handoff_names), s);

	if (i < 0)
		return -1;
	*out = (enum handoff_kind)i;
	return 0;
}

const char *
model_every_name(enum series_every every)
{
	return (size_t)every < NELEM(every_names) ? every_names[every] : "?";
}

int
model_every_parse(const char *s, enum series_every *out)
{
	int i = name_index(every_names, NELEM(every_names), s);

	if (i < 0)
		return -1;
	*out = (enum series_every)i;
	return 0;
}

int
model_every_months(enum series_every every)
{
	static const int months[] = { 1, 3, 12 };

	return (size_t)every < NELEM(months) ? months[every] : 1;
}

void
model_unit_free(struct unit *u)
{
	free(u->code);
	free(u->name);
	memset(u, 0, sizeof(*u));
}

void
model_person_free(struct person *p)
{
	free(p->login);
	free(p->full_name);
	memset(p, 0, sizeof(*p));
}

void
model_duty_free(struct duty *d)
{
	free(d->uuid);
	free(d->ref);
	free(d->title);
	free(d->search_key);
	free(d->result);
	free(d->basis);
	free(d->field);
	free(d->created_at);
	memset(d, 0, sizeof(*d));
}

void
model_handoff_free(struct handoff *h)
{
	free(h->reason);
	memset(h, 0, sizeof(*h));
}

void
model_extension_free(struct extension *x)
{
	free(x->reason);
	memset(x, 0, sizeof(*x));
}
