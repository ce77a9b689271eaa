/* digest: what waits, mailed once a day (see digest.h). */
#include "roviec/digest.h"

#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "roviec/brief.h"
#include "roviec/dates.h"
#include "roviec/flags.h"
#include "roviec/i18n.h"
#include "roviec/out.h"
#include "roviec/store.h"
#include "roviec/text.h"

/* Items kept of each kind (all are counted), and lines in a message. */
#define DIGEST_ITEMS 200
#define DIGEST_LINES 40

/* The reminders: the notices_sent kinds, once each. */
enum reminder { REMIND_DUE_SOON, REMIND_DUE_TODAY, REMIND_UNANSWERED, REMIND__KINDS };
static const char *const reminder_words[REMIND__KINDS] = {
	"due-soon", "due-today", "unanswered",
};

struct reminder_due {
	enum reminder kind;
	const struct brief_item *it;
	char key[64];
};

struct people {
	struct person *p;
	size_t n;
	int oom;
};

static int
collect(const struct person *p, void *arg)
{
	struct people *ps = arg;
	struct person *grown = realloc(ps->p, (ps->n + 1) * sizeof(*grown));

	if (grown == NULL || (p->login != NULL && (grown[ps->n].login = strdup(p->login)) == NULL)) {
		if (grown != NULL)
			ps->p = grown;
		ps->oom = 1;
		return 1;
	}
	ps->p = grown;
	grown[ps->n].id = p->id;
	grown[ps->n].full_name = strdup(p->full_name != NULL ? p->full_name : "");
	grown[ps->n].unit_id = p->unit_id;
	grown[ps->n].role = p->role;
	if (grown[ps->n].full_name == NULL) {
		free(grown[ps->n].login);
		ps->oom = 1;
		return 1;
	}
	ps->n++;
	return 0;
}

static enum rv_code
read_people(struct store *st, void *arg, struct rv_err *err)
{
	return store_person_each(st, collect, arg, err);
}

/* --- the message --------------------------------------------------------- */

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void
base64(FILE *f, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16;

		if (i + 1 < n)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		fputc(b64[(v >> 18) & 63], f);
		fputc(b64[(v >> 12) & 63], f);
		fputc(i + 1 < n ? b64[(v >> 6) & 63] : '=', f);
		fputc(i + 2 < n ? b64[v & 63] : '=', f);
	}
}

void
digest_subject(FILE *f, const char *subject)
{
	char *safe = text_sanitize(subject);
	const unsigned char *s = (const unsigned char *)(safe != NULL ? safe : "roviec");
	size_t len = strlen((const char *)s), at = 0;
	int ascii = 1;

	/* text_sanitize turns controls into visible pictures (non-ASCII), so
	 * no CR or LF can reach the header either way. */
	for (size_t i = 0; i < len; i++)
		if (s[i] < 0x20 || s[i] >= 0x7f)
			ascii = 0;
	fputs("Subject: ", f);
	if (ascii && len <= 900) {
		fputs((const char *)s, f);
	} else {
		/* Encoded words of at most 45 bytes of text (60 of base64, 72
		 * with the markers), cut between characters, one per line. */
		while (at < len) {
			size_t n = len - at < 45 ? len - at : 45;

			while (n > 0 && at + n < len && (s[at + n] & 0xc0) == 0x80)
				n--;
			if (n == 0)
				n = len - at < 45 ? len - at : 45;
			fputs(at == 0 ? "=?UTF-8?B?" : "\n =?UTF-8?B?", f);
			base64(f, s + at, n);
			fputs("?=", f);
			at += n;
		}
	}
	fputc('\n', f);
	free(safe);
}

static void
reminder_line(FILE *f, const struct reminder_due *r, const char *today, day_t t,
    const struct flag_rules *rules)
{
	char day[11];
	day_t dl = DAY_NONE;

	fprintf(f, "  %s  ", r->it->ref);
	out_text(f, r->it->title);
	fputs(" - ", f);
	switch (r->kind) {
	case REMIND_DUE_SOON:
		if (r->it->deadline != NULL)
			dates_from_iso(r->it->deadline, &dl);
		fprintf(f, _("due on %s, in %d working days"), dates_shown(r->it->deadline, day),
		    dl != DAY_NONE ? dates_working_days(t, dl, &rules->cal) : 0);
		break;
	case REMIND_DUE_TODAY:
		fputs(_("due today"), f);
		break;
	case REMIND_UNANSWERED:
		fprintf(f, _("waiting for your answer since %s"),
		    dates_shown(r->it->since != NULL ? r->it->since : today, day));
		break;
	case REMIND__KINDS:
		break;
	}
	fputc('\n', f);
}

/* The whole message for sendmail -t, in the language set now. */
static void
compose(FILE *f, const struct brief *b, const struct person *p, const char *address,
    const struct reminder_due *r, size_t nr, const struct flag_rules *rules)
{
	char subject[256], day[11];
	day_t t = DAY_NONE;

	dates_from_iso(b->today, &t);
	fprintf(f, "To: %s\n", address);
	snprintf(subject, sizeof(subject), _("roviec: %lld waiting for you on %s"),
	    b->total, dates_shown(b->today, day));
	digest_subject(f, subject);
	fputs("MIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: 8bit\n"
	    "Auto-Submitted: auto-generated\n"
	    "X-Roviec: digest\n\n", f);
	if (nr > 0) {
		fputs(_("Reminders:"), f);
		fputc('\n', f);
		for (size_t i = 0; i < nr; i++)
			reminder_line(f, &r[i], b->today, t, rules);
		fputc('\n', f);
	}
	brief_write(f, b, p, DIGEST_LINES);
	fputc('\n', f);
	fputs(_("Open roviec, or run roviec brief, to act on them."), f);
	fputs("\n-- \n", f);
	fputs(_("roviec digest: one message a day while something waits for you."), f);
	fputc('\n', f);
}

/* Hands the message to the mailer; RV_OK when it took it (exit 0). */
static enum rv_code
mail(const char *sendmail, const char *msg, size_t len, struct rv_err *err)
{
	int fd[2], status = 0, write_failed = 0;
	void (*old)(int);
	pid_t pid;

	if (pipe(fd) != 0)
		return err_set(err, RV_STORAGE, _("cannot run the mailer %s: %s"), sendmail,
		    strerror(errno));
	if ((pid = fork()) < 0) {
		close(fd[0]);
		close(fd[1]);
		return err_set(err, RV_STORAGE, _("cannot run the mailer %s: %s"), sendmail,
		    strerror(errno));
	}
	if (pid == 0) {
		dup2(fd[0], 0);
		close(fd[0]);
		close(fd[1]);
		execl(sendmail, sendmail, "-t", "-i", (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	/* A mailer that ends early must fail the message, not kill roviec. */
	old = signal(SIGPIPE, SIG_IGN);
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd[1], msg + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			write_failed = 1;
			break;
		}
		off += (size_t)w;
	}
	close(fd[1]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	signal(SIGPIPE, old);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || write_failed)
		return err_set(err, RV_STORAGE,
		    _("the mailer %s did not take the message (exit %d); nothing was recorded as sent; check the sendmail setting"),
		    sendmail, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return RV_OK;
}

/* --- the run ------------------------------------------------------------- */

struct one {
	struct session *s;
	const struct digest_conf *conf;
	const struct person *p;
	const struct brief *b;
	char address[320], language[3], stamp[21];
	struct reminder_due *r;
	size_t nr;
	char *msg;		/* the message composed, mailed once committed */
	size_t len;
	int skipped;
	int runner_vi;		/* the language of whoever runs the digest */
};

static void
add_reminder(struct one *o, enum reminder kind, const struct brief_item *it,
    const char *key)
{
	struct reminder_due *r = &o->r[o->nr++];

	r->kind = kind;
	r->it = it;
	snprintf(r->key, sizeof(r->key), "%s", key);
}

static enum rv_code
send_one(struct store *st, void *arg, struct rv_err *err)
{
	struct one *o = arg;
	const struct brief *b = o->b;
	char *msg = NULL;
	size_t len = 0;
	FILE *f;
	int sent;
	enum rv_code rc;

	o->nr = 0;
	o->skipped = 0;
	free(o->msg);
	o->msg = NULL;
	if ((rc = store_notice_sent(st, o->p->id, "digest", 0, b->today, &sent, err)) != RV_OK)
		return rc;
	if (sent) {
		o->skipped = 1;
		return RV_OK;
	}
	for (size_t i = 0; i < b->nitems; i++) {
		const struct brief_item *it = &b->items[i];
		enum reminder kind = REMIND__KINDS;
		char key[64];

		if (it->kind == WAIT_DUE_SOON && it->deadline != NULL) {
			kind = strcmp(it->deadline, b->today) == 0 ? REMIND_DUE_TODAY :
			    REMIND_DUE_SOON;
			snprintf(key, sizeof(key), "%s", it->deadline);
		} else if ((it->kind == WAIT_PROPOSAL || it->kind == WAIT_EXTENSION) &&
		    (it->flags & FLAG_UNANSWERED)) {
			kind = REMIND_UNANSWERED;
			snprintf(key, sizeof(key), "%s:%s", brief_kind_word(it->kind),
			    it->since != NULL ? it->since : "");
		}
		if (kind == REMIND__KINDS)
			continue;
		if ((rc = store_notice_sent(st, o->p->id, reminder_words[kind], it->duty_id,
		    key, &sent, err)) != RV_OK)
			return rc;
		if (sent)
			continue;
		if ((rc = store_notice_add(st, o->p->id, reminder_words[kind], it->duty_id,
		    key, o->stamp, err)) != RV_OK)
			return rc;
		add_reminder(o, kind, it, key);
	}
	if ((rc = store_notice_add(st, o->p->id, "digest", 0, b->today, o->stamp, err)) != RV_OK)
		return rc;
	if ((f = open_memstream(&msg, &len)) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	/* In their language; what roviec says to whoever runs it, in theirs. */
	i18n_set(o->language);
	compose(f, b, o->p, o->address, o->r, o->nr, &o->s->rules);
	i18n_set(o->runner_vi ? "vi" : "en");
	if (fclose(f) != 0 || msg == NULL) {
		free(msg);
		return err_set(err, RV_STORAGE, _("out of memory"));
	}
	o->msg = msg;
	o->len = len;
	return RV_OK;
}

/* The notices of a message the mailer did not take, recorded at its
 * moment: forgotten, so that the next run sends them. */
static enum rv_code
forget_one(struct store *st, void *arg, struct rv_err *err)
{
	struct one *o = arg;

	return store_notice_forget(st, o->p->id, o->stamp, err);
}

enum rv_code
digest_run(struct session *s, const struct digest_conf *conf, digest_sent_fn fn,
    void *arg, int *sent, struct rv_err *err)
{
	struct people ps = { 0 };
	int was_vi = i18n_vi();
	enum rv_code rc;

	*sent = 0;
	if (s->me.role != ROLE_ADMIN)
		return err_set(err, RV_REFUSED,
		    _("only an administrator sends the digest (it reads what waits for everyone)"));
	if ((rc = store_read(s->st, read_people, &ps, err)) == RV_OK && ps.oom)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	for (size_t i = 0; rc == RV_OK && i < ps.n; i++) {
		struct one o = { .s = s, .conf = conf, .p = &ps.p[i], .runner_vi = was_vi };
		struct brief b;
		char looked[32], given[255];
		int found;

		if (ps.p[i].role == ROLE_INSPECTOR)
			continue;
		if ((rc = brief_compute(s, &ps.p[i], DIGEST_ITEMS, BRIEF_PEEK, &b, err)) != RV_OK)
			break;
		if (b.total == 0) {
			brief_free(&b);
			continue;
		}
		o.b = &b;
		session_stamp(s, o.stamp);
		/* Their address (person add/set --mail), else LOGIN@domain. */
		if ((rc = store_person_mail(s->st, ps.p[i].id, given, err)) != RV_OK) {
			brief_free(&b);
			break;
		}
		if (given[0] != '\0')
			snprintf(o.address, sizeof(o.address), "%s", given);
		else
			snprintf(o.address, sizeof(o.address), "%s@%s", ps.p[i].login, conf->domain);
		/* Their language: the one they last looked in. */
		rc = store_seen_get(s->st, ps.p[i].id, looked, o.language, &found, err);
		if (rc == RV_OK) {
			if (!found)
				snprintf(o.language, sizeof(o.language), "%s", conf->language);
			o.r = calloc(b.nitems + 1, sizeof(*o.r));
			rc = o.r == NULL ? err_set(err, RV_STORAGE, _("out of memory")) :
			    store_write(s->st, send_one, &o, err);
		}
		/* Mailed once what it records is committed: a transaction tried
		 * again (the database busy at COMMIT) must not mail twice.  A
		 * mailer that fails has its notices forgotten again. */
		if (rc == RV_OK && !o.skipped &&
		    (rc = mail(conf->sendmail, o.msg, o.len, err)) != RV_OK) {
			struct rv_err ignored;

			(void)store_write(s->st, forget_one, &o, &ignored);
		}
		if (rc == RV_OK && !o.skipped) {
			(*sent)++;
			if (fn != NULL)
				fn(ps.p[i].login, o.address, b.total, (int)o.nr, arg);
		}
		free(o.r);
		free(o.msg);
		brief_free(&b);
	}
	for (size_t i = 0; i < ps.n; i++)
		model_person_free(&ps.p[i]);
	free(ps.p);
	return rc;
}
