#!/bin/sh
# Issue #11: recurring duties.  A monthly series started on 2026-01-20 and
# run through the year under faketime, with roviec tick several times a
# day, makes 12 duties, one per month, none twice; a confirmation makes
# the next month's at once; the database itself holds one per period;
# stopping is the assigner's and is recorded.
. "$(dirname "$0")/lib.sh"

fixture_city
ok $? "a small city is set up"

# at MOMENT ARGS...: roviec at that local moment, acting as chutich unless
# --as is given first; sets $out, $err, $rc.
at() {
	_when=$1
	shift
	# The moment is Đà Lạt's (roviec's zone is the server's, not TZ).
	timeout 60 env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED TZ=Asia/Ho_Chi_Minh faketime "$_when" \
	    "$ROVIEC" --db "$DB" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}
sq() { sqlite3 "$DB" "$1"; }

at "2026-01-20 09:00:00" --as chutich add "Báo cáo tình hình trật tự đô thị tháng" \
    --lead P1 --owner off1 --result "Báo cáo gửi UBND thành phố" \
    --basis "Quy chế làm việc số 01-QC/UBND" --support P2:"Số liệu xây dựng" --every month
is "$rc" 0 "a monthly series is started on 2026-01-20 without --due"
first=$out
is "$first" "P1-0001" "its first duty is P1-0001"
is "$(sq "SELECT deadline || ' ' || period FROM duties WHERE ref = '$first'")" \
    "2026-01-31 2026-01" "its deadline is the month's last day, in period 2026-01"
is "$(sq "SELECT every || ' ' || ifnull(day, 'last') FROM series")" "month last" "the series holds its rule"
like "$(sq "SELECT group_concat(action, ',') FROM history WHERE duty_id = (SELECT id FROM duties WHERE ref = '$first')")" \
    "^created,series-started$" "the history records the duty and the series it starts"

# A year of ticks: three times on the first of each month, twice on the
# 15th, once on the month's last day.
for m in 02 03 04 05 06 07 08 09 10 11 12; do
	for when in "2026-$m-01 00:05:00" "2026-$m-01 08:00:00" "2026-$m-01 23:55:00" \
	    "2026-$m-15 08:00:00" "2026-$m-15 16:30:00" \
	    "$(date -d "2026-$m-01 +1 month -1 day" +%F) 17:00:00"; do
		at "$when" --as chutich tick
		[ "$rc" -eq 0 ] || diag "tick at $when: exit $rc: $err"
	done
	# In March the owner submits early and the assigner confirms: April's
	# duty is made at once, and the ticks of April make nothing more.
	if [ "$m" = 03 ]; then
		mar=$(sq "SELECT ref FROM duties WHERE period = '2026-03'")
		at "2026-03-16 09:00:00" --as off1 done "$mar" --note "Đã gửi báo cáo"
		at "2026-03-16 10:00:00" --as chutich confirm "$mar"
		is "$rc" 0 "March's duty is confirmed"
		is "$(sq "SELECT count(*) FROM duties WHERE period = '2026-04'")" 1 \
		    "confirming March's duty made April's at once"
		is "$(sq "SELECT substr(created_at, 1, 10) FROM duties WHERE period = '2026-04'")" \
		    2026-03-16 "April's duty was made on the day of the confirmation"
	fi
done
at "2026-12-31 23:00:00" --as chutich tick
at "2026-12-31 23:30:00" --as off1 tick
is "$rc" 0 "anyone may run tick (cron runs it as one login)"

is "$(sq "SELECT count(*) FROM duties WHERE series_id = 1")" 12 "the year made 12 duties"
is "$(sq "SELECT count(DISTINCT period) FROM duties WHERE series_id = 1")" 12 "one per month"
is "$(sq "SELECT group_concat(period, ' ') FROM (SELECT period FROM duties WHERE series_id = 1 ORDER BY period)")" \
    "2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11 2026-12" \
    "every month of 2026, none twice"
is "$(sq "SELECT group_concat(deadline, ' ') FROM (SELECT deadline FROM duties WHERE series_id = 1 ORDER BY period)")" \
    "2026-01-31 2026-02-28 2026-03-31 2026-04-30 2026-05-31 2026-06-30 2026-07-31 2026-08-31 2026-09-30 2026-10-31 2026-11-30 2026-12-31" \
    "each deadline is its month's last day"
is "$(sq "SELECT count(*) FROM duties WHERE series_id = 1 AND strftime('%Y-%m', created_at, '+7 hours') <> period AND period <> '2026-04'")" 0 \
    "each was made in its own month (April's on March's confirmation)"
is "$(sq "SELECT count(DISTINCT title || result || basis || lead_unit_id || owner_id || assigner_id) FROM duties WHERE series_id = 1")" 1 \
    "each has the same clears: title, result, basis, lead unit, owner, assigner"
is "$(sq "SELECT count(*) FROM duty_support s JOIN duties d ON d.id = s.duty_id WHERE d.series_id = 1 AND s.unit_id = 3 AND s.part = 'Số liệu xây dựng' AND s.delivered_on IS NULL")" 12 \
    "each has the same supporting unit and part, not yet delivered"
is "$(sq "SELECT count(*) FROM history h JOIN duties d ON d.id = h.duty_id WHERE d.series_id = 1 AND h.action = 'created' AND h.detail GLOB 'deadline ????-??-??; series 1 period ????-??'")" 12 \
    "each creation names its series and period in the history"

# The database holds one duty per series and period, whoever writes.
cp "$DB" "$T/before.db"
if sq "UPDATE duties SET period = '2026-05' WHERE period = '2026-06'" 2>/dev/null; then ok 1 "a second duty for one period is refused by the database"; else ok 0 "a second duty for one period is refused by the database"; fi
if sq "INSERT INTO duties (uuid, ref, title, search_key, result, basis, assigner_id, lead_unit_id, owner_id, created_at, original_deadline, deadline, last_progress_on, series_id, period)
    SELECT '00000000-0000-4000-8000-000000000000', 'P1-9999', title, search_key, result, basis, assigner_id, lead_unit_id, owner_id, created_at, original_deadline, deadline, last_progress_on, series_id, period FROM duties WHERE period = '2026-07'" 2>/dev/null; then
	ok 1 "a copy of July's duty in the same series is refused by the database"
else
	ok 0 "a copy of July's duty in the same series is refused by the database"
fi
is "$(sqlite3 "$DB" .dump | md5sum)" "$(sqlite3 "$T/before.db" .dump | md5sum)" "and nothing changed"

# Stopping: the assigner's, recorded; after it nothing more is made.
last=$(sq "SELECT ref FROM duties WHERE period = '2026-12'")
sum=$(sqlite3 "$DB" .dump | md5sum)
at "2026-12-31 23:40:00" --as off1 series stop "$last" --reason "Không cần nữa"
is "$rc" 1 "the owner may not stop the series"
like "$err" "only the assigner" "and is told who may"
is "$(sqlite3 "$DB" .dump | md5sum)" "$sum" "and nothing was written"
at "2026-12-31 23:45:00" --as chutich series stop "$last"
is "$rc" 1 "stopping needs a reason"
at "2026-12-31 23:50:00" --as chutich series stop "$last" --reason "Chuyển sang báo cáo quý"
is "$rc" 0 "the assigner stops the series"
is "$(sq "SELECT action || '|' || text || '|' || detail FROM history ORDER BY id DESC LIMIT 1")" \
    "series-stopped|Chuyển sang báo cáo quý|series 1" "the history records the stop, with the reason"
# Its moment: faketime starts the clock at 23:50 and lets it run, so a slow
# start (under ASan, CI once took more than a second) records a later second.
stopped=$(sq "SELECT at FROM history WHERE action = 'series-stopped'")
like "$stopped" '^2026-12-31T16:50:[0-5][0-9]Z$' "the stop's moment is the minute it was made (23:50 in Đà Lạt)"
at "2026-12-31 23:55:00" --as chutich series stop "$last" --reason "Lần nữa"
is "$rc" 1 "a stopped series is not stopped twice"
for when in "2027-01-01 08:00:00" "2027-02-01 08:00:00"; do
	at "$when" --as chutich tick
done
is "$(sq "SELECT count(*) FROM duties WHERE series_id = 1")" 12 "a stopped series makes no more duties"
at "2026-12-31 23:58:00" --as chutich show "$last"
like "$out" "series-stopped by chutich.*Chuyển sang báo cáo quý" "show shows the stop"
like "$(at "2026-12-31 23:58:00" --as chutich show "$first"; echo "$out")" \
    "series 1, every month, due on the month's last day" "show shows the series' rule"

# Quarterly, with a day: due on the 20th of the quarter's last month; of
# coefficient 1,5, which each next duty keeps.
at "2026-04-02 09:00:00" --as chutich add "Báo cáo quý về đầu tư công" --lead P2 --owner off2 \
    --result "Báo cáo quý" --basis "Quyết định 12/QĐ-UBND" --every quarter --day 20 --coefficient 1,5
q=$out
is "$(sq "SELECT deadline || ' ' || period FROM duties WHERE ref = '$q'")" "2026-06-20 2026-Q2" \
    "a quarterly series on day 20: June 20th, quarter 2"
at "2026-07-01 07:00:00" --as chutich tick
like "$out" "made for 2026-Q3 \(series 2\)" "tick says what it made"
at "2026-07-01 07:01:00" --as chutich tick
is "$out" "" "and says nothing when there is nothing to make"
is "$(sq "SELECT deadline FROM duties WHERE series_id = 2 AND period = '2026-Q3'")" 2026-09-20 \
    "the next is due September 20th"
is "$(sq "SELECT count(*) FROM duties WHERE series_id = 2")" 2 "two quarters, two duties"
is "$(sq "SELECT d.coefficient_x100 || ' ' || h.detail FROM duties d JOIN history h ON h.duty_id = d.id AND h.action = 'created' WHERE d.series_id = 2 AND d.period = '2026-Q3'")" \
    "150 deadline 2026-09-20; coefficient 1.5; series 2 period 2026-Q3" \
    "the next keeps the coefficient 1,5, and its creation says so"

# A yearly series on day 31 of a month.  --day without --every, a day out
# of range, an unknown period: refused, nothing written.
sum=$(sqlite3 "$DB" .dump | md5sum)
run --as chutich add "Việc" --lead P1 --owner off1 --due +5 --result R --basis B --day 5
is "$rc" 1 "--day without --every is refused"
like "$err" "--every" "and names --every"
run --as chutich add "Việc" --lead P1 --owner off1 --result R --basis B --every month --day 32
is "$rc" 1 "--day 32 is refused"
run --as chutich add "Việc" --lead P1 --owner off1 --result R --basis B --every week
is "$rc" 1 "--every week is refused"
like "$err" "month, quarter or year" "and says which periods there are"
run --as chutich add "Việc" --lead P1 --owner off1 --result R --basis B
is "$rc" 1 "without --every, --due stays one of the six clears"
like "$err" "deadline" "and is named"
is "$(sqlite3 "$DB" .dump | md5sum)" "$sum" "nothing was written by the refusals"
run --as chutich add "Tổng kết năm" --lead P3 --owner off3 --result R --basis B --every year --day 31
is "$(sq "SELECT deadline || ' ' || period FROM duties WHERE ref = '$out'")" "$(date +%Y)-12-31 $(date +%Y)" \
    "a yearly series: December 31st of this year"

# The owner leaves: the next duty goes to the lead unit's head.
for r in $(sq "SELECT ref FROM duties WHERE owner_id = (SELECT id FROM people WHERE login = 'off2') AND status = 'open'"); do
	run --as head2 assign "$r" head2
done
run person set off2 --unit P3
is "$rc" 0 "off2 moves to P3"
at "2026-10-01 07:00:00" --as chutich tick
is "$(sq "SELECT p.login FROM duties d JOIN people p ON p.id = d.owner_id WHERE d.series_id = 2 AND d.period = '2026-Q4'")" \
    head2 "the series' next duty goes to the head of P2, its owner having left"

run verify
is "$rc" 0 "roviec verify passes"
like "$out" "intact" "the history is intact"

# verify replays the series too: each row of series against the entries
# that started and stopped it, each duty's series and period against its
# creation.  Tampered on copies, with the triggers dropped.
GOOD=$DB
tamper() {
	DB="$T/tampered-$1.db"
	sqlite3 "$GOOD" ".backup '$DB'"
	cp "$GOOD.key" "$DB.key"
	sqlite3 "$DB" "DROP TRIGGER series_rule_fixed; DROP TRIGGER series_stop_once;
	    DROP TRIGGER duties_series_fixed; $2" ||
	    echo "# the tampering itself failed: $2"
	run verify
}
tamper owner "UPDATE series SET owner_id = (SELECT id FROM people WHERE login = 'off1b') WHERE id = 1"
is "$rc" 1 "a series handed to another owner behind roviec's back fails verify"
like "$err" "series 1 holds owner 'off1b' where its history says 'off1'" "naming the series and both owners"
tamper rule "UPDATE series SET every = 'year', day = 5 WHERE id = 2"
like "$err" "series 2 holds rule 'year, day 5' where its history says 'quarter, day 20'" "a rule changed is named"
tamper restart "UPDATE series SET stopped_at = NULL, stopped_by = NULL WHERE id = 1"
is "$rc" 1 "a stopped series started again behind roviec's back fails verify"
like "$err" "series 1 holds moment stopped '' where its history says '$stopped'" "naming the stop the history holds"
tamper period "UPDATE duties SET period = '2025-01' WHERE ref = '$first'"
like "$err" "duty $first holds period '2025-01' where its history says '2026-01'" "a duty moved to another period is named"
tamper made "INSERT INTO series (every, assigner_id, lead_unit_id, owner_id, created_at)
    SELECT 'month', assigner_id, lead_unit_id, owner_id, '2020-01-01T00:00:00Z' FROM series WHERE id = 1"
like "$err" "series 4 is in the database but not in the history" "a series made up is named"
DB=$GOOD

done_testing
