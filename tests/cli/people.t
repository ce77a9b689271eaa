#!/bin/sh
# A city set up from files (issue #12): roviec unit import and person
# import, all rows or none, errors by line; the files unit list and person
# list write import again; a login with no account is warned about; unit's
# and person's commands say which there are.
. "$(dirname "$0")/lib.sh"

UNITS=$FIXTURES/city-units.csv
PEOPLE=$FIXTURES/city-people.csv
CASES=$FIXTURES/text-cases.tsv

sq() { sqlite3 "$DB" "$1"; }
# bytes NAME: the exact bytes of a case of text-cases.tsv.
bytes() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$CASES" | perl -ne 'chomp; print pack("H*", $_)'; }
# raw_controls < FILE: what would act on a terminal (as badinput.t).
raw_controls() {
	perl -e '
	local $/; $_ = <STDIN>; my %bad;
	$bad{sprintf "0x%02X", ord $1} = 1 while /([\x00-\x09\x0b-\x1f\x7f])/g;
	$bad{sprintf "C1 U+%04X", ord $1} = 1 while /\xc2([\x80-\x9f])/g;
	$bad{"bidi"} = 1 if /\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;
	print join " ", sort keys %bad;'
}

"$ROVIEC" --db "$DB" init >/dev/null
ok $? "an empty database"

# --- a city of 40 units and 400 people, from two files --------------------

is "$(($(wc -l <"$UNITS") - 1))" 40 "the sample city has 40 units"
is "$(($(wc -l <"$PEOPLE") - 1))" 400 "and 400 people"
# The sample lists the wards before the city they belong to.
first_parent=$(sed -n 2p "$UNITS" | cut -d, -f4)
last_code=$(tail -1 "$UNITS" | cut -d, -f1)
is "$first_parent $last_code" "DL DL" "a unit comes before its parent in the file"
run unit import "$UNITS"
is "$rc" 0 "unit import of the 40 units"
is "$out" "Imported 40 units." "and says how many"
is "$(sq 'SELECT count(*) FROM units')" 40 "40 units are there"
is "$(sq "SELECT p.code FROM units u JOIN units p ON p.id = u.parent_id WHERE u.code = 'P7'")" DL "P7 is under DL"
is "$(sq "SELECT p.code FROM units u JOIN units p ON p.id = u.parent_id WHERE u.code = 'VPTU'")" TU "VPTU is under TU"
is "$(sq "SELECT kind FROM units WHERE code = 'TANUNG'")" commune "Tà Nung is a commune"
is "$(sq "SELECT name FROM units WHERE code = 'LDTBXH'")" "Phòng Lao động – Thương binh và Xã hội" "names are kept whole"
run person import "$PEOPLE"
is "$rc" 0 "person import of the 400 people"
is "$out" "Imported 400 people." "and says how many"
like "$err" "^roviec: warning: this machine has no account yet for 400 of these logins: p1\.an1, " \
    "the logins with no account here are named in a warning"
is "$(printf '%s\n' "$err" | wc -l)" 1 "in one line"
is "$(sq 'SELECT count(*) FROM people')" 401 "400 people and the administrator"
is "$(sq "SELECT count(*) FROM people WHERE role = 'head'")" 40 "one head per unit, by the role column"
run person list --unit P3
like "$out" "p3\.[a-z]+1 +.* +P3 +head +yes" "P3's head heads P3"
is "$(sq "SELECT ifnull(unit_id, 'none') FROM people WHERE role = 'inspector'")" none "the inspector belongs to no unit"
run verify
is "$rc" 0 "verify finds the set-up intact"

# --- one bad row changes nothing and names its line ---------------------

fresh() { rm -f "$DB" "$DB-wal" "$DB-shm"; "$ROVIEC" --db "$DB" init >/dev/null; }
fresh
{ head -21 "$UNITS"; echo "P13,Phường 13,ward,NOWHERE"; tail -n +22 "$UNITS"; } >"$T/units-bad.csv"
sum=$(dump | md5sum)
run unit import "$T/units-bad.csv"
is "$rc" 1 "a unit file with a parent nobody has is refused with 1"
like "$err" "units-bad.csv:22: .*NOWHERE" "the line and the missing parent are named"
like "$err" "1 row of .*units-bad.csv is wrong.*nothing was imported" "and it says nothing was imported"
is "$(dump | md5sum)" "$sum" "nothing was imported"
{ head -2 "$UNITS"; echo "P1,Phường 1 again,ward,DL"; tail -n +3 "$UNITS"; } >"$T/units-twice.csv"
run unit import "$T/units-twice.csv"
is "$rc" 1 "a unit named twice is refused"
like "$err" "units-twice.csv:3: .*P1 exists already" "and line 3 is named"
is "$(dump | md5sum)" "$sum" "nothing was imported"
"$ROVIEC" --db "$DB" unit import "$UNITS" >/dev/null
sum=$(dump | md5sum)
{ head -301 "$PEOPLE"; echo "p99.x,Người Lạ,P99,officer"; tail -n +302 "$PEOPLE"; } >"$T/people-bad.csv"
run person import "$T/people-bad.csv"
is "$rc" 1 "a person file with a unit nobody has is refused with 1"
like "$err" "people-bad.csv:302: .*P99" "the line and the unit are named"
is "$(dump | md5sum)" "$sum" "nothing was imported"
printf 'login,name,unit,role\nab.c,Tên,P1,chief\n' >"$T/people-role.csv"
run person import "$T/people-role.csv"
is "$rc" 1 "an unknown role is refused"
like "$err" "people-role.csv:2: a role is one of admin, head, officer, inspector" "and its line is named"
printf 'name,unit\nTên,P1\n' >"$T/people-nologin.csv"
run person import "$T/people-nologin.csv"
is "$rc" 1 "a header without login is refused"
like "$err" "no column login; the required columns are login, name" "and says which columns are required"
is "$(dump | md5sum)" "$sum" "nothing was imported"

# --- the Excel form, semicolons and Vietnamese headings ------------------

fresh
printf '\357\273\277Mã đơn vị;Tên;Loại đơn vị;Đơn vị cấp trên\r\nDL;Thành phố Đà Lạt;city;\r\nP1;Phường 1;ward;DL\r\n' >"$T/units-vi.csv"
run unit import "$T/units-vi.csv"
is "$rc" 0 "Excel's form (BOM, CRLF, ';', Vietnamese headings) imports"
is "$(sq "SELECT group_concat(code || '=' || name, ' ') FROM (SELECT * FROM units ORDER BY code)")" \
    "DL=Thành phố Đà Lạt P1=Phường 1" "and the units are right"
printf '\357\273\277Tên đăng nhập;Tên;Đơn vị;Vai trò\r\nroot2;Quản trị;;admin\r\np1.a;Nguyễn Văn A;P1;head\r\n' >"$T/people-vi.csv"
run person import "$T/people-vi.csv"
is "$rc" 0 "people in Excel's form import"
is "$(sq "SELECT role || ' ' || ifnull(unit_id, '-') FROM people WHERE login = 'root2'")" "admin -" "an administrator may have no unit"

# --- what unit list and person list write imports again -----------------

fresh
"$ROVIEC" --db "$DB" unit import "$UNITS" >/dev/null &&
"$ROVIEC" --db "$DB" person import "$PEOPLE" >/dev/null 2>&1
ok $? "a city to copy"
"$ROVIEC" --db "$DB" unit list --format csv >"$T/u.csv"
"$ROVIEC" --db "$DB" person list --format csv | grep -v "^$ME," >"$T/p.csv"
head -1 "$T/u.csv" | grep -q "people,open"
ok $? "unit list writes its counts (people, open)"
"$ROVIEC" --db "$DB" unit list --excel >"$T/u-excel.csv"
saved=$DB
DB=$T/copy.db
"$ROVIEC" --db "$DB" init >/dev/null
run unit import "$T/u.csv"
is "$rc" 0 "unit list's CSV imports (its counts read past)"
like "$err" "^roviec: warning: 40 units' heads are not registered yet \(DL: dl\.[a-z]+1, .*P1: p1\.an1, " \
    "the heads not registered yet are named in a warning"
like "$err" "import the people next: those with the role head will head their units" "which says what to do"
run person import "$T/p.csv"
is "$rc" 0 "person list's CSV imports"
is "$(sqlite3 "$DB" "SELECT u.code, u.name, u.kind, ifnull(p.code, '') FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.code" | md5sum)" \
    "$(sqlite3 "$saved" "SELECT u.code, u.name, u.kind, ifnull(p.code, '') FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.code" | md5sum)" \
    "the copy has the same units"
is "$(sqlite3 "$DB" "SELECT p.login, p.full_name, p.role, ifnull(u.code, '') FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE login <> '$ME' ORDER BY login" | md5sum)" \
    "$(sqlite3 "$saved" "SELECT p.login, p.full_name, p.role, ifnull(u.code, '') FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE login <> '$ME' ORDER BY login" | md5sum)" \
    "and the same people, units and roles"
is "$(sqlite3 "$DB" "SELECT u.code, p.login FROM units u JOIN unit_heads h ON h.unit_id = u.id JOIN people p ON p.id = h.person_id ORDER BY 1, 2" | md5sum)" \
    "$(sqlite3 "$saved" "SELECT u.code, p.login FROM units u JOIN unit_heads h ON h.unit_id = u.id JOIN people p ON p.id = h.person_id ORDER BY 1, 2" | md5sum)" \
    "and the same heads"
is "$(sqlite3 "$DB" "SELECT count(*) FROM unit_heads")" 40 "(40 of them)"
rm -f "$DB"
"$ROVIEC" --db "$DB" init >/dev/null
run unit import "$T/u-excel.csv"
is "$rc" 0 "unit list --excel imports too"
DB=$saved

# --- output that cannot be written ----------------------------------------

# A read whose output is lost fails (3) and says so, whatever the size of
# what was lost: what stdio holds at the end (the units), or a table set
# whole and handed to stdio at once, longer than its buffer, whose write
# fails there and leaves nothing for the end (the 400 people).
"$ROVIEC" --db "$DB" person list >"$T/out"
ok "$([ "$(wc -c <"$T/out")" -gt 8192 ] && echo 0 || echo 1)" \
    "the table of people is longer than stdio's buffer ($(wc -c <"$T/out") bytes)"
[ -w /dev/full ]
ok $? "/dev/full is there to write to"
for cmd in "person list" "person list --format csv" "unit list" "unit list --format csv"; do
	# shellcheck disable=SC2086 # the words of cmd are the arguments
	"$ROVIEC" --db "$DB" $cmd >/dev/full 2>"$T/err"
	is "$?" 3 "$cmd to a full disk fails with 3"
	is "$(cat "$T/err")" "roviec: cannot write the output" "and says the output could not be written"
done

# --- files that are not CSV, and who may --------------------------------

fresh
sum=$(dump | md5sum)
run unit import "$T/nothing.csv"
is "$rc" 1 "a missing file is refused with 1"
like "$err" "cannot read .*nothing.csv" "and says it cannot be read"
mkdir "$T/dir.csv"
run person import "$T/dir.csv"
is "$rc" 1 "a folder is refused"
like "$err" "is a directory; name a CSV file" "and says so"
mkfifo "$T/fifo.csv"
run unit import "$T/fifo.csv"
is "$rc" 1 "a FIFO is refused, not waited on"
: >"$T/empty.csv"
run unit import "$T/empty.csv"
is "$rc" 1 "an empty file is refused"
like "$err" "empty; it needs a header row naming the columns \(code, name, \.\.\.\)" "and names the columns it needs"
printf 'code,name\nP1,Ph\375\370ng 1\n' >"$T/cp1258.csv"
run unit import "$T/cp1258.csv"
is "$rc" 1 "a file in Windows-1258 is refused"
like "$err" "cp1258.csv:2: the name column is not valid UTF-8 .*Windows-1258 file, save it as UTF-8" "and says it is not UTF-8, naming the line"
is "$(dump | md5sum)" "$sum" "none of these changed anything"
"$ROVIEC" --db "$DB" unit add P1 "Phường 1" >/dev/null
"$ROVIEC" --db "$DB" person add cb1 "Cán bộ" --unit P1 >/dev/null 2>&1
sum=$(dump | md5sum)
run --as cb1 unit import "$UNITS"
is "$rc" 1 "an officer may not import units"
like "$err" "only an administrator imports units" "and is told who may"
run --as cb1 person import "$PEOPLE"
is "$rc" 1 "nor people"
like "$err" "only an administrator imports people" "and is told who may"
is "$(dump | md5sum)" "$sum" "nothing changed"

# --- hostile text in names ------------------------------------------------

while IFS='	' read -r name hex what; do
	case $name in '#'*|'') continue ;; esac
	[ "$name" = long-100k ] && continue
	code=$(printf '%s' "$name" | tr -dc 'a-z0-9' | cut -c1-14 | tr a-z A-Z)
	{ printf 'code,name\n%s,"' "$code"; bytes "$name" | sed 's/"/""/g'; printf '"\n'; } >"$T/case.csv"
	sum=$(dump | md5sum)
	run unit import "$T/case.csv"
	case $rc in
	0) stored=$(sq "SELECT count(*) FROM units WHERE code = '$code'")
	   is "$stored" 1 "$name as a unit's name: stored ($what)" ;;
	1) is "$(dump | md5sum)" "$sum" "$name as a unit's name: refused, nothing written ($what)" ;;
	*) ok 1 "$name as a unit's name: exit $rc" ;;
	esac
	run unit list
	cat "$T/out" "$T/err" >"$T/seen"
	is "$(raw_controls <"$T/seen")" "" "$name: unit list and its messages send no raw control"
done <"$CASES"

# --- a login without an account, and the commands of unit and person ----

fresh
"$ROVIEC" --db "$DB" unit add P1 "Phường 1" >/dev/null
run person add nosuchlogin "Người Chưa Có Tài Khoản" --unit P1
is "$rc" 0 "person add of a login with no account succeeds"
like "$err" "^roviec: warning: this machine has no account nosuchlogin yet" "and warns that it has no account"
is "$(sq "SELECT count(*) FROM people WHERE login = 'nosuchlogin'")" 1 "the person is registered"
run person add "$ME" "Đã Có" --unit P1
like "$err" "registered already" "the administrator's own login is registered already"
someone=$(getent passwd | awk -F: '$1 ~ /^[a-z_][a-z0-9_.-]*$/ && $1 != "'"$ME"'" { print $1; exit }')
run person add "$someone" "Có Tài Khoản" --unit P1
is "$rc" 0 "person add of an existing account ($someone)"
is "$err" "" "gives no warning"
run unit frobnicate
is "$rc" 2 "an unknown unit command is a usage error (2)"
like "$err" "^roviec: unit has no command 'frobnicate'; its commands are add, set, import, list" \
    "and names the unit commands, not 'unknown command unit'"
run person
is "$rc" 2 "person alone is a usage error"
like "$err" "^roviec: person needs one of its commands: add, set, leave, import, list" "and names them"

done_testing
