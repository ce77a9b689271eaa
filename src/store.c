/* store: the storage layer (see store.h).  All of roviec's SQL is here. */
#define _GNU_SOURCE	/* renameat2, for a backup that never replaces a file */
#include "roviec/store.h"

#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "roviec/chain.h"
#include "roviec/i18n.h"
#include "roviec/migrate.h"
#include "roviec/pool.h"
#include "roviec/priv.h"
#include "roviec/text.h"

/* How long one action may wait for other writers before giving up. */
#define LOCK_TIMEOUT_MS lock_timeout_ms()
/* SQLite's own wait inside one step, before we retry the whole. */
#define BUSY_TIMEOUT_MS busy_timeout_ms()
/* store_set_lock_wait: a shorter wait for the connections of a login. */
static long lock_wait_ms;
static long long
lock_timeout_ms(void)
{
	return lock_wait_ms > 0 ? lock_wait_ms : 15000;
}
static long long
busy_timeout_ms(void)
{
	return lock_wait_ms > 0 && lock_wait_ms < 2000 ? lock_wait_ms : 2000;
}

enum stmt {
	ST_UNIT_BY_CODE,
	ST_UNIT_BY_ID,
	ST_UNIT_INSERT,
	ST_UNIT_WITHIN,
	ST_UNIT_LIST,
	ST_PERSON_BY_LOGIN,
	ST_PERSON_BY_ID,
	ST_PERSON_INSERT,
	ST_PERSON_UPDATE,
	ST_PERSON_LIST,
	ST_DUTY_BY_REF,
	ST_DUTY_INSERT,
	ST_DUTY_UPDATE,
	ST_REF_NEXT,
	ST_REF_GET,
	ST_SUPPORT_ADD,
	ST_SUPPORT_REMOVE,
	ST_SUPPORT_IS,
	ST_SUPPORT_LIST,
	ST_SUPPORT_DELIVERED,
	ST_SUPPORT_DELIVER,
	ST_HANDOFF_PENDING,
	ST_HANDOFF_INSERT,
	ST_HANDOFF_CLOSE,
	ST_EXT_PENDING,
	ST_EXT_INSERT,
	ST_EXT_CLOSE,
	ST_PROGRESS_INSERT,
	ST_HISTORY_ADD,
	ST_HISTORY_LIST,
	ST_HELD_UNIT,
	ST_HELD_OWNER,
	ST_DUTY_LIST,
	ST_DUTY_LIST_STATUS,
	ST_DUTY_LIST_OPEN,
	ST_DUTY_LIST_OPEN_BARE,
	ST_PENDING_SINCE_ALL,
	ST_UNIT_NAMES,
	ST_PERSON_NAMES,
	ST_DUTY_LIST_UNIT,
	ST_DUTY_LIST_OWNER,
	ST_DUTY_LIST_UNIT_LIVE,
	ST_DUTY_LIST_OWNER_LIVE,
	ST_DUTY_JSON,
	ST_DUTY_DETAIL,
	ST_REF_AT_LEAST,
	ST_EXPORT,
	ST_COUNT_DUTIES,
	ST_COUNT_HISTORY,
	ST_COUNT_HANDOFFS,
	ST_COUNT_PEOPLE,
	ST_COUNT_UNITS,
	ST_COUNT_ADMINS,
	ST_DATA_VERSION,
	ST_CHAIN_TAIL,
	ST_CHAIN_WALK,
	ST_CHAIN_WALK_V2,
	ST_CHAIN_SET,
	ST_CHAIN_HEAD,
	ST_GRAPH_EDGES,
	ST_REPORT_UNITS,
	ST_REPORT_UNITS_NOW,
	ST_REPORT_STOCK_CURRENT,
	ST_REPORT_DONE_DAYS_CHECK,
	ST_REPORT_DONE_MONTHS_CHECK,
	ST_REPORT_DONE_OWNER_MONTHS_CHECK,
	ST_REPORT_STOCK_MONTHS_CHECK,
	ST_REPORT_SUPPORT_DAYS_CHECK,
	ST_REPORT_SUPPORT_MONTHS_CHECK,
	ST_REPORT_SUPPORT_OPEN_CHECK,
	ST_REPORT_HANDOFF_DAYS_CHECK,
	ST_REPORT_HANDOFF_MONTHS_CHECK,
	ST_REPORT_EXTENSION_DAYS_CHECK,
	ST_REPORT_EXTENSION_MONTHS_CHECK,
	ST_REPORT_STOCK_DAYS_CHECK,
	ST_REPORT_STOCK_PROGRESS_CHECK,
	ST_REPORT_PEOPLE,
	ST_REPORT_CITY_PEOPLE,
	/* Issue 14: the ledger is the program's (heads, seals, the replay). */
	ST_HEAD_ADD,
	ST_HEAD_REMOVE,
	ST_HEAD_IS,
	ST_HEAD_ABOVE,
	ST_HEAD_FIRST,
	ST_HEAD_LIST,
	ST_HEADED_BY,
	ST_SEAL_ALL,
	ST_FIRST_ADMIN,
	ST_BASELINE_UNITS,
	ST_BASELINE_PEOPLE,
	ST_BASELINE_DUTIES,
	ST_REPLAY_ORG,
	ST_REPLAY_UNITS,
	ST_REPLAY_HEADS,
	ST_REPLAY_PEOPLE,
	ST_REPLAY_EVALUATIONS,
	ST_REPLAY_SERIES,
	ST_REPLAY_DUTIES,
	ST_REPLAY_HISTORY,
	ST_REPLAY_HANDOFFS,
	ST_REPLAY_EXTENSIONS,
	ST_REPLAY_NOTES,
	ST_REPLAY_SUPPORT,
	ST_PAGE_FIRST,
	ST_PAGE_END = ST_PAGE_FIRST + 2 * SORT__COUNT * PAGE__TABS - 1,
	/* issue #12: list's periods, read by their indexes (migration 5) */
	ST_DUTY_LIST_DONE,
	ST_DUTY_LIST_CREATED,
	/* Issue #10: the board over a working day. */
	ST_DUTY_LIST_ASSIGNER,
	ST_DUTY_LIST_ASSIGNER_LIVE,
	ST_DUTY_LIST_TOSSED,
	ST_DUTY_LIST_BOUNCED,
	ST_DUTY_LIST_BOUNCED_ONE,
	ST_DUTY_LIST_ESCALATED,
	ST_DUTY_LIST_ESCALATED_ONE,
	ST_DUTY_LIST_LATE,
	ST_DUTY_LIST_LATE_ONE,
	ST_DUTY_LIST_UNANSWERED,
	ST_UNIT_ALL,
	ST_PERSON_ALL,
	ST_TAB_IDS_FIRST,
	ST_TAB_IDS_END = ST_TAB_IDS_FIRST + PAGE__TABS - 1,
	/* Issue #11: recurring duties, corrections, undo (migration 11). */
	ST_SERIES_INSERT,
	ST_SERIES_BY_ID,
	ST_SERIES_RUNNING,
	ST_SERIES_STOP,
	ST_DUTY_SET_SERIES,
	ST_DUTY_SERIES,
	ST_SERIES_LAST,
	ST_SERIES_HAS,
	ST_DUTY_SNAPSHOT,
	ST_SNAPSHOT_READ,
	ST_SUPPORT_CLEAR,
	ST_SUPPORT_FROM_JSON,
	ST_SUPPORT_SET_PART,
	ST_DUTY_SET_TEXTS,
	ST_UNDO_SET,
	ST_UNDO_GET,
	ST_UNDONE_DETAIL,
	ST_DUTY_LAST_ENTRY,
	ST_SUPPORT_COPY,
	/* Issue #11 (brief): what waits for a person, and what was mailed. */
	ST_BRIEF_FIRST,
	ST_BRIEF_END = ST_BRIEF_FIRST + WAIT__KINDS - 1,
	ST_SEEN_GET,
	ST_SEEN_SET,
	ST_NOTICE_SENT,
	ST_NOTICE_ADD,
	/* issue #13: the evaluation under Decree 335/2025 (evaluate.h) */
	ST_DUTY_COEFFICIENT,
	ST_DUTY_SET_COEFFICIENT,
	ST_DUTY_MISSED_DEADLINE,
	ST_EVAL_PEOPLE,
	ST_EVAL_DONE,
	ST_EVAL_DUE,
	ST_EVAL_OWNER_AT,
	ST_EVAL_GENERAL_LIST,
	ST_EVAL_GENERAL_GET,
	ST_EVAL_GENERAL_SET,
	/* Issue #12: unit set, person set --login, person leave. */
	ST_UNIT_UPDATE,
	ST_PERSON_LOGIN,
	ST_PERSON_LEAVE,
	ST_PERSON_OWNS,
	ST_LOGIN_CHANGE_ADD,
	ST_OWNER_SINCE_RESTORE,
	ST_NOTICE_FORGET,
	ST_PERSON_MAIL,
	ST_PERSON_SET_MAIL,
	/* Issue #11: how many of each kind wait, each from its index. */
	ST_BRIEF_COUNT_FIRST,
	ST_BRIEF_COUNT_END = ST_BRIEF_COUNT_FIRST + WAIT__KINDS - 1,
	ST__MAX
};

#define DUTY_COLUMNS \
	"id, uuid, ref, title, search_key, result, basis, field, assigner_id," \
	" lead_unit_id, owner_id, created_at, original_deadline, deadline, status," \
	" ifnull(done_on, ''), ifnull(closed_on, ''), last_progress_on, handoffs," \
	" bounced, escalated, reopened"

/* rv_flags over a row of duties_shown aliased d. */
#define FLAGS_OF_D \
	"rv_flags(d.shown_status, d.deadline, d.original_deadline, d.done_on," \
	" d.last_progress_on, d.pending_since, d.handoffs, d.bounced, d.escalated)"

/* One duty as a JSON object, over duties_shown d joined with units lu,
 * people o (owner) and a (assigner). */
#define DUTY_JSON_OBJECT \
	"json_object('ref', d.ref, 'uuid', d.uuid, 'title', d.title," \
	" 'lead_unit', lu.code, 'owner', o.login, 'owner_name', o.full_name," \
	" 'assigner', a.login, 'basis', d.basis, 'result', d.result," \
	" 'field', d.field," \
	" 'support', (SELECT json_group_array(json_object('unit', su.code," \
	"      'part', s.part, 'delivered_on', s.delivered_on))" \
	"      FROM duty_support s JOIN units su ON su.id = s.unit_id" \
	"      WHERE s.duty_id = d.id)," \
	" 'created', d.created_at, 'deadline', d.deadline," \
	" 'original_deadline', d.original_deadline, 'status', d.shown_status," \
	" 'done_on', d.done_on, 'closed_on', d.closed_on," \
	" 'last_progress_on', d.last_progress_on," \
	" 'flags', json(rv_flag_words(" FLAGS_OF_D "))," \
	" 'handoffs', d.handoffs, 'coefficient', d.coefficient_x100 / 100.0)"

/*
 * list: one statement per leading condition (all, a lead unit, an owner),
 * so that SQLite can use that index; the stored statuses asked for are
 * ?9..?12 (NULL for those not asked), which the indexes also serve.
 * ?13 and ?20 bound the deadline (before ?13, from ?20 on): before today
 * when overdue duties are asked (a duty is overdue only once its deadline
 * has passed), from today to the last day due soon when those are, so
 * that the index reads those alone; otherwise any date.  ?21 is the least
 * number of handoffs: tossed_handoffs when tossed duties are asked.
 */
#define LIST_SQL(lead) LIST_SQL_BY(lead, "")
/* plus "+": the status and deadline terms kept from the planner, so that a
 * period is read by its own index (duties_done_on, duties_created), not by
 * duties_status_deadline over every duty whose deadline is before the cut. */
#define LIST_SQL_BY(lead, plus) LIST_SQL_OF(lead, plus, "IN (?9, ?10, ?11, ?12)")
/* One stored status (?9), said so: the city's list is then read from
 * duties_status_deadline in deadline order, and only the duties of one
 * deadline are sorted by reference, a few at a time (SQLite's sorter for
 * the right part of an ORDER BY), not all of them before the first is
 * written.  (ref added to that index made the planner read it for a
 * person's overdue duties too, the whole city's, to spare a sort of ten.) */
#define LIST_SQL_STATUS LIST_SQL_OF("1", "", "= ?9")
/* The city's open duties without JSON (migration 23): the statement names
 * no column that duties_open_list lacks, so SQLite reads the list from
 * that index alone, in its order; 'open' is said, not bound, or SQLite
 * could not know the partial index holds every row asked for. */
#define LIST_SQL_OPEN \
	LIST_SQL_WITH("NULL", LIST_SUPPORT("duty_support s INDEXED BY duty_support_live_duty", \
	    " AND s.live = 1"), "1", "", "= 'open'")
#define LIST_SQL_OF(lead, plus, statuses) \
	LIST_SQL_WITH(DUTY_JSON_OBJECT, LIST_SUPPORT("duty_support s", ""), lead, plus, statuses)
/* Each duty's supporting units when ?14 asks (CSV), sorted, from its
 * parts (s) in parts and more their condition.  A duty open or submitted
 * has its parts in duty_support_live_duty (migration 23), which holds
 * theirs alone (live follows the duty's status: the schema's triggers,
 * roviec verify) and so is read from a few pages, not a page of the table
 * for each duty listed. */
#define LIST_SUPPORT(parts, more) \
	"CASE WHEN ?14 THEN (SELECT ifnull(group_concat(code, ', '), '')" \
	"  FROM (SELECT su.code FROM " parts \
	"  JOIN units su ON su.id = s.unit_id" \
	"  WHERE s.duty_id = d.id" more " ORDER BY su.code)) END"
/* json: the --format json column's expression, read when ?7 is set;
 * support: LIST_SUPPORT's. */
#define LIST_SQL_WITH(json, support, lead, plus, statuses) \
	"SELECT d.ref, d.uuid, d.title, lu.code, o.login, o.full_name, a.login," \
	"  d.deadline, d.original_deadline, d.shown_status, d.field," \
	"  " support "," \
	"  d.handoffs, " FLAGS_OF_D "," \
	"  CASE WHEN ?7 THEN " json " END, d.done_on, d.created_at" \
	" FROM duties_shown d" \
	" JOIN units lu ON lu.id = d.lead_unit_id" \
	" JOIN people o ON o.id = d.owner_id" \
	" JOIN people a ON a.id = d.assigner_id" \
	" WHERE " lead \
	"  AND " plus "d.status " statuses \
	"  AND (?1 IS NULL OR d.lead_unit_id = ?1)" \
	"  AND (?2 IS NULL OR d.owner_id = ?2)" \
	"  AND (?3 IS NULL OR EXISTS (SELECT 1 FROM duty_support s" \
	"       WHERE s.duty_id = d.id AND s.unit_id = ?3))" \
	"  AND (?4 = 0 OR ?4 & CASE d.shown_status WHEN 'open' THEN 1" \
	"       WHEN 'pending' THEN 2 WHEN 'submitted' THEN 4 WHEN 'done' THEN 8" \
	"       ELSE 16 END)" \
	"  AND (?5 = 0 OR (" FLAGS_OF_D " & ?5) = ?5)" \
	"  AND (?6 IS NULL OR d.search_key LIKE ?6 ESCAPE '\\'" \
	"       OR d.ref LIKE ?6 ESCAPE '\\')" \
	"  AND " plus "d.deadline < ?13 AND " plus "d.deadline >= ?20" \
	"  AND d.handoffs >= ?21" \
	"  AND (?15 IS NULL OR d.done_on >= ?15) AND (?16 IS NULL OR d.done_on <= ?16)" \
	"  AND (?17 IS NULL OR d.created_at >= ?17)" \
	"  AND (?18 IS NULL OR d.created_at < ?18)" \
	"  AND (?19 IS NULL OR d.assigner_id = ?19)" \
	" ORDER BY d.deadline, d.ref" \
	" LIMIT ifnull(?8, -1)"
/* A unit's or an owner's open and submitted duties, read in the order of
 * duties_lead_list or duties_owner_list (migration 4), so that a first
 * screen reads a screenful, however many the unit has. */
#define LIST_SQL_LIVE(lead) \
	LIST_SQL(lead " AND d.status IN ('open', 'submitted')")

/*
 * The board's pages.  Each tab has its own WHERE so that SQLite can use
 * that tab's index, and each sort key (deadline, reference, owner) its own
 * statement; the page starts after (or, DESC, before) the key ?3 and id
 * ?4.  Only fixed text is joined here, at compile time.
 */
#define OPEN_OR_SUBMITTED "d.status IN ('open', 'submitted')"
#define TAB_LEAD "d.lead_unit_id = ?1 AND " OPEN_OR_SUBMITTED
#define TAB_SUPPORT \
	"d.id IN (SELECT duty_id FROM duty_support WHERE unit_id = ?1) AND " \
	OPEN_OR_SUBMITTED
#define TAB_PROPOSALS \
	"d.id IN (SELECT duty_id FROM handoffs WHERE to_unit_id = ?1" \
	" AND state = 'pending')"
#define TAB_FLAGGED TAB_LEAD " AND " FLAGS_OF_D " <> 0"
#define TAB_MINE "d.owner_id = ?2 AND " OPEN_OR_SUBMITTED
/* What the acting person assigned, still open or submitted. */
#define TAB_ASSIGNED "d.assigner_id = ?2 AND " OPEN_OR_SUBMITTED
/* On the assigner's tab what waits for the assigner comes first: a result
 * to confirm, an extension to answer, a duty proposed back to them. */
#define WAITS_FOR_ASSIGNER \
	"(CASE WHEN d.status = 'submitted' OR d.extension_asked IS NOT NULL" \
	" OR d.pending_kind = 'return' THEN '0 ' ELSE '1 ' END)"
/* The sort keys.  By deadline, the key is the expression that the partial
 * indexes duties_lead_page and duties_owner_page hold (migration 3), so
 * the Lead, Flagged and Mine tabs read their first page in index order
 * whatever the number of duties, without sorting them all. */
#define PAGE_KEY_DEADLINE "d.deadline || ' ' || d.ref"
#define PAGE_KEY_REF "d.ref"
#define PAGE_KEY_OWNER "o.login || ' ' || d.deadline"
#define PAGE_SQL(cond, key, cmp, dir) \
	"SELECT d.ref, d.uuid, d.title, lu.code, o.login, o.full_name, a.login," \
	"  d.deadline, d.original_deadline, d.shown_status, d.field, ''," \
	"  d.handoffs, " FLAGS_OF_D ", NULL, " key " AS k, d.id," \
	"  d.status, d.owner_id, d.lead_unit_id, d.assigner_id, d.pending_kind," \
	"  d.pending_to_unit_id, d.extension_asked" \
	" FROM duties_shown d" \
	" JOIN units lu ON lu.id = d.lead_unit_id" \
	" JOIN people o ON o.id = d.owner_id" \
	" JOIN people a ON a.id = d.assigner_id" \
	" WHERE " cond \
	"  AND (?6 = 0 OR (" FLAGS_OF_D " & ?6) = ?6)" \
	"  AND (?7 IS NULL OR d.search_key LIKE ?7 ESCAPE '\\'" \
	"       OR d.ref LIKE ?7 ESCAPE '\\')" \
	"  AND (?3 IS NULL OR k " cmp " ?3 OR (k = ?3 AND d.id " cmp " ?4))" \
	" ORDER BY k " dir ", d.id " dir " LIMIT ?5"

/* A page's statement: by tab, sort key and direction. */
#define PAGE_AT(tab, sort, back) \
	(ST_PAGE_FIRST + ((int)(tab) * SORT__COUNT + (int)(sort)) * 2 + (back))
#define PAGE_STMTS(tab, cond) \
	[PAGE_AT(tab, SORT_DEADLINE, 0)] = PAGE_SQL(cond, PAGE_KEY_DEADLINE, ">", "ASC"), \
	[PAGE_AT(tab, SORT_DEADLINE, 1)] = PAGE_SQL(cond, PAGE_KEY_DEADLINE, "<", "DESC"), \
	[PAGE_AT(tab, SORT_REF, 0)] = PAGE_SQL(cond, PAGE_KEY_REF, ">", "ASC"), \
	[PAGE_AT(tab, SORT_REF, 1)] = PAGE_SQL(cond, PAGE_KEY_REF, "<", "DESC"), \
	[PAGE_AT(tab, SORT_OWNER, 0)] = PAGE_SQL(cond, PAGE_KEY_OWNER, ">", "ASC"), \
	[PAGE_AT(tab, SORT_OWNER, 1)] = PAGE_SQL(cond, PAGE_KEY_OWNER, "<", "DESC")
/* The same with every key after a prefix (what sorts first). */
#define PAGE_STMTS_FIRST(tab, cond, first) \
	[PAGE_AT(tab, SORT_DEADLINE, 0)] = PAGE_SQL(cond, first " || " PAGE_KEY_DEADLINE, ">", "ASC"), \
	[PAGE_AT(tab, SORT_DEADLINE, 1)] = PAGE_SQL(cond, first " || " PAGE_KEY_DEADLINE, "<", "DESC"), \
	[PAGE_AT(tab, SORT_REF, 0)] = PAGE_SQL(cond, first " || " PAGE_KEY_REF, ">", "ASC"), \
	[PAGE_AT(tab, SORT_REF, 1)] = PAGE_SQL(cond, first " || " PAGE_KEY_REF, "<", "DESC"), \
	[PAGE_AT(tab, SORT_OWNER, 0)] = PAGE_SQL(cond, first " || " PAGE_KEY_OWNER, ">", "ASC"), \
	[PAGE_AT(tab, SORT_OWNER, 1)] = PAGE_SQL(cond, first " || " PAGE_KEY_OWNER, "<", "DESC")
/*
 * Issue #11 (brief): one kind of what waits for a person.  ?1 the unit
 * they head (NULL: none), ?2 the person, ?3 today, ?4 the last day still
 * due soon, ?5 the overdue flag (bound, not read: overdue is its rule
 * below), ?6 the due-soon flag, ?7 when they last looked (NULL: never),
 * ?8 their unit.  what, extra and since: what the
 * kind says of the row (a proposal's kind, the unit it comes from and its
 * day; ...).  Soonest deadline first.
 */
#define BRIEF_SQL(what, extra, since, cond) BRIEF_SQL_FROM("duties_shown", what, extra, since, cond)
/* The same, the duties picked from src (duties when cond needs nothing of
 * duties_shown: no join to read past). */
#define BRIEF_SQL_FROM(src, what, extra, since, cond) \
	"SELECT d.id, d.ref, d.title, lu.code, o.login, d.deadline, d.shown_status," \
	"  " FLAGS_OF_D ", " what ", " extra ", " since \
	" FROM (SELECT d.id FROM " src " d WHERE " cond \
	"  ORDER BY d.deadline, d.ref LIMIT ?9) AS pick" \
	" CROSS JOIN duties_shown d ON d.id = pick.id" \
	" JOIN units lu ON lu.id = d.lead_unit_id" \
	" JOIN people o ON o.id = d.owner_id" \
	" ORDER BY d.deadline, d.ref"

/* How many duties of one kind wait (the same condition, without the
 * columns a row shows). */
#define BRIEF_COUNT_SQL(cond) BRIEF_COUNT_SQL_FROM("duties_shown", cond)
#define BRIEF_COUNT_SQL_FROM(src, cond) "SELECT count(*) FROM " src " d WHERE " cond

/* The condition of each kind of what waits, shared by its rows and its
 * count (parameters: store_waiting).  The proposals: those to the unit
 * (handoffs_to_pending), and the returns waiting in the city
 * (handoffs_pending_kind, migration 24: from the index alone), of which
 * the person assigned some. */
#define WAIT_PROPOSAL_COND \
	"d.id IN (SELECT duty_id FROM handoffs WHERE to_unit_id = ?1 AND state = 'pending'" \
	"  UNION SELECT duty_id FROM handoffs WHERE state = 'pending' AND kind = 'return')" \
	" AND (d.pending_to_unit_id = ?1 OR (d.pending_kind = 'return' AND d.assigner_id = ?2))"
#define WAIT_EXTENSION_COND \
	"d.id IN (SELECT duty_id FROM extensions WHERE state = 'pending')" \
	" AND d.assigner_id = ?2"
/* By duties_assigner_submitted: counted from the index alone, and read
 * in its order up to the limit. */
#define WAIT_CONFIRM_COND "d.assigner_id = ?2 AND d.status = 'submitted'"
/* FLAG_OVERDUE's rule (flags_compute): open (or pending an answer), today
 * past the deadline; by duties_owner alone, counted without a row read. */
#define WAIT_OVERDUE_COND "d.owner_id = ?2 AND d.status = 'open' AND d.deadline < ?3"
#define WAIT_DUE_SOON_COND \
	"d.owner_id = ?2 AND " OPEN_OR_SUBMITTED " AND d.deadline >= ?3" \
	" AND d.deadline <= ?4 AND (" FLAGS_OF_D " & ?6) <> 0"
/* Came to the person (made, given, accepted or redirected to them) by
 * someone else since they last looked (?7; NULL: never); moments are to
 * the second, so one given in the second they looked counts as new
 * rather than be missed.  By history_given: the entries since then that
 * gave a duty to them, not every entry of every duty they own. */
#define WAIT_NEW_COND \
	"d.id IN (SELECT h.duty_id FROM history h WHERE h.to_owner_id = ?2" \
	"  AND h.at >= ifnull(?7, '') AND h.actor_id <> ?2)" \
	" AND d.owner_id = ?2 AND d.status = 'open'"
/* By duty_support_owed: the parts of closed duties are not in it (live,
 * kept by the schema's triggers and checked by roviec verify). */
#define WAIT_PART_OWED \
	"unit_id = ?8 AND delivered_on IS NULL AND live = 1"
/* The rows: the index holds each part's deadline (kept by the schema's
 * triggers, checked by verify), so only the parts due no later than the
 * ?9th soonest are read (every part when ?9 is -1, or fewer are owed);
 * the duties' order then puts the ties of that day by reference. */
#define WAIT_PART_COND \
	"d.id IN (SELECT duty_id FROM duty_support WHERE " WAIT_PART_OWED \
	"  AND deadline <= CASE WHEN ?9 < 0 THEN '9999-12-31' ELSE" \
	"   ifnull((SELECT deadline FROM duty_support WHERE " WAIT_PART_OWED \
	"    ORDER BY deadline LIMIT 1 OFFSET ?9 - 1), '9999-12-31') END)"

/* Every duty of a tab, by id: how many there are and which are new (the
 * Flagged tab's; the others are read by their own index, below). */
#define TAB_IDS_SQL(cond) "SELECT d.id FROM duties_shown d WHERE " cond " ORDER BY d.id"

/*
 * The accountability report (see store_report in store.h).  Parameters:
 * ?1 from, ?2 to, ?3 the day the states are taken at (to, or today if
 * sooner), ?4 the unit whose subtree is reported (NULL: all), ?5 the tossed
 * threshold, ?6 the last day of work that leaves a duty open on ?3 stalled
 * (flags_stalled_by), ?7 the history head, ?8 its entry,
 * ?9 a JSON merge patch removing the keys the kind of row has not.
 *
 * ?10 the UTC moment the day after ?3 begins (local midnight), ?11 ?4
 * when only duties led in the subtree count (by unit), else NULL; ?12 and
 * ?13 the UTC moments the period's first day and the day after its last
 * begin.
 *
 * counted: the duties on the books in the period: created by ?3, not done
 * before ?1, not cancelled by ?3.  done: the day it was submitted done, if
 * by ?3.  last_day: its last progress by ?3 (for stalled).
 */
/*
 * The columns of a duty the report counts, and the conditions all of them
 * meet (REPORT_COUNTED_OF).
 */
#define REPORT_DUTY_COLUMNS REPORT_DUTY_COLUMNS_OF("su.id")
#define REPORT_DUTY_COLUMNS_OF(unit) \
	"SELECT d.id, " unit " AS unit_id, d.owner_id," \
	"   d.original_deadline AS od, d.deadline, d.created_at," \
	"   d.last_progress_on, d.handoffs, d.bounced," \
	/* A duty never sent back was done on done_on; one sent back was done \
	 * on ?3 if its last submission or reopening by then was a submission. */ \
	"   CASE WHEN d.reopened = 0 THEN" \
	"    CASE WHEN d.done_on <= ?3 THEN d.done_on END" \
	"   ELSE (SELECT CASE WHEN h.action = 'submitted'" \
	"    THEN date(h.at, 'localtime') END FROM history h" \
	"    WHERE h.duty_id = d.id AND h.action IN ('submitted', 'reopened')" \
	"    AND h.at < ?10 ORDER BY h.id DESC LIMIT 1) END AS done"
#define REPORT_DUTY_KEPT \
	" AND d.created_at < ?10" \
	" AND NOT (d.status = 'cancelled' AND d.closed_on <= ?3)"
/*
 * The last day of a duty that a period may start on and still count it:
 * the day it was cancelled, its done day, or never (not done, or sent back
 * once: its done day as of the period's end is read from its history).
 * duties_report holds it second (migration 15), so that each unit's
 * duties that may count are one range of it, read in the order of the
 * units and never sorted; the duties done or cancelled before the period
 * are never read.  The expression must stay the index's, word for word
 * (INDEXED BY makes the statement fail to prepare otherwise).
 */
#define REPORT_MAY_COUNT_UNTIL \
	"CASE WHEN d.status = 'cancelled' THEN d.closed_on" \
	" WHEN d.reopened > 0 THEN '9999-12-31'" \
	" ELSE ifnull(d.done_on, '9999-12-31') END"
/*
 * By unit, the duties read one by one, from the range of each unit of
 * those whose last day is after the day the report is taken at (open,
 * sent back once, or done or cancelled after it), since the duties done in
 * the period and never sent back are counted from report_done_days
 * (REPORT_DONE_DAYS).
 */
#define REPORT_CANDIDATES REPORT_UNIT_DUTIES("duties_report", \
	REPORT_MAY_COUNT_UNTIL " > ?3")
/* The units of the report: the city's, or those of the unit ?11 asked
 * for and under it (scope). */
#define REPORT_IN_SCOPE "(?11 IS NULL OR su.id IN (SELECT id FROM scope))"
/* Each unit's duties from index, those meeting cond and REPORT_DUTY_KEPT,
 * of the units reported when only those count (?11). */
#define REPORT_UNIT_DUTIES(index, cond) \
	REPORT_DUTY_COLUMNS \
	" FROM units su CROSS JOIN duties d INDEXED BY " index \
	"  ON d.lead_unit_id = su.id WHERE " cond \
	REPORT_DUTY_KEPT "  AND " REPORT_IN_SCOPE
/*
 * By person: the duties that may count ("the last day >= ?1") of each
 * person of the units reported, from duties_report_owner (migration 19), in
 * the order of the people: a unit's report by person reads its people's
 * duties, not the city's.  Those done in the period's whole months are
 * added up from report_done_owner_months instead (migration 22,
 * REPORT_DONE_OWNER_MONTHS): each person's duties read are the two ranges
 * around those months, before ?18 and after ?19 (store_report binds
 * them: with no whole month, every one is in the first).
 */
#define REPORT_OWNER_RANGE(cond) \
	REPORT_DUTY_COLUMNS_OF("d.lead_unit_id") \
	" FROM people p JOIN scope ON scope.id = p.unit_id" \
	" CROSS JOIN duties d INDEXED BY duties_report_owner ON d.owner_id = p.id" \
	" WHERE " cond REPORT_DUTY_KEPT
/* Each person's two ranges around the whole months, before ?18 and after
 * ?19 (store_report binds them), each read as a range of its own (OR'd,
 * SQLite may read the person's whole range); with no whole month, the
 * first holds them all and the second is not read.  The second holds the
 * person's open stock ("never" done), read, not counted as by unit: a
 * city's five thousand people counted five ways each cost more than
 * reading their stock once. */
#define REPORT_CANDIDATES_BY_OWNER \
	REPORT_OWNER_RANGE(REPORT_MAY_COUNT_UNTIL " >= ?1 AND " REPORT_MAY_COUNT_UNTIL " < ?18") \
	" UNION ALL " REPORT_OWNER_RANGE("?15 <= ?16 AND " REPORT_MAY_COUNT_UNTIL " > ?19")
/* The duties done in the period's whole months (?15 to ?16) and never sent
 * back, by owner, of the people of the units reported; none read (nor
 * any person) when the period has no whole month. */
#define REPORT_DONE_OWNER_MONTHS \
	" done_days AS (SELECT p.id AS gid, sum(f.done) AS assigned," \
	"  sum(f.on_time) AS on_time, sum(f.late) AS late, sum(f.bounced) AS bounced," \
	"  ifnull(sum(f.done) FILTER (WHERE f.handoffs >= ?5), 0) AS tossed" \
	"  FROM people p JOIN scope ON scope.id = p.unit_id" \
	"  CROSS JOIN report_done_owner_months f" \
	"  ON f.owner_id = p.id AND f.month BETWEEN ?15 AND ?16" \
	"  WHERE ?15 <= ?16 GROUP BY p.id)"
/*
 * The same, for a report whose open stock is current (REPORT_STOCK): only
 * the duties done or cancelled after ?3, and those sent back once (read
 * from duties_sent_back: few).  The open stock, never done and never sent
 * back, is the rest of "> ?3" and is counted, not read.
 */
#define REPORT_CANDIDATES_NOW \
	REPORT_UNIT_DUTIES("duties_report", REPORT_MAY_COUNT_UNTIL " > ?3" \
	    "  AND " REPORT_MAY_COUNT_UNTIL " < '9999-12-31'") \
	" UNION ALL " REPORT_UNIT_DUTIES("duties_sent_back", \
	    "d.reopened > 0 AND d.status <> 'cancelled'")
/* Not materialised: it is read once, unit by unit, and never copied. */
#define REPORT_COUNTED_OF(candidates) \
	"WITH RECURSIVE scope(id) AS (" \
	"  SELECT id FROM units WHERE ?4 IS NULL OR id = ?4" \
	"  UNION SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id" \
	"  WHERE ?4 IS NOT NULL)," \
	" counted AS NOT MATERIALIZED (SELECT c0.*," \
	"  CASE WHEN c0.done IS NOT NULL THEN NULL" \
	"   WHEN ?3 >= c0.last_progress_on THEN c0.last_progress_on" \
	"   ELSE ifnull((SELECT max(date(p.at, 'localtime')) FROM progress_notes p" \
	"    WHERE p.duty_id = c0.id AND date(p.at, 'localtime') <= ?3)," \
	"    date(c0.created_at, 'localtime')) END AS last_day" \
	"  FROM (" candidates ") c0" \
	"  WHERE c0.done IS NULL OR c0.done >= ?1)"

/* The duty columns, grouped by the unit or the owner. */
#define REPORT_AGG(group) \
	" agg AS (SELECT " group " AS gid, count(*) AS assigned," \
	"  count(*) FILTER (WHERE c.done <= c.od) AS on_time," \
	"  count(*) FILTER (WHERE c.done > c.od) AS late," \
	"  count(*) FILTER (WHERE c.done IS NULL AND c.od >= ?3) AS open_in_time," \
	"  count(*) FILTER (WHERE c.done IS NULL AND c.od < ?3) AS open_overdue," \
	"  count(*) FILTER (WHERE c.bounced > 0) AS bounced," \
	"  count(*) FILTER (WHERE c.handoffs >= ?5) AS tossed," \
	"  count(*) FILTER (WHERE c.done IS NULL AND c.last_day <= ?6) AS stalled" \
	"  FROM counted c GROUP BY " group ")"

/*
 * The duties done in the period and never sent back, by unit: its whole
 * months added up from report_done_months (migration 20), the days of its
 * partial first and last months from report_done_days (migration 17: both
 * kept by the schema's triggers, counted again by roviec verify), in the
 * order of the units.  Submitted or done, not cancelled: each counts as
 * done on its day, and was made by then (import refuses a duty made after
 * the day it was done), so by ?3.
 */
#define REPORT_DONE_DAYS \
	" done_days AS (SELECT gid, sum(assigned) AS assigned, sum(on_time) AS on_time," \
	"  sum(late) AS late, sum(bounced) AS bounced, sum(tossed) AS tossed FROM (" \
	REPORT_DONE_RANGE("report_done_days", "day", "?1", "?14") " UNION ALL" \
	REPORT_DONE_RANGE("report_done_months", "month", "?15", "?16") " UNION ALL" \
	REPORT_DONE_RANGE("report_done_days", "day", "?17", "?3") ") GROUP BY gid)"
/* Each unit's figures kept in table for the keys from lo to hi: the days
 * of the period's first month (?1 to ?14), its whole months (migration 20,
 * ?15 to ?16) and the days of its last (?17 to ?3); store_report binds
 * the bounds (report_months). */
#define REPORT_DONE_RANGE(table, key, lo, hi) \
	" SELECT su.id AS gid, sum(f.done) AS assigned," \
	"  sum(f.on_time) AS on_time, sum(f.late) AS late, sum(f.bounced) AS bounced," \
	"  ifnull(sum(f.done) FILTER (WHERE f.handoffs >= ?5), 0) AS tossed" \
	"  FROM units su CROSS JOIN " table " f" \
	"  ON f.unit_id = su.id AND f." key " BETWEEN " lo " AND " hi \
	"  WHERE " REPORT_IN_SCOPE " GROUP BY su.id"

/*
 * The open stock of each unit (never done, never sent back), each figure
 * one range of an index that holds only it (migration 18), counted: what
 * REPORT_AGG would make of its duties when the stock is current
 * (store_report checks: each was made by ?3 and its last progress is by
 * ?3, so its last day is its last_progress_on).  Not done, so each counts
 * as assigned, and open in time or overdue by its original deadline; the
 * stalled are the rest of those that moved after ?6 (the shorter range:
 * most of an old stock is stalled).  In time and overdue are added up
 * from report_stock_months (migration 24: kept by the schema's triggers,
 * counted again by roviec verify) for the months after and before ?3's,
 * and from report_stock_days (migration 28, the same) for the days of
 * ?3's month; those that moved from report_stock_progress (28) for the
 * days after ?6: every open duty of the city stepped over, then this
 * month's and those that moved counted in indexes, were most of the
 * overview's report.
 */
/* The open stock: every partial index of migration 18 says the same. */
#define REPORT_STOCK_DUTY "d.status = 'open' AND d.reopened = 0 AND d.done_on IS NULL"
#define REPORT_STOCK_RANGE(index, cond) \
	"(SELECT count(*) FROM duties d INDEXED BY " index \
	" WHERE " REPORT_STOCK_DUTY " AND d.lead_unit_id = su.id" cond ")"
/* The unit's stock in the months of original deadlines that cmp ?3's. */
#define REPORT_STOCK_MONTHS(cmp) \
	"(SELECT ifnull(sum(m.open), 0) FROM report_stock_months m" \
	" WHERE m.unit_id = su.id AND m.month " cmp " substr(?3, 1, 7))"
/* The unit's stock kept in table (migration 28) by the days that cond. */
#define REPORT_STOCK_DAYS(table, cond) \
	"(SELECT ifnull(sum(k.open), 0) FROM " table " k WHERE k.unit_id = su.id" cond ")"
#define REPORT_STOCK \
	" stock AS MATERIALIZED (SELECT su.id AS gid," \
	"  " REPORT_STOCK_MONTHS(">") " + " REPORT_STOCK_DAYS("report_stock_days", \
	"   AND k.day >= ?3 AND k.day < date(?3, 'start of month', '+1 month')") \
	"   AS in_time," \
	"  " REPORT_STOCK_MONTHS("<") " + " REPORT_STOCK_DAYS("report_stock_days", \
	"   AND k.day >= date(?3, 'start of month') AND k.day < ?3") \
	"   AS overdue," \
	"  " REPORT_STOCK_RANGE("duties_stock_bounced", " AND d.bounced > 0") " AS bounced," \
	"  " REPORT_STOCK_RANGE("duties_stock_handoffs", " AND d.handoffs >= ?5") " AS tossed," \
	"  " REPORT_STOCK_DAYS("report_stock_progress", " AND k.day > ?6") " AS moving" \
	"  FROM units su JOIN scope ON scope.id = su.id)"
/* Whether the open stock is current as of ?2 (the day after it begins at
 * ?1): none of it made after, none with a last progress after (by a
 * clock set back, or the time zone moved).  Then REPORT_STOCK counts
 * what reading its duties would. */
#define REPORT_STOCK_CURRENT_OF \
	"ifnull((SELECT max(created_at) FROM duties), '') < ?1" \
	" AND NOT EXISTS (SELECT 1 FROM units su WHERE" \
	"  (SELECT max(k.day) FROM report_stock_progress k WHERE k.unit_id = su.id) > ?2)"
/* And whether the parts of duties not done are current too (then
 * REPORT_SUPPORT_OPEN adds them up): none done, cancelled or delivered
 * after ?2 either. */
#define REPORT_STOCK_CURRENT \
	"WITH c(stock) AS (SELECT " REPORT_STOCK_CURRENT_OF ")" \
	" SELECT stock, stock" \
	"  AND ifnull((SELECT max(done_on) FROM duties WHERE done_on IS NOT NULL), '') <= ?2" \
	"  AND ifnull((SELECT max(duty_cancelled_on) FROM duty_support" \
	"   WHERE duty_cancelled_on IS NOT NULL), '') <= ?2" \
	"  AND NOT EXISTS (SELECT 1 FROM units su WHERE" \
	"   (SELECT max(s.delivered_on) FROM duty_support s INDEXED BY duty_support_report" \
	"    WHERE s.unit_id = su.id AND ifnull(s.duty_done_on, '9999-12-31') = '9999-12-31') > ?2)" \
	" FROM c"

/* The duties read one by one and those added up by day and month (by
 * unit), or by month (by person). */
#define REPORT_UNIT_COLUMNS \
	"ifnull(a.assigned, 0) + ifnull(f.assigned, 0) AS assigned," \
	" ifnull(a.on_time, 0) + ifnull(f.on_time, 0) AS on_time," \
	" ifnull(a.late, 0) + ifnull(f.late, 0) AS late," \
	" ifnull(a.open_in_time, 0) AS open_in_time," \
	" ifnull(a.open_overdue, 0) AS open_overdue," \
	" ifnull(a.bounced, 0) + ifnull(f.bounced, 0) AS bounced," \
	" ifnull(a.tossed, 0) + ifnull(f.tossed, 0) AS tossed," \
	" ifnull(a.stalled, 0) AS stalled"

/* The days an extension request x added to its duty's deadline: none
 * unless approved. */
#define REPORT_DAYS_APPROVED(x) \
	"CASE WHEN " x "state = 'approved' THEN julianday(" x "new_deadline)" \
	" - julianday(" x "old_deadline) ELSE 0 END"
/* What was done in the period: the extensions asked (on the unit's
 * duties, or by the person) and the days the approved ones added, from
 * from's range of each. */
#define REPORT_EXTENSIONS(xgroup, from) \
	" xev AS (SELECT " xgroup " AS gid, count(*) AS extensions," \
	"  sum(" REPORT_DAYS_APPROVED("x.") ") AS days_added" \
	"  FROM " from \
	"  WHERE x.created_at >= ?12 AND x.created_at < ?13 GROUP BY " xgroup ")"
/*
 * The same by person: the escalations and returns each person proposed,
 * counted as two ranges of the handoffs by hcol in hindex, and the
 * requests each made, from xfrom.
 */
#define REPORT_HANDOFF_RANGE(index, col, gid, kind) \
	"(SELECT count(*) FROM handoffs h INDEXED BY " index \
	" WHERE h." col " = " gid " AND h.kind = '" kind "'" \
	" AND h.created_on BETWEEN ?1 AND ?2)"
#define REPORT_EVENTS_OF(hindex, hcol, gid, groups, xfrom) \
	" hev AS MATERIALIZED (SELECT " gid " AS gid," \
	"  " REPORT_HANDOFF_RANGE(hindex, hcol, gid, "escalate") " AS escalated," \
	"  " REPORT_HANDOFF_RANGE(hindex, hcol, gid, "return") " AS returns" \
	"  FROM " groups ")," \
	REPORT_EXTENSIONS(gid, xfrom)
/*
 * By unit, the escalations and returns each unit proposed in the period
 * and the extensions asked on its duties are added up from the figures
 * kept by day and month (migration 26: kept by the schema's triggers,
 * counted again by roviec verify).  The proposals by the day made: the
 * days of the first month (?1 to ?20), the whole months (?21 to ?22), the
 * days of the last (?23 to ?2; store_report binds report_months of the
 * period).  The requests by their moment's day in UTC: the hours of the
 * period's first day that are not a whole UTC day in it are read from
 * extensions_lead (?12 to ?24), then the whole UTC days are added up by
 * day (?24 to ?25), month (?26 to ?27) and day (?28 to ?29), and the
 * hours of its last day after them read (?30 to ?13).
 */
/* The columns cols of the rows k kept in table for each unit of the
 * report, its keys from lo to hi. */
#define REPORT_KEPT_RANGE(cols, table, key, lo, hi) \
	" SELECT su.id AS gid, " cols " FROM units su" \
	"  CROSS JOIN " table " k ON k.unit_id = su.id AND k." key " BETWEEN " lo " AND " hi \
	"  WHERE " REPORT_IN_SCOPE
#define REPORT_HANDOFFS_KEPT(table, key, lo, hi) \
	REPORT_KEPT_RANGE("k.kind, k.n", table, key, lo, hi)
#define REPORT_EXTENSIONS_KEPT(table, key, lo, hi) \
	REPORT_KEPT_RANGE("k.n, k.days_added", table, key, lo, hi)
#define REPORT_EXTENSIONS_READ(lo, hi) \
	" SELECT su.id AS gid, count(*) AS n," \
	"  sum(" REPORT_DAYS_APPROVED("x.") ") AS days_added" \
	"  FROM units su" \
	"  CROSS JOIN extensions x INDEXED BY extensions_lead ON x.lead_unit_id = su.id" \
	"  WHERE x.created_at >= " lo " AND x.created_at < " hi " AND " REPORT_IN_SCOPE \
	"  GROUP BY su.id"
#define REPORT_UNIT_EVENTS \
	" hev AS (SELECT gid, ifnull(sum(n) FILTER (WHERE kind = 'escalate'), 0) AS escalated," \
	"  ifnull(sum(n) FILTER (WHERE kind = 'return'), 0) AS returns FROM (" \
	REPORT_HANDOFFS_KEPT("report_handoff_days", "day", "?1", "?20") " UNION ALL" \
	REPORT_HANDOFFS_KEPT("report_handoff_months", "month", "?21", "?22") " UNION ALL" \
	REPORT_HANDOFFS_KEPT("report_handoff_days", "day", "?23", "?2") \
	"  ) GROUP BY gid)," \
	" xev AS (SELECT gid, sum(n) AS extensions, sum(days_added) AS days_added FROM (" \
	REPORT_EXTENSIONS_READ("?12", "?24") " UNION ALL" \
	REPORT_EXTENSIONS_KEPT("report_extension_days", "day", "?24", "?25") " UNION ALL" \
	REPORT_EXTENSIONS_KEPT("report_extension_months", "month", "?26", "?27") " UNION ALL" \
	REPORT_EXTENSIONS_KEPT("report_extension_days", "day", "?28", "?29") " UNION ALL" \
	REPORT_EXTENSIONS_READ("?30", "?13") \
	"  ) GROUP BY gid)"
/* The same by person (migration 22): the escalations and returns each
 * person proposed (handoffs_proposer) and the requests each made
 * (extensions_requester), for a unit's people: not the city's period
 * read. */
#define REPORT_PERSON_EVENTS REPORT_EVENTS_OF("handoffs_proposer", "proposed_by", "p.id", \
	"people p JOIN scope ON scope.id = p.unit_id", \
	"people p JOIN scope ON scope.id = p.unit_id" \
	" CROSS JOIN extensions x INDEXED BY extensions_requester ON x.requested_by = p.id")
/* For the whole city's people, the period's handoffs and requests read
 * once and grouped by person: five thousand people's ranges cost more
 * than a short period's events. */
#define REPORT_CITY_PERSON_EVENTS \
	" hev AS (SELECT h.proposed_by AS gid," \
	"  count(*) FILTER (WHERE h.kind = 'escalate') AS escalated," \
	"  count(*) FILTER (WHERE h.kind = 'return') AS returns" \
	"  FROM handoffs h WHERE h.created_on BETWEEN ?1 AND ?2 GROUP BY h.proposed_by)," \
	REPORT_EXTENSIONS("x.requested_by", "extensions x")

#define REPORT_EVENT_COLUMNS \
	"ifnull(hev.escalated, 0) AS escalated," \
	" ifnull(xev.extensions, 0) AS extensions," \
	" ifnull(xev.days_added, 0) AS days_added, ifnull(hev.returns, 0) AS returns"

/*
 * The parts that count: those of the duties that do (REPORT_COUNTED_OF), by
 * the duty's columns kept beside each part (migration 16, checked by
 * roviec verify).  A part of a duty done in the period by ?3, made by 10:00
 * UTC of that day (before its local end in any zone), not cancelled,
 * delivered by that day or not at all (REPORT_PART_KEPT) counts
 * as what report_support_days and report_support_months keep (migration
 * 25: kept by the schema's triggers, counted again by roviec verify): the
 * days of the period's first month (?1 to ?14), its whole months (?15 to
 * ?16) and the days of its last (?17 to ?3) are added up there, as the
 * duties done are (REPORT_DONE_DAYS).  The rest are read one by one: the
 * parts of duties done in the period that are not kept (from
 * duty_support_unkept, whose WHERE REPORT_PART_UNKEPT says word for word),
 * and those of duties open, or done after ?3 (from duty_support_report,
 * each unit's one range; its first expression must stay the index's, word
 * for word).  The average days to deliver are the days added up over the
 * parts whose days are known (days_of).
 */
#define REPORT_PART_KEPT(s) \
	s "duty_done_on IS NOT NULL AND " s "duty_cancelled_on IS NULL" \
	" AND (" s "delivered_on IS NULL OR " s "delivered_on <= " s "duty_done_on)" \
	" AND " s "duty_created_at < " s "duty_done_on || 'T10:00:00Z'"
#define REPORT_PART_UNKEPT \
	"s.duty_done_on IS NOT NULL" \
	" AND (s.duty_cancelled_on IS NOT NULL OR s.delivered_on > s.duty_done_on" \
	" OR s.duty_created_at >= s.duty_done_on || 'T10:00:00Z')"
/* A part's days to deliver, as the triggers of migration 25 count them
 * (for a moment of 1971 to 2037, by the store's cache of the zone). */
#define REPORT_PART_DAYS \
	"julianday(s.delivered_on) - ifnull(rv_local_julianday(s.duty_created_at)," \
	" julianday(date(s.duty_created_at, 'localtime')))"
/* The kept figures of table for the keys from lo to hi, added up by unit
 * (the outer sum then sorts a row a unit, not a row a day). */
#define REPORT_SUPPORT_KEPT(table, key, lo, hi) \
	REPORT_KEPT_RANGE("sum(k.parts) AS parts, sum(k.delivered) AS delivered," \
	    " sum(k.in_time) AS in_time, 0 AS owed, sum(k.days) AS days," \
	    " sum(k.days_of) AS days_of", table, key, lo, hi) " GROUP BY su.id"
/* The parts read one by one from index, those of where that count. */
#define REPORT_SUPPORT_READ(index, where) \
	" SELECT su.id AS gid, count(*) AS parts," \
	"  count(*) FILTER (WHERE s.delivered_on <= ?3) AS delivered," \
	"  count(*) FILTER (WHERE s.delivered_on <= ?3" \
	"   AND s.delivered_on <= s.duty_original_deadline) AS in_time," \
	"  count(*) FILTER (WHERE (s.delivered_on IS NULL OR s.delivered_on > ?3)" \
	"   AND NOT ifnull(s.duty_done_on <= ?3, 0) AND s.duty_original_deadline < ?3)" \
	"   AS owed," \
	"  sum(" REPORT_PART_DAYS ") FILTER (WHERE s.delivered_on <= ?3) AS days," \
	"  count(" REPORT_PART_DAYS ") FILTER (WHERE s.delivered_on <= ?3) AS days_of" \
	"  FROM units su CROSS JOIN duty_support s INDEXED BY " index \
	"  ON s.unit_id = su.id" \
	"  WHERE " where " AND s.duty_created_at < ?10" \
	"   AND NOT ifnull(s.duty_cancelled_on <= ?3, 0)" \
	"   AND " REPORT_IN_SCOPE " GROUP BY su.id"

/*
 * The parts of duties not done, when they are current (store_report:
 * REPORT_STOCK_CURRENT's second column): added up from
 * report_support_open (migration 27: kept by the schema's triggers,
 * counted again by roviec verify) for the months of original deadlines
 * ?33 to ?34, the parts not delivered of the months before ?3's overdue,
 * and those of ?3's month from ?35 counted in duty_support_report.  Not
 * current, the months are none, ?35 is after ?3, and the parts are read
 * one by one with those of duties done after ?3 (to ?32).
 */
#define REPORT_SUPPORT_OPEN \
	" SELECT su.id AS gid, sum(k.parts) AS parts, sum(k.delivered) AS delivered," \
	"  sum(k.in_time) AS in_time," \
	"  ifnull(sum(k.undelivered) FILTER (WHERE k.month < substr(?3, 1, 7)), 0) AS owed," \
	"  sum(k.days) AS days, sum(k.days_of) AS days_of" \
	"  FROM units su CROSS JOIN report_support_open k" \
	"  ON k.unit_id = su.id AND k.month BETWEEN ?33 AND ?34" \
	"  WHERE " REPORT_IN_SCOPE " GROUP BY su.id" \
	" UNION ALL" \
	" SELECT su.id AS gid, 0, 0, 0, count(*), 0, 0" \
	"  FROM units su CROSS JOIN duty_support s INDEXED BY duty_support_report" \
	"  ON s.unit_id = su.id" \
	"  WHERE ifnull(s.duty_done_on, '9999-12-31') = '9999-12-31' AND s.delivered_on IS NULL" \
	"   AND s.duty_original_deadline >= ?35 AND s.duty_original_deadline < ?3" \
	"   AND s.duty_cancelled_on IS NULL" \
	"   AND " REPORT_IN_SCOPE " GROUP BY su.id"
/* Supporting units' parts of the duties counted. */
#define REPORT_SUPPORT \
	" sp AS (SELECT gid AS unit_id, sum(parts) AS parts, sum(delivered) AS delivered," \
	"  sum(in_time) AS delivered_in_time, sum(owed) AS owed_overdue," \
	"  1.0 * sum(days) / sum(days_of) AS avg_days FROM (" \
	REPORT_SUPPORT_KEPT("report_support_days", "day", "?1", "?14") " UNION ALL" \
	REPORT_SUPPORT_KEPT("report_support_months", "month", "?15", "?16") " UNION ALL" \
	REPORT_SUPPORT_KEPT("report_support_days", "day", "?17", "?3") " UNION ALL" \
	REPORT_SUPPORT_READ("duty_support_unkept", \
	    REPORT_PART_UNKEPT " AND s.duty_done_on BETWEEN ?1 AND ?3") " UNION ALL" \
	REPORT_SUPPORT_READ("duty_support_report", "ifnull(s.duty_done_on, '9999-12-31') > ?3" \
	    " AND ifnull(s.duty_done_on, '9999-12-31') <= ?32") " UNION ALL" \
	REPORT_SUPPORT_OPEN \
	") GROUP BY gid)"

/* And the open stock counted, added to the duties read one by one. */
#define REPORT_UNIT_COLUMNS_NOW \
	"ifnull(a.assigned, 0) + ifnull(f.assigned, 0) + k.in_time + k.overdue AS assigned," \
	" ifnull(a.on_time, 0) + ifnull(f.on_time, 0) AS on_time," \
	" ifnull(a.late, 0) + ifnull(f.late, 0) AS late," \
	" ifnull(a.open_in_time, 0) + k.in_time AS open_in_time," \
	" ifnull(a.open_overdue, 0) + k.overdue AS open_overdue," \
	" ifnull(a.bounced, 0) + ifnull(f.bounced, 0) + k.bounced AS bounced," \
	" ifnull(a.tossed, 0) + ifnull(f.tossed, 0) + k.tossed AS tossed," \
	" ifnull(a.stalled, 0) + k.in_time + k.overdue - k.moving AS stalled"

#define REPORT_BY_UNIT_SQL \
	REPORT_BY_UNIT_OF(REPORT_COUNTED_OF(REPORT_CANDIDATES), "", REPORT_UNIT_COLUMNS, "")
#define REPORT_BY_UNIT_NOW_SQL \
	REPORT_BY_UNIT_OF(REPORT_COUNTED_OF(REPORT_CANDIDATES_NOW), REPORT_STOCK ",", \
	    REPORT_UNIT_COLUMNS_NOW, " JOIN stock k ON k.gid = u.id")
#define REPORT_BY_UNIT_OF(counted, stock, columns, stock_join) \
	counted "," REPORT_AGG("c.unit_id") "," REPORT_DONE_DAYS "," stock \
	REPORT_SUPPORT "," REPORT_UNIT_EVENTS "," \
	" rows AS (SELECT u.code AS key, u.name AS name, NULL AS unit_code," \
	"  " columns "," \
	"  " REPORT_EVENT_COLUMNS "," \
	"  ifnull(sp.parts, 0) AS parts, ifnull(sp.delivered, 0) AS delivered," \
	"  ifnull(sp.delivered_in_time, 0) AS delivered_in_time," \
	"  ifnull(sp.owed_overdue, 0) AS owed_overdue, sp.avg_days AS avg_days" \
	" FROM units u JOIN scope ON scope.id = u.id" \
	" LEFT JOIN agg a ON a.gid = u.id LEFT JOIN done_days f ON f.gid = u.id" \
	" LEFT JOIN hev ON hev.gid = u.id LEFT JOIN xev ON xev.gid = u.id" \
	" LEFT JOIN sp ON sp.unit_id = u.id" stock_join ")"

#define REPORT_BY_PERSON_SQL REPORT_BY_PERSON_OF(REPORT_PERSON_EVENTS)
#define REPORT_BY_PERSON_OF(events) \
	REPORT_COUNTED_OF(REPORT_CANDIDATES_BY_OWNER) "," REPORT_AGG("c.owner_id") "," \
	REPORT_DONE_OWNER_MONTHS "," events "," \
	" rows AS (SELECT p.login AS key, p.full_name AS name, pu.code AS unit_code," \
	"  " REPORT_UNIT_COLUMNS "," \
	"  " REPORT_EVENT_COLUMNS "," \
	"  NULL AS parts, NULL AS delivered, NULL AS delivered_in_time," \
	"  NULL AS owed_overdue, NULL AS avg_days" \
	" FROM people p JOIN scope ON scope.id = p.unit_id" \
	" JOIN units pu ON pu.id = p.unit_id" \
	" LEFT JOIN agg a ON a.gid = p.id LEFT JOIN done_days f ON f.gid = p.id" \
	" LEFT JOIN hev ON hev.gid = p.id LEFT JOIN xev ON xev.gid = p.id" \
	" WHERE p.role <> 'inspector')"

/* Worst first: the lowest on-time rate (rows with nothing assigned last),
 * then the most open and overdue.  json: the row for --format json. */
#define REPORT_SQL(by) \
	by "," \
	" rated AS (SELECT r.*, CASE WHEN assigned = 0 THEN NULL" \
	"  ELSE 100.0 * (assigned - late - open_overdue) / assigned END AS rate" \
	"  FROM rows r)" \
	" SELECT *, json_patch(json_object('unit', ifnull(unit_code, key)," \
	"  'login', key, 'name', name," \
	"  'assigned', assigned, 'on_time', on_time, 'late', late," \
	"  'open_in_time', open_in_time, 'open_overdue', open_overdue," \
	"  'on_time_rate', round(rate, 1), 'bounced', bounced, 'tossed', tossed," \
	"  'escalated', escalated, 'stalled', stalled, 'extensions', extensions," \
	"  'days_added', CAST(days_added AS INTEGER), 'returns', returns," \
	"  'support_parts', parts, 'support_delivered', delivered," \
	"  'support_delivered_in_time', delivered_in_time," \
	"  'support_owed_overdue', owed_overdue," \
	"  'support_avg_days', round(avg_days, 1)," \
	"  'from', ?1, 'to', ?2, 'as_of', ?3, 'history_head', ?7," \
	"  'history_entries', ?8), ?9)" \
	" FROM rated" \
	" ORDER BY rate IS NULL, rate, open_overdue DESC, key"
/* The whole history of duty d as a JSON array, oldest first (export). */
#define HISTORY_JSON_OF_D \
	"(SELECT json_group_array(json_object('at', h.at," \
	"    'action', h.action, 'by', ac.login, 'via', v.login," \
	"    'from_unit', fu.code, 'to_unit', tu.code, 'from_owner', fo.login," \
	"    'to_owner', tp.login, 'text', h.text, 'detail', h.detail))" \
	"    FROM (SELECT * FROM history WHERE duty_id = d.id ORDER BY id) h" \
	"    JOIN people ac ON ac.id = h.actor_id" \
	"    LEFT JOIN people v ON v.id = h.via_id" \
	"    LEFT JOIN units fu ON fu.id = h.from_unit_id" \
	"    LEFT JOIN units tu ON tu.id = h.to_unit_id" \
	"    LEFT JOIN people fo ON fo.id = h.from_owner_id" \
	"    LEFT JOIN people tp ON tp.id = h.to_owner_id)"

/* A duty's coefficient as text, the shortest decimal: 1, 1.5, 0.25. */
#define COEFFICIENT_TEXT_OF_D \
	"rtrim(rtrim(printf('%d.%02d', d.coefficient_x100 / 100," \
	" d.coefficient_x100 % 100), '0'), '.')"

/* A duty's supporters as "P2:its part; P3" (in a part, \ and ; are
 * escaped with a backslash), by code. */
#define SUPPORT_TEXT_OF_D \
	"(SELECT ifnull(group_concat(item, '; '), '') FROM (SELECT su.code ||" \
	"  CASE WHEN s.part = '' THEN '' ELSE ':' || replace(replace(s.part," \
	"  '\\', '\\\\'), ';', '\\;') END AS item" \
	"  FROM duty_support s JOIN units su ON su.id = s.unit_id" \
	"  WHERE s.duty_id = d.id ORDER BY su.code))"

/* A person's login when entry h was written (issue #12): the one they had
 * before the first change of it after h, else the one they have. */
#define LOGIN_AT(id, now) \
	"ifnull((SELECT lc.login_was FROM login_changes lc WHERE lc.person_id = " id \
	" AND lc.entry_id > h.id ORDER BY lc.entry_id LIMIT 1), " now ")"

/* Issue #11: an entry of the duty ?1 that no 'undone' entry names. */
#define NOT_UNDONE \
	" AND id NOT IN (SELECT json_extract(u.detail, '$.entry') FROM history u" \
	"  WHERE u.duty_id = ?1 AND u.action = 'undone')"

/* Issue #11: the supporting units of the duty id, as a JSON array of
 * {unit, part, delivered_on, delivered_by} (with unit_id and
 * delivered_by_id, which an undo reads first) in the order of the units'
 * codes ("[]" when none). */
#define SUPPORT_JSON_OF(id) \
	"(SELECT json_group_array(json_object('unit', code, 'unit_id', unit_id," \
	"   'part', part, 'delivered_on', delivered_on, 'delivered_by', login," \
	"   'delivered_by_id', delivered_by)) FROM" \
	"  (SELECT u.code, s.unit_id, s.part, s.delivered_on, p.login, s.delivered_by" \
	"   FROM duty_support s" \
	"   JOIN units u ON u.id = s.unit_id LEFT JOIN people p ON p.id = s.delivered_by" \
	"   WHERE s.duty_id = " id " ORDER BY u.code))"

/* Figures kept in table against the same counted again, the rows that
 * differ: want and kept each give (gid, key, handoffs, figures as text;
 * kept's written with %s, as they are, so that a fraction or text put in
 * an integer's place is seen, where %d would cut it to a count);
 * each kept row against its count (none: NULL), then each count that has
 * no row in table, which match finds (k the table's row, w the count: two
 * outer joins, SQLite before 3.39 has no full one); named by the column
 * name of the rows of names. */
#define KEPT_CHECK_OF(want, kept, table, match, names, name) \
	"WITH want AS (" want "), kept AS (" kept ")," \
	" x AS (SELECT k.gid, k.key, k.handoffs, k.figures AS kept, w.figures AS counted" \
	"  FROM kept k LEFT JOIN want w ON w.gid = k.gid AND w.key = k.key" \
	"   AND w.handoffs = k.handoffs WHERE w.figures IS NOT k.figures" \
	"  UNION ALL SELECT w.gid, w.key, w.handoffs, NULL, w.figures" \
	"  FROM want w WHERE NOT EXISTS (SELECT 1 FROM " table " k WHERE " match "))" \
	" SELECT g." name ", x.key, x.handoffs, x.kept, x.counted FROM x" \
	" LEFT JOIN " names " g ON g.id = x.gid ORDER BY g." name ", x.key, x.handoffs"
/* The report's figures kept in table by unit, key (the day done, or its
 * month: expr of done_on) and handoffs against the duties counted
 * again. */
#define DONE_CHECK_SQL(table, key, expr) \
	DONE_CHECK_OF(table, "unit_id", "lead_unit_id", key, expr, "units", "code")
/* The same by the duty's column of, kept in table's col. */
#define DONE_CHECK_OF(table, col, of, key, expr, names, name) \
	KEPT_CHECK_OF("SELECT " of " AS gid, " expr " AS key, handoffs," \
	    "  printf('%d/%d/%d/%d', count(*), sum(done_on <= original_deadline)," \
	    "  sum(done_on > original_deadline), sum(bounced > 0)) AS figures" \
	    "  FROM duties WHERE reopened = 0 AND status IN ('submitted', 'done')" \
	    "  GROUP BY " of ", " expr ", handoffs", \
	    "SELECT " col " AS gid, " key " AS key, handoffs," \
	    "  printf('%s/%s/%s/%s', done, on_time, late, bounced) AS figures FROM " table, \
	    table, "k." col " = w.gid AND k." key " = w.key AND k.handoffs = w.handoffs", \
	    names, name)

/* The parts kept in table by unit and key (the day their duty was done,
 * or its month: expr of duty_done_on) against the parts counted again as
 * the report would read them: handoffs 0, the figures "parts/delivered/in
 * time/days to deliver/parts whose days are known". */
#define SUPPORT_FIGURES_COUNTED \
	"count(*), count(s.delivered_on)," \
	" count(*) FILTER (WHERE s.delivered_on <= s.duty_original_deadline)," \
	" ifnull(sum(CAST(" REPORT_PART_DAYS " AS INTEGER)), 0), count(" REPORT_PART_DAYS ")"
#define SUPPORT_CHECK_SQL(table, key, expr) \
	KEPT_CHECK_OF("SELECT s.unit_id AS gid, " expr " AS key, 0 AS handoffs," \
	    "  printf('%d/%d/%d/%d/%d', " SUPPORT_FIGURES_COUNTED ") AS figures" \
	    "  FROM duty_support s WHERE " REPORT_PART_KEPT("s.") \
	    "  GROUP BY s.unit_id, " expr, \
	    "SELECT unit_id AS gid, " key " AS key, 0 AS handoffs," \
	    "  printf('%s/%s/%s/%s/%s', parts, delivered, in_time, days, days_of) AS figures" \
	    "  FROM " table, \
	    table, "k.unit_id = w.gid AND k." key " = w.key", "units", "code")

/* The parts of duties not done kept in report_support_open by unit and
 * month of the original deadline (migration 27) against the parts
 * counted again: the figures "parts/delivered/in time/days to
 * deliver/parts whose days are known/not delivered". */
#define REPORT_PART_OPEN(s) \
	s "duty_original_deadline IS NOT NULL AND " s "duty_done_on IS NULL" \
	" AND " s "duty_cancelled_on IS NULL"
#define SUPPORT_OPEN_CHECK_SQL \
	KEPT_CHECK_OF("SELECT s.unit_id AS gid, substr(s.duty_original_deadline, 1, 7) AS key," \
	    "  0 AS handoffs, printf('%d/%d/%d/%d/%d/%d', " SUPPORT_FIGURES_COUNTED "," \
	    "  count(*) FILTER (WHERE s.delivered_on IS NULL)) AS figures" \
	    "  FROM duty_support s WHERE " REPORT_PART_OPEN("s.") \
	    "  GROUP BY s.unit_id, substr(s.duty_original_deadline, 1, 7)", \
	    "SELECT unit_id AS gid, month AS key, 0 AS handoffs," \
	    "  printf('%s/%s/%s/%s/%s/%s', parts, delivered, in_time, days, days_of, undelivered)" \
	    "  AS figures FROM report_support_open", \
	    "report_support_open", "k.unit_id = w.gid AND k.month = w.key", "units", "code")

/* The escalations and returns kept in table by unit, key (the day made,
 * or its month: expr of created_on) and kind, against the proposals
 * counted again (migration 26): the key "day kind", the figure a count. */
#define HANDOFF_CHECK_SQL(table, key, expr) \
	KEPT_CHECK_OF("SELECT from_unit_id AS gid, " expr " || ' ' || kind AS key, 0 AS handoffs," \
	    "  CAST(count(*) AS TEXT) AS figures FROM handoffs" \
	    "  WHERE kind IN ('escalate', 'return') GROUP BY from_unit_id, kind, " expr, \
	    "SELECT unit_id AS gid, " key " || ' ' || kind AS key, 0 AS handoffs," \
	    "  CAST(n AS TEXT) AS figures FROM " table, \
	    table, "k.unit_id = w.gid AND k." key " = substr(w.key, 1, instr(w.key, ' ') - 1)" \
	    " AND k.kind = substr(w.key, instr(w.key, ' ') + 1)", "units", "code")
/* The extension requests kept in table by their duty's lead unit and key
 * (the UTC day asked, or its month: expr of created_at), against the
 * requests counted again (migration 26): "requests/days approved". */
#define EXTENSION_CHECK_SQL(table, key, expr) \
	KEPT_CHECK_OF("SELECT lead_unit_id AS gid, " expr " AS key, 0 AS handoffs," \
	    "  printf('%d/%d', count(*), sum(CAST(" REPORT_DAYS_APPROVED("") " AS INTEGER)))" \
	    "  AS figures" \
	    "  FROM extensions WHERE lead_unit_id IS NOT NULL GROUP BY lead_unit_id, " expr, \
	    "SELECT unit_id AS gid, " key " AS key, 0 AS handoffs," \
	    "  printf('%s/%s', n, days_added) AS figures FROM " table, \
	    table, "k.unit_id = w.gid AND k." key " = w.key", "units", "code")

/* The open stock kept in table by unit and key (expr of the duty: the
 * month or day of its original deadline, or its last day of progress),
 * against the stock counted again: the figure a count. */
#define STOCK_CHECK_SQL(table, key, expr) \
	KEPT_CHECK_OF("SELECT lead_unit_id AS gid, " expr " AS key, 0 AS handoffs," \
	    "  CAST(count(*) AS TEXT) AS figures FROM duties d WHERE " REPORT_STOCK_DUTY \
	    "  GROUP BY lead_unit_id, " expr, \
	    "SELECT unit_id AS gid, " key " AS key, 0 AS handoffs, CAST(open AS TEXT) AS figures" \
	    "  FROM " table, \
	    table, "k.unit_id = w.gid AND k." key " = w.key", "units", "code")

/* For the replay: a value an undone entry's detail holds (ST_UNDONE_DETAIL:
 * at path, its own or its snapshot's), when it is there and of the type;
 * else none. */
#define UNDONE_STATE(key, type, none, path) \
	"CASE WHEN action = 'undone' AND json_valid(detail)" \
	" AND json_type(detail, '" path key "') = '" type "'" \
	" THEN json_extract(detail, '" path key "') ELSE " none " END"

static const char *const sqls[ST__MAX] = {
	[ST_UNIT_BY_CODE] =
	"SELECT id, code, name, kind, ifnull(parent_id, 0)"
	" FROM units WHERE code = ?1",
	[ST_UNIT_BY_ID] =
	"SELECT id, code, name, kind, ifnull(parent_id, 0)"
	" FROM units WHERE id = ?1",
	[ST_UNIT_INSERT] =
	"INSERT INTO units (code, name, kind, parent_id)"
	" VALUES (?1, ?2, ?3, ?4)",
	[ST_UNIT_WITHIN] =
	"WITH RECURSIVE up(id) AS (SELECT ?1"
	"  UNION SELECT u.parent_id FROM units u JOIN up ON u.id = up.id"
	"  WHERE u.parent_id IS NOT NULL)"
	" SELECT EXISTS (SELECT 1 FROM up WHERE id = ?2)",
	[ST_UNIT_LIST] =
	"WITH RECURSIVE tree(id, path) AS ("
	"  SELECT id, code FROM units WHERE parent_id IS NULL"
	"  UNION ALL SELECT u.id, tree.path || '/' || u.code"
	"  FROM units u JOIN tree ON u.parent_id = tree.id)"
	" SELECT u.id, u.code, u.name, u.kind, ifnull(u.parent_id, 0),"
	"  p.code, (SELECT group_concat(login, ', ') FROM (SELECT h.login"
	"   FROM unit_heads uh JOIN people h ON h.id = uh.person_id"
	"   WHERE uh.unit_id = u.id ORDER BY uh.id)),"
	"  (SELECT count(*) FROM people WHERE unit_id = u.id AND left_on IS NULL),"
	"  (SELECT count(*) FROM duties WHERE lead_unit_id = u.id"
	"   AND status IN ('open', 'submitted'))"
	" FROM tree JOIN units u ON u.id = tree.id"
	" LEFT JOIN units p ON p.id = u.parent_id"
	" ORDER BY tree.path",
	[ST_PERSON_BY_LOGIN] =
	"SELECT id, login, full_name, ifnull(unit_id, 0), role, left_on FROM people"
	" WHERE login = ?1",
	[ST_PERSON_BY_ID] =
	"SELECT id, login, full_name, ifnull(unit_id, 0), role, left_on FROM people"
	" WHERE id = ?1",
	[ST_PERSON_INSERT] =
	"INSERT INTO people (login, full_name, unit_id, role) VALUES (?1, ?2, ?3, ?4)",
	[ST_PERSON_UPDATE] =
	"UPDATE people SET full_name = ?2, unit_id = ?3, role = ?4 WHERE id = ?1",
	[ST_PERSON_LIST] =
	"SELECT p.id, p.login, p.full_name, ifnull(p.unit_id, 0), p.role, p.left_on,"
	"  u.code, EXISTS (SELECT 1 FROM unit_heads uh WHERE uh.person_id = p.id),"
	"  p.mail"
	" FROM people p LEFT JOIN units u ON u.id = p.unit_id"
	" WHERE ?1 IS NULL OR p.unit_id = ?1"
	" ORDER BY u.code IS NULL, u.code, p.login",
	[ST_DUTY_BY_REF] =
	"SELECT " DUTY_COLUMNS " FROM duties WHERE ref = ?1 OR uuid = lower(?1)",
	[ST_DUTY_INSERT] =
	"INSERT INTO duties (uuid, ref, title, search_key, result, basis, field,"
	"  assigner_id, lead_unit_id, owner_id, created_at, original_deadline,"
	"  deadline, status, done_on, closed_on, last_progress_on, handoffs,"
	"  bounced, escalated)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	"  nullif(?15, ''), nullif(?16, ''), ?17, ?18, ?19, ?20)",
	[ST_DUTY_UPDATE] =
	"UPDATE duties SET lead_unit_id = ?2, owner_id = ?3, deadline = ?4,"
	"  status = ?5, done_on = nullif(?6, ''), closed_on = nullif(?7, ''),"
	"  last_progress_on = ?8, handoffs = ?9, bounced = ?10, escalated = ?11,"
	"  reopened = ?12 WHERE id = ?1",
	[ST_REF_NEXT] =
	"INSERT INTO ref_counters (prefix, last) VALUES (?1, 1)"
	" ON CONFLICT (prefix) DO UPDATE SET last = last + 1",
	[ST_REF_GET] =
	"SELECT last FROM ref_counters WHERE prefix = ?1",
	[ST_SUPPORT_ADD] =
	"INSERT INTO duty_support (duty_id, unit_id, part) VALUES (?1, ?2, ?3)",
	[ST_SUPPORT_REMOVE] =
	"DELETE FROM duty_support WHERE duty_id = ?1 AND unit_id = ?2",
	[ST_SUPPORT_IS] =
	"SELECT EXISTS (SELECT 1 FROM duty_support WHERE duty_id = ?1 AND unit_id = ?2)",
	[ST_SUPPORT_LIST] =
	"SELECT u.code, u.name, s.part, s.delivered_on, s.unit_id,"
	"  ifnull(s.delivered_by, 0) FROM duty_support s"
	" JOIN units u ON u.id = s.unit_id WHERE s.duty_id = ?1 ORDER BY u.code",
	[ST_SUPPORT_DELIVERED] =
	"SELECT ifnull(delivered_on, '') FROM duty_support"
	" WHERE duty_id = ?1 AND unit_id = ?2",
	[ST_SUPPORT_DELIVER] =
	"UPDATE duty_support SET delivered_on = ?3, delivered_by = ?4"
	" WHERE duty_id = ?1 AND unit_id = ?2 AND delivered_on IS NULL",
	[ST_HANDOFF_PENDING] =
	"SELECT id, duty_id, kind, from_unit_id, to_unit_id, proposed_by, reason,"
	"  created_on FROM handoffs WHERE duty_id = ?1 AND state = 'pending'",
	[ST_HANDOFF_INSERT] =
	"INSERT INTO handoffs (duty_id, kind, from_unit_id, to_unit_id,"
	"  proposed_by, reason, created_at, created_on)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ST_HANDOFF_CLOSE] =
	"UPDATE handoffs SET state = ?2, answered_by = ?3, answered_at = ?4,"
	"  answer_reason = ?5, new_owner_id = ?6 WHERE id = ?1 AND state = 'pending'",
	[ST_EXT_PENDING] =
	"SELECT id, duty_id, requested_by, old_deadline, new_deadline, reason"
	" FROM extensions WHERE duty_id = ?1 AND state = 'pending'",
	[ST_EXT_INSERT] =
	"INSERT INTO extensions (duty_id, requested_by, old_deadline, new_deadline,"
	"  reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[ST_EXT_CLOSE] =
	"UPDATE extensions SET state = ?2, answered_by = ?3, answered_at = ?4,"
	"  answer_reason = ?5 WHERE id = ?1 AND state = 'pending'",
	[ST_PROGRESS_INSERT] =
	"INSERT INTO progress_notes (duty_id, person_id, unit_id, at, note)"
	" VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_HISTORY_ADD] =
	"INSERT INTO history (id, duty_id, at, actor_id, via_id, action, from_unit_id,"
	"  to_unit_id, from_owner_id, to_owner_id, text, detail, hash, data, seal)"
	" VALUES (?12, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?13, ?14, ?15)",
	[ST_HISTORY_LIST] =
	"SELECT h.at, h.action, a.login, v.login, fu.code, tu.code, fo.login,"
	/* An undo's detail is read apart (issue #11): the action undone and
	 * its moment. */
	"  tp.login, h.text,"
	"  CASE WHEN h.action = 'undone' THEN NULL ELSE h.detail END,"
	"  CASE h.action WHEN 'undone' THEN json_extract(h.detail, '$.action') END,"
	"  CASE h.action WHEN 'undone' THEN (SELECT x.at FROM history x"
	"   WHERE x.id = json_extract(h.detail, '$.entry')) END"
	" FROM history h JOIN people a ON a.id = h.actor_id"
	" LEFT JOIN people v ON v.id = h.via_id"
	" LEFT JOIN units fu ON fu.id = h.from_unit_id"
	" LEFT JOIN units tu ON tu.id = h.to_unit_id"
	" LEFT JOIN people fo ON fo.id = h.from_owner_id"
	" LEFT JOIN people tp ON tp.id = h.to_owner_id"
	" WHERE h.duty_id = ?1 ORDER BY h.id",
	/* Only the entries that made a unit lead, or a person owner, count:
	 * proposals and refusals name a unit that never held the duty; nor
	 * does a move that was undone (issue #11), so that a corrected
	 * mistake leaves no bounce behind. */
	[ST_HELD_UNIT] =
	"SELECT EXISTS (SELECT 1 FROM history WHERE duty_id = ?1 AND to_unit_id = ?2"
	"  AND action IN ('created', 'accepted', 'redirected')" NOT_UNDONE ")",
	[ST_HELD_OWNER] =
	"SELECT EXISTS (SELECT 1 FROM history WHERE duty_id = ?1 AND to_owner_id = ?2"
	"  AND action IN ('created', 'accepted', 'assigned', 'redirected')" NOT_UNDONE ")",
	[ST_DUTY_LIST] = LIST_SQL("1"),
	[ST_DUTY_LIST_STATUS] = LIST_SQL_STATUS,
	[ST_DUTY_LIST_OPEN] = LIST_SQL_OPEN,
	/* The city's open duties as duties_open_list holds them, nothing
	 * joined: list_open_city names their units and people and works out
	 * their flags (?13, ?20, ?21 as in LIST_SQL_WITH).  What a table
	 * does not show (uuid, field, supporting units, when made) is read
	 * for CSV alone (?14): 45,000 rows at 1M. */
	[ST_DUTY_LIST_OPEN_BARE] =
	"SELECT d.id, d.ref, CASE WHEN ?14 THEN d.uuid END, d.title,"
	"  d.lead_unit_id, d.owner_id, d.assigner_id, d.deadline,"
	"  d.original_deadline, CASE WHEN ?14 THEN d.field END,"
	"  " LIST_SUPPORT("duty_support s INDEXED BY duty_support_live_duty",
	    " AND s.live = 1") ","
	"  d.handoffs, d.done_on, CASE WHEN ?14 THEN d.created_at END,"
	"  d.last_progress_on, d.bounced, d.escalated"
	" FROM duties d"
	" WHERE d.status = 'open' AND d.deadline < ?13 AND d.deadline >= ?20"
	"  AND d.handoffs >= ?21"
	" ORDER BY d.deadline, d.ref",
	/* Every unit's code and every person's login and name, for a long
	 * list to name its rows from (list_open_city): one read of each
	 * table costs less than a lookup for each of its thousands. */
	[ST_UNIT_NAMES] = "SELECT id, code, '' FROM units ORDER BY id",
	[ST_PERSON_NAMES] = "SELECT id, login, full_name FROM people ORDER BY id",
	/* The duties a proposal or an extension request waits on, and since
	 * when: duties_shown's joins and pending_since, word for word, for
	 * them alone (one of each at most waits: handoffs_one_pending,
	 * extensions_one_pending); an id that is not an integer joins no
	 * duty there, and is left out here. */
	[ST_PENDING_SINCE_ALL] =
	"SELECT w.duty_id,"
	"  CASE WHEN px.id IS NULL THEN ph.created_on"
	"   ELSE min(ifnull(ph.created_on, '9999-12-31'),"
	"    date(px.created_at, 'localtime')) END"
	" FROM (SELECT duty_id FROM handoffs WHERE state = 'pending'"
	"  UNION SELECT duty_id FROM extensions WHERE state = 'pending') w"
	" LEFT JOIN handoffs ph ON ph.duty_id = w.duty_id AND ph.state = 'pending'"
	" LEFT JOIN extensions px ON px.duty_id = w.duty_id AND px.state = 'pending'"
	" WHERE typeof(w.duty_id) = 'integer'"
	" ORDER BY w.duty_id",
	[ST_DUTY_LIST_UNIT] = LIST_SQL("d.lead_unit_id = ?1"),
	[ST_DUTY_LIST_OWNER] = LIST_SQL("d.owner_id = ?2"),
	[ST_DUTY_LIST_UNIT_LIVE] = LIST_SQL_LIVE("d.lead_unit_id = ?1"),
	[ST_DUTY_LIST_OWNER_LIVE] = LIST_SQL_LIVE("d.owner_id = ?2"),
	[ST_DUTY_JSON] =
	"SELECT json_insert(" DUTY_JSON_OBJECT ","
	"  '$.pending_handoff', (SELECT json_object('kind', h.kind,"
	"    'from', fu.code, 'to', tu.code, 'by', p.login, 'reason', h.reason,"
	"    'since', h.created_on) FROM handoffs h"
	"    JOIN units fu ON fu.id = h.from_unit_id"
	"    JOIN units tu ON tu.id = h.to_unit_id"
	"    JOIN people p ON p.id = h.proposed_by"
	"    WHERE h.duty_id = d.id AND h.state = 'pending'),"
	"  '$.pending_extension', (SELECT json_object('from', x.old_deadline,"
	"    'to', x.new_deadline, 'by', p.login, 'reason', x.reason)"
	"    FROM extensions x JOIN people p ON p.id = x.requested_by"
	"    WHERE x.duty_id = d.id AND x.state = 'pending'),"
	"  '$.history', (SELECT json_group_array(json_object('at', h.at,"
	"    'action', h.action, 'by', ac.login, 'via', v.login,"
	"    'from_unit', fu.code, 'to_unit', tu.code, 'from_owner', fo.login,"
	"    'to_owner', tp.login, 'text', h.text, 'detail', h.detail))"
	"    FROM (SELECT * FROM history WHERE duty_id = d.id ORDER BY id) h"
	"    JOIN people ac ON ac.id = h.actor_id"
	"    LEFT JOIN people v ON v.id = h.via_id"
	"    LEFT JOIN units fu ON fu.id = h.from_unit_id"
	"    LEFT JOIN units tu ON tu.id = h.to_unit_id"
	"    LEFT JOIN people fo ON fo.id = h.from_owner_id"
	"    LEFT JOIN people tp ON tp.id = h.to_owner_id))"
	" FROM duties_shown d"
	" JOIN units lu ON lu.id = d.lead_unit_id"
	" JOIN people o ON o.id = d.owner_id"
	" JOIN people a ON a.id = d.assigner_id"
	" WHERE d.id = ?1",
	[ST_DUTY_DETAIL] =
	"SELECT lu.code, lu.name, o.login, o.full_name, a.login, a.full_name,"
	"  d.shown_status, " FLAGS_OF_D
	" FROM duties_shown d"
	" JOIN units lu ON lu.id = d.lead_unit_id"
	" JOIN people o ON o.id = d.owner_id"
	" JOIN people a ON a.id = d.assigner_id"
	" WHERE d.id = ?1",
	[ST_REF_AT_LEAST] =
	"INSERT INTO ref_counters (prefix, last) VALUES (?1, ?2)"
	" ON CONFLICT (prefix) DO UPDATE SET last = max(last, excluded.last)",
	[ST_EXPORT] =
	"SELECT d.uuid, d.ref, d.title, lu.code, o.login, d.deadline, d.result,"
	"  d.basis, a.login, " SUPPORT_TEXT_OF_D ", d.field, d.created_at,"
	"  d.original_deadline, d.status, d.done_on, d.closed_on,"
	"  d.last_progress_on, d.handoffs, d.bounced, d.escalated,"
	"  (SELECT ifnull(group_concat(item, '; '), '') FROM (SELECT su.code || ':'"
	"    || s.delivered_on || ifnull(':' || p.login, '') AS item"
	"    FROM duty_support s JOIN units su ON su.id = s.unit_id"
	"    LEFT JOIN people p ON p.id = s.delivered_by"
	"    WHERE s.duty_id = d.id AND s.delivered_on IS NOT NULL ORDER BY su.code)),"
	"  " COEFFICIENT_TEXT_OF_D ","
	"  CASE WHEN ?1 THEN json_insert(" DUTY_JSON_OBJECT ","
	"    '$.stored_status', d.status, '$.bounced', d.bounced,"
	"    '$.escalated', d.escalated, '$.history', json(" HISTORY_JSON_OF_D "))"
	"  END"
	" FROM duties_shown d"
	" JOIN units lu ON lu.id = d.lead_unit_id"
	" JOIN people o ON o.id = d.owner_id"
	" JOIN people a ON a.id = d.assigner_id"
	" ORDER BY d.id",
	[ST_COUNT_DUTIES] = "SELECT count(*) FROM duties",
	[ST_COUNT_HISTORY] = "SELECT count(*) FROM history",
	[ST_COUNT_HANDOFFS] = "SELECT count(*) FROM handoffs",
	[ST_COUNT_PEOPLE] = "SELECT count(*) FROM people",
	[ST_COUNT_UNITS] = "SELECT count(*) FROM units",
	[ST_COUNT_ADMINS] =
	"SELECT count(*) FROM people WHERE role = 'admin' AND left_on IS NULL",
	[ST_DATA_VERSION] = "PRAGMA data_version",
	/* The chain: what a new entry's hash covers (its ids as people read
	 * them) and the last entry it follows. */
	[ST_CHAIN_TAIL] =
	"SELECT (SELECT uuid FROM duties WHERE id = ?1),"
	"  (SELECT login FROM people WHERE id = ?2),"
	"  (SELECT login FROM people WHERE id = ?3),"
	"  (SELECT code FROM units WHERE id = ?4),"
	"  (SELECT code FROM units WHERE id = ?5),"
	"  (SELECT login FROM people WHERE id = ?6),"
	"  (SELECT login FROM people WHERE id = ?7),"
	"  t.id, t.hash"
	" FROM (SELECT 1) LEFT JOIN (SELECT id, hash FROM history"
	"  ORDER BY id DESC LIMIT 1) t",
	/* Every entry in order, read the way ST_CHAIN_TAIL reads a new one;
	 * left joins, so that an entry pointing nowhere is still checked. */
	[ST_CHAIN_WALK] =
	"SELECT h.id, d.uuid, h.at, " LOGIN_AT("h.actor_id", "a.login") ","
	"  " LOGIN_AT("h.via_id", "v.login") ", h.action, fu.code, tu.code,"
	"  " LOGIN_AT("h.from_owner_id", "fo.login") ","
	"  " LOGIN_AT("h.to_owner_id", "tp.login") ", h.text, h.detail, h.hash, d.ref,"
	"  ifnull(h.duty_id, 0), h.actor_id, ifnull(h.via_id, 0),"
	"  ifnull(h.from_unit_id, 0), ifnull(h.to_unit_id, 0),"
	"  ifnull(h.from_owner_id, 0), ifnull(h.to_owner_id, 0), h.data, h.seal"
	" FROM history h LEFT JOIN duties d ON d.id = h.duty_id"
	" LEFT JOIN people a ON a.id = h.actor_id"
	" LEFT JOIN people v ON v.id = h.via_id"
	" LEFT JOIN units fu ON fu.id = h.from_unit_id"
	" LEFT JOIN units tu ON tu.id = h.to_unit_id"
	" LEFT JOIN people fo ON fo.id = h.from_owner_id"
	" LEFT JOIN people tp ON tp.id = h.to_owner_id"
	" ORDER BY h.id",
	/* The walk as migration 2 reads it, before the facts and seals. */
	[ST_CHAIN_WALK_V2] =
	"SELECT h.id, d.uuid, h.at, a.login, v.login, h.action, fu.code, tu.code,"
	"  fo.login, tp.login, h.text, h.detail, h.hash, d.ref,"
	"  ifnull(h.duty_id, 0), h.actor_id, ifnull(h.via_id, 0),"
	"  ifnull(h.from_unit_id, 0), ifnull(h.to_unit_id, 0),"
	"  ifnull(h.from_owner_id, 0), ifnull(h.to_owner_id, 0), NULL, NULL"
	" FROM history h LEFT JOIN duties d ON d.id = h.duty_id"
	" LEFT JOIN people a ON a.id = h.actor_id"
	" LEFT JOIN people v ON v.id = h.via_id"
	" LEFT JOIN units fu ON fu.id = h.from_unit_id"
	" LEFT JOIN units tu ON tu.id = h.to_unit_id"
	" LEFT JOIN people fo ON fo.id = h.from_owner_id"
	" LEFT JOIN people tp ON tp.id = h.to_owner_id"
	" ORDER BY h.id",
	[ST_CHAIN_SET] =
	"UPDATE history SET hash = ?2 WHERE id = ?1 AND hash IS NULL",
	[ST_CHAIN_HEAD] =
	"SELECT id, hash, at FROM history ORDER BY id DESC LIMIT 1",
	/* Who passes work to whom: the proposals made in a period, per pair of
	 * units, with how they were answered and of which kind. */
	[ST_GRAPH_EDGES] =
	"SELECT fu.code, fu.name, tu.code, tu.name, count(*),"
	"  count(*) FILTER (WHERE h.state = 'accepted'),"
	"  count(*) FILTER (WHERE h.state = 'rejected'),"
	"  count(*) FILTER (WHERE h.kind = 'transfer'),"
	"  count(*) FILTER (WHERE h.kind = 'escalate'),"
	"  count(*) FILTER (WHERE h.kind = 'return')"
	" FROM handoffs h JOIN units fu ON fu.id = h.from_unit_id"
	" JOIN units tu ON tu.id = h.to_unit_id"
	" WHERE h.created_on BETWEEN ?1 AND ?2"
	" GROUP BY h.from_unit_id, h.to_unit_id"
	" ORDER BY count(*) DESC, fu.code, tu.code",
	[ST_REPORT_UNITS] = REPORT_SQL(REPORT_BY_UNIT_SQL),
	[ST_REPORT_UNITS_NOW] = REPORT_SQL(REPORT_BY_UNIT_NOW_SQL),
	[ST_REPORT_STOCK_CURRENT] = REPORT_STOCK_CURRENT,
	/* report_done_days against the duties counted again, the rows that
	 * differ (migration 17's triggers; roviec verify). */
	[ST_REPORT_DONE_DAYS_CHECK] = DONE_CHECK_SQL("report_done_days", "day", "done_on"),
	[ST_REPORT_DONE_MONTHS_CHECK] = DONE_CHECK_SQL("report_done_months", "month",
	    "substr(done_on, 1, 7)"),
	[ST_REPORT_DONE_OWNER_MONTHS_CHECK] = DONE_CHECK_OF("report_done_owner_months",
	    "owner_id", "owner_id", "month", "substr(done_on, 1, 7)", "people", "login"),
	/* report_stock_months, report_stock_days and report_stock_progress
	 * against the open stock counted again (migrations 24 and 28's
	 * triggers; roviec verify): handoffs 0, the figures a count. */
	[ST_REPORT_STOCK_MONTHS_CHECK] = STOCK_CHECK_SQL("report_stock_months", "month",
	    "substr(original_deadline, 1, 7)"),
	[ST_REPORT_STOCK_DAYS_CHECK] = STOCK_CHECK_SQL("report_stock_days", "day",
	    "original_deadline"),
	[ST_REPORT_STOCK_PROGRESS_CHECK] = STOCK_CHECK_SQL("report_stock_progress", "day",
	    "last_progress_on"),
	/* report_support_days and report_support_months against the parts
	 * counted again (migration 25's triggers; roviec verify). */
	[ST_REPORT_SUPPORT_DAYS_CHECK] = SUPPORT_CHECK_SQL("report_support_days", "day",
	    "s.duty_done_on"),
	[ST_REPORT_SUPPORT_MONTHS_CHECK] = SUPPORT_CHECK_SQL("report_support_months", "month",
	    "substr(s.duty_done_on, 1, 7)"),
	[ST_REPORT_SUPPORT_OPEN_CHECK] = SUPPORT_OPEN_CHECK_SQL,
	[ST_REPORT_HANDOFF_DAYS_CHECK] = HANDOFF_CHECK_SQL("report_handoff_days", "day",
	    "created_on"),
	[ST_REPORT_HANDOFF_MONTHS_CHECK] = HANDOFF_CHECK_SQL("report_handoff_months", "month",
	    "substr(created_on, 1, 7)"),
	[ST_REPORT_EXTENSION_DAYS_CHECK] = EXTENSION_CHECK_SQL("report_extension_days", "day",
	    "substr(created_at, 1, 10)"),
	[ST_REPORT_EXTENSION_MONTHS_CHECK] = EXTENSION_CHECK_SQL("report_extension_months",
	    "month", "substr(created_at, 1, 7)"),
	[ST_REPORT_PEOPLE] = REPORT_SQL(REPORT_BY_PERSON_SQL),
	[ST_REPORT_CITY_PEOPLE] = REPORT_SQL(REPORT_BY_PERSON_OF(REPORT_CITY_PERSON_EVENTS)),
	PAGE_STMTS(PAGE_LEAD, TAB_LEAD),
	PAGE_STMTS(PAGE_SUPPORT, TAB_SUPPORT),
	PAGE_STMTS(PAGE_PROPOSALS, TAB_PROPOSALS),
	PAGE_STMTS(PAGE_FLAGGED, TAB_FLAGGED),
	PAGE_STMTS(PAGE_MINE, TAB_MINE),
	/* Issue 14: the ledger is the program's. */
	[ST_HEAD_ADD] =
	"INSERT INTO unit_heads (unit_id, person_id) VALUES (?1, ?2)",
	[ST_HEAD_REMOVE] =
	"DELETE FROM unit_heads WHERE unit_id = ?1 AND person_id = ?2",
	[ST_HEAD_IS] =
	"SELECT EXISTS (SELECT 1 FROM unit_heads WHERE unit_id = ?2 AND person_id = ?1)",
	/* Whether ?1 heads ?2 or a unit above it. */
	[ST_HEAD_ABOVE] =
	"WITH RECURSIVE up(id, depth) AS (SELECT ?2, 0"
	"  UNION SELECT u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.id"
	"  WHERE u.parent_id IS NOT NULL AND up.depth < 64)"
	" SELECT EXISTS (SELECT 1 FROM unit_heads h JOIN up ON h.unit_id = up.id"
	"  WHERE h.person_id = ?1)",
	/* The first head named: the one who takes what falls to "the head". */
	[ST_HEAD_FIRST] =
	"SELECT person_id FROM unit_heads WHERE unit_id = ?1 ORDER BY id LIMIT 1",
	[ST_HEAD_LIST] =
	"SELECT h.person_id, p.login FROM unit_heads h JOIN people p ON p.id = h.person_id"
	" WHERE h.unit_id = ?1 ORDER BY h.id",
	[ST_HEADED_BY] =
	"SELECT unit_id FROM unit_heads WHERE person_id = ?1 ORDER BY id",
	/* Migration 7 seals the entries made before it (rv_seal: the key). */
	[ST_SEAL_ALL] =
	"UPDATE history SET seal = rv_seal(id, hash) WHERE seal IS NULL",
	[ST_FIRST_ADMIN] =
	"SELECT id FROM people WHERE role = 'admin' ORDER BY id LIMIT 1",
	/* What migration 7 records of each unit, person and duty that the
	 * history before it did not: all of it, in the keys of the facts
	 * (facts.h) that replay.c reads. */
	[ST_BASELINE_UNITS] =
	"SELECT id, json_object('code', code, 'name', name, 'kind', kind,"
	"  'parent_id', parent_id, 'heads', (SELECT json_group_array(json_array(person_id))"
	"  FROM (SELECT person_id FROM unit_heads WHERE unit_id = units.id ORDER BY id)))"
	" FROM units ORDER BY id",
	[ST_BASELINE_PEOPLE] =
	"SELECT id, json_object('login', login, 'full_name', full_name,"
	"  'unit_id', unit_id, 'role', role) FROM people ORDER BY id",
	[ST_BASELINE_DUTIES] =
	"SELECT id, json_object('uuid', uuid, 'ref', ref, 'title', title,"
	"  'result', result, 'basis', basis, 'field', field, 'assigner_id', assigner_id,"
	"  'lead_unit_id', lead_unit_id, 'owner_id', owner_id, 'created_at', created_at,"
	"  'original_deadline', original_deadline, 'deadline', deadline, 'status', status,"
	"  'done_on', done_on, 'closed_on', closed_on, 'last_progress_on', last_progress_on,"
	"  'handoffs', handoffs, 'bounced', bounced, 'escalated', escalated,"
	"  'reopened', reopened, 'support', (SELECT json_group_array(json_array(unit_id,"
	"   part, delivered_on, delivered_by)) FROM (SELECT * FROM duty_support"
	"   WHERE duty_id = duties.id ORDER BY unit_id)))"
	" FROM duties ORDER BY id",
	/* The replay (replay.c) reads the history and every table it accounts
	 * for as stored, each in the order of its duty (for a merge). */
	[ST_REPLAY_ORG] =
	"SELECT 0, id, at, actor_id, ifnull(via_id, 0), action, ifnull(from_unit_id, 0),"
	"  ifnull(to_unit_id, 0), ifnull(from_owner_id, 0), ifnull(to_owner_id, 0),"
	"  text, detail, data, 0, NULL, NULL, NULL FROM history WHERE duty_id IS NULL"
	" ORDER BY id",
	[ST_REPLAY_UNITS] =
	"SELECT id, code, name, kind, ifnull(parent_id, 0) FROM units ORDER BY id",
	[ST_REPLAY_HEADS] =
	"SELECT unit_id, person_id FROM unit_heads ORDER BY unit_id, id",
	[ST_REPLAY_PEOPLE] =
	"SELECT id, login, full_name, ifnull(unit_id, 0), role, left_on, mail"
	" FROM people ORDER BY id",
	[ST_REPLAY_EVALUATIONS] =
	"SELECT person_id, period, general_x100, ifnull(cohesion, 0), reason, set_by,"
	"  set_at FROM evaluations ORDER BY person_id, period",
	[ST_REPLAY_DUTIES] =
	"SELECT id, uuid, ref, title, search_key, result, basis, field, assigner_id,"
	"  lead_unit_id, owner_id, created_at, original_deadline, deadline, status,"
	"  done_on, closed_on, last_progress_on, handoffs, bounced, escalated, reopened,"
	"  coefficient_x100, deadlines_missed, owner_since, ifnull(series_id, 0), period"
	" FROM duties ORDER BY id",
	[ST_REPLAY_SERIES] =
	"SELECT id, every, ifnull(day, 0), assigner_id, lead_unit_id, owner_id, created_at,"
	"  stopped_at, ifnull(stopped_by, 0) FROM series ORDER BY id",
	[ST_REPLAY_HISTORY] =
	"SELECT duty_id, id, at, actor_id, ifnull(via_id, 0), action, ifnull(from_unit_id, 0),"
	"  ifnull(to_unit_id, 0), ifnull(from_owner_id, 0), ifnull(to_owner_id, 0),"
	"  text, detail, data, " UNDONE_STATE("coefficient", "integer", "0", "$.state.") ","
	"  " UNDONE_STATE("owner_since", "text", "NULL", "$.state.") ","
	"  " UNDONE_STATE("first", "integer", "NULL", "$.") ","
	"  " UNDONE_STATE("entry", "integer", "NULL", "$.")
	" FROM history WHERE duty_id IS NOT NULL ORDER BY duty_id, id",
	[ST_REPLAY_HANDOFFS] =
	"SELECT duty_id, id, kind, from_unit_id, to_unit_id, proposed_by, reason,"
	"  created_at, created_on, state, ifnull(answered_by, 0), answered_at,"
	"  answer_reason, ifnull(new_owner_id, 0) FROM handoffs ORDER BY duty_id, id",
	[ST_REPLAY_EXTENSIONS] =
	"SELECT duty_id, id, requested_by, old_deadline, new_deadline, reason,"
	"  created_at, state, ifnull(answered_by, 0), answered_at, answer_reason,"
	"  ifnull(lead_unit_id, 0) FROM extensions ORDER BY duty_id, id",
	[ST_REPLAY_NOTES] =
	"SELECT duty_id, id, person_id, ifnull(unit_id, 0), at, note"
	" FROM progress_notes ORDER BY duty_id, id",
	[ST_REPLAY_SUPPORT] =
	"SELECT duty_id, unit_id, part, delivered_on, ifnull(delivered_by, 0), live,"
	"  deadline, duty_created_at, duty_original_deadline, duty_done_on,"
	"  duty_cancelled_on FROM duty_support ORDER BY duty_id, unit_id",
	/* issue #12 */
	[ST_DUTY_LIST_DONE] = LIST_SQL_BY("d.done_on BETWEEN ifnull(?15, '0000-01-01')"
	    " AND ifnull(?16, '9999-12-31')", "+"),
	[ST_DUTY_LIST_CREATED] = LIST_SQL_BY("d.created_at >= ifnull(?17, '')"
	    " AND d.created_at < ifnull(?18, '9999-12-31T')", "+"),
	/* Issue #10: the board over a working day. */
	PAGE_STMTS_FIRST(PAGE_ASSIGNED, TAB_ASSIGNED, WAITS_FOR_ASSIGNER),
	[ST_DUTY_LIST_ASSIGNER] = LIST_SQL("d.assigner_id = ?19"),
	[ST_DUTY_LIST_ASSIGNER_LIVE] = LIST_SQL_LIVE("d.assigner_id = ?19"),
	/* Issue #15: the city's lists by flag, each read from its flag's
	 * partial index (migration 21).  Each holds its index's own WHERE,
	 * word for word, so that SQLite may use it.  Tossed reads the range
	 * of handoffs from ?21: that term first, or SQLite seeks from the
	 * index's 0 and sifts every duty ever handed off.  The others read a
	 * range of status and deadline: of one stored status (?9 alone), in
	 * the list's order, so that --limit stops early, as
	 * ST_DUTY_LIST_STATUS does; of several, sorted. */
	[ST_DUTY_LIST_TOSSED] = LIST_SQL_BY("d.handoffs >= ?21 AND d.handoffs > 0", "+"),
	[ST_DUTY_LIST_BOUNCED] = LIST_SQL("d.bounced > 0"),
	[ST_DUTY_LIST_BOUNCED_ONE] = LIST_SQL_OF("d.bounced > 0", "", "= ?9"),
	[ST_DUTY_LIST_ESCALATED] = LIST_SQL("d.escalated > 0"),
	[ST_DUTY_LIST_ESCALATED_ONE] = LIST_SQL_OF("d.escalated > 0", "", "= ?9"),
	[ST_DUTY_LIST_LATE] = LIST_SQL("d.done_on > d.original_deadline"),
	[ST_DUTY_LIST_LATE_ONE] = LIST_SQL_OF("d.done_on > d.original_deadline", "", "= ?9"),
	/* The proposals and requests that wait, from the indexes that keep
	 * one of each per duty (handoffs_one_pending, extensions_one_pending). */
	[ST_DUTY_LIST_UNANSWERED] = LIST_SQL_BY("d.id IN (SELECT duty_id FROM handoffs"
	    " WHERE state = 'pending' UNION SELECT duty_id FROM extensions"
	    " WHERE state = 'pending')", "+"),
	[ST_UNIT_ALL] =
	"SELECT id, code, name, kind, ifnull(parent_id, 0)"
	" FROM units ORDER BY code",
	[ST_PERSON_ALL] =
	"SELECT id, login, full_name, ifnull(unit_id, 0), role, left_on FROM people"
	" ORDER BY login",
	/* Each read by its own index, the few rows sorted by id. */
	[ST_TAB_IDS_FIRST + PAGE_LEAD] =
	"SELECT id FROM duties WHERE lead_unit_id = ?1 AND status IN ('open', 'submitted')"
	" ORDER BY id",
	/* live: the duty is open or submitted (kept by the schema's triggers,
	 * checked by verify), so no duty is read (duty_support_live). */
	[ST_TAB_IDS_FIRST + PAGE_SUPPORT] =
	"SELECT duty_id FROM duty_support WHERE unit_id = ?1 AND live = 1 ORDER BY duty_id",
	[ST_TAB_IDS_FIRST + PAGE_PROPOSALS] =
	"SELECT duty_id FROM handoffs WHERE to_unit_id = ?1 AND state = 'pending'"
	" ORDER BY duty_id",
	[ST_TAB_IDS_FIRST + PAGE_FLAGGED] = TAB_IDS_SQL(TAB_FLAGGED),
	[ST_TAB_IDS_FIRST + PAGE_MINE] =
	"SELECT id FROM duties WHERE owner_id = ?2 AND status IN ('open', 'submitted')"
	" ORDER BY id",
	[ST_TAB_IDS_FIRST + PAGE_ASSIGNED] =
	"SELECT id FROM duties WHERE assigner_id = ?2 AND status IN ('open', 'submitted')"
	" ORDER BY id",
	/* Issue #11 (brief): each kind of what waits read by its own index,
	 * bounded by the person (their unit, what they own or assigned) or by
	 * the few pending answers of the whole city, never by the duties. */
	[ST_BRIEF_FIRST + WAIT_PROPOSAL] = BRIEF_SQL(
	    "(SELECT h.kind FROM handoffs h WHERE h.duty_id = d.id AND h.state = 'pending')",
	    "(SELECT fu.code FROM handoffs h JOIN units fu ON fu.id = h.from_unit_id"
	    "  WHERE h.duty_id = d.id AND h.state = 'pending')",
	    "(SELECT h.created_on FROM handoffs h WHERE h.duty_id = d.id AND h.state = 'pending')",
	    WAIT_PROPOSAL_COND),
	[ST_BRIEF_FIRST + WAIT_EXTENSION] = BRIEF_SQL("d.extension_asked", "NULL",
	    "(SELECT date(x.created_at, 'localtime') FROM extensions x"
	    "  WHERE x.duty_id = d.id AND x.state = 'pending')",
	    WAIT_EXTENSION_COND),
	[ST_BRIEF_FIRST + WAIT_CONFIRM] = BRIEF_SQL("NULL", "NULL", "d.done_on",
	    WAIT_CONFIRM_COND),
	[ST_BRIEF_FIRST + WAIT_OVERDUE] = BRIEF_SQL_FROM("duties", "NULL", "NULL", "NULL",
	    WAIT_OVERDUE_COND),
	[ST_BRIEF_FIRST + WAIT_DUE_SOON] = BRIEF_SQL("NULL", "NULL", "NULL",
	    WAIT_DUE_SOON_COND),
	[ST_BRIEF_FIRST + WAIT_NEW] = BRIEF_SQL("NULL",
	    "(SELECT a.login FROM history h JOIN people a ON a.id = h.actor_id"
	    "  WHERE h.duty_id = d.id AND h.to_owner_id = ?2 ORDER BY h.id DESC LIMIT 1)",
	    "(SELECT h.at FROM history h WHERE h.duty_id = d.id AND h.to_owner_id = ?2"
	    "  ORDER BY h.id DESC LIMIT 1)",
	    WAIT_NEW_COND),
	[ST_BRIEF_FIRST + WAIT_PART] = BRIEF_SQL(
	    "(SELECT s.part FROM duty_support s WHERE s.duty_id = d.id AND s.unit_id = ?8)",
	    "NULL", "NULL", WAIT_PART_COND),
	[ST_SEEN_GET] =
	"SELECT looked_at, language FROM people_seen WHERE person_id = ?1",
	[ST_SEEN_SET] =
	"INSERT INTO people_seen (person_id, looked_at, language) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (person_id) DO UPDATE SET looked_at = excluded.looked_at,"
	" language = excluded.language",
	[ST_NOTICE_SENT] =
	"SELECT 1 FROM notices_sent WHERE person_id = ?1 AND kind = ?2 AND duty_id = ?3"
	" AND key = ?4",
	[ST_NOTICE_ADD] =
	"INSERT OR IGNORE INTO notices_sent (person_id, kind, duty_id, key, sent_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5)",
	/* issue #13: the evaluation under Decree 335/2025 (evaluate.h). */
	[ST_DUTY_COEFFICIENT] =
	"SELECT coefficient_x100 FROM duties WHERE id = ?1",
	[ST_DUTY_SET_COEFFICIENT] =
	"UPDATE duties SET coefficient_x100 = ?2 WHERE id = ?1",
	[ST_DUTY_MISSED_DEADLINE] =
	"UPDATE duties SET deadlines_missed = deadlines_missed + 1 WHERE id = ?1",
	/* The officials evaluated: the people of a unit and the units under
	 * it (?1; NULL: all), but inspectors, who own nothing. */
	[ST_EVAL_PEOPLE] =
	"WITH RECURSIVE scope(id) AS ("
	"  SELECT id FROM units WHERE ?1 IS NULL OR id = ?1"
	"  UNION SELECT u.id FROM units u JOIN scope s ON u.parent_id = s.id"
	"  WHERE ?1 IS NOT NULL)"
	" SELECT p.id, p.login, p.full_name, p.unit_id, u.code"
	" FROM people p JOIN scope ON scope.id = p.unit_id"
	" JOIN units u ON u.id = p.unit_id"
	" WHERE p.role <> 'inspector'"
	" ORDER BY u.code, p.login",
	/* The duties confirmed from ?1 to ?2 (ISO days), with their delays:
	 * deadlines missed before an extension, and the last deadline if the
	 * confirmation came after it; read from duties_eval_done alone.  Named:
	 * without statistics SQLite prefers the equality on status of
	 * duties_status_deadline, and reads every done duty's row. */
	[ST_EVAL_DONE] =
	"SELECT owner_id, closed_on, coefficient_x100, reopened,"
	"  deadlines_missed + (closed_on > deadline), lead_unit_id, ref"
	" FROM duties INDEXED BY duties_eval_done"
	" WHERE status = 'done' AND closed_on BETWEEN ?1 AND ?2",
	/* The duties due from ?1 to ?2 that were not done by their deadline
	 * (open, submitted, or confirmed later); from duties_eval_due alone
	 * (named, as above). */
	[ST_EVAL_DUE] =
	"SELECT id, owner_id, deadline, closed_on, coefficient_x100, lead_unit_id,"
	"  created_at, ifnull(owner_since, created_at), ref"
	" FROM duties INDEXED BY duties_eval_due WHERE deadline BETWEEN ?1 AND ?2"
	"  AND (status IN ('open', 'submitted') OR (status = 'done' AND closed_on > deadline))",
	/* Who owned duty ?1 just before the moment ?2 (UTC), per its history. */
	[ST_EVAL_OWNER_AT] =
	"SELECT to_owner_id FROM history WHERE duty_id = ?1"
	"  AND to_owner_id IS NOT NULL AND at < ?2 ORDER BY id DESC LIMIT 1",
	/* The general criteria entered for the periods from ?1 to ?2. */
	[ST_EVAL_GENERAL_LIST] =
	"SELECT person_id, period, general_x100, ifnull(cohesion, 0) FROM evaluations"
	" WHERE period BETWEEN ?1 AND ?2",
	[ST_EVAL_GENERAL_GET] =
	"SELECT general_x100, ifnull(cohesion, 0) FROM evaluations"
	" WHERE person_id = ?1 AND period = ?2",
	[ST_EVAL_GENERAL_SET] =
	"INSERT INTO evaluations (person_id, period, general_x100, cohesion, reason,"
	"  set_by, set_at) VALUES (?1, ?2, ?3, nullif(?4, 0), ?5, ?6, ?7)"
	" ON CONFLICT (person_id, period) DO UPDATE SET"
	"  general_x100 = excluded.general_x100, cohesion = excluded.cohesion,"
	"  reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at",
	/* Issue #12: unit set, person set --login, person leave. */
	[ST_UNIT_UPDATE] =
	"UPDATE units SET name = ?2, kind = ?3, parent_id = ?4 WHERE id = ?1",
	[ST_PERSON_LOGIN] =
	"UPDATE people SET login = ?2 WHERE id = ?1",
	[ST_PERSON_LEAVE] =
	"UPDATE people SET left_on = ?2 WHERE id = ?1",
	[ST_LOGIN_CHANGE_ADD] =
	"INSERT INTO login_changes (person_id, login_was, entry_id)"
	" SELECT id, login, (SELECT ifnull(max(id), 0) + 1 FROM history)"
	" FROM people WHERE id = ?1",
	[ST_PERSON_OWNS] =
	"SELECT ref FROM duties WHERE owner_id = ?1 AND status IN ('open', 'submitted')"
	" ORDER BY ref",
	/* Issue #11: recurring duties, corrections, undo (migration 11). */
	[ST_SERIES_INSERT] =
	"INSERT INTO series (every, day, assigner_id, lead_unit_id, owner_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[ST_SERIES_BY_ID] =
	"SELECT id, every, ifnull(day, 0), assigner_id, lead_unit_id, owner_id,"
	"  stopped_at IS NOT NULL FROM series WHERE id = ?1",
	[ST_SERIES_RUNNING] =
	"SELECT id FROM series WHERE stopped_at IS NULL ORDER BY id",
	[ST_SERIES_STOP] =
	"UPDATE series SET stopped_at = ?2, stopped_by = ?3"
	" WHERE id = ?1 AND stopped_at IS NULL",
	[ST_DUTY_SET_SERIES] =
	"UPDATE duties SET series_id = ?2, period = ?3 WHERE id = ?1",
	[ST_DUTY_SERIES] =
	"SELECT series_id, period FROM duties WHERE id = ?1 AND series_id IS NOT NULL",
	/* The latest instance by period (duties_series_period). */
	[ST_SERIES_LAST] =
	"SELECT ref, period FROM duties WHERE series_id = ?1"
	" ORDER BY period DESC LIMIT 1",
	[ST_SERIES_HAS] =
	"SELECT EXISTS (SELECT 1 FROM duties WHERE series_id = ?1 AND period = ?2)",
	/* What undo puts back: the duty's texts, lead unit, owner, dates and
	 * counters, and its supporting units (SUPPORT_JSON_OF); units and
	 * people by id too, which a code or login renamed, and then given to
	 * another, in the minutes before the undo would not find again. */
	[ST_DUTY_SNAPSHOT] =
	"SELECT json_object('title', d.title, 'result', d.result, 'basis', d.basis,"
	"  'lead', lu.code, 'lead_id', lu.id, 'owner', o.login, 'owner_id', o.id,"
	"  'deadline', d.deadline,"
	"  'status', d.status, 'done_on', d.done_on, 'closed_on', d.closed_on,"
	"  'last_progress_on', d.last_progress_on, 'handoffs', d.handoffs,"
	"  'bounced', d.bounced, 'escalated', d.escalated, 'reopened', d.reopened,"
	"  'coefficient', d.coefficient_x100, 'owner_since', d.owner_since,"
	"  'support', json(" SUPPORT_JSON_OF("d.id") "))"
	" FROM duties d JOIN units lu ON lu.id = d.lead_unit_id"
	" JOIN people o ON o.id = d.owner_id WHERE d.id = ?1",
	[ST_SNAPSHOT_READ] =
	"SELECT json_extract(?1, '$.title'), json_extract(?1, '$.result'),"
	"  json_extract(?1, '$.basis'),"
	"  ifnull(json_extract(?1, '$.lead_id'),"
	"   (SELECT id FROM units WHERE code = json_extract(?1, '$.lead'))),"
	"  ifnull(json_extract(?1, '$.owner_id'),"
	"   (SELECT id FROM people WHERE login = json_extract(?1, '$.owner'))),"
	"  json_extract(?1, '$.deadline'), json_extract(?1, '$.status'),"
	"  json_extract(?1, '$.done_on'), json_extract(?1, '$.closed_on'),"
	"  json_extract(?1, '$.last_progress_on'), json_extract(?1, '$.handoffs'),"
	"  json_extract(?1, '$.bounced'), json_extract(?1, '$.escalated'),"
	"  json_extract(?1, '$.reopened'), json_array_length(?1, '$.support'),"
	"  ifnull(json_extract(?1, '$.coefficient'), 0)",
	[ST_SUPPORT_CLEAR] = "DELETE FROM duty_support WHERE duty_id = ?1",
	[ST_SUPPORT_FROM_JSON] =
	"INSERT INTO duty_support (duty_id, unit_id, part, delivered_on, delivered_by)"
	" SELECT ?1, unit_id, part, delivered_on, delivered_by FROM (SELECT"
	"  ifnull(json_extract(j.value, '$.unit_id'), (SELECT id FROM units"
	"   WHERE code = json_extract(j.value, '$.unit'))) AS unit_id,"
	"  ifnull(json_extract(j.value, '$.part'), '') AS part,"
	"  json_extract(j.value, '$.delivered_on') AS delivered_on,"
	"  ifnull(json_extract(j.value, '$.delivered_by_id'), (SELECT id FROM people"
	"   WHERE login = json_extract(j.value, '$.delivered_by'))) AS delivered_by"
	"  FROM json_each(?2, '$.support') j) WHERE unit_id IS NOT NULL",
	[ST_SUPPORT_SET_PART] =
	"UPDATE duty_support SET part = ?3 WHERE duty_id = ?1 AND unit_id = ?2",
	[ST_DUTY_SET_TEXTS] =
	"UPDATE duties SET title = ?2, search_key = ?3, result = ?4, basis = ?5"
	" WHERE id = ?1",
	[ST_UNDO_SET] =
	"INSERT INTO undo_points (duty_id, first_id, last_id, state)"
	" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (duty_id) DO UPDATE SET"
	"  first_id = excluded.first_id, last_id = excluded.last_id,"
	"  state = excluded.state",
	/* The duty's undo point with the entry it ends at, the duty's last
	 * entry, and the other actions its action wrote. */
	[ST_UNDO_GET] =
	"SELECT u.first_id, u.last_id, u.state, h.action, h.actor_id, h.at,"
	"  (SELECT max(id) FROM history WHERE duty_id = ?1),"
	"  (SELECT group_concat(x.action, ' ') FROM history x WHERE x.duty_id = ?1"
	"   AND x.id >= u.first_id AND x.id < u.last_id)"
	" FROM undo_points u JOIN history h ON h.id = u.last_id WHERE u.duty_id = ?1",
	[ST_UNDONE_DETAIL] =
	"SELECT json_object('entry', ?1, 'first', ?4, 'action', ?2, 'state', json(?3))",
	[ST_DUTY_LAST_ENTRY] =
	"SELECT ifnull(max(id), 0) FROM history WHERE duty_id = ?1",
	[ST_SUPPORT_COPY] =
	"INSERT INTO duty_support (duty_id, unit_id, part)"
	" SELECT ?1, s.unit_id, s.part FROM duty_support s WHERE s.duty_id = ?2"
	"  AND s.unit_id IS NOT (SELECT lead_unit_id FROM duties WHERE id = ?1)",
	/* Issue #11: an undo puts back when the owner became owner (the
	 * undone entry, naming the owner, stamped it: schema.sql); a snapshot
	 * made before it was kept leaves it. */
	[ST_OWNER_SINCE_RESTORE] =
	"UPDATE duties SET owner_since = json_extract(?2, '$.owner_since')"
	" WHERE id = ?1 AND json_type(?2, '$.owner_since') = 'text'",
	/* Issue #11: where the digest mails a person (migration 13). */
	[ST_PERSON_MAIL] = "SELECT mail FROM people WHERE id = ?1",
	[ST_PERSON_SET_MAIL] = "UPDATE people SET mail = ?2 WHERE id = ?1",
	[ST_NOTICE_FORGET] =
	"DELETE FROM notices_sent WHERE person_id = ?1 AND sent_at = ?2",
	/* Issue #11: each kind counted, the results to confirm and the parts
	 * owed from their index alone (a part's duty is there: a foreign key). */
	[ST_BRIEF_COUNT_FIRST + WAIT_PROPOSAL] = BRIEF_COUNT_SQL(WAIT_PROPOSAL_COND),
	[ST_BRIEF_COUNT_FIRST + WAIT_EXTENSION] = BRIEF_COUNT_SQL(WAIT_EXTENSION_COND),
	[ST_BRIEF_COUNT_FIRST + WAIT_CONFIRM] = BRIEF_COUNT_SQL_FROM("duties", WAIT_CONFIRM_COND),
	[ST_BRIEF_COUNT_FIRST + WAIT_OVERDUE] = BRIEF_COUNT_SQL_FROM("duties", WAIT_OVERDUE_COND),
	[ST_BRIEF_COUNT_FIRST + WAIT_DUE_SOON] = BRIEF_COUNT_SQL(WAIT_DUE_SOON_COND),
	[ST_BRIEF_COUNT_FIRST + WAIT_NEW] = BRIEF_COUNT_SQL(WAIT_NEW_COND),
	[ST_BRIEF_COUNT_FIRST + WAIT_PART] =
	"SELECT count(*) FROM duty_support WHERE " WAIT_PART_OWED,
};

static enum rv_code chain_fill(sqlite3 *db, int version, void *arg,
    struct rv_err *err);
static enum rv_code upgrade_hook(sqlite3 *db, int version, void *arg,
    struct rv_err *err);
static enum rv_code backup_to(struct store *st, const char *path,
    struct backup_info *info, struct rv_err *err);
static int busy_wait(void *arg, int calls);

struct store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *stmts[ST__MAX];
	int busy;		/* the last failure was a busy/locked one */
	long long busy_since;	/* ms: when the current wait in step began */
	int depth;		/* open store_begin / store_write nesting */
	struct flag_rules rules;
	day_t today;
	/* The ledger's key (chain.h), from the file key_path beside the
	 * database; without it nothing can be appended to the history. */
	char *key_path;
	struct chain_key key;
	int has_key;
	int key_errno;		/* why it could not be read (0: not tried) */
	/* rv_local_julianday's local days, by UTC day (the zone is set once,
	 * before the store opens: config_apply_zone). */
	struct dates_zone_cache zone;
};

/* --- errors ------------------------------------------------------------ */

static int
is_busy(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

/*
 * Maps a failed SQLite call to an rv_code and message.  A constraint (a
 * CHECK, a UNIQUE index, a trigger's RAISE) is a refusal of the rules and
 * carries SQLite's text, which for triggers is ours; busy marks the store so
 * that store_write retries; the rest are storage failures.
 */
/* The refusals the schema's triggers raise (db/schema.sql, RAISE), marked
 * for the catalogue so that people read them in their language. */
static const char *const schema_refusals[] = {
	N_("a handoff proposal is answered only once"),
	N_("a history entry needs its hash: write it through roviec"),
	N_("a unit cannot be placed under itself"),
	N_("an extension request is answered only once"),
	N_("duties are never deleted: cancel them instead"),
	N_("evaluations are never deleted: enter the right value instead"),
	N_("extension requests are never deleted"),
	N_("handoff proposals are never deleted"),
	N_("only an open duty can be handed off"),
	N_("progress notes cannot be changed"),
	N_("progress notes cannot be deleted"),
	N_("the head of a unit must be an official of it"),
	N_("the head of a unit must belong to it"),
	N_("the history is append-only: entries cannot be changed"),
	N_("the history is append-only: entries cannot be deleted"),
	N_("the lead unit cannot also be a supporting unit"),
	N_("the owner must be an official of the lead unit"),
	N_("this person heads a unit: name another head first"),
	N_("this person owns open duties of their unit: reassign them first"),
};

static enum rv_code
fail(struct store *st, int rc, struct rv_err *err)
{
	const char *msg = sqlite3_errmsg(st->db);
	int sys = sqlite3_system_errno(st->db) != 0 ? sqlite3_system_errno(st->db) : errno;

	if (is_busy(rc)) {
		st->busy = 1;
		return err_set(err, RV_STORAGE,
		    _("the database %s stayed locked by other sessions for too long; try again"),
		    st->path);
	}
	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		return err_set(err, RV_REFUSED, _("refused by the database: %s"),
		    i18n_shown(schema_refusals,
		    sizeof(schema_refusals) / sizeof(schema_refusals[0]), msg));
	case SQLITE_READONLY:
		return err_set(err, RV_STORAGE,
		    _("the database %s is read-only for you; ask the administrator for write access"),
		    st->path);
	case SQLITE_FULL:
		return err_set(err, RV_STORAGE,
		    _("the disk holding %s is full; nothing was saved"), st->path);
	case SQLITE_IOERR:
		/* A file made read-only (or immutable) under an open session.
		 * SQLite 3.40 may lose the system errno; errno still holds it. */
		if (sys == EPERM || sys == EACCES || sys == EROFS)
			return err_set(err, RV_STORAGE,
			    _("the database %s has become read-only; nothing was saved; "
			    "ask the administrator for write access"), st->path);
		/* A write refused by the system: the disk filled up, or the file
		 * may grow no more (a quota, a file size limit). */
		if (sys == ENOSPC || sys == EFBIG || sys == EDQUOT ||
		    rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC ||
		    rc == SQLITE_IOERR_TRUNCATE || rc == SQLITE_IOERR_SHMSIZE)
			return err_set(err, RV_STORAGE,
			    _("cannot write to %s: the disk is full or the file may not grow "
			    "(%s); nothing was saved; free some space or ask the administrator"),
			    st->path, msg);
		return err_set(err, RV_STORAGE, _("database error on %s: %s"), st->path, msg);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_set(err, RV_STORAGE,
		    _("the database %s is damaged (%s); restore it from a backup"), st->path, msg);
	default:
		return err_set(err, RV_STORAGE, _("database error on %s: %s"), st->path, msg);
	}
}

/* A "not found" refusal quoting what was asked for, cut to 40 columns at a
 * character boundary (or naming the row id when asked by id). */
static enum rv_code
quoted(struct rv_err *err, const char *fmt, const char *asked, rowid_t id)
{
	char *cut, num[32];

	if (asked == NULL) {
		snprintf(num, sizeof(num), "#%lld", (long long)id);
		asked = num;
	}
	cut = text_fit(asked, 40, 0);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	err_set(err, RV_REFUSED, fmt, cut != NULL ? cut : "");
#pragma GCC diagnostic pop
	free(cut);
	return RV_REFUSED;
}

/* --- statements -------------------------------------------------------- */

/* The prepared statement for id, reset and unbound; NULL on failure. */
static sqlite3_stmt *
stmt(struct store *st, enum stmt id, struct rv_err *err)
{
	sqlite3_stmt *s = st->stmts[id];
	int rc;

	if (s != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	rc = sqlite3_prepare_v3(st->db, sqls[id], -1, SQLITE_PREPARE_PERSISTENT,
	    &st->stmts[id], NULL);
	if (rc != SQLITE_OK) {
		fail(st, rc, err);
		return NULL;
	}
	return st->stmts[id];
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

/* Binds an id, with 0 meaning NULL. */
static void
bind_id(sqlite3_stmt *s, int i, rowid_t v)
{
	if (v == 0)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, v);
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v == NULL ? NULL : strdup((const char *)v);
}

static const char *
col_str(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* A column the schema says is never NULL, as "" if it is anyway (a
 * database whose schema was edited past its NOT NULL: verify's to name). */
static const char *
col_str_or_empty(sqlite3_stmt *s, int i)
{
	const char *v = col_str(s, i);

	return v != NULL ? v : "";
}

static void
col_copy(sqlite3_stmt *s, int i, char *buf, size_t size)
{
	const char *v = col_str(s, i);

	snprintf(buf, size, "%s", v == NULL ? "" : v);
}

/* Ends a loop over the rows of s: RV_OK when it ran to the end (or the
 * caller stopped it), the failure otherwise. */
static enum rv_code
rows_done(struct store *st, sqlite3_stmt *s, int rc, struct rv_err *err)
{
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(st, rc, err);
	return RV_OK;
}

/* Steps a statement that returns no row. */
static enum rv_code
run(struct store *st, sqlite3_stmt *s, struct rv_err *err)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return fail(st, rc, err);
	return RV_OK;
}

/* Steps a statement expected to return one row: RV_OK with the row ready,
 * RV_REFUSED when there is none (err filled by the caller), or failure. */
static enum rv_code
one_row(struct store *st, sqlite3_stmt *s, int *found, struct rv_err *err)
{
	int rc = sqlite3_step(s);

	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return RV_OK;
	return fail(st, rc, err);
}

/* A statement returning one integer. */
static enum rv_code
one_int(struct store *st, enum stmt id, rowid_t a, rowid_t b, long long *out,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, id, err);
	enum rv_code rc;
	int found;

	if (s == NULL)
		return RV_STORAGE;
	if (sqlite3_bind_parameter_count(s) >= 1)
		sqlite3_bind_int64(s, 1, a);
	if (sqlite3_bind_parameter_count(s) >= 2)
		sqlite3_bind_int64(s, 2, b);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	*out = found ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return RV_OK;
}

/* --- the flags function ------------------------------------------------ */

/* An ISO day stored, or DAY_NONE for NULL or anything else. */
static day_t
day_or_none(const char *s)
{
	day_t d;

	return s != NULL && dates_from_iso(s, &d) == 0 ? d : DAY_NONE;
}

/* The day of a text read again and again, row after row (a long list's
 * deadlines, in order): parsed once for each run of the same text. */
struct day_memo {
	int known;
	char text[11];	/* "YYYY-MM-DD", or any other text that short */
	day_t day;
};

static day_t
day_memo_of(struct day_memo *m, const char *s)
{
	size_t len;

	if (s == NULL)
		return DAY_NONE;
	if (m->known && strcmp(m->text, s) == 0)
		return m->day;
	m->day = day_or_none(s);
	len = strlen(s);
	if ((m->known = len < sizeof(m->text)))
		memcpy(m->text, s, len + 1);
	return m->day;
}

static day_t
arg_day(sqlite3_value *v)
{
	return day_or_none((const char *)sqlite3_value_text(v));
}

/* rv_flags(shown_status, deadline, original_deadline, done_on,
 *          last_progress_on, pending_since, handoffs, bounced, escalated) */
static void
sql_rv_flags(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(ctx);
	const unsigned char *status = sqlite3_value_text(argv[0]);
	struct flag_facts f;

	(void)argc;
	if (status == NULL) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	f.open = strcmp((const char *)status, "open") == 0 ||
	    strcmp((const char *)status, "pending") == 0;
	f.finished = strcmp((const char *)status, "submitted") == 0 ||
	    strcmp((const char *)status, "done") == 0;
	f.deadline = arg_day(argv[1]);
	f.original_deadline = arg_day(argv[2]);
	f.done_on = arg_day(argv[3]);
	f.last_progress_on = arg_day(argv[4]);
	f.pending_since = arg_day(argv[5]);
	f.handoffs = sqlite3_value_int(argv[6]);
	f.bounced = sqlite3_value_int(argv[7]);
	f.escalated = sqlite3_value_int(argv[8]);
	sqlite3_result_int(ctx, (int)flags_compute(&f, &st->rules, st->today));
}

/* rv_flag_words(mask): a JSON array of the flag words; the words are ours,
 * fixed and plain, so the array is assembled here. */
static void
sql_rv_flag_words(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	unsigned mask = (unsigned)sqlite3_value_int(argv[0]);
	char words[200], buf[256];

	(void)argc;
	snprintf(buf, sizeof(buf), "[%s]", flags_join(mask, ",", "\"", words, sizeof(words)));
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* The moments SQLite's 'localtime' converts by the zone itself: from
 * 1971 to 2037 (outside, it takes an equivalent year's offset). */
#define LOCALTIME_FROM ((time_t)31536000)	/* 1971-01-01T00:00:00Z */
#define LOCALTIME_UNTIL ((time_t)2145916800)	/* 2038-01-01T00:00:00Z */

/* rv_local_julianday(moment): julianday(date(moment, 'localtime')) for a
 * stored moment of 1971 to 2037, by the store's cache of the zone
 * (dates_local_day_cached); NULL for any other, for which the caller asks
 * SQLite's own (ifnull).  The report takes it of 100,000 parts. */
static void
sql_rv_local_julianday(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(ctx);
	const char *m = (const char *)sqlite3_value_text(argv[0]);
	time_t t;

	(void)argc;
	if (m == NULL || dates_moment(m, &t) != 0 || t < LOCALTIME_FROM ||
	    t >= LOCALTIME_UNTIL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_double(ctx, (double)dates_local_day_cached(&st->zone, t) + 2440587.5);
}

/* rv_seal(id, hash): the entry's seal under the ledger's key (migration 7
 * seals the entries made before it with one statement). */
static void
sql_rv_seal(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(ctx);
	const unsigned char *hash = sqlite3_value_text(argv[1]);
	char seal[CHAIN_HEX_SIZE];

	(void)argc;
	assert(st->has_key);	/* the upgrade makes or reads it first */
	if (!st->has_key || hash == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	chain_seal(&st->key, sqlite3_value_int64(argv[0]), (const char *)hash, seal);
	sqlite3_result_text(ctx, seal, -1, SQLITE_TRANSIENT);
}

/* --- the ledger's key ---------------------------------------------------- */

/* Reads the key beside the database; has_key says whether it was there. */
static void
key_load(struct store *st)
{
	char text[CHAIN_HEX_SIZE + 8];
	struct stat sb;
	ssize_t n;
	int fd;

	st->has_key = 0;
	if ((fd = open(st->key_path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)) < 0) {
		st->key_errno = errno;
		return;
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		st->key_errno = EINVAL;
		close(fd);
		return;
	}
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n < 0) {
		st->key_errno = errno;
		return;
	}
	text[n] = '\0';
	if (chain_key_parse(text, &st->key) != 0) {
		st->key_errno = EINVAL;
		return;
	}
	st->has_key = 1;
	st->key_errno = 0;
}

/* Makes a new key beside the database (mode 0440, whatever the umask:
 * read by the program's group on a server, written never again), unless
 * there is one already, which is read. */
static enum rv_code
key_make(struct store *st, struct rv_err *err)
{
	char text[CHAIN_HEX_SIZE + 1];
	struct chain_key key;
	size_t got = 0;
	int fd;

	/* On a server the key is root's to make, with the database (init) or
	 * at the upgrade: made by an official's roviec, it would be theirs. */
	if (priv_held() && getuid() != 0)
		return err_set(err, RV_STORAGE,
		    _("the ledger's key %s is missing; on a server root makes it: ask the administrator to run sudo roviec verify once (roviec(1), THE SERVER)"),
		    st->key_path);
	while (got < sizeof(key.k)) {
		ssize_t n = getrandom(key.k + got, sizeof(key.k) - got, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return err_set(err, RV_STORAGE,
			    _("cannot make the ledger's key: no random numbers (%s)"), strerror(errno));
		got += (size_t)n;
	}
	chain_key_format(&key, text);
	fd = open(st->key_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0400);
	if (fd < 0 && errno == EEXIST) {
		key_load(st);
		if (st->has_key)
			return RV_OK;
		return err_set(err, RV_STORAGE,
		    _("the ledger's key %s cannot be read (%s); ask the administrator (roviec(5), THE LEDGER'S KEY)"),
		    st->key_path, strerror(st->key_errno));
	}
	if (fd < 0)
		return err_set(err, RV_STORAGE,
		    _("cannot make the ledger's key %s: %s; the folder of the database must be writable"),
		    st->key_path, strerror(errno));
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text) || fsync(fd) != 0 ||
	    fchmod(fd, 0440) != 0) {
		int e = errno;

		close(fd);
		unlink(st->key_path);
		return err_set(err, RV_STORAGE, _("cannot write the ledger's key %s: %s"),
		    st->key_path, strerror(e));
	}
	close(fd);
	st->key = key;
	st->has_key = 1;
	st->key_errno = 0;
	return RV_OK;
}

/* Why nothing can be appended: the key is missing or unreadable. */
static enum rv_code
no_key(struct store *st, struct rv_err *err)
{
	if (st->key_errno == ENOENT)
		return err_set(err, RV_STORAGE,
		    _("the ledger's key %s is missing, so nothing can be recorded; restore it beside the database from where it was kept (roviec(5), THE LEDGER'S KEY)"),
		    st->key_path);
	return err_set(err, RV_STORAGE,
	    _("the ledger's key %s cannot be read (%s), so nothing can be recorded; ask the administrator (roviec(5), THE LEDGER'S KEY)"),
	    st->key_path, strerror(st->key_errno ? st->key_errno : EINVAL));
}

const struct chain_key *
store_key(const struct store *st)
{
	return st->has_key ? &st->key : NULL;
}

const char *
store_key_path(const struct store *st)
{
	return st->key_path;
}

int
store_key_errno(const struct store *st)
{
	return st->has_key ? 0 : st->key_errno ? st->key_errno : EINVAL;
}

/* --- opening ----------------------------------------------------------- */

/* mkdir -p of path's parent directories, each made 0700 whatever the
 * umask (under umask 277 mkdir alone leaves the owner unable to write). */
static int
make_parents(const char *path)
{
	char *dir = strdup(path);
	int rc = 0;

	if (dir == NULL)
		return -1;
	for (char *p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) == 0) {
			if (chmod(dir, 0700) != 0) {
				rc = -1;
				break;
			}
		} else if (errno != EEXIST) {
			rc = -1;
			break;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}

/* The directory holding path: "." for a bare name, "/" at the root. */
static void dir_of(const char *path, char *dir, size_t size);

/*
 * A database whose folder others may write to (sticky or not, /tmp say)
 * is refused: anyone could plant a -wal or -shm file beside it, which
 * SQLite would take as the database's own and so replace its data.
 */
static enum rv_code
refuse_open_folder(const char *path, struct rv_err *err)
{
	char dir[4096];
	struct stat sb;

	dir_of(path, dir, sizeof(dir));
	if (stat(dir, &sb) != 0 || !(sb.st_mode & S_IWOTH))
		return RV_OK;
	return err_set(err, RV_STORAGE,
	    _("the folder %s may be written by anyone (mode %04o): another user could put files beside the database there (its -wal file) and change its data; keep the database in a folder only you or your group may write to"),
	    dir, (unsigned)(sb.st_mode & 07777));
}

/* Creates the file with mode 0660 whatever the umask: group-shared on a
 * server, never world-readable. */
static enum rv_code
create_file(const char *path, struct rv_err *err)
{
	int fd;

	if (make_parents(path) != 0)
		return err_set(err, RV_STORAGE,
		    _("cannot create the folder for %s: %s; choose another place with --db"),
		    path, strerror(errno));
	if (refuse_open_folder(path, err) != RV_OK)
		return RV_STORAGE;
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	if (fd < 0 && errno == EEXIST)
		return err_set(err, RV_REFUSED,
		    _("%s already exists; roviec init makes a new database only, so choose another path or remove it"),
		    path);
	if (fd < 0)
		return err_set(err, RV_STORAGE,
		    _("cannot create %s: %s; choose another place with --db or ask the administrator"),
		    path, strerror(errno));
	if (fchmod(fd, 0660) != 0) {
		close(fd);
		unlink(path);
		return err_set(err, RV_STORAGE, _("cannot set the mode of %s: %s"),
		    path, strerror(errno));
	}
	close(fd);
	return RV_OK;
}

static int
pragma_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

/*
 * Refuses, before anything is written, a file that is not SQLite, belongs
 * to another program, or was made by a newer roviec.  *fresh tells whether
 * the file is an empty database that init may fill.
 */
static enum rv_code
check_identity(struct store *st, int *fresh, struct rv_err *err)
{
	int app = 0, version = 0, objects = 0, rc;

	rc = pragma_int(st->db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = pragma_int(st->db, "PRAGMA user_version", &version);
	if (rc == SQLITE_OK)
		rc = pragma_int(st->db, "SELECT count(*) FROM sqlite_master", &objects);
	if ((rc & 0xff) == SQLITE_NOTADB)
		return err_set(err, RV_STORAGE,
		    _("%s is not a roviec database (it is not an SQLite file); check the path given by --db, ROVIEC_DB or the configuration"),
		    st->path);
	if (rc != SQLITE_OK)
		return fail(st, rc, err);
	if (app != 0 && app != MIGRATE_APPLICATION_ID)
		return err_set(err, RV_STORAGE,
		    _("%s is an SQLite database of another program, not roviec's; check the path"),
		    st->path);
	if (version > migrate_count)
		return err_set(err, RV_STORAGE,
		    _("%s was made by a newer roviec (schema %d; this one knows up to %d); use the newer roviec, the file was not touched"),
		    st->path, version, migrate_count);
	if (app == 0 && (version != 0 || objects != 0))
		return err_set(err, RV_STORAGE,
		    _("%s is an SQLite database but not roviec's; check the path"), st->path);
	*fresh = app == 0;
	return RV_OK;
}

/* An empty file given as an existing database: refused before anything is
 * written to it. */
static enum rv_code
refuse_empty(struct store *st, struct rv_err *err)
{
	return err_set(err, RV_STORAGE,
	    _("%s is empty, not a roviec database; create one with roviec init on a new path"),
	    st->path);
}

#ifdef RV_BENCH_TRACE
/*
 * make bench's traced roviec (never the installed one): every statement the
 * job runs after the database is open, with its parameters written in
 * (sqlite3_expanded_sql), each ended by a NUL, to the file $ROVIEC_TRACE;
 * bench/floor.c runs them again.  A trigger's own statements are the
 * statement's, not run twice.
 */
static int
bench_trace_stmt(unsigned what, void *arg, void *p, void *x)
{
	const char *sql = x;
	char *expanded;

	if (what != SQLITE_TRACE_STMT || strncmp(sql, "--", 2) == 0)
		return 0;
	if ((expanded = sqlite3_expanded_sql(p)) != NULL) {
		fwrite(expanded, 1, strlen(expanded) + 1, arg);
		sqlite3_free(expanded);
	}
	return 0;
}

static void
bench_trace(sqlite3 *db)
{
	const char *path = getenv("ROVIEC_TRACE");
	FILE *f;

	if (path != NULL && (f = fopen(path, "a")) != NULL) {
		setvbuf(f, NULL, _IONBF, 0);	/* whole, however roviec ends */
		sqlite3_trace_v2(db, SQLITE_TRACE_STMT, bench_trace_stmt, f);
	}
}
#endif

static enum rv_code
configure(struct store *st, struct rv_err *err)
{
	static const char *const pragmas[] = {
		"PRAGMA foreign_keys = ON",
		"PRAGMA synchronous = FULL",
		"PRAGMA journal_size_limit = 67108864",
	};
	char *mode = NULL;
	sqlite3_stmt *s;
	int rc;

	rc = sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			mode = col_dup(s, 0);
			rc = SQLITE_OK;
		}
		sqlite3_finalize(s);
	}
	/* A read-only file cannot be switched to WAL; reading it still works. */
	if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_READONLY) {
		free(mode);
		return fail(st, rc, err);
	}
	free(mode);
	for (size_t i = 0; i < sizeof(pragmas) / sizeof(pragmas[0]); i++)
		if ((rc = sqlite3_exec(st->db, pragmas[i], NULL, NULL, NULL)) != SQLITE_OK)
			return fail(st, rc, err);
	rc = sqlite3_create_function(st->db, "rv_flags", 9,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, st, sql_rv_flags, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(st->db, "rv_flag_words", 1,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC, st, sql_rv_flag_words, NULL, NULL);
	/* Not deterministic: it follows the zone.  Direct only: no index,
	 * view or trigger may keep what it says. */
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(st->db, "rv_local_julianday", 1,
		    SQLITE_UTF8 | SQLITE_DIRECTONLY, st, sql_rv_local_julianday, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(st->db, "rv_seal", 2,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, st, sql_rv_seal,
		    NULL, NULL);
	if (rc != SQLITE_OK)
		return fail(st, rc, err);
	return RV_OK;
}

/* The directory holding path: "." for a bare name, "/" at the root. */
static void
dir_of(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		snprintf(dir, size, ".");
	else
		snprintf(dir, size, "%.*s", slash == path ? 1 : (int)(slash - path), path);
}

static int
in_group(gid_t gid)
{
	gid_t groups[256];
	int n = getgroups(256, groups);

	if (getegid() == gid)
		return 1;
	for (int i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return 0;
}

/* The database, or its directory, is closed to this login: on a server the
 * officials share it through a Unix group (see roviec(1), THE SERVER). */
static enum rv_code
no_access(const char *path, struct rv_err *err)
{
	char dir[4096];
	struct group *g = NULL;
	struct stat sb;

	dir_of(path, dir, sizeof(dir));
	if (stat(path, &sb) == 0 || stat(dir, &sb) == 0)
		g = getgrgid(sb.st_gid);
	/* --db on a server opens files with the caller's own rights: the
	 * server's database is reached without it. */
	if (priv_server() && !priv_held())
		return err_set(err, RV_STORAGE,
		    _("you may not open the database %s (permission denied): with --db roviec opens a database with your own rights; run roviec without --db to reach the server's"),
		    path);
	if (priv_held())
		return err_set(err, RV_STORAGE,
		    _("roviec may not open the database %s (permission denied): ask the administrator to give it and its folder to roviec's group (roviec(1), THE SERVER)"),
		    path);
	if (g != NULL && in_group(g->gr_gid))
		return err_set(err, RV_STORAGE,
		    _("you may not open the database %s (permission denied), though you are in "
		    "its group '%s': ask the administrator to give the file mode 0660 and its "
		    "directory 2770"), path, g->gr_name);
	if (g != NULL && g->gr_gid != 0)
		return err_set(err, RV_STORAGE,
		    _("you may not open the database %s (permission denied): it is the group '%s''s; "
		    "on a server roviec is installed setgid to that group and officials stay out of it "
		    "(roviec(1), THE SERVER): ask the administrator"), path, g->gr_name);
	return err_set(err, RV_STORAGE,
	    _("you may not open the database %s (permission denied): ask the administrator "
	    "to give you access to it"), path);
}

enum rv_code
store_open(const char *path, enum store_mode mode, struct store **out,
    struct rv_err *err)
{
	struct store *st;
	struct stat sb;
	enum rv_code code;
	int rc, fresh = 0;

	*out = NULL;
	if (mode == STORE_CREATE) {
		if ((code = create_file(path, err)) != RV_OK)
			return code;
	} else if (stat(path, &sb) != 0) {
		if (errno == EACCES)
			return no_access(path, err);
		return err_set(err, RV_STORAGE,
		    _("there is no database at %s: create one with roviec init (or roviec demo), or point --db at it"),
		    path);
	} else if (S_ISDIR(sb.st_mode)) {
		return err_set(err, RV_STORAGE, _("%s is a directory, not a database"), path);
	} else if (access(path, R_OK) != 0 && errno == EACCES && !priv_held()) {
		/* (access(2) asks with the real group; a setgid roviec reads
		 * with its own, and finds out by opening.) */
		return no_access(path, err);
	}
	if (mode == STORE_EXISTING && (code = refuse_open_folder(path, err)) != RV_OK)
		return code;
	if ((st = calloc(1, sizeof(*st))) == NULL || (st->path = strdup(path)) == NULL ||
	    (st->key_path = malloc(strlen(path) + sizeof(STORE_KEY_SUFFIX))) == NULL) {
		if (st != NULL)
			free(st->path);
		free(st);
		return err_set(err, RV_STORAGE, _("out of memory"));
	}
	snprintf(st->key_path, strlen(path) + sizeof(STORE_KEY_SUFFIX), "%s%s", path,
	    STORE_KEY_SUFFIX);
	flags_default_rules(&st->rules);
	/*
	 * SQLite makes the -wal and -shm files with the database's mode less
	 * the umask, and widens them only afterwards: an official whose umask
	 * is 022, first to open the database, left a -shm the group could not
	 * write for a moment, and a second official opening it then was read-
	 * only for the whole session.  The owner's and the group's read and
	 * write bits are never masked (under umask 277 the owner could not
	 * have written its own -wal).
	 */
	umask(umask(0) & ~(mode_t)0660);
	rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
	    NULL);
	if (rc != SQLITE_OK) {
		code = err_set(err, RV_STORAGE, _("cannot open the database %s: %s"), path,
		    st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
		store_close(st);
		return code;
	}
	sqlite3_extended_result_codes(st->db, 1);
	/* Retrying writers must not wait in step (backoff uses rand). */
	srand((unsigned)getpid() ^ (unsigned)time(NULL));
	sqlite3_busy_handler(st->db, busy_wait, st);
	if ((code = check_identity(st, &fresh, err)) == RV_OK && fresh &&
	    mode != STORE_CREATE)
		code = refuse_empty(st, err);
	if (code == RV_OK)
		key_load(st);
	if (code != RV_OK ||
	    (code = configure(st, err)) != RV_OK ||
	    (code = migrate_apply(st->db, upgrade_hook, st, err)) != RV_OK) {
		store_close(st);
		return code;
	}
#ifdef RV_BENCH_TRACE
	bench_trace(st->db);
#endif
	*out = st;
	return RV_OK;
}

void
store_remove(const char *path)
{
	static const char *const sides[] = { "", "-wal", "-shm", "-journal", STORE_KEY_SUFFIX };
	char name[4200];

	for (size_t i = 0; i < sizeof(sides) / sizeof(sides[0]); i++) {
		snprintf(name, sizeof(name), "%s%s", path, sides[i]);
		unlink(name);
	}
}

struct sqlite3 *
store_connection(struct store *st)
{
	return st->db;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	for (int i = 0; i < ST__MAX; i++)
		sqlite3_finalize(st->stmts[i]);
	sqlite3_close(st->db);
	explicit_bzero(&st->key, sizeof(st->key));
	free(st->key_path);
	free(st->path);
	free(st);
}

void
store_set_flag_context(struct store *st, const struct flag_rules *rules, day_t today)
{
	st->rules = *rules;
	st->today = today;
}

/* --- transactions ------------------------------------------------------ */

static long long now_ms(void);

/* SQLite's own busy timeout sleeps ever longer (up to 100 ms a try), so
 * that under many writers one waits far longer than the lock is held; this
 * one looks again every millisecond or so (with jitter, so that waiters do
 * not wake together), up to BUSY_TIMEOUT_MS, and then gives up to the
 * whole-transaction retry. */
static int
busy_wait(void *arg, int calls)
{
	struct store *st = arg;
	struct timespec ts = { 0, 0 };

	if (calls == 0)
		st->busy_since = now_ms();
	if (now_ms() - st->busy_since >= BUSY_TIMEOUT_MS)
		return 0;
	ts.tv_nsec = (long)(200 + (unsigned long)rand() % 1300UL) * 1000L;
	nanosleep(&ts, NULL);
	return 1;
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A short random pause so that retrying writers do not march in step. */
static void
backoff(int attempt)
{
	struct timespec ts = { 0, 0 };
	long max_us = 1000L << (attempt < 6 ? attempt : 6);

	ts.tv_nsec = (long)((unsigned long)rand() % (unsigned long)max_us) * 1000L;
	nanosleep(&ts, NULL);
}

static int
exec(struct store *st, const char *sql)
{
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

static enum rv_code
run_savepoint(struct store *st, store_txn_fn fn, void *arg, struct rv_err *err)
{
	enum rv_code code;
	int rc;

	if ((rc = exec(st, "SAVEPOINT action")) != SQLITE_OK)
		return fail(st, rc, err);
	st->depth++;
	code = fn(st, arg, err);
	st->depth--;
	if (code != RV_OK && exec(st, "ROLLBACK TO action") != SQLITE_OK &&
	    sqlite3_get_autocommit(st->db))
		return err_set(err, RV_STORAGE,
		    _("the database rolled back the whole transaction: %s"), sqlite3_errmsg(st->db));
	if ((rc = exec(st, "RELEASE action")) != SQLITE_OK && code == RV_OK)
		return fail(st, rc, err);
	return code;
}

static enum rv_code
run_transaction(struct store *st, const char *begin, store_txn_fn fn, void *arg,
    struct rv_err *err)
{
	long long give_up = now_ms() + LOCK_TIMEOUT_MS;
	enum rv_code code;
	int rc;

	if (st->depth > 0)
		return run_savepoint(st, fn, arg, err);
	for (int attempt = 0;; attempt++) {
		st->busy = 0;
		if ((rc = exec(st, begin)) != SQLITE_OK) {
			code = fail(st, rc, err);
		} else {
			st->depth++;
			code = fn(st, arg, err);
			st->depth--;
			if (code == RV_OK && (rc = exec(st, "COMMIT")) != SQLITE_OK)
				code = fail(st, rc, err);
			if (code != RV_OK && !sqlite3_get_autocommit(st->db))
				exec(st, "ROLLBACK");
		}
		if (code == RV_OK || !st->busy || now_ms() >= give_up)
			return code;
		backoff(attempt);
	}
}

enum rv_code
store_write(struct store *st, store_txn_fn fn, void *arg, struct rv_err *err)
{
	return run_transaction(st, "BEGIN IMMEDIATE", fn, arg, err);
}

enum rv_code
store_read(struct store *st, store_txn_fn fn, void *arg, struct rv_err *err)
{
	return run_transaction(st, "BEGIN", fn, arg, err);
}

enum rv_code
store_begin(struct store *st, struct rv_err *err)
{
	long long give_up = now_ms() + LOCK_TIMEOUT_MS;
	int rc;

	for (int attempt = 0;; attempt++) {
		st->busy = 0;
		if ((rc = exec(st, "BEGIN IMMEDIATE")) == SQLITE_OK) {
			st->depth++;
			return RV_OK;
		}
		fail(st, rc, err);
		if (!st->busy || now_ms() >= give_up)
			return err->code;
		backoff(attempt);
	}
}

enum rv_code
store_commit(struct store *st, struct rv_err *err)
{
	int rc = exec(st, "COMMIT");

	if (rc != SQLITE_OK) {
		enum rv_code code = fail(st, rc, err);

		store_rollback(st);
		return code;
	}
	st->depth--;
	return RV_OK;
}

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		exec(st, "ROLLBACK");
	if (st->depth > 0)
		st->depth--;
}

/* --- units ------------------------------------------------------------- */

static void
read_unit(sqlite3_stmt *s, int c, struct unit *u)
{
	u->id = sqlite3_column_int64(s, c);
	u->code = col_dup(s, c + 1);
	u->name = col_dup(s, c + 2);
	if (model_kind_parse(col_str(s, c + 3), &u->kind) != 0)
		u->kind = KIND_DEPARTMENT;
	u->parent_id = sqlite3_column_int64(s, c + 4);
}

static enum rv_code
unit_lookup(struct store *st, enum stmt id, const char *code, rowid_t rowid,
    struct unit *out, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, id, err);
	enum rv_code rc;
	int found;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return RV_STORAGE;
	if (code != NULL)
		bind_text(s, 1, code);
	else
		sqlite3_bind_int64(s, 1, rowid);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (found)
		read_unit(s, 0, out);
	sqlite3_reset(s);
	if (!found)
		return quoted(err, _("there is no unit with the code '%s'; roviec unit list shows the units"),
		    code, rowid);
	return RV_OK;
}

enum rv_code
store_unit_by_code(struct store *st, const char *code, struct unit *out,
    struct rv_err *err)
{
	return unit_lookup(st, ST_UNIT_BY_CODE, code, 0, out, err);
}

enum rv_code
store_unit_by_id(struct store *st, rowid_t id, struct unit *out, struct rv_err *err)
{
	return unit_lookup(st, ST_UNIT_BY_ID, NULL, id, out, err);
}

enum rv_code
store_unit_insert(struct store *st, struct unit *u, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_UNIT_INSERT, err);
	enum rv_code rc;

	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, u->code);
	bind_text(s, 2, u->name);
	bind_text(s, 3, model_kind_name(u->kind));
	bind_id(s, 4, u->parent_id);
	if ((rc = run(st, s, err)) == RV_OK)
		u->id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

/* --- heads (issue 10, part 3) -------------------------------------------- */

static enum rv_code
head_write(struct store *st, enum stmt id, rowid_t unit_id, rowid_t person_id,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, id, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, unit_id);
	sqlite3_bind_int64(s, 2, person_id);
	return run(st, s, err);
}

enum rv_code
store_head_add(struct store *st, rowid_t unit_id, rowid_t person_id,
    struct rv_err *err)
{
	return head_write(st, ST_HEAD_ADD, unit_id, person_id, err);
}

enum rv_code
store_head_remove(struct store *st, rowid_t unit_id, rowid_t person_id,
    struct rv_err *err)
{
	return head_write(st, ST_HEAD_REMOVE, unit_id, person_id, err);
}

enum rv_code
store_is_head(struct store *st, rowid_t person_id, rowid_t unit_id, int *yes,
    struct rv_err *err)
{
	long long v = 0;
	enum rv_code rc = one_int(st, ST_HEAD_IS, person_id, unit_id, &v, err);

	*yes = rc == RV_OK && v != 0;
	return rc;
}

enum rv_code
store_heads_above(struct store *st, rowid_t person_id, rowid_t unit_id, int *yes,
    struct rv_err *err)
{
	long long v = 0;
	enum rv_code rc = one_int(st, ST_HEAD_ABOVE, person_id, unit_id, &v, err);

	*yes = rc == RV_OK && v != 0;
	return rc;
}

enum rv_code
store_first_head(struct store *st, rowid_t unit_id, rowid_t *person_id,
    struct rv_err *err)
{
	long long v = 0;
	enum rv_code rc = one_int(st, ST_HEAD_FIRST, unit_id, 0, &v, err);

	*person_id = rc == RV_OK ? v : 0;
	return rc;
}

enum rv_code
store_unit_heads(struct store *st, rowid_t unit_id, store_head_fn fn, void *arg,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_HEAD_LIST, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, unit_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (fn(sqlite3_column_int64(s, 0), col_str(s, 1), arg))
			break;
	return rows_done(st, s, rc, err);
}

enum rv_code
store_headed_by(struct store *st, rowid_t person_id, rowid_t *units, size_t max,
    size_t *n, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_HEADED_BY, err);
	int rc;

	*n = 0;
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, person_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max)
		units[(*n)++] = sqlite3_column_int64(s, 0);
	return rows_done(st, s, rc, err);
}

enum rv_code
store_unit_within(struct store *st, rowid_t unit_id, rowid_t ancestor_id,
    int *yes, struct rv_err *err)
{
	long long v;
	enum rv_code rc = one_int(st, ST_UNIT_WITHIN, unit_id, ancestor_id, &v, err);

	*yes = rc == RV_OK && v != 0;
	return rc;
}

enum rv_code
store_unit_list(struct store *st, store_unit_fn fn, void *arg, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_UNIT_LIST, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct unit u;
		struct unit_row row;
		int stop;

		read_unit(s, 0, &u);
		row.unit = &u;
		row.parent_code = col_str(s, 5);
		row.heads = col_str(s, 6);
		row.people = sqlite3_column_int64(s, 7);
		row.open_duties = sqlite3_column_int64(s, 8);
		stop = fn(&row, arg);
		model_unit_free(&u);
		if (stop)
			break;
	}
	return rows_done(st, s, rc, err);
}

/* --- people ------------------------------------------------------------ */

static void
read_person(sqlite3_stmt *s, struct person *p)
{
	p->id = sqlite3_column_int64(s, 0);
	p->login = col_dup(s, 1);
	p->full_name = col_dup(s, 2);
	p->unit_id = sqlite3_column_int64(s, 3);
	if (model_role_parse(col_str(s, 4), &p->role) != 0)
		p->role = ROLE_OFFICER;
	/* Every read of a person carries left_on (issue #12) in column 5. */
	assert(sqlite3_column_count(s) > 5);
	snprintf(p->left_on, sizeof(p->left_on), "%s",
	    col_str(s, 5) != NULL ? col_str(s, 5) : "");
}

static enum rv_code
person_lookup(struct store *st, enum stmt id, const char *login, rowid_t rowid,
    struct person *out, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, id, err);
	enum rv_code rc;
	int found;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return RV_STORAGE;
	if (login != NULL)
		bind_text(s, 1, login);
	else
		sqlite3_bind_int64(s, 1, rowid);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (found)
		read_person(s, out);
	sqlite3_reset(s);
	if (!found)
		return quoted(err, _("there is no person with the login '%s'; roviec person list shows them"),
		    login, rowid);
	return RV_OK;
}

enum rv_code
store_person_by_login(struct store *st, const char *login, struct person *out,
    struct rv_err *err)
{
	return person_lookup(st, ST_PERSON_BY_LOGIN, login, 0, out, err);
}

enum rv_code
store_person_by_id(struct store *st, rowid_t id, struct person *out,
    struct rv_err *err)
{
	return person_lookup(st, ST_PERSON_BY_ID, NULL, id, out, err);
}

enum rv_code
store_person_insert(struct store *st, struct person *p, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_PERSON_INSERT, err);
	enum rv_code rc;

	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, p->login);
	bind_text(s, 2, p->full_name);
	bind_id(s, 3, p->unit_id);
	bind_text(s, 4, model_role_name(p->role));
	if ((rc = run(st, s, err)) == RV_OK)
		p->id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

enum rv_code
store_person_update(struct store *st, const struct person *p, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_PERSON_UPDATE, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, p->id);
	bind_text(s, 2, p->full_name);
	bind_id(s, 3, p->unit_id);
	bind_text(s, 4, model_role_name(p->role));
	return run(st, s, err);
}

enum rv_code
store_person_count(struct store *st, long long *n, struct rv_err *err)
{
	return one_int(st, ST_COUNT_PEOPLE, 0, 0, n, err);
}

enum rv_code
store_person_list(struct store *st, rowid_t unit_id, store_person_fn fn,
    void *arg, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_PERSON_LIST, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	bind_id(s, 1, unit_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct person p;
		struct person_row row;
		int stop;

		read_person(s, &p);
		row.person = &p;
		row.unit_code = col_str(s, 6);
		row.is_head = sqlite3_column_int(s, 7);
		row.mail = col_str(s, 8);
		stop = fn(&row, arg);
		model_person_free(&p);
		if (stop)
			break;
	}
	return rows_done(st, s, rc, err);
}

/* --- duties ------------------------------------------------------------ */

static void
read_duty(sqlite3_stmt *s, struct duty *d)
{
	d->id = sqlite3_column_int64(s, 0);
	d->uuid = col_dup(s, 1);
	d->ref = col_dup(s, 2);
	d->title = col_dup(s, 3);
	d->search_key = col_dup(s, 4);
	d->result = col_dup(s, 5);
	d->basis = col_dup(s, 6);
	d->field = col_dup(s, 7);
	d->assigner_id = sqlite3_column_int64(s, 8);
	d->lead_unit_id = sqlite3_column_int64(s, 9);
	d->owner_id = sqlite3_column_int64(s, 10);
	d->created_at = col_dup(s, 11);
	col_copy(s, 12, d->original_deadline, sizeof(d->original_deadline));
	col_copy(s, 13, d->deadline, sizeof(d->deadline));
	col_copy(s, 14, d->status, sizeof(d->status));
	col_copy(s, 15, d->done_on, sizeof(d->done_on));
	col_copy(s, 16, d->closed_on, sizeof(d->closed_on));
	col_copy(s, 17, d->last_progress_on, sizeof(d->last_progress_on));
	d->handoffs = sqlite3_column_int(s, 18);
	d->bounced = sqlite3_column_int(s, 19);
	d->escalated = sqlite3_column_int(s, 20);
	d->reopened = sqlite3_column_int(s, 21);
}

enum rv_code
store_duty_by_ref(struct store *st, const char *ref, struct duty *out,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_DUTY_BY_REF, err);
	enum rv_code rc;
	int found;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, ref);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (found)
		read_duty(s, out);
	sqlite3_reset(s);
	if (!found)
		return quoted(err, _("there is no duty '%s'; roviec list shows the references"),
		    ref, 0);
	return RV_OK;
}

enum rv_code
store_duty_insert(struct store *st, struct duty *d, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_DUTY_INSERT, err);
	enum rv_code rc;

	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, d->uuid);
	bind_text(s, 2, d->ref);
	bind_text(s, 3, d->title);
	bind_text(s, 4, d->search_key);
	bind_text(s, 5, d->result);
	bind_text(s, 6, d->basis);
	bind_text(s, 7, d->field);
	sqlite3_bind_int64(s, 8, d->assigner_id);
	sqlite3_bind_int64(s, 9, d->lead_unit_id);
	sqlite3_bind_int64(s, 10, d->owner_id);
	bind_text(s, 11, d->created_at);
	bind_text(s, 12, d->original_deadline);
	bind_text(s, 13, d->deadline);
	bind_text(s, 14, d->status);
	bind_text(s, 15, d->done_on);
	bind_text(s, 16, d->closed_on);
	bind_text(s, 17, d->last_progress_on);
	sqlite3_bind_int(s, 18, d->handoffs);
	sqlite3_bind_int(s, 19, d->bounced);
	sqlite3_bind_int(s, 20, d->escalated);
	if ((rc = run(st, s, err)) == RV_OK)
		d->id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

enum rv_code
store_duty_update(struct store *st, const struct duty *d, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_DUTY_UPDATE, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, d->id);
	sqlite3_bind_int64(s, 2, d->lead_unit_id);
	sqlite3_bind_int64(s, 3, d->owner_id);
	bind_text(s, 4, d->deadline);
	bind_text(s, 5, d->status);
	bind_text(s, 6, d->done_on);
	bind_text(s, 7, d->closed_on);
	bind_text(s, 8, d->last_progress_on);
	sqlite3_bind_int(s, 9, d->handoffs);
	sqlite3_bind_int(s, 10, d->bounced);
	sqlite3_bind_int(s, 11, d->escalated);
	sqlite3_bind_int(s, 12, d->reopened);
	return run(st, s, err);
}

enum rv_code
store_next_ref(struct store *st, const char *prefix, long long *n,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_REF_NEXT, err);
	enum rv_code rc;
	int found;

	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, prefix);
	if ((rc = run(st, s, err)) != RV_OK)
		return rc;
	if ((s = stmt(st, ST_REF_GET, err)) == NULL)
		return RV_STORAGE;
	bind_text(s, 1, prefix);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	*n = found ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return RV_OK;
}

enum rv_code
store_support_add(struct store *st, rowid_t duty_id, rowid_t unit_id,
    const char *part, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SUPPORT_ADD, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	sqlite3_bind_int64(s, 2, unit_id);
	bind_text(s, 3, part != NULL ? part : "");
	return run(st, s, err);
}

enum rv_code
store_support_remove(struct store *st, rowid_t duty_id, rowid_t unit_id,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SUPPORT_REMOVE, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	sqlite3_bind_int64(s, 2, unit_id);
	return run(st, s, err);
}

enum rv_code
store_is_supporter(struct store *st, rowid_t duty_id, rowid_t unit_id, int *yes,
    struct rv_err *err)
{
	long long v;
	enum rv_code rc = one_int(st, ST_SUPPORT_IS, duty_id, unit_id, &v, err);

	*yes = rc == RV_OK && v != 0;
	return rc;
}

/* --- handoffs, extensions, progress, history --------------------------- */

enum rv_code
store_handoff_pending(struct store *st, rowid_t duty_id, struct handoff *out,
    int *found, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_HANDOFF_PENDING, err);
	enum rv_code rc;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	if ((rc = one_row(st, s, found, err)) != RV_OK)
		return rc;
	if (*found) {
		out->id = sqlite3_column_int64(s, 0);
		out->duty_id = sqlite3_column_int64(s, 1);
		if (model_handoff_parse(col_str(s, 2), &out->kind) != 0)
			out->kind = HANDOFF_TRANSFER;
		out->from_unit_id = sqlite3_column_int64(s, 3);
		out->to_unit_id = sqlite3_column_int64(s, 4);
		out->proposed_by = sqlite3_column_int64(s, 5);
		out->reason = col_dup(s, 6);
		col_copy(s, 7, out->created_on, sizeof(out->created_on));
	}
	sqlite3_reset(s);
	return RV_OK;
}

enum rv_code
store_handoff_insert(struct store *st, struct handoff *h, const char *at,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_HANDOFF_INSERT, err);
	enum rv_code rc;

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, h->duty_id);
	bind_text(s, 2, model_handoff_name(h->kind));
	sqlite3_bind_int64(s, 3, h->from_unit_id);
	sqlite3_bind_int64(s, 4, h->to_unit_id);
	sqlite3_bind_int64(s, 5, h->proposed_by);
	bind_text(s, 6, h->reason);
	bind_text(s, 7, at);
	bind_text(s, 8, h->created_on);
	if ((rc = run(st, s, err)) == RV_OK)
		h->id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

/* Closes one pending row of handoffs or extensions; a row that is no
 * longer pending (someone answered first) is a refusal. */
static enum rv_code
close_pending(struct store *st, enum stmt id, rowid_t row, const char *state,
    rowid_t by, const char *at, const char *reason, int has_owner,
    rowid_t new_owner_id, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, id, err);
	enum rv_code rc;

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, row);
	bind_text(s, 2, state);
	bind_id(s, 3, by);
	bind_text(s, 4, at);
	bind_text(s, 5, reason);
	if (has_owner)
		bind_id(s, 6, new_owner_id);
	if ((rc = run(st, s, err)) != RV_OK)
		return rc;
	if (sqlite3_changes(st->db) != 1)
		return err_set(err, RV_REFUSED, _("it was answered meanwhile by someone else"));
	return RV_OK;
}

enum rv_code
store_handoff_close(struct store *st, rowid_t id, const char *state, rowid_t by,
    const char *at, const char *reason, rowid_t new_owner_id, struct rv_err *err)
{
	return close_pending(st, ST_HANDOFF_CLOSE, id, state, by, at, reason, 1,
	    new_owner_id, err);
}

enum rv_code
store_extension_pending(struct store *st, rowid_t duty_id, struct extension *out,
    int *found, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_EXT_PENDING, err);
	enum rv_code rc;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	if ((rc = one_row(st, s, found, err)) != RV_OK)
		return rc;
	if (*found) {
		out->id = sqlite3_column_int64(s, 0);
		out->duty_id = sqlite3_column_int64(s, 1);
		out->requested_by = sqlite3_column_int64(s, 2);
		col_copy(s, 3, out->old_deadline, sizeof(out->old_deadline));
		col_copy(s, 4, out->new_deadline, sizeof(out->new_deadline));
		out->reason = col_dup(s, 5);
	}
	sqlite3_reset(s);
	return RV_OK;
}

enum rv_code
store_extension_insert(struct store *st, struct extension *x, const char *at,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_EXT_INSERT, err);
	enum rv_code rc;

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, x->duty_id);
	sqlite3_bind_int64(s, 2, x->requested_by);
	bind_text(s, 3, x->old_deadline);
	bind_text(s, 4, x->new_deadline);
	bind_text(s, 5, x->reason);
	bind_text(s, 6, at);
	if ((rc = run(st, s, err)) == RV_OK)
		x->id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

enum rv_code
store_extension_close(struct store *st, rowid_t id, const char *state,
    rowid_t by, const char *at, const char *reason, struct rv_err *err)
{
	return close_pending(st, ST_EXT_CLOSE, id, state, by, at, reason, 0, 0, err);
}

enum rv_code
store_progress_insert(struct store *st, rowid_t duty_id, rowid_t person_id,
    rowid_t unit_id, const char *at, const char *note, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_PROGRESS_INSERT, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	sqlite3_bind_int64(s, 2, person_id);
	bind_id(s, 3, unit_id);
	bind_text(s, 4, at);
	bind_text(s, 5, note);
	return run(st, s, err);
}

/* Reads what the hash of h covers, and the entry it follows, and hashes it:
 * *id is the new entry's id (the last one's plus one, so that a gap shows a
 * removal).  Run inside the write transaction, so no entry comes between. */
static enum rv_code
chain_next(struct store *st, const struct history_entry *h, long long *id,
    char hash[CHAIN_HEX_SIZE], struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_CHAIN_TAIL, err);
	struct chain_entry e = { 0 };
	enum rv_code rc;
	int found;

	if (s == NULL)
		return RV_STORAGE;
	bind_id(s, 1, h->duty_id);
	bind_id(s, 2, h->actor_id);
	bind_id(s, 3, h->via_id);
	bind_id(s, 4, h->from_unit_id);
	bind_id(s, 5, h->to_unit_id);
	bind_id(s, 6, h->from_owner_id);
	bind_id(s, 7, h->to_owner_id);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	e.id = *id = sqlite3_column_int64(s, 7) + 1;
	e.duty_uuid = col_str(s, 0);
	e.at = h->at;
	e.actor = col_str(s, 1);
	e.via = col_str(s, 2);
	e.action = h->action;
	e.from_unit = col_str(s, 3);
	e.to_unit = col_str(s, 4);
	e.from_owner = col_str(s, 5);
	e.to_owner = col_str(s, 6);
	e.text = h->text;
	e.detail = h->detail;
	e.data = h->data;
	e.duty_id = h->duty_id;
	e.actor_id = h->actor_id;
	e.via_id = h->via_id;
	e.from_unit_id = h->from_unit_id;
	e.to_unit_id = h->to_unit_id;
	e.from_owner_id = h->from_owner_id;
	e.to_owner_id = h->to_owner_id;
	chain_hash(&e, col_str(s, 8), hash);
	sqlite3_reset(s);
	return RV_OK;
}

enum rv_code
store_history_add(struct store *st, const struct history_entry *h,
    struct rv_err *err)
{
	char hash[CHAIN_HEX_SIZE], seal[CHAIN_HEX_SIZE];
	long long id;
	sqlite3_stmt *s;
	enum rv_code rc;

	/* Every entry the program writes says what it set (facts.h). */
	assert(h->data != NULL);
	if (!st->has_key)
		return no_key(st, err);
	if ((rc = chain_next(st, h, &id, hash, err)) != RV_OK)
		return rc;
	chain_seal(&st->key, id, hash, seal);
	if ((s = stmt(st, ST_HISTORY_ADD, err)) == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 12, id);
	bind_text(s, 13, hash);
	bind_text(s, 14, h->data);
	bind_text(s, 15, seal);
	bind_id(s, 1, h->duty_id);
	bind_text(s, 2, h->at);
	sqlite3_bind_int64(s, 3, h->actor_id);
	bind_id(s, 4, h->via_id);
	bind_text(s, 5, h->action);
	bind_id(s, 6, h->from_unit_id);
	bind_id(s, 7, h->to_unit_id);
	bind_id(s, 8, h->from_owner_id);
	bind_id(s, 9, h->to_owner_id);
	bind_text(s, 10, h->text);
	bind_text(s, 11, h->detail);
	return run(st, s, err);
}

enum rv_code
store_held_before(struct store *st, rowid_t duty_id, rowid_t unit_id,
    rowid_t person_id, int *unit_held, int *owner_held, struct rv_err *err)
{
	long long v = 0;
	enum rv_code rc = RV_OK;

	*unit_held = *owner_held = 0;
	if (unit_id != 0 && (rc = one_int(st, ST_HELD_UNIT, duty_id, unit_id, &v, err)) == RV_OK)
		*unit_held = v != 0;
	if (rc == RV_OK && person_id != 0 &&
	    (rc = one_int(st, ST_HELD_OWNER, duty_id, person_id, &v, err)) == RV_OK)
		*owner_held = v != 0;
	return rc;
}

/* --- listing ----------------------------------------------------------- */

/* The shown statuses, in the order of their STATUS_* bits. */
static const char *const status_words[] = {
	"open", "pending", "submitted", "done", "cancelled"
};

const char *
store_status_name(int i)
{
	return i >= 0 && (size_t)i < sizeof(status_words) / sizeof(status_words[0]) ?
	    status_words[i] : NULL;
}

int
store_status_parse(const char *word, unsigned *bit)
{
	const char *const *words = status_words;

	for (unsigned i = 0; i < sizeof(status_words) / sizeof(status_words[0]); i++)
		if (strcmp(word, words[i]) == 0) {
			*bit = 1u << i;
			return 0;
		}
	return -1;
}

/* The LIKE pattern %key% with LIKE's own characters escaped. */
static char *
like_pattern(const char *key)
{
	size_t n = strlen(key);
	char *p = malloc(2 * n + 3), *q = p;

	if (p == NULL)
		return NULL;
	*q++ = '%';
	for (; *key != '\0'; key++) {
		if (*key == '%' || *key == '_' || *key == '\\')
			*q++ = '\\';
		*q++ = *key;
	}
	*q++ = '%';
	*q = '\0';
	return p;
}

/* The columns of ST_DUTY_LIST and the page statements, in their order. */
static void
read_duty_row(sqlite3_stmt *s, struct duty_row *row)
{
	row->ref = col_str(s, 0);
	row->uuid = col_str(s, 1);
	row->title = col_str(s, 2);
	row->lead_code = col_str(s, 3);
	row->owner_login = col_str(s, 4);
	row->owner_name = col_str(s, 5);
	row->assigner_login = col_str(s, 6);
	row->deadline = col_str(s, 7);
	row->original_deadline = col_str(s, 8);
	row->status = col_str(s, 9);
	row->field = col_str(s, 10);
	row->support = col_str(s, 11);
	row->handoffs = sqlite3_column_int(s, 12);
	row->flags = (unsigned)sqlite3_column_int(s, 13);
	row->json = col_str(s, 14);
	row->done_on = row->created_at = NULL;
	row->stored_status = NULL;
	row->owner_id = row->lead_unit_id = row->assigner_id = 0;
	row->pending_kind = row->extension_asked = NULL;
	row->pending_to_unit_id = 0;
}

/*
 * The city's list (no unit, owner, assigner or period) when flags are
 * asked: the statement that reads the fewest duties the flags may hold,
 * from the flag's partial index (migration 21), the rarest first by the
 * default rules: the unanswered (a proposal or request waits), the tossed
 * (at least tossed_handoffs handoffs; with 0 every duty is), the bounced,
 * the escalated, the late.  Overdue and due soon are a range of
 * deadlines, which the statements of one stored status read from
 * duties_status_deadline (?13, ?20); stalled is most of the open duties,
 * read as they are.  The open duties alone (open the one stored status:
 * overdue, stalled, --status open), unless JSON is asked, are read from
 * duties_open_list (migration 23), which holds every column the list
 * shows: no row of the table visited.
 */
static enum stmt
list_by_flag(const struct store *st, unsigned flags, int nstored, int open, int json)
{
	int one = nstored == 1;

	if (flags & FLAG_UNANSWERED)
		return ST_DUTY_LIST_UNANSWERED;
	if ((flags & FLAG_TOSSED) && st->rules.tossed_handoffs > 0)
		return ST_DUTY_LIST_TOSSED;
	if (flags & FLAG_BOUNCED)
		return one ? ST_DUTY_LIST_BOUNCED_ONE : ST_DUTY_LIST_BOUNCED;
	if (flags & FLAG_ESCALATED)
		return one ? ST_DUTY_LIST_ESCALATED_ONE : ST_DUTY_LIST_ESCALATED;
	if (flags & FLAG_LATE)
		return one ? ST_DUTY_LIST_LATE_ONE : ST_DUTY_LIST_LATE;
	if (one && open && !json)
		return ST_DUTY_LIST_OPEN;
	return one ? ST_DUTY_LIST_STATUS : ST_DUTY_LIST;
}

/* The flags each row read must still be sifted for: overdue alone is what
 * the statements' own terms say (stored open, deadline before today:
 * FLAG_OVERDUE's rule; ?13, bind_list_bounds), so no row need be sifted
 * again for it. */
static unsigned
list_flags_sifted(const struct duty_filter *f)
{
	return f->flags == FLAG_OVERDUE ? 0 : f->flags;
}

/* The deadlines the flags asked for allow (flags_compute): overdue before
 * today (?13), due soon from today (?20) to flags_due_soon_until; both
 * asked, no duty is either.  ?21: the least number of handoffs, the
 * tossed's when they are asked. */
static void
bind_list_bounds(const struct store *st, sqlite3_stmt *s, unsigned flags)
{
	char day[11];

	if (flags & FLAG_OVERDUE) {
		dates_iso(st->today, day);
		bind_text(s, 13, day);
	} else if (flags & FLAG_DUE_SOON) {
		dates_iso(flags_due_soon_until(&st->rules, st->today) + 1, day);
		bind_text(s, 13, day);
	} else {
		bind_text(s, 13, "9999-12-31~");
	}
	if (flags & FLAG_DUE_SOON) {
		dates_iso(st->today, day);
		bind_text(s, 20, day);
	} else {
		bind_text(s, 20, "");
	}
	sqlite3_bind_int(s, 21, flags & FLAG_TOSSED ? st->rules.tossed_handoffs : 0);
}

/* The names a long list shows, each table's read once, in the order of
 * its ids: a unit's code, or a person's login and full name.  Their text
 * is kept in a pool, one after the other, so that the names a list asks
 * for again and again stay in the cache. */
struct name_entry {
	rowid_t id;	/* first: id_cmp */
	const char *first, *second;
};

struct name_memo {
	struct name_entry *v;	/* by id, ascending */
	size_t n, cap;
	struct pool text;
};

static void
name_memo_free(struct name_memo *m)
{
	pool_free(&m->text);
	free(m->v);
}

/* Every name of a table (ST_UNIT_NAMES, ST_PERSON_NAMES: id, first,
 * second, by id) into m. */
static enum rv_code
name_memo_load(struct store *st, struct name_memo *m, enum stmt all,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, all, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct name_entry *e;

		if (m->n == m->cap) {
			size_t cap = m->cap ? 2 * m->cap : 256;

			if ((e = realloc(m->v, cap * sizeof(*e))) == NULL)
				break;
			m->v = e;
			m->cap = cap;
		}
		e = &m->v[m->n];
		e->id = sqlite3_column_int64(s, 0);
		if ((e->first = pool_dup(&m->text, col_str(s, 1))) == NULL ||
		    (e->second = pool_dup(&m->text, col_str(s, 2))) == NULL)
			break;
		assert(m->n == 0 || m->v[m->n - 1].id < e->id);
		m->n++;
	}
	if (rc == SQLITE_ROW) {
		sqlite3_reset(s);
		return err_set(err, RV_STORAGE, _("out of memory"));
	}
	return rows_done(st, s, rc, err);
}

/* The order of two rows of ids (a name_entry, a pending_since: the id
 * first), or of an id sought among them. */
static int
id_cmp(const void *a, const void *b)
{
	rowid_t x = *(const rowid_t *)a, y = *(const rowid_t *)b;

	return (x > y) - (x < y);
}

/* The names m keeps for id: where ids run without a gap (as a table's
 * rowids usually do), at its place, else searched for; NULL when m has none,
 * which the foreign keys rule out in the one read transaction that
 * loaded m (the row is then left out, as a JOIN would leave it). */
static const struct name_entry *
name_of(const struct name_memo *m, rowid_t id)
{
	uint64_t at;

	if (m->n == 0)
		return NULL;
	/* Unsigned: ids at the ends of a rowid_t must not overflow. */
	at = (uint64_t)id - (uint64_t)m->v[0].id;
	if (id >= m->v[0].id && at < m->n && m->v[at].id == id)
		return &m->v[at];
	return bsearch(&id, m->v, m->n, sizeof(*m->v), id_cmp);
}

/* A duty a proposal or an extension request waits on, since the day. */
struct pending_since {
	rowid_t duty_id;	/* first: id_cmp */
	day_t since;
};

/* Every duty something waits on, by id (ST_PENDING_SINCE_ALL). */
static enum rv_code
pending_all(struct store *st, struct pending_since **out, size_t *n,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_PENDING_SINCE_ALL, err);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return RV_STORAGE;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rowid_t id = sqlite3_column_int64(s, 0);
		struct pending_since *w;

		/* Two of a kind waiting on one duty (the unique indexes
		 * gone): the first, as bsearch would find one. */
		if (*n > 0 && (*out)[*n - 1].duty_id == id)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			if ((w = realloc(*out, cap * sizeof(*w))) == NULL) {
				sqlite3_reset(s);
				return err_set(err, RV_STORAGE, _("out of memory"));
			}
			*out = w;
		}
		w = &(*out)[(*n)++];
		w->duty_id = id;
		w->since = day_or_none(col_str(s, 1));
		assert(*n == 1 || (*out)[*n - 2].duty_id < id);	/* integers, ordered */
	}
	return rows_done(st, s, rc, err);
}

/*
 * The city's open duties (the list ST_DUTY_LIST_OPEN reads, with no
 * supporting unit or search asked), each row of duties_open_list read as
 * it is; its units and people named from the names read whole first
 * (5,000 people in about a millisecond, even for a list of five: a fixed
 * cost) and kept in order of id; what waits on it looked up among the few
 * that wait; its flags worked out here by flags_compute from the columns
 * read, as rv_flags would from the same values, with the day what waits
 * began.  At 1M duties the overdue are 45,000: three rowid lookups and two
 * index probes for each, in SQL, were most of the list's time, and rv_flags
 * called from SQL for each cost 3 ms more than flags_compute here.  The
 * same rows, in the same order, as duties_shown gives (flaglists.t holds
 * the two to each other).
 */
struct open_city {	/* list_open_city's arguments, for its transaction */
	const struct duty_filter *f;
	unsigned with;
	store_duty_fn fn;
	void *arg;
};

static enum rv_code
list_open_city_txn(struct store *st, void *arg_, struct rv_err *err)
{
	const struct open_city *oc = arg_;
	const struct duty_filter *f = oc->f;
	store_duty_fn fn = oc->fn;
	void *arg = oc->arg;
	unsigned with = oc->with;
	sqlite3_stmt *s = stmt(st, ST_DUTY_LIST_OPEN_BARE, err);
	struct name_memo units = { 0 }, people = { 0 };
	struct day_memo deadlines = { 0 }, originals = { 0 };
	struct pending_since *waits = NULL;
	size_t nwaits = 0;
	unsigned mask = list_flags_sifted(f);
	long long shown = 0;
	enum rv_code code;
	int rc, emitted = 0;

	assert(!(with & STORE_LIST_JSON) && f->lead_unit_id == 0 &&
	    f->owner_id == 0 && f->assigner_id == 0 && f->support_unit_id == 0 &&
	    f->search == NULL && f->done_from == NULL && f->done_to == NULL &&
	    f->created_from == NULL && f->created_to == NULL);
	if (s == NULL)
		return RV_STORAGE;
	if ((code = pending_all(st, &waits, &nwaits, err)) != RV_OK ||
	    (code = name_memo_load(st, &units, ST_UNIT_NAMES, err)) != RV_OK ||
	    (code = name_memo_load(st, &people, ST_PERSON_NAMES, err)) != RV_OK) {
		free(waits);
		name_memo_free(&units);
		name_memo_free(&people);
		return code;
	}
	bind_list_bounds(st, s, f->flags);
	sqlite3_bind_int(s, 14, (with & STORE_LIST_FULL) != 0);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rowid_t id = sqlite3_column_int64(s, 0);
		const struct pending_since *w = nwaits > 0 ?
		    bsearch(&id, waits, nwaits, sizeof(*waits), id_cmp) : NULL;
		struct duty_row row;
		struct flag_facts facts;
		const struct name_entry *unit, *owner, *assigner;

		if (f->statuses != 0 &&
		    !(f->statuses & (w != NULL ? STATUS_PENDING : STATUS_OPEN)))
			continue;
		memset(&row, 0, sizeof(row));
		/* What waits on a duty counts from the day it began
		 * (duties_shown's pending_since). */
		facts = (struct flag_facts){
			.open = 1,
			.deadline = day_memo_of(&deadlines, col_str(s, 7)),
			.original_deadline = day_memo_of(&originals, col_str(s, 8)),
			.done_on = day_or_none(col_str(s, 12)),
			.last_progress_on = day_or_none(col_str(s, 14)),
			.pending_since = w != NULL ? w->since : DAY_NONE,
			.handoffs = sqlite3_column_int(s, 11),
			.bounced = sqlite3_column_int(s, 15),
			.escalated = sqlite3_column_int(s, 16),
		};
		row.flags = flags_compute(&facts, &st->rules, st->today);
		if ((row.flags & mask) != mask)
			continue;
		/* An id that is not an integer joins nothing in SQL: the row
		 * is left out, as the JOIN leaves it. */
		if (sqlite3_column_type(s, 4) != SQLITE_INTEGER ||
		    sqlite3_column_type(s, 5) != SQLITE_INTEGER ||
		    sqlite3_column_type(s, 6) != SQLITE_INTEGER)
			continue;
		unit = name_of(&units, sqlite3_column_int64(s, 4));
		owner = name_of(&people, sqlite3_column_int64(s, 5));
		assigner = name_of(&people, sqlite3_column_int64(s, 6));
		if (unit == NULL || owner == NULL || assigner == NULL)
			continue;
		row.ref = col_str(s, 1);
		row.uuid = col_str(s, 2);
		row.title = col_str(s, 3);
		row.lead_code = unit->first;
		row.owner_login = owner->first;
		row.owner_name = owner->second;
		row.assigner_login = assigner->first;
		row.deadline = col_str(s, 7);
		row.original_deadline = col_str(s, 8);
		row.status = w != NULL ? "pending" : "open";
		row.field = col_str(s, 9);
		row.support = col_str(s, 10);
		row.handoffs = sqlite3_column_int(s, 11);
		row.done_on = col_str(s, 12);
		row.created_at = col_str(s, 13);
		if (fn(&row, arg) || (f->limit > 0 && ++shown >= f->limit))
			break;
		emitted = 1;
	}
	free(waits);
	name_memo_free(&units);
	name_memo_free(&people);
	code = rows_done(st, s, rc, err);
	/* Rows given out are not given again: no retry of a failure past
	 * the first (run_transaction retries a busy one from the start). */
	if (code != RV_OK && emitted)
		st->busy = 0;
	return code;
}

/* In one read transaction: the names, what waits and the duties are of
 * one moment, whatever is written meanwhile. */
static enum rv_code
list_open_city(struct store *st, const struct duty_filter *f, unsigned with,
    store_duty_fn fn, void *arg, struct rv_err *err)
{
	struct open_city oc = { f, with, fn, arg };

	return store_read(st, list_open_city_txn, &oc, err);
}

enum rv_code
store_duty_list(struct store *st, const struct duty_filter *f, unsigned with,
    store_duty_fn fn, void *arg, struct rv_err *err)
{
	unsigned want = f->statuses ? f->statuses : ~0u;
	int live;

	/* A flag asked for narrows the statuses read (flags_compute): the
	 * overdue, due soon, stalled and unanswered are open (or pending, stored
	 * open); the late are submitted or done.  So the city's overdue are
	 * read from duties_status_deadline's open past today, not from every
	 * duty whose deadline has passed. */
	if (f->flags & FLAGS_OF_OPEN)
		want &= STATUS_OPEN | STATUS_PENDING;
	if (f->flags & FLAGS_OF_FINISHED)
		want &= STATUS_SUBMITTED | STATUS_DONE;
	/* Only open, pending and submitted duties: the partial indexes. */
	live = (want & (STATUS_DONE | STATUS_CANCELLED)) == 0;
	/* A period without a unit or an owner is read from its index. */
	int done = f->done_from != NULL || f->done_to != NULL;
	int created = f->created_from != NULL || f->created_to != NULL;
	/* The stored statuses behind the shown ones (pending is stored open). */
	const char *stored[4] = {
		want & (STATUS_OPEN | STATUS_PENDING) ? "open" : NULL,
		want & STATUS_SUBMITTED ? "submitted" : NULL,
		want & STATUS_DONE ? "done" : NULL,
		want & STATUS_CANCELLED ? "cancelled" : NULL,
	};
	int nstored = 0, one = 0;

	for (int i = 0; i < 4; i++)
		if (stored[i] != NULL) {
			nstored++;
			one = i;
		}
	enum stmt which = f->lead_unit_id ? (live ? ST_DUTY_LIST_UNIT_LIVE :
	    ST_DUTY_LIST_UNIT) : f->owner_id ? (live ? ST_DUTY_LIST_OWNER_LIVE :
	    ST_DUTY_LIST_OWNER) : f->assigner_id ? (live ? ST_DUTY_LIST_ASSIGNER_LIVE :
	    ST_DUTY_LIST_ASSIGNER) : done ? ST_DUTY_LIST_DONE : created ?
	    ST_DUTY_LIST_CREATED : list_by_flag(st, f->flags, nstored,
	    stored[0] != NULL, (with & STORE_LIST_JSON) != 0);
	sqlite3_stmt *s;
	char *pattern = NULL;
	int rc;

	/* The city's open duties, nothing else asked of them but flags and
	 * statuses: named and flagged by list_open_city. */
	if (which == ST_DUTY_LIST_OPEN && f->support_unit_id == 0 && f->search == NULL)
		return list_open_city(st, f, with, fn, arg, err);
	if ((s = stmt(st, which, err)) == NULL)
		return RV_STORAGE;
	/* ?9..?12, or ?9 alone when the statement takes one. */
	for (int i = 0; i < 4; i++)
		bind_text(s, 9 + i, nstored == 1 ? (i == 0 ? stored[one] : NULL) : stored[i]);
	bind_id(s, 1, f->lead_unit_id);
	bind_id(s, 2, f->owner_id);
	bind_id(s, 3, f->support_unit_id);
	bind_id(s, 19, f->assigner_id);
	sqlite3_bind_int(s, 4, (int)f->statuses);
	sqlite3_bind_int(s, 5, (int)list_flags_sifted(f));
	if (f->search != NULL && (pattern = like_pattern(f->search)) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	bind_text(s, 6, pattern);
	sqlite3_bind_int(s, 7, (with & STORE_LIST_JSON) != 0);
	sqlite3_bind_int(s, 14, (with & STORE_LIST_FULL) != 0);
	bind_text(s, 15, f->done_from);
	bind_text(s, 16, f->done_to);
	bind_text(s, 17, f->created_from);
	bind_text(s, 18, f->created_to);
	if (f->limit > 0)
		sqlite3_bind_int64(s, 8, f->limit);
	bind_list_bounds(st, s, f->flags);
	/* ST_DUTY_LIST_OPEN says 'open' where the others bind it, and holds no
	 * JSON (list_by_flag). */
	assert(s != st->stmts[ST_DUTY_LIST_OPEN] ||
	    (nstored == 1 && stored[0] != NULL && !(with & STORE_LIST_JSON)));
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct duty_row row;

		read_duty_row(s, &row);
		row.done_on = col_str(s, 15);
		row.created_at = col_str(s, 16);
		if (fn(&row, arg))
			break;
	}
	free(pattern);
	return rows_done(st, s, rc, err);
}

enum rv_code
store_duty_json(struct store *st, rowid_t duty_id, char **json, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_DUTY_JSON, err);
	enum rv_code rc;
	int found;

	*json = NULL;
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (found)
		*json = col_dup(s, 0);
	sqlite3_reset(s);
	if (!found || *json == NULL)
		return err_set(err, RV_REFUSED, _("there is no duty with that reference"));
	return RV_OK;
}

enum rv_code
store_duty_detail(struct store *st, rowid_t duty_id, store_detail_fn fn,
    void *arg, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_DUTY_DETAIL, err);
	struct duty_detail row;
	enum rv_code rc;
	int found;

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (found) {
		row.lead_code = col_str(s, 0);
		row.lead_name = col_str(s, 1);
		row.owner_login = col_str(s, 2);
		row.owner_name = col_str(s, 3);
		row.assigner_login = col_str(s, 4);
		row.assigner_name = col_str(s, 5);
		row.status = col_str(s, 6);
		row.flags = (unsigned)sqlite3_column_int(s, 7);
		fn(&row, arg);
	}
	sqlite3_reset(s);
	if (!found)
		return err_set(err, RV_REFUSED, _("there is no duty with that reference"));
	return RV_OK;
}

enum rv_code
store_support_state(struct store *st, rowid_t duty_id, rowid_t unit_id,
    int *supports, char delivered_on[11], struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SUPPORT_DELIVERED, err);
	enum rv_code rc;

	*supports = 0;
	delivered_on[0] = '\0';
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	sqlite3_bind_int64(s, 2, unit_id);
	if ((rc = one_row(st, s, supports, err)) != RV_OK)
		return rc;
	if (*supports)
		col_copy(s, 0, delivered_on, 11);
	sqlite3_reset(s);
	return RV_OK;
}

enum rv_code
store_support_deliver(struct store *st, rowid_t duty_id, rowid_t unit_id,
    const char *day, rowid_t person_id, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SUPPORT_DELIVER, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	sqlite3_bind_int64(s, 2, unit_id);
	bind_text(s, 3, day);
	bind_id(s, 4, person_id);
	return run(st, s, err);
}

enum rv_code
store_support_list(struct store *st, rowid_t duty_id, store_support_fn fn,
    void *arg, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SUPPORT_LIST, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct support_row row = {
			col_str(s, 0), col_str(s, 1), col_str(s, 2), col_str(s, 3),
			sqlite3_column_int64(s, 4), sqlite3_column_int64(s, 5)
		};

		if (fn(&row, arg))
			break;
	}
	return rows_done(st, s, rc, err);
}

void
store_history_path_add(const struct history_row *h, char *path, size_t size,
    size_t *len)
{
	if (h->to_unit == NULL || (strcmp(h->action, "created") != 0 &&
	    strcmp(h->action, "accepted") != 0 && strcmp(h->action, "redirected") != 0))
		return;
	if (*len + strlen(h->to_unit) + 8 < size)
		*len += (size_t)snprintf(path + *len, size - *len, "%s%s",
		    *len ? " → " : "", h->to_unit);
}

enum rv_code
store_history_list(struct store *st, rowid_t duty_id, store_history_fn fn,
    void *arg, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_HISTORY_LIST, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct history_row row = {
			col_str(s, 0), col_str(s, 1), col_str(s, 2), col_str(s, 3),
			col_str(s, 4), col_str(s, 5), col_str(s, 6), col_str(s, 7),
			col_str(s, 8), col_str(s, 9),
			/* issue #11 */
			col_str(s, 10), col_str(s, 11)
		};

		if (fn(&row, arg))
			break;
	}
	return rows_done(st, s, rc, err);
}

static enum rv_code
history_walk(struct store *st, enum stmt id, store_chain_fn fn, void *arg,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, id, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct chain_entry e = {
			.id = sqlite3_column_int64(s, 0), .duty_uuid = col_str(s, 1),
			.at = col_str(s, 2), .actor = col_str(s, 3), .via = col_str(s, 4),
			.action = col_str(s, 5), .from_unit = col_str(s, 6),
			.to_unit = col_str(s, 7), .from_owner = col_str(s, 8),
			.to_owner = col_str(s, 9), .text = col_str(s, 10),
			.detail = col_str(s, 11), .hash = col_str(s, 12),
			.duty_ref = col_str(s, 13),
			.duty_id = sqlite3_column_int64(s, 14),
			.actor_id = sqlite3_column_int64(s, 15),
			.via_id = sqlite3_column_int64(s, 16),
			.from_unit_id = sqlite3_column_int64(s, 17),
			.to_unit_id = sqlite3_column_int64(s, 18),
			.from_owner_id = sqlite3_column_int64(s, 19),
			.to_owner_id = sqlite3_column_int64(s, 20),
			.data = col_str(s, 21), .seal = col_str(s, 22),
		};

		if (fn(&e, arg))
			break;
	}
	return rows_done(st, s, rc, err);
}

enum rv_code
store_history_walk(struct store *st, store_chain_fn fn, void *arg,
    struct rv_err *err)
{
	return history_walk(st, ST_CHAIN_WALK, fn, arg, err);
}

/* Migration 2 added the hash: the entries made before it are hashed here,
 * in order, in the migration's transaction. */
struct chain_fill {
	struct store *st;
	char prev[CHAIN_HEX_SIZE];
	long long *ids;
	char (*hashes)[CHAIN_HEX_SIZE];
	size_t n, cap;
	int failed;
};

static int
chain_fill_one(const struct chain_entry *e, void *arg)
{
	struct chain_fill *f = arg;

	if (e->hash == NULL) {
		if (f->n == f->cap) {
			size_t cap = f->cap ? 2 * f->cap : 1024;
			long long *ids = realloc(f->ids, cap * sizeof(*ids));
			char (*hashes)[CHAIN_HEX_SIZE];

			if (ids == NULL) {
				f->failed = 1;
				return 1;
			}
			f->ids = ids;
			if ((hashes = realloc(f->hashes, cap * sizeof(*hashes))) == NULL) {
				f->failed = 1;
				return 1;
			}
			f->hashes = hashes;
			f->cap = cap;
		}
		chain_hash(e, f->prev, f->hashes[f->n]);
		f->ids[f->n] = e->id;
		memcpy(f->prev, f->hashes[f->n], CHAIN_HEX_SIZE);
		f->n++;
	} else
		snprintf(f->prev, sizeof(f->prev), "%s", e->hash);
	return 0;
}

static enum rv_code
chain_fill(sqlite3 *db, int version, void *arg, struct rv_err *err)
{
	struct chain_fill f = { .st = arg };
	enum rv_code rc;
	sqlite3_stmt *s;

	(void)db;
	if (version != 2)
		return RV_OK;
	/* The walk is finished before any update, so that no statement reads
	 * the table while it is written. */
	rc = history_walk(f.st, ST_CHAIN_WALK_V2, chain_fill_one, &f, err);
	if (rc == RV_OK && f.failed)
		rc = err_set(err, RV_STORAGE, _("out of memory while hashing the history"));
	for (size_t i = 0; rc == RV_OK && i < f.n; i++) {
		if ((s = stmt(f.st, ST_CHAIN_SET, err)) == NULL) {
			rc = RV_STORAGE;
			break;
		}
		sqlite3_bind_int64(s, 1, f.ids[i]);
		bind_text(s, 2, f.hashes[i]);
		rc = run(f.st, s, err);
	}
	free(f.ids);
	free(f.hashes);
	return rc;
}

/*
 * Migration 7: the history gets its seals and facts.  The key is made (or
 * read, when one is there), every entry made before is sealed, and each
 * unit, person and duty gets a "baseline" entry holding what the database
 * held of it, for the first administrator: what the entries before did not
 * record (titles, parts, roles, heads, days), from which roviec verify
 * replays the entries after.
 */
static enum rv_code
baseline(struct store *st, enum stmt id, int what, rowid_t admin,
    const char *at, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, id, err);
	enum rv_code code = RV_OK;
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	while (code == RV_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct history_entry h = {
			.at = at, .actor_id = admin, .action = "baseline",
			.data = col_str(s, 1),
		};
		rowid_t row = sqlite3_column_int64(s, 0);

		if (what == 'd')
			h.duty_id = row;
		else if (what == 'u')
			h.to_unit_id = row;
		else
			h.to_owner_id = row;
		if (h.data == NULL)
			code = err_set(err, RV_STORAGE, _("cannot record the state of row %lld"),
			    (long long)row);
		else
			code = store_history_add(st, &h, err);
	}
	if (code != RV_OK) {
		sqlite3_reset(s);
		return code;
	}
	return rows_done(st, s, rc, err);
}

static enum rv_code
ledger_upgrade(struct store *st, struct rv_err *err)
{
	sqlite3_stmt *s;
	long long admin = 0;
	char at[21];
	time_t now = time(NULL);
	struct tm tm;
	enum rv_code rc;

	if (!st->has_key && (rc = key_make(st, err)) != RV_OK)
		return rc;
	if ((s = stmt(st, ST_SEAL_ALL, err)) == NULL || (rc = run(st, s, err)) != RV_OK)
		return s == NULL ? RV_STORAGE : rc;
	if ((rc = one_int(st, ST_FIRST_ADMIN, 0, 0, &admin, err)) != RV_OK)
		return rc;
	if (admin == 0)
		return RV_OK;	/* a database not yet given its first administrator */
	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if ((rc = baseline(st, ST_BASELINE_UNITS, 'u', admin, at, err)) != RV_OK ||
	    (rc = baseline(st, ST_BASELINE_PEOPLE, 'p', admin, at, err)) != RV_OK)
		return rc;
	return baseline(st, ST_BASELINE_DUTIES, 'd', admin, at, err);
}

static enum rv_code
upgrade_hook(sqlite3 *db, int version, void *arg, struct rv_err *err)
{
	if (version == 2)
		return chain_fill(db, version, arg, err);
	if (version == 7)	/* 0007_ledger.sql */
		return ledger_upgrade(arg, err);
	return RV_OK;
}

enum rv_code
store_count(struct store *st, const char *which, long long *n, struct rv_err *err)
{
	static const struct { const char *name; enum stmt id; } tables[] = {
		{ "duties", ST_COUNT_DUTIES }, { "history", ST_COUNT_HISTORY },
		{ "handoffs", ST_COUNT_HANDOFFS }, { "people", ST_COUNT_PEOPLE },
		{ "units", ST_COUNT_UNITS }, { "admins", ST_COUNT_ADMINS },
	};

	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (strcmp(which, tables[i].name) == 0)
			return one_int(st, tables[i].id, 0, 0, n, err);
	return err_set(err, RV_USAGE, _("cannot count %s"), which);
}

enum rv_code
store_duty_page(struct store *st, const struct page_query *q, store_page_fn fn,
    void *arg, struct rv_err *err)
{
	sqlite3_stmt *s;
	char *pattern = NULL;
	int rc;

	if ((unsigned)q->tab >= PAGE__TABS)
		return err_set(err, RV_USAGE, _("no such tab"));
	if ((unsigned)q->sort >= SORT__COUNT)
		return err_set(err, RV_USAGE, _("no such order"));
	s = stmt(st, (enum stmt)PAGE_AT(q->tab, q->sort, q->backward != 0), err);
	if (s == NULL)
		return RV_STORAGE;
	bind_id(s, 1, q->unit_id);
	bind_id(s, 2, q->person_id);
	bind_text(s, 3, q->after_key);
	sqlite3_bind_int64(s, 4, q->after_id);
	sqlite3_bind_int(s, 5, q->limit > 0 ? q->limit : 1);
	sqlite3_bind_int(s, 6, (int)q->flag);
	if (q->search != NULL && (pattern = like_pattern(q->search)) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	bind_text(s, 7, pattern);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct duty_row row;

		read_duty_row(s, &row);
		row.stored_status = col_str(s, 17);
		row.owner_id = sqlite3_column_int64(s, 18);
		row.lead_unit_id = sqlite3_column_int64(s, 19);
		row.assigner_id = sqlite3_column_int64(s, 20);
		row.pending_kind = col_str(s, 21);
		row.pending_to_unit_id = sqlite3_column_int64(s, 22);
		row.extension_asked = col_str(s, 23);
		if (fn(&row, col_str(s, 15), sqlite3_column_int64(s, 16), arg))
			break;
	}
	free(pattern);
	return rows_done(st, s, rc, err);
}

enum rv_code
store_data_version(struct store *st, long long *v, struct rv_err *err)
{
	return one_int(st, ST_DATA_VERSION, 0, 0, v, err);
}


/* --- the report -------------------------------------------------------- */

enum rv_code
store_history_head(struct store *st, long long *id, char hash[65], char at[32],
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_CHAIN_HEAD, err);
	enum rv_code rc;
	int found;

	*id = 0;
	hash[0] = at[0] = '\0';
	if (s == NULL)
		return RV_STORAGE;
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (found) {
		*id = sqlite3_column_int64(s, 0);
		col_copy(s, 1, hash, 65);
		col_copy(s, 2, at, 32);
	}
	sqlite3_reset(s);
	return RV_OK;
}

enum rv_code
store_report_done_days_check(struct store *st, store_done_days_fn fn, void *arg,
    struct rv_err *err)
{
	static const struct {
		enum stmt check;
		enum store_kept kept;
	} checks[] = {
		{ ST_REPORT_DONE_DAYS_CHECK, STORE_KEPT_DONE_BY_UNIT },
		{ ST_REPORT_DONE_MONTHS_CHECK, STORE_KEPT_DONE_BY_UNIT },
		{ ST_REPORT_DONE_OWNER_MONTHS_CHECK, STORE_KEPT_DONE_BY_PERSON },
		{ ST_REPORT_STOCK_MONTHS_CHECK, STORE_KEPT_STOCK_BY_UNIT },
		{ ST_REPORT_SUPPORT_DAYS_CHECK, STORE_KEPT_SUPPORT_BY_UNIT },
		{ ST_REPORT_SUPPORT_MONTHS_CHECK, STORE_KEPT_SUPPORT_BY_UNIT },
		{ ST_REPORT_SUPPORT_OPEN_CHECK, STORE_KEPT_SUPPORT_OPEN_BY_UNIT },
		{ ST_REPORT_HANDOFF_DAYS_CHECK, STORE_KEPT_HANDOFFS_BY_UNIT },
		{ ST_REPORT_HANDOFF_MONTHS_CHECK, STORE_KEPT_HANDOFFS_BY_UNIT },
		{ ST_REPORT_EXTENSION_DAYS_CHECK, STORE_KEPT_EXTENSIONS_BY_UNIT },
		{ ST_REPORT_EXTENSION_MONTHS_CHECK, STORE_KEPT_EXTENSIONS_BY_UNIT },
		{ ST_REPORT_STOCK_DAYS_CHECK, STORE_KEPT_STOCK_DAYS_BY_UNIT },
		{ ST_REPORT_STOCK_PROGRESS_CHECK, STORE_KEPT_STOCK_PROGRESS_BY_UNIT },
	};
	int stop = 0;

	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]) && !stop; i++) {
		sqlite3_stmt *s = stmt(st, checks[i].check, err);
		int rc;

		if (s == NULL)
			return RV_STORAGE;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			if ((stop = fn(col_str(s, 0), checks[i].kept, col_str(s, 1),
			    sqlite3_column_int(s, 2), col_str(s, 3), col_str(s, 4), arg)) != 0)
				break;
		if (rows_done(st, s, rc, err) != RV_OK)
			return RV_STORAGE;
	}
	return RV_OK;
}

/* The bounds REPORT_DONE_DAYS adds up by: the days of the period's first
 * month to first_to (?14), its whole months from_month to to_month (?15,
 * ?16), the days of its last month from last_from (?17); with no whole
 * month in the period, every day is in the first range. */
struct report_months {
	char first_to[11], from_month[11], to_month[11], last_from[11];
	day_t first, last;	/* the whole months' first and last days, if whole */
	int whole;		/* whether the period has a whole month */
};

static void
report_months(day_t from, day_t as_of, struct report_months *m)
{
	day_t first, last;
	int y, mo, d;

	dates_to_ymd(from, &y, &mo, &d);
	if (d != 1 && ++mo > 12) {
		mo = 1;
		y++;
	}
	/* The first whole month's first day, and the last whole month's last
	 * (the day before the first of the month after as_of's day). */
	if (dates_from_ymd(y, mo, 1, &first, NULL) == RV_OK) {
		dates_to_ymd(as_of + 1, &y, &mo, &d);
		if (dates_from_ymd(y, mo, 1, &last, NULL) == RV_OK && first <= --last) {
			dates_iso(first - 1, m->first_to);
			dates_iso(first, m->from_month);
			dates_iso(last, m->to_month);
			m->from_month[7] = m->to_month[7] = '\0';
			dates_iso(last + 1, m->last_from);
			m->first = first;
			m->last = last;
			m->whole = 1;
			return;
		}
	}
	dates_iso(as_of, m->first_to);
	snprintf(m->from_month, sizeof(m->from_month), "9999-12");
	snprintf(m->to_month, sizeof(m->to_month), "0000-01");
	snprintf(m->last_from, sizeof(m->last_from), "9999-12-31");
	m->whole = 0;
}

/* The UTC day of a stored moment ("2026-12-06T17:00:00Z"); DAY_NONE when
 * it is not a moment. */
static day_t
moment_utc_day(const char *m)
{
	char day[11];
	day_t d;

	if (m == NULL || strlen(m) != 20 || m[10] != 'T' || m[19] != 'Z')
		return DAY_NONE;
	memcpy(day, m, 10);
	day[10] = '\0';
	return dates_from_iso(day, &d) == 0 ? d : DAY_NONE;
}

/*
 * The bounds by unit REPORT_UNIT_EVENTS adds up by: the proposals' days
 * and months of the period (?20 to ?23, as report_months of from and to);
 * the requests' hours of the first day before its first whole UTC day
 * (?12 to ?24), the whole UTC days by day and month (?24 to ?29) and the
 * hours after them (?30 to ?13).  With no whole UTC day in the period,
 * every request is read, from ?12 to ?13.
 */
static void
report_event_bounds(sqlite3_stmt *s, const struct store_report_query *q, day_t from, day_t to)
{
	struct report_months m;
	day_t first, last;
	char day[11];

	report_months(from, to, &m);
	bind_text(s, 20, m.first_to);
	bind_text(s, 21, m.from_month);
	bind_text(s, 22, m.to_month);
	bind_text(s, 23, m.last_from);
	/* The first whole UTC day starts at period_start or after it; the
	 * last ends at period_end or before it. */
	first = moment_utc_day(q->period_start);
	last = moment_utc_day(q->period_end);
	if (first != DAY_NONE && last != DAY_NONE &&
	    (first += strcmp(q->period_start + 10, "T00:00:00Z") != 0) <= --last) {
		report_months(first, last, &m);
		dates_iso(first, day);
		bind_text(s, 24, day);
		bind_text(s, 25, m.first_to);
		bind_text(s, 26, m.from_month);
		bind_text(s, 27, m.to_month);
		bind_text(s, 28, m.last_from);
		dates_iso(last, day);
		bind_text(s, 29, day);
		dates_iso(last + 1, day);
		bind_text(s, 30, day);
		return;
	}
	bind_text(s, 24, q->period_end);
	bind_text(s, 25, "0000");
	bind_text(s, 26, "9999-12");
	bind_text(s, 27, "0000-01");
	bind_text(s, 28, "9999-12-31");
	bind_text(s, 29, "0000");
	bind_text(s, 30, q->period_end);
}

/* REPORT_SUPPORT_OPEN's bounds: the parts of duties not done added up
 * (current), or read one by one. */
static void
report_open_part_bounds(sqlite3_stmt *s, const struct store_report_query *q, int current)
{
	char month_start[11];

	/* as_of is a date (store_report checked): its month's first day. */
	snprintf(month_start, sizeof(month_start), "%.8s01", q->as_of);
	bind_text(s, 32, current ? "9999-12-30" : "9999-12-31");
	bind_text(s, 33, current ? "0000" : "9999");
	bind_text(s, 34, current ? "9999" : "0000");
	bind_text(s, 35, current ? month_start : "9999");
}

enum rv_code
store_report(struct store *st, const struct store_report_query *q,
    store_report_fn fn, void *arg, struct rv_err *err)
{
	sqlite3_stmt *s;
	day_t from, to, as_of;
	char stalled_by[11];
	struct report_months m;
	enum rv_code code;
	int rc, current = 0, parts_current = 0;

	if (dates_from_iso(q->from, &from) != 0)
		return err_set(err, RV_REFUSED, _("the report's day %s is not a date"), q->from);
	if (dates_from_iso(q->as_of, &as_of) != 0)
		return err_set(err, RV_REFUSED, _("the report's day %s is not a date"), q->as_of);
	if (dates_from_iso(q->to, &to) != 0)
		return err_set(err, RV_REFUSED, _("the report's day %s is not a date"), q->to);
	/* By unit, a current open stock is counted (REPORT_STOCK), not read:
	 * in the same transaction as the report, so it stays current. */
	if (!q->by_person) {
		if ((s = stmt(st, ST_REPORT_STOCK_CURRENT, err)) == NULL)
			return RV_STORAGE;
		bind_text(s, 1, q->created_before);
		bind_text(s, 2, q->as_of);
		if ((code = one_row(st, s, &current, err)) != RV_OK)
			return code;
		parts_current = current && sqlite3_column_int(s, 1);
		current = current && sqlite3_column_int(s, 0);
		sqlite3_reset(s);
	}
	s = stmt(st, q->by_person ? (q->unit_id ? ST_REPORT_PEOPLE : ST_REPORT_CITY_PEOPLE) :
	    current ? ST_REPORT_UNITS_NOW : ST_REPORT_UNITS, err);
	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, q->from);
	bind_text(s, 2, q->to);
	bind_text(s, 3, q->as_of);
	bind_id(s, 4, q->unit_id);
	sqlite3_bind_int(s, 5, st->rules.tossed_handoffs);
	/* Stalled on as_of by FLAG_STALLED's rule, compared as days. */
	dates_iso(flags_stalled_by(&st->rules, as_of), stalled_by);
	bind_text(s, 6, stalled_by);
	bind_text(s, 7, q->head);
	sqlite3_bind_int64(s, 8, q->head_id);
	/* The keys a row of this kind does not have (a merge patch's null
	 * removes a key). */
	bind_text(s, 10, q->created_before);
	bind_text(s, 12, q->period_start);
	bind_text(s, 13, q->period_end);
	report_months(from, as_of, &m);
	bind_text(s, 15, m.from_month);
	bind_text(s, 16, m.to_month);
	if (!q->by_person) {
		bind_id(s, 11, q->unit_id);
		bind_text(s, 14, m.first_to);
		bind_text(s, 17, m.last_from);
		report_event_bounds(s, q, from, to);
		report_open_part_bounds(s, q, parts_current);
	} else {
		/* Each person's duties read before the first whole month and
		 * after the last; with none, all in the first range. */
		char day[11];

		if (m.whole)
			dates_iso(m.first, day);
		bind_text(s, 18, m.whole ? day : "9999-12-31~");
		if (m.whole)
			dates_iso(m.last, day);
		bind_text(s, 19, m.whole ? day : "9999-12-31~");
	}
	bind_text(s, 9, q->by_person ?
	    "{\"support_parts\":null,\"support_delivered\":null,"
	    "\"support_delivered_in_time\":null,\"support_owed_overdue\":null,"
	    "\"support_avg_days\":null}" : "{\"login\":null}");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct report_row r = {
			.key = col_str(s, 0), .name = col_str(s, 1), .unit = col_str(s, 2),
			.assigned = sqlite3_column_int64(s, 3),
			.on_time = sqlite3_column_int64(s, 4),
			.late = sqlite3_column_int64(s, 5),
			.open_in_time = sqlite3_column_int64(s, 6),
			.open_overdue = sqlite3_column_int64(s, 7),
			.bounced = sqlite3_column_int64(s, 8),
			.tossed = sqlite3_column_int64(s, 9),
			.stalled = sqlite3_column_int64(s, 10),
			.escalated = sqlite3_column_int64(s, 11),
			.extensions = sqlite3_column_int64(s, 12),
			.days_added = sqlite3_column_int64(s, 13),
			.returns = sqlite3_column_int64(s, 14),
			.has_support = !q->by_person,
			.parts = sqlite3_column_int64(s, 15),
			.delivered = sqlite3_column_int64(s, 16),
			.delivered_in_time = sqlite3_column_int64(s, 17),
			.owed_overdue = sqlite3_column_int64(s, 18),
			.has_avg = sqlite3_column_type(s, 19) != SQLITE_NULL,
			.avg_days = sqlite3_column_double(s, 19),
			.has_rate = sqlite3_column_type(s, 20) != SQLITE_NULL,
			.rate = sqlite3_column_double(s, 20),
			.json = col_str(s, 21),
		};

		if (fn(&r, arg))
			break;
	}
	code = rows_done(st, s, rc, err);
	return code;
}

/* --- backup ------------------------------------------------------------ */

/* One integer from the backup's connection. */
static long long
backup_count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	long long n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

static enum rv_code
backup_copy(struct store *st, sqlite3 *dst, struct backup_info *info,
    struct rv_err *err)
{
	long long give_up = now_ms() + LOCK_TIMEOUT_MS;
	sqlite3_backup *b;
	sqlite3_stmt *s;
	int rc;

	if ((b = sqlite3_backup_init(dst, "main", st->db, "main")) == NULL)
		return err_set(err, RV_STORAGE, _("cannot start the backup: %s"),
		    sqlite3_errmsg(dst));
	/* All pages in one step: one read snapshot, which in WAL mode does
	 * not hold up writers; retried while the database is busy. */
	for (int attempt = 0;; attempt++) {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_DONE || (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) ||
		    now_ms() >= give_up)
			break;
		backoff(attempt);
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		/* Busy or locked is the source's; anything else (disk full,
		 * a file size limit) is the copy's. */
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			return fail(st, rc, err);
		return err_set(err, RV_STORAGE, _("cannot write the backup: %s"),
		    sqlite3_errcode(dst) != SQLITE_OK ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
	}
	if (sqlite3_prepare_v2(dst, "PRAGMA quick_check", -1, &s, NULL) != SQLITE_OK)
		return err_set(err, RV_STORAGE, _("cannot check the backup: %s"),
		    sqlite3_errmsg(dst));
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW || sqlite3_column_text(s, 0) == NULL ||
	    strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0) {
		sqlite3_finalize(s);
		return err_set(err, RV_STORAGE, _("the backup does not pass its check"));
	}
	sqlite3_finalize(s);
	info->duties = backup_count(dst, "SELECT count(*) FROM duties");
	info->entries = backup_count(dst, "SELECT count(*) FROM history");
	info->head[0] = '\0';
	if (sqlite3_prepare_v2(dst, "SELECT hash FROM history ORDER BY id DESC LIMIT 1",
	    -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
			snprintf(info->head, sizeof(info->head), "%s",
			    (const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	return RV_OK;
}

/* Syncs the directory holding path, so that the new name is on disk. */
static void
sync_dir(const char *path)
{
	char dir[4096];
	int fd;

	dir_of(path, dir, sizeof(dir));
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(fd);
		close(fd);
	}
}

enum rv_code
store_backup(struct store *st, const char *path, struct backup_info *info,
    struct rv_err *err)
{
	sigset_t stop, was;
	enum rv_code code;

	/* A hang-up or Ctrl-C waits until the copy is whole or gone, so that
	 * no half-written file is left behind; it takes effect after. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGHUP);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGXFSZ);
	sigprocmask(SIG_BLOCK, &stop, &was);
	/* The copy is the caller's file, made with the caller's rights alone,
	 * never the group's (a setgid roviec, priv.h): the source is read
	 * through the files the connection holds open already. */
	priv_user_begin();
	code = backup_to(st, path, info, err);
	priv_user_end();
	sigprocmask(SIG_SETMASK, &was, NULL);
	return code;
}

static enum rv_code
backup_to(struct store *st, const char *path, struct backup_info *info,
    struct rv_err *err)
{
	char *tmp;
	size_t n = strlen(path) + 16;
	sqlite3 *dst = NULL;
	enum rv_code code;
	int fd;

	if (access(path, F_OK) == 0)
		return err_set(err, RV_REFUSED,
		    _("%s exists already: give a new file name, or move the old one away"), path);
	if ((tmp = malloc(n)) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	snprintf(tmp, n, "%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		code = err_set(err, RV_REFUSED, _("cannot create %s: %s; choose a directory you may write to"),
		    path, strerror(errno));
		free(tmp);
		return code;
	}
	if (fchmod(fd, 0600) != 0) {
		code = err_set(err, RV_STORAGE, _("cannot make %s private: %s"), path,
		    strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return code;
	}
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		code = err_set(err, RV_STORAGE, _("cannot write the backup %s: %s"), path,
		    dst ? sqlite3_errmsg(dst) : "out of memory");
		goto out;
	}
	if ((code = backup_copy(st, dst, info, err)) != RV_OK)
		goto out;
	/* Back to a single file: the copy carries WAL mode, so checkpoint it
	 * and leave it in rollback mode, a plain file to keep. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		code = err_set(err, RV_STORAGE, _("cannot finish the backup %s: %s"), path,
		    sqlite3_errmsg(dst));
		goto out;
	}
	sqlite3_close(dst);
	dst = NULL;
	if (fsync(fd) != 0) {
		code = err_set(err, RV_STORAGE, _("cannot write the backup %s: %s"), path,
		    strerror(errno));
		goto out;
	}
	/* Never over a file that appeared meanwhile: rename without
	 * replacing, or, where the kernel or the filesystem has no such
	 * rename, link (which some filesystems lack in turn). */
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) != 0 &&
	    (errno == EEXIST || (errno != EINVAL && errno != ENOSYS) ||
	    link(tmp, path) != 0)) {
		code = err_set(err, errno == EEXIST ? RV_REFUSED : RV_STORAGE,
		    _("cannot put the backup at %s: %s"), path, strerror(errno));
		goto out;
	}
	sync_dir(path);
	code = RV_OK;
out:
	if (dst != NULL)
		sqlite3_close(dst);
	close(fd);
	store_remove(tmp);	/* the temporary name and any journal beside it */
	free(tmp);
	return code;
}

/* Import and export. */

enum rv_code
store_ref_at_least(struct store *st, const char *prefix, long long n,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_REF_AT_LEAST, err);

	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, prefix);
	sqlite3_bind_int64(s, 2, n);
	return run(st, s, err);
}

enum rv_code
store_duty_export(struct store *st, int want_json, store_export_fn fn, void *arg,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_EXPORT, err);
	struct export_row row;
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int(s, 1, want_json);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (int i = 0; i < STORE_EXPORT_COLUMNS; i++)
			row.cell[i] = col_str(s, i);
		row.json = col_str(s, STORE_EXPORT_COLUMNS);
		if (fn(&row, arg) != 0)
			break;
	}
	return rows_done(st, s, rc, err);
}

/* --- the replay's reads (issue 14) ------------------------------------------ */

static void
read_entry(sqlite3_stmt *s, struct store_entry *e)
{
	e->duty_id = sqlite3_column_int64(s, 0);
	e->id = sqlite3_column_int64(s, 1);
	e->at = col_str(s, 2);
	e->actor_id = sqlite3_column_int64(s, 3);
	e->via_id = sqlite3_column_int64(s, 4);
	e->action = col_str(s, 5);
	e->from_unit_id = sqlite3_column_int64(s, 6);
	e->to_unit_id = sqlite3_column_int64(s, 7);
	e->from_owner_id = sqlite3_column_int64(s, 8);
	e->to_owner_id = sqlite3_column_int64(s, 9);
	e->text = col_str(s, 10);
	e->detail = col_str(s, 11);
	e->data = col_str(s, 12);
	e->state_coefficient = sqlite3_column_int64(s, 13);
	e->state_owner_since = col_str(s, 14);
	e->state_first = sqlite3_column_type(s, 15) == SQLITE_NULL ? -1 :
	    sqlite3_column_int64(s, 15);
	e->state_last = sqlite3_column_type(s, 16) == SQLITE_NULL ? -1 :
	    sqlite3_column_int64(s, 16);
}

enum rv_code
store_replay_org(struct store *st, const struct store_org_fns *fns, void *arg,
    struct rv_err *err)
{
	sqlite3_stmt *s;
	int rc, stop = 0;

	if ((s = stmt(st, ST_REPLAY_ORG, err)) == NULL)
		return RV_STORAGE;
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_entry e;

		read_entry(s, &e);
		stop = fns->entry(&e, arg);
	}
	if (rows_done(st, s, rc, err) != RV_OK)
		return RV_STORAGE;
	if ((s = stmt(st, ST_REPLAY_UNITS, err)) == NULL)
		return RV_STORAGE;
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_unit_rec u = {
			sqlite3_column_int64(s, 0), col_str(s, 1), col_str(s, 2),
			col_str(s, 3), sqlite3_column_int64(s, 4)
		};

		stop = fns->unit(&u, arg);
	}
	if (rows_done(st, s, rc, err) != RV_OK)
		return RV_STORAGE;
	if ((s = stmt(st, ST_REPLAY_HEADS, err)) == NULL)
		return RV_STORAGE;
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW)
		stop = fns->head(sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), arg);
	if (rows_done(st, s, rc, err) != RV_OK)
		return RV_STORAGE;
	if ((s = stmt(st, ST_REPLAY_PEOPLE, err)) == NULL)
		return RV_STORAGE;
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_person_rec p = {
			sqlite3_column_int64(s, 0), col_str(s, 1), col_str(s, 2),
			sqlite3_column_int64(s, 3), col_str(s, 4), col_str(s, 5),
			col_str(s, 6)
		};

		stop = fns->person(&p, arg);
	}
	if (rows_done(st, s, rc, err) != RV_OK)
		return RV_STORAGE;
	if ((s = stmt(st, ST_REPLAY_EVALUATIONS, err)) == NULL)
		return RV_STORAGE;
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_evaluation_rec v = {
			sqlite3_column_int64(s, 0), col_str(s, 1), sqlite3_column_int64(s, 2),
			sqlite3_column_int64(s, 3), col_str(s, 4), sqlite3_column_int64(s, 5),
			col_str(s, 6)
		};

		stop = fns->evaluation(&v, arg);
	}
	return rows_done(st, s, rc, err);
}

enum rv_code
store_replay_series(struct store *st, store_series_fn fn, void *arg, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_REPLAY_SERIES, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_series_rec row = {
			sqlite3_column_int64(s, 0), col_str(s, 1), sqlite3_column_int64(s, 2),
			sqlite3_column_int64(s, 3), sqlite3_column_int64(s, 4),
			sqlite3_column_int64(s, 5), col_str(s, 6), col_str(s, 7),
			sqlite3_column_int64(s, 8)
		};

		if (fn(&row, arg))
			break;
	}
	return rows_done(st, s, rc, err);
}

/*
 * The duties, each with its history and the rows of the tables that hang
 * from it, read by six statements in the order of the duty and merged:
 * each duty (or duty id that only the history, or only another table,
 * names) is handed over once, whole.  The rows are copied: the statements
 * move on while a duty is gathered.
 */
enum { CUR_DUTY, CUR_HISTORY, CUR_HANDOFF, CUR_EXTENSION, CUR_NOTE, CUR_SUPPORT, CUR__N };

struct cursor {
	sqlite3_stmt *s;
	int rc;		/* of the last step */
};

static rowid_t
cur_id(const struct cursor *c)
{
	return c->rc == SQLITE_ROW ? sqlite3_column_int64(c->s, 0) : INT64_MAX;
}

/* A copy of column i (NULL stays NULL), owned by the set's strings. */
struct strs {
	char **v;
	size_t n, cap;
	int failed;
};

static const char *
keep(struct strs *k, sqlite3_stmt *s, int i)
{
	const char *v = col_str(s, i);
	char *copy;

	if (v == NULL)
		return NULL;
	if (k->n == k->cap) {
		size_t cap = k->cap ? 2 * k->cap : 64;
		char **nv = realloc(k->v, cap * sizeof(*nv));

		if (nv == NULL) {
			k->failed = 1;
			return "";
		}
		k->v = nv;
		k->cap = cap;
	}
	if ((copy = strdup(v)) == NULL) {
		k->failed = 1;
		return "";
	}
	return k->v[k->n++] = copy;
}

/* Grows the vector whose pointer is at arr (a T **, read and written with
 * memcpy: it is not a void *) to hold one more; NULL when out of memory. */
static void *
grow(void *arr, size_t *n, size_t *cap, size_t size)
{
	void *a;

	memcpy(&a, arr, sizeof(a));
	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 8;
		void *b = realloc(a, c * size);

		if (b == NULL)
			return NULL;
		memcpy(arr, &b, sizeof(b));
		a = b;
		*cap = c;
	}
	return (char *)a + (*n)++ * size;
}

struct duty_gather {
	struct store_duty_set set;
	struct store_duty_rec duty;
	struct store_entry *entries;
	struct store_handoff_rec *handoffs;
	struct store_extension_rec *extensions;
	struct store_note_rec *notes;
	struct store_support_rec *supports;
	size_t cap[CUR__N];
	struct strs strs;
};

/* Copies the current row of cursor which into g; 0, or -1 when out of
 * memory. */
static int
gather_row(struct duty_gather *g, int which, sqlite3_stmt *s)
{
	struct store_duty_set *set = &g->set;
	struct strs *k = &g->strs;

	switch (which) {
	case CUR_DUTY: {
		struct store_duty_rec *d = &g->duty;

		d->id = sqlite3_column_int64(s, 0);
		d->uuid = keep(k, s, 1);
		d->ref = keep(k, s, 2);
		d->title = keep(k, s, 3);
		d->search_key = keep(k, s, 4);
		d->result = keep(k, s, 5);
		d->basis = keep(k, s, 6);
		d->field = keep(k, s, 7);
		d->assigner_id = sqlite3_column_int64(s, 8);
		d->lead_unit_id = sqlite3_column_int64(s, 9);
		d->owner_id = sqlite3_column_int64(s, 10);
		d->created_at = keep(k, s, 11);
		d->original_deadline = keep(k, s, 12);
		d->deadline = keep(k, s, 13);
		d->status = keep(k, s, 14);
		d->done_on = keep(k, s, 15);
		d->closed_on = keep(k, s, 16);
		d->last_progress_on = keep(k, s, 17);
		d->handoffs = sqlite3_column_int64(s, 18);
		d->bounced = sqlite3_column_int64(s, 19);
		d->escalated = sqlite3_column_int64(s, 20);
		d->reopened = sqlite3_column_int64(s, 21);
		d->coefficient_x100 = sqlite3_column_int64(s, 22);
		d->deadlines_missed = sqlite3_column_int64(s, 23);
		d->owner_since = keep(k, s, 24);
		d->series_id = sqlite3_column_int64(s, 25);
		d->period = keep(k, s, 26);
		set->duty = d;
		break;
	}
	case CUR_HISTORY: {
		struct store_entry *e = grow(&g->entries, &set->nentries,
		    &g->cap[which], sizeof(*e));

		if (e == NULL)
			return -1;
		read_entry(s, e);
		e->at = keep(k, s, 2);
		e->action = keep(k, s, 5);
		e->text = keep(k, s, 10);
		e->detail = keep(k, s, 11);
		e->data = keep(k, s, 12);
		e->state_owner_since = keep(k, s, 14);
		break;
	}
	case CUR_HANDOFF: {
		struct store_handoff_rec *h = grow(&g->handoffs, &set->nhandoffs,
		    &g->cap[which], sizeof(*h));

		if (h == NULL)
			return -1;
		h->id = sqlite3_column_int64(s, 1);
		h->kind = keep(k, s, 2);
		h->from_unit_id = sqlite3_column_int64(s, 3);
		h->to_unit_id = sqlite3_column_int64(s, 4);
		h->proposed_by = sqlite3_column_int64(s, 5);
		h->reason = keep(k, s, 6);
		h->created_at = keep(k, s, 7);
		h->created_on = keep(k, s, 8);
		h->state = keep(k, s, 9);
		h->answered_by = sqlite3_column_int64(s, 10);
		h->answered_at = keep(k, s, 11);
		h->answer_reason = keep(k, s, 12);
		h->new_owner_id = sqlite3_column_int64(s, 13);
		break;
	}
	case CUR_EXTENSION: {
		struct store_extension_rec *x = grow(&g->extensions,
		    &set->nextensions, &g->cap[which], sizeof(*x));

		if (x == NULL)
			return -1;
		x->id = sqlite3_column_int64(s, 1);
		x->requested_by = sqlite3_column_int64(s, 2);
		x->old_deadline = keep(k, s, 3);
		x->new_deadline = keep(k, s, 4);
		x->reason = keep(k, s, 5);
		x->created_at = keep(k, s, 6);
		x->state = keep(k, s, 7);
		x->answered_by = sqlite3_column_int64(s, 8);
		x->answered_at = keep(k, s, 9);
		x->answer_reason = keep(k, s, 10);
		x->lead_unit_id = sqlite3_column_int64(s, 11);
		break;
	}
	case CUR_NOTE: {
		struct store_note_rec *n = grow(&g->notes, &set->nnotes,
		    &g->cap[which], sizeof(*n));

		if (n == NULL)
			return -1;
		n->id = sqlite3_column_int64(s, 1);
		n->person_id = sqlite3_column_int64(s, 2);
		n->unit_id = sqlite3_column_int64(s, 3);
		n->at = keep(k, s, 4);
		n->note = keep(k, s, 5);
		break;
	}
	default: {
		struct store_support_rec *p = grow(&g->supports, &set->nsupports,
		    &g->cap[which], sizeof(*p));

		if (p == NULL)
			return -1;
		p->unit_id = sqlite3_column_int64(s, 1);
		p->part = keep(k, s, 2);
		p->delivered_on = keep(k, s, 3);
		p->delivered_by = sqlite3_column_int64(s, 4);
		p->live = sqlite3_column_int(s, 5);
		p->deadline = keep(k, s, 6);
		p->duty_created_at = keep(k, s, 7);
		p->duty_original_deadline = keep(k, s, 8);
		p->duty_done_on = keep(k, s, 9);
		p->duty_cancelled_on = keep(k, s, 10);
		break;
	}
	}
	return k->failed ? -1 : 0;
}

static void
gather_reset(struct duty_gather *g)
{
	for (size_t i = 0; i < g->strs.n; i++)
		free(g->strs.v[i]);
	g->strs.n = 0;
	g->strs.failed = 0;
	g->set.duty = NULL;
	g->set.nentries = g->set.nhandoffs = g->set.nextensions = 0;
	g->set.nnotes = g->set.nsupports = 0;
}

enum rv_code
store_replay_duties(struct store *st, store_duty_set_fn fn, void *arg,
    struct rv_err *err)
{
	static const enum stmt ids[CUR__N] = {
		ST_REPLAY_DUTIES, ST_REPLAY_HISTORY, ST_REPLAY_HANDOFFS,
		ST_REPLAY_EXTENSIONS, ST_REPLAY_NOTES, ST_REPLAY_SUPPORT
	};
	struct cursor c[CUR__N];
	struct duty_gather g;
	enum rv_code code = RV_OK;
	rowid_t last = INT64_MIN;
	int stop = 0;

	memset(&g, 0, sizeof(g));
	for (int i = 0; i < CUR__N; i++) {
		if ((c[i].s = stmt(st, ids[i], err)) == NULL) {
			for (int j = 0; j < i; j++)
				sqlite3_reset(c[j].s);
			return RV_STORAGE;
		}
		c[i].rc = sqlite3_step(c[i].s);
	}
	while (!stop && code == RV_OK) {
		rowid_t id = INT64_MAX;

		for (int i = 0; i < CUR__N; i++) {
			if (c[i].rc != SQLITE_ROW && c[i].rc != SQLITE_DONE) {
				code = fail(st, c[i].rc, err);
				break;
			}
			if (cur_id(&c[i]) < id)
				id = cur_id(&c[i]);
		}
		if (code != RV_OK || id == INT64_MAX)
			break;
		gather_reset(&g);
		g.set.duty_id = id;
		/* Every cursor is ordered by duty, so each duty comes once. */
		assert(id > last);
		last = id;
		for (int i = 0; i < CUR__N && code == RV_OK; i++)
			while (c[i].rc == SQLITE_ROW && cur_id(&c[i]) == id) {
				if (gather_row(&g, i, c[i].s) != 0) {
					code = err_set(err, RV_STORAGE, _("out of memory"));
					break;
				}
				c[i].rc = sqlite3_step(c[i].s);
			}
		if (code != RV_OK)
			break;
		g.set.entries = g.entries;
		g.set.handoffs = g.handoffs;
		g.set.extensions = g.extensions;
		g.set.notes = g.notes;
		g.set.supports = g.supports;
		stop = fn(&g.set, arg);
	}
	for (int i = 0; i < CUR__N; i++)
		sqlite3_reset(c[i].s);
	gather_reset(&g);
	free(g.strs.v);
	free(g.entries);
	free(g.handoffs);
	free(g.extensions);
	free(g.notes);
	free(g.supports);
	return code;
}

/* --- the handoff graph --------------------------------------------------- */

enum rv_code
store_graph_edges(struct store *st, const char *from, const char *to,
    store_edge_fn fn, void *arg, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_GRAPH_EDGES, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, from);
	bind_text(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct graph_edge e = {
			.from = col_str(s, 0), .from_name = col_str(s, 1),
			.to = col_str(s, 2), .to_name = col_str(s, 3),
			.proposed = sqlite3_column_int64(s, 4),
			.accepted = sqlite3_column_int64(s, 5),
			.rejected = sqlite3_column_int64(s, 6),
			.transfers = sqlite3_column_int64(s, 7),
			.escalations = sqlite3_column_int64(s, 8),
			.returns = sqlite3_column_int64(s, 9),
		};

		if (fn(&e, arg))
			break;
	}
	return rows_done(st, s, rc, err);
}

/* --- issue #10: the board over a working day --------------------------- */

enum rv_code
store_unit_each(struct store *st, store_unit_each_fn fn, void *arg,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_UNIT_ALL, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct unit u;
		int stop;

		read_unit(s, 0, &u);
		stop = fn(&u, arg);
		model_unit_free(&u);
		if (stop)
			break;
	}
	return rows_done(st, s, rc, err);
}

enum rv_code
store_person_each(struct store *st, store_person_each_fn fn, void *arg,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_PERSON_ALL, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct person p;
		int stop;

		read_person(s, &p);
		stop = fn(&p, arg);
		model_person_free(&p);
		if (stop)
			break;
	}
	return rows_done(st, s, rc, err);
}

enum rv_code
store_tab_ids(struct store *st, enum page_tab tab, rowid_t unit_id,
    rowid_t person_id, rowid_t **ids, size_t *n, struct rv_err *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if ((unsigned)tab >= PAGE__TABS)
		return err_set(err, RV_USAGE, _("no such tab"));
	if ((s = stmt(st, (enum stmt)(ST_TAB_IDS_FIRST + (int)tab), err)) == NULL)
		return RV_STORAGE;
	bind_id(s, 1, unit_id);
	bind_id(s, 2, person_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t more = cap ? 2 * cap : 64;
			rowid_t *grown = realloc(*ids, more * sizeof(**ids));

			if (grown == NULL) {
				sqlite3_reset(s);
				free(*ids);
				*ids = NULL;
				*n = 0;
				return err_set(err, RV_STORAGE, _("out of memory"));
			}
			*ids = grown;
			cap = more;
		}
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
		/* In id order: the board looks ids up by bisection. */
		assert(*n == 1 || (*ids)[*n - 2] < (*ids)[*n - 1]);
	}
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return rows_done(st, s, rc, err);
}

/* --- issue #11 (brief): what waits, and what was mailed ---------------- */

void
store_set_lock_wait(long ms)
{
	lock_wait_ms = ms;
}

enum rv_code
store_waiting(struct store *st, const struct wait_query *q, long long count[WAIT__KINDS],
    store_wait_fn fn, void *arg, struct rv_err *err)
{
	for (int k = 0; k < WAIT__KINDS; k++) {
		sqlite3_stmt *c = stmt(st, (enum stmt)(ST_BRIEF_COUNT_FIRST + k), err);
		sqlite3_stmt *s = stmt(st, (enum stmt)(ST_BRIEF_FIRST + k), err);
		long long rows = 0;
		enum rv_code code;
		int found, rc;

		if (c == NULL || s == NULL)
			return RV_STORAGE;
		/* The same parameters for both; each statement reads those its
		 * condition names (binding one it has not is a no-op). */
		for (int i = 0; i < 2; i++) {
			sqlite3_stmt *x = i ? s : c;

			bind_id(x, 1, q->heads_unit_id);
			bind_id(x, 2, q->person_id);
			bind_text(x, 3, q->today);
			bind_text(x, 4, q->soon_until);
			sqlite3_bind_int64(x, 5, FLAG_OVERDUE);
			sqlite3_bind_int64(x, 6, FLAG_DUE_SOON);
			bind_text(x, 7, q->looked_at);
			bind_id(x, 8, q->unit_id);
		}
		code = one_row(st, c, &found, err);
		count[k] = code == RV_OK && found ? sqlite3_column_int64(c, 0) : 0;
		sqlite3_reset(c);
		if (code != RV_OK)
			return code;
		if (q->limit == 0 || count[k] == 0)
			continue;
		/* No limit: -1, every row. */
		sqlite3_bind_int64(s, 9, q->limit > 0 ? q->limit : -1);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			struct wait_row r = {
				.kind = (enum wait_kind)k,
				.duty_id = sqlite3_column_int64(s, 0),
				.ref = col_str(s, 1), .title = col_str(s, 2),
				.lead_code = col_str(s, 3), .owner_login = col_str(s, 4),
				.deadline = col_str(s, 5), .status = col_str(s, 6),
				.flags = (unsigned)sqlite3_column_int64(s, 7),
				.what = col_str(s, 8), .extra = col_str(s, 9),
				.since = col_str(s, 10),
			};

			rows++;
			if (fn(&r, arg))
				break;
		}
		/* The count and the rows are one condition in one transaction. */
		assert(rc != SQLITE_DONE || rows == count[k] ||
		    (q->limit > 0 && rows == q->limit && count[k] > q->limit));
		if ((code = rows_done(st, s, rc, err)) != RV_OK)
			return code;
	}
	return RV_OK;
}

enum rv_code
store_seen_get(struct store *st, rowid_t person_id, char looked_at[32],
    char language[3], int *found, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SEEN_GET, err);
	enum rv_code code;

	looked_at[0] = language[0] = '\0';
	*found = 0;
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, person_id);
	if ((code = one_row(st, s, found, err)) == RV_OK && *found) {
		col_copy(s, 0, looked_at, 32);
		col_copy(s, 1, language, 3);
	}
	sqlite3_reset(s);
	return code;
}

enum rv_code
store_seen_set(struct store *st, rowid_t person_id, const char *looked_at,
    const char *language, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SEEN_SET, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, looked_at);
	bind_text(s, 3, language);
	return run(st, s, err);
}

enum rv_code
store_notice_sent(struct store *st, rowid_t person_id, const char *kind,
    rowid_t duty_id, const char *key, int *yes, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_NOTICE_SENT, err);
	enum rv_code code;

	*yes = 0;
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, kind);
	sqlite3_bind_int64(s, 3, duty_id);
	bind_text(s, 4, key);
	code = one_row(st, s, yes, err);
	sqlite3_reset(s);
	return code;
}

enum rv_code
store_notice_add(struct store *st, rowid_t person_id, const char *kind,
    rowid_t duty_id, const char *key, const char *at, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_NOTICE_ADD, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, kind);
	sqlite3_bind_int64(s, 3, duty_id);
	bind_text(s, 4, key);
	bind_text(s, 5, at);
	return run(st, s, err);
}

/* --- issue #13: the evaluation under Decree 335/2025 -------------------- */

enum rv_code
store_duty_coefficient(struct store *st, rowid_t duty_id, long *coefficient,
    struct rv_err *err)
{
	long long v;
	enum rv_code rc = one_int(st, ST_DUTY_COEFFICIENT, duty_id, 0, &v, err);

	*coefficient = (long)v;
	return rc;
}

enum rv_code
store_duty_set_coefficient(struct store *st, rowid_t duty_id, long coefficient,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_DUTY_SET_COEFFICIENT, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	sqlite3_bind_int64(s, 2, coefficient);
	return run(st, s, err);
}

enum rv_code
store_person_mail(struct store *st, rowid_t person_id, char mail[255], struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_PERSON_MAIL, err);
	enum rv_code rc;
	int found;

	mail[0] = '\0';
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, person_id);
	if ((rc = one_row(st, s, &found, err)) == RV_OK && found)
		col_copy(s, 0, mail, 255);
	sqlite3_reset(s);
	return rc;
}

enum rv_code
store_person_set_mail(struct store *st, rowid_t person_id, const char *mail,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_PERSON_SET_MAIL, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, mail);
	return run(st, s, err);
}

enum rv_code
store_notice_forget(struct store *st, rowid_t person_id, const char *at,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_NOTICE_FORGET, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, at);
	return run(st, s, err);
}

enum rv_code
store_owner_since_restore(struct store *st, rowid_t duty_id, const char *snapshot,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_OWNER_SINCE_RESTORE, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	bind_text(s, 2, snapshot);
	return run(st, s, err);
}

enum rv_code
store_duty_missed_deadline(struct store *st, rowid_t duty_id, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_DUTY_MISSED_DEADLINE, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	return run(st, s, err);
}

enum rv_code
store_eval_people(struct store *st, rowid_t unit_id, store_eval_person_fn fn,
    void *arg, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_EVAL_PEOPLE, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	bind_id(s, 1, unit_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct eval_person_row r = {
			.id = sqlite3_column_int64(s, 0), .login = col_str(s, 1),
			.name = col_str(s, 2), .unit_id = sqlite3_column_int64(s, 3),
			.unit_code = col_str(s, 4),
		};

		if (fn(&r, arg))
			break;
	}
	return rows_done(st, s, rc, err);
}

enum rv_code
store_eval_done(struct store *st, const char *from, const char *to,
    store_eval_done_fn fn, void *arg, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_EVAL_DONE, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, from);
	bind_text(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct eval_done_row r = {
			.owner_id = sqlite3_column_int64(s, 0), .closed_on = col_str(s, 1),
			.coefficient = (long)sqlite3_column_int64(s, 2),
			.fails = sqlite3_column_int(s, 3), .delays = sqlite3_column_int(s, 4),
			.lead_unit_id = sqlite3_column_int64(s, 5), .ref = col_str_or_empty(s, 6),
		};

		if (fn(&r, arg))
			break;
	}
	return rows_done(st, s, rc, err);
}

enum rv_code
store_eval_due(struct store *st, const char *from, const char *to,
    store_eval_due_fn fn, void *arg, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_EVAL_DUE, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, from);
	bind_text(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct eval_due_row r = {
			.id = sqlite3_column_int64(s, 0), .owner_id = sqlite3_column_int64(s, 1),
			.deadline = col_str(s, 2), .closed_on = col_str(s, 3),
			.coefficient = (long)sqlite3_column_int64(s, 4),
			.lead_unit_id = sqlite3_column_int64(s, 5),
			.created_at = col_str_or_empty(s, 6),
			.owner_since = col_str(s, 7), .ref = col_str_or_empty(s, 8),
		};

		if (fn(&r, arg))
			break;
	}
	return rows_done(st, s, rc, err);
}

enum rv_code
store_eval_owner_at(struct store *st, rowid_t duty_id, const char *at,
    rowid_t *owner, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_EVAL_OWNER_AT, err);
	enum rv_code rc;
	int found;

	*owner = 0;
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	bind_text(s, 2, at);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (found)
		*owner = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return RV_OK;
}

enum rv_code
store_eval_general_list(struct store *st, const char *from, const char *to,
    store_eval_general_fn fn, void *arg, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_EVAL_GENERAL_LIST, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, from);
	bind_text(s, 2, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct eval_general_row r = {
			.person_id = sqlite3_column_int64(s, 0), .period = col_str(s, 1),
			.general = (long)sqlite3_column_int64(s, 2),
			.cohesion = sqlite3_column_int(s, 3),
		};

		if (fn(&r, arg))
			break;
	}
	return rows_done(st, s, rc, err);
}

enum rv_code
store_eval_general_get(struct store *st, rowid_t person_id, const char *period,
    int *found, long *general, int *cohesion, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_EVAL_GENERAL_GET, err);
	enum rv_code rc;

	*found = 0;
	*general = 0;
	*cohesion = 0;
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, period);
	if ((rc = one_row(st, s, found, err)) != RV_OK)
		return rc;
	if (*found) {
		*general = (long)sqlite3_column_int64(s, 0);
		*cohesion = sqlite3_column_int(s, 1);
	}
	sqlite3_reset(s);
	return RV_OK;
}

enum rv_code
store_eval_general_set(struct store *st, rowid_t person_id, const char *period,
    long general, int cohesion, const char *reason, rowid_t set_by, const char *at,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_EVAL_GENERAL_SET, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, period);
	sqlite3_bind_int64(s, 3, general);
	sqlite3_bind_int(s, 4, cohesion);
	bind_text(s, 5, reason);
	sqlite3_bind_int64(s, 6, set_by);
	bind_text(s, 7, at);
	return run(st, s, err);
}

/* --- issue #12: unit set, person set --login, person leave --------------- */

enum rv_code
store_unit_update(struct store *st, const struct unit *u, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_UNIT_UPDATE, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, u->id);
	bind_text(s, 2, u->name);
	bind_text(s, 3, model_kind_name(u->kind));
	bind_id(s, 4, u->parent_id);
	return run(st, s, err);
}

enum rv_code
store_person_set_login(struct store *st, rowid_t id, const char *login,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_LOGIN_CHANGE_ADD, err);
	enum rv_code rc;

	/* The entries written so far keep the login they were written with
	 * (the chain's walk reads it from login_changes). */
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = run(st, s, err)) != RV_OK)
		return rc;
	assert(sqlite3_changes(st->db) == 1);
	if ((s = stmt(st, ST_PERSON_LOGIN, err)) == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, login);
	return run(st, s, err);
}

enum rv_code
store_person_leave(struct store *st, rowid_t id, const char *day,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_PERSON_LEAVE, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, day);
	return run(st, s, err);
}

enum rv_code
store_person_owns(struct store *st, rowid_t id, store_ref_fn fn, void *arg,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_PERSON_OWNS, err);
	int rc;

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (fn(col_str(s, 0), arg))
			break;
	return rows_done(st, s, rc, err);
}

/* --- issue #11: recurring duties, corrections, undo --------------------- */

enum rv_code
store_series_insert(struct store *st, struct series *se, const char *at,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SERIES_INSERT, err);
	enum rv_code rc;

	if (s == NULL)
		return RV_STORAGE;
	assert(se->every >= EVERY_MONTH && se->every <= EVERY_YEAR);
	bind_text(s, 1, model_every_name(se->every));
	bind_id(s, 2, se->day);
	sqlite3_bind_int64(s, 3, se->assigner_id);
	sqlite3_bind_int64(s, 4, se->lead_unit_id);
	sqlite3_bind_int64(s, 5, se->owner_id);
	bind_text(s, 6, at);
	if ((rc = run(st, s, err)) == RV_OK)
		se->id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

enum rv_code
store_series_by_id(struct store *st, rowid_t id, struct series *out,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SERIES_BY_ID, err);
	const char *every;
	enum rv_code rc;
	int found;

	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (!found) {
		sqlite3_reset(s);
		return err_set(err, RV_REFUSED, _("no series #%lld"), (long long)id);
	}
	out->id = sqlite3_column_int64(s, 0);
	every = col_str(s, 1);
	if (model_every_parse(every, &out->every) != 0)
		out->every = EVERY_MONTH;
	out->day = sqlite3_column_int(s, 2);
	out->assigner_id = sqlite3_column_int64(s, 3);
	out->lead_unit_id = sqlite3_column_int64(s, 4);
	out->owner_id = sqlite3_column_int64(s, 5);
	out->stopped = sqlite3_column_int(s, 6);
	sqlite3_reset(s);
	return RV_OK;
}

enum rv_code
store_series_running(struct store *st, rowid_t **ids, size_t *n,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SERIES_RUNNING, err);
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (s == NULL)
		return RV_STORAGE;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			rowid_t *grown = realloc(*ids, (cap = cap ? 2 * cap : 16) * sizeof(**ids));

			if (grown == NULL) {
				sqlite3_reset(s);
				free(*ids);
				*ids = NULL;
				*n = 0;
				return err_set(err, RV_STORAGE, _("out of memory"));
			}
			*ids = grown;
		}
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	return rows_done(st, s, rc, err);
}

enum rv_code
store_series_stop(struct store *st, rowid_t id, const char *at, rowid_t by,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SERIES_STOP, err);
	enum rv_code rc;

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, at);
	sqlite3_bind_int64(s, 3, by);
	if ((rc = run(st, s, err)) == RV_OK && sqlite3_changes(st->db) != 1)
		rc = err_set(err, RV_REFUSED, _("the series was stopped already"));
	return rc;
}

enum rv_code
store_duty_set_series(struct store *st, rowid_t duty_id, rowid_t series_id,
    const char *period, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_DUTY_SET_SERIES, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	sqlite3_bind_int64(s, 2, series_id);
	bind_text(s, 3, period);
	return run(st, s, err);
}

/* One row of (id, text) from statement id bound to a and, if given, b. */
static enum rv_code
id_and_text(struct store *st, enum stmt id, rowid_t a, rowid_t *out,
    char *text, size_t size, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, id, err);
	enum rv_code rc;
	int found;

	*out = 0;
	text[0] = '\0';
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, a);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (found) {
		*out = sqlite3_column_int64(s, 0);
		col_copy(s, 1, text, size);
	}
	sqlite3_reset(s);
	return RV_OK;
}

enum rv_code
store_duty_series(struct store *st, rowid_t duty_id, rowid_t *series_id,
    char period[8], struct rv_err *err)
{
	return id_and_text(st, ST_DUTY_SERIES, duty_id, series_id, period, 8, err);
}

enum rv_code
store_series_last(struct store *st, rowid_t series_id, char ref[40],
    char period[8], struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SERIES_LAST, err);
	enum rv_code rc;
	int found;

	ref[0] = period[0] = '\0';
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, series_id);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (found) {
		col_copy(s, 0, ref, 40);
		col_copy(s, 1, period, 8);
	}
	sqlite3_reset(s);
	return RV_OK;
}

enum rv_code
store_support_copy(struct store *st, rowid_t duty_id, rowid_t from_id,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SUPPORT_COPY, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	sqlite3_bind_int64(s, 2, from_id);
	return run(st, s, err);
}

enum rv_code
store_series_has(struct store *st, rowid_t series_id, const char *period,
    int *yes, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SERIES_HAS, err);
	enum rv_code rc;
	int found;

	*yes = 0;
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, series_id);
	bind_text(s, 2, period);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	*yes = found && sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return RV_OK;
}

/* The one text a statement bound to (a, b as text) returns, malloc'd. */
static enum rv_code
one_text(struct store *st, sqlite3_stmt *s, char **out, struct rv_err *err)
{
	enum rv_code rc;
	int found;

	*out = NULL;
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (found && sqlite3_column_type(s, 0) != SQLITE_NULL &&
	    (*out = col_dup(s, 0)) == NULL)
		rc = err_set(err, RV_STORAGE, _("out of memory"));
	else if (!found || sqlite3_column_type(s, 0) == SQLITE_NULL)
		rc = err_set(err, RV_STORAGE,
		    _("the database returned nothing where a value was due; run roviec verify"));
	sqlite3_reset(s);
	return rc;
}

enum rv_code
store_duty_snapshot(struct store *st, rowid_t duty_id, char **json,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_DUTY_SNAPSHOT, err);

	*json = NULL;
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	return one_text(st, s, json, err);
}

enum rv_code
store_snapshot_read(struct store *st, const char *json, struct duty *d,
    long *coefficient, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SNAPSHOT_READ, err);
	enum rv_code rc;
	int found;

	if (s == NULL)
		return RV_STORAGE;
	bind_text(s, 1, json);
	if ((rc = one_row(st, s, &found, err)) != RV_OK)
		return rc;
	if (!found || sqlite3_column_type(s, 3) == SQLITE_NULL ||
	    sqlite3_column_type(s, 4) == SQLITE_NULL) {
		sqlite3_reset(s);
		return err_set(err, RV_REFUSED,
		    _("the lead unit or the owner the duty had before is no longer there"));
	}
	free(d->title);
	free(d->result);
	free(d->basis);
	d->title = col_dup(s, 0);
	d->result = col_dup(s, 1);
	d->basis = col_dup(s, 2);
	d->lead_unit_id = sqlite3_column_int64(s, 3);
	d->owner_id = sqlite3_column_int64(s, 4);
	col_copy(s, 5, d->deadline, sizeof(d->deadline));
	col_copy(s, 6, d->status, sizeof(d->status));
	col_copy(s, 7, d->done_on, sizeof(d->done_on));
	col_copy(s, 8, d->closed_on, sizeof(d->closed_on));
	col_copy(s, 9, d->last_progress_on, sizeof(d->last_progress_on));
	d->handoffs = sqlite3_column_int(s, 10);
	d->bounced = sqlite3_column_int(s, 11);
	d->escalated = sqlite3_column_int(s, 12);
	d->reopened = sqlite3_column_int(s, 13);
	*coefficient = (long)sqlite3_column_int64(s, 15);
	sqlite3_reset(s);
	if (d->title == NULL || d->result == NULL || d->basis == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	return RV_OK;
}

enum rv_code
store_support_clear(struct store *st, rowid_t duty_id, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SUPPORT_CLEAR, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	return run(st, s, err);
}

enum rv_code
store_support_restore(struct store *st, rowid_t duty_id, const char *snapshot,
    struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SUPPORT_FROM_JSON, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	bind_text(s, 2, snapshot);
	return run(st, s, err);
}

enum rv_code
store_support_set_part(struct store *st, rowid_t duty_id, rowid_t unit_id,
    const char *part, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_SUPPORT_SET_PART, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	sqlite3_bind_int64(s, 2, unit_id);
	bind_text(s, 3, part != NULL ? part : "");
	return run(st, s, err);
}

enum rv_code
store_duty_set_texts(struct store *st, const struct duty *d, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_DUTY_SET_TEXTS, err);

	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, d->id);
	bind_text(s, 2, d->title);
	bind_text(s, 3, d->search_key);
	bind_text(s, 4, d->result);
	bind_text(s, 5, d->basis);
	return run(st, s, err);
}

enum rv_code
store_undo_point_set(struct store *st, rowid_t duty_id, long long first_id,
    long long last_id, const char *state, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_UNDO_SET, err);

	if (s == NULL)
		return RV_STORAGE;
	assert(first_id > 0 && first_id <= last_id);
	sqlite3_bind_int64(s, 1, duty_id);
	sqlite3_bind_int64(s, 2, first_id);
	sqlite3_bind_int64(s, 3, last_id);
	bind_text(s, 4, state);
	return run(st, s, err);
}

enum rv_code
store_undo_point(struct store *st, rowid_t duty_id, struct undo_point *out,
    int *found, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_UNDO_GET, err);
	enum rv_code rc;

	memset(out, 0, sizeof(*out));
	*found = 0;
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 1, duty_id);
	if ((rc = one_row(st, s, found, err)) != RV_OK)
		return rc;
	if (*found) {
		out->first_id = sqlite3_column_int64(s, 0);
		out->last_id = sqlite3_column_int64(s, 1);
		out->state = col_dup(s, 2);
		col_copy(s, 3, out->action, sizeof(out->action));
		out->actor_id = sqlite3_column_int64(s, 4);
		col_copy(s, 5, out->at, sizeof(out->at));
		out->duty_last_id = sqlite3_column_int64(s, 6);
		out->others = col_dup(s, 7);
		if (out->state == NULL)
			rc = err_set(err, RV_STORAGE, _("out of memory"));
	}
	sqlite3_reset(s);
	return rc;
}

void
store_undo_point_free(struct undo_point *p)
{
	free(p->state);
	free(p->others);
	memset(p, 0, sizeof(*p));
}

enum rv_code
store_duty_last_entry(struct store *st, rowid_t duty_id, long long *id,
    struct rv_err *err)
{
	return one_int(st, ST_DUTY_LAST_ENTRY, duty_id, 0, id, err);
}

enum rv_code
store_undone_detail(struct store *st, long long first, long long entry,
    const char *action, const char *state, char **out, struct rv_err *err)
{
	sqlite3_stmt *s = stmt(st, ST_UNDONE_DETAIL, err);

	*out = NULL;
	if (s == NULL)
		return RV_STORAGE;
	sqlite3_bind_int64(s, 4, first);
	sqlite3_bind_int64(s, 1, entry);
	bind_text(s, 2, action);
	bind_text(s, 3, state);
	return one_text(st, s, out, err);
}
