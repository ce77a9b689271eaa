#!/bin/sh
# Units and people as officials name them (issue #10, parts 3 and 5): a
# unit by its code or its name without diacritics, a person by login, name
# or "me"; list --assigner; --status and --flag in the words the tables
# show; a flag never cut on a terminal; messages that read as sentences.
. "$(dirname "$0")/lib.sh"

fixture_city || exit 1
"$ROVIEC" --db "$DB" unit add P10 "Phường 10" --parent DL --kind ward >/dev/null
"$ROVIEC" --db "$DB" unit add XTHO "Xã Xuân Thọ" --parent DL --kind commune >/dev/null
"$ROVIEC" --db "$DB" person add offx "Lý Văn Thọ" --unit XTHO >/dev/null
ok $? "a ward P10 and a commune Xã Xuân Thọ (XTHO) beside Phường 1"
d1=$(new_duty) && d2=$(new_duty) && d3=$(LEAD=XTHO OWNER=offx new_duty)
ok $? "the city head assigns $d1, $d2 to P1 and $d3 to XTHO"

# list --assigner, with a login and with me; --owner me.
as chutich list --assigner me --format csv
is "$(printf '%s\n' "$out" | cut -d, -f1 | sed 1d | sort | tr '\n' ' ')" "$d1 $d2 $d3 " "list --assigner me: what the acting person assigned"
run list --assigner chutich --format csv
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 3 "list --assigner chutich: the same three"
as head1 list --assigner me --format csv
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 0 "head1 assigned none"
as off1 list --owner me --format csv
is "$(printf '%s\n' "$out" | cut -d, -f1 | sed 1d | sort | tr '\n' ' ')" "$d1 $d2 " "list --owner me: the acting person's duties"

# A unit by its name, without diacritics; a name given whole wins.
run list --unit "xuan tho" --format csv
is "$(printf '%s\n' "$out" | cut -d, -f1 | sed 1d)" "$d3" "--unit 'xuan tho' is XTHO (Xã Xuân Thọ)"
run list --unit "Phường 1" --format csv
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 2 "--unit 'Phường 1' is P1, not P10: the whole name wins"
expect 1 "a name that fits several units is refused" list --unit phuong
like "$err" "'phuong' names more than one unit: P1 Phường 1, P10 Phường 10, P2 Phường 2" "naming them"
expect 1 "a unit nobody has is refused as before" list --unit "Phường 99"
like "$err" "no unit with the code 'Phường 99'" "with the usual words"

# me, and names, wherever a login or a unit is taken.
as head1 assign "$d1" me
is "$rc" 0 "assign REF me: the head takes it himself"
is "$(sqlite3 "$DB" "SELECT p.login FROM duties d JOIN people p ON p.id = d.owner_id WHERE d.ref = '$d1'")" head1 "head1 owns $d1"
as head1 assign "$d1" "phạm thị lan"
is "$(sqlite3 "$DB" "SELECT p.login FROM duties d JOIN people p ON p.id = d.owner_id WHERE d.ref = '$d1'")" off1b "assign REF 'phạm thị lan' gives it to off1b by her name"
as off1 transfer "$d2" "phuong 2" --reason "Thuộc Phường 2"
is "$(sqlite3 "$DB" "SELECT u.code FROM handoffs h JOIN duties d ON d.id = h.duty_id JOIN units u ON u.id = h.to_unit_id WHERE d.ref = '$d2'")" P2 \
    "transfer REF 'phuong 2' proposes it to P2"
as head2 accept "$d2" --owner me
is "$(sqlite3 "$DB" "SELECT p.login FROM duties d JOIN people p ON p.id = d.owner_id WHERE d.ref = '$d2'")" head2 "accept --owner me"
run person list --unit "xuan tho" --format csv
like "$out" "^offx," "person list --unit 'xuan tho'"
run unit add P11 "Phường 11" --parent DL --kind ward --head me
is "$rc" 0 "unit add --head me"
like "$(sqlite3 "$DB" "SELECT p.login FROM units u JOIN unit_heads h ON h.unit_id = u.id JOIN people p ON p.id = h.person_id WHERE u.code = 'P11'")" "^$ME$" "makes the acting administrator its head"

# The words of the tables, in Vietnamese, for --status and --flag.
o=$(faketime "$(date -d '-30 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as chutich add \
    "Việc đã quá hạn" --lead P1 --owner off1 --due "$(date -d '-3 days' +%F)" --result "Báo cáo" --basis "CV 5")
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" list --flag "quá hạn" --status "dang mo" --format csv >"$T/out" 2>"$T/err"
is "$?" 0 "--flag 'quá hạn' --status 'dang mo' in Vietnamese"
is "$(cut -d, -f1 "$T/out" | sed 1d)" "$o" "they select the overdue open duty"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" list --flag qua-han --format csv >"$T/out" 2>&1
is "$(cut -d, -f1 "$T/out" | sed 1d)" "$o" "without diacritics and with a dash too"
"$ROVIEC" --db "$DB" list --flag overdue --status open --format csv >"$T/out2"
cmp -s "$T/out" "$T/out2"
ok $? "the same as --flag overdue --status open"

# On a terminal the table is cut to its width, but a flag word never is:
# the flags go on below, word by word.
COLUMNS=80 LANG=vi_VN.UTF-8 script -qec "$ROVIEC --db $DB list --all" /dev/null </dev/null |
    tr -d '\r' >"$T/tty"
is "$(perl -CSD -nle 'print if length > 80' "$T/tty" | wc -l)" 0 "list fits 80 columns"
row=$(grep -A2 "^$o " "$T/tty" | tr '\n' ' ' | tr -s ' ')
like "$row" "cầm chừng, quá hạn" "the flags of $o are whole, wrapped, not cut"
unlike "$(cat "$T/tty")" "…$" "no line ends in a cut flag"

# Messages that read as sentences.
as off1b transfer "$d3" P2 --reason "x"
like "$err" "may transfer it$" "'may transfer it', not 'may transferred'"
run person add newp "Người Mới" --role officer
like "$err" "an officer belongs to a unit" "'an officer', not 'a officer'"
run person add newh "Người Mới" --role head
like "$err" "a head belongs to a unit" "'a head' belongs to a unit"
done_testing
