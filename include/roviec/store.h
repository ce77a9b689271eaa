/*
 * store: the storage layer.  It owns the sqlite3 handle, the table of SQL
 * statements (all of roviec's SQL is here, with bound parameters), the
 * connection discipline (WAL, busy timeout, BEGIN IMMEDIATE, whole
 * transaction retry) and the mapping of SQLite's failures to rv_codes.  It
 * knows nothing of the rules, screens or argv.
 *
 * Return contract, unless a function says otherwise: RV_OK; RV_REFUSED when
 * a thing looked up does not exist or a constraint of the schema refused a
 * write (err says which); RV_STORAGE when SQLite failed (busy past the
 * timeout, read-only, disk full, corrupt).
 */
#ifndef ROVIEC_STORE_H
#define ROVIEC_STORE_H

#include <stddef.h>

#include "roviec/err.h"
#include "roviec/flags.h"
#include "roviec/model.h"

struct store;

enum store_mode {
	STORE_EXISTING,		/* open a roviec database that must exist */
	STORE_CREATE		/* create a new file (mode 0660), refuse if it exists */
};

/*
 * Opens (or creates) the database at path and brings its schema up to date.
 * Refuses with RV_STORAGE, touching nothing: a missing file, a file that is
 * not SQLite, an SQLite file of another program, a schema newer than this
 * program.  With STORE_CREATE, missing parent directories are made (0700).
 */
enum rv_code store_open(const char *path, enum store_mode mode,
    struct store **out, struct rv_err *err);
void store_close(struct store *st);

/*
 * The connection itself, for make bench's floor (bench/floor.c) alone: it
 * runs on it the statements a job ran, to measure the same queries in a
 * process with nothing of roviec around them.
 */
struct sqlite3 *store_connection(struct store *st);

/* Removes a database file and its -wal, -shm, -journal and key companions
 * (a database that init made but could not finish). */
void store_remove(const char *path);

/*
 * The ledger's key (chain.h): the file of the database's path and this
 * suffix, made by init (or by the upgrade to schema 5) with mode 0440.
 * Without it the history can be read and walked but nothing appended.
 */
#define STORE_KEY_SUFFIX ".key"
struct chain_key;
/* The key, or NULL when it could not be read (store_key_errno says why). */
const struct chain_key *store_key(const struct store *st);
const char *store_key_path(const struct store *st);
int store_key_errno(const struct store *st);

/* The rules and the day that the SQL function rv_flags measures against. */
void store_set_flag_context(struct store *st, const struct flag_rules *rules,
    day_t today);

/*
 * Runs fn as one transaction: BEGIN IMMEDIATE, fn, COMMIT.  Any failure of
 * fn rolls everything back.  When SQLite reports the database busy (at
 * BEGIN, inside fn or at COMMIT), the whole transaction is run again, until
 * the lock timeout passes (then RV_STORAGE).  Inside a transaction already
 * open (store_begin), fn runs in a savepoint instead and is not retried.
 * fn must not keep state across attempts other than through the database.
 */
typedef enum rv_code (*store_txn_fn)(struct store *st, void *arg, struct rv_err *err);
enum rv_code store_write(struct store *st, store_txn_fn fn, void *arg,
    struct rv_err *err);

/* Runs fn inside a read transaction (one consistent snapshot). */
enum rv_code store_read(struct store *st, store_txn_fn fn, void *arg,
    struct rv_err *err);

/* An outer transaction spanning many store_write calls (demo data). */
enum rv_code store_begin(struct store *st, struct rv_err *err);
enum rv_code store_commit(struct store *st, struct rv_err *err);
void store_rollback(struct store *st);

/* Units.  Not found is RV_REFUSED with "no unit <code>". */
enum rv_code store_unit_by_code(struct store *st, const char *code,
    struct unit *out, struct rv_err *err);
enum rv_code store_unit_by_id(struct store *st, rowid_t id, struct unit *out,
    struct rv_err *err);
enum rv_code store_unit_insert(struct store *st, struct unit *u, struct rv_err *err);

/* A unit's heads (a chair and deputies), in the order they were named.
 * Adding one who is not an official of the unit, or twice, is RV_REFUSED
 * (the schema's). */
enum rv_code store_head_add(struct store *st, rowid_t unit_id,
    rowid_t person_id, struct rv_err *err);
enum rv_code store_head_remove(struct store *st, rowid_t unit_id,
    rowid_t person_id, struct rv_err *err);
/* *yes = 1 when person_id is one of the heads of unit_id. */
enum rv_code store_is_head(struct store *st, rowid_t person_id,
    rowid_t unit_id, int *yes, struct rv_err *err);
/* *yes = 1 when person_id heads unit_id or a unit above it. */
enum rv_code store_heads_above(struct store *st, rowid_t person_id,
    rowid_t unit_id, int *yes, struct rv_err *err);
/* The first head named (0: the unit has none): who takes what falls to
 * "the head" alone, like a reopened duty whose owner has left. */
enum rv_code store_first_head(struct store *st, rowid_t unit_id,
    rowid_t *person_id, struct rv_err *err);
typedef int (*store_head_fn)(rowid_t person_id, const char *login, void *arg);
/* Calls fn for each head of the unit, first named first. */
enum rv_code store_unit_heads(struct store *st, rowid_t unit_id,
    store_head_fn fn, void *arg, struct rv_err *err);
/* The units person_id heads (up to max of them). */
enum rv_code store_headed_by(struct store *st, rowid_t person_id,
    rowid_t *units, size_t max, size_t *n, struct rv_err *err);
/* *yes = 1 when unit_id is ancestor_id or lies below it in the tree. */
enum rv_code store_unit_within(struct store *st, rowid_t unit_id,
    rowid_t ancestor_id, int *yes, struct rv_err *err);

struct unit_row {
	const struct unit *unit;
	const char *parent_code;	/* NULL: none */
	const char *heads;		/* "head1, dep1", first named first; NULL: none */
	long long people;
	long long open_duties;
};
typedef int (*store_unit_fn)(const struct unit_row *row, void *arg);
/* Calls fn for every unit, in tree order (a parent before its children);
 * fn returning nonzero stops the walk. */
enum rv_code store_unit_list(struct store *st, store_unit_fn fn, void *arg,
    struct rv_err *err);

/* People.  Not found is RV_REFUSED with "no person with login <login>". */
enum rv_code store_person_by_login(struct store *st, const char *login,
    struct person *out, struct rv_err *err);
enum rv_code store_person_by_id(struct store *st, rowid_t id,
    struct person *out, struct rv_err *err);
enum rv_code store_person_insert(struct store *st, struct person *p,
    struct rv_err *err);
/* Writes full_name, unit_id and role of p (by p->id). */
enum rv_code store_person_update(struct store *st, const struct person *p,
    struct rv_err *err);
enum rv_code store_person_count(struct store *st, long long *n, struct rv_err *err);

struct person_row {
	const struct person *person;
	const char *unit_code;		/* NULL: none */
	int is_head;			/* one of its unit's heads */
	const char *mail;		/* NULL: none given */
};
typedef int (*store_person_fn)(const struct person_row *row, void *arg);
/* Every person, or those of one unit (unit_id != 0), by unit then login. */
enum rv_code store_person_list(struct store *st, rowid_t unit_id,
    store_person_fn fn, void *arg, struct rv_err *err);

/* Duties.  ref is a reference (P1-0042, any case) or a UUID. */
enum rv_code store_duty_by_ref(struct store *st, const char *ref,
    struct duty *out, struct rv_err *err);
/* Inserts d (all fields but id), sets d->id. */
enum rv_code store_duty_insert(struct store *st, struct duty *d, struct rv_err *err);
/* Writes the mutable fields of d: lead unit, owner, deadline, status,
 * done_on, closed_on, last_progress_on, handoffs, bounced, escalated. */
enum rv_code store_duty_update(struct store *st, const struct duty *d,
    struct rv_err *err);
/* Takes the next number of a reference prefix (1, 2, ...). */
enum rv_code store_next_ref(struct store *st, const char *prefix, long long *n,
    struct rv_err *err);

enum rv_code store_support_add(struct store *st, rowid_t duty_id,
    rowid_t unit_id, const char *part, struct rv_err *err);
enum rv_code store_support_remove(struct store *st, rowid_t duty_id,
    rowid_t unit_id, struct rv_err *err);
enum rv_code store_is_supporter(struct store *st, rowid_t duty_id,
    rowid_t unit_id, int *yes, struct rv_err *err);
/* Whether unit_id supports the duty, and the day its part was delivered
 * ("" when not yet). */
enum rv_code store_support_state(struct store *st, rowid_t duty_id,
    rowid_t unit_id, int *supports, char delivered_on[11], struct rv_err *err);
/* Records the unit's part as delivered on day by person_id. */
enum rv_code store_support_deliver(struct store *st, rowid_t duty_id,
    rowid_t unit_id, const char *day, rowid_t person_id, struct rv_err *err);

/* The pending handoff of a duty: *found = 0 when there is none. */
enum rv_code store_handoff_pending(struct store *st, rowid_t duty_id,
    struct handoff *out, int *found, struct rv_err *err);
enum rv_code store_handoff_insert(struct store *st, struct handoff *h,
    const char *at, struct rv_err *err);
/* Closes a pending handoff as "accepted", "rejected" or "withdrawn". */
enum rv_code store_handoff_close(struct store *st, rowid_t id, const char *state,
    rowid_t by, const char *at, const char *reason, rowid_t new_owner_id,
    struct rv_err *err);

enum rv_code store_extension_pending(struct store *st, rowid_t duty_id,
    struct extension *out, int *found, struct rv_err *err);
enum rv_code store_extension_insert(struct store *st, struct extension *x,
    const char *at, struct rv_err *err);
/* Closes a pending extension as "approved", "refused" or "withdrawn". */
enum rv_code store_extension_close(struct store *st, rowid_t id,
    const char *state, rowid_t by, const char *at, const char *reason,
    struct rv_err *err);

enum rv_code store_progress_insert(struct store *st, rowid_t duty_id,
    rowid_t person_id, rowid_t unit_id, const char *at, const char *note,
    struct rv_err *err);

enum rv_code store_history_add(struct store *st, const struct history_entry *h,
    struct rv_err *err);
/* Whether unit_id was ever the lead unit, and person_id ever the owner, of
 * the duty (per the history); either id may be 0 to skip that question. */
enum rv_code store_held_before(struct store *st, rowid_t duty_id,
    rowid_t unit_id, rowid_t person_id, int *unit_held, int *owner_held,
    struct rv_err *err);

/* Shown statuses, as bits for a filter. */
enum {
	STATUS_OPEN = 1 << 0, STATUS_PENDING = 1 << 1, STATUS_SUBMITTED = 1 << 2,
	STATUS_DONE = 1 << 3, STATUS_CANCELLED = 1 << 4
};
int store_status_parse(const char *word, unsigned *bit);
/* The i-th shown status word (of bit 1 << i); NULL past the last. */
const char *store_status_name(int i);

struct duty_filter {
	rowid_t lead_unit_id;	/* 0: any */
	rowid_t support_unit_id;	/* 0: any */
	rowid_t owner_id;	/* 0: any */
	rowid_t assigner_id;	/* 0: any */
	unsigned statuses;	/* STATUS_* bits; 0: any */
	unsigned flags;		/* every one of these flags; 0: any */
	const char *search;	/* folded search key to look for; NULL: any */
	long long limit;	/* 0: no limit */
	/* issue #12: done_on from and to these ISO days, both included;
	 * created_at in [created_from, created_to), UTC moments; NULL: any */
	const char *done_from, *done_to, *created_from, *created_to;
};

struct duty_row {
	const char *ref, *uuid, *title, *lead_code, *owner_login, *owner_name;
	const char *assigner_login, *deadline, *original_deadline, *status;
	const char *field;
	const char *support;	/* "P2, P3" or ""; NULL unless asked for */
	int handoffs;
	unsigned flags;
	const char *json;	/* the row as a JSON object, when asked for */
	const char *done_on, *created_at;	/* store_duty_list's only */
	/* Only on the board's pages (store_duty_page), else 0 and NULL: */
	const char *stored_status;	/* open submitted done cancelled */
	rowid_t owner_id, lead_unit_id, assigner_id;
	const char *pending_kind;	/* the pending proposal's kind; NULL */
	rowid_t pending_to_unit_id;	/* the unit it is proposed to */
	const char *extension_asked;	/* the day a pending extension asks */
};
typedef int (*store_duty_fn)(const struct duty_row *row, void *arg);
/* What store_duty_list reads beyond the table's columns, when asked: the
 * row as JSON; the columns CSV adds (the supporting units; and uuid,
 * field and created_at, which a list of the city's open duties leaves
 * NULL without it). */
enum { STORE_LIST_JSON = 1, STORE_LIST_FULL = 2 };
/* Duties matching f, soonest deadline first; fn returning nonzero stops.
 * with: STORE_LIST_* bits. */
enum rv_code store_duty_list(struct store *st, const struct duty_filter *f,
    unsigned with, store_duty_fn fn, void *arg, struct rv_err *err);

/* The board's pages: a tab's duties read a screenful at a time, after (or
 * before) the last row shown, so that the cost does not grow with the
 * database (keyset paging on the sort key and the row id). */
enum page_tab { PAGE_LEAD, PAGE_SUPPORT, PAGE_PROPOSALS, PAGE_FLAGGED, PAGE_MINE,
	PAGE_ASSIGNED,	/* what the acting person assigned; what waits first */
	PAGE__TABS };
enum page_sort { SORT_DEADLINE, SORT_REF, SORT_OWNER, SORT__COUNT };

struct page_query {
	enum page_tab tab;
	rowid_t unit_id;	/* the board's unit */
	rowid_t person_id;	/* the acting person (PAGE_MINE, PAGE_ASSIGNED) */
	enum page_sort sort;
	const char *after_key;	/* NULL: from the first row */
	rowid_t after_id;
	int backward;		/* rows before the key, nearest first */
	unsigned flag;		/* rows must carry these flags; 0: any */
	const char *search;	/* folded search key; NULL: any */
	int limit;
};
/* Called per row with the row's sort key and id (for the next page). */
typedef int (*store_page_fn)(const struct duty_row *row, const char *key,
    rowid_t id, void *arg);
enum rv_code store_duty_page(struct store *st, const struct page_query *q,
    store_page_fn fn, void *arg, struct rv_err *err);


/* The accountability report (report.h gives its meaning): one row per unit
 * (or per person), worst on-time rate first.  Dates are ISO days; as_of is
 * the day states are taken at (to, or today if sooner).  unit_id: that unit
 * and those under it (0: all).  head/head_id: the history head, written
 * into each row's JSON. */
struct store_report_query {
	const char *from, *to, *as_of;
	const char *created_before;	/* UTC moment as_of's next day begins */
	const char *period_start, *period_end;	/* UTC: from's and to's next day's */
	rowid_t unit_id;
	int by_person;
	const char *head;
	long long head_id;
};
struct report_row {
	const char *key, *name, *unit;	/* unit code, or login (with unit) */
	long long assigned, on_time, late, open_in_time, open_overdue;
	long long bounced, tossed, stalled, escalated, extensions, days_added,
	    returns;
	int has_rate;
	double rate;			/* on-time rate, percent */
	int has_support;		/* by unit: the part columns are set */
	long long parts, delivered, delivered_in_time, owed_overdue;
	int has_avg;
	double avg_days;		/* days from assignment to delivery */
	const char *json;		/* the row as a JSON object */
};
typedef int (*store_report_fn)(const struct report_row *row, void *arg);
enum rv_code store_report(struct store *st, const struct store_report_query *q,
    store_report_fn fn, void *arg, struct rv_err *err);

/* What a backup holds: its duties and history entries, and the head. */
struct backup_info {
	long long duties, entries;
	char head[65];
};
/*
 * Copies the whole database, as one consistent snapshot, to a new file at
 * path (mode 0600), with SQLite's online backup API: others keep reading and
 * writing meanwhile.  The copy is written beside path under a temporary
 * name, checked (quick_check) and synced, and only then linked to path, so
 * that path is either the whole copy or not there.  RV_REFUSED: path
 * exists, or its directory cannot be written (err says which); RV_STORAGE:
 * the copy failed (disk full, ...), nothing left behind.
 */
enum rv_code store_backup(struct store *st, const char *path,
    struct backup_info *info, struct rv_err *err);

/* The last history entry: *id 0 (and hash, at "") when there is none. */
enum rv_code store_history_head(struct store *st, long long *id,
    char hash[65], char at[32], struct rv_err *err);

/* SQLite's data_version: it changes when another connection commits. */
enum rv_code store_data_version(struct store *st, long long *v, struct rv_err *err);

/* One duty in full as a JSON object (with supporters, pending answers and
 * the whole history), malloc'd into *json. */
enum rv_code store_duty_json(struct store *st, rowid_t duty_id, char **json,
    struct rv_err *err);

struct duty_detail {
	const char *lead_code, *lead_name, *owner_login, *owner_name;
	const char *assigner_login, *assigner_name, *status;
	unsigned flags;
};
typedef int (*store_detail_fn)(const struct duty_detail *row, void *arg);
enum rv_code store_duty_detail(struct store *st, rowid_t duty_id,
    store_detail_fn fn, void *arg, struct rv_err *err);

struct support_row {
	const char *unit_code, *unit_name, *part;
	const char *delivered_on;	/* NULL: not yet */
	rowid_t unit_id, delivered_by;	/* delivered_by 0: nobody named */
};
typedef int (*store_support_fn)(const struct support_row *row, void *arg);
enum rv_code store_support_list(struct store *st, rowid_t duty_id,
    store_support_fn fn, void *arg, struct rv_err *err);

struct history_row {
	const char *at, *action, *actor_login, *via_login;
	const char *from_unit, *to_unit, *from_owner, *to_owner;
	const char *text, *detail;	/* detail NULL for edited and undone */
	/* issue #11: an "edited" entry's field ("title", "result", "basis",
	 * "support") with its old and new value (supporters as "P2: part;
	 * P3"); an "undone" entry's undone action and that action's moment.
	 * NULL for other entries. */
	const char *undone_action, *undone_at;	/* issue #11: an undo's */
};
typedef int (*store_history_fn)(const struct history_row *row, void *arg);
/* Appends h's unit to the path of lead units ("P1 → P2 → P1") when h made
 * a unit lead (created, accepted, redirected: the actions ST_HELD_UNIT
 * counts); *len is the path's length, kept below size. */
void store_history_path_add(const struct history_row *h, char *path, size_t size,
    size_t *len);

/* The history of one duty, oldest first. */
enum rv_code store_history_list(struct store *st, rowid_t duty_id,
    store_history_fn fn, void *arg, struct rv_err *err);

/* Every history entry in id order, as chain.h hashes it (with its stored
 * hash and its duty's reference); fn returning nonzero stops the walk. */
struct chain_entry;
typedef int (*store_chain_fn)(const struct chain_entry *e, void *arg);
enum rv_code store_history_walk(struct store *st, store_chain_fn fn, void *arg,
    struct rv_err *err);

/* The handoff graph: per pair of units, the proposals made between from
 * and to (ISO days, inclusive), busiest first. */
struct graph_edge {
	const char *from, *from_name, *to, *to_name;
	long long proposed, accepted, rejected;
	long long transfers, escalations, returns;
};
typedef int (*store_edge_fn)(const struct graph_edge *e, void *arg);
enum rv_code store_graph_edges(struct store *st, const char *from,
    const char *to, store_edge_fn fn, void *arg, struct rv_err *err);

/*
 * The replay (replay.h) reads the history and the tables it accounts for,
 * as stored: ids and text as they are, whatever was written there.
 */
struct store_entry {
	long long id;
	rowid_t duty_id, actor_id, via_id, from_unit_id, to_unit_id,
	    from_owner_id, to_owner_id;	/* 0: none */
	const char *at, *action, *text, *detail, *data;	/* NULL: none */
	/* An "undone" entry's snapshot of what it put back (its detail's
	 * state): the coefficient (0: not in it) and the moment the owner
	 * took the duty (NULL: not in it, a snapshot older than migration 9). */
	long long state_coefficient;
	const char *state_owner_since;
	/* And the first and last entries of the action it undid (-1: not
	 * said; an undo made before roviec said the first). */
	long long state_first, state_last;
};
struct store_unit_rec {
	rowid_t id;
	const char *code, *name, *kind;
	rowid_t parent_id;
};
struct store_person_rec {
	rowid_t id;
	const char *login, *full_name;
	rowid_t unit_id;
	const char *role;
	const char *left_on;	/* NULL: here (issue #12) */
	const char *mail;	/* NULL: none */
};
/* A head's general criteria for a person and period (evaluations). */
struct store_evaluation_rec {
	rowid_t person_id;
	const char *period;
	long long general_x100, cohesion;	/* cohesion 0: none */
	const char *reason;
	rowid_t set_by;
	const char *set_at;
};
struct store_org_fns {
	int (*entry)(const struct store_entry *e, void *arg);
	int (*unit)(const struct store_unit_rec *u, void *arg);
	int (*head)(rowid_t unit_id, rowid_t person_id, void *arg);
	int (*person)(const struct store_person_rec *p, void *arg);
	int (*evaluation)(const struct store_evaluation_rec *v, void *arg);
};
/* The entries of no duty in id order, then every unit, head and person
 * (each by id), then the general criteria entered (by person and period);
 * a function returning nonzero stops. */
enum rv_code store_replay_org(struct store *st, const struct store_org_fns *fns,
    void *arg, struct rv_err *err);

struct store_duty_rec {
	rowid_t id;
	const char *uuid, *ref, *title, *search_key, *result, *basis, *field;
	rowid_t assigner_id, lead_unit_id, owner_id;
	const char *created_at, *original_deadline, *deadline, *status;
	const char *done_on, *closed_on, *last_progress_on;	/* NULL: none */
	long long handoffs, bounced, escalated, reopened;
	/* The evaluation's evidence (migration 9). */
	long long coefficient_x100, deadlines_missed;
	const char *owner_since;	/* NULL: none */
	rowid_t series_id;		/* 0: none (migration 11) */
	const char *period;		/* NULL: none */
};
struct store_handoff_rec {
	long long id;
	const char *kind;
	rowid_t from_unit_id, to_unit_id, proposed_by;
	const char *reason, *created_at, *created_on, *state;
	rowid_t answered_by;
	const char *answered_at, *answer_reason;
	rowid_t new_owner_id;
};
struct store_extension_rec {
	long long id;
	rowid_t requested_by;
	const char *old_deadline, *new_deadline, *reason, *created_at, *state;
	rowid_t answered_by;
	const char *answered_at, *answer_reason;
	rowid_t lead_unit_id;	/* its duty's, kept (migration 18) */
};
struct store_note_rec {
	long long id;
	rowid_t person_id, unit_id;
	const char *at, *note;
};
struct store_support_rec {
	rowid_t unit_id;
	const char *part, *delivered_on;
	rowid_t delivered_by;
	int live;	/* as kept: whether the duty is open or submitted */
	const char *deadline;	/* as kept: the duty's deadline (migration 14) */
	/* As kept for the report (migration 16): the duty's moment made,
	 * original deadline, done day, and day cancelled (NULL: not). */
	const char *duty_created_at, *duty_original_deadline, *duty_done_on;
	const char *duty_cancelled_on;
};
/* One duty id: its row (NULL when there is none), its history entries in
 * id order, and its proposals, extension requests and notes in id order,
 * its supporting units by unit. */
struct store_duty_set {
	rowid_t duty_id;
	const struct store_duty_rec *duty;
	const struct store_entry *entries;
	size_t nentries;
	const struct store_handoff_rec *handoffs;
	size_t nhandoffs;
	const struct store_extension_rec *extensions;
	size_t nextensions;
	const struct store_note_rec *notes;
	size_t nnotes;
	const struct store_support_rec *supports;
	size_t nsupports;
};
typedef int (*store_duty_set_fn)(const struct store_duty_set *set, void *arg);
/* Every duty id that a duty row, a history entry or a related row names,
 * in order, each once with all its rows; fn returning nonzero stops. */
enum rv_code store_replay_duties(struct store *st, store_duty_set_fn fn,
    void *arg, struct rv_err *err);

/* The series (migration 11), by id; fn returning nonzero stops. */
struct store_series_rec {
	rowid_t id;
	const char *every;
	long long day;			/* 0: the period's last */
	rowid_t assigner_id, lead_unit_id, owner_id;
	const char *created_at;
	const char *stopped_at;		/* NULL: running */
	rowid_t stopped_by;
};
typedef int (*store_series_fn)(const struct store_series_rec *s, void *arg);
enum rv_code store_replay_series(struct store *st, store_series_fn fn, void *arg,
    struct rv_err *err);

/* Which of the report's kept figures: duties done by unit (by day or
 * month), by person (by month); by unit, the open stock (by the month or
 * day of the original deadline, or by the last day of progress), the
 * supporting parts of duties done (by the day done, or its month) and of
 * duties not done (by the month of the original deadline), the
 * escalations and returns proposed (by the day made, or its month), the
 * extension requests on its duties (by the UTC day asked, or its month). */
enum store_kept {
	STORE_KEPT_DONE_BY_UNIT,
	STORE_KEPT_DONE_BY_PERSON,
	STORE_KEPT_STOCK_BY_UNIT,
	STORE_KEPT_STOCK_DAYS_BY_UNIT,
	STORE_KEPT_STOCK_PROGRESS_BY_UNIT,
	STORE_KEPT_SUPPORT_BY_UNIT,
	STORE_KEPT_SUPPORT_OPEN_BY_UNIT,
	STORE_KEPT_HANDOFFS_BY_UNIT,
	STORE_KEPT_EXTENSIONS_BY_UNIT
};

/*
 * The report's kept figures against what they count, counted again: the
 * duties done by unit, day and handoffs (report_done_days, migration 17)
 * and month (report_done_months, 20), by person and month
 * (report_done_owner_months, 22); the open stock by unit and month of the
 * original deadline (report_stock_months, 24), its day (report_stock_days,
 * 28) and the last day of progress (report_stock_progress, 28); the
 * supporting parts of duties done by unit and day done
 * (report_support_days) and month (report_support_months, 25), of duties
 * not done by unit and month of the original deadline
 * (report_support_open, 27); the escalations and
 * returns by unit and day made (report_handoff_days) and month
 * (report_handoff_months), the extension requests by unit and UTC day
 * asked (report_extension_days) and month (report_extension_months, 26).
 * fn is called for each unit (or person: its login), key (the day or
 * month; for proposals "2026-11-03 escalate") and number of handoffs (0
 * but for the duties done) whose figures differ, with the kept and the
 * counted ones (NULL: no row): "done/on time/late/bounced"; the number
 * open; "parts/delivered/in time/days to deliver/parts whose days are
 * known", with "/not delivered" for duties not done; the number of
 * proposals; "requests/days approved".  fn returning nonzero stops.  In
 * the caller's read transaction.
 */
typedef int (*store_done_days_fn)(const char *who, enum store_kept kept, const char *day,
    int handoffs, const char *kept_figures, const char *counted, void *arg);
enum rv_code store_report_done_days_check(struct store *st, store_done_days_fn fn,
    void *arg, struct rv_err *err);

/* Counts rows of a whole table: which is one of "duties", "history",
 * "handoffs", "people", "units", or "admins" (people with that role). */
enum rv_code store_count(struct store *st, const char *which, long long *n,
    struct rv_err *err);

/* Import and export. */

/* Moves the counter of a reference prefix to at least n (an imported
 * reference), so that store_next_ref gives a later number. */
enum rv_code store_ref_at_least(struct store *st, const char *prefix,
    long long n, struct rv_err *err);

/*
 * Every duty, in the order they were made: cell[] holds, as text (NULL for
 * none), uuid, ref, title, lead code, owner login, deadline, result, basis,
 * assigner login, supporters ("P2:part; P3", with \ and ; in a part
 * escaped by a backslash), field, created, original deadline, stored
 * status, done_on, closed_on, last_progress_on, handoffs, bounced,
 * escalated, the parts delivered, the coefficient (1, 1.5); json, when
 * asked for, the duty as a JSON object with its supporters and whole
 * history.  fn returning nonzero stops.
 */
#define STORE_EXPORT_COLUMNS 22
struct export_row {
	const char *cell[STORE_EXPORT_COLUMNS];
	const char *json;
};
typedef int (*store_export_fn)(const struct export_row *row, void *arg);
enum rv_code store_duty_export(struct store *st, int want_json,
    store_export_fn fn, void *arg, struct rv_err *err);

/* Issue #10: the board over a working day. */

/* Every unit by code, every person by login (lookup.h's names). */
typedef int (*store_unit_each_fn)(const struct unit *u, void *arg);
enum rv_code store_unit_each(struct store *st, store_unit_each_fn fn, void *arg,
    struct rv_err *err);
typedef int (*store_person_each_fn)(const struct person *p, void *arg);
enum rv_code store_person_each(struct store *st, store_person_each_fn fn,
    void *arg, struct rv_err *err);

/* The ids of every duty on a tab of the board (unfiltered), ascending,
 * malloc'd into *ids: how many the tab holds and which arrived since. */
enum rv_code store_tab_ids(struct store *st, enum page_tab tab, rowid_t unit_id,
    rowid_t person_id, rowid_t **ids, size_t *n, struct rv_err *err);

/* Issue #11: recurring duties, corrections, undo (migration 11). */

struct series {
	rowid_t id;
	enum series_every every;
	int day;		/* the deadline's day in the period; 0: its last */
	rowid_t assigner_id, lead_unit_id, owner_id;
	int stopped;
};

/* Inserts a running series (all of s but id and stopped), sets s->id. */
enum rv_code store_series_insert(struct store *st, struct series *s,
    const char *at, struct rv_err *err);
/* Not found is RV_REFUSED. */
enum rv_code store_series_by_id(struct store *st, rowid_t id, struct series *out,
    struct rv_err *err);
/* The ids of the running series, ascending, malloc'd into *ids. */
enum rv_code store_series_running(struct store *st, rowid_t **ids, size_t *n,
    struct rv_err *err);
/* Stops a running series (RV_REFUSED when it was stopped already). */
enum rv_code store_series_stop(struct store *st, rowid_t id, const char *at,
    rowid_t by, struct rv_err *err);
/* Makes a new duty (no history yet) the series' instance for period. */
enum rv_code store_duty_set_series(struct store *st, rowid_t duty_id,
    rowid_t series_id, const char *period, struct rv_err *err);
/* The series and period of a duty: *series_id 0 (period "") when it
 * recurs in none. */
enum rv_code store_duty_series(struct store *st, rowid_t duty_id,
    rowid_t *series_id, char period[8], struct rv_err *err);
/* The series' latest instance (by period): its reference, "" when none. */
enum rv_code store_series_last(struct store *st, rowid_t series_id,
    char ref[40], char period[8], struct rv_err *err);
/* The supporting units of from_id (their parts, not their deliveries)
 * become those of duty_id, less duty_id's lead unit. */
enum rv_code store_support_copy(struct store *st, rowid_t duty_id,
    rowid_t from_id, struct rv_err *err);
/* Whether the series has its instance for period. */
enum rv_code store_series_has(struct store *st, rowid_t series_id,
    const char *period, int *yes, struct rv_err *err);

/* The duty's texts, lead unit (code), owner (login), dates, counters and
 * supporting units as one JSON object, malloc'd into *json: what undo
 * puts back, and what its history entry records. */
enum rv_code store_duty_snapshot(struct store *st, rowid_t duty_id, char **json,
    struct rv_err *err);
/* A snapshot read back into d (the mutable fields, title, result, basis;
 * the strings malloc'd: model_duty_free) and *coefficient (hundredths; 0
 * when the snapshot has none); RV_REFUSED when its lead unit or owner is
 * no longer there. */
enum rv_code store_snapshot_read(struct store *st, const char *json,
    struct duty *d, long *coefficient, struct rv_err *err);
/* Puts back the moment the owner became owner that a snapshot holds
 * (nothing when it holds none). */
enum rv_code store_owner_since_restore(struct store *st, rowid_t duty_id,
    const char *snapshot, struct rv_err *err);
/* Removes every supporting unit of the duty, and puts back those of a
 * snapshot (store_duty_snapshot), with their parts and deliveries. */
enum rv_code store_support_clear(struct store *st, rowid_t duty_id,
    struct rv_err *err);
enum rv_code store_support_restore(struct store *st, rowid_t duty_id,
    const char *snapshot, struct rv_err *err);
enum rv_code store_support_set_part(struct store *st, rowid_t duty_id,
    rowid_t unit_id, const char *part, struct rv_err *err);
/* Writes the duty's title (and search key), result and basis. */
enum rv_code store_duty_set_texts(struct store *st, const struct duty *d,
    struct rv_err *err);

/* What the duty held before the last action on it, and that action. */
struct undo_point {
	long long first_id, last_id;	/* the entries the action wrote */
	char *state;			/* the snapshot before it */
	char action[32];		/* its last entry's action */
	rowid_t actor_id;
	char at[32];
	long long duty_last_id;		/* the duty's last entry now */
	char *others;			/* the other actions it wrote, or NULL */
};
enum rv_code store_undo_point_set(struct store *st, rowid_t duty_id,
    long long first_id, long long last_id, const char *state, struct rv_err *err);
/* *found = 0 when the duty has none; undo_point_free after. */
enum rv_code store_undo_point(struct store *st, rowid_t duty_id,
    struct undo_point *out, int *found, struct rv_err *err);
void store_undo_point_free(struct undo_point *p);
/* The duty's last history entry: *id 0 when none. */
enum rv_code store_duty_last_entry(struct store *st, rowid_t duty_id,
    long long *id, struct rv_err *err);

/* The detail the history keeps of an undo (the first and last entries of
 * the action undone, its action, the state put back), as a JSON object
 * malloc'd into *out. */
enum rv_code store_undone_detail(struct store *st, long long first, long long entry,
    const char *action, const char *state, char **out, struct rv_err *err);
/* Issue #11 (brief): what waits for a person's action, and what was mailed. */

/* The kinds of what waits, most urgent first (brief.h names them). */
enum wait_kind {
	WAIT_PROPOSAL,	/* a handoff proposal to answer (head of the unit; a
			 * return to its assigner) */
	WAIT_EXTENSION,	/* an extension request to answer (assigner) */
	WAIT_CONFIRM,	/* a result submitted, to confirm (assigner) */
	WAIT_OVERDUE,	/* a duty they own, overdue */
	WAIT_DUE_SOON,	/* a duty they own, due soon */
	WAIT_NEW,	/* a duty that came to them since they last looked */
	WAIT_PART,	/* a part their unit owes as a supporting unit */
	WAIT__KINDS
};

struct wait_query {
	rowid_t person_id;
	rowid_t unit_id;	/* their unit; 0: none */
	rowid_t heads_unit_id;	/* the unit they head; 0: none */
	const char *today;	/* ISO day */
	const char *soon_until;	/* the last day a deadline is still due soon */
	const char *looked_at;	/* UTC moment they last looked; NULL: never */
	long long limit;	/* rows read of each kind: 0 none, -1 all */
};

struct wait_row {
	enum wait_kind kind;
	rowid_t duty_id;
	const char *ref, *title, *lead_code, *owner_login, *deadline, *status;
	unsigned flags;
	/* By kind, NULL when it says nothing: what (a proposal's kind, the
	 * deadline an extension asks, the part owed), extra (the unit a
	 * proposal comes from; who gave a new duty) and since (the day a
	 * proposal or request was made, a result submitted; the moment a new
	 * duty came). */
	const char *what, *extra, *since;
};
typedef int (*store_wait_fn)(const struct wait_row *row, void *arg);
/* Every kind in turn: how many wait (count[kind], each from an index that
 * holds that kind only), then the first q->limit of them, soonest deadline
 * first, to fn; a duty may be of several kinds.  fn returning nonzero
 * stops that kind's rows. */
enum rv_code store_waiting(struct store *st, const struct wait_query *q,
    long long count[WAIT__KINDS], store_wait_fn fn, void *arg, struct rv_err *err);

/* When the person last looked, and in which language: *found 0 when never. */
enum rv_code store_seen_get(struct store *st, rowid_t person_id,
    char looked_at[32], char language[3], int *found, struct rv_err *err);
enum rv_code store_seen_set(struct store *st, rowid_t person_id,
    const char *looked_at, const char *language, struct rv_err *err);

/* Whether a notice (kind, duty, key) went to the person; recording one
 * already recorded changes nothing. */
enum rv_code store_notice_sent(struct store *st, rowid_t person_id,
    const char *kind, rowid_t duty_id, const char *key, int *yes,
    struct rv_err *err);
enum rv_code store_notice_add(struct store *st, rowid_t person_id,
    const char *kind, rowid_t duty_id, const char *key, const char *at,
    struct rv_err *err);
/* A person's mail address (empty: none given; the schema keeps it under
 * 255 bytes), and setting it (NULL: none). */
enum rv_code store_person_mail(struct store *st, rowid_t person_id,
    char mail[255], struct rv_err *err);
enum rv_code store_person_set_mail(struct store *st, rowid_t person_id,
    const char *mail, struct rv_err *err);
/* Forgets the notices recorded for the person at that moment (a message
 * the mailer did not take). */
enum rv_code store_notice_forget(struct store *st, rowid_t person_id,
    const char *at, struct rv_err *err);

/* The lock wait of the connections opened from now on, in milliseconds
 * (a login must not wait; 0: the default). */
void store_set_lock_wait(long ms);

/* --- issue #13: the evaluation under Decree 335/2025 (evaluate.h) ------- */

/* A duty's conversion coefficient, in hundredths (150 is 1.5). */
enum rv_code store_duty_coefficient(struct store *st, rowid_t duty_id,
    long *coefficient, struct rv_err *err);
enum rv_code store_duty_set_coefficient(struct store *st, rowid_t duty_id,
    long coefficient, struct rv_err *err);
/* Counts a deadline the duty missed before an extension moved it. */
enum rv_code store_duty_missed_deadline(struct store *st, rowid_t duty_id,
    struct rv_err *err);

/* The officials of a unit and the units under it (unit_id 0: all), but
 * inspectors, by unit code then login. */
struct eval_person_row {
	rowid_t id, unit_id;
	const char *login, *name, *unit_code;
};
typedef int (*store_eval_person_fn)(const struct eval_person_row *row, void *arg);
enum rv_code store_eval_people(struct store *st, rowid_t unit_id,
    store_eval_person_fn fn, void *arg, struct rv_err *err);

/* A duty confirmed (closed as done) on closed_on: its owner then (a closed
 * duty keeps it), coefficient in hundredths, times sent back (reopened:
 * failed reviews), delays (deadlines missed before an extension, and the
 * last deadline if confirmed after it). */
struct eval_done_row {
	rowid_t owner_id, lead_unit_id;
	const char *closed_on, *ref;
	long coefficient;
	int fails, delays;
};
typedef int (*store_eval_done_fn)(const struct eval_done_row *row, void *arg);
/* The duties confirmed from the ISO day from to the day to. */
enum rv_code store_eval_done(struct store *st, const char *from, const char *to,
    store_eval_done_fn fn, void *arg, struct rv_err *err);

/* A duty due on deadline that was not done by it: open or submitted
 * (closed_on NULL) or confirmed later; owner_since the moment its owner
 * took it (UTC). */
struct eval_due_row {
	rowid_t id, owner_id, lead_unit_id;
	const char *deadline, *closed_on, *created_at, *owner_since, *ref;
	long coefficient;
};
typedef int (*store_eval_due_fn)(const struct eval_due_row *row, void *arg);
/* The duties due from the ISO day from to the day to, not done by their
 * deadline. */
enum rv_code store_eval_due(struct store *st, const char *from, const char *to,
    store_eval_due_fn fn, void *arg, struct rv_err *err);

/* The owner of duty_id just before the UTC moment at, per its history
 * (*owner 0 when the history names none before it). */
enum rv_code store_eval_owner_at(struct store *st, rowid_t duty_id,
    const char *at, rowid_t *owner, struct rv_err *err);

/* The general criteria entered: points in hundredths, cohesion 100, 50 or
 * 0 (not entered), for a period "YYYY-MM" or "YYYY-QN". */
struct eval_general_row {
	rowid_t person_id;
	const char *period;
	long general;
	int cohesion;
};
typedef int (*store_eval_general_fn)(const struct eval_general_row *row, void *arg);
/* Every entry for the periods from `from` to `to` (text order). */
enum rv_code store_eval_general_list(struct store *st, const char *from,
    const char *to, store_eval_general_fn fn, void *arg, struct rv_err *err);
/* One person's entry for a period: *found 0 when there is none. */
enum rv_code store_eval_general_get(struct store *st, rowid_t person_id,
    const char *period, int *found, long *general, int *cohesion,
    struct rv_err *err);
/* Enters (or replaces) a person's general criteria for a period. */
enum rv_code store_eval_general_set(struct store *st, rowid_t person_id,
    const char *period, long general, int cohesion, const char *reason,
    rowid_t set_by, const char *at, struct rv_err *err);

/* Issue #12: unit set, person set --login, person leave. */
/* Writes name, kind and parent_id of u (by u->id); a parent under u is
 * refused by the schema (RV_REFUSED). */
enum rv_code store_unit_update(struct store *st, const struct unit *u,
    struct rv_err *err);
/* A person's new login; one taken is RV_REFUSED (the schema's). */
enum rv_code store_person_set_login(struct store *st, rowid_t id,
    const char *login, struct rv_err *err);
/* Marks the person as left on day (ISO); refused by the schema while they
 * own an open or submitted duty or head a unit. */
enum rv_code store_person_leave(struct store *st, rowid_t id, const char *day,
    struct rv_err *err);
typedef int (*store_ref_fn)(const char *ref, void *arg);
/* The references of the open and submitted duties the person owns, in
 * order; fn returning nonzero stops. */
enum rv_code store_person_owns(struct store *st, rowid_t id, store_ref_fn fn,
    void *arg, struct rv_err *err);

#endif
