#!/bin/sh
# The bad inputs of the evaluation (issue #13): periods, numbers and logins
# that are not ones are refused with exit 1 and a one-line message, the
# database unchanged and no raw control in the message; every case of
# tests/fixtures/text-cases.tsv goes where text is taken (the reasons of
# evaluate set and edit, and every other argument), valid hostile text
# stored exactly as NFC, invalid text refused.
. "$(dirname "$0")/lib.sh"

CASES=$FIXTURES/text-cases.tsv

# What the commands here may change: every change roviec makes appends a
# history entry (the last hash moves), and the evaluations and
# coefficients are read whole; cheaper than a dump for some 300 refusals.
sig() {
	sqlite3 "$DB" "SELECT (SELECT count(*) || ':' || ifnull(max(hash), '') FROM history),
	    (SELECT total(coefficient_x100) || ':' || count(*) FROM duties),
	    (SELECT count(*) || ':' || total(general_x100) || ':' || ifnull(group_concat(reason), '') FROM evaluations)"
}
refuse() {	# refuse STATUS NAME ARGS...: as expect, the message inert
	expect "$@"
	is "$(raw_controls <"$T/err")" "" "$2: the message holds no raw control"
}
# unchanged NAME: nothing changed since the last mark.
mark() { _sum=$(sig); }
unchanged() { is "$(sig)" "$_sum" "$1: nothing changed"; }
hex_of() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$CASES"; }
bytes() { hex_of "$1" | perl -ne 'chomp; print pack("H*", $_)'; }
nfc_hex() {
	hex_of "$1" | perl -MUnicode::Normalize -MEncode -ne '
	chomp; my $s = decode("UTF-8", pack("H*", $_), Encode::FB_CROAK);
	print uc unpack("H*", encode("UTF-8", NFC($s)));'
}
raw_controls() {
	perl -e '
	local $/; $_ = <STDIN>; my %bad;
	$bad{sprintf "0x%02X", ord $1} = 1 while /([\x00-\x09\x0b-\x1f\x7f])/g;
	$bad{sprintf "C1 U+%04X", ord $1} = 1 while /\xc2([\x80-\x9f])/g;
	$bad{"bidi"} = 1 if /\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;
	print join " ", sort keys %bad;'
}
sq() { sqlite3 "$DB" "$1"; }

fixture_city
ok $? "a small city is set up"
ref=$(new_duty)
ok $? "a duty to edit"

# --- periods ------------------------------------------------------------------

mark
for p in 2026-13 2026-00 1999-05 3000-01 2026-Q5 2026-W05 "tháng 5" 5/26 2026/05 \
    05-2026 "" 2026-05-01 "-2026-05" "２０２６-05"; do
	refuse 1 "--month '$p' is refused" --as insp evaluate --month "$p"
done
like "$err" "a month is written YYYY-MM \\(2026-05\\) or MM/YYYY \\(05/2026\\)" "the message shows the forms of a month"
for p in 2026-Q5 2026-Q0 2026-05 Q2-2026 2026-Q 2026-QII "quý 2"; do
	refuse 1 "--quarter '$p' is refused" --as insp evaluate --quarter "$p"
done
like "$err" "a quarter is written YYYY-QN" "the message shows the forms of a quarter"
for p in 26 20260 2026-05 1999 3000 "năm 2026" ""; do
	refuse 1 "--year '$p' is refused" --as insp evaluate --year "$p"
done
like "$err" "a year is written YYYY" "the message shows the form of a year"
for p in week year MONTH ""; do
	refuse 1 "--by '$p' is refused" --as insp evaluate --year 2026 --by "$p"
done
unchanged "the periods refused"
expect 0 "the forms people write are taken: 05/2026" --as insp evaluate --month 05/2026 --format csv
expect 0 "5/2026" --as insp evaluate --month 5/2026 --format csv
expect 0 "q2/2026" --as insp evaluate --quarter q2/2026 --format csv
mark
for p in 2026 2026-13 2026-W05 "" 2026-Q5; do
	refuse 1 "evaluate set --period '$p' is refused" --as head1 evaluate set off1 --period "$p" --general 20 --reason "Lý do"
done
like "$err" "the period is a month \\(2026-05 or 05/2026\\) or a quarter \\(2026-Q2\\)" "and says what a period is"
unchanged "the periods of evaluate set refused"

# --- numbers ------------------------------------------------------------------

mark
for n in "" " " abc 1e2 -1 +1 1. .5 1.234 30.01 31 1,2,3 NaN inf 0x10 "1 5" "３０" "20%" \
    99999999999999999999; do
	refuse 1 "--general '$n' is refused" --as head1 evaluate set off1 --period 2026-11 --general "$n" --reason "Lý do"
done
like "$err" "the general criteria \\(--general\\) is a number from 0 to 30" "and names the bounds"
unchanged "the numbers refused"
expect 0 "--general 0 is taken" --as head1 evaluate set off1 --period 2026-11 --general 0 --reason "Lý do"
expect 0 "--general 30 is taken" --as head1 evaluate set off1 --period 2026-11 --general 30 --reason "Lý do"
expect 0 "--general 29,75 is taken" --as head1 evaluate set off1 --period 2026-11 --general 29,75 --reason "Lý do"
is "$(sq "SELECT general_x100 FROM evaluations e JOIN people p ON p.id = e.person_id WHERE p.login = 'off1'")" 2975 "kept as 2975 hundredths"
mark
for n in "" 75 0 150 100.5 "100%" 50,0,0 abc -50; do
	refuse 1 "--cohesion '$n' is refused" --as chutich evaluate set head1 --period 2026-11 --general 20 --cohesion "$n" --reason "Lý do"
done
like "$err" "cohesion \\(--cohesion\\) is 100 or 50" "and says what cohesion is"
unchanged "the cohesions refused"
expect 0 "--cohesion 50 is taken" --as chutich evaluate set head1 --period 2026-11 --general 20 --cohesion 50 --reason "Lý do"
mark
for n in "" 0 0.09 10.01 11 -1 1e1 abc 1.005 "1 5" "２"; do
	refuse 1 "add --coefficient '$n' is refused" --as chutich add "Việc" --lead P1 --owner off1 --due +30 \
	    --result R --basis B --coefficient "$n"
	refuse 1 "edit --coefficient '$n' is refused" --as chutich edit "$ref" --coefficient "$n"
done
like "$err" "the coefficient \\(--coefficient\\) is a number from 0.1 to 10" "and names the bounds"
unchanged "the coefficients refused"
expect 0 "--coefficient 0.1 is taken" --as chutich edit "$ref" --coefficient 0.1
expect 0 "--coefficient 10 is taken" --as chutich edit "$ref" --coefficient 10
is "$(sq "SELECT coefficient_x100 FROM duties WHERE ref = '$ref'")" 1000 "kept as 1000 hundredths"

# --- logins and units -------------------------------------------------------------

mark
for l in nobody "" "off1;drop" "OFF1 " "off1'--"; do
	refuse 1 "evaluate --person '$l' is refused" --as insp evaluate --person "$l"
	refuse 1 "evaluate set '$l' is refused" --as head1 evaluate set "$l" --period 2026-11 --general 20 --reason "Lý do"
done
refuse 1 "evaluate --unit NOWHERE is refused" --as insp evaluate --unit NOWHERE
refuse 1 "an inspector has no sheet" --as insp evaluate --person insp
refuse 1 "an administrator without a unit has none" --as insp evaluate --person "$ME"
unchanged "the logins refused"

# --- the text cases ---------------------------------------------------------------

cases=$(awk -F'\t' '!/^#/ && $1 != "nul-inside" { print $1 }' "$CASES")
ok "$([ "$(printf '%s\n' $cases | wc -l)" -ge 18 ] && echo 0 || echo 1)" "the text cases are read"
for c in $cases; do
	v=$(bytes "$c")
	mark
	# As a period, a number, a login, a unit: refused, inert.
	refuse 1 "$c as --month" --as insp evaluate --month "$v"
	refuse 1 "$c as --person" --as insp evaluate --person "$v"
	refuse 1 "$c as --unit" --as insp evaluate --unit "$v"
	refuse 1 "$c as the official of evaluate set" --as head1 evaluate set "$v" --period 2026-11 --general 20 --reason "Lý do"
	refuse 1 "$c as --period" --as head1 evaluate set off1 --period "$v" --general 20 --reason "Lý do"
	refuse 1 "$c as --general" --as head1 evaluate set off1 --period 2026-11 --general "$v" --reason "Lý do"
	refuse 1 "$c as --cohesion" --as chutich evaluate set head1 --period 2026-11 --general 20 --cohesion "$v" --reason "Lý do"
	refuse 1 "$c as --coefficient of edit" --as chutich edit "$ref" --coefficient "$v"
	unchanged "$c refused as an argument"
	# As a reason: stored exactly when it is text, refused when it is not.
	case $c in
	overlong|surrogate|truncated|latin1|long-100k)
		refuse 1 "$c as the reason of evaluate set" --as head1 evaluate set off1b --period 2026-11 --general 20 --reason "$v"
		refuse 1 "$c as the reason of edit" --as chutich edit "$ref" --coefficient 2 --reason "$v"
		unchanged "$c refused as a reason"
		;;
	*)
		expect 0 "$c as the reason of evaluate set" --as head1 evaluate set off1b --period 2026-11 --general 20 --reason "$v"
		is "$(sq "SELECT hex(reason) FROM evaluations e JOIN people p ON p.id = e.person_id WHERE p.login = 'off1b'")" \
		    "$(nfc_hex "$c")" "$c: the reason is kept exactly, as NFC"
		is "$(sq "SELECT hex(text) FROM history WHERE action = 'evaluation-set' ORDER BY id DESC LIMIT 1")" \
		    "$(nfc_hex "$c")" "$c: and so is the history's"
		is "$(raw_controls <"$T/out")" "" "$c: what evaluate set prints holds no raw control"
		n=$(sq "SELECT coefficient_x100 FROM duties WHERE ref = '$ref'")
		nn=$([ "$n" = 200 ] && echo 3 || echo 2)
		expect 0 "$c as the reason of edit" --as chutich edit "$ref" --coefficient "$nn" --reason "$v"
		is "$(sq "SELECT hex(text) FROM history WHERE action = 'edited' ORDER BY id DESC LIMIT 1")" \
		    "$(nfc_hex "$c")" "$c: the edit's reason is kept exactly"
		expect 0 "$c: show prints the edit" show "$ref"
		is "$(raw_controls <"$T/out")" "" "$c: show prints no raw control"
		;;
	esac
done
expect 0 "the sheets after all that" --as insp evaluate --month 2026-11
is "$(raw_controls <"$T/out")" "" "evaluate prints no raw control"
expect 0 "the history chains" verify

# --- a schema edited past its NOT NULL ------------------------------------

# Only one who can write the file can make a duty with no ref and no moment
# made, and verify is there to find it; the evaluation of the month it was
# due still runs (it took them for strings, and crashed).
DB=$T/edited.db
cp "$T/roviec.db" "$DB"
sq "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql =
    replace(replace(sql, 'created_at        TEXT NOT NULL', 'created_at        TEXT'),
    'ref               TEXT NOT NULL', 'ref               TEXT') WHERE name = 'duties'"
sq "DROP TRIGGER duties_keep_identity; UPDATE duties SET created_at = NULL, ref = NULL,
    original_deadline = date('now', '-1 day'), deadline = date('now', '-1 day') WHERE ref = '$ref'"
is "$(sq "SELECT count(*) FROM duties WHERE created_at IS NULL AND ref IS NULL")" 1 "a duty has no ref and no moment made"
month=$(sq "SELECT substr(date('now', '-1 day'), 1, 7)")
for how in "" "--person off1" "--format csv"; do
	# shellcheck disable=SC2086 # how holds the options, or none
	expect 0 "evaluate --month $month $how runs over it" --as insp evaluate --month "$month" $how
	is "$(tr -d '\r' <"$T/out" | raw_controls)" "" "and prints no raw control (CSV's lines end in CR LF)"
done
DB=$T/roviec.db

done_testing
