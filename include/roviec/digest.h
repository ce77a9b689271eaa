/*
 * digest: the mail that tells each official what waits for them (issue
 * #11), for cron: one message a day to each person with something waiting,
 * in their language, through the server's sendmail interface, with the
 * reminders due that day (a deadline reaching the due-soon threshold, a
 * deadline today, a proposal or extension request left unanswered), each
 * sent once (notices_sent).
 */
#ifndef ROVIEC_DIGEST_H
#define ROVIEC_DIGEST_H

#include <stdio.h>

#include "roviec/err.h"
#include "roviec/session.h"

struct digest_conf {
	const char *sendmail;	/* the mailer's path; run as "sendmail -t -i" */
	const char *domain;	/* addresses are login@domain */
	const char *language;	/* for those who never looked: "vi" or "en" */
};

/* Called for each message sent: the login, the address, what waits and
 * how many reminders it carried. */
typedef void (*digest_sent_fn)(const char *login, const char *address,
    long long waiting, int reminders, void *arg);

/*
 * Sends today's messages; a person already sent today's is skipped, so
 * running it again the same day sends nothing twice.  Each message is
 * recorded in the same transaction as it is handed to the mailer: a mailer
 * that fails leaves nothing recorded (and stops the run, RV_STORAGE, with
 * what the mailer said).  Administrators only.  *sent: messages sent.
 */
enum rv_code digest_run(struct session *s, const struct digest_conf *conf,
    digest_sent_fn fn, void *arg, int *sent, struct rv_err *err);

/* A Subject header's value, RFC 2047 encoded (UTF-8, base64, folded)
 * when it is not plain ASCII; control characters never pass.  Writes the
 * whole "Subject: ..." line with its newline. */
void digest_subject(FILE *f, const char *subject);

#endif
