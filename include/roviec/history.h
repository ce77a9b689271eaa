/*
 * history: the history as people read it: the words it stores (actions,
 * states, the reasons roviec itself records) and the details beside them
 * (a day, a deadline and where the duty came from), in the language of
 * the messages.  The history itself is the store's; this only shows it.
 */
#ifndef ROVIEC_HISTORY_H
#define ROVIEC_HISTORY_H

#include <stddef.h>

#include "roviec/model.h"

/* A word the history stores (an action such as "transfer", the state
 * "proposed", a reason roviec itself records) as people read it; any
 * other word or text, unchanged. */
const char *history_word_shown(const char *word);

/* A history entry's detail (a word, a day, or "deadline DAY" with where
 * the duty came from) as people read it, in buf of size bytes if needed. */
const char *history_detail_shown(const char *detail, char *buf, size_t size);

/* The detail of an "edited" entry: the field changed, its old and its new
 * value, as a JSON object {"field":..., "from":..., "to":...} (the values
 * may be any text).  Malloc'd; NULL when out of memory. */
char *history_edit_detail(const char *field, const char *from, const char *to);

/*
 * The details read back, for roviec verify (replay.c); each -1 when the
 * detail is not of its kind:
 * - an edit's field, old and new value (cut to their sizes);
 * - a created entry's ("deadline DAY..."): 1 with the coefficient it
 *   states in c ("1.5"), 0 when it states none (the coefficient is 1);
 * - a head's evaluation ("period P; general G[; cohesion C]"): cohesion
 *   "" when not given;
 * - a created entry's series: 1 with the series and period it names
 *   ("...; series N period P"), 0 when it names none;
 * - a series-started entry's rule ("series N every E day D|last"): day 0
 *   for the period's last.
 */
int history_edit_parse(const char *detail, char *field, size_t fsize, char *from,
    size_t from_size, char *to, size_t to_size);
int history_created_coefficient(const char *detail, char *c, size_t size);
int history_evaluation_parse(const char *detail, char period[8], char general[24],
    char cohesion[8]);
int history_created_series(const char *detail, long long *series, char period[8]);
int history_series_rule(const char *detail, long long *series, enum series_every *every,
    int *day);

#endif
