/* line: a one-line UTF-8 editor buffer (see line.h). */
#include "roviec/line.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define LINE_UTF8_MAX	4	/* bytes in the longest UTF-8 sequence */
#define LINE_FIRST_CAP	64

/*
 * The code point at buf[i]; the buffer holds valid UTF-8 only, so a failure
 * cannot happen, but reading one byte on as U+FFFD keeps every loop finite
 * if that promise were ever broken.
 */
static size_t
line_decode(const char *buf, size_t len, size_t i, utf8proc_int32_t *c)
{
	utf8proc_ssize_t n;
	size_t left = len - i;

	if (left > LINE_UTF8_MAX)
		left = LINE_UTF8_MAX;
	n = utf8proc_iterate((const utf8proc_uint8_t *)buf + i,
	    (utf8proc_ssize_t)left, c);
	if (n <= 0) {
		*c = 0xFFFD;
		return 1;
	}
	return (size_t)n;
}

/* Columns of one code point, as text.c counts them. */
static size_t
line_char_width(utf8proc_int32_t c)
{
	int w = utf8proc_charwidth(c);

	return w < 0 ? 1 : (size_t)w;
}

/*
 * The end of the grapheme cluster that starts at `from`, which must be a
 * boundary (utf8proc's state may be reset after a break, so the walk may
 * start there); its columns in *cols when cols is not NULL.  A cluster is
 * as wide as its widest code point, as text_width has it: since the buffer
 * holds nothing text_sanitize would change, the two agree.
 */
static size_t
line_cluster(const struct line *l, size_t from, size_t *cols)
{
	utf8proc_int32_t prev, c, state = 0;
	size_t i = from, n, w;

	if (cols != NULL)
		*cols = 0;
	if (from >= l->len)
		return l->len;
	i += line_decode(l->buf, l->len, i, &prev);
	w = line_char_width(prev);
	while (i < l->len) {
		n = line_decode(l->buf, l->len, i, &c);
		if (utf8proc_grapheme_break_stateful(prev, c, &state))
			break;
		if (line_char_width(c) > w)
			w = line_char_width(c);
		prev = c;
		i += n;
	}
	if (cols != NULL)
		*cols = w;
	return i;
}

/*
 * The boundaries around pos: the last one at or before it in *below and
 * the first one at or after it in *above (equal when pos is a boundary).
 * 0 is the only boundary known to lie before pos, so the walk starts
 * there: a keystroke's worth of work on a field of a few kilobytes.
 */
static void
line_bounds(const struct line *l, size_t pos, size_t *below, size_t *above)
{
	size_t b = 0, next;

	while (b < pos && b < l->len) {
		next = line_cluster(l, b, NULL);
		if (next > pos) {
			*below = b;
			*above = next;
			return;
		}
		b = next;
	}
	*below = *above = b;
}

/* The boundary before the cursor's: where backspace and left go. */
static size_t
line_before_cursor(const struct line *l)
{
	size_t b = 0, next;

	while ((next = line_cluster(l, b, NULL)) < l->cursor)
		b = next;
	return b;
}

/* Makes room for `need` bytes, the NUL included; -1 when out of memory. */
static int
line_reserve(struct line *l, size_t need)
{
	size_t cap = l->cap > 0 ? l->cap : LINE_FIRST_CAP;
	char *p;

	if (need <= l->cap)
		return 0;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	/* Never more than the limit allows: a field may say 16 kB. */
	if (l->max_bytes < SIZE_MAX && cap > l->max_bytes + 1 &&
	    need <= l->max_bytes + 1)
		cap = l->max_bytes + 1;
	if ((p = realloc(l->buf, cap)) == NULL)
		return -1;
	l->buf = p;
	l->cap = cap;
	return 0;
}

/* Removes bytes [from, to) and puts the cursor at `from`, or at the start
 * of the cluster `from` fell inside once the text closed up (removing the
 * "a" of "ᄀaᅡ" makes "가" of the rest). */
static void
line_cut(struct line *l, size_t from, size_t to)
{
	size_t above;

	memmove(l->buf + from, l->buf + to, l->len - to + 1);
	l->len -= to - from;
	line_bounds(l, from, &l->cursor, &above);
}

/* Whether a one-line field keeps cp. */
static int
line_keeps(uint32_t cp)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_CC:	/* C0, DEL, C1: ESC starts sequences */
	case UTF8PROC_CATEGORY_CF:	/* shown as U+FFFD everywhere else */
	case UTF8PROC_CATEGORY_ZL:	/* U+2028: a line break after all */
	case UTF8PROC_CATEGORY_ZP:
		return 0;
	default:
		return 1;
	}
}

int
line_init(struct line *l, const char *initial, size_t max_bytes)
{
	const char *p = initial;
	utf8proc_int32_t c;
	utf8proc_ssize_t n;
	int changed = 0, r;

	memset(l, 0, sizeof(*l));
	l->max_bytes = max_bytes;
	if (line_reserve(l, 1) == -1)
		return -1;
	l->buf[0] = '\0';
	while (p != NULL && *p != '\0') {
		n = utf8proc_iterate((const utf8proc_uint8_t *)p,
		    (utf8proc_ssize_t)strnlen(p, LINE_UTF8_MAX), &c);
		if (n <= 0) {
			changed = 1;
			p++;
			continue;
		}
		p += n;
		/* The cursor stays at the end, so each insert is cheap. */
		r = line_insert_codepoint(l, (uint32_t)c);
		if (r == LINE_NOMEM) {
			line_free(l);
			l->max_bytes = max_bytes;
			return -1;
		}
		if (r == LINE_FULL) {
			changed = 1;
			break;
		}
		if (r == LINE_REFUSED)
			changed = 1;
	}
	return changed;
}

void
line_free(struct line *l)
{
	free(l->buf);
	memset(l, 0, sizeof(*l));
}

int
line_insert_codepoint(struct line *l, uint32_t cp)
{
	utf8proc_uint8_t enc[LINE_UTF8_MAX];
	size_t n, below, at;

	if (!line_keeps(cp))
		return LINE_REFUSED;
	n = (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, enc);
	if (n > l->max_bytes || l->len > l->max_bytes - n)
		return LINE_FULL;
	if (line_reserve(l, l->len + n + 1) == -1)
		return LINE_NOMEM;
	at = l->cursor;
	memmove(l->buf + at + n, l->buf + at, l->len - at + 1);
	memcpy(l->buf + at, enc, n);
	l->len += n;
	/* The end is always a boundary: typing at the end (and every paste
	 * there) costs no walk.  Elsewhere cp may have joined the cluster
	 * that follows ("a" before a lone mark), and the cursor goes after
	 * the whole of it. */
	if (at + n == l->len)
		l->cursor = l->len;
	else
		line_bounds(l, at + n, &below, &l->cursor);
	return LINE_OK;
}

void
line_backspace(struct line *l)
{
	if (l->cursor > 0)
		line_cut(l, line_before_cursor(l), l->cursor);
}

void
line_delete(struct line *l)
{
	if (l->cursor < l->len)
		line_cut(l, l->cursor, line_cluster(l, l->cursor, NULL));
}

void
line_left(struct line *l)
{
	if (l->cursor > 0)
		l->cursor = line_before_cursor(l);
}

void
line_right(struct line *l)
{
	l->cursor = line_cluster(l, l->cursor, NULL);
}

void
line_home(struct line *l)
{
	l->cursor = 0;
}

void
line_end(struct line *l)
{
	l->cursor = l->len;
}

void
line_clear(struct line *l)
{
	l->len = l->cursor = 0;
	if (l->buf != NULL)
		l->buf[0] = '\0';
}

const char *
line_text(const struct line *l)
{
	return l->buf != NULL ? l->buf : "";
}

size_t
line_view(const struct line *l, size_t width, size_t *cursor_col)
{
	size_t b = 0, col = 0, cols, step, first, start_col;

	*cursor_col = 0;
	if (width == 0)
		return l->cursor;
	while (b < l->cursor) {
		b = line_cluster(l, b, &cols);
		col += cols;
	}
	if (col < width) {
		*cursor_col = col;
		return 0;
	}
	/*
	 * The window starts at a multiple of half its width: the smallest
	 * that leaves the cursor inside.  Being a function of the cursor's
	 * column alone it needs no memory of where it was, and the text does
	 * not slide under the eye on every key.
	 */
	step = width / 2 > 0 ? width / 2 : 1;
	first = ((col - width) / step + 1) * step;
	/* The first boundary at or past column `first`: a wide character
	 * across it is left out whole.  The cursor's is one, so b stops
	 * there at the latest. */
	for (b = 0, start_col = 0; start_col < first && b < l->cursor;
	    start_col += cols)
		b = line_cluster(l, b, &cols);
	*cursor_col = col - start_col;
	return b;
}

size_t
line_span(const struct line *l, size_t start, size_t width)
{
	size_t b = start, next, cols, used = 0;

	while (b < l->len) {
		next = line_cluster(l, b, &cols);
		if (used + cols > width)
			break;
		used += cols;
		b = next;
	}
	return b;
}
