/* org: units and people (see org.h). */
#include "roviec/org.h"

#include <ctype.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "roviec/actor.h"
#include "roviec/i18n.h"
#include "roviec/store.h"
#include "roviec/text.h"

#define NAME_MAX_CHARS 200

struct org_op {
	struct session *s;
	char *code, *name, *login;
	const char *parent, *kind, *head, *unit, *role;
};

static void
org_op_free(struct org_op *op)
{
	free(op->code);
	free(op->name);
	free(op->login);
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

static enum rv_code
org_history(struct session *s, const char *action, rowid_t unit_id,
    rowid_t person_id, const char *text, struct rv_err *err)
{
	char at[21];
	struct history_entry h = { 0 };

	session_stamp(s, at);
	h.at = at;
	h.actor_id = s->me.id;
	h.via_id = s->via.id;
	h.action = action;
	h.to_unit_id = unit_id;
	h.to_owner_id = person_id;
	h.text = text;
	return store_history_add(s->st, &h, err);
}

/* Makes p the head of unit u, recording it; p must already belong to u. */
static enum rv_code
make_head(struct org_op *op, const struct unit *u, const struct person *p,
    struct rv_err *err)
{
	struct store *st = op->s->st;
	enum rv_code rc;

	if (p->role == ROLE_INSPECTOR)
		return err_set(err, RV_REFUSED,
		    _("%s is an inspector; an inspector cannot head a unit"), p->login);
	if (p->unit_id != u->id)
		return err_set(err, RV_REFUSED,
		    _("%s does not belong to %s; move them there first (roviec person set %s --unit %s)"),
		    p->login, u->code, p->login, u->code);
	if ((rc = store_unit_set_head(st, u->id, p->id, err)) != RV_OK)
		return rc;
	return org_history(op->s, "head-set", u->id, p->id, NULL, err);
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
	if (rc == RV_OK)
		rc = org_history(op->s, "unit-added", u.id, 0, op->name, err);
	/* The head named for a new unit joins it. */
	if (rc == RV_OK && head.id != 0 && head.role != ROLE_INSPECTOR) {
		head.unit_id = u.id;
		if (head.role == ROLE_OFFICER)
			head.role = ROLE_HEAD;
		if ((rc = store_person_update(st, &head, err)) == RV_OK)
			rc = org_history(op->s, "person-changed", u.id, head.id,
			    "joins the unit as its head", err);
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
	if (rc == RV_OK)
		rc = org_history(op->s, "person-added", p.unit_id, p.id, op->name, err);
	if (rc == RV_OK && p.role == ROLE_HEAD)
		rc = make_head(op, &u, &p, err);
out:
	model_unit_free(&u);
	return rc;
}

enum rv_code
org_person_add(struct session *s, const char *login, const char *full_name,
    const char *unit, const char *role, struct rv_err *err)
{
	struct org_op op = { .s = s, .unit = unit, .role = role };
	enum rv_code rc;

	if ((rc = need_admin(s, _("add people"), err)) == RV_OK &&
	    (rc = check_login(login, err)) == RV_OK &&
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
	struct person p = { 0 };
	struct unit u = { 0 };
	char *old_name = NULL;
	rowid_t old_unit;
	enum role old_role;
	enum rv_code rc;

	if ((rc = store_person_by_login(st, op->login, &p, err)) != RV_OK)
		goto out;
	old_unit = p.unit_id;
	old_role = p.role;
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
	 * leaves the unit without a head until the administrator names one. */
	if (old_unit != 0 && actor_heads(st, p.id, old_unit) &&
	    (p.unit_id != old_unit || (old_role == ROLE_HEAD && p.role != ROLE_HEAD)) &&
	    (rc = store_unit_set_head(st, old_unit, 0, err)) != RV_OK)
		goto out;
	if (op->name != NULL) {
		old_name = p.full_name;
		p.full_name = op->name;
	}
	rc = store_person_update(st, &p, err);
	if (rc == RV_OK)
		rc = org_history(op->s, "person-changed", p.unit_id, p.id, op->name, err);
	if (rc == RV_OK && p.role == ROLE_HEAD && p.unit_id != 0 && op->role != NULL) {
		if (u.id == 0)
			rc = store_unit_by_id(st, p.unit_id, &u, err);
		if (rc == RV_OK)
			rc = make_head(op, &u, &p, err);
	}
	if (old_name != NULL)
		p.full_name = old_name;
out:
	model_person_free(&p);
	model_unit_free(&u);
	return rc;
}

enum rv_code
org_person_set(struct session *s, const char *login, const char *full_name,
    const char *unit, const char *role, struct rv_err *err)
{
	struct org_op op = { .s = s, .unit = unit, .role = role };
	enum rv_code rc;

	if ((rc = need_admin(s, _("change people"), err)) != RV_OK ||
	    (rc = check_login(login, err)) != RV_OK)
		return rc;
	if (full_name != NULL &&
	    (rc = take_name(full_name, _("the full name"), &op.name, err)) != RV_OK)
		return rc;
	if ((op.login = strdup(login)) != NULL)
		rc = store_write(s->st, do_person_set, &op, err);
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
	return org_history(op->s, "person-added", 0, p.id, "first administrator", err);
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
