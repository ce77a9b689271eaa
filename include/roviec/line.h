/*
 * line: the one-line UTF-8 editor buffer behind every field of a form.
 * The cursor moves and deletes by grapheme cluster, so that backspace
 * removes "ờ" whole whether the input method sent it precomposed or as
 * "o" and two combining marks.  What it holds is always valid UTF-8 with
 * no control or format character, so a terminal can show it as it is.
 * Nothing here knows of curses; normalising to NFC is the core's job.
 */
#ifndef ROVIEC_LINE_H
#define ROVIEC_LINE_H

#include <stddef.h>
#include <stdint.h>

struct line {
	char	*buf;		/* NUL-terminated; NULL only when out of memory */
	size_t	 len;		/* bytes before the NUL, at most max_bytes */
	size_t	 cap;		/* bytes allocated */
	size_t	 cursor;	/* byte offset, always on a grapheme boundary */
	size_t	 max_bytes;
};

/* What line_insert_codepoint did. */
enum line_insert {
	LINE_OK = 0,
	LINE_FULL = -1,		/* it would pass max_bytes: show "too long" */
	LINE_REFUSED = -2,	/* not kept in a one-line field (see below) */
	LINE_NOMEM = -3
};

/*
 * Starts l holding `initial` (may be NULL) with the cursor at its end.
 * Of the initial text, bytes that are not UTF-8 and the characters that
 * line_insert_codepoint refuses are dropped, and what passes max_bytes is
 * cut.  Returns 0, 1 when the initial text had to be cleaned or cut (show
 * it: saving would not give back what was stored), or -1 when out of
 * memory, leaving l empty.  line_free is safe after any of them.
 */
int line_init(struct line *l, const char *initial, size_t max_bytes);

/* Frees the buffer and leaves l zeroed. */
void line_free(struct line *l);

/*
 * Inserts cp at the cursor, which then stands after the grapheme cluster
 * cp ended up in (after "ư" when cp is U+031B typed after "u").  Refused:
 * values above U+10FFFF, surrogates, controls (C0, DEL, C1), format
 * characters (bidi overrides, zero widths, soft hyphen: the rest of the
 * program would only show them as U+FFFD) and line or paragraph
 * separators.  Returns an enum line_insert; on anything but LINE_OK the
 * buffer is as it was.
 */
int line_insert_codepoint(struct line *l, uint32_t cp);

/* Removes the grapheme cluster before the cursor (backspace). */
void line_backspace(struct line *l);

/* Removes the grapheme cluster after the cursor (the Delete key). */
void line_delete(struct line *l);

/* Moves the cursor one grapheme cluster left or right. */
void line_left(struct line *l);
void line_right(struct line *l);

/* Moves the cursor to the start or the end of the text. */
void line_home(struct line *l);
void line_end(struct line *l);

/* Empties the text. */
void line_clear(struct line *l);

/* The text, NUL-terminated; "" when there is none.  Valid until the next
 * change. */
const char *line_text(const struct line *l);

/*
 * Where to start showing the text in a window `width` display columns wide
 * so that the cursor is inside it: returns a byte offset on a grapheme
 * boundary, and the cursor's column in that window (below width, for a
 * width above 0) in *cursor_col.  It depends only on the text and the
 * cursor: the window moves by half its width when the cursor leaves it.
 * Columns are those of text_width.
 */
size_t line_view(const struct line *l, size_t width, size_t *cursor_col);

/* The byte offset where the whole grapheme clusters that fit in `width`
 * columns from `start` (a boundary, as line_view returns) end. */
size_t line_span(const struct line *l, size_t start, size_t width);

#endif
