/*
 * model: the records roviec keeps, as plain C structs shared by the storage
 * module (which fills them) and the core (which applies the rules to them).
 * Strings are malloc'd and owned by the struct; the *_free functions release
 * them and leave the struct zeroed.
 */
#ifndef ROVIEC_MODEL_H
#define ROVIEC_MODEL_H

#include <stdint.h>

typedef int64_t rowid_t;

enum role { ROLE_ADMIN, ROLE_HEAD, ROLE_OFFICER, ROLE_INSPECTOR };

enum unit_kind { KIND_CITY, KIND_WARD, KIND_COMMUNE, KIND_DEPARTMENT, KIND_PARTY };

struct unit {
	rowid_t id;
	char *code;
	char *name;
	enum unit_kind kind;
	rowid_t parent_id;	/* 0: none */
	/* Its heads are in the store (store_unit_heads): a unit may have
	 * several, a chair and deputies (issue 10, part 3). */
};

struct person {
	rowid_t id;
	char *login;
	char *full_name;
	rowid_t unit_id;	/* 0: none (administrators, inspectors) */
	enum role role;
	char left_on[11];	/* the local day they left (issue #12); "": here */
};

/* A duty's conversion coefficient (hệ số quy đổi, Decree 335/2025), in
 * hundredths: from 0.1 to 10, 1 when none is given.  A product worth more
 * than ten of the standard one is several products (several duties, each
 * with its own clear result); one worth less than a tenth is a step of a
 * duty, recorded as progress. */
#define DUTY_COEFFICIENT_MIN 10
#define DUTY_COEFFICIENT_MAX 1000
#define DUTY_COEFFICIENT_DEFAULT 100

/* A duty's stored state; status is one of "open", "submitted", "done",
 * "cancelled" (the shown status "pending" is derived). */
struct duty {
	rowid_t id;
	char *uuid;
	char *ref;
	char *title;
	char *search_key;
	char *result;
	char *basis;
	char *field;		/* NULL: none */
	rowid_t assigner_id;
	rowid_t lead_unit_id;
	rowid_t owner_id;
	char *created_at;	/* UTC moment */
	char original_deadline[11];
	char deadline[11];
	char status[10];
	char done_on[11];	/* "" when not submitted */
	char closed_on[11];	/* "" when not closed */
	char last_progress_on[11];
	int handoffs;
	int bounced;
	int escalated;
	int reopened;		/* times sent back for more work */
};

enum handoff_kind { HANDOFF_TRANSFER, HANDOFF_ESCALATE, HANDOFF_RETURN };

struct handoff {
	rowid_t id;
	rowid_t duty_id;
	enum handoff_kind kind;
	rowid_t from_unit_id;
	rowid_t to_unit_id;
	rowid_t proposed_by;
	char *reason;
	char created_on[11];
};

struct extension {
	rowid_t id;
	rowid_t duty_id;
	rowid_t requested_by;
	char old_deadline[11];
	char new_deadline[11];
	char *reason;
};

/* How often a series recurs (issue #11). */
enum series_every { EVERY_MONTH, EVERY_QUARTER, EVERY_YEAR };

/* One history entry to append; the ids that do not apply are 0. */
struct history_entry {
	rowid_t duty_id;
	const char *at;
	rowid_t actor_id;
	rowid_t via_id;
	const char *action;
	rowid_t from_unit_id, to_unit_id;
	rowid_t from_owner_id, to_owner_id;
	const char *text;
	const char *detail;
	/* What the entry set that its columns do not say (facts.h); the core
	 * writes one with every entry.  NULL only for entries made before
	 * migration 6. */
	const char *data;
};

const char *model_role_name(enum role role);
int model_role_parse(const char *s, enum role *out);
const char *model_kind_name(enum unit_kind kind);
int model_kind_parse(const char *s, enum unit_kind *out);
const char *model_handoff_name(enum handoff_kind kind);
int model_handoff_parse(const char *s, enum handoff_kind *out);
const char *model_every_name(enum series_every every);
int model_every_parse(const char *s, enum series_every *out);
/* The months of its period: 1, 3 or 12. */
int model_every_months(enum series_every every);

void model_unit_free(struct unit *u);
void model_person_free(struct person *p);
void model_duty_free(struct duty *d);
void model_handoff_free(struct handoff *h);
void model_extension_free(struct extension *x);

#endif
