/*
 * bench/gen: a realistic database for make bench.  The Đà Lạt demo, then the
 * city filled out to about 30 departments, 70 party organisations and 5,000
 * officials, then N duties with their histories, made through the real
 * duty_* functions (so every rule, flag, counter and the history's hash
 * chain are as roviec makes them), with the clock moved to each step's
 * moment over the last two years, or over the last DAYS days (a city's
 * history at a fixed rate: make bench's history rows).
 *
 * Rates per duty, taken from the city report's picture: progress notes 0-3;
 * a transfer 10% (70% accepted, 20% rejected, the rest still pending when
 * recent; 30% of the accepted ones sent back: bounced), an escalation 3%, a
 * return 2%; an extension 8% (70% approved); a supporting unit 20% (half of
 * them deliver); 85% of the duties whose work is over are done (97% of
 * those older than four months), a quarter of them late, 90% of those
 * confirmed; 1% cancelled.
 *
 * usage: gen DB N [SEED [DAYS]]      (DB must not exist)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "roviec/demo.h"
#include "roviec/duty.h"
#include "roviec/flags.h"
#include "roviec/org.h"
#include "roviec/session.h"
#include "roviec/store.h"

#define MAX_UNITS 160
#define MAX_PEOPLE 6000
#define PEOPLE_TARGET 5000
#define BATCH 2000

struct g_unit {
	struct unit u;
	int parent;		/* index, -1: none */
	int head;		/* person index */
	int members[80];
	int nmembers;
	int weight;		/* how often it leads a duty */
};

static struct g_unit units[MAX_UNITS];
static int nunits;
static struct person people[MAX_PEOPLE];
static int npeople;
static int person_of_id[MAX_PEOPLE + 512];
static unsigned long long rng = 88172645463325252ULL;
static long long refused, actions;
static int span = 730;		/* the days the duties are made over */

static unsigned
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 11);
}

static int
pick(int lo, int hi)
{
	return lo + (int)(rnd() % (unsigned)(hi - lo + 1));
}

static int
chance(int percent)
{
	return (int)(rnd() % 100) < percent;
}

static const char *const family[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
	"Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"
};
static const char *const middle[] = {
	"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Đức", "Thu", "Kim"
};
static const char *const given[] = {
	"An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng",
	"Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc",
	"Quang", "Sơn", "Tâm", "Thảo", "Trang", "Trí", "Tuấn", "Vinh", "Yến"
};
static const char *const titles[] = {
	"Xử lý vi phạm trật tự xây dựng tại tổ dân phố",
	"Giải quyết đơn khiếu nại về đất đai của hộ dân",
	"Rà soát quy hoạch chi tiết khu dân cư",
	"Bồi thường, hỗ trợ tái định cư dự án đường vành đai",
	"Kiểm tra việc lấn chiếm vỉa hè, lòng đường",
	"Thẩm định hồ sơ cấp giấy chứng nhận quyền sử dụng đất",
	"Đôn đốc giải ngân vốn đầu tư công",
	"Lập lại trật tự đô thị khu vực chợ",
	"Xác minh nguồn gốc đất của thửa đất",
	"Tổ chức đối thoại với người dân về giải phóng mặt bằng",
};
static const char *const fields[] = {
	"Quy hoạch", "Đầu tư công", "Bồi thường, giải phóng mặt bằng, tái định cư",
	"Quản lý trật tự xây dựng", "Quản lý trật tự đô thị", "Đất đai"
};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void
die(const char *what, const struct rv_err *err)
{
	fprintf(stderr, "gen: %s: %s\n", what, err->msg);
	exit(1);
}

static int
unit_index(const char *code)
{
	for (int i = 0; i < nunits; i++)
		if (strcmp(units[i].u.code, code) == 0)
			return i;
	return -1;
}

/* The units the demo made, then the ones added to fill the city out. */
static int
load_unit(const struct unit_row *row, void *arg)
{
	struct g_unit *g = &units[nunits++];

	(void)arg;
	memset(g, 0, sizeof(*g));
	g->u.id = row->unit->id;
	g->u.code = strdup(row->unit->code);
	g->u.name = strdup(row->unit->name);
	g->u.kind = row->unit->kind;
	g->u.parent_id = row->unit->parent_id;
	g->head = -1;
	return 0;
}

static int
load_person(const struct person_row *row, void *arg)
{
	struct person *p = &people[npeople];

	(void)arg;
	if (npeople == MAX_PEOPLE)
		return 1;
	p->id = row->person->id;
	p->login = strdup(row->person->login);
	p->full_name = strdup(row->person->full_name);
	p->unit_id = row->person->unit_id;
	p->role = row->person->role;
	person_of_id[p->id] = npeople;
	for (int u = 0; u < nunits; u++) {
		if (units[u].u.id != p->unit_id)
			continue;
		if (row->is_head)
			units[u].head = npeople;
		else if (p->role != ROLE_INSPECTOR && units[u].nmembers < N(units[u].members))
			units[u].members[units[u].nmembers++] = npeople;
	}
	npeople++;
	return 0;
}

static void
load(struct session *s)
{
	struct rv_err err;

	nunits = npeople = 0;
	if (store_unit_list(s->st, load_unit, NULL, &err) != RV_OK)
		die("units", &err);
	for (int i = 0; i < nunits; i++) {
		units[i].parent = -1;
		for (int j = 0; j < nunits; j++)
			if (units[i].u.parent_id == units[j].u.id)
				units[i].parent = j;
	}
	if (store_person_list(s->st, 0, load_person, NULL, &err) != RV_OK)
		die("people", &err);
}

static void
add_unit(struct session *s, const char *code, const char *name, const char *kind,
    const char *parent)
{
	struct rv_err err;

	if (org_unit_add(s, code, name, parent, kind, NULL, &err) != RV_OK)
		die(code, &err);
}

static void
add_person(struct session *s, const char *unit, const char *role, int *serial)
{
	char login[32], name[128];
	struct rv_err err;

	snprintf(login, sizeof(login), "cb%05d", (*serial)++);
	snprintf(name, sizeof(name), "%s %s %s", family[rnd() % N(family)],
	    middle[rnd() % N(middle)], given[rnd() % N(given)]);
	if (org_person_add(s, login, name, unit, role, NULL, &err) != RV_OK)
		die(login, &err);
}

static void
fill_city(struct session *s)
{
	static const char *const depts[] = {
		"Phòng Quản lý đất đai", "Phòng Xây dựng", "Phòng Giao thông",
		"Ban Quản lý chợ", "Ban Quản lý công viên", "Trung tâm Hành chính công",
		"Phòng Dân tộc", "Phòng Nông nghiệp", "Ban Bồi thường giải phóng mặt bằng",
		"Trung tâm Y tế", "Phòng Thống kê", "Ban Quản lý rừng",
		"Trung tâm Văn hóa", "Đội Quản lý trật tự giao thông", "Phòng Công thương"
	};
	char code[17], name[160];
	int serial = 1, locals[32], nlocals = 0;

	load(s);
	for (int i = 0; i < N(depts); i++) {
		snprintf(code, sizeof(code), "PB%02d", i + 1);
		add_unit(s, code, depts[i], "department", "DL");
	}
	for (int i = 0; i < nunits; i++)
		if (units[i].u.kind == KIND_WARD || units[i].u.kind == KIND_COMMUNE)
			locals[nlocals++] = i;
	/* A party committee in each ward and commune, and cells under them. */
	for (int i = 0; i < nlocals; i++) {
		snprintf(code, sizeof(code), "DU%s", units[locals[i]].u.code);
		snprintf(name, sizeof(name), "Đảng ủy %s", units[locals[i]].u.name);
		add_unit(s, code, name, "party", "TU");
	}
	for (int k = 0; k < 49; k++) {
		int w = locals[k % nlocals];
		char parent[17];

		snprintf(parent, sizeof(parent), "DU%s", units[w].u.code);
		snprintf(code, sizeof(code), "CB%02d", k + 1);
		snprintf(name, sizeof(name), "Chi bộ Tổ dân phố %d, %s", k / nlocals + 1,
		    units[w].u.name);
		add_unit(s, code, name, "party", parent);
	}
	load(s);
	/* A head for each unit that has none, then officials up to 5,000,
	 * most in the wards, communes and departments. */
	for (int i = 0; i < nunits; i++)
		if (units[i].head < 0)
			add_person(s, units[i].u.code, "head", &serial);
	load(s);
	while (npeople < PEOPLE_TARGET) {
		int u = pick(0, nunits - 1);

		if (units[u].u.kind == KIND_PARTY && chance(50))
			continue;
		add_person(s, units[u].u.code, "officer", &serial);
		npeople++;
	}
	load(s);
	for (int i = 0; i < nunits; i++)
		units[i].weight = units[i].u.kind == KIND_WARD || units[i].u.kind == KIND_COMMUNE ? 6 :
		    units[i].u.kind == KIND_DEPARTMENT ? 4 : 1;
}

/* --- one duty's life ---------------------------------------------------- */

static time_t today_noon;

static void
at_day(struct session *s, int day, int minute)
{
	session_hold_clock(s, today_noon - (time_t)day * 86400 - 4 * 3600 + minute * 60);
}

static void
act_as(struct session *s, int p)
{
	s->me = people[p];
}

static int
member(int u)
{
	if (units[u].nmembers == 0)
		return units[u].head;
	return units[u].members[rnd() % (unsigned)units[u].nmembers];
}

static int
weighted_unit(void)
{
	static int total;
	int r;

	if (total == 0)
		for (int i = 0; i < nunits; i++)
			total += units[i].weight;
	r = pick(0, total - 1);
	for (int i = 0; i < nunits; i++)
		if ((r -= units[i].weight) < 0)
			return i;
	return 0;
}

/* Another unit of the same kind under the same parent, or any. */
static int
sibling(int u)
{
	for (int tries = 0; tries < 20; tries++) {
		int v = pick(0, nunits - 1);

		if (v != u && units[v].u.kind == units[u].u.kind && units[v].parent == units[u].parent)
			return v;
	}
	return u == 0 ? 1 : 0;
}

static int
check(enum rv_code rc, const struct rv_err *err)
{
	actions++;
	if (rc == RV_STORAGE)
		die("storage", err);
	if (rc != RV_OK)
		refused++;
	return rc == RV_OK;
}

/* The current holder of the duty: its owner's and lead unit's indexes. */
static void
holder(struct session *s, const char *ref, int *owner, int *unit)
{
	struct duty d = { 0 };
	struct rv_err err;

	if (store_duty_by_ref(s->st, ref, &d, &err) != RV_OK)
		die(ref, &err);
	*owner = person_of_id[d.owner_id];
	*unit = unit_index(units[0].u.code);
	for (int i = 0; i < nunits; i++)
		if (units[i].u.id == d.lead_unit_id)
			*unit = i;
	model_duty_free(&d);
}

static void
one_duty(struct session *s, long long i)
{
	int lead = weighted_unit(), owner = member(lead);
	int assigner_unit = units[lead].parent >= 0 ? units[lead].parent : lead;
	int assigner = units[assigner_unit].head;
	int c = pick(1, span), len = pick(10, 60), end, done;
	int sup = -1, o, u, day;
	struct duty_new in = { 0 };
	char ref[DUTY_REF_SIZE], due[11], title[200], date[11];
	struct rv_err err;

	snprintf(title, sizeof(title), "%s (%lld)", titles[rnd() % N(titles)], i);
	at_day(s, c, pick(0, 480));
	dates_iso(session_today(s) + len, due);
	in.title = title;
	in.lead = units[lead].u.code;
	in.owner = people[owner].login;
	in.due = due;
	in.result = "Báo cáo kết quả thực hiện";
	in.basis = "Kế hoạch số 125/KH-UBND";
	in.field = fields[rnd() % N(fields)];
	if (chance(20) && (sup = sibling(lead)) != lead) {
		in.support[0].unit = units[sup].u.code;
		in.support[0].part = "Cung cấp hồ sơ, ý kiến chuyên môn";
		in.nsupport = 1;
	} else
		sup = -1;
	act_as(s, assigner);
	if (!check(duty_create(s, &in, ref, &err), &err))
		return;
	/* Three quarters of the done ones are done within the deadline; old
	 * duties are nearly all done.  Nothing else happens after that day. */
	end = chance(75) ? c - pick(2, len) : c - len - pick(1, 20);
	done = end > 0 && chance(c > 120 ? 97 : 85);
	if (!done)
		end = 0;
	for (int k = pick(0, 3); k > 0; k--) {
		day = c - pick(1, len);
		if (day <= end)
			continue;
		at_day(s, day, pick(0, 480));
		holder(s, ref, &o, &u);
		act_as(s, o);
		check(duty_progress(s, ref, "Đang triển khai, đã làm việc với các hộ", &err), &err);
	}
	if (sup >= 0 && chance(50) && (day = c - pick(1, 30)) > end) {
		at_day(s, day, 500);
		act_as(s, member(sup));
		check(duty_deliver(s, ref, "Đã gửi hồ sơ cho đơn vị chủ trì", &err), &err);
	}
	{
		int r = pick(0, 99), hday = c - pick(1, 5);

		if (r < 15 && (hday > end + 4 || (!done && hday > 0))) {
			holder(s, ref, &o, &u);
			at_day(s, hday, 540);
			act_as(s, o);
			if (r < 10) {
				int to = sibling(u);

				if (check(duty_transfer(s, ref, units[to].u.code, "Thuộc thẩm quyền đơn vị khác", &err), &err) &&
				    hday > 2) {
					at_day(s, hday - 1, 600);
					act_as(s, units[to].head);
					if (chance(78)) {
						if (check(duty_accept(s, ref, people[member(to)].login, &err), &err) &&
						    chance(30) && hday > 4) {
							holder(s, ref, &o, &u);
							at_day(s, hday - 3, 600);
							act_as(s, o);
							if (check(duty_transfer(s, ref, units[lead].u.code, "Trả về đơn vị cũ", &err), &err)) {
								at_day(s, hday - 4, 600);
								act_as(s, units[lead].head);
								check(duty_accept(s, ref, people[member(lead)].login, &err), &err);
							}
						}
					} else
						check(duty_reject(s, ref, "Không thuộc chức năng của đơn vị", &err), &err);
				}
			} else if (r < 13 && units[u].parent >= 0) {
				int up = units[u].parent;

				if (check(duty_escalate(s, ref, "Vượt thẩm quyền", &err), &err) && hday > 2) {
					at_day(s, hday - 1, 600);
					act_as(s, units[up].head);
					if (chance(50))
						check(duty_accept(s, ref, people[member(up)].login, &err), &err);
					else
						check(duty_reject(s, ref, "Đơn vị tự giải quyết", &err), &err);
				}
			} else if (r >= 13) {
				if (check(duty_return(s, ref, "Giao chưa đúng đơn vị", &err), &err) && hday > 2) {
					at_day(s, hday - 1, 600);
					act_as(s, assigner);
					if (chance(50))
						check(duty_accept(s, ref, NULL, &err), &err);
					else
						check(duty_reject(s, ref, "Đề nghị đơn vị tiếp tục thực hiện", &err), &err);
				}
			}
		}
	}
	if (chance(8) && (day = c - len + 2) > end + 1 && day < c) {
		holder(s, ref, &o, &u);
		at_day(s, day, 420);
		act_as(s, o);
		dates_iso(session_today(s) + 2 + pick(5, 20), date);
		if (check(duty_extend(s, ref, date, "Chờ ý kiến của cơ quan chuyên môn", &err), &err) &&
		    day > 1) {
			at_day(s, day - 1, 420);
			act_as(s, assigner);
			if (chance(70))
				check(duty_approve(s, ref, &err), &err);
			else
				check(duty_refuse(s, ref, "Cần hoàn thành đúng hạn", &err), &err);
		}
	}
	if (chance(1) && c > 3 && c - 2 > end) {
		at_day(s, c - 2, 660);
		act_as(s, assigner);
		check(duty_cancel(s, ref, "Nhiệm vụ không còn cần thiết", &err), &err);
		return;
	}
	if (done) {
		holder(s, ref, &o, &u);
		at_day(s, end, 700);
		act_as(s, o);
		if (check(duty_done(s, ref, "Đã hoàn thành, gửi kèm báo cáo", &err), &err) &&
		    chance(90) && end > 1) {
			at_day(s, end - pick(1, end > 3 ? 3 : 1), 720);
			act_as(s, assigner);
			check(duty_confirm(s, ref, &err), &err);
		}
	}
}

int
main(int argc, char **argv)
{
	struct session s = { 0 };
	struct person admin;
	struct rv_err err;
	long long n;
	struct tm tm;
	time_t now = time(NULL);

	if (argc < 3 || (n = atoll(argv[2])) < 0) {
		fprintf(stderr, "usage: gen DB N [SEED [DAYS]]\n");
		return 2;
	}
	if (argc > 3)
		rng ^= strtoull(argv[3], NULL, 10) * 2654435761ULL;
	if (argc > 4 && (span = atoi(argv[4])) < 1) {
		fprintf(stderr, "usage: gen DB N [SEED [DAYS]]: DAYS is 1 or more\n");
		return 2;
	}
	localtime_r(&now, &tm);
	tm.tm_hour = 12;
	tm.tm_min = tm.tm_sec = 0;
	today_noon = mktime(&tm);
	if (store_open(argv[1], STORE_CREATE, &s.st, &err) != RV_OK)
		die(argv[1], &err);
	flags_default_rules(&s.rules);
	session_hold_clock(&s, now);
	if (org_bootstrap(&s, &err) != RV_OK || demo_build(&s, &err) != RV_OK)
		die("the demo", &err);
	admin = s.me;
	if (store_begin(s.st, &err) != RV_OK)
		die("begin", &err);
	fill_city(&s);
	for (long long i = 0; i < n; i++) {
		one_duty(&s, i);
		if ((i + 1) % BATCH == 0) {
			s.me = admin;
			if (store_commit(s.st, &err) != RV_OK || store_begin(s.st, &err) != RV_OK)
				die("commit", &err);
		}
	}
	s.me = admin;
	session_hold_clock(&s, now);
	if (store_commit(s.st, &err) != RV_OK)
		die("commit", &err);
	fprintf(stderr, "gen: %d units, %d people, %lld duties, %lld actions (%lld refused)\n",
	    nunits, npeople, n, actions, refused);
	store_close(s.st);
	return 0;
}
