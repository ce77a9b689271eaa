#!/bin/sh
# The bad inputs of issue #2: every one is refused with exit 1 (3 for the
# storage cases) and a one-line message naming the problem, the database
# unchanged; hostile text that is valid is stored exactly (as NFC) and never
# reaches the terminal raw, from list, show or an error message.
. "$(dirname "$0")/lib.sh"

CASES=$FIXTURES/text-cases.tsv

# refuse STATUS NAME ARGS...: as expect, with the database unchanged and no
# raw control character in the message.
refuse() {
	_sum=$(dump | md5sum)
	expect "$@"
	is "$(dump | md5sum)" "$_sum" "$2: nothing changed"
	is "$(raw_controls <"$T/err")" "" "$2: the message holds no raw control"
}

says() { like "$err" "$1" "$2"; }

# bytes NAME: the exact bytes of a case of text-cases.tsv.
hex_of() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$CASES"; }
bytes() { hex_of "$1" | perl -ne 'chomp; print pack("H*", $_)'; }
# nfc_hex NAME: the hex of the NFC form of a case, upper case as sqlite3 hex().
nfc_hex() {
	hex_of "$1" | perl -MUnicode::Normalize -MEncode -ne '
	chomp; my $s = decode("UTF-8", pack("H*", $_), Encode::FB_CROAK);
	print uc unpack("H*", encode("UTF-8", NFC($s)));'
}

# raw_controls < FILE: names what would act on a terminal: C0 controls but
# the newline, DEL, C1 controls (U+0080-U+009F) and the bidi controls.
raw_controls() {
	perl -e '
	local $/; $_ = <STDIN>; my %bad;
	$bad{sprintf "0x%02X", ord $1} = 1 while /([\x00-\x09\x0b-\x1f\x7f])/g;
	$bad{sprintf "C1 U+%04X", ord $1} = 1 while /\xc2([\x80-\x9f])/g;
	$bad{"bidi"} = 1 if /\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;
	print join " ", sort keys %bad;'
}

# sq SQL: what sqlite3 itself reads in the database (hex() shows the bytes).
sq() { sqlite3 "$DB" "$1"; }

[ -r "$CASES" ]
ok $? "the text cases are there ($CASES)"
fixture_city
ok $? "a small city is set up"
A="--lead P1 --owner off1 --due +30 --result Kết-quả --basis Căn-cứ"
ref=$(new_duty --support P2:"Hồ sơ")
ok $? "a duty to act on"

# --- dates ----------------------------------------------------------------

refuse 1 "an empty --due is refused" --as chutich add "Việc" --lead P1 --owner off1 --due "" --result R --basis B
says "deadline|date" "and says the date is missing"
refuse 1 "a --due of spaces is refused" --as chutich add "Việc" --lead P1 --owner off1 --due "  " --result R --basis B
says "deadline|date" "and says the date is missing"
refuse 1 "--due 2026-02-30 is refused" --as chutich add "Việc" --lead P1 --owner off1 --due 2026-02-30 --result R --basis B
says "February 2026 has 28 days" "and says February has 28 days"
refuse 1 "--due 31/04/2026 is refused" --as chutich add "Việc" --lead P1 --owner off1 --due 31/04/2026 --result R --basis B
says "April 2026 has 30 days" "and says April has 30 days"
refuse 1 "--due 2026-13-01 is refused" --as chutich add "Việc" --lead P1 --owner off1 --due 2026-13-01 --result R --basis B
says "month 13" "and says there is no month 13"
refuse 1 "--due 'next week' is refused" --as chutich add "Việc" --lead P1 --owner off1 --due "next week" --result R --basis B
says "not a date" "and says it is not a date"
says "YYYY-MM-DD" "and shows how to write one"
refuse 1 "--due 2026/11/30 is refused" --as chutich add "Việc" --lead P1 --owner off1 --due 2026/11/30 --result R --basis B
says "not a date" "and says it is not a date"
refuse 1 "--due +99999 is refused" --as chutich add "Việc" --lead P1 --owner off1 --due +99999 --result R --basis B
says "ten years|3650" "and says how far is too far"
refuse 1 "--due +-3 is refused" --as chutich add "Việc" --lead P1 --owner off1 --due +-3 --result R --basis B
garbage=$(printf '30/0\033[2J4/2026')
refuse 1 "a date holding an escape sequence is refused" --as chutich add "Việc" --lead P1 --owner off1 --due "$garbage" --result R --basis B
says "not a date" "and says it is not a date"
refuse 1 "extend to 2026-02-30 is refused" --as off1 extend "$ref" 2026-02-30 --reason "Xin thêm"
says "February 2026 has 28 days" "and says February has 28 days"
refuse 1 "extend to 31/04/2026 is refused" --as off1 extend "$ref" 31/04/2026 --reason "Xin thêm"
says "April 2026 has 30 days" "and says April has 30 days"
refuse 1 "extend to garbage is refused" --as off1 extend "$ref" "ngày mai" --reason "Xin thêm"
says "not a date" "and says it is not a date"
refuse 1 "extend to an empty date is refused" --as off1 extend "$ref" "" --reason "Xin thêm"
says "date" "and says the date is missing"

# --- titles ---------------------------------------------------------------

refuse 1 "an empty title is refused" --as chutich add "" $A
says "title" "and names the title"
refuse 1 "a title of spaces is refused" --as chutich add "     " $A
says "title" "and names the title"
tabs=$(printf '\t \t')
refuse 1 "a title of tabs and spaces is refused" --as chutich add "$tabs" $A
says "title" "and names the title"
long=$(bytes long-100k)
is "$(printf '%s' "$long" | wc -c | tr -d ' ')" 100000 "the 100 kB title is read from text-cases.tsv"
refuse 1 "a 100 kB title is refused" --as chutich add "$long" $A
says "title" "and names the title"
says "too long" "and says it is too long"
says "300" "and says how long it may be"
ok "$([ "${#err}" -lt 400 ] && echo 0 || echo 1)" "and the message does not echo the title (${#err} bytes)"
refuse 1 "a 100 kB note is refused" --as off1 progress "$ref" --note "$long"
says "too long" "and says it is too long"

# The longest names and parts that are allowed are shown whole.
n200=$(perl -e 'print "Ữ" x 200')
p4000=$(perl -e 'print "Ữ" x 4000')
expect 0 "a unit name of 200 characters" unit add LONG "$n200" --parent DL --kind department
expect 0 "a full name of 200 characters" person add longhead "$n200" --unit LONG --role head
expect 0 "a supporting part of 4000 characters" --as longhead add "Việc" --lead LONG --owner longhead \
    --due +30 --result R --basis B --support "P2:$p4000"
lr=$out
expect 0 "show a duty with the longest names" show "$lr"
perl -Mutf8 -MEncode -e '
	local $/; my $t = decode("UTF-8", <STDIN>); my ($n200, $p4000) = map { decode("UTF-8", $_) } @ARGV;
	my @bad;
	push @bad, "U+FFFD in the output" if $t =~ /\x{FFFD}/;
	push @bad, "lead unit cut" unless $t =~ /^  lead unit +LONG \Q$n200\E$/m;
	push @bad, "owner cut" unless $t =~ /^  owner +longhead \(\Q$n200\E\)$/m;
	push @bad, "assigner cut" unless $t =~ /^  assigner +longhead \(\Q$n200\E\)$/m;
	push @bad, "supporting part cut" unless $t =~ /^  supporting +P2 Phường 2: \Q$p4000\E$/m;
	print join(", ", @bad), "\n" if @bad; exit !!@bad;' "$n200" "$p4000" <"$T/out" >"$T/why"
ok $? "show prints the 200-character names and the 4000-character part whole"
[ -s "$T/why" ] && diag "$(cat "$T/why")"

# --- invalid UTF-8 on every text path -------------------------------------

# bad WHAT PATTERN ARGS...: ARGS, holding the bad bytes of case $c in
# WHAT, are refused; the message names the value (PATTERN) and says UTF-8.
bad() {
	_what=$1
	_pat=$2
	shift 2
	refuse 1 "$c in $_what is refused" "$@"
	says "$_pat" "$c in $_what: the message names $_pat"
	says "UTF-8" "$c in $_what: the message says UTF-8"
}
for c in overlong surrogate truncated latin1; do
	v=$(bytes "$c")
	bad "the title" "title" --as chutich add "$v" $A
	bad "--result" "result" --as chutich add "Việc" --lead P1 --owner off1 --due +30 --result "$v" --basis B
	bad "--basis" "basis" --as chutich add "Việc" --lead P1 --owner off1 --due +30 --result R --basis "$v"
	bad "the --note of add" "note" --as chutich add "Việc" $A --note "$v"
	bad "--field" "field" --as chutich add "Việc" $A --field "$v"
	bad "--support PART" "part" --as chutich add "Việc" $A --support "P2:$v"
	bad "the --note of progress" "note" --as off1 progress "$ref" --note "$v"
	bad "the --note of done" "note" --as off1 done "$ref" --note "$v"
	bad "the --reason of transfer" "reason" --as off1 transfer "$ref" P3 --reason "$v"
	bad "the --reason of escalate" "reason" --as off1 escalate "$ref" --reason "$v"
	bad "the --reason of return" "reason" --as off1 return "$ref" --reason "$v"
	bad "the --reason of extend" "reason" --as off1 extend "$ref" +40 --reason "$v"
	bad "the --reason of cancel" "reason" --as chutich cancel "$ref" --reason "$v"
	bad "the --reason of redirect" "reason" --as chutich redirect "$ref" P3 --reason "$v"
	bad "a unit name" "name" unit add P9 "$v" --parent DL
	bad "a person's full name" "name" person add x9 "$v" --unit P1
	bad "person set --name" "name" person set off1 --name "$v"
	bad "--search" "search" list --search "$v"
	refuse 1 "$c as a unit code is refused" unit add "$v" "Phường" --parent DL
	refuse 1 "$c as a login is refused" person add "$v" "Tên" --unit P1
	refuse 1 "$c as --lead is refused" --as chutich add "Việc" --lead "$v" --owner off1 --due +30 --result R --basis B
	refuse 1 "$c as --owner is refused" --as chutich add "Việc" --lead P1 --owner "$v" --due +30 --result R --basis B
	refuse 1 "$c as --as is refused" --as "$v" list
	refuse 1 "$c as a reference is refused" show "$v"
	refuse 1 "$c as a date is refused" --as chutich add "Việc" --lead P1 --owner off1 --due "$v" --result R --basis B
	refuse 2 "$c as a command is a usage error" "$v"
	refuse 2 "$c as an option is a usage error" list "--$v"
done
v=$(bytes latin1)
run --as chutich add "$v" $A
like "$err" "Windows-1258|save it as UTF-8" "latin1: the message hints to save the text as UTF-8"

# The reject, refuse and reopen reasons need something to answer.
"$ROVIEC" --db "$DB" --as off1 transfer "$ref" P2 --reason "Thuộc P2" >/dev/null
v=$(bytes overlong)
refuse 1 "overlong in the --reason of reject is refused" --as head2 reject "$ref" --reason "$v"
says "reason" "and names the reason"
"$ROVIEC" --db "$DB" --as head2 reject "$ref" --reason "Không" >/dev/null
"$ROVIEC" --db "$DB" --as off1 extend "$ref" +45 --reason "Xin thêm" >/dev/null
refuse 1 "overlong in the --reason of refuse is refused" --as chutich refuse "$ref" --reason "$v"
says "reason" "and names the reason"
"$ROVIEC" --db "$DB" --as chutich refuse "$ref" --reason "Không" >/dev/null
d=$(new_duty)
"$ROVIEC" --db "$DB" --as off1 done "$d" --note "Xong" >/dev/null
refuse 1 "overlong in the --reason of reopen is refused" --as chutich reopen "$d" --reason "$v"
says "reason" "and names the reason"

# --- the configuration file -----------------------------------------------

CONF=$XDG_CONFIG_HOME/roviec/config
mkdir -p "$XDG_CONFIG_HOME/roviec"
for c in overlong surrogate truncated latin1; do
	{ printf '# cấu hình\nstalled_days = 7\ndb = %s\n' "$DB"; bytes "$c"; printf ' = 1\n'; } >"$CONF"
	refuse 1 "$c in a configuration line is refused" list
	says "$CONF" "$c in the configuration: the message names the file"
	says "line 4" "$c in the configuration: and the line"
	says "UTF-8" "$c in the configuration: and says UTF-8"
done
{ printf 'db = %s\n' "$DB"; bytes nul-inside; printf ' = 1\n'; } >"$CONF"
refuse 1 "a NUL in a configuration line is refused" list
says "$CONF.*line 2" "and the message names the file and the line"
says "NUL" "and says the line holds a NUL byte"
for c in csi-clear osc-title c1-csi bidi-override; do
	{ printf 'stalled_days = 7\n'; bytes "$c"; printf ' = 1\n'; } >"$CONF"
	refuse 1 "a configuration line with $c is refused" list
	says "$CONF.*line 2" "$c in the configuration: the message names the file and the line"
done
rm -f "$CONF"

# --- hostile text that is valid: stored, never shown raw ------------------

nduties=$(sqlite3 "$DB" "SELECT count(*) FROM duties WHERE status IN ('open', 'submitted')")
i=0
for c in csi-clear osc-title c1-csi bidi-override tab-newline zero-width; do
	i=$((i + 1))
	v=$(bytes "$c")
	h=$(nfc_hex "$c")
	expect 0 "a duty whose every text is $c" --as chutich add "$v" --lead P1 --owner off1 --due +30 \
	    --result "$v" --basis "$v" --note "$v" --field "$v" --support "P2:$v"
	r=$out
	nduties=$((nduties + 1))
	id=$(sq "SELECT id FROM duties WHERE ref = '$r'")
	is "$(sq "SELECT hex(title) FROM duties WHERE id = $id")" "$h" "$c: the title is stored exactly"
	is "$(sq "SELECT hex(result) || hex(basis) || hex(field) FROM duties WHERE id = $id")" "$h$h$h" \
	    "$c: the result, basis and field are stored exactly"
	is "$(sq "SELECT hex(part) FROM duty_support WHERE duty_id = $id")" "$h" "$c: the supporting part is stored exactly"
	expect 0 "$c: progress" --as off2 progress "$r" --note "$v"
	expect 0 "$c: transfer" --as off1 transfer "$r" P3 --reason "$v"
	expect 0 "$c: reject" --as head3 reject "$r" --reason "$v"
	expect 0 "$c: extend" --as off1 extend "$r" +40 --reason "$v"
	expect 0 "$c: refuse" --as chutich refuse "$r" --reason "$v"
	is "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE duty_id = $id AND hex(text) = '$h'")" 6 \
	    "$c: the note and the reasons are stored exactly in the history"
	expect 0 "$c: a unit name" unit add "H$i" "$v" --parent DL
	is "$(sq "SELECT hex(name) FROM units WHERE code = 'H$i'")" "$h" "$c: the unit name is stored exactly"
	expect 0 "$c: a full name" person add "hostile$i" "$v" --unit "H$i"
	is "$(sq "SELECT hex(full_name) FROM people WHERE login = 'hostile$i'")" "$h" "$c: the full name is stored exactly"

	expect 0 "$c: show" show "$r"
	is "$(raw_controls <"$T/out")" "" "$c: show prints no raw control"
	expect 0 "$c: show --format json" show "$r" --format json
	is "$(raw_controls <"$T/out")" "" "$c: show --format json prints no raw control"
	perl -MJSON::PP -MEncode -e 'local $/; my $j = decode_json(<STDIN>); my $v = decode("UTF-8", $ARGV[0]);
	    $j->{title} eq $v or die "title differs\n";
	    my $n = grep { defined $_->{text} && $_->{text} eq $v } @{$j->{history}};
	    $n == 6 or die "history has $n\n"' "$v" <"$T/out"
	ok $? "$c: show --format json escapes it and decodes back to the text"
	expect 0 "$c: list" list
	is "$(raw_controls <"$T/out")" "" "$c: list prints no raw control"
	is "$(wc -l <"$T/out" | tr -d ' ')" "$((nduties + 1))" "$c: list prints one line per duty, no broken rows"
	expect 0 "$c: list --format json" list --format json
	is "$(raw_controls <"$T/out")" "" "$c: list --format json prints no raw control"
	perl -MJSON::PP -MEncode -e 'local $/; my $j = decode_json(<STDIN>); my $v = decode("UTF-8", $ARGV[0]);
	    my ($r) = grep { $_->{ref} eq $ARGV[1] } @$j; $r or die "no $ARGV[1]\n";
	    $r->{title} eq $v or die "title differs\n"' "$v" "$r" <"$T/out"
	ok $? "$c: list --format json escapes it and decodes back to the text"
	expect 0 "$c: the board" --as off1
	is "$(raw_controls <"$T/out")" "" "$c: the board prints no raw control"
	expect 0 "$c: unit list" unit list
	is "$(raw_controls <"$T/out")" "" "$c: unit list prints no raw control"
	expect 0 "$c: person list" person list
	is "$(raw_controls <"$T/out")" "" "$c: person list prints no raw control"
	expect 0 "$c: --search" list --search "$v" --format csv
	like "$out" "^$r," "$c: --search finds the duty by its hostile title"

	# Error messages that quote what was typed.
	refuse 1 "$c as a reference" show "$v"
	refuse 1 "$c as a date" --as chutich add "Việc" --lead P1 --owner off1 --due "$v" --result R --basis B
	refuse 1 "$c as --lead" --as chutich add "Việc" --lead "$v" --owner off1 --due +30 --result R --basis B
	refuse 1 "$c as --owner" --as chutich add "Việc" --lead P1 --owner "$v" --due +30 --result R --basis B
	refuse 1 "$c as --as" --as "$v" list
	refuse 1 "$c as a unit code" unit add "$v" "Phường" --parent DL
	refuse 1 "$c as a login" person add "$v" "Tên" --unit P1
	refuse 1 "$c as a status" list --status "$v"
	refuse 2 "$c as a command" "$v"
	refuse 2 "$c as an option" list "--$v"
	refuse 1 "$c as a --format" list --format "$v"
done

# --- NFD is stored as NFC, and aligns ---------------------------------------

for pair in "nfd-phuong nfc-phuong" "nfd-name nfc-name"; do
	nfd=${pair% *}
	nfc=${pair#* }
	is "$(nfc_hex "$nfd")" "$(hex_of "$nfc" | tr a-f A-F)" "$nfd and $nfc are twins"
	rd=$(TITLE=$(bytes "$nfd") new_duty)
	rc_=$(TITLE=$(bytes "$nfc") new_duty)
	is "$(sq "SELECT hex(title) FROM duties WHERE ref = '$rd'")" "$(hex_of "$nfc" | tr a-f A-F)" "a title in $nfd is stored as its NFC twin"
	is "$(sq "SELECT hex(title) FROM duties WHERE ref = '$rc_'")" "$(hex_of "$nfc" | tr a-f A-F)" "a title in $nfc is stored as is"
	run list
	l1=$(grep "^$rd " "$T/out" | sed "s/^$rd //")
	l2=$(grep "^$rc_ " "$T/out" | sed "s/^$rc_ //")
	is "$l1" "$l2" "list: the rows of $nfd and $nfc are the same after the reference"
	[ "$nfd" = nfd-phuong ] && nfd_ref=$rd
done
expect 0 "a person named in NFD" person add nfdname "$(bytes nfd-name)" --unit P1
expect 0 "a person named in NFC" person add nfcname "$(bytes nfc-name)" --unit P1
is "$(sq "SELECT hex(full_name) FROM people WHERE login = 'nfdname'")" "$(hex_of nfc-name | tr a-f A-F)" "a full name in NFD is stored as NFC"
run person list
perl -MUnicode::Normalize -MEncode -e '
	local $/; my $t = decode("UTF-8", <STDIN>);
	my ($d) = $t =~ /^nfdname (.*)$/m or die "no nfdname row\n";
	my ($c) = $t =~ /^nfcname (.*)$/m or die "no nfcname row\n";
	$d = NFC($d); $c = NFC($c);
	$d eq $c or die "rows differ:\n$d\n$c\n";
	my ($pd, $pc) = map { index($_, " P1 ") } $d, $c;
	$pd == $pc or die "the unit column starts at $pd and $pc\n";' <"$T/out"
ok $? "person list: the column after an NFD name starts where it does after the NFC name"
expect 0 "a unit named in NFD" unit add NFD "$(bytes nfd-phuong)" --parent DL
is "$(sq "SELECT hex(name) FROM units WHERE code = 'NFD'")" "$(hex_of nfc-phuong | tr a-f A-F)" "a unit name in NFD is stored as NFC"
run list --search "$(bytes nfd-phuong)" --format csv
like "$out" "^$nfd_ref," "a search typed in NFD finds the title"

# Every table aligns by display width, whatever the titles and names hold
# (hostile, NFD, wide, emoji): at each column start of the header, every row
# has a character boundary preceded by a space.
wide=$(TITLE=$(bytes cjk-wide) new_duty)
emoji=$(TITLE=$(bytes emoji) new_duty)
person add wide "$(bytes cjk-wide)" --unit P1 >/dev/null 2>&1
aligned() {
	perl -MEncode -e '
	sub w { my $c = shift;
		return 0 if $c =~ /[\p{Mn}\p{Me}]/;
		return 2 if $c =~ /[\p{Ea=W}\p{Ea=F}]/;
		return 1 }
	my @l = map { decode("UTF-8", $_) } <STDIN>; chomp @l;
	my $h = shift @l; my @start;
	push @start, $-[0] while $h =~ /(?<= )\S/g;
	my $bad = 0;
	for my $l (@l) {
		my ($col, %at, $prev) = (0);
		for my $c (split //, $l) { $at{$col} = $prev; $col += w($c); $prev = $c }
		$at{$col} = $prev;
		for my $s (@start) {
			next if $s > $col && $l !~ /\S\z/;
			if (!exists $at{$s} || $at{$s} ne " ") {
				print encode("UTF-8", "column $s misaligned in: $l\n"); $bad = 1; last;
			}
		}
	}
	exit $bad;' <"$T/out" >"$T/why"
}
run list
like "$out" "^$wide .*Hà Nội 中文字" "the wide title is listed"
aligned
ok $? "list: every row aligns with the header, by display width"
[ -s "$T/why" ] && diag "$(head -3 "$T/why")"
run list --search "$(bytes emoji)" --format csv
like "$out" "^$emoji," "the emoji title is found"
run person list
aligned
ok $? "person list: every row aligns with the header, by display width"
[ -s "$T/why" ] && diag "$(head -3 "$T/why")"
run unit list
aligned
ok $? "unit list: every row aligns with the header, by display width"
[ -s "$T/why" ] && diag "$(head -3 "$T/why")"

# --- unknown names, --as --------------------------------------------------

refuse 1 "an unknown unit is refused" --as chutich add "Việc" --lead P7 --owner off1 --due +30 --result R --basis B
says "P7" "and names the unit"
refuse 1 "an unknown login is refused" --as chutich add "Việc" --lead P1 --owner nobody7 --due +30 --result R --basis B
says "nobody7" "and names the login"
refuse 1 "--as an unknown login is refused" --as nobody7 list
says "nobody7|not registered" "and says the login is not registered"
DB1=$DB
DB=$T/two.db
"$ROVIEC" --db "$DB" init >/dev/null &&
"$ROVIEC" --db "$DB" unit add Q1 "Phường Q1" >/dev/null &&
"$ROVIEC" --db "$DB" person add boss "Quản Trị" --role admin >/dev/null &&
"$ROVIEC" --db "$DB" person set "$ME" --role officer --unit Q1 >/dev/null
ok $? "a database where $ME is an officer"
refuse 1 "--as by a non-administrator is refused" --as boss person add x "Tên" --unit Q1
says "administrator" "and says only an administrator may use --as"
DB=$DB1

# --- storage --------------------------------------------------------------

head -c 4096 /dev/urandom >"$T/garbage.db"
sum=$(md5sum <"$T/garbage.db")
"$ROVIEC" --db "$T/garbage.db" list >/dev/null 2>"$T/err"
is "$?" 3 "a file that is not SQLite is refused with 3"
like "$(cat "$T/err")" "not an SQLite file|not a roviec database" "and the message says so"
is "$(raw_controls <"$T/err")" "" "and holds no raw control"
is "$(md5sum <"$T/garbage.db")" "$sum" "and the file is untouched"
printf 'Phường 1,Đùn đẩy\n' >"$T/text.db"
"$ROVIEC" --db "$T/text.db" --as chutich add "Việc" $A >/dev/null 2>"$T/err"
is "$?" 3 "a text file as the database is refused with 3"
is "$(cat "$T/text.db")" "Phường 1,Đùn đẩy" "and it is untouched"

mkdir "$T/adir"
"$ROVIEC" --db "$T/adir" list >/dev/null 2>"$T/err"
is "$?" 3 "a folder as the database is refused with 3"
like "$(cat "$T/err")" "folder|directory" "and the message says it is a folder"
: >"$T/afile"
"$ROVIEC" --db "$T/afile/sub/roviec.db" init >/dev/null 2>"$T/err"
is "$?" 3 "init below a file is refused with 3"
like "$(cat "$T/err")" "^roviec: .*afile/sub/roviec.db" "and the message names the path"
is "$(wc -c <"$T/afile" | tr -d ' ')" 0 "and the file is untouched"

# Read-only files and folders: as root the modes do not apply, so the
# writes run as nobody (setpriv); otherwise as ourselves.
AS_USER=
if [ "$(id -u)" -ne 0 ]; then
	how=self
elif command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$ROVIEC" --version >/dev/null 2>&1; then
	how=nobody
	AS_USER="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	clock_sweep
	chmod 0711 "$T"
else
	how=
fi
if [ -z "$how" ]; then
	echo "ok $((_n + 1)) # SKIP read-only cases: running as root without setpriv to drop to nobody"
	_n=$((_n + 1))
else
	mkdir "$T/ro"
	RO=$T/ro/roviec.db
	"$ROVIEC" --db "$RO" init >/dev/null &&
	"$ROVIEC" --db "$RO" unit add P1 "Phường 1" >/dev/null &&
	if [ "$how" = nobody ]; then
		"$ROVIEC" --db "$RO" person add nobody "Người dùng nobody" --role admin >/dev/null
	fi
	ok $? "a database to make read-only (writes as $how)"
	sum=$(sqlite3 "$RO" .dump | md5sum)
	if [ "$how" = nobody ]; then
		# (The folder is nogroup's, not everyone's: roviec refuses a
		# database in a folder anyone may write to.)
		chgrp nogroup "$RO" "$T/ro" && chmod 0440 "$RO" && chmod 0775 "$T/ro"
	else
		chmod 0440 "$RO"
	fi
	$AS_USER "$ROVIEC" --db "$RO" unit list >/dev/null 2>"$T/err"
	is "$?" 0 "a read-only database can still be read"
	$AS_USER "$ROVIEC" --db "$RO" unit add P2 "Phường 2" >/dev/null 2>"$T/err"
	is "$?" 3 "a write to a read-only database is refused with 3"
	err=$(cat "$T/err")
	like "$err" "^roviec: " "the message starts with roviec:"
	like "$err" "read-only" "and says read-only"
	is "$(printf '%s\n' "$err" | wc -l)" 1 "in one line"
	is "$(sqlite3 "$RO" .dump | md5sum)" "$sum" "and the database is unchanged"

	mkdir "$T/nw"
	chmod 0555 "$T/nw"
	$AS_USER "$ROVIEC" --db "$T/nw/roviec.db" init >/dev/null 2>"$T/err"
	is "$?" 3 "init in a folder that cannot be written is refused with 3"
	err=$(cat "$T/err")
	like "$err" "^roviec: .*$T/nw/roviec.db" "the message names the file"
	like "$err" "ermission|cannot" "and says it cannot be made"
	is "$(printf '%s\n' "$err" | wc -l)" 1 "in one line"
	is "$(ls -A "$T/nw")" "" "and no file is left behind"
	$AS_USER "$ROVIEC" --db "$T/nw/a/b/roviec.db" init >/dev/null 2>"$T/err"
	is "$?" 3 "init below a folder that cannot be written is refused with 3"
	is "$(ls -A "$T/nw")" "" "and no folder is left behind"
	chmod 0755 "$T/nw"
fi

done_testing
