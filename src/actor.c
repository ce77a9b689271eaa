/* actor: who is acting (see actor.h). */
#include "roviec/actor.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "roviec/i18n.h"
#include "roviec/store.h"
#include "roviec/text.h"

enum rv_code
actor_os_login(char *buf, size_t size, struct rv_err *err)
{
	struct passwd *pw = getpwuid(getuid());

	if (pw == NULL || pw->pw_name == NULL || pw->pw_name[0] == '\0')
		return err_set(err, RV_REFUSED,
		    _("your user id %u has no login name on this system; ask the administrator"),
		    (unsigned)getuid());
	snprintf(buf, size, "%s", pw->pw_name);
	return RV_OK;
}

enum rv_code
actor_resolve(struct session *s, const char *as_login, struct rv_err *err)
{
	char login[64];
	struct rv_err ignored;
	enum rv_code rc;

	memset(&s->me, 0, sizeof(s->me));
	memset(&s->via, 0, sizeof(s->via));
	if ((rc = actor_os_login(login, sizeof(login), err)) != RV_OK)
		return rc;
	rc = store_person_by_login(s->st, login, &s->me, &ignored);
	if (rc == RV_REFUSED)
		return err_set(err, RV_REFUSED,
		    _("your login '%s' is not registered in this roviec database; ask the administrator to add you (roviec person add %s NAME --unit CODE)"),
		    login, login);
	if (rc != RV_OK) {
		*err = ignored;
		return rc;
	}
	if (as_login == NULL)
		return RV_OK;
	if (s->me.role != ROLE_ADMIN) {
		model_person_free(&s->me);
		return err_set(err, RV_REFUSED,
		    _("only an administrator may act for someone else with --as; run the command without --as"));
	}
	s->via = s->me;
	memset(&s->me, 0, sizeof(s->me));
	rc = store_person_by_login(s->st, as_login, &s->me, &ignored);
	if (rc != RV_OK) {
		model_person_free(&s->via);
		if (rc == RV_REFUSED) {
			char *cut = text_fit(as_login, 40, 0);

			err_set(err, RV_REFUSED,
			    _("--as names '%s', a login that is not registered; roviec person list shows them"),
			    cut != NULL ? cut : "");
			free(cut);
			return RV_REFUSED;
		}
		*err = ignored;
		return rc;
	}
	if (s->me.id == s->via.id) {
		model_person_free(&s->via);
		memset(&s->via, 0, sizeof(s->via));
	}
	return RV_OK;
}

/* A unit may have several heads, a chair and deputies, each with the
 * head's powers (issue 10, part 3): every rule that says "the head" asks
 * here, and means any of them. */
int
actor_heads(struct store *st, rowid_t person_id, rowid_t unit_id)
{
	struct rv_err err;
	int yes = 0;

	if (person_id == 0 || unit_id == 0)
		return 0;
	if (store_is_head(st, person_id, unit_id, &yes, &err) != RV_OK)
		return 0;
	return yes;
}

int
actor_heads_above(struct store *st, rowid_t person_id, rowid_t unit_id)
{
	struct rv_err err;
	int yes = 0;

	if (person_id == 0 || unit_id == 0)
		return 0;
	if (store_heads_above(st, person_id, unit_id, &yes, &err) != RV_OK)
		return 0;
	return yes;
}
