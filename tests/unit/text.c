/*
 * Unit tests of text: every case of tests/fixtures/text-cases.tsv, then
 * cutting to columns, folding, sanitising and JSON escapes by hand.
 */
#include "roviec/text.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "tap.h"

#define MAX_TITLE	300
#define MAX_CASES	64
#define ELLIPSIS	"\xe2\x80\xa6"

struct tcase {
	char	*name;
	char	*bytes;		/* decoded, NUL-terminated for convenience */
	size_t	 len;
	char	*expect;
};

/* What each case of the file must do; a new case must be added here. */
enum kind {
	K_VALID,	/* stored, NFC */
	K_INERT,	/* stored as is, shown inert */
	K_INVALID,	/* refused as not UTF-8 */
	K_LONG,		/* refused as too long */
	K_NUL		/* refused for its NUL */
};

static const struct {
	const char	*name;
	enum kind	 kind;
} kinds[] = {
	{ "nfc-phuong", K_VALID },	{ "nfd-phuong", K_VALID },
	{ "nfc-name", K_VALID },	{ "nfd-name", K_VALID },
	{ "dd-upper", K_VALID },	{ "dd-lower", K_VALID },
	{ "cjk-wide", K_VALID },	{ "emoji", K_VALID },
	{ "csi-clear", K_INERT },	{ "osc-title", K_INERT },
	{ "c1-csi", K_INERT },		{ "bidi-override", K_INERT },
	{ "zero-width", K_INERT },	{ "tab-newline", K_INERT },
	{ "overlong", K_INVALID },	{ "surrogate", K_INVALID },
	{ "truncated", K_INVALID },	{ "latin1", K_INVALID },
	{ "long-100k", K_LONG },	{ "nul-inside", K_NUL },
};

/* Search keys a case's fold must contain. */
static const struct {
	const char	*name;
	const char	*key;
} folds[] = {
	{ "dd-upper", "dun day" },
	{ "dd-lower", "dun day" },
	{ "dd-lower", "ne tranh" },
};

static struct tcase cases[MAX_CASES];
static size_t ncases;

static FILE *
open_cases(void)
{
	/* The checkout's copy (tests/fixtures), found from the directory
	 * prove runs in, the top of the tree, or where FIXTURES says. */
	const char *dir = getenv("FIXTURES");
	char path[4096];

	snprintf(path, sizeof(path), "%s/text-cases.tsv",
	    dir != NULL && dir[0] != '\0' ? dir : "tests/fixtures");
	return fopen(path, "r");
}

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes hex into a malloc'd buffer; -1 if it is not hex. */
static int
hex_decode(const char *hex, char **out, size_t *len)
{
	size_t n = strlen(hex), i;
	int hi, lo;

	if (n % 2 != 0 || (*out = malloc(n / 2 + 1)) == NULL)
		return -1;
	for (i = 0; i < n / 2; i++) {
		hi = hex_digit(hex[2 * i]);
		lo = hex_digit(hex[2 * i + 1]);
		if (hi < 0 || lo < 0) {
			free(*out);
			return -1;
		}
		(*out)[i] = (char)(hi << 4 | lo);
	}
	(*out)[n / 2] = '\0';
	*len = n / 2;
	return 0;
}

/* One line "name \t hex \t expectation" into cases; -1 if malformed. */
static int
add_case(char *line)
{
	char *name, *hex, *expect;
	struct tcase *c = &cases[ncases];

	line[strcspn(line, "\r\n")] = '\0';
	name = strtok(line, "\t");
	hex = strtok(NULL, "\t");
	expect = strtok(NULL, "\t");
	if (name == NULL || hex == NULL || expect == NULL ||
	    ncases == MAX_CASES || hex_decode(hex, &c->bytes, &c->len) != 0)
		return -1;
	c->name = strdup(name);
	c->expect = strdup(expect);
	ncases++;
	return 0;
}

static int
load_cases(void)
{
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	int bad = 0;

	if ((f = open_cases()) == NULL)
		return -1;
	while (getline(&line, &cap, f) != -1)
		if (line[0] != '#' && line[0] != '\n' && add_case(line) != 0)
			bad++;
	free(line);
	fclose(f);
	return bad ? -1 : 0;
}

static const struct tcase *
find_case(const char *name)
{
	size_t i;

	for (i = 0; i < ncases; i++)
		if (strcmp(cases[i].name, name) == 0)
			return &cases[i];
	return NULL;
}

/* The kind of the case named name, or -1 when it is unknown. */
static int
kind_of(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return (int)kinds[i].kind;
	return -1;
}

/* The width an expectation names ("width 13"), or -1. */
static long
expected_width(const char *expect)
{
	const char *w = strstr(expect, "width ");

	return w == NULL ? -1 : strtol(w + 6, NULL, 10);
}

/* Whether a code point must never reach a terminal raw. */
static int
is_dangerous(utf8proc_int32_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) ||
	    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x200B || c == 0x200E || c == 0x200F;
}

/* 1 when s is valid UTF-8 holding nothing dangerous. */
static int
is_inert(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t c;
	utf8proc_ssize_t n;

	while (*p != '\0') {
		n = utf8proc_iterate(p, -1, &c);
		if (n < 0 || is_dangerous(c))
			return 0;
		p += n;
	}
	return 1;
}

/* 1 when a message is one line of printable ASCII (no input echoed raw). */
static int
is_plain_message(const char *msg)
{
	if (*msg == '\0')
		return 0;
	for (; *msg != '\0'; msg++)
		if (*msg < 0x20 || *msg > 0x7E)
			return 0;
	return 1;
}

/* Sanitised form is inert, and measures what text_fit fills with it. */
static void
check_shown(const struct tcase *c)
{
	char *safe = text_sanitize(c->bytes), *fit;
	size_t w;

	ok(safe != NULL && is_inert(safe), "%s: sanitised form is inert",
	    c->name);
	if (safe == NULL)
		return;
	w = text_width(safe);
	is_num((long long)text_width(c->bytes), (long long)w,
	    "text_width measures the sanitised form");
	fit = text_fit(c->bytes, w, 1);
	is_str(fit, safe, "text_fit to its own width is the sanitised form");
	ok(fit != NULL && text_width(fit) == w, "%s: text_fit fills %zu "
	    "columns", c->name, w);
	free(fit);
	fit = text_fit(c->bytes, w + 3, 1);
	ok(fit != NULL && text_width(fit) == w + 3 &&
	    strncmp(fit, safe, strlen(safe)) == 0, "%s: padded to %zu columns",
	    c->name, w + 3);
	free(fit);
	free(safe);
}

static void
check_valid(const struct tcase *c)
{
	const struct tcase *twin;
	struct rv_err err;
	char *out = NULL, twin_name[64];
	long width;
	size_t i;

	ok(text_in(c->bytes, c->len, "title", MAX_TITLE, &out, &err) == RV_OK,
	    "%s: accepted", c->name);
	if (out == NULL)
		return;
	if ((width = expected_width(c->expect)) >= 0)
		is_num((long long)text_width(out), width, "stored width");
	if (strncmp(c->name, "nfc-", 4) == 0)
		ok(strcmp(out, c->bytes) == 0, "%s: NFC stored as is",
		    c->name);
	snprintf(twin_name, sizeof(twin_name), "nfc-%s", c->name + 4);
	if (strncmp(c->name, "nfd-", 4) == 0 &&
	    ok((twin = find_case(twin_name)) != NULL, "%s has a twin",
	    c->name))
		is_str(out, twin->bytes, "NFD stored as its NFC twin");
	for (i = 0; i < sizeof(folds) / sizeof(folds[0]); i++)
		if (strcmp(folds[i].name, c->name) == 0) {
			char *key = text_fold(out);

			ok(key != NULL && strstr(key, folds[i].key) != NULL,
			    "%s: search key '%s' holds '%s'", c->name,
			    key ? key : "(null)", folds[i].key);
			free(key);
		}
	free(out);
}

static void
check_inert(const struct tcase *c)
{
	struct rv_err err;
	char *out = NULL;

	ok(text_in(c->bytes, c->len, "title", MAX_TITLE, &out, &err) == RV_OK &&
	    out != NULL && strcmp(out, c->bytes) == 0,
	    "%s: stored as is", c->name);
	free(out);
}

/* Refused with RV_REFUSED, nothing out, a plain message holding `want`. */
static void
check_refused(const struct tcase *c, const char *want, const char *also)
{
	struct rv_err err;
	char *out = (char *)"untouched";
	enum rv_code rc;

	err_clear(&err);
	rc = text_in(c->bytes, c->len, "title", MAX_TITLE, &out, &err);
	is_num(rc, RV_REFUSED, "refused");
	ok(out == NULL && err.code == RV_REFUSED, "%s: nothing stored",
	    c->name);
	ok(is_plain_message(err.msg) && strstr(err.msg, "title") != NULL &&
	    strstr(err.msg, want) != NULL &&
	    (also == NULL || strstr(err.msg, also) != NULL),
	    "%s: message '%s'", c->name, err.msg);
}

static void
check_case(const struct tcase *c)
{
	int kind = kind_of(c->name);

	if (!ok(kind >= 0, "case %s is known", c->name))
		return;
	switch ((enum kind)kind) {
	case K_VALID:
		check_valid(c);
		break;
	case K_INERT:
		check_inert(c);
		break;
	case K_INVALID:
		check_refused(c, "UTF-8", strcmp(c->name, "latin1") == 0 ?
		    "save it as UTF-8" : NULL);
		break;
	case K_LONG:
		check_refused(c, "too long", "at most 300");
		break;
	case K_NUL:
		check_refused(c, "NUL", NULL);
		break;
	}
	check_shown(c);
}

static void
test_cases(void)
{
	size_t i;

	if (!ok(load_cases() == 0, "text-cases.tsv read"))
		return;
	is_num((long long)ncases, (long long)(sizeof(kinds) / sizeof(kinds[0])),
	    "every case of text-cases.tsv read");
	for (i = 0; i < ncases; i++)
		check_case(&cases[i]);
}

/* The UTF-8 code point that ends just before s + at. */
static utf8proc_int32_t
code_point_before(const char *s, size_t at)
{
	utf8proc_int32_t c = -1;
	size_t start = at;

	while (start > 0 && ((unsigned char)s[--start] & 0xC0) == 0x80)
		;
	utf8proc_iterate((const utf8proc_uint8_t *)s + start,
	    (utf8proc_ssize_t)(at - start), &c);
	return c;
}

/* Whether r is safe plus padding (*cut = 0), or a prefix of safe ending
 * on a grapheme boundary, then the ellipsis and padding (*cut = 1). */
static int
is_grapheme_prefix(const char *r, const char *safe, int *cut)
{
	size_t n = strlen(r), el = strlen(ELLIPSIS), len = strlen(safe);
	utf8proc_int32_t next = -1;

	*cut = strncmp(r, safe, len) != 0;
	if (!*cut)
		return strspn(r + len, " ") == n - len;
	while (n > 0 && r[n - 1] == ' ')
		n--;
	if (n < el || strncmp(r + n - el, ELLIPSIS, el) != 0)
		return 0;
	n -= el;
	if (strncmp(r, safe, n) != 0)
		return 0;
	if (n == 0)
		return 1;
	utf8proc_iterate((const utf8proc_uint8_t *)safe + n, -1, &next);
	return utf8proc_grapheme_break(code_point_before(safe, n), next);
}

static void
check_fit(const char *s, size_t cols, int pad)
{
	char *safe = text_sanitize(s), *r = text_fit(s, cols, pad);
	size_t w = r ? text_width(r) : 0;
	int cut = 0, prefix;

	/* Zero columns hold nothing, not even the ellipsis. */
	if (cols == 0)
		prefix = r != NULL && *r == '\0';
	else
		prefix = r != NULL && is_grapheme_prefix(r, safe, &cut) &&
		    cut == (text_width(s) > cols);
	ok(r != NULL && (pad ? w == cols : w <= cols) && prefix,
	    "fit '%s' to %zu columns%s: '%s' (%zu columns)", safe, cols,
	    pad ? " padded" : "", r ? r : "(null)", w);
	free(r);
	free(safe);
}

static void
test_fit(void)
{
	static const char *const texts[] = {
		"Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b M\xe1\xbb\xb9 L\xe1\xbb\xa3i",
		"Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 My\xcc\x83 Lo\xcc\x9b\xcc\xa3i",
		"H\xc3\xa0 N\xe1\xbb\x99i \xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97",
		"\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe4\xb8\xad\xe6\x96\x87",
		"Ho\xc3\xa0n th\xc3\xa0nh \xf0\x9f\x91\x8d \xf0\x9f\x91\x8d ok",
		"tab\there\x1b[2J",
	};
	size_t i, cols;
	char *r;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		for (cols = 0; cols <= 20; cols++) {
			check_fit(texts[i], cols, 1);
			check_fit(texts[i], cols, 0);
		}

	r = text_fit("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 4, 1);
	is_str(r, "\xe4\xb8\xad" ELLIPSIS " ", "wide char at the edge padded");
	free(r);
	r = text_fit("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 4, 0);
	is_str(r, "\xe4\xb8\xad" ELLIPSIS, "unpadded cut stops short");
	free(r);
	r = text_fit("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 5, 1);
	is_str(r, "\xe4\xb8\xad\xe6\x96\x87" ELLIPSIS, "CJK cut exactly");
	free(r);
	r = text_fit("Phu\xcc\x9bo\xcc\x9b\xcc\x80ng", 4, 0);
	is_str(r, "Phu\xcc\x9b" ELLIPSIS, "NFD cut keeps the mark");
	free(r);
	r = text_fit("Ph\xc6\xb0\xe1\xbb\x9dng 1", 5, 0);
	is_str(r, "Ph\xc6\xb0\xe1\xbb\x9d" ELLIPSIS, "NFC cut");
	free(r);
	r = text_fit("abc", 0, 1);
	is_str(r, "", "zero columns");
	free(r);
	r = text_fit("abc", 1, 1);
	is_str(r, ELLIPSIS, "one column");
	free(r);
	r = text_fit("a\tb", 6, 1);
	is_str(r, "a\xe2\x90\x89" "b   ", "tab shown and padded");
	free(r);
}

static void
test_in(void)
{
	struct rv_err err;
	char *out = NULL, big[4 * MAX_TITLE + 1];
	size_t i;

	ok(text_in_str("  Ph\xc6\xb0\xe1\xbb\x9dng 1 \n", "title", MAX_TITLE,
	    &out, &err) == RV_OK, "spaced text accepted");
	is_str(out, "Ph\xc6\xb0\xe1\xbb\x9dng 1", "trimmed");
	free(out);
	ok(text_in_str(" \t ", "title", MAX_TITLE, &out, &err) == RV_OK &&
	    out != NULL && *out == '\0', "blank becomes empty");
	free(out);
	ok(text_in("", 0, "title", MAX_TITLE, &out, &err) == RV_OK &&
	    out != NULL && *out == '\0', "empty accepted");
	free(out);

	memset(big, 'a', MAX_TITLE);
	big[MAX_TITLE] = '\0';
	ok(text_in_str(big, "title", MAX_TITLE, &out, &err) == RV_OK,
	    "exactly at the limit");
	free(out);
	big[MAX_TITLE] = 'a';
	big[MAX_TITLE + 1] = '\0';
	ok(text_in_str(big, "title", MAX_TITLE, &out, &err) == RV_REFUSED,
	    "one over the limit");
	is_str(err.msg, "title is too long: 301 characters, at most 300 "
	    "allowed; shorten it and try again", "too long message");

	/* 200 × NFD "ệ" (3 code points) is 200 after NFC. */
	for (i = 0; i < 200; i++)
		memcpy(big + 5 * i, "e\xcc\xa3\xcc\x82", 5);
	big[1000] = '\0';
	ok(text_in_str(big, "title", MAX_TITLE, &out, &err) == RV_OK &&
	    text_chars(out) == 200, "limit counted after NFC");
	free(out);

	text_in("Ph\xfd\xf5", 4, "title", MAX_TITLE, &out, &err);
	is_str(err.msg, "title is not valid UTF-8 (byte 0xFD at position 3); "
	    "if it comes from an old spreadsheet or a Windows-1258 file, save "
	    "it as UTF-8 and try again", "invalid message");
	text_in("Phuong\0 1", 9, "note", MAX_TITLE, &out, &err);
	is_str(err.msg, "note contains a NUL byte at position 7; remove it and "
	    "try again", "NUL message");
	is_num((long long)text_chars("Ph\xc6\xb0\xe1\xbb\x9dng"), 6,
	    "text_chars counts code points");
}

static void
test_fold(void)
{
	char *r;

	r = text_fold("Ph\xc6\xb0\xe1\xbb\x9dng 1");
	is_str(r, "phuong 1", "fold Phuong");
	free(r);
	r = text_fold("\xc4\x90\xc3\x99N \xc4\x90\xe1\xba\xa8Y");
	is_str(r, "dun day", "fold DUN DAY");
	free(r);
	r = text_fold("Phu\xcc\x9bo\xcc\x9b\xcc\x80ng");
	is_str(r, "phuong", "fold NFD");
	free(r);
	r = text_fold("a\xfd");
	ok(r != NULL && strncmp(r, "a", 1) == 0, "fold survives invalid bytes");
	free(r);
}

static void
test_sanitize(void)
{
	static const struct {
		const char *in, *out, *name;
	} t[] = {
		{ "a\x1b[2Jb", "a\xe2\x90\x9b[2Jb", "ESC shown" },
		{ "a\tb\nc", "a\xe2\x90\x89" "b\xe2\x90\x8a" "c", "TAB, LF shown" },
		{ "\x7f", "\xe2\x90\xa1", "DEL shown" },
		{ "\xc2\x9b" "31m", "\xef\xbf\xbd" "31m", "C1 replaced" },
		{ "a\xe2\x80\xae" "b", "a\xef\xbf\xbd" "b", "bidi replaced" },
		{ "a\xe2\x80\x8b" "b", "a\xef\xbf\xbd" "b", "ZWSP replaced" },
		{ "a\xfd" "b", "a\xef\xbf\xbd" "b", "invalid byte replaced" },
		{ "a\xe1\xbb", "a\xef\xbf\xbd\xef\xbf\xbd", "truncated replaced" },
		{ "Ph\xc6\xb0\xe1\xbb\x9dng", "Ph\xc6\xb0\xe1\xbb\x9dng",
		    "Vietnamese untouched" },
	};
	size_t i;
	char *r;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		r = text_sanitize(t[i].in);
		is_str(r, t[i].out, t[i].name);
		free(r);
	}
}

static void
test_json(void)
{
	static const struct {
		const char *in, *out, *name;
	} t[] = {
		{ "{\"t\":\"a\xc2\x9b" "31m\"}", "{\"t\":\"a\\u009b31m\"}",
		    "C1 escaped" },
		{ "[\"x\xe2\x80\xa8y\xe2\x80\xae" "z\xe2\x81\xa6\"]",
		    "[\"x\\u2028y\\u202ez\\u2066\"]", "separators, bidi escaped" },
		{ "{\"t\":\"Ph\xc6\xb0\xe1\xbb\x9dng \xe4\xb8\xad\"}",
		    "{\"t\":\"Ph\xc6\xb0\xe1\xbb\x9dng \xe4\xb8\xad\"}",
		    "text untouched" },
		{ "\"a\\u001b\"", "\"a\\u001b\"", "escapes untouched" },
		/* Raw controls a database written behind roviec's back can
		 * hold (issue 14): escaped in strings, dropped outside. */
		{ "{\"t\":\"a\x1b]52;c;aGk=\x07\x7f" "b\"}",
		    "{\"t\":\"a\\u001b]52;c;aGk=\\u0007\\u007f" "b\"}", "raw ESC, BEL, DEL escaped" },
		{ "{\"t\":\"q\\\"\x1b[2J\"}", "{\"t\":\"q\\\"\\u001b[2J\"}",
		    "after an escaped quote, still in the string" },
		{ "[\x1b\"x\",\n\"y\"]", "[\"x\",\n\"y\"]", "outside strings: dropped, white space kept" },
	};
	size_t i;
	char *r;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		r = text_json_safe(t[i].in);
		is_str(r, t[i].out, t[i].name);
		free(r);
	}
}

static void
test_sanitize_lines(void)
{
	char *r = text_sanitize_lines("a\x1b[2J\tb\nc\rd\xc2\x9b");

	is_str(r, "a\xe2\x90\x9b[2J\tb\nc\xe2\x90\x8d" "d\xef\xbf\xbd",
	    "sanitize_lines: lines and tabs kept, ESC, CR and C1 made inert");
	free(r);
}

static void
free_cases(void)
{
	size_t i;

	for (i = 0; i < ncases; i++) {
		free(cases[i].name);
		free(cases[i].bytes);
		free(cases[i].expect);
	}
}

int
main(void)
{
	test_cases();
	test_in();
	test_fit();
	test_fold();
	test_sanitize();
	test_json();
	test_sanitize_lines();
	free_cases();
	return done_testing();
}
