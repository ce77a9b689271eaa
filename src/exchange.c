/* exchange: import and export of duties (see exchange.h). */
#include "roviec/exchange.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "roviec/csv.h"
#include "roviec/duty.h"
#include "roviec/i18n.h"
#include "roviec/out.h"
#include "roviec/store.h"
#include "roviec/text.h"

/* Larger files are refused rather than read into memory. */
#define IMPORT_MAX_BYTES (512L * 1024 * 1024)
/* A cell longer than this is refused before the rules look at it. */
#define CELL_MAX_CHARS 20000

/* The columns, in the order export writes them (store_duty_export's). */
enum col {
	C_UUID, C_REF, C_TITLE, C_LEAD, C_OWNER, C_DEADLINE, C_RESULT, C_BASIS,
	C_ASSIGNER, C_SUPPORT, C_FIELD, C_CREATED, C_ORIGINAL, C_STATUS,
	C_DONE_ON, C_CLOSED_ON, C_LAST_PROGRESS, C_HANDOFFS, C_BOUNCED,
	C_ESCALATED, C_DELIVERED, C_COEFFICIENT, C_NOTE, C__MAX
};

static const char *const col_names[C__MAX] = {
	"uuid", "ref", "title", "lead", "owner", "deadline", "result", "basis",
	"assigner", "support", "field", "created", "original_deadline", "status",
	"done_on", "closed_on", "last_progress_on", "handoffs", "bounced",
	"escalated", "delivered", "coefficient", "note"
};

static const enum col required[] = {
	C_TITLE, C_LEAD, C_OWNER, C_DEADLINE, C_RESULT, C_BASIS
};

struct import {
	struct session *s;
	const char *path;	/* as given, for messages */
	const char *buf;
	size_t len;
	int where[C__MAX];	/* field index of each column; -1: absent */
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
	if ((fd = open(path, O_RDONLY | O_NOCTTY)) < 0) {
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

static int
col_lookup(const struct csv_field *f)
{
	const char *s = f->s;
	size_t len = f->len;

	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 3 && strncasecmp(s, "due", 3) == 0)
		return C_DEADLINE;
	for (int i = 0; i < C__MAX; i++)
		if (strlen(col_names[i]) == len && strncasecmp(col_names[i], s, len) == 0)
			return i;
	return -1;
}

static enum rv_code
read_header(struct import *im, struct csv_reader *r, struct rv_err *err)
{
	struct csv_record rec;
	char *safe = text_fit(im->path, 60, 0);
	const char *p = safe ? safe : "";
	enum rv_code rc = RV_OK;
	int got;

	for (int i = 0; i < C__MAX; i++)
		im->where[i] = -1;
	if ((got = csv_next(r, &rec)) == 0) {
		rc = err_set(err, RV_REFUSED,
		    _("%s is empty; it needs a header row naming the columns (title, lead, owner, deadline, result, basis, ...)"), p);
		goto out;
	}
	if (got < 0) {
		rc = err_set(err, RV_REFUSED, _("%s:%ld: %s"), p, csv_error_line(r), _(csv_error(r)));
		goto out;
	}
	im->ncols = rec.n;
	for (size_t i = 0; i < rec.n; i++) {
		int c = col_lookup(&rec.fields[i]);
		char *name;

		if (c >= 0 && im->where[c] < 0) {
			im->where[c] = (int)i;
			continue;
		}
		name = text_fit(rec.fields[i].s, 30, 0);
		if (c >= 0)
			rc = err_set(err, RV_REFUSED, _("%s:%ld: the column %s is named twice"), p,
			    rec.line, col_names[c]);
		else if (rec.fields[i].len == 0)
			rc = err_set(err, RV_REFUSED, _("%s:%ld: column %zu has no name in the header row"),
			    p, rec.line, i + 1);
		else
			rc = err_set(err, RV_REFUSED,
			    _("%s:%ld: unknown column '%s'; roviec(1) lists the columns import reads"),
			    p, rec.line, name ? name : "");
		free(name);
		goto out;
	}
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (im->where[required[i]] < 0) {
			rc = err_set(err, RV_REFUSED,
			    _("%s: the header row has no column %s; the required columns are title, lead, owner, deadline (or due), result and basis"),
			    p, col_names[required[i]]);
			goto out;
		}
out:
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

/* Checks and records one row; problems are written, not returned. */
static enum rv_code
import_row(struct import *im, const struct csv_record *rec, struct rv_err *err)
{
	char *cell[C__MAX] = { 0 };
	struct duty_new in = { 0 };
	struct duty_record dr = { 0 };
	char ref[DUTY_REF_SIZE], source[256], *sup = NULL, *from = NULL;
	int bad = 0;
	enum rv_code rc = RV_OK;

	for (size_t i = im->ncols; i < rec->n; i++)
		if (rec->fields[i].len > 0) {
			snprintf(source, sizeof(source),
			    _("the row has %zu fields, but the header names only %zu columns"),
			    rec->n, im->ncols);
			problem(im, rec->line, source);
			bad = 1;
			break;
		}
	for (int c = 0; c < C__MAX && !bad; c++) {
		const struct csv_field *f;
		struct rv_err e;
		char what[64];

		if (im->where[c] < 0 || (size_t)im->where[c] >= rec->n)
			continue;
		f = &rec->fields[im->where[c]];
		snprintf(what, sizeof(what), "the %s column", col_names[c]);
		if ((rc = text_in(f->s, f->len, what, CELL_MAX_CHARS, &cell[c], &e)) != RV_OK) {
			if (rc == RV_STORAGE) {
				*err = e;
				goto out;
			}
			problem(im, rec->line, e.msg);
			bad = 1;
			rc = RV_OK;
		} else if (cell[c][0] == '\0') {
			free(cell[c]);
			cell[c] = NULL;
		}
	}
	if (bad)
		goto out;
	in.title = cell[C_TITLE];
	in.lead = cell[C_LEAD];
	in.owner = cell[C_OWNER];
	in.due = cell[C_DEADLINE];
	in.result = cell[C_RESULT];
	in.basis = cell[C_BASIS];
	in.field = cell[C_FIELD];
	in.note = cell[C_NOTE];
	in.uuid = cell[C_UUID];
	in.coefficient = cell[C_COEFFICIENT];
	dr.assigner = cell[C_ASSIGNER];
	dr.ref = cell[C_REF];
	dr.created = cell[C_CREATED];
	dr.original_deadline = cell[C_ORIGINAL];
	dr.status = cell[C_STATUS];
	dr.done_on = cell[C_DONE_ON];
	dr.closed_on = cell[C_CLOSED_ON];
	dr.last_progress_on = cell[C_LAST_PROGRESS];
	dr.handoffs = cell[C_HANDOFFS];
	dr.bounced = cell[C_BOUNCED];
	dr.escalated = cell[C_ESCALATED];
	dr.delivered = cell[C_DELIVERED];
	/* Where the row came from, whole: the path may be long. */
	if ((from = malloc(strlen(im->path) + 48)) == NULL) {
		rc = err_set(err, RV_STORAGE, _("out of memory"));
		goto out;
	}
	snprintf(from, strlen(im->path) + 48, "imported from %s line %ld", im->path, rec->line);
	dr.source = from;
	if (cell[C_SUPPORT] != NULL) {
		struct rv_err e;

		if ((sup = strdup(cell[C_SUPPORT])) == NULL) {
			rc = err_set(err, RV_STORAGE, _("out of memory"));
			goto out;
		}
		if (split_support(sup, &in, &e) != RV_OK) {
			problem(im, rec->line, e.msg);
			bad = 1;
			goto out;
		}
	}
	{
		struct rv_err e;

		rc = duty_import(im->s, &in, &dr, ref, &e);
		if (rc == RV_REFUSED) {
			problem(im, rec->line, e.msg);
			bad = 1;
			rc = RV_OK;
		} else if (rc != RV_OK) {
			*err = e;
		}
	}
out:
	if (bad)
		im->bad++;
	else if (rc == RV_OK)
		im->imported++;
	free(sup);
	free(from);
	for (int c = 0; c < C__MAX; c++)
		free(cell[c]);
	return rc;
}

/* The whole file, as one transaction; any bad row undoes it all. */
static enum rv_code
import_all(struct store *st, void *arg, struct rv_err *err)
{
	struct import *im = arg;
	struct csv_reader *r;
	struct csv_record rec;
	enum rv_code rc = RV_OK;
	int got;

	(void)st;
	/* A retried transaction starts its report again. */
	if (im->problems != NULL)
		fclose(im->problems);
	free(im->text);
	im->text = NULL;
	im->imported = im->bad = 0;
	if ((im->problems = open_memstream(&im->text, &im->size)) == NULL ||
	    (r = csv_open(im->buf, im->len)) == NULL)
		return err_set(err, RV_STORAGE, _("out of memory"));
	if ((rc = read_header(im, r, err)) != RV_OK)
		goto out;
	while (rc == RV_OK && (got = csv_next(r, &rec)) != 0) {
		int blank = 1;

		if (got < 0) {
			problem(im, csv_error_line(r), _(csv_error(r)));
			im->bad++;
			continue;
		}
		for (size_t i = 0; i < rec.n && blank; i++)
			for (size_t j = 0; j < rec.fields[i].len && blank; j++)
				blank = rec.fields[i].s[j] == ' ' || rec.fields[i].s[j] == '\t';
		if (!blank)
			rc = import_row(im, &rec, err);
	}
	if (rc == RV_OK && im->bad > 0) {
		char *safe = text_fit(im->path, 60, 0);

		rc = err_set(err, RV_REFUSED,
		    _("%ld row%s of %s %s wrong (listed above); nothing was imported; correct %s and import the whole file again"),
		    im->bad, im->bad == 1 ? "" : "s", safe ? safe : "",
		    im->bad == 1 ? "is" : "are", im->bad == 1 ? "it" : "them");
		free(safe);
	}
out:
	csv_close(r);
	fflush(im->problems);
	return rc;
}

enum rv_code
exchange_import(struct session *s, const char *path, long *imported,
    char **problems, struct rv_err *err)
{
	struct import im = { .s = s, .path = path };
	char *buf = NULL;
	enum rv_code rc;

	*imported = 0;
	*problems = NULL;
	if (s->me.role != ROLE_ADMIN)
		return err_set(err, RV_REFUSED,
		    _("only an administrator imports duties; ask one to run roviec import"));
	if ((rc = read_file(path, &buf, &im.len, err)) != RV_OK)
		return rc;
	im.buf = buf;
	rc = store_write(s->st, import_all, &im, err);
	if (im.problems != NULL)
		fclose(im.problems);
	if (rc == RV_OK)
		*imported = im.imported;
	if (im.text != NULL && im.text[0] != '\0' && rc != RV_OK)
		*problems = im.text;
	else
		free(im.text);
	free(buf);
	return rc;
}

/* --- export ------------------------------------------------------------ */

struct export {
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
	for (int i = 0; i < STORE_EXPORT_COLUMNS; i++) {
		out_csv_field(ex->out, row->cell[i]);
		fputs(i + 1 < STORE_EXPORT_COLUMNS ? "," : "\r\n", ex->out);
	}
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
		for (int i = 0; i < STORE_EXPORT_COLUMNS; i++) {
			out_csv_field(ex->out, col_names[i]);
			fputs(i + 1 < STORE_EXPORT_COLUMNS ? "," : "\r\n", ex->out);
		}
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
