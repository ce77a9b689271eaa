/* roviec: a terminal task dispatcher for ward and commune officials. */
#include <locale.h>
#include <signal.h>
#include <stdlib.h>

#include "roviec/cli.h"
#include "roviec/i18n.h"
#include "roviec/priv.h"

int
main(int argc, char **argv)
{
	/* First of all: a setgid roviec (the server, priv.h) clears the
	 * environment before the locale, the terminal or anything reads it. */
	if (priv_init() != 0)
		return 3;
	/* Where the asked locale is missing, C.UTF-8 still gives wide
	 * characters; the text module works in UTF-8 whatever the locale. */
	if (setlocale(LC_ALL, "") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	/* Numbers for programs (CSV, JSON, dot) keep a decimal point even
	 * where a locale writing a comma is installed; the tables for people
	 * use i18n_decimal. */
	setlocale(LC_NUMERIC, "C");
	i18n_init();
	/* A file size limit (ulimit -f) must fail a write, which SQLite
	 * reports and rolls back, not kill the process mid-transaction. */
	signal(SIGXFSZ, SIG_IGN);
	return cli_main(argc, argv);
}
