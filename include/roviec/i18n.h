/*
 * i18n: the language of every message, screen, form and help text:
 * English in the source, Vietnamese from po/vi.po through gettext.  An
 * official whose locale asks for Vietnamese (LANG=vi_VN.UTF-8, LC_ALL,
 * LC_MESSAGES or LANGUAGE starting with "vi") gets it even where that locale
 * is not generated on the server; "language = vi|en" in the configuration
 * overrides.  Dates for people show as DD/MM/YYYY in Vietnamese.
 */
#ifndef ROVIEC_I18N_H
#define ROVIEC_I18N_H

#include <libintl.h>
#include <stddef.h>

/* A message for people: translated when shown. */
#define _(s) gettext(s)
/* A message in a table: marked for the catalogue, translated where used. */
#define N_(s) (s)
/* The same with a context, for a word that means different things in
 * different places (gettext's msgctxt); translated with i18n_ctx. */
#define NC_(c, s) (c "\004" s)

/* Picks the language from the environment and binds the catalogue (from
 * the build tree beside the program, else the installed one).  Call after
 * setlocale. */
void i18n_init(void);

/* "vi" or "en" (from the configuration); 0, or -1 for another word. */
int i18n_set(const char *language);

/* 1 when messages are in Vietnamese. */
int i18n_vi(void);

/* A duty's status word (open, pending, ...) as people read it. */
const char *i18n_status(const char *status);

/* A unit's kind (ward, commune, ...), a person's role (head, officer, ...)
 * or "yes", as people read it; any other word unchanged. */
const char *i18n_word(const char *word);

/* A decimal number written with a point ("40.0%"), in place, as people
 * read it: a decimal comma in Vietnamese ("40,0%").  Returns s. */
char *i18n_decimal(char *s);

/* word translated when table (of n N_ words) holds it; else word itself. */
const char *i18n_shown(const char *const *table, size_t n, const char *word);

/* The translation of an NC_ key, or its English word when there is none. */
const char *i18n_ctx(const char *key);

/* The translation of the key among keys (n NC_ keys) whose word is word;
 * NULL when none is. */
const char *i18n_ctx_find(const char *const *keys, size_t n, const char *word);

#endif
