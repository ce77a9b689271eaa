/* exchange: import and export of duties (see exchange.h). */
#include "roviec/exchange.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "roviec/columns.h"
#include "roviec/csv.h"
#include "roviec/dates.h"
#include "roviec/duty.h"
#include "roviec/i18n.h"
#include "roviec/org.h"
#include "roviec/out.h"
#include "roviec/priv.h"
#include "roviec/store.h"
#include "roviec/text.h"

/* Export writes the columns import reads, note aside, in their order. */
_Static_assert(STORE_EXPORT_COLUMNS == COL_NOTE && COL_NOTE + 1 == COL_DUTY__END,
    "export writes every column of columns.h's duty block but note");

/* Larger files are refused rather than read into memory. */
#define IMPORT_MAX_BYTES (512L * 1024 * 1024)
/* A cell longer than this is refused before the rules look at it. */
#define CELL_MAX_CHARS 20000

struct import;

/*
 * What a file imports: duties, units or people.  Its columns (of
 * columns.h), those a header must name, and the function that records a
 * row's cells (indexed by column_id; NULL where empty).  A row's problem is
 * RV_REFUSED with err saying it; record may instead set *later, when the
 * row needs another row of the file first (a unit's parent): such rows are
 * tried again after the others, until no more can be.
 */
struct import_kind {
	const enum column_id *cols;
	size_t ncols;
	const enum column_id *required;
	size_t nrequired;
	enum rv_code (*record)(struct import *im, char **cell, long line, int *later,
	    struct rv_err *err);
};

struct import {
	struct session *s;
	const struct import_kind *kind;
	const char *path;	/* as given, for messages */
	const char *buf;
	size_t len;
	int where[COL__MAX];	/* field index of each column; -1: absent */
	char *keys[COL__MAX][3];	/* heading_key of each column's names */
	unsigned char *later;	/* per data row: waits for another (units) */
	size_t nlater;
	int last_pass;		/* rows that wait are recorded, and fail */
	long nologin;		/* people: logins with no account here */
	char *nologins;		/* their logins, for the warning */
	long nohead;		/* units: heads not registered yet */
	char *noheads;		/* "P1: login, ...", for the warning */
	char sep;		/* the file's separator (choose_separator) */
	int bom;		/* the file starts with a byte order mark */
	size_t ncols;		/* fields in the header */
	long imported, bad;
	FILE *problems;		/* a memory stream */
	char *text;
	size_t size;
};

/* --- reading the file -------------------------------------------------- */

static enum rv_code
read_file(const char *path, char **buf, size_t *len, struct rv_err *err)
{
	struct stat sb;
	char *safe = text_fit(path, 60, 0), *b = NULL;
	size_t got = 0;
	int fd;
	enum rv_code rc = RV_OK;

	*buf = NULL;
	/* With the caller's rights alone (a setgid roviec reads no file its
	 * caller could not), and never waiting on a FIFO: only a regular
	 * file is read. */
	if ((fd = priv_open_user(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0)) < 0) {
		rc = err_set(err, RV_REFUSED, _("cannot read %s: %s"), safe ? safe : "",
		    strerror(errno));
		goto out;
	}
	if (fstat(fd, &sb) != 0 || S_ISDIR(sb.st_mode) || !S_ISREG(sb.st_mode)) {
		rc = err_set(err, RV_REFUSED, _("%s is %s; name a CSV file"), safe ? safe : "",
		    S_ISDIR(sb.st_mode) ? "a directory" : "not a regular file");
		goto out;
	}
	if (sb.st_size > IMPORT_MAX_BYTES) {
		rc = err_set(err, RV_REFUSED, _("%s is larger than %ld MB; split it"),
		    safe ? safe : "", IMPORT_MAX_BYTES / (1024 * 1024));
		goto out;
	}
	if ((b = malloc((size_t)sb.st_size + 1)) == NULL) {
		rc = err_set(err, RV_STORAGE, _("out of memory reading %s"), safe ? safe : "");
		goto out;
	}
	while (got < (size_t)sb.st_size) {
		ssize_t n = read(fd, b + got, (size_t)sb.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = err_set(err, RV_REFUSED, _("cannot read %s: %s"), safe ? safe : "",
			    strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	b[got] = '\0';
	*buf = b;
	*len = got;
	b = NULL;
out:
	if (fd >= 0)
		close(fd);
	free(b);
	free(safe);
	return rc;
}

/* --- the header -------------------------------------------------------- */

/*
 * The key a heading is known by: its text with case and diacritics folded,
 * '_' and '-' as spaces, spaces single and trimmed, so that "Hạn xử lý",
 * "HAN XU LY", "original_deadline" and "Original deadline" are found.
 * Malloc'd; NULL when the text is not UTF-8 or memory is short.
 */
static char *
heading_key(const char *s, size_t len)
{
	char *nfc = NULL, *key, *w;
	struct rv_err e;

	if (text_in(s, len, "heading", 200, &nfc, &e) != RV_OK)
		return NULL;
	key = text_fold(nfc);
	free(nfc);
	if (key == NULL)
		return NULL;
	w = key;
	for (const char *p = key; *p != '\0'; p++) {
		char ch = *p == '_' || *p == '-' || *p == '\t' ? ' ' : *p;

		if (ch == ' ' && (w == key || w[-1] == ' '))
			continue;
		*w++ = ch;
	}
	while (w > key && w[-1] == ' ')
		w--;
	*w = '\0';
	return key;
}

/* The keys of every column import reads, by its three names. */
static int
keys_load(struct import *im)
{
	for (size_t i = 0; i < im->kind->ncols; i++) {
		enum column_id c = im->kind->cols[i];
		const struct column *col = column_get(c);
		const char *names[3] = { col->name, col->en, col->vi };

		for (int k = 0; k < 3; k++)
			if ((im->keys[c][k] = heading_key(names[k], strlen(names[k]))) == NULL)
				return -1;
	}
	return 0;
}

static void
keys_free(struct import *im)
{
	for (int c = 0; c < COL__MAX; c++)
		for (int k = 0; k < 3; k++) {
			free(im->keys[c][k]);
			im->keys[c][k] = NULL;
		}
}

/* The column a heading names; -1 when none. */
static int
col_lookup(const struct import *im, const struct csv_field *f)
{
	char *key = heading_key(f->s, f->len);
	int found = -1;

	if (key == NULL)
		return -1;
	if (strcmp(key, "due") == 0 && im->keys[COL_DEADLINE][0] != NULL)
		found = COL_DEADLINE;
	for (size_t i = 0; i < im->kind->ncols && found < 0; i++)
		for (int k = 0; k < 3 && found < 0; k++)
			if (strcmp(key, im->keys[im->kind->cols[i]][k]) == 0)
				found = (int)im->kind->cols[i];
	free(key);
	return found;
}

/*
 * The separator of the file: of ',', ';' and a tab, the one that splits
 * the header row into the most columns import knows (',' when none does,
 * for the messages that follow).
 */
static char
choose_separator(const struct import *im)
{
	static const char seps[] = { ',', ';', '\t' };
	char best = ',';
	int most = 0;

	for (size_t i = 0; i < sizeof(seps); i++) {
		struct csv_reader *r = csv_open(im->buf, im->len);
		struct csv_record rec;
		int known = 0;

		if (r == NULL)
			break;
		csv_set_separator(r, seps[i]);
		if (csv_next(r, &rec) == 1)
			for (size_t f = 0; f < rec.n; f++)
				known += col_lookup(im, &rec.fields[f]) >= 0;
		csv_close(r);
		if (known > most) {
			most = known;
			best = seps[i];
		}
	}
	return best;
}

/* "title, lead, ...": the names of the columns a header must name
 * (malloc'd; NULL when memory is short). */
static char *
required_names(const struct import_kind *k)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	if (f == NULL)
		return NULL;
	for (size_t i = 0; i < k->nrequired; i++)
		fprintf(f, "%s%s", i > 0 ? ", " : "", column_get(k->required[i])->name);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

static enum rv_code
read_header(struct import *im, struct csv_reader *r, struct rv_err *err)
{
	struct csv_record rec;
	char *safe = text_fit(im->path, 60, 0);
	const char *p = safe ? safe : "";
	enum rv_code rc = RV_OK;
	int got;

	for (int i = 0; i < COL__MAX; i++)
		im->where[i] = -1;
	if ((got = csv_next(r, &rec)) == 0) {
		char *names = required_names(im->kind);

		rc = err_set(err, RV_REFUSED,
		    _("%s is empty; it needs a header row naming the columns (%s, ...)"), p,
		    names != NULL ? names : "");
		free(names);
		goto out;
	}
	if (got < 0) {
		rc = err_set(err, RV_REFUSED, _("%s:%ld: %s"), p, csv_error_line(r), _(csv_error(r)));
		goto out;
	}
	im->ncols = rec.n;
	for (size_t i = 0; i < rec.n; i++) {
		int c = col_lookup(im, &rec.fields[i]);
		char *name, *first;

		if (c >= 0 && im->where[c] < 0) {
			im->where[c] = (int)i;
			continue;
		}
		name = text_fit(rec.fields[i].s, 30, 0);
		if (c >= 0) {
			first = text_fit(rec.fields[im->where[c]].s, 30, 0);
			rc = err_set(err, RV_REFUSED,
			    _("%s:%ld: the column %s is named twice, as '%s' (column %d) and '%s' (column %zu); keep one"),
			    p, rec.line, column_get(c)->name, first ? first : "", im->where[c] + 1,
			    name ? name : "", i + 1);
			free(first);
		} else if (rec.fields[i].len == 0)
			rc = err_set(err, RV_REFUSED, _("%s:%ld: column %zu has no name in the header row"),
			    p, rec.line, i + 1);
		else
			rc = err_set(err, RV_REFUSED,
			    _("%s:%ld: unknown column '%s'; the header row names the columns in English or Vietnamese, separated by commas, semicolons or tabs, as roviec(1) lists them"),
			    p, rec.line, name ? name : "");
		free(name);
		goto out;
	}
	for (size_t i = 0; i < im->kind->nrequired; i++)
		if (im->where[im->kind->required[i]] < 0) {
			char *names = required_names(im->kind);

			rc = err_set(err, RV_REFUSED,
			    _("%s: the header row has no column %s; the required columns are %s"),
			    p, column_get(im->kind->required[i])->name, names != NULL ? names : "");
			free(names);
			goto out;
		}
out:
	free(safe);
	return rc;
}

/*
 * Refuses a file that is not UTF-8 CSV text as a whole, naming what it
 * seems to be and the line: another format, UTF-16, an 8-bit Vietnamese
 * encoding, or two files joined (a byte order mark in the middle).
 */
static enum rv_code
check_bytes(const struct import *im, struct rv_err *err)
{
	struct csv_sniff sn;
	char *safe;
	const char *p;
	enum rv_code rc = RV_OK;

	csv_sniff(im->buf, im->len, &sn);
	if (sn.kind == CSV_TEXT)
		return RV_OK;
	safe = text_fit(im->path, 60, 0);
	p = safe != NULL ? safe : "";
	switch (sn.kind) {
	case CSV_BINARY:
		rc = err_set(err, RV_REFUSED,
		    _("%s:%ld: this is %s, not a CSV file; in Excel, save it with File, Save As, \"CSV UTF-8 (Comma delimited)\" and import that file"),
		    p, sn.line, _(sn.name));
		break;
	case CSV_UTF16:
		rc = err_set(err, RV_REFUSED,
		    _("%s:%ld: the file is in UTF-16 (Excel's \"Unicode Text\"), not UTF-8; in Excel, save it as \"CSV UTF-8 (Comma delimited)\" and import that file"),
		    p, sn.line);
		break;
	case CSV_LEGACY:
		rc = err_set(err, RV_REFUSED,
		    _("%s:%ld: the file is not UTF-8: it looks like %s (byte 0x%02X); convert it to Unicode (in Unikey's converter, from %s to Unicode) or save it from Excel as \"CSV UTF-8 (Comma delimited)\", then import it again"),
		    p, sn.line, sn.name, (unsigned)sn.byte, sn.name);
		break;
	case CSV_STRAY_BOM:
		rc = err_set(err, RV_REFUSED,
		    _("%s:%ld: a byte order mark (U+FEFF) in the middle of the file: were two CSV files joined? Remove it, or import the files one by one"),
		    p, sn.line);
		break;
	case CSV_TEXT:
		break;
	}
	free(safe);
	return rc;
}

/* --- one row ----------------------------------------------------------- */

static void
problem(struct import *im, long line, const char *msg)
{
	char *safe = text_sanitize(msg);

	fprintf(im->problems, "%s:%ld: %s\n", im->path, line, safe ? safe : msg);
	free(safe);
}

/* Splits "P2:part; P3" into in->support, unescaping "\;" and "\\" in parts;
 * the pieces are written into buf (a copy of the cell). */
static enum rv_code
split_support(char *buf, struct duty_new *in, struct rv_err *err)
{
	char *p = buf;

	while (*p != '\0') {
		char *item = p, *w = p, *colon = NULL;

		for (; *p != '\0' && *p != ';'; p++) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == ':' && colon == NULL)
				colon = w;
			*w++ = *p;
		}
		if (*p == ';')
			p++;
		*w = '\0';
		if (colon != NULL)
			*colon = '\0';
		while (*item == ' ')
			item++;
		for (char *e = item + strlen(item); e > item && e[-1] == ' ';)
			*--e = '\0';
		if (*item == '\0' && colon == NULL)
			continue;
		if (*item == '\0')
			return err_set(err, RV_REFUSED,
			    _("support: a part is given without its unit; write UNIT:part; UNIT"));
		if (in->nsupport == DUTY_SUPPORT_MAX)
			return err_set(err, RV_REFUSED, _("support: at most %d supporting units"),
			    DUTY_SUPPORT_MAX);
		in->support[in->nsupport].unit = item;
		in->support[in->nsupport].part = colon != NULL ? colon + 1 : NULL;
		in->nsupport++;
	}
	return RV_OK;
}

/*
 * A cell of the Excel form as import reads it, in place: the apostrophe
 * that export --excel (in a file that starts with a byte order mark) puts
 * before text Excel would take for a formula comes off, and the created
 * moment in local time ("07/12/2026 09:00:00 +07:00") becomes the UTC
 * moment.  Days need nothing: the rules read DD/MM/YYYY.
 */
static enum rv_code
excel_cell(const struct import *im, int c, char **cell, struct rv_err *err)
{
	char *v = *cell, utc[21];
	time_t t;

	if (im->bom && c != COL_CREATED && column_get(c)->kind == COLUMN_TEXT &&
	    v[0] == '\'' && v[1] != '\0' && strchr("=+-@", v[1]) != NULL)
		memmove(v, v + 1, strlen(v));
	if (c != COL_CREATED || dates_moment(v, &t) == 0)
		return RV_OK;
	if (dates_moment_from_local(v, utc) != 0) {
		char *safe = text_fit(v, 40, 0);

		err_set(err, RV_REFUSED,
		    _("created: '%s' is not a moment; write it as DD/MM/YYYY HH:MM:SS (local time, or with its offset, like +07:00) or as YYYY-MM-DDTHH:MM:SSZ"),
		    safe != NULL ? safe : "");
		free(safe);
		return RV_REFUSED;
	}
	if ((v = strdup(utc)) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	free(*cell);
	*cell = v;
	return RV_OK;
}

/*
 * Reads a row's cells, those of the kind's columns, into cell (by
 * column_id; NULL where empty or absent), each UTF-8 and NFC as text_in
 * makes it.  A bad cell is written as a problem and *bad set.
 */
static enum rv_code
read_cells(struct import *im, const struct csv_record *rec, char **cell, int *bad,
    struct rv_err *err)
{
	enum rv_code rc;

	for (size_t i = im->ncols; i < rec->n; i++)
		if (rec->fields[i].len > 0) {
			char msg[160];

			snprintf(msg, sizeof(msg),
			    _("the row has %zu fields, but the header names only %zu columns"),
			    rec->n, im->ncols);
			problem(im, rec->line, msg);
			*bad = 1;
			return RV_OK;
		}
	for (size_t i = 0; i < im->kind->ncols && !*bad; i++) {
		enum column_id c = im->kind->cols[i];
		const struct csv_field *f;
		struct rv_err e;
		char what[64];

		if (im->where[c] < 0 || (size_t)im->where[c] >= rec->n)
			continue;
		f = &rec->fields[im->where[c]];
		snprintf(what, sizeof(what), _("the %s column"), column_get(c)->name);
		if ((rc = text_in(f->s, f->len, what, CELL_MAX_CHARS, &cell[c], &e)) == RV_OK &&
		    cell[c][0] == '\0') {
			free(cell[c]);
			cell[c] = NULL;
		} else if (rc == RV_OK) {
			rc = excel_cell(im, c, &cell[c], &e);
		}
		if (rc == RV_STORAGE) {
			*err = e;
			return rc;
		}
		if (rc != RV_OK) {
			problem(im, rec->line, e.msg);
			*bad = 1;
		}
	}
	return RV_OK;
}

/* Records a duty's row (import_kind's record). */
static enum rv_code
record_duty(struct import *im, char **cell, long line, int *later, struct rv_err *err)
{
	struct duty_new in = { 0 };
	struct duty_record dr = { 0 };
	char ref[DUTY_REF_SIZE], *sup = NULL, *from = NULL;
	enum rv_code rc;

	(void)later;
	in.title = cell[COL_TITLE];
	in.lead = cell[COL_LEAD];
	in.owner = cell[COL_OWNER];
	in.due = cell[COL_DEADLINE];
	in.result = cell[COL_RESULT];
	in.basis = cell[COL_BASIS];
	in.field = cell[COL_FIELD];
	in.note = cell[COL_NOTE];
	in.uuid = cell[COL_UUID];
	in.coefficient = cell[COL_COEFFICIENT];
	dr.assigner = cell[COL_ASSIGNER];
	dr.ref = cell[COL_REF];
	dr.created = cell[COL_CREATED];
	dr.original_deadline = cell[COL_ORIGINAL];
	dr.status = cell[COL_STATUS];
	dr.done_on = cell[COL_DONE_ON];
	dr.closed_on = cell[COL_CLOSED_ON];
	dr.last_progress_on = cell[COL_LAST_PROGRESS];
	dr.handoffs = cell[COL_HANDOFFS];
	dr.bounced = cell[COL_BOUNCED];
	dr.escalated = cell[COL_ESCALATED];
	dr.delivered = cell[COL_DELIVERED];
	/* Where the row came from, whole: the path may be long. */
	if ((from = malloc(strlen(im->path) + 48)) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	snprintf(from, strlen(im->path) + 48, "imported from %s line %ld", im->path, line);
	dr.source = from;
	if (cell[COL_SUPPORT] != NULL) {
		if ((sup = strdup(cell[COL_SUPPORT])) == NULL) {
			free(from);
			return err_set(err, RV_STORAGE, _("out of memory"));
		}
		if ((rc = split_support(sup, &in, err)) != RV_OK)
			goto out;
	}
	rc = duty_import(im->s, &in, &dr, ref, err);
out:
	free(sup);
	free(from);
	return rc;
}

/* Appends ", item" (or item) to *list; -1 when memory is short. */
static int
list_add(char **list, const char *a, const char *b)
{
	size_t have = *list != NULL ? strlen(*list) : 0;
	size_t more = strlen(a) + (b != NULL ? strlen(b) + 2 : 0) + 3;
	char *grown = realloc(*list, have + more);

	if (grown == NULL)
		return -1;
	snprintf(grown + have, more, "%s%s%s%s", have > 0 ? ", " : "", a,
	    b != NULL ? ": " : "", b != NULL ? b : "");
	*list = grown;
	return 0;
}

/*
 * Records a unit's row: its parent must be there first, from the database
 * or from an earlier pass over the file.  Its heads ("heads": one login or
 * several, separated by commas, as unit list writes them; or "head"): the
 * first registered one is named with the unit, the others beside it; one
 * not registered yet (unit list's file read before the people) is left for
 * person import, whose role head makes one, and named in a warning.
 */
static enum rv_code
record_unit(struct import *im, char **cell, long line, int *later, struct rv_err *err)
{
	const char *heads = cell[COL_HEADS] != NULL ? cell[COL_HEADS] : cell[COL_HEAD];
	char *list = NULL, *save = NULL, *first = NULL;
	struct rv_err e;
	enum rv_code rc;

	(void)line;
	if (cell[COL_PARENT] != NULL && !im->last_pass) {
		struct unit u = { 0 };

		rc = store_unit_by_code(im->s->st, cell[COL_PARENT], &u, &e);
		model_unit_free(&u);
		if (rc == RV_REFUSED) {
			*later = 1;
			return RV_OK;
		}
		if (rc != RV_OK) {
			*err = e;
			return rc;
		}
	}
	if (heads != NULL && (list = strdup(heads)) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	/* Which heads are registered: those not are warned of, and skipped. */
	rc = RV_OK;
	for (char *h = list != NULL ? strtok_r(list, ",", &save) : NULL; h != NULL && rc == RV_OK;
	    h = strtok_r(NULL, ",", &save)) {
		struct person p = { 0 };

		while (*h == ' ')
			h++;
		for (char *end = h + strlen(h); end > h && end[-1] == ' '; )
			*--end = '\0';
		if (*h == '\0')
			continue;
		rc = store_person_by_login(im->s->st, h, &p, &e);
		model_person_free(&p);
		if (rc == RV_REFUSED) {
			if (list_add(&im->noheads, cell[COL_CODE] != NULL ? cell[COL_CODE] : "", h) != 0)
				rc = err_set(&e, RV_STORAGE, _("out of memory"));
			else
				rc = RV_OK;
			im->nohead++;
			continue;
		}
		if (rc == RV_OK && first == NULL) {
			first = h;
			rc = org_unit_add(im->s, cell[COL_CODE] != NULL ? cell[COL_CODE] : "",
			    cell[COL_NAME], cell[COL_PARENT], cell[COL_KIND], first, &e);
		} else if (rc == RV_OK) {
			rc = org_unit_set_head(im->s, cell[COL_CODE], h, &e);
		}
	}
	if (rc == RV_OK && first == NULL)
		rc = org_unit_add(im->s, cell[COL_CODE] != NULL ? cell[COL_CODE] : "",
		    cell[COL_NAME], cell[COL_PARENT], cell[COL_KIND], NULL, &e);
	if (rc != RV_OK)
		*err = e;
	free(list);
	return rc;
}

/* Records a person's row; a login with no account here is noted for the
 * warning (they cannot use roviec until it has one). */
static enum rv_code
record_person(struct import *im, char **cell, long line, int *later, struct rv_err *err)
{
	enum rv_code rc;

	(void)line;
	(void)later;
	/* person list writes the day one left; import registers those who
	 * work here. */
	if (cell[COL_LEFT] != NULL && cell[COL_LEFT][0] != '\0')
		return err_set(err, RV_REFUSED,
		    _("this person has left (the column left has a day): person import registers those who work here; leave the row out"));
	rc = org_person_add(im->s, cell[COL_LOGIN] != NULL ? cell[COL_LOGIN] : "",
	    cell[COL_NAME], cell[COL_UNIT], cell[COL_ROLE], cell[COL_MAIL], err);
	if (rc == RV_OK && !org_login_exists(cell[COL_LOGIN])) {
		if (list_add(&im->nologins, cell[COL_LOGIN], NULL) != 0)
			return err_set(err, RV_STORAGE, _("out of memory"));
		im->nologin++;
	}
	return rc;
}

static const enum column_id duty_cols[] = {
	COL_UUID, COL_REF, COL_TITLE, COL_LEAD, COL_OWNER, COL_DEADLINE,
	COL_RESULT, COL_BASIS, COL_ASSIGNER, COL_SUPPORT, COL_FIELD,
	COL_CREATED, COL_ORIGINAL, COL_STATUS, COL_DONE_ON, COL_CLOSED_ON,
	COL_LAST_PROGRESS, COL_HANDOFFS, COL_BOUNCED, COL_ESCALATED,
	COL_DELIVERED, COL_COEFFICIENT, COL_NOTE
};
_Static_assert(sizeof(duty_cols) / sizeof(duty_cols[0]) == COL_DUTY__END,
    "duty import reads every column of columns.h's duty block");
static const enum column_id duty_required[] = {
	COL_TITLE, COL_LEAD, COL_OWNER, COL_DEADLINE, COL_RESULT, COL_BASIS
};
/* Those unit list and person list write, so that their files import: the
 * counts of unit list (people, open) and person list's head (the role says
 * it) are read past; a row of person list with a day in left is refused. */
static const enum column_id unit_cols[] = {
	COL_CODE, COL_NAME, COL_KIND, COL_PARENT, COL_HEADS, COL_HEAD, COL_PEOPLE,
	COL_OPEN
};
static const enum column_id unit_required[] = { COL_CODE, COL_NAME };
static const enum column_id person_cols[] = {
	COL_LOGIN, COL_NAME, COL_UNIT, COL_ROLE, COL_HEAD, COL_LEFT, COL_MAIL
};
static const enum column_id person_required[] = { COL_LOGIN, COL_NAME };

#define KIND(cols, required, record) { cols, sizeof(cols) / sizeof(cols[0]), \
	required, sizeof(required) / sizeof(required[0]), record }
static const struct import_kind kinds[] = {
	[IMPORT_DUTIES] = KIND(duty_cols, duty_required, record_duty),
	[IMPORT_UNITS] = KIND(unit_cols, unit_required, record_unit),
	[IMPORT_PEOPLE] = KIND(person_cols, person_required, record_person),
};

/*
 * Checks and records one data row (index row among the data rows);
 * problems are written, not returned.  A row that must wait for another
 * is marked in im->later.
 */
static enum rv_code
import_row(struct import *im, const struct csv_record *rec, size_t row,
    struct rv_err *err)
{
	char *cell[COL__MAX] = { 0 };
	int bad = 0, later = 0;
	enum rv_code rc;

	if ((rc = read_cells(im, rec, cell, &bad, err)) == RV_OK && !bad) {
		struct rv_err e;

		rc = im->kind->record(im, cell, rec->line, &later, &e);
		if (rc == RV_REFUSED) {
			problem(im, rec->line, e.msg);
			bad = 1;
			rc = RV_OK;
		} else if (rc != RV_OK) {
			*err = e;
		}
	}
	if (later)
		im->later[row] = 1;
	else if (bad)
		im->bad++;
	else if (rc == RV_OK)
		im->imported++;
	for (int c = 0; c < COL__MAX; c++)
		free(cell[c]);
	return rc;
}

/* The name of a separator, for messages. */
static const char *
sep_name(char sep)
{
	return sep == ';' ? _("semicolons") : sep == '\t' ? _("tabs") : _("commas");
}

/* A row read as one field where the header has more, and which holds
 * another separator: the file mixes separators.  Reports it; 1 if so. */
static int
other_separator(struct import *im, const struct csv_record *rec)
{
	static const char seps[] = { ',', ';', '\t' };
	char msg[300];

	if (rec->n != 1 || im->ncols < 2)
		return 0;
	for (size_t i = 0; i < sizeof(seps); i++)
		if (seps[i] != im->sep && memchr(rec->fields[0].s, seps[i], rec->fields[0].len)) {
			snprintf(msg, sizeof(msg),
			    _("the row is one field where the header row has %zu columns: the header is separated by %s, this row seems separated by %s; save the whole file with one separator"),
			    im->ncols, sep_name(im->sep), sep_name(seps[i]));
			problem(im, rec->line, msg);
			return 1;
		}
	return 0;
}

/* Room in im->later for data row row; -1 when memory is short. */
static int
later_room(struct import *im, size_t row)
{
	if (row < im->nlater)
		return 0;
	size_t n = im->nlater ? im->nlater * 2 : 64;
	unsigned char *more;

	while (n <= row)
		n *= 2;
	if ((more = realloc(im->later, n)) == NULL)
		return -1;
	memset(more + im->nlater, 0, n - im->nlater);
	im->later = more;
	im->nlater = n;
	return 0;
}

/*
 * One pass over the file: the rows waiting (every row on the first pass,
 * first != 0), recorded or marked to wait again.  *waiting is how many
 * wait after it.
 */
static enum rv_code
import_pass(struct import *im, int first, size_t *waiting, struct rv_err *err)
{
	struct csv_reader *r;
	struct csv_record rec;
	enum rv_code rc;
	size_t row = 0;
	int got;

	*waiting = 0;
	if ((r = csv_open(im->buf, im->len)) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	csv_set_separator(r, im->sep);
	if ((rc = read_header(im, r, err)) != RV_OK)
		goto out;
	for (; rc == RV_OK && (got = csv_next(r, &rec)) != 0; row++) {
		int blank = 1;

		if (later_room(im, row) != 0) {
			rc = err_set(err, RV_STORAGE, _("out of memory"));
			break;
		}
		if (!first && !im->later[row])
			continue;
		im->later[row] = 0;
		if (got < 0) {
			problem(im, csv_error_line(r), _(csv_error(r)));
			im->bad++;
			continue;
		}
		for (size_t i = 0; i < rec.n && blank; i++)
			for (size_t j = 0; j < rec.fields[i].len && blank; j++)
				blank = rec.fields[i].s[j] == ' ' || rec.fields[i].s[j] == '\t';
		if (!blank && other_separator(im, &rec)) {
			im->bad++;
			continue;
		}
		if (!blank && (rc = import_row(im, &rec, row, err)) == RV_OK && im->later[row])
			(*waiting)++;
	}
out:
	csv_close(r);
	return rc;
}

/* The whole file, as one transaction; any bad row undoes it all.  Rows
 * that wait for others (a unit for its parent) are tried again while
 * some are recorded, then once more to say what they lack. */
static enum rv_code
import_all(struct store *st, void *arg, struct rv_err *err)
{
	struct import *im = arg;
	enum rv_code rc = RV_OK;
	size_t waiting = 0, before;

	(void)st;
	/* A retried transaction starts its report again. */
	if (im->problems != NULL)
		fclose(im->problems);
	free(im->text);
	free(im->nologins);
	free(im->noheads);
	im->text = im->nologins = im->noheads = NULL;
	im->imported = im->bad = im->nologin = im->nohead = 0;
	im->last_pass = 0;
	if (im->later != NULL)
		memset(im->later, 0, im->nlater);
	if ((im->problems = open_memstream(&im->text, &im->size)) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	rc = import_pass(im, 1, &waiting, err);
	while (rc == RV_OK && waiting > 0) {
		before = waiting;
		rc = import_pass(im, 0, &waiting, err);
		if (rc == RV_OK && waiting == before) {
			/* Nothing more can be: what waits fails, saying why. */
			im->last_pass = 1;
			rc = import_pass(im, 0, &waiting, err);
			assert(rc != RV_OK || waiting == 0);
		}
	}
	if (rc == RV_OK && im->bad > 0) {
		char *safe = text_fit(im->path, 60, 0);

		rc = err_set(err, RV_REFUSED,
		    _("%ld row%s of %s %s wrong (listed above); nothing was imported; correct %s and import the whole file again"),
		    im->bad, im->bad == 1 ? "" : "s", safe ? safe : "",
		    im->bad == 1 ? "is" : "are", im->bad == 1 ? "it" : "them");
		free(safe);
	}
	fflush(im->problems);
	return rc;
}

enum rv_code
exchange_import(struct session *s, enum import_what what, const char *path,
    struct import_result *res, struct rv_err *err)
{
	static const char *const refusal[] = {
		[IMPORT_DUTIES] = N_("only an administrator imports duties; ask one to run roviec import"),
		[IMPORT_UNITS] = N_("only an administrator imports units; ask one to run roviec unit import"),
		[IMPORT_PEOPLE] = N_("only an administrator imports people; ask one to run roviec person import"),
	};
	struct import im = { .s = s, .path = path };
	char *buf = NULL;
	enum rv_code rc;

	assert((unsigned)what < sizeof(kinds) / sizeof(kinds[0]));
	im.kind = &kinds[what];
	session_tick(s);
	memset(res, 0, sizeof(*res));
	if (s->me.role != ROLE_ADMIN)
		return err_set(err, RV_REFUSED, "%s", _(refusal[what]));
	if ((rc = read_file(path, &buf, &im.len, err)) != RV_OK)
		return rc;
	im.buf = buf;
	im.bom = im.len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0;
	if ((rc = check_bytes(&im, err)) != RV_OK) {
		free(buf);
		return rc;
	}
	if (keys_load(&im) != 0) {
		keys_free(&im);
		free(buf);
		return err_set(err, RV_STORAGE, _("out of memory"));
	}
	im.sep = choose_separator(&im);
	rc = store_write(s->st, import_all, &im, err);
	keys_free(&im);
	if (im.problems != NULL)
		fclose(im.problems);
	if (rc == RV_OK) {
		res->imported = im.imported;
		res->nologin = im.nologin;
		res->nologins = im.nologins;
		res->nohead = im.nohead;
		res->noheads = im.noheads;
		im.nologins = im.noheads = NULL;
	}
	if (im.text != NULL && im.text[0] != '\0' && rc != RV_OK)
		res->problems = im.text;
	else
		free(im.text);
	free(im.nologins);
	free(im.noheads);
	free(im.later);
	free(buf);
	return rc;
}

void
exchange_result_free(struct import_result *res)
{
	free(res->problems);
	free(res->nologins);
	free(res->noheads);
	memset(res, 0, sizeof(*res));
}

/* --- export ------------------------------------------------------------ */

struct export {
	const char *names[STORE_EXPORT_COLUMNS];	/* columns.h's, in order */
	FILE *out;
	int json;
	long n;
};

static int
export_row(const struct export_row *row, void *arg)
{
	struct export *ex = arg;

	if (ex->json) {
		fputs(ex->n++ ? ",\n" : "\n", ex->out);
		out_json(ex->out, row->json);
		return ferror(ex->out) != 0;
	}
	out_csv_row(ex->out, STORE_EXPORT_COLUMNS, ex->names, row->cell);
	ex->n++;
	return ferror(ex->out) != 0;
}

static enum rv_code
export_all(struct store *st, void *arg, struct rv_err *err)
{
	struct export *ex = arg;
	enum rv_code rc;
	long long head;
	char hash[65], at[32];

	/* The first read fixes the snapshot (WAL): should the database be
	 * busy, it is here, before a byte is written, so that store_read's
	 * retry never repeats rows already written. */
	if ((rc = store_history_head(st, &head, hash, at, err)) != RV_OK)
		return rc;
	ex->n = 0;
	if (ex->json) {
		fputs("[", ex->out);
	} else {
		for (int i = 0; i < STORE_EXPORT_COLUMNS; i++)
			ex->names[i] = column_get(i)->name;
		out_csv_head(ex->out, STORE_EXPORT_COLUMNS, ex->names);
	}
	rc = store_duty_export(st, ex->json, export_row, ex, err);
	if (ex->json)
		fputs(ex->n ? "\n]\n" : "]\n", ex->out);
	if (rc == RV_OK && ferror(ex->out))
		rc = err_set(err, RV_STORAGE, _("cannot write the export"));
	return rc;
}

enum rv_code
exchange_export(struct session *s, int json, FILE *out, struct rv_err *err)
{
	struct export ex = { .out = out, .json = json };

	return store_read(s->st, export_all, &ex, err);
}
