#!/bin/sh
# roviec report: the Government Office's four categories, the on-time rate
# against the original deadline, how the work was handled and how promptly
# supporting units delivered; checked on a month made by hand (faketime)
# and, on the demo, against figures computed here from the raw tables.
. "$(dirname "$0")/lib.sh"

fixture_city
ok $? "a small city is set up"

# at DAY LOGIN ARGS...: roviec acting for LOGIN at 09:00 on DAY.
at() {
	_day=$1 _who=$2
	shift 2
	faketime "$_day 09:00:00" "$ROVIEC" --db "$DB" --as "$_who" "$@" 2>"$T/at.err"
}
duty() {	# duty DAY DUE [ARGS]: chutich assigns to P1/off1 on DAY
	_day=$1 _due=$2
	shift 2
	at "$_day" chutich add "Nhiệm vụ $_day $_due" --lead P1 --owner off1 --due "$_due" \
	    --result "Báo cáo" --basis "Kế hoạch số 12/KH-UBND" "$@"
}

# June 2025, by hand.
A=$(duty 2025-06-02 2025-06-10) && at 2025-06-05 off1 done "$A" --note "Xong" >/dev/null
ok $? "A: done on 5 June, due 10 June: on time"
B=$(duty 2025-06-02 2025-06-10) && at 2025-06-20 off1 done "$B" --note "Xong" >/dev/null
ok $? "B: done on 20 June, due 10 June: late"
C=$(duty 2025-06-02 2025-07-31) && at 2025-06-27 off1 progress "$C" --note "Đang làm" >/dev/null
ok $? "C: open, due 31 July, progress on 27 June: open in time, not stalled"
D=$(duty 2025-06-02 2025-06-15) &&
    at 2025-06-12 off1 extend "$D" 2025-06-25 --reason "Chờ ý kiến Sở" >/dev/null &&
    at 2025-06-13 chutich approve "$D" >/dev/null
ok $? "D: due 15 June, extended by 10 days to 25 June, still open: overdue"
E=$(duty 2025-06-02 2025-06-20) && at 2025-07-05 off1 done "$E" --note "Xong" >/dev/null
ok $? "E: due 20 June, done on 5 July: open and overdue at the end of June"
F=$(duty 2025-07-02 2025-07-20)
ok $? "F: assigned in July: not in June's report"
G=$(duty 2025-05-02 2025-05-20) && at 2025-05-15 off1 done "$G" --note "Xong" >/dev/null
ok $? "G: done in May: not in June's report"
H=$(duty 2025-06-03 2025-06-30) && at 2025-06-04 chutich cancel "$H" --reason "Trùng" >/dev/null
ok $? "H: cancelled in June: not counted"
I=$(duty 2025-06-02 2025-07-31) && at 2025-06-06 off1 escalate "$I" --reason "Vượt thẩm quyền" >/dev/null
ok $? "I: escalated by P1 on 6 June, still pending"
J=$(duty 2025-06-02 2025-06-30 --support P2:"Hồ sơ địa chính") &&
    at 2025-06-08 off2 deliver "$J" --note "Đã gửi hồ sơ" >/dev/null
ok $? "J: P2 delivers its part on 8 June, 6 days after assignment"

expect 0 "the report for June 2025" report --from 2025-06-01 --to 30/06/2025 --format csv
p1=$(printf '%s\n' "$out" | awk -F, '$1 == "P1"')
is "$(printf '%s' "$p1" | cut -d, -f4-9)" "7,1,1,3,2,57.1" \
    "P1: 7 assigned = 1 on time + 1 late + 3 open + 2 overdue; 57.1% on time"
is "$(printf '%s' "$p1" | cut -d, -f10-16)" "0,0,1,4,1,10,0" \
    "P1: 1 escalation, 4 stalled at the end of June, 1 extension adding 10 days, no return"
p2=$(printf '%s\n' "$out" | awk -F, '$1 == "P2"')
is "$(printf '%s' "$p2" | cut -d, -f4,17-21)" "0,1,1,1,0,6.0" \
    "P2 as a supporting unit: 1 part, delivered, in time, none owed, after 6 days"
is "$(printf '%s' "$p1" | cut -d, -f22-24)" "2025-06-01,2025-06-30,2025-06-30" "the period and the day states were taken"
is "$(printf '%s\n' "$out" | head -1 | cut -d, -f1-9)" "unit,name,person_unit,assigned,on_time,late,open_in_time,open_overdue,on_time_rate" \
    "CSV has a header row"
is "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)" P1 "worst first: P1 leads the list"
last=$(printf '%s\n' "$out" | tail -1 | cut -d, -f4,9)
is "$last" "0," "units with nothing assigned come last, with no rate"

expect 0 "by person" report --from 2025-06-01 --to 2025-06-30 --by person --format csv
is "$(printf '%s\n' "$out" | awk -F, '$1 == "off1"' | cut -d, -f3-9,12,14-15)" "P1,7,1,1,3,2,57.1,1,1,10" \
    "off1 owns the 7 duties, proposed the escalation and asked the extension"
unlike "$out" "^insp," "inspectors own no duties and are left out"

expect 0 "the report of one unit" report --unit P1 --from 2025-06-01 --to 2025-06-30 --format csv
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1)" "P1" "holds only P1 (it has no units under it)"
expect 0 "the report of the city and what is under it" report --unit DL --from 2025-06-01 --to 2025-06-30 --format csv
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 5 "holds DL, P1, P2, P3 and TTRA"

# Earlier days: on 10 June, B was still open and in time, E open in time.
expect 0 "the report up to 10 June" report --from 2025-06-01 --to 2025-06-10 --format csv
is "$(printf '%s\n' "$out" | awk -F, '$1 == "P1"' | cut -d, -f4-8)" "7,1,0,6,0" \
    "on 10 June: 1 done on time, 6 open, none overdue yet (B and D were still due)"

# A part delivered after the period's end is neither delivered nor in time.
expect 0 "the report up to 5 June" report --from 2025-06-01 --to 2025-06-05 --format csv
is "$(printf '%s\n' "$out" | awk -F, '$1 == "P2"' | cut -d, -f17-19)" "1,0,0" \
    "on 5 June P2 owed its part of J: delivered 0, in time 0"

# Sending a duty back later does not rewrite a past period: A, done on
# time on 5 June, reopened on 3 July, still counts as done on time in June.
at 2025-07-03 chutich reopen "$A" --reason "Bổ sung số liệu" >/dev/null
ok $? "A is sent back for more work on 3 July"
expect 0 "June's report after that" report --from 2025-06-01 --to 2025-06-30 --format csv
is "$(printf '%s\n' "$out" | awk -F, '$1 == "P1"' | cut -d, -f4-9)" "7,1,1,3,2,57.1" \
    "June's figures are unchanged: A done on time then"
expect 0 "July's report" report --from 2025-07-01 --to 2025-07-31 --format csv
is "$(printf '%s\n' "$out" | awk -F, '$1 == "P1"' | cut -d, -f5,6)" "0,1" \
    "in July only E counts as done (late); A, sent back, is open again"
at 2025-07-10 off1 done "$A" --note "Đã bổ sung" >/dev/null
expect 0 "July's report once A is done again" report --from 2025-07-01 --to 2025-07-31 --format csv
is "$(printf '%s\n' "$out" | awk -F, '$1 == "P1"' | cut -d, -f5,6)" "0,2" \
    "A done again on 10 July, after its deadline: 0 on time, 2 late (A and E) in July"

# JSON: one array of objects, made with SQLite's JSON functions.
expect 0 "JSON" report --from 2025-06-01 --to 2025-06-30 --format json
printf '%s' "$out" > "$T/r.json"
is "$(perl -MJSON::PP -0e 'my $r = decode_json(<STDIN>); my ($p) = grep { $_->{unit} eq "P1" } @$r;
    print join(",", scalar(@$r), $p->{assigned}, $p->{on_time_rate}, $p->{days_added}, $p->{from}, $p->{history_entries})' < "$T/r.json")" \
    "5,7,57.1,10,2025-06-01,$(sqlite3 "$DB" 'SELECT count(*) FROM history')" \
    "JSON parses: 5 units, P1's figures, the period and the history's length"
run verify
head=$(printf '%s\n' "$out" | sed -n 's/^Head: //p')
is "$(perl -MJSON::PP -0e 'print decode_json(<STDIN>)->[0]{history_head}' < "$T/r.json")" "$head" \
    "the report carries the history head it was made at"

# The table: three tables and the head.
expect 0 "the table" report --from 2025-06-01 --to 2025-06-30
like "$out" "Duties by unit, 01/06/2025 to 30/06/2025" "is headed by the period, DD/MM/YYYY"
like "$out" "^P1 +Phường 1 +7 +1 +1 +3 +2 +57\.1%" "P1's duties"
like "$out" "How the work was handled" "then how the work was handled"
like "$out" "^P2 +1 +1 +1 +0 +6\.0" "then P2 as a supporting unit"
like "$out" "history entry [0-9]+, head $head" "and ends with the history head"
width=$(printf '%s\n' "$out" | sed -n '/How the work/,/^Made /p' | grep -v '^Made ' | awk '{ if (length($0) > m) m = length($0) } END { print m }')
ok $([ "$width" -le 80 ] && [ "$width" -gt 0 ]; echo $?) "the handling and support tables fit 80 columns ($width)"

# On an 80-column terminal, in English and in Vietnamese (whose headings are
# long), every line of the three tables fits, headings set on two lines
# where needed, and no heading is cut.
for lang in C.UTF-8 vi_VN.UTF-8; do
	COLUMNS=80 LANG=$lang script -qec "$ROVIEC --db $DB report --from 2025-06-01 --to 2025-06-30" /dev/null \
	    </dev/null | tr -d '\r' >"$T/tty"
	wide=$(sed '1d; /^(roviec verify/d; /^Made\|^Lập lúc/d' "$T/tty" | perl -CSD -nle 'print if length > 80' | wc -l)
	is "$wide" 0 "$lang: on an 80-column terminal every line of the tables fits"
	unlike "$(grep -E '^(unit|đơn vị) ' "$T/tty")" "…" "$lang: and no heading is cut"
done

# Bad values: exit 1 with what is wrong; unknown options exit 2.
expect 1 "a bad --from is refused" report --from 31/02/2025
like "$err" "--from" "naming the option"
expect 1 "a period that ends before it starts is refused" report --from 2025-06-30 --to 2025-06-01
like "$err" "after its end" "saying so"
expect 1 "--by other than unit or person is refused" report --by ward
expect 1 "--format text is refused" report --format text
expect 1 "an unknown unit is refused" report --unit NOPE
expect 2 "an unknown option is a usage error" report --month 6
expect 2 "report takes no argument" report P1
tab=$(printf 'P1\t') 
expect 1 "a unit code with a control character is refused" report --unit "$tab"
expect 0 "an inspector may run the report" --as insp report --format csv

# deliver: only a supporting unit, once, on an open duty.
K=$(new_duty --support P2:"Ý kiến chuyên môn")
expect 1 "the lead unit does not deliver a part" --as off1 deliver "$K" --note "x"
like "$err" "not a supporting unit" "saying why"
expect 1 "a unit that does not support it does not either" --as off3 deliver "$K" --note "x"
expect 1 "a delivery needs its note" --as off2 deliver "$K"
expect 0 "P2 delivers its part" --as off2 deliver "$K" --note "Đã gửi văn bản góp ý"
expect 1 "only once" --as head2 deliver "$K" --note "lại"
like "$err" "delivered on" "saying when it was delivered"
run show "$K"
like "$out" "supporting +P2 Phường 2: Ý kiến chuyên môn \(delivered [0-9-]{10}\)" "show marks the part delivered"
run show "$K" --format json
like "$out" '"delivered_on":"[0-9-]{10}"' "and so does its JSON"
is "$(sqlite3 "$DB" "SELECT action || ' ' || (SELECT code FROM units WHERE id = from_unit_id) || ' ' || text FROM history ORDER BY id DESC LIMIT 1")" \
    "part-delivered P2 Đã gửi văn bản góp ý" "the history records the delivery with its unit and note"
while IFS="$(printf '\t')" read -r name hex _; do
	case "$name" in ''|\#*|name) continue ;; esac
	text=$(printf '%s' "$hex" | perl -ne 'chomp; print pack("H*", $_)')
	L=$(new_duty --support P3:"Phần việc")
	before=$(dump | md5sum)
	"$ROVIEC" --db "$DB" --as off3 deliver "$L" --note "$text" >/dev/null 2>"$T/e"
	rc=$?
	if [ $rc -eq 0 ]; then
		run show "$L"
		unlike "$out" "$(printf '[\001-\010\013-\037\177]')" "deliver note '$name': show prints it without raw control characters"
	else
		is "$rc" 1 "deliver note '$name': refused with exit 1"
		is "$(dump | md5sum)" "$before" "deliver note '$name': nothing written"
	fi
done < "$FIXTURES/text-cases.tsv"

# On the demo: all 16 wards and communes, categories adding up, and one
# unit's figures computed here from the raw tables.
DB="$T/demo.db"
"$ROVIEC" --db "$DB" init --demo >/dev/null
expect 0 "the demo's report by unit" report --by unit --format csv
for u in P1 P2 P3 P4 P5 P6 P7 P8 P9 P10 P11 P12 XTHO XTRUONG TANUNG TRAMHANH; do
	printf '%s\n' "$out" | grep -q "^$u,"
	ok $? "the report lists $u"
done
bad=$(printf '%s\n' "$out" | sed 1d | awk -F, '$4 != $5 + $6 + $7 + $8 { print $1 }')
is "$bad" "" "for every unit the four categories add up to the duties assigned"
month=$(date +%Y-%m-01) today=$(date +%F)
# Last month's first day, and a hundred days ago: the periods below start there.
last_month=$(date -d "$month -1 month" +%F) long_ago=$(date -d '-100 days' +%F)
mine=$(sqlite3 -separator ' ' "$DB" "SELECT date(d.created_at, 'localtime'), ifnull(d.done_on, '-'),
    d.original_deadline, d.status, ifnull(d.closed_on, '-') FROM duties d JOIN units u ON u.id = d.lead_unit_id
    WHERE u.code = 'P1'" | awk -v from="$month" -v to="$today" '
    {   created = $1; done = $2; od = $3; status = $4; closed = $5
        if (created > to) next
        if (done != "-" && done < from) next
        if (status == "cancelled" && closed <= to) next
        n++
        if (done != "-" && done <= to) { if (done <= od) ot++; else lt++ }
        else if (od < to) ov++; else op++
    }
    END { rate = n ? sprintf("%.1f", 100 * (n - lt - ov) / n) : ""; printf "%d,%d,%d,%d,%d,%s", n, ot, lt, op, ov, rate }')
is "$(printf '%s\n' "$out" | awk -F, '$1 == "P1"' | cut -d, -f4-9)" "$mine" \
    "P1's figures match those computed from the raw tables ($mine)"
esc=$(sqlite3 "$DB" "SELECT count(*) FROM handoffs h JOIN units u ON u.id = h.from_unit_id
    WHERE u.code = 'P1' AND h.kind = 'escalate' AND h.created_on BETWEEN '$month' AND '$today'")
is "$(printf '%s\n' "$out" | awk -F, '$1 == "P1"' | cut -d, -f12)" "$esc" "and so do its escalations ($esc)"

# The supporting units' parts are counted from the duty's columns kept
# beside each part (migration 16).  Ten duties supported by three units
# each; a report from today and one from 2020 must both match the parts
# counted here from the raw tables, by each part's duty.
for i in 1 2 3 4 5 6 7 8 9 10; do
	"$ROVIEC" --db "$DB" add "Phối hợp $i" --lead P1 --owner p1.nga --due +20 \
	    --result "Báo cáo" --basis "Kế hoạch 1/KH" --support P2:"Ý kiến" \
	    --support P3:"Số liệu" --support P4:"Hồ sơ" >/dev/null || break
done
ok $? "ten duties with three supporting units each"
for from in "$today" 2020-01-01; do
	expect 0 "the report from $from" report --by unit --from "$from" --format csv
	got=$(printf '%s\n' "$out" | sed 1d | awk -F, '$17 > 0 { print $1 "," $17 "," $18 "," $19 "," $20 }' | sort)
	mine=$(sqlite3 -separator ' ' "$DB" "SELECT u.code, ifnull(s.delivered_on, '-'),
	    d.original_deadline, ifnull(d.done_on, '-'), date(d.created_at, 'localtime'), d.status,
	    ifnull(d.closed_on, '-') FROM duty_support s JOIN duties d ON d.id = s.duty_id
	    JOIN units u ON u.id = s.unit_id" | awk -v from="$from" -v to="$today" '
	    {   unit = $1; dl = $2; od = $3; done = $4; created = $5; status = $6; closed = $7
	        if (created > to || (done != "-" && done < from) || (status == "cancelled" && closed <= to)) next
	        parts[unit]++
	        if (dl != "-" && dl <= to) { dv[unit]++; if (dl <= od) it[unit]++ }
	        else if (!(done != "-" && done <= to) && od < to) owed[unit]++
	    }
	    END { for (u in parts) printf "%s,%d,%d,%d,%d\n", u, parts[u], dv[u], it[u], owed[u] }' | sort)
	is "$got" "$mine" "from $from: every supporting unit's parts match the raw tables"
done

# The duties done in the period, never sent back, are added up from kept
# figures by day (migration 17), the rest read one by one.  Moves between
# the two: a submission sent back, a submitted duty cancelled, a
# submission undone, a submission confirmed.  After them verify finds the
# figures equal to the duties counted again, and every unit's figures match
# the raw tables: from today's month (its days), from last month's first
# day (a whole month, then days), from a hundred days ago (days of a
# partial month, whole months, days: migration 20) and from 2020.
sub=$(sqlite3 -separator ' ' "$DB" "SELECT d.ref, a.login, o.login FROM duties d
    JOIN people a ON a.id = d.assigner_id JOIN people o ON o.id = d.owner_id
    WHERE d.status = 'submitted' ORDER BY d.id LIMIT 3")
set -- $sub
"$ROVIEC" --db "$DB" --as "$2" reopen "$1" --reason "Thiếu số liệu" >/dev/null
ok $? "a submission sent back ($1)"
"$ROVIEC" --db "$DB" --as "$5" cancel "$4" --reason "Không còn cần" >/dev/null
ok $? "a submitted duty cancelled ($4)"
"$ROVIEC" --db "$DB" --as "$8" confirm "$7" >/dev/null
ok $? "a submission confirmed ($7)"
opened=$(sqlite3 -separator ' ' "$DB" "SELECT d.ref, o.login FROM duties d JOIN people o ON o.id = d.owner_id
    WHERE d.status = 'open' AND d.reopened = 0 ORDER BY d.id LIMIT 1")
set -- $opened
"$ROVIEC" --db "$DB" --as "$2" done "$1" --note "Xong" >/dev/null &&
    "$ROVIEC" --db "$DB" --as "$2" undo "$1" >/dev/null
ok $? "a submission undone ($1)"
# Two duties done on last month's first and last days, the edges where a
# report's whole months meet its days.
for edge in "$last_month" "$(date -d "$month -1 day" +%F)"; do
	ref=$(faketime "$edge 09:00:00" "$ROVIEC" --db "$DB" add "Việc ngày $edge" --lead P1 \
	    --owner p1.nga --due +3 --result "Báo cáo" --basis "Kế hoạch 1/KH") &&
	    faketime "$edge 15:00:00" "$ROVIEC" --db "$DB" --as p1.nga done "$ref" --note "Xong" >/dev/null
	ok $? "a duty done on $edge ($ref)"
done
expect 0 "verify finds the figures by day and month equal to the duties counted again" verify
is "$(sqlite3 "$DB" "SELECT count(DISTINCT month) > 1 FROM report_done_months")" 1 \
    "the demo has duties done in more than one month"
# figures_agree BY KEY FROM...: the report by BY (unit or person) from
# each day agrees with the figures counted here from the raw tables, each
# duty under KEY (its lead unit's code, or its owner's login) as the SQL
# FROM... joins it.
figures_agree() {
	_by=$1 _key=$2 _join=$3
	for from in "$month" "$last_month" "$long_ago" 2020-01-01; do
		expect 0 "the report by $_by from $from" report --by "$_by" --from "$from" --format csv
		got=$(printf '%s\n' "$out" | sed 1d | awk -F, '$4 > 0 { print $1 "," $4 "," $5 "," $6 "," $7 "," $8 "," $10 "," $11 }' | sort)
		mine=$(sqlite3 -separator ' ' "$DB" "SELECT $_key, date(d.created_at, 'localtime'),
		    CASE WHEN d.status IN ('submitted', 'done') THEN d.done_on ELSE '-' END,
		    d.original_deadline, d.status, ifnull(d.closed_on, '-'), d.bounced, d.handoffs
		    FROM duties d $_join" | awk -v from="$from" -v to="$today" '
		    {   key = $1; created = $2; done = $3; od = $4; status = $5; closed = $6
		        if (created > to || (done != "-" && done < from) || (status == "cancelled" && closed <= to)) next
		        n[key]++
		        if (done != "-") { if (done <= od) ot[key]++; else lt[key]++ }
		        else if (od < to) ov[key]++; else op[key]++
		        if ($7 > 0) b[key]++
		        if ($8 >= 3) t[key]++
		    }
		    END { for (k in n) printf "%s,%d,%d,%d,%d,%d,%d,%d\n", k, n[k], ot[k], lt[k], op[k], ov[k], b[k], t[k] }' | sort)
		is "$got" "$mine" "from $from: every $_by's duties, by category, bounced and tossed, match the raw tables"
	done
}
figures_agree unit u.code "JOIN units u ON u.id = d.lead_unit_id"
# And by person: each person's whole months added up by owner (migration
# 22), the rest read one by one, each person's open stock counted.
is "$(sqlite3 "$DB" "SELECT count(DISTINCT month) > 1 FROM report_done_owner_months")" 1 \
    "the figures by owner hold more than one month"
figures_agree person o.login "JOIN people o ON o.id = d.owner_id WHERE o.role <> 'inspector'"
# Each person's escalations, extension requests (and the days approved)
# and returns of the period: the city's people's read from the period's
# events, a unit's people's from their own ranges (migration 22); both
# must match the raw tables. On a month's first day this month may have
# none yet; from a hundred days ago there must be some, or the check would
# hold of nothing.
for scope in city P1; do
	for from in "$month" "$last_month" "$long_ago"; do
		if [ "$scope" = city ]; then
			expect 0 "the city's report by person from $from" report --by person --from "$from" --format csv
		else
			expect 0 "$scope's report by person from $from" report --by person --unit "$scope" --from "$from" --format csv
		fi
		got=$(printf '%s\n' "$out" | sed 1d | awk -F, '$12 + $14 + $16 > 0 { print $1 "," $12 "," $14 "," $15 "," $16 }' | sort)
		mine=$(sqlite3 -separator , "$DB" "WITH RECURSIVE
		    sc(id) AS (SELECT id FROM units WHERE code = '$scope' OR '$scope' = 'city'
		      UNION SELECT u.id FROM units u JOIN sc ON u.parent_id = sc.id),
		    ppl AS (SELECT id, login FROM people WHERE unit_id IN (SELECT id FROM sc) AND role <> 'inspector'),
		    e AS (SELECT proposed_by AS pid, sum(kind = 'escalate') AS es, sum(kind = 'return') AS rt
		      FROM handoffs WHERE created_on BETWEEN '$from' AND '$today' GROUP BY proposed_by),
		    x AS (SELECT requested_by AS pid, count(*) AS n, sum(CASE WHEN state = 'approved'
		      THEN julianday(new_deadline) - julianday(old_deadline) ELSE 0 END) AS d
		      FROM extensions WHERE date(created_at, 'localtime') BETWEEN '$from' AND '$today'
		      GROUP BY requested_by)
		    SELECT ppl.login, ifnull(e.es, 0), ifnull(x.n, 0), CAST(ifnull(x.d, 0) AS INTEGER), ifnull(e.rt, 0)
		    FROM ppl LEFT JOIN e ON e.pid = ppl.id LEFT JOIN x ON x.pid = ppl.id
		    WHERE ifnull(e.es, 0) + ifnull(x.n, 0) + ifnull(e.rt, 0) > 0" | sort)
		[ "$from" = "$month" ] ||
			isnt "$mine" "" "$scope from $from: some people escalated, asked for more time or returned work"
		is "$got" "$mine" "$scope from $from: each person's escalations, requests, days added and returns match the raw tables"
	done
done

# The supporting units' parts of duties done are added up from kept
# figures by the day their duty was done, then by month (migration 25);
# the rest are read one by one: the parts of duties open, and those of
# duties done that the figures do not keep (cancelled after they were
# done, or delivered after the day done).  Moves between them: a part
# delivered before its duty was done and one never delivered, on last
# month's first and last days (the edges of its whole month); a part
# delivered after its duty was done (the clock set back); a submitted
# duty's part delivered, then that delivery undone; a submitted duty with
# parts cancelled; one sent back.  After them verify finds the kept
# figures equal to the parts counted again, and every supporting unit's
# parts, deliveries, deliveries in time, parts owed and average days to
# deliver match the raw tables, as of today, as of yesterday (when the
# cancellation had not happened yet) and as of two days ago (when a duty
# done three days ago, by a clock set back, had not been made).
p2=$(sqlite3 "$DB" "SELECT p.login FROM people p JOIN units u ON u.id = p.unit_id
    WHERE u.code = 'P2' AND p.role = 'officer' AND p.left_on IS NULL ORDER BY p.id LIMIT 1")
p3=$(sqlite3 "$DB" "SELECT p.login FROM people p JOIN units u ON u.id = p.unit_id
    WHERE u.code = 'P3' AND p.role = 'officer' AND p.left_on IS NULL ORDER BY p.id LIMIT 1")
yesterday=$(date -d yesterday +%F)
assigner() {	# assigner REF: the login of the duty's assigner
	sqlite3 "$DB" "SELECT p.login FROM duties d JOIN people p ON p.id = d.assigner_id WHERE d.ref = '$1'"
}
# part_duty DAY: a duty made on DAY for p1.nga, supported by P2 and P3.
part_duty() {
	faketime "$1 08:00:00" "$ROVIEC" --db "$DB" add "Phối hợp ngày $1" --lead P1 \
	    --owner p1.nga --due +5 --result "Báo cáo" --basis "Kế hoạch 1/KH" \
	    --support P2:"Ý kiến" --support P3:"Số liệu"
}
for edge in "$last_month" "$(date -d "$month -1 day" +%F)"; do
	ref=$(part_duty "$edge") && at "$edge" "$p2" deliver "$ref" --note "Đã gửi" >/dev/null &&
	    faketime "$edge 15:00:00" "$ROVIEC" --db "$DB" --as p1.nga done "$ref" --note "Xong" >/dev/null
	ok $? "a duty with parts done on $edge, P2's delivered that day, P3's never ($ref)"
done
early=$(date -d "$last_month +9 days" +%F)
ref=$(part_duty "$early") && at "$(date -d "$early +2 days" +%F)" "$p3" deliver "$ref" --note "Đã gửi" >/dev/null &&
    at "$(date -d "$early +1 day" +%F)" p1.nga done "$ref" --note "Xong" >/dev/null
ok $? "a part delivered the day after its duty was done, by a clock set back ($ref)"
is "$(sqlite3 "$DB" "SELECT count(*) FROM duty_support s JOIN duties d ON d.id = s.duty_id
    WHERE d.ref = '$ref' AND s.delivered_on > s.duty_done_on")" 1 "so its part is one the figures do not keep"
three_ago=$(date -d '-3 days' +%F) two_ago=$(date -d '-2 days' +%F)
ref=$(part_duty "$yesterday") && at "$three_ago" "$p2" deliver "$ref" --note "Đã gửi" >/dev/null &&
    at "$three_ago" p1.nga done "$ref" --note "Xong" >/dev/null
ok $? "a duty made yesterday, its part delivered and it done three days ago, by a clock set back ($ref)"
ref=$(part_duty "$long_ago") && at "$long_ago" p1.nga done "$ref" --note "Xong" >/dev/null &&
    at "$early" "$p2" deliver "$ref" --note "Gửi muộn" >/dev/null &&
    at "$early" "$p3" deliver "$ref" --note "Gửi muộn" >/dev/null && at "$early" "$p3" undo "$ref" >/dev/null
ok $? "a submitted duty's parts delivered after it was done, one delivery undone ($ref)"
# Three duties done the same day, so that the parts kept of that day go
# from three to two to one.
made=0
for i in 1 2 3; do
	ref=$(part_duty "$early") && at "$early" "$p2" deliver "$ref" --note "Đã gửi" >/dev/null &&
	    at "$early" p1.nga done "$ref" --note "Xong" >/dev/null && made=$((made + 1))
	eval "same$i=\$ref"
done
is "$made" 3 "three duties with parts done on $early"
"$ROVIEC" --db "$DB" --as "$(assigner "$same1")" cancel "$same1" --reason "Không còn cần" >/dev/null
ok $? "one of them cancelled today, submitted ($same1)"
"$ROVIEC" --db "$DB" --as "$(assigner "$same2")" reopen "$same2" --reason "Thiếu số liệu" >/dev/null
ok $? "one sent back ($same2)"
expect 0 "verify finds the parts kept by day and month equal to the parts counted again" verify
is "$(sqlite3 "$DB" "SELECT count(DISTINCT month) > 1 FROM report_support_months")" 1 \
    "the parts kept hold more than one month"
for to in "$today" "$yesterday" "$two_ago"; do
	for from in "$month" "$last_month" "$long_ago" 2020-01-01; do
		# (from this month's first day to yesterday, on a first of the month:
		# no such period)
		[ "$(printf '%s\n' "$from" "$to" | sort | head -n 1)" = "$from" ] || continue
		expect 0 "the report from $from to $to" report --by unit --from "$from" --to "$to" --format csv
		got=$(printf '%s\n' "$out" | sed 1d | awk -F, '$17 > 0 { print $1 "," $17 "," $18 "," $19 "," $20 "," $21 }' | sort)
		mine=$(TZ='<+07>-7' sqlite3 -separator ' ' "$DB" "SELECT u.code, ifnull(s.delivered_on, '-'),
		    d.original_deadline, ifnull(s.duty_done_on, '-'), date(d.created_at, 'localtime'),
		    ifnull(s.duty_cancelled_on, '-'),
		    ifnull(julianday(s.delivered_on) - julianday(date(d.created_at, 'localtime')), 0)
		    FROM duty_support s JOIN duties d ON d.id = s.duty_id
		    JOIN units u ON u.id = s.unit_id" | awk -v from="$from" -v to="$to" '
		    {   unit = $1; dl = $2; od = $3; done = $4; created = $5; cancelled = $6
		        if (created > to || (done != "-" && done < from) || (cancelled != "-" && cancelled <= to)) next
		        parts[unit]++
		        if (dl != "-" && dl <= to) { dv[unit]++; days[unit] += $7; if (dl <= od) it[unit]++ }
		        else if (!(done != "-" && done <= to) && od < to) owed[unit]++
		    }
		    END { for (u in parts) printf "%s,%d,%d,%d,%d,%s\n", u, parts[u], dv[u], it[u], owed[u],
		        dv[u] ? sprintf("%.1f", days[u] / dv[u]) : "" }' | sort)
		isnt "$mine" "" "from $from to $to: some units supported duties"
		is "$got" "$mine" "from $from to $to: every supporting unit's parts match the raw tables"
	done
done

# By unit, the escalations and returns proposed in the period are added
# up from figures kept by the day made and by month, and the extension
# requests on each unit's duties from figures kept by the UTC day and month
# of the moment asked, the hours of the period's first and last days that
# are not a whole UTC day in it read one by one (migration 26).  A request
# made just after local midnight and one just before it, on last month's
# first day; then from the periods' starts below, every unit's figures
# match the raw tables, by the local day of each request.
# (Times in UTC: Đà Lạt's midnight is 17:00 UTC.)
eve=$(date -d "$last_month -1 day" +%F)
asked=0
for at_utc in "$eve 16:55:00" "$eve 17:05:00"; do
	ref=$(TZ=UTC faketime "$(date -d "$eve -3 days" +%F) 02:00:00" "$ROVIEC" --db "$DB" add "Gia hạn $at_utc" \
	    --lead P1 --owner p1.nga --due +30 --result "Báo cáo" --basis "Kế hoạch 1/KH") &&
	    TZ=UTC faketime "$at_utc" "$ROVIEC" --db "$DB" --as p1.nga extend "$ref" +40 --reason "Chờ số liệu" >/dev/null &&
	    "$ROVIEC" --db "$DB" --as "$(assigner "$ref")" approve "$ref" >/dev/null &&
	    asked=$((asked + 1))
done
is "$asked" 2 "requests made five minutes before and after local midnight at the start of $last_month, approved"
# (sqlite3's localtime in Đà Lạt's zone, the configuration's default.)
is "$(TZ='<+07>-7' sqlite3 "$DB" "SELECT group_concat(date(created_at, 'localtime'), ' ') FROM (SELECT created_at FROM extensions
    WHERE reason = 'Chờ số liệu' ORDER BY created_at DESC LIMIT 2)")" "$last_month $eve" "on the local days either side of it"
expect 0 "verify finds the proposals and requests kept by day and month equal to those counted again" verify
for from in "$month" "$last_month" "$long_ago" 2020-01-01; do
	expect 0 "the report by unit from $from" report --by unit --from "$from" --format csv
	got=$(printf '%s\n' "$out" | sed 1d | awk -F, '$12 + $14 + $16 > 0 { print $1 "," $12 "," $14 "," $15 "," $16 }' | sort)
	mine=$(TZ='<+07>-7' sqlite3 -separator , "$DB" "WITH
	    e AS (SELECT from_unit_id AS uid, sum(kind = 'escalate') AS es, sum(kind = 'return') AS rt
	      FROM handoffs WHERE created_on BETWEEN '$from' AND '$today' GROUP BY from_unit_id),
	    x AS (SELECT d.lead_unit_id AS uid, count(*) AS n, sum(CASE WHEN x.state = 'approved'
	      THEN julianday(x.new_deadline) - julianday(x.old_deadline) ELSE 0 END) AS dd
	      FROM extensions x JOIN duties d ON d.id = x.duty_id
	      WHERE date(x.created_at, 'localtime') BETWEEN '$from' AND '$today' GROUP BY d.lead_unit_id)
	    SELECT u.code, ifnull(e.es, 0), ifnull(x.n, 0), CAST(ifnull(x.dd, 0) AS INTEGER), ifnull(e.rt, 0)
	    FROM units u LEFT JOIN e ON e.uid = u.id LEFT JOIN x ON x.uid = u.id
	    WHERE ifnull(e.es, 0) + ifnull(x.n, 0) + ifnull(e.rt, 0) > 0" | sort)
	[ "$from" = "$month" ] ||
		isnt "$mine" "" "from $from: some units escalated, were asked for more time or returned work"
	is "$got" "$mine" "from $from: each unit's escalations, requests, days added and returns match the raw tables"
done

# Stalled is counted by comparing each open duty's last day of work with
# the last day that leaves it stalled today, worked out once from the
# calendar: per unit it must agree with list --flag stalled (rv_flags, duty
# by duty), by the default rules and with three days' stall and the last
# five days holidays.
stalled_agree() {
	expect 0 "the report by unit ($1)" report --by unit --format csv
	got=$(printf '%s\n' "$out" | sed 1d | awk -F, '$13 > 0 { print $1 "," $13 }' | sort)
	expect 0 "list --flag stalled ($1)" list --flag stalled --all --format csv
	mine=$(printf '%s\n' "$out" | sed 1d | perl -MText::ParseWords -ne \
	    'my @f = parse_line(",", 0, $_); $n{$f[3]}++; END { print "$_,$n{$_}\n" for keys %n }' | sort)
	ok $([ -n "$mine" ]; echo $?) "some duties are stalled ($1)"
	is "$got" "$mine" "every unit's stalled duties in the report are those list flags ($1)"
}
stalled_agree "the default rules"
mkdir -p "$XDG_CONFIG_HOME/roviec"
printf 'stalled_days = 2\nholidays = %s\n' "$(for i in 1 2 3 4 5; do date -d "-$i days" +%F; done | paste -sd, -)" \
    >"$XDG_CONFIG_HOME/roviec/config"
stalled_agree "two days, the last five holidays"
rm -f "$XDG_CONFIG_HOME/roviec/config"

# By person, a unit's report reads its people's duties from
# duties_report_owner (migration 19), not the city's: its rows are the
# city's rows of its people, for this month and since 2020.
for from in "$month" 2020-01-01; do
	expect 0 "the city's report by person from $from" report --by person --from "$from" --format csv
	city=$(printf '%s\n' "$out" | sed 1d | perl -MText::ParseWords -ne \
	    'my @f = parse_line(",", 1, $_); print if $f[2] eq "P1"')
	expect 0 "P1's report by person from $from" report --by person --unit P1 --from "$from" --format csv
	is "$(printf '%s\n' "$out" | sed 1d)" "$city" "from $from: P1's people, as the city's report counts them"
done
ok $([ -n "$city" ]; echo $?) "P1 has people in the report"

# As of today the open stock (never done, never sent back) is counted from
# partial indexes, a range per figure (migration 18), when it is current:
# none of it made after today, none with progress after today.  Progress
# recorded tomorrow and a duty made tomorrow (a clock set back, the zone
# moved) make the report read each duty again; as of today either way, the
# figures must be the same.  The history's head, which the new entries
# move, is left out.
stock=$(sqlite3 "$DB" "SELECT count(*) FROM duties WHERE status = 'open' AND reopened = 0")
ok $([ "$stock" -gt 0 ]; echo $?) "the demo has an open stock ($stock duties)"
expect 0 "the report from 2020, as of today" report --by unit --from 2020-01-01 --format csv
before=$(printf '%s\n' "$out" | sed 's/,[0-9a-f]\{64\}\r\{0,1\}$//')
tomorrow=$(date -d tomorrow +%F)
set -- $(sqlite3 -separator ' ' "$DB" "SELECT d.ref, o.login FROM duties d JOIN people o ON o.id = d.owner_id
    WHERE d.status = 'open' AND d.reopened = 0 ORDER BY d.deadline, d.id LIMIT 1")
at "$tomorrow" "$2" progress "$1" --note "Đã làm việc với hộ dân" >/dev/null
ok $? "progress on $1 recorded tomorrow"
is "$(sqlite3 "$DB" "SELECT max(last_progress_on) > '$today' FROM duties WHERE status = 'open' AND reopened = 0")" 1 \
    "so the stock is not current as of today"
expect 0 "the report from 2020, as of today, each duty read" report --by unit --from 2020-01-01 --format csv
is "$(printf '%s\n' "$out" | sed 's/,[0-9a-f]\{64\}\r\{0,1\}$//')" "$before" \
    "its figures are those counted from the stock"
faketime "$tomorrow 09:00:00" "$ROVIEC" --db "$DB" add "Giao tương lai" --lead P1 \
    --owner p1.nga --due +20 --result "Báo cáo" --basis "Kế hoạch 1/KH" >/dev/null
ok $? "a duty made tomorrow"
expect 0 "the report from 2020, as of today, after it" report --by unit --from 2020-01-01 --format csv
is "$(printf '%s\n' "$out" | sed 's/,[0-9a-f]\{64\}\r\{0,1\}$//')" "$before" \
    "its figures are still those of today"

done_testing
