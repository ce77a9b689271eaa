/*
 * form: a small modal form over the board, one labelled line editor per
 * row (line.h), for the fields an action asks for.  It draws its own boxed
 * window and reads keys until the user submits or cancels; it holds no
 * database state and never touches storage: what a field may complete to
 * (a unit, a login) comes from the caller's function.
 */
#ifndef ROVIEC_FORM_H
#define ROVIEC_FORM_H

#include <signal.h>
#include <stddef.h>

/* What a field completes to, with Tab. */
enum form_complete {
	FORM_COMPLETE_NONE,
	FORM_COMPLETE_UNIT,	/* a unit: its code */
	FORM_COMPLETE_LOGIN	/* a person: the login */
};

struct form_field {
	const char	*label;		/* "Reason" */
	const char	*initial;	/* may be NULL */
	int		 required;	/* refuse submit while blank, naming it */
	size_t		 max_bytes;	/* e.g. 4*4000; 0: FORM_MAX_BYTES */
	char		*value;		/* out: malloc'd text on FORM_OK */
	enum form_complete complete;	/* Tab completes what is typed */
};

/* What max_bytes 0 stands for. */
#define FORM_MAX_BYTES	(4 * 4000)

/* One candidate of a completion: what goes into the field, and what it is. */
struct form_choice {
	char key[64];		/* P1, p1.nga */
	char name[160];		/* Phường 1, Nguyễn Thị Nga */
};

/* Fills out (at most max) with the candidates for what is typed; returns
 * how many.  Never called with an empty text. */
typedef size_t (*form_complete_fn)(void *arg, enum form_complete kind,
    const char *typed, struct form_choice *out, size_t max);

struct form_spec {
	const char	*title;
	const char	*context;	/* what is being decided, shown above
					 * the fields, wrapped; NULL: none */
	const char	*error;		/* a refusal to show from the start
					 * (the form shown again); NULL */
	size_t		 current;	/* the field the cursor starts in */
	form_complete_fn complete;	/* for the fields that complete */
	void		*complete_arg;
};

enum form_result {
	FORM_OK,	/* every value set (possibly ""), not yet trimmed or NFC */
	FORM_CANCEL,	/* Esc or KEY_EXIT */
	FORM_HANGUP,	/* *hangup set or the terminal gone: nothing drawn */
	FORM_RESIZE	/* KEY_RESIZE: nothing kept; redraw, reopen if wished */
};

/*
 * Runs the form until it is submitted or left.  Needs curses started with
 * keypad-capable input in a UTF-8 locale; Esc is felt after ESCDELAY,
 * which the caller keeps short (set_escdelay(25)).  Values are NULL unless
 * FORM_OK.  Unless FORM_HANGUP, stdscr is touched on return, so the next
 * refresh repaints what the form covered; the caller should redraw all
 * anyway after FORM_RESIZE.  On FORM_HANGUP nothing more is written to the
 * terminal, not even the cursor's visibility.
 */
enum form_result form_run(const struct form_spec *spec, struct form_field *fields,
    size_t n, volatile sig_atomic_t *hangup);

/* Frees every value and sets it to NULL. */
void form_fields_free(struct form_field *fields, size_t n);

#endif
