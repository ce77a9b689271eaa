/* facts: what a history entry records beyond its columns (see facts.h). */
#include "roviec/facts.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- writing ------------------------------------------------------------ */

void
facts_init(struct facts *f)
{
	memset(f, 0, sizeof(*f));
}

static void
put(struct facts *f, const char *s, size_t n)
{
	if (f->failed)
		return;
	if (f->len + n + 3 > f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 128;
		char *b;

		while (cap < f->len + n + 3)
			cap *= 2;
		if ((b = realloc(f->buf, cap)) == NULL) {
			f->failed = 1;
			return;
		}
		f->buf = b;
		f->cap = cap;
	}
	memcpy(f->buf + f->len, s, n);
	f->len += n;
	f->buf[f->len] = '\0';
}

static void
puts_(struct facts *f, const char *s)
{
	put(f, s, strlen(s));
}

/* A JSON string: quotes, backslashes and C0 controls escaped, the rest
 * (UTF-8) as it is. */
static void
put_string(struct facts *f, const char *s)
{
	char esc[8];

	put(f, "\"", 1);
	for (const char *p = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			put(f, esc, 2);
		} else if (c < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			put(f, esc, 6);
		} else {
			put(f, p, 1);
		}
	}
	put(f, "\"", 1);
}

/* The separator and key of the next value of the object (or of a row). */
static void
next_value(struct facts *f, const char *key)
{
	if (f->len == 0)
		put(f, "{", 1);
	if (f->fields++ > 0)
		put(f, ",", 1);
	if (key != NULL) {
		assert(!f->in_list);	/* keys belong to the object only */
		put_string(f, key);
		put(f, ":", 1);
	}
}

void
facts_str(struct facts *f, const char *key, const char *v)
{
	next_value(f, key);
	if (v == NULL)
		puts_(f, "null");
	else
		put_string(f, v);
}

void
facts_int(struct facts *f, const char *key, long long v)
{
	char n[32];

	next_value(f, key);
	snprintf(n, sizeof(n), "%lld", v);
	puts_(f, n);
}

void
facts_list(struct facts *f, const char *key)
{
	next_value(f, key);
	put(f, "[", 1);
	f->in_list = 1;
	f->fields = 0;
}

void
facts_row(struct facts *f)
{
	assert(f->in_list && !f->in_row);
	if (f->fields++ > 0)
		put(f, ",", 1);
	put(f, "[", 1);
	f->in_row = 1;
	f->fields = 0;
}

void
facts_item_str(struct facts *f, const char *v)
{
	assert(f->in_row);
	if (f->fields++ > 0)
		put(f, ",", 1);
	if (v == NULL)
		puts_(f, "null");
	else
		put_string(f, v);
}

void
facts_item_int(struct facts *f, long long v)
{
	char n[32];

	assert(f->in_row);
	if (f->fields++ > 0)
		put(f, ",", 1);
	snprintf(n, sizeof(n), "%lld", v);
	puts_(f, n);
}

void
facts_row_end(struct facts *f)
{
	assert(f->in_row);
	put(f, "]", 1);
	f->in_row = 0;
	f->fields = 1;		/* the next row needs its comma */
}

void
facts_list_end(struct facts *f)
{
	assert(f->in_list && !f->in_row);
	put(f, "]", 1);
	f->in_list = 0;
	f->fields = 1;		/* the list was a value of the object */
}

const char *
facts_text(struct facts *f)
{
	assert(!f->in_list && !f->in_row);
	if (f->len == 0)
		put(f, "{", 1);
	if (f->failed)
		return NULL;
	/* put keeps room for the closing brace; it is not counted in len,
	 * so that more values may follow a call. */
	f->buf[f->len] = '}';
	f->buf[f->len + 1] = '\0';
	return f->buf;
}

void
facts_free(struct facts *f)
{
	free(f->buf);
	memset(f, 0, sizeof(*f));
}

/* --- reading ------------------------------------------------------------ */

struct facts_pair {
	char *key;
	struct facts_value v;
};

struct facts_doc {
	struct facts_pair *pairs;
	size_t n;
};

struct parser {
	const char *p;
	int bad;
};

static void
skip_space(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
		ps->p++;
}

static int
hex4(const char *p, unsigned *out)
{
	unsigned v = 0;

	for (int i = 0; i < 4; i++) {
		char c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static size_t
utf8_put(char *d, unsigned c)
{
	if (c < 0x80) {
		d[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		d[0] = (char)(0xc0 | (c >> 6));
		d[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		d[0] = (char)(0xe0 | (c >> 12));
		d[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		d[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	d[0] = (char)(0xf0 | (c >> 18));
	d[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	d[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	d[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* A string at ps->p (on its opening quote), decoded; NULL when bad. */
static char *
parse_string(struct parser *ps)
{
	const char *p = ps->p;
	size_t n = 0;
	char *out, *d;

	assert(*p == '"');
	/* The decoded text is never longer than the escaped one. */
	for (p++; *p != '"'; p++) {
		if (*p == '\0')
			return ps->bad = 1, NULL;
		if (*p == '\\' && p[1] != '\0')
			p++;
		n++;
	}
	if ((out = malloc(n * 4 + 1)) == NULL)
		return ps->bad = 1, NULL;
	d = out;
	for (p = ps->p + 1; *p != '"'; p++) {
		unsigned c, lo;

		if (*p != '\\') {
			*d++ = *p;
			continue;
		}
		switch (*++p) {
		case '"': case '\\': case '/': *d++ = *p; break;
		case 'b': *d++ = '\b'; break;
		case 'f': *d++ = '\f'; break;
		case 'n': *d++ = '\n'; break;
		case 'r': *d++ = '\r'; break;
		case 't': *d++ = '\t'; break;
		case 'u':
			if (hex4(p + 1, &c) != 0)
				goto bad;
			p += 4;
			if (c >= 0xd800 && c < 0xdc00 && p[1] == '\\' && p[2] == 'u' &&
			    hex4(p + 3, &lo) == 0 && lo >= 0xdc00 && lo < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				p += 6;
			}
			if (c == 0)
				goto bad;	/* no NUL inside our strings */
			d += utf8_put(d, c);
			break;
		default:
			goto bad;
		}
	}
	*d = '\0';
	ps->p = p + 1;
	return out;
bad:
	free(out);
	ps->bad = 1;
	return NULL;
}

static void
value_free(struct facts_value *v)
{
	free(v->s);
	for (size_t i = 0; i < v->nrows; i++) {
		for (size_t j = 0; j < v->rows[i].n; j++)
			free(v->rows[i].items[j].s);
		free(v->rows[i].items);
	}
	free(v->rows);
	memset(v, 0, sizeof(*v));
}

/* A string, a whole number or null (and, when lists, a list of rows). */
static void
parse_value(struct parser *ps, struct facts_value *v, int lists)
{
	skip_space(ps);
	memset(v, 0, sizeof(*v));
	if (*ps->p == '"') {
		v->type = FACT_STR;
		v->s = parse_string(ps);
	} else if (strncmp(ps->p, "null", 4) == 0) {
		v->type = FACT_NULL;
		ps->p += 4;
	} else if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9')) {
		char *end;

		v->type = FACT_INT;
		v->i = strtoll(ps->p, &end, 10);
		if (end == ps->p || *end == '.' || *end == 'e' || *end == 'E')
			ps->bad = 1;
		ps->p = end;
	} else if (*ps->p == '[' && lists) {
		size_t cap = 0;

		v->type = FACT_LIST;
		ps->p++;
		skip_space(ps);
		while (!ps->bad && *ps->p != ']') {
			struct facts_row *row;
			size_t icap = 0;

			if (v->nrows > 0) {
				if (*ps->p != ',') {
					ps->bad = 1;
					break;
				}
				ps->p++;
				skip_space(ps);
			}
			if (*ps->p != '[') {
				ps->bad = 1;
				break;
			}
			if (v->nrows == cap) {
				struct facts_row *r = realloc(v->rows, (cap = cap ? 2 * cap : 4) * sizeof(*r));

				if (r == NULL) {
					ps->bad = 1;
					break;
				}
				v->rows = r;
			}
			row = &v->rows[v->nrows++];
			memset(row, 0, sizeof(*row));
			ps->p++;
			skip_space(ps);
			while (!ps->bad && *ps->p != ']') {
				if (row->n > 0) {
					if (*ps->p != ',') {
						ps->bad = 1;
						break;
					}
					ps->p++;
				}
				if (row->n == icap) {
					struct facts_value *it = realloc(row->items,
					    (icap = icap ? 2 * icap : 4) * sizeof(*it));

					if (it == NULL) {
						ps->bad = 1;
						break;
					}
					row->items = it;
				}
				parse_value(ps, &row->items[row->n++], 0);
				skip_space(ps);
			}
			if (!ps->bad)
				ps->p++;
			skip_space(ps);
		}
		if (!ps->bad)
			ps->p++;
	} else {
		ps->bad = 1;
	}
}

struct facts_doc *
facts_parse(const char *json)
{
	struct parser ps = { json, 0 };
	struct facts_doc *d = calloc(1, sizeof(*d));
	size_t cap = 0;

	if (d == NULL || json == NULL) {
		free(d);
		return NULL;
	}
	skip_space(&ps);
	if (*ps.p++ != '{')
		goto bad;
	skip_space(&ps);
	while (*ps.p != '}') {
		struct facts_pair *pair;

		if (d->n > 0) {
			if (*ps.p != ',')
				goto bad;
			ps.p++;
			skip_space(&ps);
		}
		if (*ps.p != '"')
			goto bad;
		if (d->n == cap) {
			struct facts_pair *pp = realloc(d->pairs, (cap = cap ? 2 * cap : 8) * sizeof(*pp));

			if (pp == NULL)
				goto bad;
			d->pairs = pp;
		}
		pair = &d->pairs[d->n];
		memset(pair, 0, sizeof(*pair));
		if ((pair->key = parse_string(&ps)) == NULL)
			goto bad;
		d->n++;
		skip_space(&ps);
		if (*ps.p++ != ':')
			goto bad;
		parse_value(&ps, &pair->v, 1);
		if (ps.bad)
			goto bad;
		skip_space(&ps);
	}
	ps.p++;
	skip_space(&ps);
	if (*ps.p != '\0')
		goto bad;
	return d;
bad:
	facts_doc_free(d);
	return NULL;
}

static const struct facts_pair *
find(const struct facts_doc *d, const char *key)
{
	/* The last one wins, as in SQLite's JSON. */
	for (size_t i = d != NULL ? d->n : 0; i-- > 0;)
		if (strcmp(d->pairs[i].key, key) == 0)
			return &d->pairs[i];
	return NULL;
}

const struct facts_value *
facts_get(const struct facts_doc *d, const char *key)
{
	static const struct facts_value none = { FACT_NONE, 0, NULL, NULL, 0 };
	const struct facts_pair *p = find(d, key);

	return p != NULL ? &p->v : &none;
}

int
facts_has(const struct facts_doc *d, const char *key)
{
	return find(d, key) != NULL;
}

void
facts_doc_free(struct facts_doc *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->pairs[i].key);
		value_free(&d->pairs[i].v);
	}
	free(d->pairs);
	free(d);
}
