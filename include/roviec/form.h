/*
 * form: a small modal form over the board, one labelled line editor per
 * row (line.h), for the fields an action asks for.  It draws its own boxed
 * window and reads keys until the user submits or cancels; it holds no
 * database state and never touches storage.
 */
#ifndef ROVIEC_FORM_H
#define ROVIEC_FORM_H

#include <signal.h>
#include <stddef.h>

struct form_field {
	const char	*label;		/* "Reason" */
	const char	*initial;	/* may be NULL */
	int		 required;	/* refuse submit while blank, naming it */
	size_t		 max_bytes;	/* e.g. 4*4000; 0: FORM_MAX_BYTES */
	char		*value;		/* out: malloc'd text on FORM_OK */
};

/* What max_bytes 0 stands for. */
#define FORM_MAX_BYTES	(4 * 4000)

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
enum form_result form_run(const char *title, struct form_field *fields,
    size_t n, volatile sig_atomic_t *hangup);

/* Frees every value and sets it to NULL. */
void form_fields_free(struct form_field *fields, size_t n);

#endif
