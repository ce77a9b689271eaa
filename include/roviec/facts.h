/*
 * facts: what a history entry records beyond its columns (history.data):
 * a flat JSON object whose values are strings, whole numbers, null, or
 * lists of rows (a row: a list of strings, numbers or nulls).  The core
 * writes one with every entry (the values the entry set that its columns
 * do not say); roviec verify reads them back to rebuild the state.  Keys
 * are ASCII words; text is UTF-8 as given.  Nothing here knows of storage.
 */
#ifndef ROVIEC_FACTS_H
#define ROVIEC_FACTS_H

#include <stddef.h>

/* --- writing ------------------------------------------------------------ */

struct facts {
	char *buf;
	size_t len, cap;
	int fields;		/* values written at the current level */
	int in_list, in_row;
	int failed;		/* out of memory */
};

void facts_init(struct facts *f);
/* key = "text" (NULL: null). */
void facts_str(struct facts *f, const char *key, const char *v);
void facts_int(struct facts *f, const char *key, long long v);
/* key = [ [item, ...], ... ]: facts_list, then per row facts_row,
 * facts_item_*, facts_row_end, and facts_list_end. */
void facts_list(struct facts *f, const char *key);
void facts_row(struct facts *f);
void facts_item_str(struct facts *f, const char *v);
void facts_item_int(struct facts *f, long long v);
void facts_row_end(struct facts *f);
void facts_list_end(struct facts *f);
/* The object written ("{}" when empty); NULL when out of memory.  Owned
 * by f. */
const char *facts_text(struct facts *f);
void facts_free(struct facts *f);

/* --- reading ------------------------------------------------------------ */

enum facts_type { FACT_NONE, FACT_NULL, FACT_INT, FACT_STR, FACT_LIST };

struct facts_value {
	enum facts_type type;
	long long i;
	char *s;			/* FACT_STR: decoded, NUL-terminated */
	struct facts_row *rows;		/* FACT_LIST */
	size_t nrows;
};

struct facts_row {
	struct facts_value *items;	/* FACT_NULL, FACT_INT or FACT_STR */
	size_t n;
};

struct facts_doc;

/* Parses what facts_text wrote; NULL when it is not such an object (or
 * out of memory). */
struct facts_doc *facts_parse(const char *json);
/* The value of key; a value of type FACT_NONE when the key is not there. */
const struct facts_value *facts_get(const struct facts_doc *d, const char *key);
/* Whether key is there (with any value, null too). */
int facts_has(const struct facts_doc *d, const char *key);
void facts_doc_free(struct facts_doc *d);

#endif
