/*
 * err: errors as values.  Every fallible function returns an rv_code and,
 * when it is not RV_OK, fills a struct rv_err with one plain sentence that
 * says what is wrong and what to do.  The codes are the exit statuses of
 * CLI.md, so the command line can exit with err.code as it is.
 */
#ifndef ROVIEC_ERR_H
#define ROVIEC_ERR_H

enum rv_code {
	RV_OK = 0,
	RV_REFUSED = 1,	/* a rule, a permission, a bad value, not found */
	RV_USAGE = 2,	/* unknown command or option, missing argument */
	RV_STORAGE = 3	/* cannot open, corrupt, newer, locked too long */
};

struct rv_err {
	enum rv_code code;
	char msg[1024];
	/* The input at fault, when the refusal is about one: its name as the
	 * command line gives it ("reason", "owner", "due": an option, or an
	 * argument's slot name in action.h), so that a form puts the cursor
	 * on that field.  NULL when not known.  A string literal. */
	const char *field;
};

/* Sets code and message (printf-style); returns code so that callers can
 * write `return err_set(err, RV_REFUSED, "...")`.  err may be NULL. */
enum rv_code err_set(struct rv_err *err, enum rv_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clears err to RV_OK with an empty message. */
void err_clear(struct rv_err *err);

/* Names the input at fault in err (when it has none yet); returns err's
 * code, so that callers can write `return err_field(err, "reason")`. */
enum rv_code err_field(struct rv_err *err, const char *field);

#endif
