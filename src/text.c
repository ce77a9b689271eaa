/* text: UTF-8 in and out (see text.h). */
#include "roviec/text.h"

#include "roviec/i18n.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define TEXT_REPLACEMENT	0xFFFD
#define TEXT_ELLIPSIS		0x2026
#define TEXT_UTF8_MAX		4	/* bytes in the longest UTF-8 sequence */

/* What text_scan found first in outside text. */
enum text_problem {
	TEXT_FINE,
	TEXT_NUL,
	TEXT_INVALID
};

struct text_scan {
	enum text_problem problem;
	size_t		 at;	/* byte offset of the problem, or len */
	size_t		 chars;	/* code points before it */
};

/* Whether text_simple_len may take the fast path (text_set_fast). */
static int text_fast = 1;

/* Walks a string grapheme by grapheme, as text_sanitize would show it. */
struct text_walk {
	const char		*at;	/* first byte of the next cluster */
	const char		*p;	/* byte after `next` */
	utf8proc_int32_t	 next;	/* next cluster's first, -1 at the end */
	utf8proc_int32_t	 state;	/* utf8proc's grapheme break state */
};

/* One grapheme cluster: its bytes in the source and its display columns. */
struct text_cluster {
	const char	*start;
	const char	*end;
	size_t		 width;
};

static utf8proc_ssize_t
text_decode(const char *p, size_t left, utf8proc_int32_t *c)
{
	if (left > TEXT_UTF8_MAX)
		left = TEXT_UTF8_MAX;
	return utf8proc_iterate((const utf8proc_uint8_t *)p,
	    (utf8proc_ssize_t)left, c);
}

int
text_is_simple(int32_t c)
{
	return (c >= 0x20 && c <= 0x7E) || (c >= 0xC0 && c <= 0x24F) ||
	    (c >= 0x1E00 && c <= 0x1EFF);
}

void
text_set_fast(int on)
{
	text_fast = on;
}

/*
 * The length of the simple code point (text_is_simple) that s starts
 * with, decoded into *c; 0 when s starts with anything else, a NUL and
 * invalid UTF-8 included.  Only the shortest encodings are taken, so the
 * bytes are what utf8proc_encode_char gives for *c.  A lead byte is never
 * NUL, so reading the byte after it stays inside the string.
 */
static inline size_t
text_simple_len(const char *s, utf8proc_int32_t *c)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!text_fast)
		return 0;
	if (p[0] >= 0x20 && p[0] <= 0x7E) {
		*c = p[0];
		return 1;
	}
	/* U+00C0..U+024F: lead bytes C3..C9. */
	if (p[0] >= 0xC3 && p[0] <= 0xC9 && (p[1] & 0xC0) == 0x80) {
		*c = (p[0] & 0x1F) << 6 | (p[1] & 0x3F);
		return *c <= 0x24F ? 2 : 0;
	}
	/* U+1E00..U+1EFF: E1 B8..BB and one more byte. */
	if (p[0] == 0xE1 && p[1] >= 0xB8 && p[1] <= 0xBB &&
	    (p[2] & 0xC0) == 0x80) {
		*c = 0x1000 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		return 3;
	}
	return 0;
}

/*
 * Finds the first NUL or invalid sequence.  utf8proc_iterate (2.8) already
 * refuses overlong forms, surrogates, code points above U+10FFFF and
 * truncated sequences, so no stricter check is needed here.
 */
static void
text_scan(const char *bytes, size_t len, struct text_scan *scan)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n;
	size_t i = 0;

	scan->problem = TEXT_FINE;
	scan->chars = 0;
	while (i < len) {
		n = text_decode(bytes + i, len - i, &c);
		if (n < 0) {
			scan->problem = TEXT_INVALID;
			break;
		}
		if (c == 0) {
			scan->problem = TEXT_NUL;
			break;
		}
		i += (size_t)n;
		scan->chars++;
	}
	scan->at = i;
}

static int
text_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
	    c == '\f' || c == '\r';
}

/* Trims ASCII white space at both ends of s, in place. */
static void
text_trim(char *s)
{
	size_t len = strlen(s), lead = 0;

	while (len > 0 && text_is_space(s[len - 1]))
		len--;
	while (lead < len && text_is_space(s[lead]))
		lead++;
	memmove(s, s + lead, len - lead);
	s[len - lead] = '\0';
}

/* NFC of len bytes of valid UTF-8 without NUL; NULL when out of memory. */
static char *
text_nfc(const char *bytes, size_t len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	n = utf8proc_map((const utf8proc_uint8_t *)bytes, (utf8proc_ssize_t)len,
	    &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return NULL;
	return (char *)out;
}

static enum rv_code
text_refuse(const char *bytes, const struct text_scan *scan,
    const char *what, struct rv_err *err)
{
	/* Positions count characters from 1, as an editor shows them; the
	 * bad byte is shown in hex, never raw, as it may be a control. */
	if (scan->problem == TEXT_NUL)
		return err_set(err, RV_REFUSED, _("%s contains a NUL byte at "
		    "position %zu; remove it and try again"), what,
		    scan->chars + 1);
	return err_set(err, RV_REFUSED, _("%s is not valid UTF-8 (byte 0x%02X "
	    "at position %zu); if it comes from an old spreadsheet or a "
	    "Windows-1258 file, save it as UTF-8 and try again"), what,
	    (unsigned)(unsigned char)bytes[scan->at], scan->chars + 1);
}

enum rv_code
text_in(const char *bytes, size_t len, const char *what, size_t max_chars,
    char **out, struct rv_err *err)
{
	struct text_scan scan;
	char *nfc;
	size_t chars;

	*out = NULL;
	text_scan(bytes, len, &scan);

	/*
	 * The valid part is normalised even when something follows it: a
	 * 100 kB paste cut in the middle of a character is first of all too
	 * long, and that is what the user must fix first.
	 */
	if ((nfc = text_nfc(bytes, scan.at)) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory while reading "
		    "%s; close other programs and try again"), what);
	text_trim(nfc);
	chars = text_chars(nfc);
	if (chars > max_chars) {
		free(nfc);
		return err_set(err, RV_REFUSED, _("%s is too long: %s%zu "
		    "characters, at most %zu allowed; shorten it and try again"),
		    what, scan.problem == TEXT_FINE ? "" : _("at least "), chars,
		    max_chars);
	}
	if (scan.problem != TEXT_FINE) {
		free(nfc);
		return text_refuse(bytes, &scan, what, err);
	}
	*out = nfc;
	return RV_OK;
}

enum rv_code
text_in_str(const char *s, const char *what, size_t max_chars, char **out,
    struct rv_err *err)
{
	return text_in(s, strlen(s), what, max_chars, out, err);
}

size_t
text_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Removes the UTF-8 of 'đ' (C4 91) from s in place, writing 'd'. */
static void
text_fold_dd(char *s)
{
	char *w = s;

	while (*s != '\0') {
		if ((unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x91) {
			*w++ = 'd';
			s += 2;
		} else
			*w++ = *s++;
	}
	*w = '\0';
}

char *
text_fold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;
	char *safe, *folded;

	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	    UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
	if (n == UTF8PROC_ERROR_INVALIDUTF8) {
		/* Callers promise valid UTF-8; keep the promise of returning
		 * NULL only when out of memory if they break theirs. */
		if ((safe = text_sanitize(s)) == NULL)
			return NULL;
		folded = text_fold(safe);
		free(safe);
		return folded;
	}
	if (n < 0)
		return NULL;
	/* 'đ' is a letter of its own, not d with a mark, so STRIPMARK
	 * keeps it; a search for "dun day" must still find "Đùn đẩy". */
	text_fold_dd((char *)out);
	return (char *)out;
}

/* c as a terminal may see it: controls and invisible formatting shown. */
static utf8proc_int32_t
text_inert(utf8proc_int32_t c)
{
	if (c < 0x20)
		return 0x2400 + c;
	if (c == 0x7F)
		return 0x2421;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_CC:	/* C1 */
	case UTF8PROC_CATEGORY_CF:	/* bidi overrides, zero widths */
	case UTF8PROC_CATEGORY_ZL:	/* U+2028 would break the line */
	case UTF8PROC_CATEGORY_ZP:	/* U+2029 likewise */
		return TEXT_REPLACEMENT;
	default:
		return c;
	}
}

/* The next code point of s made inert, advancing *p; an invalid byte is
 * one U+FFFD.  *p must not point at the final NUL. */
static utf8proc_int32_t
text_next_inert(const char **p)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n;
	size_t simple;

	/* A simple code point is its own inert form. */
	if ((simple = text_simple_len(*p, &c)) > 0) {
		*p += simple;
		return c;
	}
	n = text_decode(*p, strnlen(*p, TEXT_UTF8_MAX), &c);
	if (n < 0) {
		*p += 1;
		return TEXT_REPLACEMENT;
	}
	*p += n;
	return text_inert(c);
}

static size_t
text_char_width(utf8proc_int32_t c)
{
	int w = utf8proc_charwidth(c);

	/* Nothing printable is narrower than a column on a terminal. */
	return w < 0 ? 1 : (size_t)w;
}

static void
text_walk_init(struct text_walk *w, const char *s)
{
	w->at = w->p = s;
	w->state = 0;
	w->next = *s == '\0' ? -1 : text_next_inert(&w->p);
}

/*
 * The next grapheme cluster into *cl; 0 at the end.  Its width is that of
 * its widest code point: a base letter with its marks is one column, an
 * emoji or a Hangul syllable in jamo two.
 */
static int
text_walk_next(struct text_walk *w, struct text_cluster *cl)
{
	utf8proc_int32_t prev, c;
	const char *here;
	size_t cw;

	if (w->next < 0)
		return 0;
	cl->start = w->at;
	cl->width = text_char_width(w->next);
	prev = w->next;
	w->next = -1;
	while (*w->p != '\0') {
		here = w->p;
		c = text_next_inert(&w->p);
		if (utf8proc_grapheme_break_stateful(prev, c, &w->state)) {
			w->at = here;
			w->next = c;
			break;
		}
		if ((cw = text_char_width(c)) > cl->width)
			cl->width = cw;
		prev = c;
	}
	if (w->next < 0)
		w->at = w->p;
	cl->end = w->at;
	return 1;
}

/*
 * Moves the walk over as many clusters as it can, at most max, without
 * asking utf8proc: a simple code point followed by another or by the end
 * is a cluster of one column.  Returns how many (the columns they take).
 *
 * Between two simple code points utf8proc always breaks (GB999: both are
 * of bound class Other), and the break leaves its state at Other, as it
 * is after any simple code point, or at the start where it is the first's
 * class: tests/unit/text_fast.c checks this against the library.
 */
static size_t
text_walk_simple(struct text_walk *w, size_t max)
{
	utf8proc_int32_t c;
	const char *at = w->at, *p = w->p;
	size_t n = 0, len;

	if (!text_fast || !text_is_simple(w->next))
		return 0;
	while (n < max) {
		if (*p == '\0') {
			w->next = -1;
			at = p;
			n++;
			break;
		}
		if ((len = text_simple_len(p, &c)) == 0)
			break;
		w->next = c;
		at = p;
		p += len;
		n++;
	}
	if (n > 0) {
		w->at = at;
		w->p = p;
		w->state = UTF8PROC_BOUNDCLASS_OTHER;
	}
	return n;
}

/* Writes the inert form of source bytes [start, end) at dst; returns the
 * byte after.  Each source byte gives at most 3 bytes. */
static char *
text_put_inert(char *dst, const char *start, const char *end)
{
	utf8proc_int32_t c;
	const char *p = start;
	size_t simple;

	while (p < end) {
		/* A simple code point is copied as it stands. */
		if ((simple = text_simple_len(p, &c)) == 0) {
			dst += utf8proc_encode_char(text_next_inert(&start),
			    (utf8proc_uint8_t *)dst);
			p = start;
			continue;
		}
		do
			*dst++ = *p++;
		while (--simple > 0);
		start = p;
	}
	return dst;
}

/* A buffer for the inert form of s plus `extra` bytes; NULL when the size
 * overflows or memory runs out. */
static char *
text_alloc_inert(const char *s, size_t extra)
{
	size_t len = strlen(s);

	if (len > (SIZE_MAX - extra - 1) / 3)
		return NULL;
	return malloc(3 * len + extra + 1);
}

char *
text_sanitize(const char *s)
{
	char *out, *end;

	if ((out = text_alloc_inert(s, 0)) == NULL)
		return NULL;
	end = text_put_inert(out, s, s + strlen(s));
	*end = '\0';
	return out;
}

char *
text_sanitize_lines(const char *s)
{
	char *out, *end;
	const char *p = s, *nl;

	if ((out = text_alloc_inert(s, 0)) == NULL)
		return NULL;
	end = out;
	/* Each line made inert, the line feeds and tabs between kept. */
	while ((nl = p + strcspn(p, "\n\t")) , *p != '\0') {
		end = text_put_inert(end, p, nl);
		if (*nl == '\0')
			break;
		*end++ = *nl;
		p = nl + 1;
	}
	*end = '\0';
	return out;
}

size_t
text_simple_width(const char *s)
{
	utf8proc_int32_t c;
	size_t n = 0, len;

	if (!text_fast)
		return *s == '\0' ? 0 : SIZE_MAX;
	for (;;) {
		/* A run of printable ASCII, a column a byte, in a loop of its
		 * own: most of a table is (the overdue list measures 9 MB). */
		const char *run = s;

		while ((unsigned char)(*s - 0x20) < 0x5F)
			s++;
		n += (size_t)(s - run);
		if (*s == '\0')
			return n;
		if ((len = text_simple_len(s, &c)) == 0)
			return SIZE_MAX;
		s += len;
		n++;
	}
}

size_t
text_width(const char *s)
{
	struct text_walk w;
	struct text_cluster cl;
	size_t cols = 0;

	text_walk_init(&w, s);
	for (;;) {
		cols += text_walk_simple(&w, SIZE_MAX);
		if (!text_walk_next(&w, &cl))
			return cols;
		cols += cl.width;
	}
}

/*
 * Writes the clusters of s that fit in `budget` columns at dst; returns
 * the byte after and the columns used in *used.  A wide cluster that would
 * straddle the edge stops the cut: the caller pads the column it leaves.
 */
static char *
text_put_cut(char *dst, const char *s, size_t budget, size_t *used)
{
	struct text_walk w;
	struct text_cluster cl;
	const char *start;

	*used = 0;
	text_walk_init(&w, s);
	for (;;) {
		start = w.at;
		*used += text_walk_simple(&w, budget - *used);
		dst = text_put_inert(dst, start, w.at);
		if (!text_walk_next(&w, &cl) || *used + cl.width > budget)
			return dst;
		dst = text_put_inert(dst, cl.start, cl.end);
		*used += cl.width;
	}
}

char *
text_fit(const char *s, size_t cols, int pad)
{
	size_t width = text_width(s), used;
	char *out, *end;

	/* The ellipsis is 3 bytes; padding at most cols bytes. */
	if (cols > SIZE_MAX - 4 ||
	    (out = text_alloc_inert(s, cols + 3)) == NULL)
		return NULL;
	if (width <= cols) {
		end = text_put_inert(out, s, s + strlen(s));
		used = width;
	} else if (cols == 0) {
		end = out;
		used = 0;
	} else {
		end = text_put_cut(out, s, cols - 1, &used);
		end += utf8proc_encode_char(TEXT_ELLIPSIS,
		    (utf8proc_uint8_t *)end);
		used++;
	}
	while (pad && used < cols) {
		*end++ = ' ';
		used++;
	}
	*end = '\0';
	return out;
}

/* Whether c may reach a terminal from JSON only as an escape.  U+061C is
 * a bidi control as much as those text.h lists. */
static int
text_json_escapes(utf8proc_int32_t c)
{
	return (c >= 0x80 && c <= 0x9F) ||
	    c == 0x061C || c == 0x200E || c == 0x200F ||
	    (c >= 0x202A && c <= 0x202E) ||
	    (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x2028 || c == 0x2029;
}

static char *
text_put_json_escape(char *dst, utf8proc_int32_t c)
{
	static const char hex[] = "0123456789abcdef";
	int shift;

	*dst++ = '\\';
	*dst++ = 'u';
	for (shift = 12; shift >= 0; shift -= 4)
		*dst++ = hex[(c >> shift) & 0xF];
	return dst;
}

char *
text_json_safe(const char *json)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n;
	const char *p = json;
	size_t len = strlen(json);
	char *out, *dst;
	int in_string = 0;

	/* An escape is at most 6 bytes for each byte of input. */
	if (len > (SIZE_MAX - 1) / 6 || (out = malloc(6 * len + 1)) == NULL)
		return NULL;
	dst = out;
	while (*p != '\0') {
		unsigned char b = (unsigned char)*p;

		if (b < 0x80) {
			/* Inside a string every control is escaped (valid
			 * JSON has none there); outside, only the white space
			 * between values may stand, anything else goes. */
			if (b < 0x20 || b == 0x7f) {
				if (in_string)
					dst = text_put_json_escape(dst, b);
				else if (b == '\n' || b == '\t' || b == '\r')
					*dst++ = (char)b;
				p++;
				continue;
			}
			if (in_string && b == '\\' && p[1] != '\0' &&
			    (unsigned char)p[1] >= 0x20 && p[1] != 0x7f) {
				*dst++ = *p++;
				*dst++ = *p++;
				continue;
			}
			if (b == '"')
				in_string = !in_string;
			*dst++ = *p++;
			continue;
		}
		if ((n = (utf8proc_ssize_t)text_simple_len(p, &c)) == 0)
			n = text_decode(p, strnlen(p, TEXT_UTF8_MAX), &c);
		if (n < 0) {
			/* Not JSON at all; U+FFFD keeps a stray 0x9B from
			 * acting as a C1 control on a Latin-1 terminal. */
			dst += utf8proc_encode_char(TEXT_REPLACEMENT,
			    (utf8proc_uint8_t *)dst);
			p++;
		} else if (text_json_escapes(c)) {
			dst = text_put_json_escape(dst, c);
			p += n;
		} else {
			memcpy(dst, p, (size_t)n);
			dst += n;
			p += n;
		}
	}
	*dst = '\0';
	return out;
}

/* The bytes of the clusters of inert s that fit in cols columns (at least
 * one cluster, so that a line always moves on). */
static size_t
text_prefix_fitting(const char *s, size_t cols)
{
	char *buf = malloc(strlen(s) + 1);
	size_t used, n;

	if (buf == NULL)
		return strlen(s);
	n = (size_t)(text_put_cut(buf, s, cols, &used) - buf);
	free(buf);
	if (n == 0) {
		struct text_walk w;
		struct text_cluster cl;

		text_walk_init(&w, s);
		if (text_walk_simple(&w, 1) == 1)
			return (size_t)(w.at - s) > 0 ? (size_t)(w.at - s) : 1;
		if (text_walk_next(&w, &cl))
			return (size_t)(cl.end - s);
		return strlen(s);
	}
	return n;
}

static int
text_wrap_add(char ***lines, size_t *n, size_t *cap, const char *s, size_t len)
{
	char *line;

	if (*n == *cap) {
		size_t more = *cap ? 2 * *cap : 8;
		char **grown = realloc(*lines, more * sizeof(*grown));

		if (grown == NULL)
			return -1;
		*lines = grown;
		*cap = more;
	}
	if ((line = malloc(len + 1)) == NULL)
		return -1;
	memcpy(line, s, len);
	line[len] = '\0';
	(*lines)[(*n)++] = line;
	return 0;
}

char **
text_wrap(const char *s, size_t width, size_t *n)
{
	char *safe = text_sanitize(s != NULL ? s : ""), **lines = NULL;
	size_t cap = 0, start = 0, len;
	int failed = 0;

	*n = 0;
	if (safe == NULL)
		return NULL;
	if (width == 0)
		width = 1;
	len = strlen(safe);
	while (!failed && (start < len || *n == 0)) {
		size_t end = start, last_space = 0, fit;
		int spaced = 0;

		/* The longest run of whole words that fits. */
		fit = text_prefix_fitting(safe + start, width);
		if (start + fit >= len) {
			end = len;
		} else {
			for (size_t i = start; i <= start + fit && i < len; i++)
				if (safe[i] == ' ') {
					last_space = i;
					spaced = 1;
				}
			end = spaced && last_space > start ? last_space : start + fit;
		}
		failed = text_wrap_add(&lines, n, &cap, safe + start, end - start) != 0;
		start = end;
		while (start < len && safe[start] == ' ')
			start++;
	}
	free(safe);
	if (failed) {
		text_wrap_free(lines, *n);
		*n = 0;
		return NULL;
	}
	return lines;
}

void
text_wrap_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n && lines != NULL; i++)
		free(lines[i]);
	free(lines);
}
