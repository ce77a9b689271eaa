#!/bin/sh
# The organisation changing under the ledger (issue #12): unit set
# (rename, move, kind), person set over every field (--login too), and
# person leave: each recorded in the history with its facts and replayed by
# verify; one who left keeps their history, no longer acts, owns or heads,
# and the reports still count their past work where it was done
# (must-show 3).
. "$(dirname "$0")/lib.sh"
# Today in the server's zone (every test runs at TEST_NOW: tests/clock.sh).
TODAY=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d)
TODAY_VI=$(TZ=Asia/Ho_Chi_Minh date +%d/%m/%Y)

CASES=$FIXTURES/text-cases.tsv
sq() { sqlite3 "$DB" "$1"; }
bytes() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$CASES" | perl -ne 'chomp; print pack("H*", $_)'; }
raw_controls() {
	perl -e '
	local $/; $_ = <STDIN>; my %bad;
	$bad{sprintf "0x%02X", ord $1} = 1 while /([\x00-\x09\x0b-\x1f\x7f])/g;
	$bad{sprintf "C1 U+%04X", ord $1} = 1 while /\xc2([\x80-\x9f])/g;
	$bad{"bidi"} = 1 if /\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;
	print join " ", sort keys %bad;'
}
last_data() { sq "SELECT data FROM history WHERE action = '$1' ORDER BY id DESC LIMIT 1"; }
# tampered NAME SQL: verify on a copy written behind roviec's back finds it.
tampered() {
	cp "$DB" "$T/t-$1.db"
	cp "$DB.key" "$T/t-$1.db.key" 2>/dev/null
	sqlite3 "$T/t-$1.db" "$2"
	timeout 60 "$ROVIEC" --db "$T/t-$1.db" verify >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

fixture_city 2>/dev/null
ok $? "a small city is set up"

# --- unit set --------------------------------------------------------------

expect 0 "unit set renames a unit" unit set P1 --name "Phường Một"
is "$out" "Changed unit P1." "and says so"
is "$(sq "SELECT name FROM units WHERE code = 'P1'")" "Phường Một" "the name is stored"
is "$(last_data unit-changed)" '{"name":"Phường Một"}' "the history records what changed, as facts"
expect 0 "unit set moves a unit and changes its kind" unit set p1 --parent P3 --kind commune
is "$(sq "SELECT p.code || ' ' || u.kind FROM units u JOIN units p ON p.id = u.parent_id WHERE u.code = 'P1'")" \
    "P3 commune" "P1 is a commune under P3"
p3=$(sq "SELECT id FROM units WHERE code = 'P3'")
is "$(last_data unit-changed)" "{\"kind\":\"commune\",\"parent_id\":$p3}" "the facts hold the new kind and parent"
expect 0 "verify replays the changes" verify

sum=$(dump | md5sum)
expect 1 "a unit under itself is refused" unit set P3 --parent P3
like "$err" "P3 cannot be placed under itself" "and says so"
expect 1 "a unit under one of its own units is refused" unit set P3 --parent P1
like "$err" "P3 cannot be placed under P1, one of its own units" "naming both"
expect 1 "the city under a ward below it too" unit set DL --parent P1
expect 1 "an unknown kind is refused" unit set P1 --kind village
like "$err" "city, ward, commune, department, party" "naming the kinds"
expect 1 "an unknown parent is refused" unit set P1 --parent NOWHERE
expect 1 "an unknown unit is refused" unit set NOWHERE --name "X"
expect 1 "a change to what it is already is refused" unit set P1 --kind commune
like "$err" "nothing to change" "and says nothing changes"
expect 1 "an empty name is refused" unit set P1 --name "   "
expect 1 "a head may not change units" --as head1 unit set P1 --name "Phường 1"
like "$err" "only an administrator" "and is told who may"
is "$(dump | md5sum)" "$sum" "the refusals changed nothing"
expect 2 "unit set with nothing to change is a usage error" unit set P1
like "$err" "--name, --parent or --kind" "naming every option"
expect 2 "unit set without a code is a usage error" unit set

tampered unit-name "UPDATE units SET name = 'Phường Giả' WHERE code = 'P1'"
is "$rc" 1 "verify catches a unit renamed behind roviec's back"
like "$out$err" "unit P1 holds name 'Phường Giả' where its history says 'Phường Một'" "naming the unit and both names"
tampered unit-parent "UPDATE units SET parent_id = (SELECT id FROM units WHERE code = 'DL') WHERE code = 'P1'"
is "$rc" 1 "and a unit moved behind its back"
like "$out$err" "unit P1 holds parent unit 'DL' where its history says 'P3'" "naming both parents"
tampered unit-kind "UPDATE units SET kind = 'ward' WHERE code = 'P1'"
like "$out$err" "unit P1 holds kind 'ward' where its history says 'commune'" "and a kind changed"

# --- person set: every field --------------------------------------------------

expect 2 "person set with nothing to change is a usage error" person set off1b
like "$err" "--name, --unit, --role, --login or --mail" "naming every option"
like "$err" "person set LOGIN \[--name FULL_NAME\] \[--unit CODE\] \[--role ROLE\] \[--login NEW_LOGIN\]" \
    "and the usage shows them"
ref0=$(new_duty)
ok $? "a duty for off1b's history" 
"$ROVIEC" --db "$DB" --as head1 assign "$ref0" off1b >/dev/null
expect 0 "person set --login renames a login" person set off1b --login lan.pt --name "Phạm Thị Lan"
is "$out" "Changed lan.pt." "and says the new login"
like "$err" "no account lan\.pt yet" "warning of a login with no account"
is "$(sq "SELECT login || '|' || full_name FROM people WHERE login = 'lan.pt'")" "lan.pt|Phạm Thị Lan" "stored"
like "$(last_data person-changed)" '"login":"lan\.pt"' "the history records the new login as a fact"
expect 0 "verify: the entries written before keep the login they were written with" verify
run show "$ref0"
like "$out" "lan\.pt" "show names the person by their login now"
sum=$(dump | md5sum)
expect 1 "a login taken is refused" person set lan.pt --login off1
like "$err" "the login off1 is registered already" "and says so"
expect 1 "a login with a space is refused" person set lan.pt --login "a b"
expect 1 "a login of 33 characters is refused" person set lan.pt --login "$(printf 'a%.0s' $(seq 33))"
is "$(dump | md5sum)" "$sum" "the refusals changed nothing"
tampered login "UPDATE people SET login = 'lan.xx' WHERE login = 'lan.pt'"
is "$rc" 1 "verify catches a login changed behind roviec's back"
like "$out$err" "lan\.xx|lan\.pt" "naming it"
tampered login-was "UPDATE login_changes SET login_was = 'someone'"
is "$rc" 1 "and a rename rewritten behind its back breaks the chain"

# --- must-show 3: a person moved keeps their history; the reports count
# their past work where it was done --------------------------------------------

ref1=$(new_duty)
"$ROVIEC" --db "$DB" --as off1 done "$ref1" --note "Đã xong" >/dev/null &&
"$ROVIEC" --db "$DB" --as chutich confirm "$ref1" >/dev/null
ok $? "off1 finished $ref1 in P1"
# P1's row of the report, without the history's head (it moves on with
# every entry).
report_p1() { "$ROVIEC" --db "$DB" report --by unit --format csv | grep '^P1,' | sed 's/,[^,]*$//'; }
report_off1() { "$ROVIEC" --db "$DB" report --by person --format csv | grep '^off1,'; }
before=$(report_p1)
like "$before" '^P1,[^,]*,,2,1,0,1,' "P1's report counts the duty done on time (and ref0 open)"
expect 0 "off1 moves to P2" person set off1 --unit P2
is "$(report_p1)" "$before" "report --by unit: P1's row unchanged after the move"
run show "$ref1"
like "$out" "off1" "show still names off1 as the one who did it"
like "$(report_off1)" '^off1,' "report --by person still lists off1"

# --- person leave -----------------------------------------------------------

# head1 heads P1 and owns duties: refused, every one named.
i=0
while [ $i -lt 12 ]; do
	OWNER=head1 TITLE="Việc số $i" new_duty >/dev/null || echo "# new_duty failed"
	i=$((i + 1))
done
refs=$(sq "SELECT group_concat(ref, ', ') FROM (SELECT ref FROM duties WHERE owner_id = (SELECT id FROM people WHERE login = 'head1') AND status = 'open' ORDER BY ref LIMIT 10)")
sum=$(dump | md5sum)
expect 1 "one who owns open duties cannot leave" person leave head1 --reason "Chuyển công tác"
like "$err" "head1 still owns 12 open or submitted duties: $refs and 2 more \(roviec list --owner head1\)" \
    "the refusal names the first ten and where to see the rest"
is "$(dump | md5sum)" "$sum" "and nothing changed"
for r in $(sq "SELECT ref FROM duties WHERE owner_id = (SELECT id FROM people WHERE login = 'head1') AND status = 'open' ORDER BY ref LIMIT 10"); do
	"$ROVIEC" --db "$DB" --as head1 assign "$r" off1b 2>/dev/null ||
	    "$ROVIEC" --db "$DB" --as head1 assign "$r" lan.pt >/dev/null
done
two=$(sq "SELECT group_concat(ref, ', ') FROM (SELECT ref FROM duties WHERE owner_id = (SELECT id FROM people WHERE login = 'head1') AND status = 'open' ORDER BY ref)")
expect 1 "two left: still refused" person leave head1
like "$err" "head1 still owns 2 open or submitted duties: $two; give them to other officials first" \
    "naming both, no more"
for r in $(sq "SELECT ref FROM duties WHERE owner_id = (SELECT id FROM people WHERE login = 'head1') AND status = 'open'"); do
	"$ROVIEC" --db "$DB" --as head1 assign "$r" lan.pt >/dev/null
done
# head1 also did some work in P1: a duty done, before leaving.
ref2=$(OWNER=lan.pt new_duty)
"$ROVIEC" --db "$DB" --as head1 assign "$ref2" head1 >/dev/null &&
"$ROVIEC" --db "$DB" --as head1 done "$ref2" --note "Đã xong" >/dev/null &&
"$ROVIEC" --db "$DB" --as chutich confirm "$ref2" >/dev/null
ok $? "head1 finished $ref2"
before=$(report_p1)
expect 1 "an officer may not record a leave" --as off2 person leave head1
like "$err" "only an administrator" "and is told who may"
expect 0 "head1 leaves" person leave head1 --reason "Chuyển công tác về Sở Nội vụ"
is "$out" "head1 has left ($TODAY); their history and past work stay." "and is told so"
is "$(sq "SELECT left_on FROM people WHERE login = 'head1'")" $TODAY "left_on is stored"
is "$(sq "SELECT count(*) FROM unit_heads WHERE person_id = (SELECT id FROM people WHERE login = 'head1')")" 0 \
    "head1 heads no unit any more"
is "$(sq "SELECT action FROM history ORDER BY id DESC LIMIT 2" | tr '\n' ' ')" "person-left head-removed " \
    "the history records the head removed and the leave"
is "$(last_data person-left)" "{\"left_on\":\"$TODAY\"}" "the leave's facts"
is "$(sq "SELECT text FROM history WHERE action = 'person-left'")" "Chuyển công tác về Sở Nội vụ" "and its reason"
run person list
like "$out" "head1 +Trần Thị Mai +P1 +head +$TODAY" "person list shows the day head1 left"
run person list --format csv
like "$out" "^login,name,unit,role,head,left" "with a column left in CSV"
run person list --excel
like "$out" "Ngày thôi công tác|Left on" "and a heading for it in the Excel form"
run unit list
like "$out" "P1 +Phường Một +commune +P3 +1 " "P1 has no head and counts the people who work there"
expect 0 "verify replays the leave" verify
is "$(report_p1)" "$before" "report --by unit: P1's row unchanged after the leave"
run show "$ref2"
like "$out" "head1" "show still names head1"
like "$(report_p1)" '^P1,' "P1 is still reported"
like "$("$ROVIEC" --db "$DB" report --by person --format csv | grep '^head1,')" '^head1,.*,1,1,0,' \
    "report --by person still counts head1's duty done on time"

# One who left no longer acts, owns or heads.
expect 1 "one who left cannot act" --as head1 list
like "$err" "head1 left on $TODAY and can no longer use roviec" "naming the login and the day"
expect 1 "nor be given a new duty" --as chutich add "Việc mới" --lead P1 --owner head1 --due +30 --result R --basis B
like "$err" "head1 left on $TODAY and cannot be given a duty" "naming the login and the day"
"$ROVIEC" --db "$DB" person add newhead "Ngô Văn Mới" --unit P1 --role head >/dev/null 2>&1
ok $? "P1 gets a new head"
expect 1 "nor a duty assigned" --as newhead assign "$ref0" head1
like "$err" "head1 left on $TODAY" "naming them"
expect 1 "nor be made head" unit add P9 "Phường 9" --parent DL --head head1
expect 1 "nor be given the role of head" person set head1 --role head
like "$err" "head1 left on $TODAY" "naming them"
expect 1 "nor leave twice" person leave head1
like "$err" "head1 left on $TODAY already" "and says when"
expect 0 "a name is still corrected" person set head1 --name "Trần Thị Mai"
sum=$(dump | md5sum)
tampered left "UPDATE people SET left_on = '2026-01-01' WHERE login = 'head1'"
is "$rc" 1 "verify catches a leave day changed behind roviec's back"
like "$out$err" "person head1 holds left on '2026-01-01' where its history says '$TODAY'" \
    "naming the person and both days"
tampered left2 "UPDATE people SET left_on = '2026-01-01' WHERE login = 'off2'"
like "$out$err" "person off2 holds left on '2026-01-01' where its history says ''" \
    "and one marked left who never did"
tampered back "UPDATE people SET left_on = NULL WHERE login = 'head1'"
like "$out$err" "person head1 holds left on '' where its history says '$TODAY'" "and one brought back"
if sqlite3 "$DB" "INSERT INTO unit_heads (unit_id, person_id) SELECT id, (SELECT id FROM people WHERE login = 'head1') FROM units WHERE code = 'P1'" 2>/dev/null; then
	ok 1 "the schema refuses one who left as a head"
else
	ok 0 "the schema refuses one who left as a head"
fi
if sqlite3 "$DB" "PRAGMA foreign_keys = ON; UPDATE people SET left_on = '$TODAY' WHERE login = 'lan.pt'" 2>/dev/null; then
	ok 1 "the schema refuses a leave while duties are owned"
else
	ok 0 "the schema refuses a leave while duties are owned"
fi
is "$(dump | md5sum)" "$sum" "the schema's refusals changed nothing"

# The reopened duty of one who left goes to the unit's head.
expect 0 "the assigner reopens head1's done duty" --as chutich reopen "$ref2" --reason "Bổ sung số liệu"
is "$(sq "SELECT p.login FROM duties d JOIN people p ON p.id = d.owner_id WHERE d.ref = '$ref2'")" newhead \
    "it goes to P1's head, not to head1 who left"
expect 0 "verify after all of it" verify

# --- hostile text: unit set --name, person leave --reason ----------------------

while IFS='	' read -r name hex what; do
	case $name in '#'*|'') continue ;; esac
	# A NUL cannot be an argument (the C string ends there): the CSV
	# paths take it (people.t).
	[ "$name" = nul-inside ] && continue
	v=$(bytes "$name")
	sum=$(dump | md5sum)
	run unit set P2 --name "$v"
	case $rc in
	0) is "$(sq "SELECT json_extract(data, '\$.name') = (SELECT name FROM units WHERE code = 'P2') FROM history WHERE action = 'unit-changed' ORDER BY id DESC LIMIT 1")" 1 \
	       "$name as unit set --name: stored as recorded ($what)" ;;
	1) is "$(dump | md5sum)" "$sum" "$name as unit set --name: refused, nothing written ($what)" ;;
	*) ok 1 "$name as unit set --name: exit $rc" ;;
	esac
	cat "$T/out" "$T/err" >"$T/seen"
	run unit list
	cat "$T/out" "$T/err" >>"$T/seen"
	is "$(raw_controls <"$T/seen")" "" "$name: unit set, unit list and their messages send no raw control"
	login=$(printf 'x%s' "$name" | tr -dc 'a-z0-9' | cut -c1-20)
	"$ROVIEC" --db "$DB" person add "$login" "Người $name" --unit P3 >/dev/null 2>&1
	sum=$(dump | md5sum)
	run person leave "$login" --reason "$v"
	case $rc in
	0) is "$(sq "SELECT left_on FROM people WHERE login = '$login'")" $TODAY \
	       "$name as the reason of a leave: recorded ($what)" ;;
	1) is "$(dump | md5sum)" "$sum" "$name as the reason of a leave: refused, nothing written ($what)" ;;
	*) ok 1 "$name as the reason of a leave: exit $rc" ;;
	esac
	cat "$T/out" "$T/err" >"$T/seen"
	run person list --unit P3
	cat "$T/out" "$T/err" >>"$T/seen"
	is "$(raw_controls <"$T/seen")" "" "$name: person leave, person list and their messages send no raw control"
	run person set off3 --login "$v"
	is "$rc" 1 "$name as person set --login: refused (a login is ASCII)"
	is "$(raw_controls <"$T/err")" "" "$name as --login: the message sends no raw control"
done <"$CASES"
expect 0 "verify after the hostile text" verify

# --- the last administrator, and the administrator who left -------------------

expect 1 "the last administrator cannot leave" person leave "$ME"
like "$err" "the last administrator" "and is told why"
"$ROVIEC" --db "$DB" person add admin2 "Quản trị viên" --role admin >/dev/null 2>&1
expect 0 "with another administrator, one may leave" person leave me --reason "Nghỉ hưu"
expect 1 "and then can no longer act" list
like "$err" "$ME left on $TODAY and can no longer use roviec" "naming their login and the day"
expect 1 "not even through --as" --as admin2 list

done_testing
