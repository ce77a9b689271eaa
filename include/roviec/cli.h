/*
 * cli: the command line of CLI.md, a thin face over the core: it parses
 * argv, opens the store, resolves who is acting, calls one core function per
 * command and prints the result as table, CSV, JSON or text.  Messages go to
 * stderr prefixed "roviec: "; the exit status is the rv_code.
 */
#ifndef ROVIEC_CLI_H
#define ROVIEC_CLI_H

#include "roviec/err.h"

/* Runs the command line; returns the exit status (0, 1, 2 or 3). */
int cli_main(int argc, char **argv);

/* Only checks argv against the command table (command, options, values
 * present, argument count), touching no file: RV_OK or RV_USAGE with the
 * message.  cli_main does the same first; the fuzzer drives this. */
enum rv_code cli_parse(int argc, char **argv, struct rv_err *err);

#endif
