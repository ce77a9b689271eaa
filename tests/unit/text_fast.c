/*
 * Unit tests of text's fast path: the simple code points (text_is_simple)
 * are what utf8proc says they are, and text_width, text_sanitize, text_fit
 * and text_json_safe give the same with the fast path as without it, over
 * every code point whose lead byte the fast path looks at, every two and
 * three byte sequence after such a lead byte, and many generated strings.
 */
#include "roviec/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "tap.h"

#define RANDOM_STRINGS	20000
#define MAX_PIECES	24
#define BUF		1024

/* One failure shown in full per check; the rest only counted. */
struct tally {
	const char	*name;
	long		 checked, failed;
};

static void
tally_fail(struct tally *t, const char *what, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (t->failed++ > 0)
		return;
	printf("# %s: %s differs for bytes", t->name, what);
	for (; *p != '\0'; p++)
		printf(" %02x", *p);
	putchar('\n');
}

static void
tally_ok(const struct tally *t)
{
	ok(t->failed == 0 && t->checked > 0, "%s: %ld checked, %ld differ",
	    t->name, t->checked, t->failed);
}

static int
same_str(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* text_fit of s both ways, to cols with and without padding. */
static void
compare_fit(struct tally *t, const char *s, size_t cols)
{
	char *fast, *slow;
	int pad;

	for (pad = 0; pad <= 1; pad++) {
		text_set_fast(1);
		fast = text_fit(s, cols, pad);
		text_set_fast(0);
		slow = text_fit(s, cols, pad);
		text_set_fast(1);
		if (!same_str(fast, slow))
			tally_fail(t, "text_fit", s);
		free(fast);
		free(slow);
	}
}

/* What out.c's tables count on of text_simple_width, over the strings it
 * answers for (not SIZE_MAX): those text_sanitize leaves as they are, their
 * width text_width's without the fast path.  Reported by test_random. */
static struct tally simple_width = { "text_simple_width: such text is inert, "
    "its width text_width's", 0, 0 };

/*
 * Everything text shows of s, with the fast path and without, and what
 * out.c counts on: the sanitised form is its own sanitised form, measures
 * the same, and fits to its width or more as itself plus padding.
 */
static void
compare(struct tally *t, const char *s, int all_cols)
{
	char *fast, *slow, *again, *fit;
	size_t wf, ws, cols, simple;

	t->checked++;
	text_set_fast(1);
	wf = text_width(s);
	fast = text_sanitize(s);
	simple = text_simple_width(s);
	text_set_fast(0);
	ws = text_width(s);
	slow = text_sanitize(s);
	text_set_fast(1);
	if (wf != ws)
		tally_fail(t, "text_width", s);
	if (!same_str(fast, slow))
		tally_fail(t, "text_sanitize", s);
	if (simple != SIZE_MAX) {
		simple_width.checked++;
		if (simple != ws || !same_str(slow, s))
			tally_fail(&simple_width, "text_simple_width", s);
	}
	if (fast != NULL) {
		again = text_sanitize(fast);
		if (!same_str(again, fast) || text_width(fast) != wf)
			tally_fail(t, "sanitised form", s);
		free(again);
		fit = text_fit(fast, wf + 2, 1);
		if (fit == NULL || strncmp(fit, fast, strlen(fast)) != 0 ||
		    strcmp(fit + strlen(fast), "  ") != 0)
			tally_fail(t, "padded fit of the sanitised form", s);
		free(fit);
		fit = text_fit(fast, wf, 0);
		if (!same_str(fit, fast))
			tally_fail(t, "fit of the sanitised form", s);
		free(fit);
	}
	free(fast);
	free(slow);

	if (all_cols) {
		for (cols = 0; cols <= wf + 1; cols++)
			compare_fit(t, s, cols);
	} else {
		compare_fit(t, s, 0);
		compare_fit(t, s, 1);
		compare_fit(t, s, wf > 0 ? wf - 1 : 2);
		compare_fit(t, s, wf);
		compare_fit(t, s, (size_t)rand() % (wf + 2));
	}

	text_set_fast(1);
	fast = text_json_safe(s);
	text_set_fast(0);
	slow = text_json_safe(s);
	text_set_fast(1);
	if (!same_str(fast, slow))
		tally_fail(t, "text_json_safe", s);
	free(fast);
	free(slow);
}

/*
 * Every simple code point is one column, no mark, nothing text_sanitize
 * changes, of bound class Other; and after one utf8proc's grapheme state
 * is always Other, and between two it always breaks, from that state and
 * from the start.  text_walk_simple counts on each of these.
 */
static void
test_simple_table(void)
{
	static const int shown_cats[] = {
		UTF8PROC_CATEGORY_CN, UTF8PROC_CATEGORY_MN,
		UTF8PROC_CATEGORY_MC, UTF8PROC_CATEGORY_ME,
		UTF8PROC_CATEGORY_ZL, UTF8PROC_CATEGORY_ZP,
		UTF8PROC_CATEGORY_CC, UTF8PROC_CATEGORY_CF,
		UTF8PROC_CATEGORY_CS, UTF8PROC_CATEGORY_CO,
	};
	struct tally props = { "simple code points: width, category, "
	    "combining class, bound class, inert", 0, 0 };
	struct tally state = { "state after a simple code point is Other",
	    0, 0 };
	struct tally pairs = { "break between two simple code points", 0, 0 };
	utf8proc_int32_t *simple, c, s;
	utf8proc_uint8_t enc[8];
	size_t n = 0, i, j, k;
	char *safe;

	if ((simple = calloc(0x110000, sizeof(*simple))) == NULL)
		return;
	for (c = 0; c < 0x110000; c++)
		if (text_is_simple(c))
			simple[n++] = c;
	ok(n == 95 + (0x24F - 0xC0 + 1) + 256, "%zu simple code points", n);
	for (i = 0; i < n; i++) {
		const utf8proc_property_t *p = utf8proc_get_property(simple[i]);
		int bad = utf8proc_charwidth(simple[i]) != 1 ||
		    p->combining_class != 0 ||
		    p->boundclass != UTF8PROC_BOUNDCLASS_OTHER;

		for (k = 0; k < sizeof(shown_cats) / sizeof(shown_cats[0]); k++)
			if (p->category == shown_cats[k])
				bad = 1;
		enc[utf8proc_encode_char(simple[i], enc)] = '\0';
		text_set_fast(0);
		safe = text_sanitize((const char *)enc);
		text_set_fast(1);
		if (!same_str(safe, (const char *)enc))
			bad = 1;
		free(safe);
		props.checked++;
		if (bad)
			tally_fail(&props, "a property", (const char *)enc);

		/* Every state utf8proc has, before a simple code point. */
		for (k = 0; k <= UTF8PROC_BOUNDCLASS_E_ZWG; k++) {
			s = (utf8proc_int32_t)k;
			utf8proc_grapheme_break_stateful('a', simple[i], &s);
			state.checked++;
			if (s != UTF8PROC_BOUNDCLASS_OTHER)
				tally_fail(&state, "the state", (const char *)enc);
		}
		for (j = 0; j < n; j++) {
			utf8proc_int32_t start = 0, other =
			    UTF8PROC_BOUNDCLASS_OTHER;

			pairs.checked++;
			if (!utf8proc_grapheme_break_stateful(simple[i],
			    simple[j], &start) ||
			    !utf8proc_grapheme_break_stateful(simple[i],
			    simple[j], &other) ||
			    start != UTF8PROC_BOUNDCLASS_OTHER ||
			    other != UTF8PROC_BOUNDCLASS_OTHER)
				tally_fail(&pairs, "the break", (const char *)enc);
		}
	}
	tally_ok(&props);
	tally_ok(&state);
	tally_ok(&pairs);
	free(simple);
}

/* Appends code point c to s (of BUF bytes); the caller leaves room. */
static size_t
put_cp(char *s, size_t len, utf8proc_int32_t c)
{
	return len + (size_t)utf8proc_encode_char(c,
	    (utf8proc_uint8_t *)s + len);
}

/*
 * Every code point below U+3000 (all whose first byte the fast path looks
 * at, and the controls, marks, joiners and bidi controls near them) beside
 * simple ones, itself and a combining mark; then samples above.
 */
static void
test_code_points(void)
{
	static const utf8proc_int32_t above[][2] = {
		{ 0x3000, 0x30FF }, { 0x4E00, 0x4EFF }, { 0xAC00, 0xACFF },
		{ 0xD7B0, 0xD7FF }, { 0xE000, 0xE00F }, { 0xFE00, 0xFE2F },
		{ 0xFEF0, 0xFFFF }, { 0x1F1E6, 0x1F1FF }, { 0x1F300, 0x1F6FF },
		{ 0x1F900, 0x1FAFF }, { 0xE0000, 0xE007F }, { 0x10FFF0, 0x10FFFF },
	};
	struct tally t = { "every code point below U+3000 in context", 0, 0 };
	struct tally u = { "samples above U+3000 in context", 0, 0 };
	char s[BUF];
	utf8proc_int32_t c;
	size_t len, i;

	for (i = 0; i <= sizeof(above) / sizeof(above[0]); i++) {
		utf8proc_int32_t lo = i == 0 ? 1 : above[i - 1][0];
		utf8proc_int32_t hi = i == 0 ? 0x2FFF : above[i - 1][1];

		for (c = lo; c <= hi; c++) {
			if (c >= 0xD800 && c <= 0xDFFF)
				continue;
			len = 0;
			s[len++] = 'a';
			len = put_cp(s, len, c);
			len = put_cp(s, len, 0x1EC7);	/* ệ */
			len = put_cp(s, len, c);
			len = put_cp(s, len, c);
			s[len++] = 'x';
			len = put_cp(s, len, c);
			len = put_cp(s, len, 0x0301);
			len = put_cp(s, len, c);
			s[len] = '\0';
			compare(i == 0 ? &t : &u, s, 1);
			/* Alone, and first: the walk's start. */
			len = put_cp(s, 0, c);
			s[len] = '\0';
			compare(i == 0 ? &t : &u, s, 1);
		}
	}
	tally_ok(&t);
	tally_ok(&u);
}

/* Every byte after every lead byte, and every two after E1 (U+1xxx), in
 * the middle of simple text and at its end. */
static void
test_byte_sequences(void)
{
	struct tally t = { "every two-byte sequence from a lead byte", 0, 0 };
	struct tally u = { "every three-byte sequence from E1", 0, 0 };
	char s[16];
	int x, y, z;

	for (x = 0x80; x <= 0xFF; x++)
		for (y = 1; y <= 0xFF; y++) {
			snprintf(s, sizeof(s), "a%c%c\xc3\xa9", x, y);
			compare(&t, s, 0);
			snprintf(s, sizeof(s), "\xe1\xbb\x87%c%c", x, y);
			compare(&t, s, 0);
		}
	for (y = 1; y <= 0xFF; y++)
		for (z = 1; z <= 0xFF; z++) {
			snprintf(s, sizeof(s), "a\xe1%c%cb", y, z);
			compare(&u, s, 0);
		}
	tally_ok(&t);
	tally_ok(&u);
}

/* A small fixed generator, so that a failure can be run again. */
static uint32_t rng = 20240601;

static uint32_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static utf8proc_int32_t
pick(const utf8proc_int32_t *set, size_t n)
{
	return set[next_rand() % n];
}

/* One random piece of text appended to s at len; returns the new length. */
static size_t
put_piece(char *s, size_t len)
{
	static const utf8proc_int32_t marks[] = {
		0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B,
		0x20DD, 0xFE0F, 0xFE0E, 0x1F3FB, 0x0903, 0x093F, 0x200D,
	};
	static const utf8proc_int32_t odd[] = {
		0x200B, 0x200C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069,
		0x061C, 0x2028, 0x2029, 0x00AD, 0xFEFF, 0x0600, 0x0D4E, 0x0085,
		0x009B, 0x00A0, 0x00A9, 0x00AE, 0x00BF, 0x0250, 0x1DFF, 0x1F00,
		0x2400, 0x2421, 0xFFFD, 0x2026, 0x3000, 0xE000, 0x10FFFF,
	};
	static const utf8proc_int32_t wide[] = {
		0x4E2D, 0x6587, 0x5B57, 0xAC00, 0xD55C, 0x3042, 0xFF21, 0x1F44D,
		0x1F600, 0x1F469, 0x1F468, 0x1F466, 0x2764, 0x1F1FB, 0x1F1F3,
		0x1100, 0x1161, 0x11A8, 0x231A,
	};
	static const char *const bytes[] = {
		"\xff", "\xfe", "\xc3", "\xc3(", "\xe1\xbb", "\xe1\xb8", "\x80",
		"\xbf", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\xe0\x80\xaf", "\xc9\x90", "\xe1\xbc\x80", "\xf0\x9f\x91",
		"\x1b[2J", "\x1b]0;x\x07", "\t", "\n", "\r", "\x7f", "\x01",
	};
	uint32_t kind = next_rand() % 16, k, i;
	const char *b;

	switch (kind) {
	case 0: case 1: case 2: case 3: case 4:	/* ASCII words */
		for (k = next_rand() % 8 + 1, i = 0; i < k; i++)
			s[len++] = (char)(0x20 + next_rand() % 0x5F);
		return len;
	case 5: case 6: case 7:			/* Vietnamese, NFC */
		for (k = next_rand() % 6 + 1, i = 0; i < k; i++)
			len = put_cp(s, len, next_rand() % 2 ?
			    0x1EA0 + next_rand() % 0x5A :
			    0xC0 + next_rand() % 0x190);
		return len;
	case 8: case 9:				/* marks and joiners */
		return put_cp(s, len, pick(marks, sizeof(marks) /
		    sizeof(marks[0])));
	case 10:
		return put_cp(s, len, pick(odd, sizeof(odd) / sizeof(odd[0])));
	case 11: case 12:
		return put_cp(s, len, pick(wide, sizeof(wide) /
		    sizeof(wide[0])));
	case 13:				/* any code point */
		k = next_rand() % 0x110000;
		if (k >= 0xD800 && k <= 0xDFFF)
			k = 'z';
		return put_cp(s, len, (utf8proc_int32_t)k);
	default:				/* bytes, controls */
		b = bytes[next_rand() % (sizeof(bytes) / sizeof(bytes[0]))];
		memcpy(s + len, b, strlen(b));
		return len + strlen(b);
	}
}

static void
test_random(void)
{
	struct tally t = { "generated strings", 0, 0 };
	char s[BUF];
	size_t len, pieces, i;
	int n;

	srand(1);
	for (n = 0; n < RANDOM_STRINGS; n++) {
		pieces = next_rand() % MAX_PIECES;
		for (len = 0, i = 0; i < pieces; i++)
			len = put_piece(s, len);
		s[len] = '\0';
		compare(&t, s, n % 8 == 0);
	}
	tally_ok(&t);
	/* Over every string compared so far (the code points and byte
	 * sequences run first), and then by hand: the empty string, and a
	 * string of simple letters but for its last. */
	ok(text_simple_width("") == 0 && text_simple_width("Đà Lạt ệ") == 8 &&
	    text_simple_width("Đà Lạt\x1b") == SIZE_MAX &&
	    text_simple_width("Lạt\xcc\x81") == SIZE_MAX,
	    "text_simple_width: 0, 8, and SIZE_MAX for a control or a mark at the end");
	/* The edges of its run of printable ASCII: space and tilde in it,
	 * US (0x1F) and DEL (0x7F) not, after letters or after a run. */
	ok(text_simple_width(" ~ ~") == 4 && text_simple_width("ab\x1f") == SIZE_MAX &&
	    text_simple_width("ab\x7f") == SIZE_MAX &&
	    text_simple_width("ạb\x7f" "c") == SIZE_MAX &&
	    text_simple_width("\x7f") == SIZE_MAX && text_simple_width("a\x80") == SIZE_MAX,
	    "text_simple_width: space and ~ are a column each; US, DEL and a stray byte end it");
	tally_ok(&simple_width);
}

/* The fast path is on unless turned off, and the walk's edge cases. */
static void
test_by_hand(void)
{
	char *r;

	is_num((long long)text_width("Ph\xc6\xb0\xe1\xbb\x9dng 1"), 8,
	    "NFC Vietnamese measured fast");
	is_num((long long)text_width("Phu\xcc\x9bo\xcc\x9b\xcc\x80ng 1"), 8,
	    "NFD Vietnamese measured");
	is_num((long long)text_width("a\xcc\x81"), 1, "mark after a letter "
	    "joins it");
	is_num((long long)text_width("\xc3\xa0\xcc\xa3"), 1, "mark after a "
	    "precomposed letter joins it");
	is_num((long long)text_width("\xcc\x81" "a"), 1, "a mark first is "
	    "no column of its own");
	is_num((long long)text_width("ab\xe4\xb8\xad"), 4, "wide after simple");
	is_num((long long)text_width("a\xe2\x80\x8d" "b"), 3, "ZWJ shown as "
	    "U+FFFD between letters");
	is_num((long long)text_width(""), 0, "empty");
	r = text_fit("\xe1\xbb\x87\xe1\xbb\x87\xe1\xbb\x87", 2, 1);
	is_str(r, "\xe1\xbb\x87\xe2\x80\xa6", "Vietnamese cut");
	free(r);
	r = text_fit("ab\xcc\x81" "cd", 3, 0);
	is_str(r, "ab\xcc\x81\xe2\x80\xa6", "cut after a letter with its mark");
	free(r);
	r = text_fit("abc\xcc\x81" "d", 3, 0);
	is_str(r, "ab\xe2\x80\xa6", "cut before a letter with its mark");
	free(r);
	r = text_sanitize("a\x1b" "b\xc3");
	is_str(r, "a\xe2\x90\x9b" "b\xef\xbf\xbd", "ESC shown, a lead byte at "
	    "the end replaced");
	free(r);
	r = text_json_safe("[\"\xc3\xa0\xc2\x85\"]");
	is_str(r, "[\"\xc3\xa0\\u0085\"]", "JSON: C1 after a simple letter "
	    "escaped");
	free(r);
}

int
main(void)
{
	test_by_hand();
	test_simple_table();
	test_code_points();
	test_byte_sequences();
	test_random();
	return done_testing();
}
