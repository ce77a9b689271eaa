/* cli: the command line (see cli.h and CLI.md). */
#include "roviec/cli.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "roviec/action.h"
#include "roviec/actor.h"
#include "roviec/brief.h"
#include "roviec/chain.h"
#include "roviec/columns.h"
#include "roviec/config.h"
#include "roviec/dates.h"
#include "roviec/demo.h"
#include "roviec/digest.h"
#include "roviec/decimal.h"
#include "roviec/duty.h"
#include "roviec/evaluate.h"
#include "roviec/exchange.h"
#include "roviec/graph.h"
#include "roviec/history.h"
#include "roviec/i18n.h"
#include "roviec/lookup.h"
#include "roviec/org.h"
#include "roviec/out.h"
#include "roviec/priv.h"
#include "roviec/report.h"
#include "roviec/sheet.h"
#include "roviec/store.h"
#include "roviec/text.h"
#include "roviec/tui.h"
#include "roviec/verify.h"

#define ROVIEC_VERSION "0.1.0"
#define MAX_POS 4
#define MAX_MULTI DUTY_SUPPORT_MAX

enum opt {
	OPT_DB, OPT_AS, OPT_FORMAT, OPT_PARENT, OPT_KIND, OPT_HEAD, OPT_UNIT,
	OPT_ROLE, OPT_NAME, OPT_LEAD, OPT_OWNER, OPT_DUE, OPT_RESULT, OPT_BASIS,
	OPT_SUPPORT, OPT_FIELD, OPT_NOTE, OPT_STATUS, OPT_FLAG, OPT_SEARCH,
	OPT_REASON, OPT_SUPPORTING, OPT_LIMIT, OPT_ALL, OPT_DEMO, OPT_FROM,
	OPT_TO, OPT_BY,
	/* issue #12 */
	OPT_EXCEL, OPT_NO_EXCEL, OPT_DONE_FROM, OPT_DONE_TO, OPT_CREATED_FROM,
	OPT_CREATED_TO,
	/* issue #10 */
	OPT_ASSIGNER,
	/* issue #11 */
	OPT_EVERY, OPT_DAY, OPT_TITLE,
	/* issue #11 (brief) */
	OPT_LOGIN,
	/* issue #13 */
	OPT_COEFFICIENT, OPT_MONTH, OPT_QUARTER, OPT_YEAR, OPT_PERSON,
	OPT_PERIOD, OPT_GENERAL, OPT_COHESION,
	/* issue #12: person set --login NEW (brief's --login is a flag) */
	OPT_NEW_LOGIN,
	/* issue #11: person add/set --mail */
	OPT_MAIL,
	OPT__MAX
};

#define O(x) (1ull << (x))

static const struct {
	const char *name;
	int takes_value;
	int repeatable;
} options[OPT__MAX] = {
	[OPT_DB] = { "db", 1, 0 }, [OPT_AS] = { "as", 1, 0 },
	[OPT_FORMAT] = { "format", 1, 0 }, [OPT_PARENT] = { "parent", 1, 0 },
	[OPT_KIND] = { "kind", 1, 0 }, [OPT_HEAD] = { "head", 1, 0 },
	[OPT_UNIT] = { "unit", 1, 0 }, [OPT_ROLE] = { "role", 1, 0 },
	[OPT_NAME] = { "name", 1, 0 }, [OPT_LEAD] = { "lead", 1, 0 },
	[OPT_OWNER] = { "owner", 1, 0 }, [OPT_DUE] = { "due", 1, 0 },
	[OPT_RESULT] = { "result", 1, 0 }, [OPT_BASIS] = { "basis", 1, 0 },
	[OPT_SUPPORT] = { "support", 1, 1 }, [OPT_FIELD] = { "field", 1, 0 },
	[OPT_NOTE] = { "note", 1, 0 }, [OPT_STATUS] = { "status", 1, 1 },
	[OPT_FLAG] = { "flag", 1, 1 }, [OPT_SEARCH] = { "search", 1, 0 },
	[OPT_REASON] = { "reason", 1, 0 }, [OPT_SUPPORTING] = { "supporting", 1, 0 },
	[OPT_LIMIT] = { "limit", 1, 0 }, [OPT_ALL] = { "all", 0, 0 },
	[OPT_DEMO] = { "demo", 0, 0 }, [OPT_FROM] = { "from", 1, 0 },
	[OPT_TO] = { "to", 1, 0 }, [OPT_BY] = { "by", 1, 0 },
	[OPT_EXCEL] = { "excel", 0, 0 }, [OPT_NO_EXCEL] = { "no-excel", 0, 0 },
	[OPT_DONE_FROM] = { "done-from", 1, 0 }, [OPT_DONE_TO] = { "done-to", 1, 0 },
	[OPT_CREATED_FROM] = { "created-from", 1, 0 },
	[OPT_CREATED_TO] = { "created-to", 1, 0 },
	[OPT_ASSIGNER] = { "assigner", 1, 0 },
	[OPT_EVERY] = { "every", 1, 0 }, [OPT_DAY] = { "day", 1, 0 },
	[OPT_TITLE] = { "title", 1, 0 },
	[OPT_LOGIN] = { "login", 0, 0 },
	[OPT_COEFFICIENT] = { "coefficient", 1, 0 }, [OPT_MONTH] = { "month", 1, 0 },
	[OPT_QUARTER] = { "quarter", 1, 0 }, [OPT_YEAR] = { "year", 1, 0 },
	[OPT_PERSON] = { "person", 1, 0 }, [OPT_PERIOD] = { "period", 1, 0 },
	[OPT_GENERAL] = { "general", 1, 0 }, [OPT_COHESION] = { "cohesion", 1, 0 },
	[OPT_NEW_LOGIN] = { "login", 1, 0 },
	[OPT_MAIL] = { "mail", 1, 0 },
};

struct args {
	const char *pos[MAX_POS];
	int npos;
	const char *opt[OPT__MAX];
	const char *multi[OPT__MAX][MAX_MULTI];
	int nmulti[OPT__MAX];
};

struct cli {
	struct session s;
	struct config conf;
	char *db_path;
	const struct command *cmd;
	struct args a;
	struct rv_err err;
};

typedef enum rv_code (*cmd_fn)(struct cli *c);

enum needs { NEEDS_NOTHING, NEEDS_STORE, NEEDS_ACTOR };

struct command {
	const char *name, *sub;
	cmd_fn run;
	int min_pos, max_pos;
	unsigned long long opts;
	enum needs needs;
	const char *usage;
};

static enum rv_code cmd_board(struct cli *c);
static enum rv_code cmd_demo(struct cli *c);
static enum rv_code cmd_init(struct cli *c);
static enum rv_code cmd_unit_add(struct cli *c);
static enum rv_code cmd_unit_list(struct cli *c);
static enum rv_code cmd_person_add(struct cli *c);
static enum rv_code cmd_person_set(struct cli *c);
static enum rv_code cmd_person_list(struct cli *c);
static enum rv_code cmd_add(struct cli *c);
static enum rv_code cmd_list(struct cli *c);
static enum rv_code cmd_show(struct cli *c);
static enum rv_code cmd_action(struct cli *c);
static enum rv_code cmd_verify(struct cli *c);
static enum rv_code cmd_report(struct cli *c);
static enum rv_code cmd_backup(struct cli *c);
static enum rv_code cmd_import(struct cli *c);
static enum rv_code cmd_unit_import(struct cli *c);
static enum rv_code cmd_person_import(struct cli *c);
static enum rv_code cmd_unit_set(struct cli *c);
static enum rv_code cmd_person_leave(struct cli *c);
static enum rv_code cmd_export(struct cli *c);
static enum rv_code cmd_graph(struct cli *c);
static enum rv_code cmd_brief(struct cli *c);
static enum rv_code cmd_digest(struct cli *c);
static enum rv_code cmd_edit(struct cli *c);
static enum rv_code cmd_evaluate(struct cli *c);
static enum rv_code cmd_evaluate_set(struct cli *c);
static enum rv_code cmd_tick(struct cli *c);
static enum rv_code cmd_series_stop(struct cli *c);
static enum rv_code parse_command(struct cli *c, int argc, char **argv);

#define GLOBAL (O(OPT_DB) | O(OPT_AS))
/* Every command that writes CSV takes --excel and --no-excel. */
#define EXCEL_OPTS (O(OPT_EXCEL) | O(OPT_NO_EXCEL))
#define LIST_OPTS (O(OPT_UNIT) | O(OPT_OWNER) | O(OPT_ASSIGNER) | O(OPT_STATUS) | \
	O(OPT_FLAG) | O(OPT_SEARCH) | O(OPT_FORMAT) | O(OPT_SUPPORTING) | O(OPT_LIMIT) | \
	O(OPT_ALL) | EXCEL_OPTS | O(OPT_DONE_FROM) | O(OPT_DONE_TO) | \
	O(OPT_CREATED_FROM) | O(OPT_CREATED_TO))

static const struct command commands[] = {
	{ "demo", NULL, cmd_demo, 0, 0, GLOBAL, NEEDS_NOTHING,
	  "demo" },
	{ "init", NULL, cmd_init, 0, 0, O(OPT_DB) | O(OPT_DEMO), NEEDS_NOTHING,
	  "init [--demo]" },
	{ "unit", "add", cmd_unit_add, 2, 2,
	  GLOBAL | O(OPT_PARENT) | O(OPT_KIND) | O(OPT_HEAD), NEEDS_ACTOR,
	  "unit add CODE NAME [--parent CODE] [--kind ward|commune|department|party|city] [--head LOGIN]" },
	{ "unit", "set", cmd_unit_set, 1, 1,
	  GLOBAL | O(OPT_NAME) | O(OPT_PARENT) | O(OPT_KIND), NEEDS_ACTOR,
	  "unit set CODE [--name NAME] [--parent CODE] [--kind ward|commune|department|party|city]" },
	{ "unit", "import", cmd_unit_import, 1, 1, GLOBAL, NEEDS_ACTOR,
	  "unit import FILE.csv" },
	{ "unit", "list", cmd_unit_list, 0, 0, GLOBAL | O(OPT_FORMAT) | EXCEL_OPTS, NEEDS_ACTOR,
	  "unit list [--format table|csv] [--excel]" },
	{ "person", "add", cmd_person_add, 2, 2,
	  GLOBAL | O(OPT_UNIT) | O(OPT_ROLE) | O(OPT_MAIL), NEEDS_ACTOR,
	  "person add LOGIN FULL_NAME --unit CODE [--role admin|head|officer|inspector] [--mail ADDRESS]" },
	{ "person", "set", cmd_person_set, 1, 1,
	  GLOBAL | O(OPT_UNIT) | O(OPT_ROLE) | O(OPT_NAME) | O(OPT_NEW_LOGIN) | O(OPT_MAIL),
	  NEEDS_ACTOR,
	  "person set LOGIN [--name FULL_NAME] [--unit CODE] [--role ROLE] [--login NEW_LOGIN] [--mail ADDRESS]" },
	{ "person", "leave", cmd_person_leave, 1, 1, GLOBAL | O(OPT_REASON), NEEDS_ACTOR,
	  "person leave LOGIN [--reason TEXT]" },
	{ "person", "import", cmd_person_import, 1, 1, GLOBAL, NEEDS_ACTOR,
	  "person import FILE.csv" },
	{ "person", "list", cmd_person_list, 0, 0, GLOBAL | O(OPT_UNIT) | O(OPT_FORMAT) |
	  EXCEL_OPTS, NEEDS_ACTOR, "person list [--unit CODE] [--format table|csv] [--excel]" },
	/* No minimum: a missing title is one of the six clears, named with
	 * the others (rule 2) rather than a usage error. */
	{ "add", NULL, cmd_add, 0, 1,
	  GLOBAL | O(OPT_LEAD) | O(OPT_OWNER) | O(OPT_DUE) | O(OPT_RESULT) |
	  O(OPT_BASIS) | O(OPT_SUPPORT) | O(OPT_FIELD) | O(OPT_NOTE) | O(OPT_EVERY) |
	  O(OPT_DAY) | O(OPT_COEFFICIENT), NEEDS_ACTOR,
	  "add TITLE --lead UNIT --owner LOGIN --due DATE --result TEXT --basis TEXT"
	  " [--support UNIT[:PART]]... [--field NAME] [--note TEXT]"
	  " [--every month|quarter|year [--day N]] [--coefficient N]" },
	{ "list", NULL, cmd_list, 0, 0, GLOBAL | LIST_OPTS, NEEDS_ACTOR,
	  "list [--unit UNIT] [--supporting UNIT] [--owner LOGIN] [--assigner LOGIN]"
	  " [--status STATUS]... [--all] [--flag FLAG]... [--search TEXT]"
	  " [--done-from DATE] [--done-to DATE] [--created-from DATE] [--created-to DATE]"
	  " [--limit N] [--format table|csv|json|tsv|md] [--excel]" },
	{ "show", NULL, cmd_show, 1, 1, GLOBAL | O(OPT_FORMAT), NEEDS_ACTOR,
	  "show REF [--format text|json]" },
	/* The actions on a duty come here, in the order of action.c's
	 * table, generated from it (action_commands). */
	{ NULL, NULL, NULL, 0, 0, 0, NEEDS_NOTHING, NULL },
	/* issue #11 (corrections; the coefficient: issue #13) */
	{ "edit", NULL, cmd_edit, 1, 1, GLOBAL | O(OPT_TITLE) | O(OPT_RESULT) |
	  O(OPT_BASIS) | O(OPT_SUPPORT) | O(OPT_COEFFICIENT) | O(OPT_REASON), NEEDS_ACTOR,
	  "edit REF [--title TEXT] [--result TEXT] [--basis TEXT] [--support UNIT[:PART]]..."
	  " [--coefficient N] [--reason TEXT]" },
	{ "series", "stop", cmd_series_stop, 1, 1, GLOBAL | O(OPT_REASON), NEEDS_ACTOR,
	  "series stop REF --reason TEXT" },
	{ "tick", NULL, cmd_tick, 0, 0, GLOBAL, NEEDS_ACTOR, "tick" },
	/* "evaluate set" before "evaluate": the first whose words match wins. */
	{ "evaluate", "set", cmd_evaluate_set, 1, 1,
	  GLOBAL | O(OPT_PERIOD) | O(OPT_GENERAL) | O(OPT_COHESION) | O(OPT_REASON),
	  NEEDS_ACTOR,
	  "evaluate set LOGIN --period YYYY-MM|YYYY-QN --general N [--cohesion 100|50] --reason TEXT" },
	{ "evaluate", NULL, cmd_evaluate, 0, 0,
	  GLOBAL | O(OPT_MONTH) | O(OPT_QUARTER) | O(OPT_YEAR) | O(OPT_BY) | O(OPT_UNIT) |
	  O(OPT_PERSON) | O(OPT_FORMAT) | EXCEL_OPTS, NEEDS_ACTOR,
	  "evaluate [--month YYYY-MM | --quarter YYYY-QN | --year YYYY [--by month|quarter]]"
	  " [--unit UNIT | --person LOGIN] [--format table|csv|json] [--excel]" },
	{ "report", NULL, cmd_report, 0, 0,
	  GLOBAL | O(OPT_UNIT) | O(OPT_FROM) | O(OPT_TO) | O(OPT_BY) | O(OPT_FORMAT) |
	  EXCEL_OPTS, NEEDS_ACTOR,
	  "report [--unit UNIT] [--from DATE] [--to DATE] [--by unit|person]"
	  " [--format table|csv|json|tsv|md] [--excel]" },
	{ "import", NULL, cmd_import, 1, 1, GLOBAL, NEEDS_ACTOR, "import FILE.csv" },
	{ "export", NULL, cmd_export, 0, 0, GLOBAL | O(OPT_FORMAT) | EXCEL_OPTS, NEEDS_ACTOR,
	  "export [--format csv|json] [--excel]" },
	{ "graph", NULL, cmd_graph, 0, 0, GLOBAL | O(OPT_FROM) | O(OPT_TO) | O(OPT_FORMAT),
	  NEEDS_ACTOR, "graph [--from DATE] [--to DATE] [--format text|dot]" },
	{ "verify", NULL, cmd_verify, 0, 1, GLOBAL, NEEDS_ACTOR, "verify [HASH]" },
	{ "backup", NULL, cmd_backup, 1, 1, GLOBAL, NEEDS_ACTOR, "backup FILE" },
	/* Issue #11: the brief opens the store itself (its login form must
	 * stay quiet and quick); the digest is for cron. */
	{ "brief", NULL, cmd_brief, 0, 0, GLOBAL | O(OPT_FORMAT) | O(OPT_LOGIN), NEEDS_NOTHING,
	  "brief [--format text|json] [--login]" },
	{ "digest", NULL, cmd_digest, 0, 0, GLOBAL, NEEDS_ACTOR, "digest" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* The command-line rows of the actions (action.h): REF, then each
 * positional slot; each option slot an option; the usage from the slots. */
#define ACTIONS_MAX 32
static struct command action_commands[ACTIONS_MAX];
static char action_usages[ACTIONS_MAX][160];
static size_t nactions;

static int opt_lookup(const char *name, size_t len, unsigned long long allowed);

static void
action_commands_init(void)
{
	size_t n;
	const struct action *a = action_table(&n);

	if (nactions > 0)
		return;
	assert(n <= ACTIONS_MAX);
	for (size_t i = 0; i < n && i < ACTIONS_MAX; i++) {
		struct command *c = &action_commands[i];

		c->name = a[i].name;
		c->run = cmd_action;
		c->min_pos = c->max_pos = 1;
		c->opts = GLOBAL;
		c->needs = NEEDS_ACTOR;
		c->usage = action_usage(&a[i], action_usages[i], sizeof(action_usages[i]));
		for (int k = 0; k < a[i].nslots; k++) {
			const struct action_slot *sl = &a[i].slot[k];

			if (sl->option) {
				int o = opt_lookup(sl->name, strlen(sl->name), ~0ull);

				/* Every option a slot names is one the parser knows. */
				assert(o >= 0);
				if (o >= 0)
					c->opts |= O(o);
			} else {
				c->min_pos++;
				c->max_pos++;
			}
		}
	}
	nactions = n < ACTIONS_MAX ? n : ACTIONS_MAX;
}

static const struct command board_command = {
	NULL, NULL, cmd_board, 0, 0, GLOBAL, NEEDS_ACTOR, ""
};

/* --- usage ------------------------------------------------------------- */

static void
usage(FILE *f)
{
	fputs(_("usage: roviec [--db PATH] [--as LOGIN] [COMMAND ...]\n"
	    "  (no command)   show your unit's board\n"), f);
	action_commands_init();
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (commands[i].name != NULL) {
			fprintf(f, "  roviec %s\n", commands[i].usage);
			continue;
		}
		for (size_t k = 0; k < nactions; k++)
			fprintf(f, "  roviec %s\n", action_commands[k].usage);
	}
	fputs(_("DATE is YYYY-MM-DD, DD/MM/YYYY or +N; FLAG is one of "), f);
	fputs(flags_all_words(), f);
	fputs(_(".\nSee roviec(1) for the whole reference.\n"), f);
}

static enum rv_code
usage_error(struct cli *c, const char *what, const char *arg)
{
	char *safe = text_fit(arg != NULL ? arg : "", 40, 0);

	err_set(&c->err, RV_USAGE, _("%s%s%s%s%s"), what, arg ? " '" : "",
	    arg ? (safe ? safe : "") : "", arg ? "'" : "",
	    c->cmd && c->cmd->name ? "" : _("; roviec --help lists the commands"));
	free(safe);
	if (c->cmd != NULL && c->cmd->name != NULL) {
		size_t n = strlen(c->err.msg);

		snprintf(c->err.msg + n, sizeof(c->err.msg) - n, _("; usage: roviec %s"),
		    c->cmd->usage);
	}
	return RV_USAGE;
}

/* A value that is not one of those allowed: a refusal (exit 1) by CLI.md,
 * with the usage line to help. */
static enum rv_code
value_error(struct cli *c, const char *what, const char *arg)
{
	usage_error(c, what, arg);
	c->err.code = RV_REFUSED;
	return RV_REFUSED;
}

/* --- parsing ----------------------------------------------------------- */

/* The option of that name; of two with one name (brief's --login flag,
 * person set's --login NEW), the one the command allows. */
static int
opt_lookup(const char *name, size_t len, unsigned long long allowed)
{
	int found = -1;

	for (int i = 0; i < OPT__MAX; i++)
		if (strlen(options[i].name) == len && strncmp(options[i].name, name, len) == 0 &&
		    (found < 0 || (allowed & O(i))))
			found = i;
	return found;
}

/* Parses options and positionals of argv[from..]; the command words at the
 * indexes in skip are not positionals. */
static enum rv_code
parse_args(struct cli *c, int argc, char **argv, unsigned long long allowed, int skip1,
    int skip2)
{
	struct args *a = &c->a;
	int only_pos = 0;

	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i], *value = NULL, *eq;
		int o;

		if (i == skip1 || i == skip2)
			continue;
		if (only_pos || arg[0] != '-' || arg[1] == '\0' ||
		    (arg[1] != '-' && (arg[1] == '+' || (arg[1] >= '0' && arg[1] <= '9')))) {
			if (a->npos == MAX_POS)
				return usage_error(c, _("too many arguments at"), arg);
			a->pos[a->npos++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (arg[1] != '-')
			return usage_error(c, _("unknown option"), arg);
		eq = strchr(arg + 2, '=');
		o = opt_lookup(arg + 2, eq ? (size_t)(eq - arg - 2) : strlen(arg + 2), allowed);
		if (o < 0 || !(allowed & O(o)))
			return usage_error(c, _("unknown option"), arg);
		if (options[o].takes_value) {
			if (eq != NULL)
				value = eq + 1;
			else if (i + 1 < argc && i + 1 != skip1 && i + 1 != skip2)
				value = argv[++i];
			else
				return usage_error(c, _("this option needs a value:"), arg);
		} else if (eq != NULL) {
			return usage_error(c, _("this option takes no value:"), arg);
		} else {
			value = "";
		}
		if (options[o].repeatable) {
			if (a->nmulti[o] == MAX_MULTI)
				return usage_error(c, _("too many times:"), arg);
			a->multi[o][a->nmulti[o]++] = value;
		} else if (a->opt[o] != NULL) {
			return usage_error(c, _("given twice:"), arg);
		}
		a->opt[o] = value;
	}
	return RV_OK;
}

/* Finds the command: its words are the first non-option arguments. */
static const struct command *
find_command(int argc, char **argv, int *at1, int *at2)
{
	int words[2] = { -1, -1 }, n = 0;

	for (int i = 1; i < argc && n < 2; i++) {
		const char *arg = argv[i];

		if (strcmp(arg, "--") == 0)
			break;
		if (arg[0] == '-') {
			if ((strcmp(arg, "--db") == 0 || strcmp(arg, "--as") == 0) && i + 1 < argc)
				i++;
			if (n == 0)
				continue;
			break;
		}
		words[n++] = i;
		if (n == 1 && strcmp(arg, "unit") != 0 && strcmp(arg, "person") != 0 &&
		    strcmp(arg, "series") != 0 && strcmp(arg, "evaluate") != 0)
			break;
	}
	*at1 = words[0];
	*at2 = -1;
	if (words[0] < 0)
		return &board_command;
	action_commands_init();
	for (size_t i = 0; i < nactions; i++)
		if (strcmp(action_commands[i].name, argv[words[0]]) == 0)
			return &action_commands[i];
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (commands[i].name == NULL || strcmp(commands[i].name, argv[words[0]]) != 0)
			continue;
		if (commands[i].sub == NULL)
			return &commands[i];
		if (words[1] >= 0 && strcmp(commands[i].sub, argv[words[1]]) == 0) {
			*at2 = words[1];
			return &commands[i];
		}
	}
	return NULL;
}

/* --- setting up -------------------------------------------------------- */

/*
 * --db › $ROVIEC_DB › db = in the configuration › the per-user default.
 * On a server (a setgid roviec, priv.h) the database is the one
 * /etc/roviec.conf names, whatever the environment or the person's own
 * configuration say; --db still opens a file of the caller's own (a
 * scratch database), with the group's rights given up for good first.
 */
static enum rv_code
resolve_db(struct cli *c)
{
	const char *p = c->a.opt[OPT_DB];
	enum rv_code rc;

	if (p != NULL && *p == '\0')
		return usage_error(c, _("--db needs a path (an empty one would not say which database)"),
		    NULL);
	if (priv_server() && p != NULL) {
		if ((rc = priv_drop(&c->err)) != RV_OK)
			return rc;
	} else if (priv_server()) {
		const char *cmd = c->cmd->name != NULL ? c->cmd->name : "";

		if (c->conf.db == NULL)
			return err_set(&c->err, RV_STORAGE,
			    _("the server's database is not set: ask the administrator to name it with db = in %s"),
			    SYSCONFDIR "/roviec.conf");
		/* The server's database is made once, by root; the demo is for
		 * a scratch file. */
		if (strcmp(cmd, "demo") == 0 || (strcmp(cmd, "init") == 0 && c->a.opt[OPT_DEMO] != NULL))
			return err_set(&c->err, RV_REFUSED,
			    _("the demo goes in a database of your own: roviec --db FILE demo"));
		if (strcmp(cmd, "init") == 0 && getuid() != 0)
			return err_set(&c->err, RV_REFUSED,
			    _("the server's database is made by root (sudo roviec init), who becomes its first administrator"));
		if ((c->db_path = strdup(c->conf.db)) == NULL)
			return err_set(&c->err, RV_STORAGE, _("out of memory"));
		return RV_OK;
	}
	if (p == NULL || *p == '\0')
		p = getenv("ROVIEC_DB");
	if (p == NULL || *p == '\0')
		p = c->conf.db;
	if (p != NULL && *p != '\0')
		c->db_path = strdup(p);
	else
		c->db_path = config_default_db();
	if (c->db_path == NULL)
		return err_set(&c->err, RV_STORAGE,
		    _("cannot tell where the database is: give --db PATH or set ROVIEC_DB"));
	return RV_OK;
}

static enum rv_code
open_store(struct cli *c, enum store_mode mode)
{
	enum rv_code rc = store_open(c->db_path, mode, &c->s.st, &c->err);

	if (rc == RV_OK)
		session_sync_clock(&c->s);
	return rc;
}

/* --- organisation commands --------------------------------------------- */

static enum rv_code
create_db(struct cli *c, int with_demo)
{
	enum rv_code rc;

	if ((rc = open_store(c, STORE_CREATE)) != RV_OK)
		return rc;
	rc = org_bootstrap(&c->s, &c->err);
	if (rc == RV_OK && with_demo)
		rc = demo_build(&c->s, &c->err);
	if (rc != RV_OK) {
		store_close(c->s.st);
		c->s.st = NULL;
		store_remove(c->db_path);
	}
	return rc;
}

static enum rv_code
cmd_init(struct cli *c)
{
	enum rv_code rc = create_db(c, c->a.opt[OPT_DEMO] != NULL);

	if (rc == RV_OK) {
		fputs(_("Created "), stdout);
		out_text(stdout, c->db_path);
		char line[512];

		snprintf(line, sizeof(line), _("%s; %s is its administrator.\n"),
		    c->a.opt[OPT_DEMO] ? _(" with the Đà Lạt demo") : "", c->s.me.login);
		out_lines(stdout, line);
	}
	return rc;
}

static enum rv_code
cmd_demo(struct cli *c)
{
	enum rv_code rc;

	if (access(c->db_path, F_OK) != 0) {
		if ((rc = create_db(c, 1)) != RV_OK)
			return rc;
		fputs(_("roviec: created the Đà Lạt demo in "), stderr);
		out_text(stderr, c->db_path);
		fputc('\n', stderr);
		model_person_free(&c->s.me);
	} else if ((rc = open_store(c, STORE_EXISTING)) != RV_OK) {
		return rc;
	}
	if ((rc = actor_resolve(&c->s, c->a.opt[OPT_AS], &c->err)) != RV_OK)
		return rc;
	return cmd_board(c);
}

/* A login as given: "me" is the acting person (lookup.h), wherever a
 * login is taken. */
static const char *
login_arg(const struct cli *c, const char *login)
{
	return login != NULL && strcasecmp(login, LOOKUP_ME) == 0 && c->s.me.login != NULL ?
	    c->s.me.login : login;
}

static enum rv_code
cmd_unit_add(struct cli *c)
{
	enum rv_code rc = org_unit_add(&c->s, c->a.pos[0], c->a.pos[1],
	    c->a.opt[OPT_PARENT], c->a.opt[OPT_KIND], login_arg(c, c->a.opt[OPT_HEAD]),
	    &c->err);

	if (rc == RV_OK) {
		fputs(_("Added unit "), stdout);
		for (const char *p = c->a.pos[0]; *p != '\0'; p++)
			putchar(toupper((unsigned char)*p));
		fputs(".\n", stdout);
	}
	return rc;
}

/* A table of units or people: words for people in a table, the stored
 * words in CSV. */
struct org_out {
	struct out_table *t;
	int shown;
};

static const char *
org_word(const struct org_out *o, const char *word)
{
	return o->shown ? i18n_word(word) : word;
}

static int
unit_row(const struct unit_row *row, void *arg)
{
	struct org_out *o = arg;
	char people[24], open[24];
	const char *cells[] = {
		row->unit->code, row->unit->name, org_word(o, model_kind_name(row->unit->kind)),
		row->parent_code, row->heads, people, open
	};

	snprintf(people, sizeof(people), "%lld", row->people);
	snprintf(open, sizeof(open), "%lld", row->open_duties);
	return out_table_add(o->t, cells) != 0;
}

/* --excel asks for CSV in the Excel form: it is the format when none is
 * given, and refused beside another one. */
static enum rv_code
excel_format(struct cli *c, enum out_format *f)
{
	if (c->a.opt[OPT_EXCEL] == NULL)
		return RV_OK;
	if (c->a.opt[OPT_FORMAT] != NULL && *f != OUT_CSV)
		return value_error(c, _("--excel writes CSV; leave out --format, or give --format csv, not"),
		    c->a.opt[OPT_FORMAT]);
	*f = OUT_CSV;
	return RV_OK;
}

static enum rv_code
table_format(struct cli *c, enum out_format *f)
{
	*f = OUT_TABLE;
	if (c->a.opt[OPT_FORMAT] != NULL && (out_format_parse(c->a.opt[OPT_FORMAT], f) != 0 ||
	    (*f != OUT_TABLE && *f != OUT_CSV)))
		return value_error(c, _("this command writes table or csv, not"), c->a.opt[OPT_FORMAT]);
	return excel_format(c, f);
}

static enum rv_code
cmd_unit_list(struct cli *c)
{
	static const char *const headers[] = {
		N_("code"), N_("name"), N_("kind"), N_("parent"), N_("heads"), N_("people"), N_("open")
	};
	struct out_table *t;
	enum out_format f;
	enum rv_code rc;

	if ((rc = table_format(c, &f)) != RV_OK)
		return rc;
	if ((t = out_table_new(7, headers, 1)) == NULL)
		return err_set(&c->err, RV_STORAGE, _("out of memory"));
	if ((rc = store_unit_list(c->s.st, unit_row, &(struct org_out){ t, f == OUT_TABLE },
	    &c->err)) == RV_OK)
		out_table_write(t, stdout, f);
	out_table_free(t);
	return rc;
}

/* Registered logins with no account on this machine yet (a warning; the
 * command succeeded): logins are checked ASCII, safe to print. */
static void
no_account_warning(long n, const char *logins)
{
	if (n == 1)
		fprintf(stderr, _("roviec: warning: this machine has no account %s yet; they cannot use roviec until the system administrator makes it (adduser)\n"),
		    logins);
	else
		fprintf(stderr, _("roviec: warning: this machine has no account yet for %ld of these logins: %s; they cannot use roviec until the system administrator makes them (adduser)\n"),
		    n, logins);
}

static int
head_login(rowid_t id, const char *login, void *arg)
{
	char *list = arg;
	size_t len = strlen(list);

	(void)id;
	snprintf(list + len, 512 - len, "%s%s", len ? ", " : "", login);
	return 0;
}

/* After a role is given: who heads the person's unit now (a unit may have
 * several heads, a chair and deputies; naming one never unseats another). */
static void
say_heads(struct cli *c, const char *login)
{
	struct person p = { 0 };
	struct unit u = { 0 };
	struct rv_err ignored;
	char list[512] = "", line[640];

	if (store_person_by_login(c->s.st, login, &p, &ignored) == RV_OK && p.unit_id != 0 &&
	    store_unit_by_id(c->s.st, p.unit_id, &u, &ignored) == RV_OK &&
	    store_unit_heads(c->s.st, u.id, head_login, list, &ignored) == RV_OK) {
		if (list[0] != '\0')
			/* TRANSLATORS: "P1's heads: head1, dep1." */
			snprintf(line, sizeof(line), _("%s's heads: %s.\n"), u.code, list);
		else
			snprintf(line, sizeof(line), _("%s has no head now; name one with roviec person set LOGIN --role head.\n"),
			    u.code);
		out_lines(stdout, line);
	}
	model_person_free(&p);
	model_unit_free(&u);
}

static enum rv_code
cmd_person_add(struct cli *c)
{
	enum rv_code rc = org_person_add(&c->s, c->a.pos[0], c->a.pos[1],
	    c->a.opt[OPT_UNIT], c->a.opt[OPT_ROLE], c->a.opt[OPT_MAIL], &c->err);

	if (rc == RV_OK) {
		printf(_("Added %s.\n"), c->a.pos[0]);
		if (c->a.opt[OPT_ROLE] != NULL && strcmp(c->a.opt[OPT_ROLE], "head") == 0)
			say_heads(c, c->a.pos[0]);
	}
	if (rc == RV_OK && !org_login_exists(c->a.pos[0]))
		no_account_warning(1, c->a.pos[0]);
	return rc;
}

static enum rv_code
cmd_person_set(struct cli *c)
{
	enum rv_code rc;

	const char *login = login_arg(c, c->a.pos[0]);

	if (c->a.opt[OPT_NAME] == NULL && c->a.opt[OPT_UNIT] == NULL &&
	    c->a.opt[OPT_ROLE] == NULL && c->a.opt[OPT_NEW_LOGIN] == NULL &&
	    c->a.opt[OPT_MAIL] == NULL)
		return usage_error(c, _("say what to change: --name, --unit, --role, --login or --mail"), NULL);
	rc = org_person_set(&c->s, login, c->a.opt[OPT_NAME], c->a.opt[OPT_UNIT],
	    c->a.opt[OPT_ROLE], c->a.opt[OPT_NEW_LOGIN], c->a.opt[OPT_MAIL], &c->err);
	if (rc == RV_OK) {
		/* The login now: the new one (checked ASCII by org.c). */
		if (c->a.opt[OPT_NEW_LOGIN] != NULL)
			login = c->a.opt[OPT_NEW_LOGIN];
		printf(_("Changed %s.\n"), login);
		if (c->a.opt[OPT_ROLE] != NULL || c->a.opt[OPT_UNIT] != NULL)
			say_heads(c, login);
		if (c->a.opt[OPT_NEW_LOGIN] != NULL && !org_login_exists(login))
			no_account_warning(1, login);
	}
	return rc;
}

/* unit set: name, parent, kind (issue #12). */
static enum rv_code
cmd_unit_set(struct cli *c)
{
	enum rv_code rc;
	struct unit u = { 0 };

	if (c->a.opt[OPT_NAME] == NULL && c->a.opt[OPT_PARENT] == NULL &&
	    c->a.opt[OPT_KIND] == NULL)
		return usage_error(c, _("say what to change: --name, --parent or --kind"), NULL);
	rc = org_unit_set(&c->s, c->a.pos[0], c->a.opt[OPT_NAME], c->a.opt[OPT_PARENT],
	    c->a.opt[OPT_KIND], &c->err);
	/* The code as stored (org.c checked the one given ASCII). */
	if (rc == RV_OK && store_unit_by_code(c->s.st, c->a.pos[0], &u, &c->err) == RV_OK)
		printf(_("Changed unit %s.\n"), u.code);
	model_unit_free(&u);
	return rc;
}

/* person leave (issue #12). */
static enum rv_code
cmd_person_leave(struct cli *c)
{
	struct person p = { 0 };
	const char *login = login_arg(c, c->a.pos[0]);
	enum rv_code rc = org_person_leave(&c->s, login, c->a.opt[OPT_REASON], &c->err);

	if (rc == RV_OK && store_person_by_login(c->s.st, login, &p, &c->err) == RV_OK) {
		/* TRANSLATORS: "off1 has left (2026-12-07); their history stays." */
		printf(_("%s has left (%s); their history and past work stay.\n"), p.login, p.left_on);
	}
	model_person_free(&p);
	return rc;
}

static int
person_row(const struct person_row *row, void *arg)
{
	struct org_out *o = arg;
	const char *cells[] = {
		row->person->login, row->person->full_name, row->unit_code,
		org_word(o, model_role_name(row->person->role)), row->is_head ? org_word(o, "yes") : "",
		row->person->left_on, row->mail
	};

	return out_table_add(o->t, cells) != 0;
}

static enum rv_code
cmd_person_list(struct cli *c)
{
	static const char *const headers[] = {
		N_("login"), N_("name"), N_("unit"), N_("role"), N_("head"), N_("left"),
		N_("mail")
	};
	struct unit u = { 0 };
	struct out_table *t;
	enum out_format f;
	enum rv_code rc;

	if ((rc = table_format(c, &f)) != RV_OK)
		return rc;
	if (c->a.opt[OPT_UNIT] != NULL &&
	    (rc = lookup_unit(&c->s, c->a.opt[OPT_UNIT], &u, &c->err)) != RV_OK)
		return rc;
	if ((t = out_table_new(7, headers, 1)) == NULL) {
		model_unit_free(&u);
		return err_set(&c->err, RV_STORAGE, _("out of memory"));
	}
	if ((rc = store_person_list(c->s.st, u.id, person_row,
	    &(struct org_out){ t, f == OUT_TABLE }, &c->err)) == RV_OK)
		out_table_write(t, stdout, f);
	out_table_free(t);
	model_unit_free(&u);
	return rc;
}

/* --- duties ------------------------------------------------------------ */

static enum rv_code
cmd_add(struct cli *c)
{
	struct duty_new in = { 0 };
	char ref[DUTY_REF_SIZE];
	char *parts[MAX_MULTI] = { 0 };
	enum rv_code rc;

	in.title = c->a.pos[0];
	in.lead = c->a.opt[OPT_LEAD];
	in.owner = c->a.opt[OPT_OWNER];
	in.due = c->a.opt[OPT_DUE];
	in.result = c->a.opt[OPT_RESULT];
	in.basis = c->a.opt[OPT_BASIS];
	in.field = c->a.opt[OPT_FIELD];
	in.note = c->a.opt[OPT_NOTE];
	in.every = c->a.opt[OPT_EVERY];
	in.day = c->a.opt[OPT_DAY];
	in.coefficient = c->a.opt[OPT_COEFFICIENT];
	for (int i = 0; i < c->a.nmulti[OPT_SUPPORT]; i++) {
		char *colon;

		if ((parts[i] = strdup(c->a.multi[OPT_SUPPORT][i])) == NULL)
			break;
		if ((colon = strchr(parts[i], ':')) != NULL) {
			*colon = '\0';
			in.support[i].part = colon + 1;
		}
		in.support[i].unit = parts[i];
		in.nsupport++;
	}
	rc = duty_create(&c->s, &in, ref, &c->err);
	if (rc == RV_OK) {
		/* Made of a unit's code, read from the database: inert. */
		out_text(stdout, ref);
		putchar('\n');
	}
	for (int i = 0; i < MAX_MULTI; i++)
		free(parts[i]);
	return rc;
}

struct list_out {
	enum out_format format;
	struct out_table *t;
	long long n;
	/* The flags as a table shows them, joined once for each set of
	 * flags met: a long list has a few sets, and joining them again for
	 * each of 45,000 rows was a twentieth of its time. */
	unsigned char joined[1u << FLAG_COUNT];
	char shown[1u << FLAG_COUNT][128];
};

static int
list_row(const struct duty_row *row, void *arg)
{
	struct list_out *lo = arg;
	char flags[128], handoffs[16];

	if (lo->format == OUT_JSON) {
		fputs(lo->n++ ? ",\n" : "\n", stdout);
		out_json(stdout, row->json);
		return 0;
	}
	/* The table is for people; CSV keeps the words of --flag. */
	if (lo->format == OUT_CSV) {
		flags_join(row->flags, " ", "", flags, sizeof(flags));
		snprintf(handoffs, sizeof(handoffs), "%d", row->handoffs);
		const char *cells[] = {
			row->ref, row->uuid, row->title, row->lead_code, row->owner_login,
			row->support, row->deadline, row->original_deadline, row->status,
			flags, handoffs, row->field, row->done_on, row->created_at
		};

		lo->n++;
		return out_table_add(lo->t, cells) != 0;
	} else {
		unsigned set = row->flags & ((1u << FLAG_COUNT) - 1);
		char day[11];
		const char *cells[] = {
			row->ref, dates_shown(row->deadline, day), i18n_status(row->status), row->lead_code,
			row->owner_login, row->title, lo->shown[set]
		};

		assert(row->flags == set);
		if (!lo->joined[set]) {
			flags_join_shown(set, ", ", lo->shown[set], sizeof(lo->shown[set]));
			lo->joined[set] = 1;
		}

		lo->n++;
		return out_table_add(lo->t, cells) != 0;
	}
}

/*
 * The days of --done-from/--done-to (ISO days, both included) and of
 * --created-from/--created-to (the UTC moments at which the local days
 * begin, the last one's next), into bounds and f; RV_REFUSED for a date
 * that is not one, or a period that ends before it starts.
 */
static enum rv_code
list_period(struct cli *c, struct duty_filter *f, char bounds[4][21])
{
	static const enum opt opts[4] = {
		OPT_DONE_FROM, OPT_DONE_TO, OPT_CREATED_FROM, OPT_CREATED_TO
	};
	const char **into[4] = { &f->done_from, &f->done_to, &f->created_from,
	    &f->created_to };
	day_t day[4];

	for (int i = 0; i < 4; i++) {
		const char *v = c->a.opt[opts[i]];
		struct rv_err e;

		if (v == NULL)
			continue;
		if (dates_parse(v, session_today(&c->s), &day[i], &e) != RV_OK)
			return err_set(&c->err, RV_REFUSED, "--%s: %s", options[opts[i]].name, e.msg);
		if (i < 2)
			dates_iso(day[i], bounds[i]);
		else
			dates_midnight_utc(day[i] + (i == 3), bounds[i]);
		*into[i] = bounds[i];
		if (i % 2 == 1 && c->a.opt[opts[i - 1]] != NULL && day[i] < day[i - 1])
			return err_set(&c->err, RV_REFUSED,
			    _("--%s is before --%s: the period ends before it starts"),
			    options[opts[i]].name, options[opts[i - 1]].name);
	}
	return RV_OK;
}

/* Whether a word typed is a word as tables show it, case, diacritics and
 * dashes aside ("sap-den-han" is "sắp đến hạn"). */
static int
shown_word_is(const char *typed, const char *shown)
{
	struct rv_err ignored;
	char *nfc = NULL, *a = NULL, *b = NULL;
	int same = 0;

	if (text_in_str(typed, "", 100, &nfc, &ignored) == RV_OK &&
	    (a = text_fold(nfc)) != NULL && (b = text_fold(shown)) != NULL) {
		for (char *p = a; *p != '\0'; p++)
			*p = *p == '-' ? ' ' : *p;
		for (char *p = b; *p != '\0'; p++)
			*p = *p == '-' ? ' ' : *p;
		same = a[0] != '\0' && strcmp(a, b) == 0;
	}
	free(nfc);
	free(a);
	free(b);
	return same;
}

/* A --status word: the word itself, or as the tables show it. */
static int
status_parse_any(const char *word, unsigned *bit)
{
	const char *name;

	if (store_status_parse(word, bit) == 0)
		return 0;
	for (int i = 0; (name = store_status_name(i)) != NULL; i++)
		if (shown_word_is(word, i18n_status(name)))
			return store_status_parse(name, bit);
	return -1;
}

/* A --flag word: the word itself, or as the tables show it. */
static int
flag_parse_any(const char *word, unsigned *bit)
{
	if (flags_parse(word, bit) == 0)
		return 0;
	for (int i = 0; i < FLAG_COUNT; i++)
		if (shown_word_is(word, flags_word_shown(1u << i))) {
			*bit = 1u << i;
			return 0;
		}
	return -1;
}

/* Fills a filter from the list options; RV_REFUSED for unknown names.
 * Units and people are named as lookup.h takes them (a code or a name; a
 * login, a name or "me"). */
static enum rv_code
list_filter(struct cli *c, struct duty_filter *f, struct unit *lead,
    struct unit *sup, struct person *owner, struct person *assigner,
    char **search, char bounds[4][21])
{
	struct args *a = &c->a;
	enum rv_code rc;

	memset(f, 0, sizeof(*f));
	if ((rc = list_period(c, f, bounds)) != RV_OK)
		return rc;
	for (int i = 0; i < a->nmulti[OPT_STATUS]; i++) {
		unsigned bit;

		if (status_parse_any(a->multi[OPT_STATUS][i], &bit) != 0)
			return value_error(c, _("--status is one of open pending submitted done cancelled, not"),
			    a->multi[OPT_STATUS][i]);
		f->statuses |= bit;
	}
	/* A period asks about duties whatever became of them since. */
	if (a->nmulti[OPT_STATUS] == 0 && a->opt[OPT_ALL] == NULL && f->done_from == NULL &&
	    f->done_to == NULL && f->created_from == NULL && f->created_to == NULL)
		f->statuses = STATUS_OPEN | STATUS_PENDING | STATUS_SUBMITTED;
	for (int i = 0; i < a->nmulti[OPT_FLAG]; i++) {
		unsigned bit;

		if (flag_parse_any(a->multi[OPT_FLAG][i], &bit) != 0)
			return value_error(c, _("--flag is one of bounced tossed escalated unanswered stalled overdue late due-soon, not"),
			    a->multi[OPT_FLAG][i]);
		f->flags |= bit;
	}
	if (a->opt[OPT_LIMIT] != NULL) {
		char *end;

		f->limit = strtoll(a->opt[OPT_LIMIT], &end, 10);
		if (*end != '\0' || f->limit <= 0)
			return value_error(c, _("--limit takes a positive number, not"), a->opt[OPT_LIMIT]);
	}
	if (a->opt[OPT_UNIT] != NULL) {
		if ((rc = lookup_unit(&c->s, a->opt[OPT_UNIT], lead, &c->err)) != RV_OK)
			return rc;
		f->lead_unit_id = lead->id;
	}
	if (a->opt[OPT_SUPPORTING] != NULL) {
		if ((rc = lookup_unit(&c->s, a->opt[OPT_SUPPORTING], sup, &c->err)) != RV_OK)
			return rc;
		f->support_unit_id = sup->id;
	}
	if (a->opt[OPT_OWNER] != NULL) {
		if ((rc = lookup_person(&c->s, a->opt[OPT_OWNER], owner, &c->err)) != RV_OK)
			return rc;
		f->owner_id = owner->id;
	}
	if (a->opt[OPT_ASSIGNER] != NULL) {
		if ((rc = lookup_person(&c->s, a->opt[OPT_ASSIGNER], assigner, &c->err)) != RV_OK)
			return rc;
		f->assigner_id = assigner->id;
	}
	if (a->opt[OPT_SEARCH] != NULL) {
		char *nfc;

		if ((rc = text_in_str(a->opt[OPT_SEARCH], _("the search"), 300, &nfc, &c->err)) != RV_OK)
			return rc;
		*search = text_fold(nfc);
		free(nfc);
		f->search = *search;
	}
	return RV_OK;
}

static enum rv_code
print_list(struct cli *c, struct duty_filter *f, enum out_format format)
{
	static const char *const table_headers[] = {
		N_("ref"), N_("deadline"), N_("status"), N_("lead"), N_("owner"), N_("title"), N_("flags")
	};
	static const char *const csv_headers[] = {
		"ref", "uuid", "title", "lead_unit", "owner", "support", "deadline",
		"original_deadline", "status", "flags", "handoffs", "field", "done_on",
		"created"
	};
	struct list_out lo = { .format = format };
	enum rv_code rc;

	if (format == OUT_CSV)
		lo.t = out_table_new(sizeof(csv_headers) / sizeof(csv_headers[0]), csv_headers, 2);
	else if (format != OUT_JSON && (lo.t = out_table_new(7, table_headers, 5)) != NULL)
		/* Never a flag cut on a terminal: the flags wrap. */
		out_table_wrap(lo.t, 6);
	if (format != OUT_JSON && lo.t == NULL)
		return err_set(&c->err, RV_STORAGE, _("out of memory"));
	if (format == OUT_JSON)
		fputs("[", stdout);
	rc = store_duty_list(c->s.st, f, format == OUT_JSON ? STORE_LIST_JSON :
	    format == OUT_CSV ? STORE_LIST_FULL : 0, list_row, &lo,
	    &c->err);
	if (format == OUT_JSON)
		fputs(lo.n ? "\n]\n" : "]\n", stdout);
	else if (rc == RV_OK)
		out_table_write(lo.t, stdout, format);
	out_table_free(lo.t);
	return rc;
}

static enum rv_code
cmd_list(struct cli *c)
{
	struct duty_filter f;
	struct unit lead = { 0 }, sup = { 0 };
	struct person owner = { 0 }, assigner = { 0 };
	char *search = NULL, bounds[4][21];
	enum out_format format = OUT_TABLE;
	enum rv_code rc;

	if (c->a.opt[OPT_FORMAT] != NULL &&
	    (out_format_parse(c->a.opt[OPT_FORMAT], &format) != 0 || format == OUT_TEXT))
		return value_error(c, _("--format is table, csv, json, tsv or md, not"),
		    c->a.opt[OPT_FORMAT]);
	if ((rc = excel_format(c, &format)) != RV_OK)
		return rc;
	if ((rc = list_filter(c, &f, &lead, &sup, &owner, &assigner, &search, bounds)) == RV_OK)
		rc = print_list(c, &f, format);
	free(search);
	model_unit_free(&lead);
	model_unit_free(&sup);
	model_person_free(&owner);
	model_person_free(&assigner);
	return rc;
}

/* The acting person's board: on a terminal the full-screen board;
 * otherwise (a pipe, a script, make run without a terminal) the open
 * duties of their unit, then those it supports, as tables. */
static enum rv_code
cmd_board(struct cli *c)
{
	struct duty_filter f = { 0 };
	struct unit u = { 0 };
	enum rv_code rc;

	if (tui_possible())
		return tui_run(&c->s, c->conf.colours, &c->err);
	if (c->s.me.unit_id == 0) {
		char line[512];

		snprintf(line, sizeof(line), _("You (%s) belong to no unit, so you have no board.\n"
		    "roviec list shows every open duty; roviec --help lists the commands.\n"),
		    c->s.me.login);
		out_lines(stdout, line);
		return RV_OK;
	}
	if ((rc = store_unit_by_id(c->s.st, c->s.me.unit_id, &u, &c->err)) != RV_OK)
		return rc;
	printf(_("Board of "));
	out_text(stdout, u.name);
	{
		char line[256];

		snprintf(line, sizeof(line), _(" (%s), as %s. Duties it leads:\n"), u.code,
		    c->s.me.login);
		out_lines(stdout, line);
	}
	f.statuses = STATUS_OPEN | STATUS_PENDING | STATUS_SUBMITTED;
	f.lead_unit_id = u.id;
	rc = print_list(c, &f, OUT_TABLE);
	if (rc == RV_OK) {
		printf(_("\nDuties it supports:\n"));
		f.lead_unit_id = 0;
		f.support_unit_id = u.id;
		rc = print_list(c, &f, OUT_TABLE);
	}
	model_unit_free(&u);
	return rc;
}

/* --- show -------------------------------------------------------------- */

/* What show prints as JSON, in memory until it is whole. */
struct show {
	struct cli *c;
	char *json;
};

static void
field_label(FILE *out, const char *label)
{
	/* Padded by display width: a Vietnamese label is wider in bytes. */
	char *cell = text_fit(label, 17, 1);

	fprintf(out, "  %s ", cell != NULL ? cell : label);
	free(cell);
}

static void
field_line(FILE *out, const char *label, const char *value)
{
	field_label(out, label);
	out_text(out, value != NULL ? value : "");
	fputc('\n', out);
}

/* The duty named by pos[0] as JSON, read in one snapshot. */
static enum rv_code
show_json(struct store *st, void *arg, struct rv_err *err)
{
	struct show *show = arg;
	struct duty d;
	enum rv_code rc;

	free(show->json);
	show->json = NULL;
	if ((rc = store_duty_by_ref(st, show->c->a.pos[0], &d, err)) != RV_OK)
		return rc;
	rc = store_duty_json(st, d.id, &show->json, err);
	model_duty_free(&d);
	return rc;
}

static enum rv_code
cmd_show(struct cli *c)
{
	enum out_format format = OUT_TEXT;
	struct show show = { c, NULL };
	struct duty_sheet sh;
	enum rv_code rc;

	if (c->a.opt[OPT_FORMAT] != NULL &&
	    (out_format_parse(c->a.opt[OPT_FORMAT], &format) != 0 ||
	    (format != OUT_TEXT && format != OUT_JSON)))
		return value_error(c, _("--format is text or json, not"), c->a.opt[OPT_FORMAT]);
	if (format == OUT_JSON) {
		if ((rc = store_read(c->s.st, show_json, &show, &c->err)) == RV_OK) {
			out_json(stdout, show.json);
			fputc('\n', stdout);
		}
		free(show.json);
		return rc;
	}
	/* The sheet is read whole first: a read retried on a busy database
	 * prints nothing twice. */
	if ((rc = sheet_read(&c->s, c->a.pos[0], &sh, &c->err)) != RV_OK)
		return rc;
	out_text(stdout, sh.ref);
	fputs("  ", stdout);
	out_text(stdout, sh.title);
	fputc('\n', stdout);
	for (size_t i = 0; i < sh.nfields; i++)
		field_line(stdout, sh.fields[i].label, sh.fields[i].value);
	fprintf(stdout, "  %s:\n", sheet_history_label());
	for (size_t i = 0; i < sh.nhistory; i++) {
		fputs("    ", stdout);
		out_text(stdout, sh.history[i].when);
		fputs("  ", stdout);
		out_text(stdout, sh.history[i].line);
		fputc('\n', stdout);
	}
	field_line(stdout, sheet_path_label(), sh.path);
	sheet_free(&sh);
	return RV_OK;
}

/* --- actions ----------------------------------------------------------- */

/* Any action of action.h: its arguments from the slots, in their order. */
static enum rv_code
cmd_action(struct cli *c)
{
	const struct action *a = action_find(c->cmd->name);
	const char *args[ACTION_SLOTS_MAX] = { NULL, NULL, NULL };
	char said[1200];
	int pos = 1;
	enum rv_code rc;

	assert(a != NULL);
	for (int i = 0; i < a->nslots; i++) {
		const struct action_slot *sl = &a->slot[i];

		args[i] = sl->option ? c->a.opt[opt_lookup(sl->name, strlen(sl->name), ~0ull)] :
		    c->a.pos[pos++];
	}
	if ((rc = action_run(&c->s, a, c->a.pos[0], args, said, sizeof(said),
	    &c->err)) == RV_OK) {
		out_text(stdout, said);
		putchar('\n');
	}
	return rc;
}

/* --- issue #11: corrections (the coefficient: issue #13) and series ------ */

static enum rv_code
cmd_edit(struct cli *c)
{
	struct duty_edit e = { 0 };
	char *parts[MAX_MULTI] = { 0 };
	enum rv_code rc;

	e.title = c->a.opt[OPT_TITLE];
	e.result = c->a.opt[OPT_RESULT];
	e.basis = c->a.opt[OPT_BASIS];
	e.support_given = c->a.nmulti[OPT_SUPPORT] > 0;
	e.coefficient = c->a.opt[OPT_COEFFICIENT];
	e.reason = c->a.opt[OPT_REASON];
	/* --support '' alone: no supporting unit left. */
	for (int i = 0; i < c->a.nmulti[OPT_SUPPORT]; i++) {
		char *colon;

		if (c->a.multi[OPT_SUPPORT][i][0] == '\0' && c->a.nmulti[OPT_SUPPORT] == 1)
			break;
		if ((parts[i] = strdup(c->a.multi[OPT_SUPPORT][i])) == NULL) {
			rc = err_set(&c->err, RV_STORAGE, _("out of memory"));
			goto out;
		}
		if ((colon = strchr(parts[i], ':')) != NULL) {
			*colon = '\0';
			e.support[i].part = colon + 1;
		}
		e.support[i].unit = parts[i];
		e.nsupport++;
	}
	if (e.title == NULL && e.result == NULL && e.basis == NULL && !e.support_given &&
	    e.coefficient == NULL) {
		rc = usage_error(c,
		    _("say what to correct: --title, --result, --basis, --support or --coefficient"),
		    NULL);
		goto out;
	}
	if ((rc = duty_edit(&c->s, c->a.pos[0], &e, &c->err)) == RV_OK) {
		out_text(stdout, c->a.pos[0]);
		fputs(_(": corrected; the history keeps the old and the new values\n"), stdout);
	}
out:
	for (int i = 0; i < MAX_MULTI; i++)
		free(parts[i]);
	return rc;
}

static enum rv_code
cmd_series_stop(struct cli *c)
{
	enum rv_code rc = duty_series_stop(&c->s, c->a.pos[0], c->a.opt[OPT_REASON], &c->err);

	if (rc == RV_OK) {
		out_text(stdout, c->a.pos[0]);
		fputs(_(": its series is stopped; no further duty will be made\n"), stdout);
	}
	return rc;
}

/* One line per duty made, on stdout; per series that could not go on,
 * one on stderr. */
static void
tick_said(const struct tick_event *ev, void *arg)
{
	char line[1400];

	(void)arg;
	if (ev->err == NULL)
		snprintf(line, sizeof(line), _("%s: made for %s (series %lld)"), ev->ref,
		    ev->period, ev->series);
	else
		snprintf(line, sizeof(line), _("roviec: series %lld: %s"), ev->series,
		    ev->err->msg);
	out_text(ev->err == NULL ? stdout : stderr, line);
	fputc('\n', ev->err == NULL ? stdout : stderr);
}

static enum rv_code
cmd_tick(struct cli *c)
{
	return duty_tick(&c->s, tick_said, NULL, &c->err);
}

/* --- import and export ------------------------------------------------ */

/* Imports a file of duties, units or people, printing each bad row's
 * problem (made inert) and, for people, the logins with no account. */
static enum rv_code
import_file(struct cli *c, enum import_what what)
{
	struct import_result res;
	enum rv_code rc = exchange_import(&c->s, what, c->a.pos[0], &res, &c->err);

	/* One line per bad row, each made inert. */
	for (char *line = res.problems, *nl; line != NULL && *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			nl = line + strlen(line) - 1;
		else
			*nl = '\0';
		out_text(stderr, line);
		fputc('\n', stderr);
	}
	if (rc == RV_OK && what == IMPORT_DUTIES)
		printf(_("Imported %ld dut%s.\n"), res.imported, res.imported == 1 ? "y" : "ies");
	else if (rc == RV_OK && what == IMPORT_UNITS)
		printf(_("Imported %ld unit%s.\n"), res.imported, res.imported == 1 ? "" : "s");
	else if (rc == RV_OK)
		printf(_("Imported %ld %s.\n"), res.imported, res.imported == 1 ? _("person") : _("people"));
	if (rc == RV_OK && res.nologin > 0)
		no_account_warning(res.nologin, res.nologins);
	if (rc == RV_OK && res.nohead > 0)
		fprintf(stderr, _("roviec: warning: %ld units' heads are not registered yet (%s); import the people next: those with the role head will head their units\n"),
		    res.nohead, res.noheads);
	exchange_result_free(&res);
	return rc;
}

static enum rv_code
cmd_import(struct cli *c)
{
	return import_file(c, IMPORT_DUTIES);
}

static enum rv_code
cmd_unit_import(struct cli *c)
{
	return import_file(c, IMPORT_UNITS);
}

static enum rv_code
cmd_person_import(struct cli *c)
{
	return import_file(c, IMPORT_PEOPLE);
}

static enum rv_code
cmd_export(struct cli *c)
{
	enum out_format format = OUT_CSV;

	enum rv_code rc;

	if (c->a.opt[OPT_FORMAT] != NULL &&
	    (out_format_parse(c->a.opt[OPT_FORMAT], &format) != 0 ||
	    (format != OUT_CSV && format != OUT_JSON)))
		return value_error(c, _("--format is csv or json, not"), c->a.opt[OPT_FORMAT]);
	if ((rc = excel_format(c, &format)) != RV_OK)
		return rc;
	return exchange_export(&c->s, format == OUT_JSON, stdout, &c->err);
}

/* --- main -------------------------------------------------------------- */

/* Whether a command changes the database. */
static int
writes(const struct command *cmd)
{
	return cmd->run != cmd_list && cmd->run != cmd_show && cmd->run != cmd_unit_list &&
	    cmd->run != cmd_person_list && cmd->run != cmd_board &&
	    cmd->run != cmd_export && cmd->run != cmd_brief && cmd->run != cmd_evaluate;
}

static void
cli_free(struct cli *c)
{
	store_close(c->s.st);
	model_person_free(&c->s.me);
	model_person_free(&c->s.via);
	config_free(&c->conf);
	free(c->db_path);
}

static enum rv_code
cli_run(struct cli *c, int argc, char **argv)
{
	struct rv_err conf_err;
	enum rv_code rc, conf_rc;

	/* The configuration first, for its language; a bad line is reported
	 * once the command line is known to be right. */
	conf_rc = config_load(&c->conf, &conf_err);
	if (conf_rc == RV_OK && c->conf.language[0] != '\0')
		i18n_set(c->conf.language);
	/* "Today" is the server's, the same for everyone, whatever TZ the
	 * caller has (issue 14). */
	if (conf_rc == RV_OK)
		conf_rc = config_apply_zone(&c->conf, &conf_err);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return RV_OK;
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("roviec %s\n", ROVIEC_VERSION);
			return RV_OK;
		}
	}
	if ((rc = parse_command(c, argc, argv)) != RV_OK)
		return rc;
	if (conf_rc != RV_OK) {
		c->err = conf_err;
		return conf_rc;
	}
	if (c->a.opt[OPT_EXCEL] != NULL && c->a.opt[OPT_NO_EXCEL] != NULL)
		return usage_error(c, _("--excel and --no-excel say opposite things; give one"), NULL);
	/* Every CSV of this run: the Excel form by --excel or the
	 * configuration; its separator by the configuration, else the one a
	 * spreadsheet in the user's language expects. */
	out_csv_set(c->a.opt[OPT_EXCEL] != NULL ||
	    (c->conf.excel && c->a.opt[OPT_NO_EXCEL] == NULL),
	    c->conf.excel_sep ? c->conf.excel_sep : i18n_vi() ? ';' : ',');
	c->s.rules = c->conf.rules;
	session_tick(&c->s);
	if ((rc = resolve_db(c)) != RV_OK)
		return rc;
	if (c->cmd->needs == NEEDS_ACTOR) {
		if ((rc = open_store(c, STORE_EXISTING)) != RV_OK ||
		    (rc = actor_resolve(&c->s, c->a.opt[OPT_AS], &c->err)) != RV_OK)
			return rc;
	}
	return c->cmd->run(c);
}

/* "unit" or "person" without one of its own words: says which there are. */
static enum rv_code
sub_error(struct cli *c, int argc, char **argv, int at)
{
	char subs[160] = "";
	const char *word = NULL;

	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].name != NULL && commands[i].sub != NULL &&
		    strcmp(commands[i].name, argv[at]) == 0)
			snprintf(subs + strlen(subs), sizeof(subs) - strlen(subs), "%s%s",
			    subs[0] != '\0' ? ", " : "", commands[i].sub);
	for (int i = at + 1; i < argc && word == NULL; i++)
		if (argv[i][0] != '-')
			word = argv[i];
	if (word == NULL)
		return err_set(&c->err, RV_USAGE,
		    _("%s needs one of its commands: %s; roviec --help shows their usage"), argv[at], subs);
	{
		char *safe = text_fit(word, 40, 0);

		err_set(&c->err, RV_USAGE,
		    _("%s has no command '%s'; its commands are %s; roviec --help shows their usage"),
		    argv[at], safe != NULL ? safe : "", subs);
		free(safe);
	}
	return RV_USAGE;
}

/* The command and its arguments, checked against the command table. */
static enum rv_code
parse_command(struct cli *c, int argc, char **argv)
{
	int at1, at2;
	enum rv_code rc;

	if ((c->cmd = find_command(argc, argv, &at1, &at2)) == NULL)
		return at1 >= 0 && (strcmp(argv[at1], "unit") == 0 ||
		    strcmp(argv[at1], "person") == 0) ? sub_error(c, argc, argv, at1) :
		    usage_error(c, _("unknown command"), argv[at1]);
	if ((rc = parse_args(c, argc, argv, c->cmd->opts, at1, at2)) != RV_OK)
		return rc;
	if (c->a.npos < c->cmd->min_pos)
		return usage_error(c, _("missing argument"), NULL);
	if (c->a.npos > c->cmd->max_pos)
		return usage_error(c, _("unexpected argument"), c->a.pos[c->cmd->max_pos]);
	return RV_OK;
}

enum rv_code
cli_parse(int argc, char **argv, struct rv_err *err)
{
	struct cli c;
	enum rv_code rc;

	memset(&c, 0, sizeof(c));
	rc = parse_command(&c, argc, argv);
	*err = c.err;
	return rc;
}

int
cli_main(int argc, char **argv)
{
	struct cli c;
	enum rv_code rc;

	memset(&c, 0, sizeof(c));
	rc = cli_run(&c, argc, argv);
	/* A write that failed before the end (a table is set in blocks, each
	 * handed to stdio whole and written at once) leaves the error, not
	 * the bytes, for fflush to find. */
	if ((fflush(stdout) != 0 || ferror(stdout)) && rc == RV_OK) {
		/* An action is committed by now: say so rather than fail, so that a
		 * script does not do it twice.  A read that could not be written
		 * is a failure. */
		if (c.cmd != NULL && writes(c.cmd))
			fputs(_("roviec: the action was saved, but its output could not be written\n"),
			    stderr);
		else
			rc = err_set(&c.err, RV_STORAGE, _("cannot write the output"));
	}
	if (rc != RV_OK) {
		fputs(_("roviec: "), stderr);
		out_text(stderr, c.err.msg);
		fputc('\n', stderr);
	}
	cli_free(&c);
	return (int)rc;
}

/* --- verify ------------------------------------------------------------ */

static void
verify_fault(struct cli *c, const struct chain_result *r)
{
	char where[200], when[17];

	snprintf(where, sizeof(where), _("entry %lld (%s%s%s, %s)"), r->bad_id,
	    r->bad_ref[0] ? r->bad_ref : _("no duty"), r->bad_ref[0] ? " " : ", ",
	    history_word_shown(r->bad_action), dates_moment_shown(r->bad_at, when));
	switch (r->problem) {
	case CHAIN_MISSING:
		if (r->missing_from == r->bad_id - 1)
			err_set(&c->err, RV_REFUSED, _("the history was altered: entry %lld, "
			    "before %s, is missing: it was removed outside roviec"),
			    r->missing_from, where);
		else
			err_set(&c->err, RV_REFUSED, _("the history was altered: entries "
			    "%lld to %lld, before %s, are missing: they were removed outside roviec"),
			    r->missing_from, r->bad_id - 1, where);
		break;
	case CHAIN_UNHASHED:
		err_set(&c->err, RV_REFUSED, _("the history was altered: %s has no hash: "
		    "it was written outside roviec"), where);
		break;
	case CHAIN_UNSEALED:
		err_set(&c->err, RV_REFUSED, _("the history was altered: %s has no seal: "
		    "it was written outside roviec"), where);
		break;
	case CHAIN_FORGED:
		err_set(&c->err, RV_REFUSED, _("the history was altered: %s is not sealed "
		    "with the ledger's key: it was written, or rehashed, outside roviec"), where);
		break;
	default:
		err_set(&c->err, RV_REFUSED, _("the history was altered: %s does not "
		    "match its hash: it was changed, or inserted, outside roviec"), where);
		break;
	}
}

/* A value verify found: a status or a day as people read it. */
static const char *
finding_value(const char *what, const char *v, char buf[11])
{
	const char *word = what != NULL ? strchr(what, '\004') + 1 : "";
	static const char *const days[] = {
		"deadline", "original deadline", "day it was done", "day it was closed",
		"last progress", "day proposed", "new deadline", "day delivered",
		"left on"	/* issue #12 */
	};

	if (strcmp(word, "status") == 0)
		return i18n_status(v);
	/* Numbers with hundredths, with a decimal comma in Vietnamese. */
	if ((strcmp(word, "general criteria") == 0 ||
	    strcmp(word, "conversion coefficient") == 0) && strlen(v) < 11) {
		snprintf(buf, 11, "%s", v);
		return i18n_decimal(buf);
	}
	if (strcmp(word, "role") == 0 || strcmp(word, "kind") == 0)
		return i18n_word(v);
	for (size_t i = 0; i < sizeof(days) / sizeof(days[0]); i++)
		if (strcmp(word, days[i]) == 0)
			return dates_shown(v, buf);
	return v;
}

/* What a finding is about: the field, and the row of the duty it is in. */
static const char *
finding_what(const struct replay_finding *f, char *buf, size_t size)
{
	const char *what = i18n_ctx(f->what);

	switch (f->part) {
	case PART_PROPOSAL:
		/* TRANSLATORS: "receiving unit of proposal 2". */
		snprintf(buf, size, _("%s of proposal %d"), what, f->nth);
		return buf;
	case PART_EXTENSION:
		snprintf(buf, size, _("%s of extension request %d"), what, f->nth);
		return buf;
	case PART_NOTE:
		snprintf(buf, size, _("%s of progress note %d"), what, f->nth);
		return buf;
	case PART_SUPPORT:
		/* TRANSLATORS: "day delivered of P2's part". */
		snprintf(buf, size, _("%s of %s's part"), what, f->unit);
		return buf;
	case PART_UNDO:
		/* TRANSLATORS: "deadline put back by an undo": an undo put
		 * back what the duty did not hold before the action undone. */
		snprintf(buf, size, _("%s put back by an undo"), what);
		return buf;
	case PART_EVALUATION:
		/* TRANSLATORS: "cohesion of the evaluation for 2026-11" (the
		 * general criteria a head entered, Decree 335/2025). */
		snprintf(buf, size, _("%s of the evaluation for %s"), what, f->period);
		return buf;
	default:
		return what;
	}
}

/* One finding of verify as a sentence. */
static void
finding_text(const struct replay_finding *f, char *out, size_t size)
{
	/* The words for what a row is. */
	const char *of = f->of == REPLAY_DUTY ? _("duty") : f->of == REPLAY_PERSON ?
	    _("person") : f->of == REPLAY_UNIT ? _("unit") : f->of == REPLAY_SERIES ?
	    /* TRANSLATORS: a series of recurring duties, named by number:
	     * "series 3 holds owner ...". */
	    _("series") : _("entry");
	char what[256], v1[11], v2[11];

	switch (f->how) {
	case REPLAY_DIFFERS:
		/* TRANSLATORS: "duty P1-0002 holds status 'submitted' where its
		 * history says 'open'"; "person off1 holds role ...". */
		snprintf(out, size, _("%s %s holds %s '%s' where its history says '%s'"), of,
		    f->name, finding_what(f, what, sizeof(what)),
		    finding_value(f->what, f->stored, v1), finding_value(f->what, f->history, v2));
		break;
	case REPLAY_NOT_STORED:
		snprintf(out, size, _("%s %s is in the history but not in the database: it was "
		    "removed outside roviec"), of, f->name);
		break;
	case REPLAY_NOT_IN_HISTORY:
		snprintf(out, size, _("%s %s is in the database but not in the history: it was "
		    "written outside roviec"), of, f->name);
		break;
	case REPLAY_UNKNOWN_ACTION:
		snprintf(out, size, _("entry %lld (%s %s) records the action '%s', which this "
		    "roviec does not know: it was written outside roviec, or by a newer one"),
		    f->entry, of, f->name, f->stored);
		break;
	default:
		snprintf(out, size, _("entry %lld (%s %s) cannot be replayed: %s"), f->entry, of,
		    f->name, _(f->stored));
		break;
	}
}

/* verify's findings, in memory until the read is whole. */
struct findings {
	FILE *out;
	char *text;
	size_t size;
	char first[1024];
	long long n;
};

static int
finding_out(const struct replay_finding *f, void *arg)
{
	struct findings *fs = arg;
	char line[1024];

	if (f == NULL) {	/* the read starts again */
		if (fs->out != NULL)
			fclose(fs->out);
		free(fs->text);
		fs->text = NULL;
		fs->n = 0;
		fs->first[0] = '\0';
		fs->out = open_memstream(&fs->text, &fs->size);
		return 0;
	}
	finding_text(f, line, sizeof(line));
	if (fs->n++ == 0)
		snprintf(fs->first, sizeof(fs->first), "%s", line);
	if (fs->out != NULL) {
		out_text(fs->out, line);
		fputc('\n', fs->out);
	}
	return 0;
}

/* Appends to c's message how many rows disagree with the history. */
static void
findings_tail(struct cli *c, long long n)
{
	size_t len = strlen(c->err.msg);

	if (n > 0)
		snprintf(c->err.msg + len, sizeof(c->err.msg) - len,
		    _("; %lld rows of the database disagree with the history (listed on standard output)"),
		    n);
}

static enum rv_code
cmd_verify(struct cli *c)
{
	const char *noted = c->a.pos[0];
	struct chain_result r;
	struct findings fs = { 0 };
	long long n = 0;
	char head[CHAIN_HEX_SIZE];
	enum rv_code rc;

	if (noted != NULL && !chain_is_hex(noted))
		return value_error(c, _("a noted head is 16 to 64 hexadecimal digits, not"), noted);
	rc = verify_ledger(c->s.st, noted, &r, finding_out, &fs, &n, &c->err);
	if (fs.out != NULL)
		fclose(fs.out);
	if (rc == RV_OK && fs.text != NULL)
		fwrite(fs.text, 1, fs.size, stdout);
	free(fs.text);
	if (rc != RV_OK)
		return rc;
	/* The head as stored is outside text too. */
	snprintf(head, sizeof(head), "%s", r.head);
	for (char *p = head; *p != '\0'; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			*p = '?';
	if (r.problem != CHAIN_INTACT && r.problem != CHAIN_NOTED_GONE) {
		verify_fault(c, &r);
		if (r.head_id > 0) {
			size_t len = strlen(c->err.msg);

			snprintf(c->err.msg + len, sizeof(c->err.msg) - len,
			    _("; the entries before it are intact up to entry %lld, hash %s"),
			    r.head_id, head);
		}
		findings_tail(c, n);
		return RV_REFUSED;
	}
	if (n > 0) {
		err_set(&c->err, RV_REFUSED, _("the database was altered: %s (the history itself "
		    "chains intact to entry %lld, hash %s)"), fs.first, r.head_id, head);
		if (r.problem == CHAIN_NOTED_GONE) {
			size_t len = strlen(c->err.msg);

			snprintf(c->err.msg + len, sizeof(c->err.msg) - len,
			    _("; and the noted head %s is not in the history: entries were "
			    "removed or rewritten since it was noted"), noted);
		}
		if (n > 1)
			findings_tail(c, n);
		return RV_REFUSED;
	}
	if (r.problem == CHAIN_NOTED_GONE)
		return err_set(&c->err, RV_REFUSED, _("the noted head %s is not in the "
		    "history: entries were removed or rewritten since it was noted "
		    "(the history as it stands chains intact to entry %lld, hash %s)"),
		    noted, r.head_id, head[0] ? head : "none");
	if (r.head_id == 0) {
		printf(_("The history is empty.\n"));
		return RV_OK;
	}
	printf(_("The history is intact: %lld entries, each chained to the one before and "
	    "sealed; the database holds what it says.\n"), r.entries);
	printf(_("Head: %s\n      entry %lld, %s\n"), head, r.head_id,
	    dates_moment_shown(r.head_at, (char[17]){ 0 }));
	if (noted != NULL)
		printf(_("The noted head %s is entry %lld; %lld entries were added since.\n"),
		    noted, r.noted_id, r.head_id - r.noted_id);
	return RV_OK;
}

/* --- report ------------------------------------------------------------ */

struct report_out {
	enum out_format format;
	int by_person;
	struct out_table *duties, *handling, *support;	/* table, or csv in duties */
	struct report_meta *meta;
	char *json;
	size_t json_len;
	FILE *js;
	long long n;
	const char **csv_headers, **duty_headers, **handling_headers,
	    **support_headers;
	int failed;
};

/* (Re)starts the output: a retried read must not add its rows twice. */
static void
report_out_start(void *arg)
{
	struct report_out *o = arg;

	out_table_free(o->duties);
	out_table_free(o->handling);
	out_table_free(o->support);
	o->duties = o->handling = o->support = NULL;
	if (o->js != NULL)
		fclose(o->js);
	free(o->json);
	o->json = NULL;
	o->js = NULL;
	o->n = 0;
	if (o->format == OUT_CSV)
		o->duties = out_table_new(25, o->csv_headers, 1);
	else if (o->format != OUT_JSON) {
		o->duties = out_table_new(8, o->duty_headers, 1);
		o->handling = out_table_new(8, o->handling_headers, 0);
		o->support = out_table_new(6, o->support_headers, 0);
	} else
		o->js = open_memstream(&o->json, &o->json_len);
	o->failed = (o->format == OUT_JSON && o->js == NULL) ||
	    (o->format != OUT_JSON && o->duties == NULL) ||
	    (o->format != OUT_JSON && o->format != OUT_CSV &&
	    (o->handling == NULL || o->support == NULL));
}

static void
fmt_ll(char *buf, size_t size, long long v)
{
	snprintf(buf, size, "%lld", v);
}

static int
report_row_out(const struct report_row *r, void *arg)
{
	struct report_out *o = arg;
	char n[20][24], rate[16] = "", avg[16] = "";
	const long long v[] = {
		r->assigned, r->on_time, r->late, r->open_in_time, r->open_overdue,
		r->bounced, r->tossed, r->escalated, r->stalled, r->extensions,
		r->days_added, r->returns, r->parts, r->delivered,
		r->delivered_in_time, r->owed_overdue
	};

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		fmt_ll(n[i], sizeof(n[i]), v[i]);
	if (r->has_rate)
		snprintf(rate, sizeof(rate), "%.1f", r->rate);
	if (r->has_avg)
		snprintf(avg, sizeof(avg), "%.1f", r->avg_days);
	if (o->format == OUT_JSON) {
		fputs(o->n++ ? ",\n" : "\n", o->js);
		fputs(r->json, o->js);
		return 0;
	}
	if (o->format == OUT_CSV) {
		const char *cells[] = {
			r->key, r->name, r->unit, n[0], n[1], n[2], n[3], n[4], rate,
			n[5], n[6], n[7], n[8], n[9], n[10], n[11],
			r->has_support ? n[12] : "", r->has_support ? n[13] : "",
			r->has_support ? n[14] : "", r->has_support ? n[15] : "", avg,
			o->meta->from, o->meta->to, o->meta->as_of, o->meta->head
		};

		return (o->failed = out_table_add(o->duties, cells) != 0);
	}
	if (!r->has_rate)
		snprintf(rate, sizeof(rate), "-");
	else
		snprintf(rate, sizeof(rate), "%.1f%%", r->rate);
	i18n_decimal(rate);
	i18n_decimal(avg);
	{
		const char *cells[] = {
			r->key, r->name, n[0], n[1], n[2], n[3], n[4], rate
		};
		const char *handling[] = {
			r->key, n[5], n[6], n[7], n[8], n[9], n[10], n[11]
		};

		if (out_table_add(o->duties, cells) != 0 ||
		    out_table_add(o->handling, handling) != 0)
			return (o->failed = 1);
	}
	if (r->has_support && r->parts > 0) {
		const char *support[] = {
			r->key, n[12], n[13], n[14], n[15], r->has_avg ? avg : "-"
		};

		return (o->failed = out_table_add(o->support, support) != 0);
	}
	return 0;
}

/* A title above a table: a heading in Markdown, a line otherwise. */
static void
report_title(const struct report_out *o, const char *title)
{
	printf(o->format == OUT_MD ? "\n### %s\n\n" : "\n%s\n\n", title);
}

/* The report for people: aligned tables, or the same for pasting into
 * Word or Excel (tsv, md). */
static void
report_table_write(struct report_out *o)
{
	const struct report_meta *m = o->meta;
	char from[11], to[11], as_of[11];
	day_t d;

	/* The period the Vietnamese way, as people read it in a report. */
	dates_from_iso(m->from, &d);
	dates_vn(d, from);
	dates_from_iso(m->to, &d);
	dates_vn(d, to);
	dates_from_iso(m->as_of, &d);
	dates_vn(d, as_of);
	printf(_("Duties by %s, %s to %s (states on %s; deadlines as first set)\n\n"),
	    o->by_person ? _("person") : _("unit"), from, to, as_of);
	out_table_write(o->duties, stdout, o->format);
	report_title(o, _("How the work was handled"));
	out_table_write(o->handling, stdout, o->format);
	if (!o->by_person) {
		report_title(o, _("As a supporting unit"));
		out_table_write(o->support, stdout, o->format);
	}
	char line[512];

	/* The head is read from the database: outside text, shown inert. */
	if (m->head_id > 0)
		snprintf(line, sizeof(line),
		    _("\nMade %s at history entry %lld, head %s\n(roviec verify %s checks it later).\n"),
		    dates_moment_shown(m->made_at, (char[17]){ 0 }), m->head_id, m->head, m->head);
	else
		snprintf(line, sizeof(line), _("\nMade %s; the history is empty.\n"),
		    dates_moment_shown(m->made_at, (char[17]){ 0 }));
	out_lines(stdout, line);
}

static enum rv_code
cmd_report(struct cli *c)
{
	const char *csv_headers[] = {
		"key", "name", "person_unit", "assigned", "on_time", "late", "open_in_time",
		"open_overdue", "on_time_rate", "bounced", "tossed", "escalated",
		"stalled", "extensions", "days_added", "returns", "support_parts",
		"support_delivered", "support_delivered_in_time",
		"support_owed_overdue", "support_avg_days", "from", "to", "as_of",
		"history_head"
	};
	const char *duty_headers[] = {
		"", N_("name"), N_("assigned"), N_("on time"), N_("late"), N_("open"),
		N_("overdue"), N_("on-time rate")
	};
	const char *handling_headers[] = {
		"", N_("bounced"), N_("tossed"), N_("escalated"), N_("stalled"),
		N_("extensions"), N_("days added"), N_("returns")
	};
	const char *support_headers[] = {
		N_("unit"), N_("parts"), N_("delivered"), N_("in time"), N_("owed, overdue"),
		N_("avg days")
	};
	struct report_query q = { 0 };
	struct report_meta meta;
	struct report_out o = { .meta = &meta };
	const char *by = c->a.opt[OPT_BY];
	enum rv_code rc;

	o.format = OUT_TABLE;
	if (c->a.opt[OPT_FORMAT] != NULL &&
	    (out_format_parse(c->a.opt[OPT_FORMAT], &o.format) != 0 || o.format == OUT_TEXT))
		return value_error(c, _("the report is written as table, csv, json, tsv or md, not"),
		    c->a.opt[OPT_FORMAT]);
	if ((rc = excel_format(c, &o.format)) != RV_OK)
		return rc;
	if (by != NULL && strcmp(by, "unit") != 0 && strcmp(by, "person") != 0)
		return value_error(c, _("--by takes unit or person, not"), by);
	o.by_person = q.by_person = by != NULL && strcmp(by, "person") == 0;
	q.from = c->a.opt[OPT_FROM];
	q.to = c->a.opt[OPT_TO];
	q.unit = c->a.opt[OPT_UNIT];
	duty_headers[0] = handling_headers[0] = csv_headers[0] =
	    o.by_person ? "login" : "unit";

	o.csv_headers = csv_headers;
	o.duty_headers = duty_headers;
	o.handling_headers = handling_headers;
	o.support_headers = support_headers;
	q.restart = report_out_start;
	report_out_start(&o);
	if (o.failed) {
		rc = err_set(&c->err, RV_STORAGE, _("out of memory"));
		goto done;
	}
	if ((rc = report_run(&c->s, &q, &meta, report_row_out, &o, &c->err)) != RV_OK)
		goto done;
	if (o.failed) {
		rc = err_set(&c->err, RV_STORAGE, _("out of memory"));
		goto done;
	}
	if (o.format == OUT_JSON) {
		fputs(o.n ? "\n]\n" : "]\n", o.js);
		fclose(o.js);
		o.js = NULL;
		fputs("[", stdout);
		out_json(stdout, o.json);
	} else if (o.format == OUT_CSV)
		out_table_write(o.duties, stdout, OUT_CSV);
	else
		report_table_write(&o);
done:
	if (o.js != NULL)
		fclose(o.js);
	free(o.json);
	out_table_free(o.duties);
	out_table_free(o.handling);
	out_table_free(o.support);
	return rc;
}

/* --- backup ------------------------------------------------------------ */

static enum rv_code
cmd_backup(struct cli *c)
{
	struct backup_info info;
	enum rv_code rc = org_backup(&c->s, c->a.pos[0], &info, &c->err);

	if (rc != RV_OK)
		return rc;
	char line[512];

	printf(_("Backed up to "));
	out_text(stdout, c->a.pos[0]);
	/* The head is read from the copy: outside text, shown inert. */
	if (info.head[0])
		snprintf(line, sizeof(line), _(": %lld duties, %lld history entries, head %s.\n"),
		    info.duties, info.entries, info.head);
	else
		snprintf(line, sizeof(line), _(": %lld duties, %lld history entries.\n"),
		    info.duties, info.entries);
	out_lines(stdout, line);
	return RV_OK;
}

/* --- graph ------------------------------------------------------------- */

static void
graph_text(const struct graph *g)
{
	const char *h1[] = { N_("from"), N_("to"), N_("proposed"), N_("accepted"),
	    N_("rejected"), N_("transfers"), N_("escalations"), N_("returns") };
	const char *h2[] = { N_("units"), N_("there"), N_("back"), N_("bounced") };
	const char *h3[] = { N_("unit"), N_("name"), N_("escalations") };
	struct out_table *t;
	char n[8][24];
	char from[11], to[11], day[11];

	snprintf(to, sizeof(to), "%s", dates_shown(g->to, day));
	snprintf(from, sizeof(from), "%s", strcmp(g->from, "0001-01-01") == 0 ? "" : g->from);
	if (from[0] != '\0') {
		char f[11];

		snprintf(from, sizeof(from), "%s", dates_shown(g->from, f));
		printf(_("Handoffs proposed from %s to %s\n\n"), from, to);
	} else
		printf(_("Handoffs proposed up to %s\n\n"), to);
	if (g->nlinks == 0) {
		printf(_("No handoff was proposed in this period.\n"));
		return;
	}
	if ((t = out_table_new(8, h1, 0)) != NULL) {
		for (size_t i = 0; i < g->nlinks; i++) {
			const struct graph_link *l = &g->links[i];
			const long long v[] = { l->proposed, l->accepted, l->rejected,
			    l->transfers, l->escalations, l->returns };
			const char *cells[8];

			for (int k = 0; k < 6; k++)
				fmt_ll(n[k], sizeof(n[k]), v[k]);
			cells[0] = l->from;
			cells[1] = l->to;
			for (int k = 0; k < 6; k++)
				cells[2 + k] = n[k];
			out_table_add(t, cells);
		}
		out_table_write(t, stdout, OUT_TABLE);
		out_table_free(t);
	}
	printf(_("\nPairs that pass work back and forth, most first\n\n"));
	if (g->npairs == 0)
		printf(_("None.\n"));
	else if ((t = out_table_new(4, h2, 0)) != NULL) {
		for (size_t i = 0; i < g->npairs; i++) {
			const struct graph_pair *p = &g->pairs[i];
			char pair[80];
			const char *cells[4];
			long long least = p->there->proposed < p->back->proposed ?
			    p->there->proposed : p->back->proposed;

			snprintf(pair, sizeof(pair), "%s ⇄ %s", p->there->from, p->there->to);
			fmt_ll(n[0], sizeof(n[0]), p->there->proposed);
			fmt_ll(n[1], sizeof(n[1]), p->back->proposed);
			fmt_ll(n[2], sizeof(n[2]), least);
			cells[0] = pair;
			cells[1] = n[0];
			cells[2] = n[1];
			cells[3] = n[2];
			out_table_add(t, cells);
		}
		out_table_write(t, stdout, OUT_TABLE);
		out_table_free(t);
	}
	printf(_("\nUnits that escalate most\n\n"));
	if (g->nescalators == 0)
		printf(_("None.\n"));
	else if ((t = out_table_new(3, h3, 1)) != NULL) {
		for (size_t i = 0; i < g->nescalators; i++) {
			const char *cells[3];

			fmt_ll(n[0], sizeof(n[0]), g->escalators[i].escalations);
			cells[0] = g->escalators[i].code;
			cells[1] = g->escalators[i].name;
			cells[2] = n[0];
			out_table_add(t, cells);
		}
		out_table_write(t, stdout, OUT_TABLE);
		out_table_free(t);
	}
}

/* A DOT string: quoted, with quotes and backslashes escaped, and the text
 * made inert first (no control character reaches the file). */
static void
dot_text(const char *s)
{
	char *safe = text_sanitize(s != NULL ? s : "");

	for (const char *p = safe != NULL ? safe : ""; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			putchar('\\');
		putchar(*p);
	}
	free(safe);
}

static void
dot_string(const char *s)
{
	putchar('"');
	dot_text(s);
	putchar('"');
}

static void
graph_dot(const struct graph *g)
{
	printf("digraph roviec {\n\trankdir=LR;\n\tnode [shape=box, fontname=\"DejaVu Sans\"];\n"
	    "\tedge [fontname=\"DejaVu Sans\"];\n");
	/* Each unit once, labelled with its code and name. */
	for (size_t i = 0; i < g->nlinks; i++)
		for (int side = 0; side < 2; side++) {
			const char *code = side ? g->links[i].to : g->links[i].from;
			const char *name = side ? g->links[i].to_name : g->links[i].from_name;
			int seen = 0;

			for (size_t j = 0; j < i && !seen; j++)
				seen = strcmp(g->links[j].from, code) == 0 ||
				    strcmp(g->links[j].to, code) == 0;
			if (side == 1 && strcmp(g->links[i].from, code) == 0)
				seen = 1;
			if (seen)
				continue;
			putchar('\t');
			dot_string(code);
			/* DOT's own line break between the code and the name. */
			printf(" [label=\"");
			dot_text(code);
			printf("\\n");
			dot_text(name);
			printf("\"];\n");
		}
	for (size_t i = 0; i < g->nlinks; i++) {
		const struct graph_link *l = &g->links[i];
		int back = 0;
		char label[128];

		for (size_t j = 0; j < g->npairs; j++)
			back |= g->pairs[j].there == l || g->pairs[j].back == l;
		snprintf(label, sizeof(label), "%lld", l->proposed);
		putchar('\t');
		dot_string(l->from);
		printf(" -> ");
		dot_string(l->to);
		printf(" [label=");
		dot_string(label);
		printf(", penwidth=%.1f%s%s];\n", 1.0 + (l->proposed > 9 ? 9 : (double)l->proposed) / 2,
		    l->escalations == l->proposed ? ", style=dashed" : "",
		    back ? ", color=red" : "");
	}
	printf("}\n");
}

static enum rv_code
cmd_graph(struct cli *c)
{
	const char *format = c->a.opt[OPT_FORMAT];
	struct graph g;
	enum rv_code rc;

	if (format != NULL && strcmp(format, "text") != 0 && strcmp(format, "dot") != 0)
		return value_error(c, _("the graph is written as text or dot, not"), format);
	if ((rc = graph_load(&c->s, c->a.opt[OPT_FROM], c->a.opt[OPT_TO], &g, &c->err)) != RV_OK)
		return rc;
	if (format != NULL && strcmp(format, "dot") == 0)
		graph_dot(&g);
	else
		graph_text(&g);
	graph_free(&g);
	return RV_OK;
}

/* --- evaluate (issue #13): Decree 335/2025/NĐ-CP --------------------------- */

static enum rv_code
cmd_evaluate_set(struct cli *c)
{
	struct eval_set in = {
		.login = c->a.pos[0], .period = c->a.opt[OPT_PERIOD],
		.general = c->a.opt[OPT_GENERAL], .cohesion = c->a.opt[OPT_COHESION],
		.reason = c->a.opt[OPT_REASON],
	};
	enum rv_code rc;

	if (in.period == NULL || in.general == NULL)
		return usage_error(c, _("give the period and the general criteria (--period, --general)"),
		    NULL);
	if ((rc = eval_set(&c->s, &in, &c->err)) == RV_OK) {
		out_text(stdout, in.login);
		fputs(_(": general criteria entered for "), stdout);
		out_text(stdout, in.period);
		fputs(".\n", stdout);
	}
	return rc;
}

/* A share in percent (hundredths) as "83.33%", for people. */
static const char *
eval_pct(long v, char buf[DECIMAL_SIZE + 1])
{
	char n[DECIMAL_SIZE];

	snprintf(buf, DECIMAL_SIZE + 1, "%s%%", decimal_format2(v, n));
	return i18n_decimal(buf);
}

/* Points (hundredths) as "61.83", for people; "-" when not known. */
static const char *
eval_points(int known, long v, char buf[DECIMAL_SIZE])
{
	if (!known)
		return "-";
	return i18n_decimal(decimal_format2(v, buf));
}

static const char *const roman[] = { "", "I", "II", "III", "IV" };

/* The period as people read it: "month 05/2026", "quarter II/2026",
 * "year 2026". */
static const char *
eval_period_title(const struct eval_period *p, char *buf, size_t size)
{
	if (p->kind == EVAL_MONTH)
		snprintf(buf, size, _("month %02d/%d"), p->n, p->year);
	else if (p->kind == EVAL_QUARTER)
		snprintf(buf, size, _("quarter %s/%d"), roman[p->n], p->year);
	else
		snprintf(buf, size, _("year %d"), p->year);
	return buf;
}

/* A login or a reference (printable ASCII, as the schema and the rules
 * make them) as is; anything else made inert.  A city's year prints some
 * 400,000 of them. */
static void
eval_word(const char *s)
{
	for (const char *p = s; *p != '\0'; p++)
		if (*p < 0x20 || *p > 0x7e) {
			out_text(stdout, s);
			return;
		}
	fputs(s, stdout);
}

/* What a deduction is, as people read it. */
static const char *
eval_item_what(const struct eval_item *x, char *buf, size_t size)
{
	if (x->kind == EVAL_QUALITY)
		snprintf(buf, size, ngettext("quality: sent back %d time",
		    "quality: sent back %d times", (unsigned long)x->times), x->times);
	else
		snprintf(buf, size, ngettext("progress: %d deadline missed",
		    "progress: %d deadlines missed", (unsigned long)x->times), x->times);
	return buf;
}

/* The deductions as aligned columns, written straight out: not to a
 * terminal (which gets out_table's cutting), so that the city's year is
 * not measured cell by cell.  Logins and references are ASCII; the words
 * of a deduction are measured once per kind and count. */
static void
eval_items_write(const struct eval_result *r, const char *const *headers)
{
	size_t w[5] = { 0 }, ww[2][17] = { { 0 } };
	char what[96], off[DECIMAL_SIZE + 1];

	for (int c = 0; c < 5; c++)
		w[c] = text_width(_(headers[c]));
	for (size_t i = 0; i < r->npeople; i++) {
		const struct eval_person *p = &r->people[i];

		for (size_t k = 0; k < p->nitems; k++) {
			const struct eval_item *x = &p->items[k];
			size_t *cached, n;

			if (x->kind == EVAL_NOT_DONE)
				continue;
			cached = x->times <= 16 ? &ww[x->kind == EVAL_PROGRESS][x->times] : NULL;
			if (cached != NULL && *cached != 0) {
				n = *cached;
			} else {
				n = text_width(eval_item_what(x, what, sizeof(what)));
				if (cached != NULL)
					*cached = n;
			}
			w[3] = n > w[3] ? n : w[3];
			w[0] = strlen(p->login) > w[0] ? strlen(p->login) : w[0];
			w[1] = strlen(x->ref) > w[1] ? strlen(x->ref) : w[1];
			w[2] = strlen(x->period) > w[2] ? strlen(x->period) : w[2];
		}
	}
	for (int c = 0; c < 5; c++) {
		const char *h = _(headers[c]);

		out_text(stdout, h);
		if (c < 4)
			printf("%*s", (int)(w[c] - text_width(h) + 1), "");
	}
	fputc('\n', stdout);
	for (size_t i = 0; i < r->npeople; i++) {
		const struct eval_person *p = &r->people[i];

		for (size_t k = 0; k < p->nitems; k++) {
			const struct eval_item *x = &p->items[k];
			size_t n;

			if (x->kind == EVAL_NOT_DONE)
				continue;
			eval_word(p->login);
			printf("%*s", (int)(w[0] - strlen(p->login) + 1), "");
			eval_word(x->ref);
			printf("%*s", (int)(w[1] - strlen(x->ref) + 1), "");
			fputs(x->period, stdout);
			printf("%*s", (int)(w[2] - strlen(x->period) + 1), "");
			eval_item_what(x, what, sizeof(what));
			n = x->times <= 16 ? ww[x->kind == EVAL_PROGRESS][x->times] : text_width(what);
			fputs(what, stdout);
			printf("%*s", (int)(w[3] - n + 1), "");
			fputs(eval_pct(x->percent, off), stdout);
			fputc('\n', stdout);
		}
	}
}

static const struct eval_limit *
eval_limit_of(const struct eval_result *r, const char *unit)
{
	for (size_t k = 0; k < r->nlimits; k++)
		if (strcmp(r->limits[k].unit_code, unit) == 0)
			return &r->limits[k];
	return NULL;
}

static enum rv_code
eval_table(struct cli *c, const struct eval_result *r)
{
	const char *task_h[] = {
		N_("login"), N_("unit"), N_("assigned"), N_("converted"), N_("done"),
		N_("converted"), N_("sent back"), N_("late"), N_("quantity"), N_("quality"),
		N_("progress"), N_("points /70")
	};
	const char *score_h[] = {
		N_("login"), N_("name"), N_("points /70"), N_("general /30"), N_("total"),
		N_("rating"), N_("periods")
	};
	const char *head_h[] = {
		N_("login"), N_("unit"), N_("d unit results"), N_("đ organising"), N_("e cohesion")
	};
	const char *item_h[] = {
		N_("login"), N_("ref"), N_("period"), N_("what"), N_("share off")
	};
	struct out_table *tt = out_table_new(12, task_h, 11);
	struct out_table *st = out_table_new(r->period.kind == EVAL_YEAR ? 7 : 6, score_h, 1);
	struct out_table *ht = out_table_new(5, head_h, 1);
	struct out_table *it = out_table_new(5, item_h, 3);
	char title[64], day[11];
	int heads = 0, items = 0, missing = 0, limits = 0;
	enum rv_code rc = RV_OK;

	if (tt == NULL || st == NULL || ht == NULL || it == NULL) {
		rc = err_set(&c->err, RV_STORAGE, _("out of memory"));
		goto out;
	}
	printf(_("Evaluation under Decree 335/2025/NĐ-CP, %s (figures as of %s)\n\n"),
	    eval_period_title(&r->period, title, sizeof(title)), dates_shown(r->as_of, day));
	for (size_t i = 0; i < r->npeople; i++) {
		const struct eval_person *p = &r->people[i];
		const struct eval_sheet *sh = &p->sheet;
		char n[8][24], a[3][DECIMAL_SIZE + 1], pts[DECIMAL_SIZE], g[DECIMAL_SIZE],
		    t[DECIMAL_SIZE], periods[16];
		const char *task[12], *score[7];

		snprintf(n[0], sizeof(n[0]), "%ld", sh->assigned);
		i18n_decimal(decimal_format(sh->assigned_c, n[1]));
		snprintf(n[2], sizeof(n[2]), "%ld", sh->done);
		i18n_decimal(decimal_format(sh->done_c, n[3]));
		snprintf(n[4], sizeof(n[4]), "%ld", sh->reopened);
		snprintf(n[5], sizeof(n[5]), "%ld", sh->late);
		task[0] = p->login;
		task[1] = p->unit_code;
		for (int k = 0; k < 6; k++)
			task[2 + k] = n[k];
		task[8] = sh->scored ? eval_pct(sh->quantity, a[0]) : "-";
		task[9] = sh->scored ? eval_pct(sh->quality, a[1]) : "-";
		task[10] = sh->scored ? eval_pct(sh->progress, a[2]) : "-";
		task[11] = eval_points(sh->scored && sh->has_points, sh->points, pts);
		out_table_add(tt, task);
		snprintf(periods, sizeof(periods), "%d", sh->periods);
		score[0] = p->login;
		score[1] = p->name;
		score[2] = task[11];
		score[3] = eval_points(sh->has_general, sh->general, g);
		score[4] = eval_points(sh->has_total, sh->total, t);
		score[5] = sh->has_total ? eval_rating_shown(sh->rating) : "-";
		score[6] = periods;
		out_table_add(st, score);
		missing += sh->scored && !sh->has_total;
		if (p->head) {
			char d[8], dd[8], e[8];
			const char *hc[5];

			snprintf(d, sizeof(d), "%d%%", sh->unit_results);
			snprintf(dd, sizeof(dd), "%d%%", sh->organising);
			snprintf(e, sizeof(e), "%d%%", sh->cohesion);
			hc[0] = p->login;
			hc[1] = p->unit_code;
			/* With nothing assigned there is no sheet to score. */
			hc[2] = sh->scored && sh->unit_results >= 0 ? d : "-";
			hc[3] = sh->scored ? dd : "-";
			hc[4] = sh->cohesion > 0 ? e : "-";
			/* A year's d, đ and e are its months' (quarters'). */
			if (r->period.kind == EVAL_YEAR)
				hc[2] = hc[3] = hc[4] = r->by == EVAL_QUARTER ? _("by quarter") :
				    _("by month");
			out_table_add(ht, hc);
			heads++;
		}
		for (size_t k = 0; k < p->nitems; k++) {
			const struct eval_item *x = &p->items[k];
			char what[96], off[DECIMAL_SIZE + 1];
			const char *ic[5];

			if (x->kind == EVAL_NOT_DONE)
				continue;
			items++;
			if (!out_is_tty(stdout))
				continue;
			eval_item_what(x, what, sizeof(what));
			ic[0] = p->login;
			ic[1] = x->ref;
			ic[2] = x->period;
			ic[3] = what;
			ic[4] = eval_pct(x->percent, off);
			out_table_add(it, ic);
		}
	}
	printf(_("Task results (Article 14; heads of units: Article 15): a quantity, b quality, c progress\n\n"));
	out_table_write(tt, stdout, OUT_TABLE);
	printf(_("\nScores (Article 20: 90 and above excellent, 70 good, 50 complete)%s\n\n"),
	    r->period.kind == EVAL_YEAR ? _("; the year is the average of the periods scored (Article 21)") : "");
	out_table_write(st, stdout, OUT_TABLE);
	if (missing > 0)
		printf(_("\n%d without a total: the general criteria (and a head's cohesion) are entered with roviec evaluate set.\n"),
		    missing);
	if (heads > 0) {
		printf(_("\nHeads of units (Article 15, clause 3): points = (a + b + c + d + đ + e) / 6 of 70\n\n"));
		out_table_write(ht, stdout, OUT_TABLE);
	}
	printf(_("\nDuties behind the deductions (each time, 25%% of that duty's share)\n\n"));
	if (items == 0)
		printf(_("None.\n"));
	else if (out_is_tty(stdout))
		out_table_write(it, stdout, OUT_TABLE);
	else
		eval_items_write(r, item_h);
	for (size_t i = 0, said = 0; i < r->npeople; i++) {
		const struct eval_person *p = &r->people[i];
		int first = 1;

		for (size_t k = 0; k < p->nitems; k++) {
			if (p->items[k].kind != EVAL_NOT_DONE)
				continue;
			if (first) {
				if (said++ == 0)
					printf(_("\nAssigned, not completed by the end of the period\n\n"));
				eval_word(p->login);
				fputs(":", stdout);
				first = 0;
			}
			fputs(" ", stdout);
			eval_word(p->items[k].ref);
		}
		if (!first)
			fputs("\n", stdout);
	}
	for (size_t k = 0; k < r->nlimits; k++) {
		const struct eval_limit *l = &r->limits[k];

		if (!l->over)
			continue;
		if (limits++ == 0)
			printf(_("\nOver the limit of Article 20, clause 5 (excellent: at most 20%% of those rated good)\n\n"));
		printf(_("%s: %ld rated excellent; 20%% of the %ld rated good allows %ld.\n"),
		    l->unit_code, l->excellent, l->good, l->allowed);
	}
	if (r->head_id > 0)
		printf(_("\nMade %s at history entry %lld, head %s\n(roviec verify %s checks it later).\n"),
		    dates_moment_shown(r->made_at, (char[17]){ 0 }), r->head_id, r->head, r->head);
out:
	out_table_free(tt);
	out_table_free(st);
	out_table_free(ht);
	out_table_free(it);
	return rc;
}

/* A number for CSV and JSON: hundredths with two decimals and a point. */
static const char *
eval_num(int known, long v, char buf[DECIMAL_SIZE])
{
	return known ? decimal_format2(v, buf) : "";
}

/* evaluate's CSV columns (columns.h), in their order. */
static const enum column_id eval_columns[] = {
	COL_PERIOD, COL_LOGIN, COL_NAME, COL_UNIT, COL_HEAD, COL_ASSIGNED,
	COL_ASSIGNED_C, COL_DONE, COL_DONE_C, COL_SENT_BACK, COL_LATE,
	COL_QUANTITY, COL_QUALITY, COL_PROGRESS, COL_UNIT_RESULTS,
	COL_ORGANISING, COL_COHESION, COL_TASK_POINTS, COL_GENERAL, COL_TOTAL,
	COL_RATING, COL_PERIODS, COL_DEDUCTIONS, COL_NOT_DONE,
	COL_UNIT_EXCELLENT, COL_UNIT_GOOD, COL_UNIT_ALLOWED, COL_HISTORY_HEAD
};
#define EVAL_CSV_COLUMNS (sizeof(eval_columns) / sizeof(eval_columns[0]))

/* A cell built piece by piece, its memory kept from row to row: a city's
 * year lists some 400,000 duties in its rows. */
struct cell_buf {
	char *s;
	size_t len, cap;
	int failed;	/* out of memory: what was put since is lost */
};

static void
cell_put(struct cell_buf *c, const char *s)
{
	size_t n = strlen(s);

	if (c->failed)
		return;
	if (c->len + n + 1 > c->cap) {
		size_t cap = c->cap ? c->cap : 256;
		char *m;

		while (cap < c->len + n + 1)
			cap *= 2;
		if ((m = realloc(c->s, cap)) == NULL) {
			c->failed = 1;
			return;
		}
		c->s = m;
		c->cap = cap;
	}
	memcpy(c->s + c->len, s, n + 1);
	c->len += n;
}

static void
cell_clear(struct cell_buf *c)
{
	c->len = 0;
	if (c->s != NULL)
		c->s[0] = '\0';
}

static void
eval_csv_row(const struct eval_result *r, const struct eval_person *p,
    const struct eval_sheet *sh, size_t *cursor, const char *const *names,
    struct cell_buf *items, struct cell_buf *nd)
{
	char n[4][DECIMAL_SIZE], v[8][DECIMAL_SIZE], d[DECIMAL_SIZE], dd[DECIMAL_SIZE];
	char e[DECIMAL_SIZE], periods[DECIMAL_SIZE], lim[3][DECIMAL_SIZE];
	const struct eval_limit *l = eval_limit_of(r, p->unit_code);
	const char *cells[EVAL_CSV_COLUMNS];
	int ni = 0, nn = 0;

	cell_clear(items);
	cell_clear(nd);
	/* The duties behind the figures are on the rows of their periods: a
	 * year's are on its months' (quarters') rows.  Items are in period
	 * order: those of this row follow those of the rows before. */
	for (size_t k = *cursor; k < p->nitems && sh->period[4] != '\0'; k++) {
		const struct eval_item *x = &p->items[k];
		char off[DECIMAL_SIZE], times[DECIMAL_SIZE];
		int c = strcmp(x->period, sh->period);

		if (c < 0)
			continue;
		if (c > 0)
			break;
		*cursor = k + 1;
		if (x->kind == EVAL_NOT_DONE) {
			cell_put(nd, nn++ ? "; " : "");
			cell_put(nd, x->ref);
			continue;
		}
		cell_put(items, ni++ ? "; " : "");
		cell_put(items, x->ref);
		cell_put(items, " ");
		cell_put(items, eval_item_word(x->kind));
		cell_put(items, " ");
		cell_put(items, decimal_integer(x->times, times));
		cell_put(items, " ");
		cell_put(items, decimal_format2(x->percent, off));
	}
	/* Counts by hand, not snprintf: a city's year has 64,000 rows. */
	decimal_integer(sh->assigned, n[0]);
	decimal_integer(sh->done, n[1]);
	decimal_integer(sh->reopened, n[2]);
	decimal_integer(sh->late, n[3]);
	decimal_integer(sh->unit_results, d);
	decimal_integer(sh->organising, dd);
	decimal_integer(sh->cohesion, e);
	decimal_integer(sh->periods, periods);
	if (l != NULL) {
		decimal_integer(l->excellent, lim[0]);
		decimal_integer(l->good, lim[1]);
		decimal_integer(l->allowed, lim[2]);
	}
	cells[0] = sh->period;
	cells[1] = p->login;
	cells[2] = p->name;
	cells[3] = p->unit_code;
	cells[4] = p->head ? "yes" : "no";
	cells[5] = n[0];
	cells[6] = decimal_format(sh->assigned_c, v[0]);
	cells[7] = n[1];
	cells[8] = decimal_format(sh->done_c, v[1]);
	cells[9] = n[2];
	cells[10] = n[3];
	cells[11] = eval_num(sh->scored, sh->quantity, v[2]);
	cells[12] = eval_num(sh->scored, sh->quality, v[3]);
	cells[13] = eval_num(sh->scored, sh->progress, v[4]);
	cells[14] = p->head && sh->scored && sh->unit_results >= 0 && sh->period[4] != '\0' ? d : "";
	cells[15] = p->head && sh->scored && sh->period[4] != '\0' ? dd : "";
	cells[16] = p->head && sh->cohesion > 0 ? e : "";
	cells[17] = eval_num(sh->scored && sh->has_points, sh->points, v[5]);
	cells[18] = eval_num(sh->has_general, sh->general, v[6]);
	cells[19] = eval_num(sh->has_total, sh->total, v[7]);
	cells[20] = eval_rating_word(sh->rating);
	cells[21] = r->period.kind == EVAL_YEAR && sh->period[4] == '\0' ? periods : "";
	cells[22] = items->len > 0 ? items->s : "";
	cells[23] = nd->len > 0 ? nd->s : "";
	cells[24] = l != NULL ? lim[0] : "";
	cells[25] = l != NULL ? lim[1] : "";
	cells[26] = l != NULL ? lim[2] : "";
	cells[27] = r->head;
	if (!items->failed && !nd->failed)
		out_csv_row(stdout, EVAL_CSV_COLUMNS, names, cells);
}

/* The sheets as CSV, plain or in the Excel form (out_csv_set): the
 * columns' names, or their headings for people and cells as their kinds
 * say (a decimal comma where ';' separates). */
static enum rv_code
eval_csv(struct cli *c, const struct eval_result *r)
{
	const char *names[EVAL_CSV_COLUMNS];
	struct cell_buf items = { 0 }, nd = { 0 };
	int failed;

	_Static_assert(EVAL_CSV_COLUMNS == 28, "eval_csv_row fills 28 cells");
	for (size_t k = 0; k < EVAL_CSV_COLUMNS; k++)
		names[k] = column_get(eval_columns[k])->name;
	out_csv_head(stdout, EVAL_CSV_COLUMNS, names);
	for (size_t i = 0; i < r->npeople && !items.failed && !nd.failed; i++) {
		const struct eval_person *p = &r->people[i];
		size_t cursor = 0;

		for (size_t b = 0; b < p->nparts; b++)
			if (p->parts[b].scored)
				eval_csv_row(r, p, &p->parts[b], &cursor, names, &items, &nd);
		eval_csv_row(r, p, &p->sheet, &cursor, names, &items, &nd);
	}
	failed = items.failed || nd.failed;
	free(items.s);
	free(nd.s);
	/* A row without its duties would be a sheet that lies: say so. */
	return failed ? err_set(&c->err, RV_STORAGE, _("out of memory")) : RV_OK;
}

/* A JSON string: quotes, backslashes and controls escaped. */
static void
json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)(s != NULL ? s : ""); *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static void
json_num(FILE *f, const char *key, int known, long v)
{
	char buf[DECIMAL_SIZE];

	fprintf(f, ",\"%s\":%s", key, known ? decimal_format2(v, buf) : "null");
}

static void
json_sheet(FILE *f, const struct eval_sheet *sh, int head)
{
	char c1[DECIMAL_SIZE], c2[DECIMAL_SIZE];

	fprintf(f, "\"period\":");
	json_str(f, sh->period);
	fprintf(f, ",\"assigned\":%ld,\"assigned_converted\":%s,\"done\":%ld,"
	    "\"done_converted\":%s,\"sent_back\":%ld,\"late\":%ld", sh->assigned,
	    decimal_format2(sh->assigned_c, c1), sh->done, decimal_format2(sh->done_c, c2),
	    sh->reopened, sh->late);
	json_num(f, "quantity", sh->scored, sh->quantity);
	json_num(f, "quality", sh->scored, sh->quality);
	json_num(f, "progress", sh->scored, sh->progress);
	if (head && sh->period[4] != '\0') {
		fprintf(f, ",\"unit_results\":");
		fprintf(f, sh->unit_results >= 0 ? "%d" : "null", sh->unit_results);
		fprintf(f, ",\"organising\":%d,\"cohesion\":", sh->organising);
		fprintf(f, sh->cohesion > 0 ? "%d" : "null", sh->cohesion);
	}
	json_num(f, "task_points", sh->scored && sh->has_points, sh->points);
	json_num(f, "general", sh->has_general, sh->general);
	json_num(f, "total", sh->has_total, sh->total);
	fprintf(f, ",\"rating\":");
	if (sh->has_total)
		json_str(f, eval_rating_word(sh->rating));
	else
		fputs("null", f);
}

static void
json_items(FILE *f, const struct eval_person *p, const char *period, int year)
{
	int n = 0;
	char buf[DECIMAL_SIZE];

	fprintf(f, ",\"deductions\":[");
	for (size_t k = 0; k < p->nitems; k++) {
		const struct eval_item *x = &p->items[k];

		if (x->kind == EVAL_NOT_DONE || (!year && strcmp(x->period, period) != 0))
			continue;
		fprintf(f, "%s{\"ref\":", n++ ? "," : "");
		json_str(f, x->ref);
		fprintf(f, ",\"period\":");
		json_str(f, x->period);
		fprintf(f, ",\"criterion\":\"%s\",\"times\":%d,\"coefficient\":%s",
		    eval_item_word(x->kind), x->times, decimal_format2(x->coefficient, buf));
		fprintf(f, ",\"share_off\":%s}", decimal_format2(x->percent, buf));
	}
	fprintf(f, "],\"not_done\":[");
	n = 0;
	for (size_t k = 0; k < p->nitems; k++) {
		const struct eval_item *x = &p->items[k];

		if (x->kind != EVAL_NOT_DONE || (!year && strcmp(x->period, period) != 0))
			continue;
		fprintf(f, "%s{\"ref\":", n++ ? "," : "");
		json_str(f, x->ref);
		fprintf(f, ",\"period\":");
		json_str(f, x->period);
		fprintf(f, ",\"coefficient\":%s}", decimal_format2(x->coefficient, buf));
	}
	fputc(']', f);
}

static enum rv_code
eval_json(struct cli *c, const struct eval_result *r)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (f == NULL)
		return err_set(&c->err, RV_STORAGE, _("out of memory"));
	fputc('[', f);
	for (size_t i = 0; i < r->npeople; i++) {
		const struct eval_person *p = &r->people[i];
		const struct eval_limit *l = eval_limit_of(r, p->unit_code);

		fprintf(f, "%s{\"login\":", i ? ",\n" : "\n");
		json_str(f, p->login);
		fprintf(f, ",\"name\":");
		json_str(f, p->name);
		fprintf(f, ",\"unit\":");
		json_str(f, p->unit_code);
		fprintf(f, ",\"head\":%s,", p->head ? "true" : "false");
		json_sheet(f, &p->sheet, p->head);
		if (r->period.kind == EVAL_YEAR)
			fprintf(f, ",\"periods\":%d,\"periods_without_total\":%d",
			    p->sheet.periods, p->sheet.without_total);
		json_items(f, p, p->sheet.period, r->period.kind == EVAL_YEAR);
		if (p->nparts > 0) {
			fprintf(f, ",\"parts\":[");
			for (size_t b = 0; b < p->nparts; b++) {
				fputs(b ? ",{" : "{", f);
				json_sheet(f, &p->parts[b], p->head);
				fputc('}', f);
			}
			fputc(']', f);
		}
		if (l != NULL)
			fprintf(f, ",\"unit_limit\":{\"excellent\":%ld,\"good\":%ld,\"allowed\":%ld,"
			    "\"over\":%s}", l->excellent, l->good, l->allowed, l->over ? "true" : "false");
		fprintf(f, ",\"as_of\":\"%s\",\"history_head\":\"%s\"}", r->as_of, r->head);
	}
	fputs(r->npeople ? "\n]\n" : "]\n", f);
	if (fclose(f) != 0) {
		free(text);
		return err_set(&c->err, RV_STORAGE, _("out of memory"));
	}
	out_json(stdout, text);
	free(text);
	return RV_OK;
}

static enum rv_code
cmd_evaluate(struct cli *c)
{
	struct eval_query q = {
		.month = c->a.opt[OPT_MONTH], .quarter = c->a.opt[OPT_QUARTER],
		.year = c->a.opt[OPT_YEAR], .by = c->a.opt[OPT_BY],
		.unit = c->a.opt[OPT_UNIT], .person = c->a.opt[OPT_PERSON],
	};
	struct eval_result r;
	enum out_format format = OUT_TABLE;
	enum rv_code rc;

	if (c->a.opt[OPT_FORMAT] != NULL &&
	    (out_format_parse(c->a.opt[OPT_FORMAT], &format) != 0 ||
	    (format != OUT_TABLE && format != OUT_CSV && format != OUT_JSON)))
		return value_error(c, _("the sheets are written as table, csv or json, not"),
		    c->a.opt[OPT_FORMAT]);
	if ((rc = excel_format(c, &format)) != RV_OK)
		return rc;
	if ((rc = eval_run(&c->s, &q, &r, &c->err)) != RV_OK)
		return rc;
	if (format == OUT_JSON)
		rc = eval_json(c, &r);
	else if (format == OUT_CSV)
		rc = eval_csv(c, &r);
	else
		rc = eval_table(c, &r);
	eval_free(&r);
	return rc;
}

/* --- issue #11: brief and digest ----------------------------------------- */

/* How many of each kind roviec brief lists for people (all are counted),
 * and how many lines the login message holds. */
#define BRIEF_ITEMS 10
#define BRIEF_LOGIN_LINES 5
/* A login waits at most this long for the database, then says so in a
 * line; past BRIEF_LOGIN_ALARM seconds it is ended without a word. */
#define BRIEF_LOGIN_WAIT_MS 300
#define BRIEF_LOGIN_ALARM 1

static enum rv_code
cmd_brief(struct cli *c)
{
	enum out_format format = OUT_TEXT;
	int login = c->a.opt[OPT_LOGIN] != NULL;
	struct brief b;
	enum rv_code rc;

	if (c->a.opt[OPT_FORMAT] != NULL &&
	    (out_format_parse(c->a.opt[OPT_FORMAT], &format) != 0 ||
	    (format != OUT_TEXT && format != OUT_JSON)))
		return value_error(c, _("--format is text or json, not"), c->a.opt[OPT_FORMAT]);
	if (login) {
		/* At login: only when the administrator (or the person) asked
		 * for it; never a wait; nothing for a login that may not open
		 * the database or is not in it. */
		if (!c->conf.login_brief)
			return RV_OK;
		alarm(BRIEF_LOGIN_ALARM);
		store_set_lock_wait(BRIEF_LOGIN_WAIT_MS);
		if (access(c->db_path, R_OK) != 0 && errno != ENOENT)
			return RV_OK;
	}
	if ((rc = open_store(c, STORE_EXISTING)) != RV_OK)
		return rc;
	if ((rc = actor_resolve(&c->s, c->a.opt[OPT_AS], &c->err)) != RV_OK)
		return login && rc == RV_REFUSED ? RV_OK : rc;
	/* Looking is reading it by hand; the login message, JSON for a
	 * script and the digest leave "new" as it was. */
	rc = brief_compute(&c->s, &c->s.me, format == OUT_JSON ? SIZE_MAX : BRIEF_ITEMS,
	    login || format == OUT_JSON ? BRIEF_PEEK : BRIEF_LOOK, &b, &c->err);
	if (rc != RV_OK)
		return rc;
	if (format == OUT_JSON)
		brief_write_json(stdout, &b, &c->s.me);
	else if (!login || b.total > 0)
		brief_write(stdout, &b, &c->s.me, login ? BRIEF_LOGIN_LINES : SIZE_MAX);
	brief_free(&b);
	return RV_OK;
}

static void
digest_sent(const char *login, const char *address, long long waiting, int reminders,
    void *arg)
{
	(void)arg;
	printf(_("%s: sent to %s (%lld waiting, %d reminders)\n"), login, address, waiting,
	    reminders);
}

static enum rv_code
cmd_digest(struct cli *c)
{
	struct digest_conf conf = {
		.sendmail = c->conf.sendmail != NULL ? c->conf.sendmail : CONFIG_SENDMAIL,
		.domain = c->conf.mail_domain[0] ? c->conf.mail_domain : "localhost",
		.language = c->conf.language[0] ? c->conf.language : "vi",
	};
	int sent = 0;
	enum rv_code rc = digest_run(&c->s, &conf, digest_sent, NULL, &sent, &c->err);

	if (rc == RV_OK)
		printf(_("roviec digest: %d messages sent\n"), sent);
	return rc;
}
