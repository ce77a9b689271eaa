/* The history's facts (facts.h) and the fields of a duty they carry
 * (ledger.h): written and read back, by hand. */
#include "roviec/facts.h"

#include <stdlib.h>
#include <string.h>

#include "roviec/ledger.h"
#include "tap.h"

static void
test_write_read(void)
{
	struct facts f;
	struct facts_doc *d;
	const struct facts_value *v;

	facts_init(&f);
	is_str(facts_text(&f), "{}", "no facts: an empty object");
	facts_str(&f, "title", "Giải \"quyết\"\n\x1b\\");
	facts_int(&f, "handoffs", 3);
	facts_str(&f, "field", NULL);
	facts_list(&f, "support");
	facts_row(&f);
	facts_item_int(&f, 7);
	facts_item_str(&f, "Hồ sơ");
	facts_row_end(&f);
	facts_row(&f);
	facts_item_int(&f, 9);
	facts_item_str(&f, NULL);
	facts_row_end(&f);
	facts_list_end(&f);
	facts_int(&f, "bounced", -1);
	is_str(facts_text(&f),
	    "{\"title\":\"Giải \\\"quyết\\\"\\u000a\\u001b\\\\\",\"handoffs\":3,\"field\":null,"
	    "\"support\":[[7,\"Hồ sơ\"],[9,null]],\"bounced\":-1}",
	    "written as JSON: quotes, backslashes and controls escaped, UTF-8 as it is");
	d = facts_parse(facts_text(&f));
	ok(d != NULL, "and read back");
	v = facts_get(d, "title");
	ok(v->type == FACT_STR && strcmp(v->s, "Giải \"quyết\"\n\x1b\\") == 0, "a text, whole");
	ok(facts_get(d, "handoffs")->type == FACT_INT && facts_get(d, "handoffs")->i == 3, "a number");
	ok(facts_get(d, "bounced")->i == -1, "a negative one");
	ok(facts_get(d, "field")->type == FACT_NULL && facts_has(d, "field"), "a null, there");
	ok(facts_get(d, "result")->type == FACT_NONE && !facts_has(d, "result"), "a key not there");
	v = facts_get(d, "support");
	ok(v->type == FACT_LIST && v->nrows == 2 && v->rows[0].n == 2 &&
	    v->rows[0].items[0].i == 7 && strcmp(v->rows[0].items[1].s, "Hồ sơ") == 0 &&
	    v->rows[1].items[1].type == FACT_NULL, "a list of rows");
	facts_doc_free(d);
	facts_free(&f);
}

static void
test_refused(void)
{
	static const char *const bad[] = {
		"", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1.5}", "{\"a\":1e3}",
		"{\"a\":true}", "{\"a\":{\"b\":1}}", "{\"a\":[1]}", "{\"a\":[[[1]]]}",
		"{\"a\":\"\\u0000\"}", "{\"a\":\"x\\q\"}", "{\"a\":\"unterminated}",
		"{\"a\":1} trailing", "{\"a\":1,}",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct facts_doc *d = facts_parse(bad[i]);

		ok(d == NULL, "refused: %s", bad[i]);
		facts_doc_free(d);
	}
	{
		struct facts_doc *d = facts_parse("{\"a\":\"\\ud83d\\ude00\",\"a\":2}");

		ok(d != NULL && facts_get(d, "a")->i == 2, "a repeated key: the last wins");
		facts_doc_free(d);
	}
}

/* The fields of a duty: what changed is written, and applied gives it
 * back. */
static void
test_ledger(void)
{
	struct duty was = { 0 }, now = { 0 }, back = { 0 };
	struct facts f;
	struct facts_doc *d;
	unsigned long known = 0;
	char b1[32], b2[32];
	int same = 1;

	now.id = was.id = 5;
	now.title = (char *)"Việc";
	now.ref = (char *)"P1-0001";
	now.lead_unit_id = 3;
	now.owner_id = 12;
	strcpy(now.deadline, "2026-12-20");
	strcpy(now.status, "open");
	now.handoffs = 2;
	facts_init(&f);
	ledger_duty_diff(&was, &now, &f);
	ok(strstr(facts_text(&f), "\"bounced\"") == NULL, "a field that did not change is not written");
	d = facts_parse(facts_text(&f));
	ok(ledger_duty_apply(d, &back, &known) == 0, "applied");
	for (size_t i = 0; i < ledger_duty_nfields; i++)
		same &= strcmp(ledger_duty_value(&now, i, b1, sizeof(b1)),
		    ledger_duty_value(&back, i, b2, sizeof(b2))) == 0;
	ok(same, "the changed fields come back, the others stay empty");
	ok(known != 0 && !(known & 1ul), "each field given is known, the uuid (not given) is not");
	facts_doc_free(d);
	facts_free(&f);
	model_duty_free(&back);
	/* A value of the wrong kind is refused. */
	d = facts_parse("{\"handoffs\":\"two\"}");
	known = 0;
	ok(ledger_duty_apply(d, &back, &known) != 0, "a counter given as text does not fit");
	facts_doc_free(d);
	model_duty_free(&back);
}

int
main(void)
{
	test_write_read();
	test_refused();
	test_ledger();
	return done_testing();
}
