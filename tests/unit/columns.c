/*
 * Unit tests of columns (issue #12): every column has its three names,
 * names are unique, and the columns import reads are told apart by the
 * keys import compares (case and diacritics folded).
 */
#include "roviec/columns.h"

#include <stdlib.h>
#include <string.h>

#include "roviec/text.h"
#include "tap.h"

int
main(void)
{
	char *keys[COL_DUTY__END * 3 + 1] = { 0 };
	size_t n = 0;

	for (int i = 0; i < COL__MAX; i++) {
		const struct column *c = column_get(i);

		ok(c->name != NULL && c->en != NULL && c->vi != NULL && c->name[0] &&
		    c->en[0] && c->vi[0], "column %d has a name and two headings", i);
		ok(column_by_name(c->name) == c, "%s: found by its name, and only it", c->name);
	}
	ok(column_by_name("nothing") == NULL, "an unknown name is NULL");
	/* The headings import reads, folded, never name two columns. */
	for (int i = 0; i < COL_DUTY__END; i++) {
		const struct column *c = column_get(i);
		const char *three[3] = { c->name, c->en, c->vi };

		for (int k = 0; k < 3; k++) {
			char *key = text_fold(three[k]);
			int clash = 0;

			for (char *p = key; p != NULL && *p; p++)
				if (*p == '_')
					*p = ' ';
			for (size_t j = 0; j < n; j++)
				clash |= strcmp(keys[j], key) == 0 && j / 3 != (size_t)i;
			ok(key != NULL && !clash, "%s's heading '%s' names no other column",
			    c->name, three[k]);
			keys[n++] = key;
		}
	}
	for (size_t j = 0; j < n; j++)
		free(keys[j]);
	return done_testing();
}
