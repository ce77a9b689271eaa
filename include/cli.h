/*
 * cli: the command line of CLI.md, a thin face over the core: it parses
 * argv, opens the store, resolves who is acting, calls one core function per
 * command and prints the result as table, CSV, JSON or text.  Messages go to
 * stderr prefixed "roviec: "; the exit status is the rv_code.
 */
#ifndef ROVIEC_CLI_H
#define ROVIEC_CLI_H

/* Runs the command line; returns the exit status (0, 1, 2 or 3). */
int cli_main(int argc, char **argv);

#endif
