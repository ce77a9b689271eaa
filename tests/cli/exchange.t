#!/bin/sh
# roviec import and export (issue #5): a CSV from a spreadsheet (BOM or
# not, CRLF, quoted line ends, DD/MM/YYYY), all rows or none with every bad
# row named by its line, hostile text through a cell, administrators only;
# export as CSV and JSON, and the round trip export -> import -> export.
. "$(dirname "$0")/lib.sh"

CASES=$FIXTURES/text-cases.tsv
says() { like "$err" "$1" "$2"; }
count() { sqlite3 "$DB" 'SELECT count(*) FROM duties'; }
HEAD="title,lead,owner,deadline,result,basis"
FUTURE=$(date -d '+40 days' +%d/%m/%Y)
FUTURE_ISO=$(date -d '+40 days' +%Y-%m-%d)

fixture_city
ok $? "a small city is set up"

# --- the forms of a spreadsheet's file ----------------------------------------

# BOM, CRLF, columns in another order and case, due for deadline, a quoted
# field with a comma, a quote and a line end, supporters with parts.
printf '\357\273\277Owner,DUE,Title,Lead,Result,Basis,Support,Field,Assigner\r\n' >"$T/a.csv"
printf 'off1,%s,"Dọn rác, tuyến ""A""",P1,"Báo cáo\r\nkèm ảnh",CV 12,P2:Xe chở rác; P3,Môi trường,chutich\r\n' "$FUTURE" >>"$T/a.csv"
printf 'off2,%s,Sửa đèn đường,P2,Đèn sáng,CV 13,,,\r\n' "$FUTURE_ISO" >>"$T/a.csv"
expect 0 "import of a CRLF file with a BOM" import "$T/a.csv"
is "$out" "Imported 2 duties." "says how many"
run list --format csv
like "$out" "P1-0001,.*\"Dọn rác, tuyến \"\"A\"\"\",P1,off1,\"P2, P3\",$FUTURE_ISO" "the title with comma and quotes, DD/MM/YYYY read, supporters kept"
is "$(sqlite3 "$DB" "SELECT hex(result) FROM duties WHERE ref = 'P1-0001'")" \
    "$(printf 'Báo cáo\r\nkèm ảnh' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" "a quoted line end stays inside its field"
is "$(sqlite3 "$DB" "SELECT part FROM duty_support s JOIN units u ON u.id = s.unit_id WHERE u.code = 'P2'")" "Xe chở rác" "a supporter's part"
run show P1-0001
like "$out" "created by chutich via $ME .*imported from .*a.csv line 2" "history: created by the assigner via the administrator, from the file's line"
run show P2-0001
like "$out" "assigner +$ME " "no assigner column value: the administrator assigns"

# LF and no BOM, the plain way.
printf '%s\nKiểm tra hồ sơ,P3,off3,%s,Biên bản,CV 14\n' "$HEAD" "$FUTURE" >"$T/b.csv"
expect 0 "import of an LF file without a BOM" import "$T/b.csv"
is "$(count)" 3 "three duties in all"

# A semicolon and a backslash inside a part, escaped; spaces and empty
# items around the supporters are ignored.
printf '%s,support\nPhần khó,P1,off1,%s,KQ,CV,P2:a\\;b\\\\; P3 ; ;\n' "$HEAD" "$FUTURE" >"$T/parts.csv"
expect 0 "import of escaped parts" import "$T/parts.csv"
is "$(sqlite3 "$DB" "SELECT part FROM duty_support s JOIN duties d ON d.id = s.duty_id
    JOIN units u ON u.id = s.unit_id WHERE d.title = 'Phần khó' AND u.code = 'P2'")" 'a;b\' "the part holds a semicolon and a backslash"
run export
like "$out" ',P2:a\\;b\\\\; P3,' "and export escapes them again"
printf '%s\n' "$HEAD" >"$T/header.csv"
expect 0 "a file with only a header" import "$T/header.csv"
is "$out" "Imported 0 duties." "imports nothing, as an empty export should"

# A later add in a unit does not collide with an imported reference.
printf 'ref,%s\nP3-0041,Việc cũ,P3,off3,%s,KQ,CV\n' "$HEAD" "$FUTURE" >"$T/ref.csv"
expect 0 "import with a given reference" import "$T/ref.csv"
ref=$(LEAD=P3 OWNER=off3 new_duty)
is "$ref" "P3-0042" "the next add in P3 follows the imported reference"

# --- parts delivered -------------------------------------------------------------

# A duty kept elsewhere, with one supporter's part delivered (by whom) and
# one not yet: both come in as they were, and verify takes them as they came.
MADE=$(date -u -d '-10 days' +%Y-%m-%dT%H:%M:%SZ)
GAVE=$(date -d '-5 days' +%Y-%m-%d)
SOON=$(date -d '+3 days' +%Y-%m-%d)
printf '%s,created,support,delivered\nĐã có phần,P1,off1,%s,KQ,CV,%s,P2:Hồ sơ; P3,P2:%s:head2\n' \
    "$HEAD" "$FUTURE" "$MADE" "$GAVE" >"$T/del.csv"
expect 0 "a duty with a part delivered imports" import "$T/del.csv"
is "$(sqlite3 "$DB" "SELECT u.code, ifnull(s.delivered_on, '-'), ifnull(p.login, '-') FROM duty_support s
    JOIN duties d ON d.id = s.duty_id JOIN units u ON u.id = s.unit_id
    LEFT JOIN people p ON p.id = s.delivered_by WHERE d.title = 'Đã có phần' ORDER BY u.code")" \
    "P2|$GAVE|head2
P3|-|-" "P2's part delivered on its day by head2; P3's still awaited"
run export
like "$out" "Đã có phần,.*,P2:$GAVE:head2" "export writes the delivery back as UNIT:DAY:LOGIN"
run verify
is "$rc" 0 "and the imported delivery verifies"
printf '%s,created,support,delivered\nCó dấu cách,P1,off1,%s,KQ,CV,%s,P2,  P2 : %s : head2 ;\nMới,P1,off1,%s,KQ,CV,,P2, ; \n' \
    "$HEAD" "$FUTURE" "$MADE" "$GAVE" "$FUTURE" >"$T/spaces.csv"
expect 0 "spaces around each part of a delivery, and a cell of blanks, are ignored" import "$T/spaces.csv"
is "$(sqlite3 "$DB" "SELECT s.delivered_on || '|' || p.login FROM duty_support s JOIN duties d ON d.id = s.duty_id
    JOIN people p ON p.id = s.delivered_by WHERE d.title = 'Có dấu cách'")" "$GAVE|head2" "the delivery is read whole"

# Every wrong delivery is named by its line, and nothing is imported.
{
	printf '%s,created,support,delivered\n' "$HEAD"
	printf 'Sai 1,P1,off1,%s,KQ,CV,%s,P3,P2:%s\n' "$FUTURE" "$MADE" "$GAVE"
	printf 'Sai 2,P1,off1,%s,KQ,CV,%s,P2,P2:%s\n' "$FUTURE" "$MADE" "$SOON"
	printf 'Sai 3,P1,off1,%s,KQ,CV,,P2,P2:%s\n' "$FUTURE" "$GAVE"
	printf 'Sai 4,P1,off1,%s,KQ,CV,%s,P2,P2:%s:ghost\n' "$FUTURE" "$MADE" "$GAVE"
	printf 'Sai 5,P1,off1,%s,KQ,CV,%s,P2,P2\n' "$FUTURE" "$MADE"
	printf 'Sai 6,P1,off1,%s,KQ,CV,%s,P2,P2:%s; P2:%s\n' "$FUTURE" "$MADE" "$GAVE" "$GAVE"
	printf 'Sai 7,P1,off1,%s,KQ,CV,%s,P2,P2:+0\n' "$FUTURE" "$MADE"
} >"$T/baddel.csv"
sum=$(dump | md5sum)
run import "$T/baddel.csv"
is "$rc" 1 "seven wrong deliveries: refused"
is "$(printf '%s\n' "$err" | grep -c 'baddel.csv:[0-9]*: ')" 7 "each of the seven is reported"
like "$err" "baddel.csv:2: .*P2 is not among the supporting units" "line 2: a unit that does not support the duty"
like "$err" "baddel.csv:3: .*P2's day $SOON is not between the duty's creation and today" "line 3: a day still to come"
like "$err" "baddel.csv:4: .*only with the duty's created moment" "line 4: a delivery for a new duty"
like "$err" "baddel.csv:5: .*ghost" "line 5: who delivered it is not registered"
like "$err" "baddel.csv:6: .*'P2' has no day" "line 6: no day"
like "$err" "baddel.csv:7: .*P2 is named twice" "line 7: the same unit twice"
like "$err" "baddel.csv:8: .*'P2' has no day" "line 8: a day counted from today (+0), which would change with the day of the import"
is "$(dump | md5sum)" "$sum" "nothing was imported"

# --- who, and which file --------------------------------------------------------

sum=$(dump | md5sum)
run --as head1 import "$T/b.csv"
is "$rc" 1 "a head who is not an administrator may not import"
says "only an administrator imports" "and is told who may"
expect 1 "a missing file" import "$T/nothing.csv"
says "cannot read .*nothing.csv: No such file" "says the file is not there"
mkdir "$T/dir.csv"
expect 1 "a directory" import "$T/dir.csv"
says "is a directory" "says it is a directory"
cp "$T/b.csv" "$T/secret.csv"
chmod 000 "$T/secret.csv"
if [ -r "$T/secret.csv" ]; then
	ok 0 "# SKIP an unreadable file (the tests run as root)"
else
	expect 1 "an unreadable file" import "$T/secret.csv"
	says "Permission denied" "says it may not be read"
fi
: >"$T/empty.csv"
expect 1 "an empty file" import "$T/empty.csv"
says "empty; it needs a header row" "says a header row is needed"
printf 'title,lead,owner,result,basis\nViệc,P1,off1,KQ,CV\n' >"$T/nodue.csv"
expect 1 "a missing required column" import "$T/nodue.csv"
says "no column deadline" "names the missing column"
printf 'title,lead,owner,deadline,result,basis,colour\nViệc,P1,off1,+3,KQ,CV,red\n' >"$T/extra.csv"
expect 1 "an unknown column" import "$T/extra.csv"
says "unknown column 'colour'" "names the unknown column"
is "$(dump | md5sum)" "$sum" "none of these changed anything"

# --- all rows or none ---------------------------------------------------------

# 1000 rows; lines 101, 502 and 1001 (the header is line 1) are bad.
perl -e '
	print "title,lead,owner,deadline,result,basis\n";
	for my $i (1 .. 1000) {
		my ($lead, $owner, $due) = ("P1", "off1", "+30");
		$owner = "ghost" if $i == 100;
		$due = "31/02/2027" if $i == 501;
		$lead = "P2" if $i == 1000;	# off1 is not of P2
		print "Việc số $i,$lead,$owner,$due,Kết quả $i,Công văn $i\n";
	}' >"$T/bad.csv"
sum=$(dump | md5sum)
run import "$T/bad.csv"
is "$rc" 1 "3 bad rows among 1000: refused"
is "$(printf '%s\n' "$err" | grep -c 'bad.csv:[0-9]*: ')" 3 "exactly three rows are reported"
like "$err" "bad.csv:101: .*ghost" "line 101: the unknown owner"
like "$err" "bad.csv:502: .*February 2027 has 28 days" "line 502: the date that does not exist"
like "$err" "bad.csv:1001: .*owner must belong to the lead unit P2" "line 1001: the owner outside the lead unit"
like "$err" "3 rows of .*bad.csv are wrong.*nothing was imported" "and says nothing was imported"
is "$(dump | md5sum)" "$sum" "nothing was imported"

# Every rule of add, row by row.
cat >"$T/rules.csv" <<EOF2
title,lead,owner,deadline,result,basis,support,assigner,uuid,status
,P1,off1,+3,KQ,CV,,,,
Việc,P1,off1,+3,KQ,,,,,
Việc,ZZ,off1,+3,KQ,CV,,,,
Việc,P1,off1,2020-01-01,KQ,CV,,,,
Việc,P1,off1,+3,KQ,CV,P1,,,
Việc,P1,off1,+3,KQ,CV,,head2,,
Việc,P1,insp,+3,KQ,CV,,,,
Việc,P1,off1,+3,KQ,CV,,,not-a-uuid,
Việc,P1,off1,+3,KQ,CV,,,,finished
Việc,P1,off1,+3,KQ,CV,,,,done
Việc,P1,off1,+3,KQ,CV,,,0b9d6c2e-5f1a-4c3b-9e7d-2a8f4b6c1d30,
Việc,P1,off1,+3,KQ,CV,,,0b9d6c2e-5f1a-4c3b-9e7d-2a8f4b6c1d30,
"never closed,P1,off1,+3,KQ,CV,,,,
EOF2
run import "$T/rules.csv"
is "$rc" 1 "a file breaking every rule is refused"
for want in "2: .*missing: the title" "3: .*missing: the basis" "4: .*no unit" \
    "5: .*already past" "6: .*P1 leads the duty, so it cannot also support it" \
    "7: .*head2 heads neither P1" "8: .*inspector" "9: .*not a UUID" \
    "10: .*status is one of" "11: .*needs its created moment" \
    "13: .*uuid 0b9d6c2e-5f1a-4c3b-9e7d-2a8f4b6c1d30 is already taken" \
    "14: .*never closed"; do
	like "$err" "rules.csv:$want" "reported: line $want"
done
unlike "$err" "rules.csv:12:" "the first use of a uuid is fine"
is "$(dump | md5sum)" "$sum" "and nothing was imported"

# A record that cannot have happened: an open duty with a day it was done
# (its history could not hold it), and a duty done before it was made
# (a report would count it on a day before it existed).
cat >"$T/when.csv" <<EOF2
title,lead,owner,deadline,result,basis,assigner,created,original_deadline,status,done_on,closed_on
Việc mở,P1,off1,2026-06-30,KQ,CV,chutich,2026-06-01T02:00:00Z,2026-06-30,open,2026-06-10,
Việc xong,P1,off1,2026-06-30,KQ,CV,chutich,2026-06-20T02:00:00Z,2026-06-30,done,2026-06-10,2026-06-11
Việc đúng,P1,off1,2026-06-30,KQ,CV,chutich,2026-06-01T02:00:00Z,2026-06-30,done,2026-06-10,2026-06-11
EOF2
run import "$T/when.csv"
is "$rc" 1 "an impossible record is refused"
like "$err" "when.csv:2: .*an open duty has no done_on" "line 2: the open duty with a done day"
like "$err" "when.csv:3: .*made on (2026-06-20|20/06/2026), after the day it was done \\((2026-06-10|10/06/2026)\\)" \
    "line 3: the duty done before it was made"
unlike "$err" "when.csv:4:" "the duty made before it was done is fine"
is "$(dump | md5sum)" "$sum" "and nothing was imported"

# --- hostile text through a cell ----------------------------------------------

# csv_case NAME FILE: a one-duty CSV whose title is the case's exact bytes.
csv_case() {
	awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$CASES" | perl -e '
	my $fut = shift; chomp(my $h = <STDIN>); my $t = pack("H*", $h); $t =~ s/"/""/g;
	print "title,lead,owner,deadline,result,basis\n\"$t\",P1,off1,$fut,KQ,CV\n";' "$FUTURE_ISO" >"$2"
}
nfc_hex() {
	awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$CASES" | perl -MUnicode::Normalize -MEncode -ne '
	chomp; my $s = decode("UTF-8", pack("H*", $_), Encode::FB_CROAK);
	$s =~ s/^[ \t\r\n\v\f]+|[ \t\r\n\v\f]+$//g;
	print uc unpack("H*", encode("UTF-8", NFC($s)));'
}
raw_controls() {
	perl -e 'local $/; $_ = <STDIN>;
	print "raw" if /[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;'
}
for name in $(grep -v '^#' "$CASES" | cut -f1); do
	csv_case "$name" "$T/case.csv"
	before=$(count)
	run import "$T/case.csv"
	case $name in
	overlong|surrogate|truncated|nul-inside)
		is "$rc" 1 "$name: refused"
		like "$err" "case.csv:2: the title column (is not valid UTF-8|contains a NUL)" "$name: names the line and the column"
		;;
	latin1)
		# Windows-1258 letters and a tone mark, and no UTF-8 at all: the
		# whole file is taken as Windows-1258 (issue #12).
		is "$rc" 1 "$name: refused"
		like "$err" "case.csv:2: the file is not UTF-8: it looks like Windows-1258" "$name: names the line and the encoding"
		;;
	long-100k)
		is "$rc" 1 "$name: refused"
		like "$err" "case.csv:2: .*too long" "$name: says it is too long"
		;;
	*)
		is "$rc" 0 "$name: imported"
		is "$(sqlite3 "$DB" "SELECT hex(title) FROM duties ORDER BY id DESC LIMIT 1")" \
		    "$(nfc_hex "$name")" "$name: stored as NFC"
		;;
	esac
	[ "$name" = latin1 ] && like "$err" "Windows-1258" "latin1: the hint to save as UTF-8"
	is "$(printf '%s' "$err" | raw_controls)" "" "$name: no raw control in the message"
done

# --- export ---------------------------------------------------------------------

run export --format json
is "$rc" 0 "export --format json"
printf '%s' "$out" | perl -MJSON::PP -e '
	local $/; my $j = decode_json(<STDIN>);
	my ($d) = grep { $_->{ref} eq "P1-0001" } @$j;
	exit !(@$j == '"$(count)"' && $d && $d->{history}[0]{action} eq "created"
	    && $d->{history}[0]{via} && @{$d->{support}} == 2 && exists $d->{stored_status});'
ok $? "it is one JSON array with supporters and history (JSON::PP reads it)"
expect 2 "export --format table is a usage error" export --format
expect 1 "export --format text is refused" export --format text

# --- many rows ------------------------------------------------------------------

perl -e '
	print "title,lead,owner,deadline,result,basis,support\n";
	for my $i (1 .. 10000) {
		print "Việc số $i,P", 1 + $i % 3, ",off", 1 + $i % 3, ",+60,Kết quả $i,Công văn $i,TTRA:Kiểm tra\n";
	}' >"$T/big.csv"
before=$(count)
expect 0 "10,000 rows import" import "$T/big.csv"
is "$(( $(count) - before ))" 10000 "all 10,000 are there"

# --- the round trip -------------------------------------------------------------

# The demo's duties, in every state, into a database with the same units and
# people: the second export is the first, byte for byte.
A=$T/demo.db
"$ROVIEC" --db "$A" init --demo >/dev/null
ok $? "the demo database"
"$ROVIEC" --db "$A" export >"$T/one.csv"
ok $? "exported as CSV"
B=$T/empty.db
# The same units and people, made through roviec (the history accounts for
# them), in the order of their ids, so that the ids agree too.
"$ROVIEC" --db "$B" init >/dev/null &&
sqlite3 -separator '|' "$A" "SELECT u.code, u.name, u.kind, ifnull(p.code, '') FROM units u
    LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.id" >"$T/units" &&
sqlite3 -separator '|' "$A" "SELECT p.login, p.full_name, ifnull(u.code, ''), p.role FROM people p
    LEFT JOIN units u ON u.id = p.unit_id WHERE p.login <> '$ME' ORDER BY p.id" >"$T/people" &&
while IFS='|' read -r code name kind parent; do
	"$ROVIEC" --db "$B" unit add "$code" "$name" --kind "$kind" ${parent:+--parent "$parent"} >/dev/null || exit 1
done <"$T/units" &&
while IFS='|' read -r login name unit role; do
	"$ROVIEC" --db "$B" person add "$login" "$name" ${unit:+--unit "$unit"} --role "$role" >/dev/null || exit 1
done <"$T/people" &&
"$ROVIEC" --db "$B" person set "$ME" --unit "$(sqlite3 "$A" "SELECT u.code FROM people p JOIN units u ON u.id = p.unit_id WHERE p.login = '$ME'")" >/dev/null
ok $? "an empty database with the same units and people"
is "$(sqlite3 "$B" "ATTACH '$A' AS a; SELECT count(*) FROM (SELECT id, login, unit_id FROM a.people
    EXCEPT SELECT id, login, unit_id FROM people)")" 0 "with the same ids"
DB=$B
expect 0 "the export imports into it" import "$T/one.csv"
"$ROVIEC" --db "$B" export >"$T/two.csv"
cmp -s "$T/one.csv" "$T/two.csv"
ok $? "exported again, it is the same file byte for byte"
is "$(sqlite3 "$B" "ATTACH '$A' AS a; SELECT count(*) FROM (
    SELECT d.uuid, s.unit_id, s.part, s.delivered_on, s.delivered_by FROM a.duty_support s JOIN a.duties d ON d.id = s.duty_id
    EXCEPT SELECT d.uuid, s.unit_id, s.part, s.delivered_on, s.delivered_by FROM duty_support s JOIN duties d ON d.id = s.duty_id)")" 0 \
    "every supporting unit, its part and its delivery (day and who) came across"
ok $([ "$(sqlite3 "$A" 'SELECT count(*) FROM duty_support WHERE delivered_on IS NOT NULL')" -gt 0 ]; echo $?) \
    "(the demo has parts delivered)"
is "$(sqlite3 "$B" "ATTACH '$A' AS a; SELECT count(*) FROM (
    SELECT uuid, ref, title, result, basis, field, assigner_id, lead_unit_id, owner_id, created_at, original_deadline,
      deadline, status, done_on, closed_on, last_progress_on, handoffs, bounced, escalated FROM a.duties
    EXCEPT SELECT uuid, ref, title, result, basis, field, assigner_id, lead_unit_id, owner_id, created_at, original_deadline,
      deadline, status, done_on, closed_on, last_progress_on, handoffs, bounced, escalated FROM duties)")" 0 \
    "every duty came across with its fields, dates, status and counters"
run verify
is "$rc" 0 "the imported database verifies: the history accounts for every imported duty"
# Each kind of change behind roviec's back, made to an imported duty in a
# copy, is named by verify: the history records what the duty came with.
tamper_imported() {	# NAME SQL PATTERN
	cp "$B" "$T/t.db"
	cp "$B.key" "$T/t.db.key"
	sqlite3 "$T/t.db" "$2"
	is "$?" 0 "$1: changed in a copy, with the sqlite3 shell"
	DB=$T/t.db run verify
	is "$rc" 1 "$1: verify fails"
	like "$err" "$3" "$1: and names it"
}
q1() { sqlite3 "$B" "$1"; }
open1=$(q1 "SELECT ref FROM duties WHERE status = 'open' ORDER BY id LIMIT 1")
tamper_imported "an imported duty's deadline" \
    "UPDATE duties SET deadline = '2099-01-01' WHERE ref = '$open1'" "$open1 holds deadline '2099-01-01'"
tamper_imported "an imported open duty marked done" \
    "UPDATE duties SET status = 'done', done_on = '2026-01-02', closed_on = '2026-01-02' WHERE ref = '$open1'" "$open1 holds status 'done'"
done1=$(q1 "SELECT ref FROM duties WHERE status = 'done' ORDER BY id LIMIT 1")
ok $([ -n "$done1" ]; echo $?) "(the demo has a duty done: $done1)"
tamper_imported "an imported duty's day done moved" \
    "UPDATE duties SET done_on = '2020-01-01' WHERE ref = '$done1'" "$done1 holds day it was done '2020-01-01'"
moved=$(q1 "SELECT ref FROM duties WHERE original_deadline <> deadline ORDER BY id LIMIT 1")
ok $([ -n "$moved" ]; echo $?) "(the demo has a duty whose deadline was extended: $moved)"
tamper_imported "an imported duty's original deadline" \
    "DROP TRIGGER duties_keep_identity; UPDATE duties SET original_deadline = deadline WHERE ref = '$moved'" \
    "$moved holds original deadline"
gave=$(q1 "SELECT d.ref || '|' || u.code FROM duty_support s JOIN duties d ON d.id = s.duty_id
    JOIN units u ON u.id = s.unit_id WHERE s.delivered_on IS NOT NULL ORDER BY d.id LIMIT 1")
owed=$(q1 "SELECT d.ref || '|' || u.code FROM duty_support s JOIN duties d ON d.id = s.duty_id
    JOIN units u ON u.id = s.unit_id WHERE s.delivered_on IS NULL ORDER BY d.id LIMIT 1")
tamper_imported "an imported delivery erased" \
    "UPDATE duty_support SET delivered_on = NULL WHERE duty_id = (SELECT id FROM duties WHERE ref = '${gave%|*}')
     AND unit_id = (SELECT id FROM units WHERE code = '${gave#*|}')" "${gave%|*} holds day delivered of ${gave#*|}'s part"
tamper_imported "an imported delivery made up" \
    "UPDATE duty_support SET delivered_on = '2026-11-01' WHERE duty_id = (SELECT id FROM duties WHERE ref = '${owed%|*}')
     AND unit_id = (SELECT id FROM units WHERE code = '${owed#*|}')" "${owed%|*} holds day delivered of ${owed#*|}'s part"
is "$(sqlite3 "$B" 'SELECT prefix, last FROM ref_counters ORDER BY prefix')" \
    "$(sqlite3 "$A" 'SELECT prefix, last FROM ref_counters ORDER BY prefix')" "the reference counters follow"
run import "$T/one.csv"
is "$rc" 1 "importing the same file twice is refused"
is "$(printf '%s\n' "$err" | grep -c 'is already taken')" "$(( $(wc -l <"$T/one.csv") - 1 ))" "every row is named as taken"

# References as imported, in lower case or with '_': list orders them as
# the reference column does (NOCASE), with or without --limit, in the index
# of migration 4 as in a sort.
MADE=$(date -u -d '-3 days' +%Y-%m-%dT%H:%M:%SZ)
printf 'ref,title,lead,owner,deadline,result,basis,created\nQA-0001,Sắp xếp mã b,P1,p1.nga,2026-12-03,KQ,CV,%s\nQ_1-0001,Sắp xếp mã a,P1,p1.nga,2026-12-03,KQ,CV,%s\n' \
    "$MADE" "$MADE" >"$T/order.csv"
DB=$B expect 0 "references with '_' import" import "$T/order.csv"
is "$(DB=$B run list --unit P1 --search "sap xep ma" --format csv; printf '%s\n' "$out" | cut -d, -f1 | tr '\n' ' ')" \
    "ref Q_1-0001 QA-0001 " "list --unit sorts them as the reference column does: Q_1 before QA"
is "$(DB=$B run list --unit P1 --search "sap xep ma" --limit 1 --format csv; printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)" \
    "Q_1-0001" "and --limit 1 gives that first one"

done_testing
