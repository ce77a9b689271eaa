/*
 * text: UTF-8 on the way in (validation, NFC) and on the way out (display
 * width, cutting to columns with an ellipsis, making control characters
 * inert), and the folded search key that ignores case and diacritics.
 * Built on libutf8proc; nothing here knows of storage or screens.
 */
#ifndef ROVIEC_TEXT_H
#define ROVIEC_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "roviec/err.h"

/*
 * Takes outside text of len bytes (may contain NUL, which is refused),
 * checks that it is valid UTF-8 (overlong forms, surrogates, truncated
 * sequences and Windows-1258 bytes are refused, the last with a hint to
 * save the file as UTF-8), normalises it to NFC and trims ASCII white space
 * at both ends.  `what` names the field in messages ("title").  More than
 * max_chars code points after normalisation is refused, naming the limit
 * and the length given.  On RV_OK *out is a malloc'd NUL-terminated string
 * (possibly empty: the caller decides whether empty is allowed); on
 * RV_REFUSED *out is NULL and err says what is wrong.
 */
enum rv_code text_in(const char *bytes, size_t len, const char *what,
    size_t max_chars, char **out, struct rv_err *err);

/* text_in over a NUL-terminated string. */
enum rv_code text_in_str(const char *s, const char *what, size_t max_chars,
    char **out, struct rv_err *err);

/* Number of code points in valid UTF-8 s. */
size_t text_chars(const char *s);

/*
 * The search key of valid UTF-8 s: case folded, diacritics removed, 'đ'
 * and 'Đ' made 'd', so that "dun day" matches "Đùn đẩy".  Malloc'd; NULL
 * only when out of memory.
 */
char *text_fold(const char *s);

/*
 * s made safe for a terminal: C0 controls, DEL and C1 controls become
 * visible (U+2400.. control pictures for C0 and DEL, U+FFFD for C1),
 * format characters (bidi overrides, zero-width spaces: category Cf)
 * become U+FFFD, and bytes that are not valid UTF-8 become U+FFFD.
 * Malloc'd; NULL only when out of memory.
 */
char *text_sanitize(const char *s);

/* text_sanitize, but line feeds and tabs are kept as they are: text of
 * several lines (a CSV cell, lines of a message) made inert line by line.
 * Malloc'd; NULL only when out of memory. */
char *text_sanitize_lines(const char *s);

/* Display columns of s after text_sanitize (wide CJK and emoji count 2,
 * combining marks 0), measured grapheme by grapheme. */
size_t text_width(const char *s);

/* text_width(s) when every code point of s is simple (text_is_simple:
 * printable ASCII, Latin and Vietnamese letters, each one column, which
 * text_sanitize leaves as they are), so s is already inert and needs no
 * copy; SIZE_MAX when any is not: then ask text_sanitize and text_width. */
size_t text_simple_width(const char *s);

/*
 * s sanitised and fitted to exactly `cols` display columns when pad is
 * nonzero (at most cols when zero): longer text is cut at a grapheme
 * boundary and ends in "…"; a wide character that would straddle the edge
 * is replaced by padding.  Malloc'd; NULL only when out of memory.
 */
char *text_fit(const char *s, size_t cols, int pad);

/*
 * s made inert (text_sanitize) and broken into lines of at most width
 * display columns, at spaces; a word wider than a line is broken between
 * characters (grapheme clusters).  Returns a malloc'd array of *n
 * malloc'd lines (at least one, "" for empty text); NULL when out of
 * memory.  Free with text_wrap_free.
 */
char **text_wrap(const char *s, size_t width, size_t *n);
void text_wrap_free(char **lines, size_t n);

/*
 * JSON text with every raw control inside its strings (C0, DEL, C1
 * U+0080..U+009F), bidi control (U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069), U+2028 and U+2029 rewritten as \uXXXX escapes, and any
 * control outside the strings but the white space between values dropped,
 * so that JSON printed to a terminal carries no raw control whatever the
 * database held.  From valid JSON the result is equal JSON.  Malloc'd;
 * NULL only when out of memory.
 */
char *text_json_safe(const char *json);

/*
 * The fast path.  Printable ASCII (U+0020..U+007E) and precomposed Latin
 * letters (U+00C0..U+024F, U+1E00..U+1EFF: all of Vietnamese in NFC) are
 * "simple": one column, no mark, no control, and always a grapheme break
 * between two of them.  text_sanitize, text_width, text_fit and
 * text_json_safe take such text without asking utf8proc, with the same
 * results.  text_is_simple(c) says whether c is simple; text_set_fast(0)
 * turns the fast path off (and 1 back on) so that the tests can compare
 * both ways.
 */
int text_is_simple(int32_t c);
void text_set_fast(int on);

#endif
