/* org: units and people (see org.h). */
#include "roviec/org.h"

#include <assert.h>
#include <ctype.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "roviec/actor.h"
#include "roviec/dates.h"
#include "roviec/facts.h"
#include "roviec/i18n.h"
#include "roviec/store.h"
#include "roviec/text.h"

#define NAME_MAX_CHARS 200

struct org_op {
	struct session *s;
	char *code, *name, *login;
	const char *parent, *kind, *head, *unit, *role;
	/* issue #12: person set --login, person leave --reason */
	const char *new_login;
	/* issue #11: person add/set --mail ("" on set: none) */
	const char *mail;
	char *reason;
};

static void
org_op_free(struct org_op *op)
{
	free(op->code);
	free(op->name);
	free(op->login);
	free(op->reason);
}

static enum rv_code
need_admin(const struct session *s, const char *what, struct rv_err *err)
{
	if (s->me.role != ROLE_ADMIN)
		return err_set(err, RV_REFUSED,
		    _("only an administrator may %s; ask your administrator"), what);
	return RV_OK;
}

/* A unit code: 1 to 16 ASCII letters, digits or '_'. */
static enum rv_code
check_code(const char *code, struct rv_err *err)
{
	size_t n = code == NULL ? 0 : strlen(code);

	if (n == 0 || n > 16)
		return err_set(err, RV_REFUSED,
		    _("a unit code has 1 to 16 letters, digits or '_' (like P1 or QLDT)"));
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)code[i]) && code[i] != '_')
			return err_set(err, RV_REFUSED,
			    _("a unit code has only ASCII letters, digits or '_' (like P1 or QLDT)"));
	return RV_OK;
}

/* A login: 1 to 32 ASCII letters, digits, '.', '_' or '-', as Unix has. */
static enum rv_code
check_login(const char *login, struct rv_err *err)
{
	size_t n = login == NULL ? 0 : strlen(login);

	if (n == 0 || n > 32)
		return err_set(err, RV_REFUSED,
		    _("a login has 1 to 32 characters, as the Unix login of the person"));
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)login[i]) && strchr("._-", login[i]) == NULL)
			return err_set(err, RV_REFUSED,
			    _("a login has only ASCII letters, digits, '.', '_' or '-', as the Unix login"));
	return RV_OK;
}

enum rv_code
org_mail_check(const char *mail, struct rv_err *err)
{
	const char *at = mail != NULL ? strchr(mail, '@') : NULL;
	size_t n = mail != NULL ? strlen(mail) : 0;
	int ok = at != NULL && at != mail && at[1] != '\0' && n <= 254 &&
	    strchr(at + 1, '@') == NULL && at[1] != '.' && mail[n - 1] != '.';

	for (const char *c = mail; ok && *c != '\0'; c++) {
		unsigned char u = (unsigned char)*c;

		if (c < at)
			ok = u < 0x80 && (isalnum(u) || strchr("!#$%&'*+/=?^_`{|}~.-", u) != NULL);
		else if (c > at)
			ok = u < 0x80 && (isalnum(u) || u == '.' || u == '-');
	}
	if (!ok)
		return err_set(err, RV_REFUSED,
		    _("that is not a mail address roviec can write to: give one like ten.ho@phuong1.dalat.gov.vn (ASCII letters, digits and . _ - + before the @, a domain after it)"));
	assert(n >= 3);
	return RV_OK;
}

/* A name: valid UTF-8, NFC, not empty, at most 200 characters. */
static enum rv_code
take_name(const char *raw, const char *what, char **out, struct rv_err *err)
{
	enum rv_code rc;

	if (raw == NULL)
		return err_set(err, RV_REFUSED, _("%s is missing"), what);
	if ((rc = text_in_str(raw, what, NAME_MAX_CHARS, out, err)) != RV_OK)
		return rc;
	if (**out == '\0') {
		free(*out);
		*out = NULL;
		return err_set(err, RV_REFUSED, _("%s is empty; write it out"), what);
	}
	return RV_OK;
}

/*
 * Appends an entry of the organisation's history (no duty): to_unit and
 * to_owner name the unit and person it is about (from_* for a head
 * removed), f (NULL: none) holds what it set that the columns do not say
 * (facts.h): roviec verify rebuilds every unit and person from them.
 */
static enum rv_code
org_entry(struct session *s, const char *action, rowid_t from_unit,
    rowid_t to_unit, rowid_t from_person, rowid_t to_person, const char *text,
    struct facts *f, struct rv_err *err)
{
	char at[21];
	struct history_entry h = { 0 };
	struct facts none;
	enum rv_code rc;

	if (f == NULL) {
		facts_init(&none);
		f = &none;
	}
	session_stamp(s, at);
	h.at = at;
	h.actor_id = s->me.id;
	h.via_id = s->via.id;
	h.action = action;
	h.from_unit_id = from_unit;
	h.to_unit_id = to_unit;
	h.from_owner_id = from_person;
	h.to_owner_id = to_person;
	h.text = text;
	if ((h.data = facts_text(f)) == NULL)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	else
		rc = store_history_add(s->st, &h, err);
	facts_free(f);
	return rc;
}

static enum rv_code
org_history(struct session *s, const char *action, rowid_t unit_id,
    rowid_t person_id, const char *text, struct facts *f, struct rv_err *err)
{
	return org_entry(s, action, 0, unit_id, 0, person_id, text, f, err);
}

/* A person's fields as facts: all of them (was NULL), or those that
 * differ from was. */
static void
person_facts(const struct person *was, const struct person *p, struct facts *f)
{
	if (was == NULL || strcmp(was->login, p->login) != 0)
		facts_str(f, "login", p->login);
	if (was == NULL || strcmp(was->full_name, p->full_name) != 0)
		facts_str(f, "full_name", p->full_name);
	if (was == NULL || was->unit_id != p->unit_id) {
		if (p->unit_id != 0)
			facts_int(f, "unit_id", p->unit_id);
		else
			facts_str(f, "unit_id", NULL);
	}
	if (was == NULL || was->role != p->role)
		facts_str(f, "role", model_role_name(p->role));
}

/* Makes p one of the heads of unit u (beside those it has), recording it;
 * p must already belong to u.  Already a head: nothing to do. */
static enum rv_code
make_head(struct org_op *op, const struct unit *u, const struct person *p,
    struct rv_err *err)
{
	struct store *st = op->s->st;
	enum rv_code rc;
	int already = 0;

	if (p->left_on[0] != '\0')
		return err_set(err, RV_REFUSED,
		    _("%s left on %s and cannot head a unit; name someone who works here"),
		    p->login, p->left_on);
	if (p->role == ROLE_INSPECTOR)
		return err_set(err, RV_REFUSED,
		    _("%s is an inspector; an inspector cannot head a unit"), p->login);
	if (p->unit_id != u->id)
		return err_set(err, RV_REFUSED,
		    _("%s does not belong to %s; move them there first (roviec person set %s --unit %s)"),
		    p->login, u->code, p->login, u->code);
	if ((rc = store_is_head(st, p->id, u->id, &already, err)) != RV_OK)
		return rc;
	if (already)
		return RV_OK;
	if ((rc = store_head_add(st, u->id, p->id, err)) != RV_OK ||
	    (rc = org_history(op->s, "head-set", u->id, p->id, NULL, NULL, err)) != RV_OK)
		return rc;
	assert(actor_heads(st, p->id, u->id));
	return RV_OK;
}

/* p stops heading unit_id (recorded); the unit's other heads stay. */
static enum rv_code
unmake_head(struct org_op *op, rowid_t unit_id, const struct person *p,
    struct rv_err *err)
{
	struct store *st = op->s->st;
	enum rv_code rc;

	if ((rc = store_head_remove(st, unit_id, p->id, err)) == RV_OK)
		rc = org_entry(op->s, "head-removed", unit_id, 0, p->id, 0, NULL, NULL, err);
	assert(rc != RV_OK || !actor_heads(st, p->id, unit_id));
	return rc;
}

static enum rv_code
do_unit_add(struct store *st, void *arg, struct rv_err *err)
{
	struct org_op *op = arg;
	struct unit u = { 0 }, parent = { 0 };
	struct person head = { 0 };
	enum rv_code rc = RV_OK;

	if (op->parent != NULL &&
	    (rc = store_unit_by_code(st, op->parent, &parent, err)) != RV_OK)
		goto out;
	if (op->head != NULL &&
	    (rc = store_person_by_login(st, op->head, &head, err)) != RV_OK)
		goto out;
	u.code = op->code;
	u.name = op->name;
	u.parent_id = parent.id;
	if (op->kind == NULL)
		u.kind = parent.id == 0 ? KIND_CITY : KIND_DEPARTMENT;
	else if (model_kind_parse(op->kind, &u.kind) != 0) {
		rc = err_set(err, RV_REFUSED,
		    _("the kind of a unit is one of city, ward, commune, department, party"));
		goto out;
	}
	if ((rc = store_unit_insert(st, &u, err)) == RV_REFUSED)
		rc = err_set(err, RV_REFUSED, _("a unit with the code %s exists already; roviec unit list shows the units"),
		    op->code);
	if (rc == RV_OK) {
		struct facts f;

		facts_init(&f);
		facts_str(&f, "code", u.code);
		facts_str(&f, "name", u.name);
		facts_str(&f, "kind", model_kind_name(u.kind));
		if (u.parent_id != 0)
			facts_int(&f, "parent_id", u.parent_id);
		else
			facts_str(&f, "parent_id", NULL);
		rc = org_history(op->s, "unit-added", u.id, 0, op->name, &f, err);
	}
	/* The head named for a new unit joins it (one who heads another
	 * unit is refused by the schema: that unit needs another head first). */
	if (rc == RV_OK && head.id != 0 && head.role != ROLE_INSPECTOR) {
		struct person was = head;
		struct facts f;

		head.unit_id = u.id;
		if (head.role == ROLE_OFFICER)
			head.role = ROLE_HEAD;
		facts_init(&f);
		person_facts(&was, &head, &f);
		if ((rc = store_person_update(st, &head, err)) == RV_OK)
			rc = org_history(op->s, "person-changed", u.id, head.id,
			    "joins the unit as its head", &f, err);
		else
			facts_free(&f);
	}
	if (rc == RV_OK && head.id != 0)
		rc = make_head(op, &u, &head, err);
out:
	model_unit_free(&parent);
	model_person_free(&head);
	return rc;
}

enum rv_code
org_unit_add(struct session *s, const char *code, const char *name,
    const char *parent, const char *kind, const char *head, struct rv_err *err)
{
	struct org_op op = { .s = s, .parent = parent, .kind = kind, .head = head };
	enum rv_code rc;

	if ((rc = need_admin(s, _("add units"), err)) == RV_OK &&
	    (rc = check_code(code, err)) == RV_OK &&
	    (rc = take_name(name, _("the unit's name"), &op.name, err)) == RV_OK &&
	    (op.code = strdup(code)) != NULL) {
		for (char *p = op.code; *p != '\0'; p++)
			*p = (char)toupper((unsigned char)*p);
		rc = store_write(s->st, do_unit_add, &op, err);
	}
	org_op_free(&op);
	return rc;
}

static enum rv_code
do_unit_set_head(struct store *st, void *arg, struct rv_err *err)
{
	struct org_op *op = arg;
	struct unit u = { 0 };
	struct person p = { 0 };
	enum rv_code rc;

	if ((rc = store_unit_by_code(st, op->unit, &u, err)) == RV_OK &&
	    (rc = store_person_by_login(st, op->head, &p, err)) == RV_OK)
		rc = make_head(op, &u, &p, err);
	model_unit_free(&u);
	model_person_free(&p);
	return rc;
}

enum rv_code
org_unit_set_head(struct session *s, const char *unit, const char *login,
    struct rv_err *err)
{
	struct org_op op = { .s = s, .unit = unit, .head = login };
	enum rv_code rc;

	if ((rc = need_admin(s, _("name the head of a unit"), err)) != RV_OK)
		return rc;
	return store_write(s->st, do_unit_set_head, &op, err);
}

/* Reads op->unit and op->role into p (each only when given). */
static enum rv_code
apply_unit_role(struct store *st, const struct org_op *op, struct person *p,
    struct unit *u, struct rv_err *err)
{
	enum rv_code rc;

	if (op->unit != NULL) {
		if ((rc = store_unit_by_code(st, op->unit, u, err)) != RV_OK)
			return rc;
		p->unit_id = u->id;
	}
	if (op->role != NULL && model_role_parse(op->role, &p->role) != 0)
		return err_set(err, RV_REFUSED,
		    _("a role is one of admin, head, officer, inspector"));
	if (p->unit_id == 0 && p->role != ROLE_ADMIN && p->role != ROLE_INSPECTOR)
		return err_set(err, RV_REFUSED, p->role == ROLE_HEAD ?
		    _("a head belongs to a unit: give it with --unit CODE") :
		    _("an officer belongs to a unit: give it with --unit CODE"));
	return RV_OK;
}

static enum rv_code
do_person_add(struct store *st, void *arg, struct rv_err *err)
{
	struct org_op *op = arg;
	struct person p = { 0 };
	struct unit u = { 0 };
	enum rv_code rc;

	p.login = op->login;
	p.full_name = op->name;
	p.role = ROLE_OFFICER;
	if ((rc = apply_unit_role(st, op, &p, &u, err)) != RV_OK)
		goto out;
	if ((rc = store_person_insert(st, &p, err)) == RV_REFUSED) {
		rc = err_set(err, RV_REFUSED, _("the login %s is registered already; roviec person list shows everyone"),
		    op->login);
		goto out;
	}
	if (rc == RV_OK && op->mail != NULL)
		rc = store_person_set_mail(st, p.id, op->mail, err);
	if (rc == RV_OK) {
		struct facts f;

		facts_init(&f);
		person_facts(NULL, &p, &f);
		if (op->mail != NULL)
			facts_str(&f, "mail", op->mail);
		rc = org_history(op->s, "person-added", p.unit_id, p.id, op->name, &f, err);
	}
	if (rc == RV_OK && p.role == ROLE_HEAD)
		rc = make_head(op, &u, &p, err);
out:
	model_unit_free(&u);
	return rc;
}

enum rv_code
org_person_add(struct session *s, const char *login, const char *full_name,
    const char *unit, const char *role, const char *mail, struct rv_err *err)
{
	struct org_op op = { .s = s, .unit = unit, .role = role, .mail = mail };
	enum rv_code rc;

	if ((rc = need_admin(s, _("add people"), err)) == RV_OK &&
	    (rc = check_login(login, err)) == RV_OK &&
	    (mail == NULL || (rc = org_mail_check(mail, err)) == RV_OK) &&
	    (rc = take_name(full_name, _("the full name"), &op.name, err)) == RV_OK &&
	    (op.login = strdup(login)) != NULL)
		rc = store_write(s->st, do_person_add, &op, err);
	org_op_free(&op);
	return rc;
}

static enum rv_code
do_person_set(struct store *st, void *arg, struct rv_err *err)
{
	struct org_op *op = arg;
	struct person p = { 0 }, was = { 0 };
	struct unit u = { 0 };
	char *old_name = NULL;
	rowid_t headed[64];
	size_t nheaded = 0;
	enum role old_role;
	enum rv_code rc;

	if ((rc = store_person_by_login(st, op->login, &p, err)) != RV_OK)
		goto out;
	was = p;
	old_role = p.role;
	if (p.left_on[0] != '\0' && (op->unit != NULL || op->role != NULL)) {
		rc = err_set(err, RV_REFUSED,
		    _("%s left on %s; their unit and role stay as they were when they left (only --name and --login change)"),
		    p.login, p.left_on);
		goto out;
	}
	if (op->new_login != NULL && strcmp(op->new_login, p.login) != 0) {
		struct person other = { 0 };
		struct rv_err ignored;

		if (store_person_by_login(st, op->new_login, &other, &ignored) == RV_OK) {
			rc = err_set(err, RV_REFUSED,
			    _("the login %s is registered already; roviec person list shows everyone"),
			    other.login);
			model_person_free(&other);
			goto out;
		}
		if ((rc = store_person_set_login(st, p.id, op->new_login, err)) != RV_OK)
			goto out;
		p.login = (char *)op->new_login;
	}
	if ((rc = apply_unit_role(st, op, &p, &u, err)) != RV_OK)
		goto out;
	if (old_role == ROLE_ADMIN && p.role != ROLE_ADMIN) {
		long long admins;

		if ((rc = store_count(st, "admins", &admins, err)) != RV_OK)
			goto out;
		if (admins <= 1) {
			rc = err_set(err, RV_REFUSED,
			    _("%s is the last administrator; make someone else administrator first"),
			    p.login);
			goto out;
		}
	}
	/* Headship follows the person: leaving the unit, or the role of head,
	 * leaves the heads of the unit (its other heads stay). */
	if ((rc = store_headed_by(st, p.id, headed, 64, &nheaded, err)) != RV_OK)
		goto out;
	for (size_t i = 0; i < nheaded && rc == RV_OK; i++)
		if (p.unit_id != headed[i] || p.role == ROLE_INSPECTOR ||
		    (old_role == ROLE_HEAD && p.role != ROLE_HEAD))
			rc = unmake_head(op, headed[i], &p, err);
	if (rc != RV_OK)
		goto out;
	if (op->name != NULL) {
		old_name = p.full_name;
		p.full_name = op->name;
	}
	rc = store_person_update(st, &p, err);
	if (rc == RV_OK) {
		struct facts f;
		char mail[255];

		facts_init(&f);
		person_facts(&was, &p, &f);
		/* The address, when it changes ("": none any more). */
		if (op->mail != NULL &&
		    (rc = store_person_mail(st, p.id, mail, err)) == RV_OK &&
		    strcmp(mail, op->mail) != 0 &&
		    (rc = store_person_set_mail(st, p.id, op->mail[0] ? op->mail : NULL,
		    err)) == RV_OK)
			facts_str(&f, "mail", op->mail[0] ? op->mail : NULL);
		if (rc == RV_OK)
			rc = org_history(op->s, "person-changed", p.unit_id, p.id, op->name, &f, err);
		else
			facts_free(&f);
	}
	/* The role of head makes one of the heads of the unit, beside
	 * those it has (a chair and deputies). */
	if (rc == RV_OK && p.role == ROLE_HEAD && p.unit_id != 0 && op->role != NULL) {
		if (u.id == 0)
			rc = store_unit_by_id(st, p.unit_id, &u, err);
		if (rc == RV_OK)
			rc = make_head(op, &u, &p, err);
	}
	if (old_name != NULL)
		p.full_name = old_name;
out:
	/* p.login may be the new one, the caller's: free the one read. */
	if (was.login != NULL)
		p.login = was.login;
	model_person_free(&p);
	model_unit_free(&u);
	return rc;
}

enum rv_code
org_person_set(struct session *s, const char *login, const char *full_name,
    const char *unit, const char *role, const char *new_login, const char *mail,
    struct rv_err *err)
{
	struct org_op op = { .s = s, .unit = unit, .role = role, .new_login = new_login,
	    .mail = mail };
	enum rv_code rc;

	if ((rc = need_admin(s, _("change people"), err)) != RV_OK ||
	    (rc = check_login(login, err)) != RV_OK ||
	    (mail != NULL && mail[0] != '\0' && (rc = org_mail_check(mail, err)) != RV_OK) ||
	    (new_login != NULL && (rc = check_login(new_login, err)) != RV_OK))
		return rc;
	if (full_name != NULL &&
	    (rc = take_name(full_name, _("the full name"), &op.name, err)) != RV_OK)
		return rc;
	if ((op.login = strdup(login)) != NULL)
		rc = store_write(s->st, do_person_set, &op, err);
	org_op_free(&op);
	return rc;
}

/* --- issue #12: unit set, person leave ------------------------------------ */

static enum rv_code
do_unit_set(struct store *st, void *arg, struct rv_err *err)
{
	struct org_op *op = arg;
	struct unit u = { 0 }, parent = { 0 }, was;
	char *old_name = NULL;
	struct facts f;
	enum rv_code rc;

	if ((rc = store_unit_by_code(st, op->unit, &u, err)) != RV_OK)
		goto out;
	was = u;
	if (op->parent != NULL) {
		int under = 0;

		if ((rc = store_unit_by_code(st, op->parent, &parent, err)) != RV_OK ||
		    (rc = store_unit_within(st, parent.id, u.id, &under, err)) != RV_OK)
			goto out;
		if (under) {
			rc = parent.id == u.id ? err_set(err, RV_REFUSED,
			    _("%s cannot be placed under itself; name another parent unit"), u.code) :
			    err_set(err, RV_REFUSED,
			    _("%s cannot be placed under %s, one of its own units; name a unit outside %s"),
			    u.code, parent.code, u.code);
			goto out;
		}
		u.parent_id = parent.id;
	}
	if (op->kind != NULL && model_kind_parse(op->kind, &u.kind) != 0) {
		rc = err_set(err, RV_REFUSED,
		    _("the kind of a unit is one of city, ward, commune, department, party"));
		goto out;
	}
	if (op->name != NULL) {
		old_name = u.name;
		u.name = op->name;
	}
	/* What changed, as facts (replay.c's unit_facts reads them). */
	facts_init(&f);
	if (strcmp(was.name, u.name) != 0)
		facts_str(&f, "name", u.name);
	if (was.kind != u.kind)
		facts_str(&f, "kind", model_kind_name(u.kind));
	if (was.parent_id != u.parent_id)
		facts_int(&f, "parent_id", u.parent_id);
	if (f.fields == 0) {
		facts_free(&f);
		rc = err_set(err, RV_REFUSED, _("%s is already so; nothing to change"), u.code);
	} else if ((rc = store_unit_update(st, &u, err)) == RV_OK) {
		rc = org_history(op->s, "unit-changed", u.id, 0, op->name, &f, err);
	} else {
		facts_free(&f);
	}
	if (old_name != NULL)
		u.name = old_name;
out:
	model_unit_free(&u);
	model_unit_free(&parent);
	return rc;
}

enum rv_code
org_unit_set(struct session *s, const char *code, const char *name,
    const char *parent, const char *kind, struct rv_err *err)
{
	struct org_op op = { .s = s, .unit = code, .parent = parent, .kind = kind };
	enum rv_code rc;

	if ((rc = need_admin(s, _("change units"), err)) != RV_OK ||
	    (rc = check_code(code, err)) != RV_OK)
		return rc;
	if (name != NULL &&
	    (rc = take_name(name, _("the unit's name"), &op.name, err)) != RV_OK)
		return rc;
	rc = store_write(s->st, do_unit_set, &op, err);
	org_op_free(&op);
	return rc;
}

/* The first of the duties a leaving person owns, and how many. */
#define OWNED_SHOWN 10

struct owned {
	char refs[OWNED_SHOWN * 40];
	size_t len;
	long n;
};

static int
owned_ref(const char *ref, void *arg)
{
	struct owned *o = arg;

	if (o->n++ < OWNED_SHOWN && o->len < sizeof(o->refs))
		o->len += (size_t)snprintf(o->refs + o->len, sizeof(o->refs) - o->len,
		    "%s%s", o->len ? ", " : "", ref != NULL ? ref : "");
	return 0;
}

static enum rv_code
do_person_leave(struct store *st, void *arg, struct rv_err *err)
{
	struct org_op *op = arg;
	struct person p = { 0 };
	struct owned o = { .len = 0 };
	struct facts f;
	rowid_t headed[64];
	size_t nheaded = 0;
	char day[11];
	enum rv_code rc;

	if ((rc = store_person_by_login(st, op->login, &p, err)) != RV_OK)
		goto out;
	if (p.left_on[0] != '\0') {
		rc = err_set(err, RV_REFUSED, _("%s left on %s already"), p.login, p.left_on);
		goto out;
	}
	if (p.role == ROLE_ADMIN) {
		long long admins;

		if ((rc = store_count(st, "admins", &admins, err)) != RV_OK)
			goto out;
		if (admins <= 1) {
			rc = err_set(err, RV_REFUSED,
			    _("%s is the last administrator; make someone else administrator first"),
			    p.login);
			goto out;
		}
	}
	/* Their open and submitted duties go to others first: the refusal
	 * names them all, or the first and where to see the rest. */
	if ((rc = store_person_owns(st, p.id, owned_ref, &o, err)) != RV_OK)
		goto out;
	if (o.n == 1) {
		rc = err_set(err, RV_REFUSED,
		    _("%s still owns an open or submitted duty: %s; give it to another official first (roviec assign REF LOGIN; a submitted duty is confirmed by its assigner), then run this again"),
		    p.login, o.refs);
		goto out;
	}
	if (o.n > 1 && o.n <= OWNED_SHOWN) {
		rc = err_set(err, RV_REFUSED,
		    _("%s still owns %ld open or submitted duties: %s; give them to other officials first (roviec assign REF LOGIN; a submitted duty is confirmed by its assigner), then run this again"),
		    p.login, o.n, o.refs);
		goto out;
	}
	if (o.n > OWNED_SHOWN) {
		rc = err_set(err, RV_REFUSED,
		    _("%s still owns %ld open or submitted duties: %s and %ld more (roviec list --owner %s); give them to other officials first (roviec assign REF LOGIN; a submitted duty is confirmed by its assigner), then run this again"),
		    p.login, o.n, o.refs, o.n - OWNED_SHOWN, p.login);
		goto out;
	}
	/* They stop heading every unit they head (its other heads stay). */
	if ((rc = store_headed_by(st, p.id, headed, 64, &nheaded, err)) != RV_OK)
		goto out;
	for (size_t i = 0; i < nheaded && rc == RV_OK; i++)
		rc = unmake_head(op, headed[i], &p, err);
	if (rc != RV_OK)
		goto out;
	dates_iso(session_today(op->s), day);
	if ((rc = store_person_leave(st, p.id, day, err)) != RV_OK)
		goto out;
	facts_init(&f);
	facts_str(&f, "left_on", day);
	rc = org_history(op->s, "person-left", p.unit_id, p.id, op->reason, &f, err);
	assert(rc != RV_OK || nheaded == 0 || !actor_heads(st, p.id, headed[0]));
out:
	model_person_free(&p);
	return rc;
}

enum rv_code
org_person_leave(struct session *s, const char *login, const char *reason,
    struct rv_err *err)
{
	struct org_op op = { .s = s };
	enum rv_code rc;

	if ((rc = need_admin(s, _("record that someone has left"), err)) != RV_OK ||
	    (rc = check_login(login, err)) != RV_OK)
		return rc;
	if (reason != NULL &&
	    (rc = text_in_str(reason, _("the reason"), ORG_REASON_MAX, &op.reason, err)) != RV_OK)
		return rc;
	if (op.reason != NULL && op.reason[0] == '\0') {
		free(op.reason);
		op.reason = NULL;
	}
	if ((op.login = strdup(login)) == NULL)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	else
		rc = store_write(s->st, do_person_leave, &op, err);
	org_op_free(&op);
	return rc;
}

static enum rv_code
do_bootstrap(struct store *st, void *arg, struct rv_err *err)
{
	struct org_op *op = arg;
	struct person p = { 0 };
	long long n;
	enum rv_code rc;

	if ((rc = store_person_count(st, &n, err)) != RV_OK)
		return rc;
	if (n != 0)
		return err_set(err, RV_REFUSED, _("this database has people already"));
	p.login = op->login;
	p.full_name = op->name;
	p.role = ROLE_ADMIN;
	if ((rc = store_person_insert(st, &p, err)) != RV_OK)
		return rc;
	op->s->me.id = p.id;
	{
		struct facts f;

		facts_init(&f);
		person_facts(NULL, &p, &f);
		return org_history(op->s, "person-added", 0, p.id, "first administrator",
		    &f, err);
	}
}

/* The full name from the GECOS field (up to the first comma), or the login. */
static const char *
gecos_name(const struct passwd *pw, char *buf, size_t size)
{
	const char *g = pw != NULL ? pw->pw_gecos : NULL;
	size_t n = g != NULL ? strcspn(g, ",") : 0;

	if (n == 0 || n >= size)
		return NULL;
	memcpy(buf, g, n);
	buf[n] = '\0';
	return buf;
}

int
org_login_exists(const char *login)
{
	return login != NULL && getpwnam(login) != NULL;
}

enum rv_code
org_bootstrap(struct session *s, struct rv_err *err)
{
	char login[64], gecos[NAME_MAX_CHARS + 1];
	const char *name;
	struct org_op op = { .s = s };
	enum rv_code rc;

	if ((rc = actor_os_login(login, sizeof(login), err)) != RV_OK ||
	    (rc = check_login(login, err)) != RV_OK)
		return rc;
	name = gecos_name(getpwuid(getuid()), gecos, sizeof(gecos));
	if (name == NULL || text_in_str(name, _("the full name"), NAME_MAX_CHARS,
	    &op.name, err) != RV_OK || op.name[0] == '\0') {
		free(op.name);
		op.name = strdup(login);
	}
	op.login = strdup(login);
	if (op.login == NULL || op.name == NULL)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	else
		rc = store_write(s->st, do_bootstrap, &op, err);
	org_op_free(&op);
	if (rc == RV_OK)
		rc = store_person_by_login(s->st, login, &s->me, err);
	return rc;
}

enum rv_code
org_backup(struct session *s, const char *path, struct backup_info *info,
    struct rv_err *err)
{
	enum rv_code rc;

	if ((rc = need_admin(s, _("back up the database"), err)) != RV_OK)
		return rc;
	if (path == NULL || path[0] == '\0')
		return err_set(err, RV_REFUSED, _("name the file to write the backup to"));
	return store_backup(s->st, path, info, err);
}
