/*
 * Unit tests of line, the one-line editor of the forms: Vietnamese typed
 * precomposed and decomposed, moving and deleting by grapheme, refused
 * controls, the byte limit against a long paste, and the window that keeps
 * the cursor in sight.  After every change the buffer is checked whole.
 */
#include "roviec/line.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "tap.h"
#include "roviec/text.h"

#define NFC_PHUONG	"Ph\xc6\xb0\xe1\xbb\x9dng"	/* Phường */
#define NFD_PHUONG	"Phu\xcc\x9bo\xcc\x9b\xcc\x80ng"
#define HORN		"\xcc\x9b"			/* U+031B */
#define GRAVE		"\xcc\x80"			/* U+0300 */
#define FLAG_VN		"\xf0\x9f\x87\xbb\xf0\x9f\x87\xb3"
#define FLAG_JP		"\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5"

/* Broken invariants seen by check(), reported by each test that types. */
static int broken;

/* Whether s is valid UTF-8 holding no control character. */
static int
clean_utf8(const char *s, size_t len)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n;
	size_t i = 0;

	while (i < len) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(len - i), &c);
		if (n <= 0 || utf8proc_category(c) == UTF8PROC_CATEGORY_CC)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

/* Whether pos is a grapheme boundary of s, found independently of line.c:
 * the whole string walked once with utf8proc's state. */
static int
boundary(const char *s, size_t len, size_t pos)
{
	utf8proc_int32_t prev = -1, c, state = 0;
	utf8proc_ssize_t n;
	size_t i = 0;

	if (pos == 0 || pos == len)
		return 1;
	while (i < len) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(len - i), &c);
		if (n <= 0)
			return 0;
		if (i == pos)
			return prev >= 0 &&
			    utf8proc_grapheme_break_stateful(prev, c, &state);
		if (prev >= 0)
			utf8proc_grapheme_break_stateful(prev, c, &state);
		prev = c;
		i += (size_t)n;
	}
	return 0;
}

/* Counts what is wrong with l into `broken`. */
static void
check(const struct line *l)
{
	const char *s = line_text(l);

	if (strlen(s) != l->len || l->len > l->max_bytes ||
	    l->cursor > l->len || !clean_utf8(s, l->len) ||
	    !boundary(s, l->len, l->cursor)) {
		broken++;
		printf("# broken: len %zu cursor %zu '%s'\n", l->len,
		    l->cursor, s);
	}
}

/* Inserts every code point of UTF-8 s; the number refused or not fitting. */
static int
type(struct line *l, const char *s)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n;
	int failed = 0;

	while (*s != '\0') {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c);
		if (n <= 0)
			return -1;
		if (line_insert_codepoint(l, (uint32_t)c) != LINE_OK)
			failed++;
		check(l);
		s += n;
	}
	return failed;
}

static void
backspace(struct line *l, int times)
{
	while (times-- > 0) {
		line_backspace(l);
		check(l);
	}
}

static void
move(struct line *l, void (*fn)(struct line *), int times)
{
	while (times-- > 0) {
		fn(l);
		check(l);
	}
}

static void
test_precomposed(void)
{
	struct line l;

	line_init(&l, NULL, 100);
	is_num(type(&l, NFC_PHUONG), 0, "NFC: Phường typed");
	is_str(line_text(&l), NFC_PHUONG, "NFC: text as typed");
	backspace(&l, 2);
	is_str(line_text(&l), "Ph\xc6\xb0\xe1\xbb\x9d", "NFC: backspace x2 leaves Phườ");
	backspace(&l, 1);
	is_str(line_text(&l), "Ph\xc6\xb0", "NFC: backspace removes ờ whole");
	backspace(&l, 1);
	is_str(line_text(&l), "Ph", "NFC: backspace removes ư whole");
	backspace(&l, 5);
	is_str(line_text(&l), "", "NFC: backspace on empty does nothing");
	line_free(&l);
}

static void
test_decomposed(void)
{
	struct line l;

	line_init(&l, NULL, 100);
	/* As an NFD input method sends it: the base, then its marks. */
	is_num(type(&l, "Phu" HORN "o" HORN GRAVE "ng"), 0, "NFD: typed");
	is_str(line_text(&l), NFD_PHUONG, "NFD: text as typed");
	is_num((long long)l.cursor, (long long)strlen(NFD_PHUONG),
	    "NFD: cursor at the end");
	backspace(&l, 2);
	backspace(&l, 1);
	is_str(line_text(&l), "Phu" HORN, "NFD: backspace removes o+horn+grave whole");
	backspace(&l, 1);
	is_str(line_text(&l), "Ph", "NFD: backspace removes u+horn whole");
	line_clear(&l);
	check(&l);

	/* A mark typed after the cursor was moved joins the letter before. */
	type(&l, "Phuong");
	move(&l, line_left, 3);
	is_num(type(&l, HORN), 0, "NFD: horn typed in the middle");
	is_str(line_text(&l), "Phu" HORN "ong", "NFD: horn after u");
	is_num((long long)l.cursor, 5, "NFD: cursor after u+horn");
	move(&l, line_left, 1);
	is_num((long long)l.cursor, 2, "NFD: left steps over u+horn whole");
	line_free(&l);
}

static void
test_moving(void)
{
	struct line l;

	is_num(line_init(&l, NFD_PHUONG, 100), 0, "init with NFD text");
	check(&l);
	is_num((long long)l.cursor, (long long)l.len, "init puts the cursor at the end");
	line_home(&l);
	is_num((long long)l.cursor, 0, "home");
	move(&l, line_right, 3);
	is_num((long long)l.cursor, 5, "right x3 stands after P h u+horn");
	move(&l, line_right, 1);
	is_num((long long)l.cursor, 10, "right steps over o+horn+grave (5 bytes)");
	move(&l, line_left, 2);
	is_num((long long)l.cursor, 2, "left x2 back to after Ph");
	move(&l, line_left, 5);
	is_num((long long)l.cursor, 0, "left stops at the start");
	line_end(&l);
	is_num((long long)l.cursor, (long long)l.len, "end");
	move(&l, line_right, 2);
	is_num((long long)l.cursor, (long long)l.len, "right stops at the end");

	/* Insert in the middle. */
	line_home(&l);
	move(&l, line_right, 2);
	type(&l, "x\xe1\xbb\x9d");
	is_str(line_text(&l), "Phx\xe1\xbb\x9du" HORN "o" HORN GRAVE "ng",
	    "insert NFC ờ in the middle of NFD text");
	is_num((long long)l.cursor, 6, "cursor after what was inserted");

	/* Delete forward. */
	line_delete(&l);
	check(&l);
	is_str(line_text(&l), "Phx\xe1\xbb\x9do" HORN GRAVE "ng",
	    "delete removes u+horn whole");
	line_delete(&l);
	check(&l);
	is_str(line_text(&l), "Phx\xe1\xbb\x9dng", "delete removes o+horn+grave whole");
	line_end(&l);
	line_delete(&l);
	check(&l);
	is_str(line_text(&l), "Phx\xe1\xbb\x9dng", "delete at the end does nothing");
	line_home(&l);
	line_delete(&l);
	check(&l);
	is_str(line_text(&l), "hx\xe1\xbb\x9dng", "delete at home removes P");
	line_free(&l);

	/* Regional indicators pair into flags: both halves go at once. */
	line_init(&l, FLAG_VN FLAG_JP, 100);
	backspace(&l, 1);
	is_str(line_text(&l), FLAG_VN, "backspace removes one flag (two code points)");
	line_home(&l);
	line_right(&l);
	is_num((long long)l.cursor, 8, "right steps over a whole flag");
	line_free(&l);

	/* A letter typed before a lone leading mark takes it. */
	is_num(line_init(&l, GRAVE "x", 100), 0, "init with a lone leading mark");
	line_home(&l);
	type(&l, "a");
	is_str(line_text(&l), "a" GRAVE "x", "a typed before the lone mark");
	is_num((long long)l.cursor, 3, "cursor after a+mark, on a boundary");
	line_free(&l);

	/* Removing a letter between a Hangul L and V jamo joins them. */
	line_init(&l, "\xe1\x84\x80" "a" "\xe1\x85\xa1", 100);
	line_left(&l);
	backspace(&l, 1);
	is_str(line_text(&l), "\xe1\x84\x80\xe1\x85\xa1", "Hangul jamo join after a backspace");
	is_num((long long)l.cursor, 0, "cursor goes to the start of the joined syllable");
	line_free(&l);
}

static void
test_refused(void)
{
	static const struct {
		uint32_t	 cp;
		const char	*name;
	} bad[] = {
		{ 0x1B, "ESC" }, { 0x09, "TAB" }, { 0x0A, "LF" },
		{ 0x0D, "CR" }, { 0x00, "NUL" }, { 0x7F, "DEL" },
		{ 0x9B, "U+009B (C1 CSI)" }, { 0x85, "U+0085 (NEL)" },
		{ 0xD800, "surrogate U+D800" }, { 0xDFFF, "surrogate U+DFFF" },
		{ 0x110000, "U+110000" }, { 0xFFFFFFFF, "0xFFFFFFFF" },
		{ 0x202E, "U+202E (bidi override)" },
		{ 0x200B, "U+200B (zero width space)" },
		{ 0x00AD, "U+00AD (soft hyphen)" },
		{ 0x2028, "U+2028 (line separator)" },
	};
	struct line l;
	size_t i;

	line_init(&l, "ab", 100);
	line_left(&l);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		is_num(line_insert_codepoint(&l, bad[i].cp), LINE_REFUSED,
		    bad[i].name);
		check(&l);
	}
	is_str(line_text(&l), "ab", "refused characters leave the text as it was");
	is_num((long long)l.cursor, 1, "and the cursor where it was");
	is_num(line_insert_codepoint(&l, 0x4E2D), LINE_OK, "U+4E2D (CJK) is kept");
	is_num(line_insert_codepoint(&l, 0x1F600), LINE_OK, "U+1F600 (emoji) is kept");
	is_num(line_insert_codepoint(&l, ' '), LINE_OK, "space is kept");
	line_free(&l);

	is_num(line_init(&l, "a\tb\x1b[2Jc\xff" "d\xe2\x80\xae" "e", 100), 1,
	    "init with controls, a bad byte and an override says it cleaned");
	is_str(line_text(&l), "ab[2Jcde", "and keeps the rest");
	check(&l);
	line_free(&l);
}

static void
test_limit(void)
{
	static const char piece[] = "Ph\xc6\xb0\xe1\xbb\x9dng \xc4\x90\xc3\xa0 L\xe1\xba\xa1t "
	    "\xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x98\x80 ";
	size_t plen = strlen(piece), n = 0, max = 4 * 4000;
	char *paste;
	struct line l;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	const char *p;
	int r = LINE_OK;

	/* A 100 kB paste into a 16 kB field. */
	if ((paste = malloc(100 * 1024 + plen + 1)) == NULL)
		return;
	for (paste[0] = '\0'; n < 100 * 1024; n += plen)
		memcpy(paste + n, piece, plen + 1);
	line_init(&l, NULL, max);
	broken = 0;
	for (p = paste; *p != '\0'; p += k) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &c);
		if ((r = line_insert_codepoint(&l, (uint32_t)c)) != LINE_OK)
			break;
	}
	is_num(r, LINE_FULL, "a long paste stops with LINE_FULL");
	check(&l);
	ok(l.len <= max && l.len > max - 4, "it filled the field: %zu of %zu bytes",
	    l.len, max);
	ok(strncmp(line_text(&l), paste, l.len) == 0 && p == paste + l.len,
	    "buffer holds exactly the paste's start");
	ok(l.cap <= max + 1, "no more memory than the limit (%zu)", l.cap);
	is_num(line_insert_codepoint(&l, 0x1F600), LINE_FULL, "a 4-byte emoji does not fit");
	while (l.len < max && line_insert_codepoint(&l, 'x') == LINE_OK)
		continue;
	is_num((long long)l.len, (long long)max, "ASCII fills the last bytes");
	is_num(line_insert_codepoint(&l, 'x'), LINE_FULL, "then nothing fits");
	check(&l);
	is_num(broken, 0, "valid UTF-8 on a boundary after the paste");
	line_free(&l);

	is_num(line_init(&l, paste, 10), 1, "init with a long text says it cut");
	is_str(line_text(&l), "Ph\xc6\xb0\xe1\xbb\x9dng ", "cut at a character inside the limit");
	line_free(&l);
	free(paste);

	line_init(&l, NULL, 0);
	is_num(line_insert_codepoint(&l, 'a'), LINE_FULL, "max_bytes 0 keeps nothing");
	is_str(line_text(&l), "", "and the text is empty");
	line_free(&l);
}

/* A copy of bytes [from, to) of s. */
static char *
slice(const char *s, size_t from, size_t to)
{
	char *out = malloc(to - from + 1);

	if (out != NULL) {
		memcpy(out, s + from, to - from);
		out[to - from] = '\0';
	}
	return out;
}

/* Whether the window for the cursor of l at `width` is right; says why
 * not in a diagnostic. */
static int
view_ok(const struct line *l, size_t width)
{
	size_t col, start, end;
	char *before, *shown;
	int good;

	start = line_view(l, width, &col);
	end = line_span(l, start, width);
	if (start > l->cursor || !boundary(l->buf, l->len, start) ||
	    !boundary(l->buf, l->len, end) || end < start)
		good = 0;
	else {
		before = slice(l->buf, start, l->cursor);
		shown = slice(l->buf, start, end);
		good = before != NULL && shown != NULL && col < width &&
		    text_width(before) == col && text_width(shown) <= width;
		free(before);
		free(shown);
		/* All that fits is shown: one more cluster would not. */
		if (good && end < l->len) {
			struct line rest = *l;

			rest.cursor = end;
			line_right(&rest);
			shown = slice(l->buf, start, rest.cursor);
			good = shown != NULL && text_width(shown) > width;
			free(shown);
		}
	}
	if (!good)
		printf("# width %zu cursor %zu: start %zu end %zu col %zu\n",
		    width, l->cursor, start, end, col);
	return good;
}

static void
test_view(void)
{
	/* ASCII, Vietnamese both ways, CJK (2 columns) and emoji. */
	static const char mix[] = "Ha " NFC_PHUONG " " NFD_PHUONG
	    " \xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd \xf0\x9f\x98\x80\xf0\x9f\x8e\x89 "
	    FLAG_VN " \xe1\xbb\xa6y ban \xe5\xb1\xb1\xe7\x94\xb0 end";
	struct line l;
	size_t width, col, start;
	int bad;

	line_init(&l, mix, 1000);
	ok(text_width(mix) > 40, "the mix is %zu columns wide", text_width(mix));
	for (width = 1; width <= 20; width++) {
		bad = 0;
		line_home(&l);
		for (;;) {
			bad += !view_ok(&l, width);
			if (l.cursor == l.len)
				break;
			line_right(&l);
		}
		while (l.cursor > 0) {
			line_left(&l);
			bad += !view_ok(&l, width);
		}
		ok(bad == 0, "width %zu: the cursor is in the window at every "
		    "position, right and left", width);
	}
	line_end(&l);
	start = line_view(&l, 0, &col);
	ok(start == l.cursor && col == 0, "width 0 starts at the cursor");
	line_home(&l);
	start = line_view(&l, 10, &col);
	ok(start == 0 && col == 0, "at home the window starts at 0");
	line_free(&l);

	/* The window moves by half its width, not on every key. */
	line_init(&l, "", 100);
	type(&l, "abcdefghij");
	start = line_view(&l, 10, &col);
	ok(start == 5 && col == 5, "at column 10 of 10 the window jumps to 5 (%zu, %zu)",
	    start, col);
	type(&l, "klmn");
	start = line_view(&l, 10, &col);
	ok(start == 5 && col == 9, "and stays there up to column 14 (%zu, %zu)", start,
	    col);
	is_num((long long)line_span(&l, start, 10), 14, "the span shows the rest");
	line_free(&l);

	/* A wide character across the window's start is left out whole. */
	line_init(&l, "abc\xe6\x9d\xb1" "defgh", 100);
	start = line_view(&l, 8, &col);
	ok(start == 6 && col == 5, "the window starts after a split CJK (%zu, %zu)",
	    start, col);
	line_free(&l);
}

static void
test_empty(void)
{
	struct line l;
	size_t col;

	line_init(&l, NULL, 10);
	line_backspace(&l);
	line_delete(&l);
	line_left(&l);
	line_right(&l);
	line_home(&l);
	line_end(&l);
	line_clear(&l);
	check(&l);
	is_num((long long)line_view(&l, 5, &col), 0, "empty: window at 0");
	is_num((long long)col, 0, "empty: cursor at column 0");
	is_str(line_text(&l), "", "empty: every key is harmless");
	line_free(&l);
	is_str(line_text(&l), "", "after line_free the text is \"\"");
	line_free(&l);
}

int
main(void)
{
	broken = 0;
	test_precomposed();
	test_decomposed();
	test_moving();
	test_refused();
	is_num(broken, 0, "every intermediate buffer: valid UTF-8, cursor on a boundary");
	test_limit();
	broken = 0;
	test_view();
	test_empty();
	is_num(broken, 0, "the same for the window tests");
	return done_testing();
}
