#!/bin/sh
# Every command of CLI.md (but report, import, export, verify and backup) on
# success and on each refusal: the exit status of CLI.md (0 done, 1 refused,
# 2 usage, 3 storage), a refusal said in one line starting "roviec: ", and
# on every refusal the database left exactly as it was.
. "$(dirname "$0")/lib.sh"

# refuse STATUS NAME ARGS...: as expect, and the database is unchanged.
refuse() {
	_sum=$(dump | md5sum)
	expect "$@"
	is "$(dump | md5sum)" "$_sum" "$2: nothing changed"
}

# says PATTERN NAME: the last message on stderr matches (grep -E).
says() { like "$err" "$1" "$2"; }

# json EXPR: a Perl expression over $j, the decoded JSON of $out; prints it.
json() {
	printf '%s' "$out" | perl -MJSON::PP -MEncode -e '
	binmode STDOUT, ":utf8";
	local $/; my $j = decode_json(<STDIN>);
	my $r = eval decode("UTF-8", $ARGV[0]); die $@ if $@;
	print defined $r ? $r : "undef";' "$1" 2>&1
}

# field REF COLUMN: a cell of the CSV the last run wrote (RFC 4180, parsed
# strictly: CRLF line ends, quoted fields with doubled quotes).
field() {
	perl -e '
	binmode STDOUT;
	local $/; my $s = <STDIN>; my ($ref, $col) = @ARGV;
	my (@rows, @row);
	while (length $s) {
		if ($s =~ s/^"((?:[^"]|"")*)"//) { (my $v = $1) =~ s/""/"/g; push @row, $v }
		elsif ($s =~ s/^([^,"\r\n]*)//) { push @row, $1 }
		if ($s =~ s/^,//) { next }
		if ($s =~ s/^\r\n//) { push @rows, [@row]; @row = (); next }
		die "not RFC 4180 near: " . substr($s, 0, 20) . "\n";
	}
	die "no final CRLF\n" if @row;
	my @h = @{shift @rows};
	my %at = map { $h[$_] => $_ } 0 .. $#h;
	exists $at{$col} or die "no column $col\n";
	for (@rows) {
		@$_ == @h or die "a row has " . @$_ . " fields, the header " . @h . "\n";
		if ($_->[0] eq $ref) { print $_->[$at{$col}]; exit 0 }
	}
	die "no row $ref\n";' "$1" "$2" <"$T/out" 2>&1
}

# --- init -----------------------------------------------------------------

expect 0 "init makes a new database" init
like "$out" "$ME" "init names the administrator"
[ -f "$DB" ]; ok $? "the file is there"
sum=$(cat "$DB" | md5sum)
refuse 1 "init twice on the same path is refused" init
says "exists" "and says the file exists"
is "$(cat "$DB" | md5sum)" "$sum" "the file itself is untouched"
run person list --format csv
like "$out" "^$ME,.*,admin," "init makes $ME the administrator"
rm -f "$DB" "$DB-wal" "$DB-shm"

fixture_city
ok $? "a small city is set up"

# --- unit add / unit list -------------------------------------------------

run person add head4 "Ngô Văn Bốn" --unit DL
expect 0 "unit add with --parent, --kind and --head" unit add P4 "Phường 4" --parent DL --kind ward --head head4
like "$out" "P4" "unit add says which unit"
run unit list --format csv
like "$out" "^P4,Phường 4,ward,DL,head4," "the unit is listed with its parent, kind and head"
run person list --unit P4 --format csv
like "$out" "^head4,.*,P4,head,yes" "the head named for a new unit joins it as its head"
expect 1 "the head of one unit cannot be named head of a new one" unit add P9 "Phường 9" --parent DL --head chutich
like "$err" "heads a unit" "and the message says so"

expect 0 "unit add of a root unit without options" unit add DANG "Đảng bộ thành phố"
run unit list --format csv
like "$out" "^DANG,Đảng bộ thành phố,city,," "a root unit is a city by default"
refuse 1 "a duplicate code is refused" unit add P1 "Phường Một" --parent DL
says "P1.*exists" "and names the code that exists"
refuse 1 "a code with a space is refused" unit add "P 1" "Phường 1 bis" --parent DL
says "code" "and says what a code is"
refuse 1 "a code with Vietnamese letters is refused" unit add "Phường" "Phường" --parent DL
says "code" "and says what a code is"
refuse 1 "an empty code is refused" unit add "" "Phường" --parent DL
refuse 1 "an unknown parent is refused" unit add P9 "Phường 9" --parent NOPE
says "NOPE" "and names the unknown parent"
refuse 1 "an unknown kind is refused" unit add P9 "Phường 9" --parent DL --kind village
says "kind" "and lists the kinds"
refuse 1 "an unknown head is refused" unit add P9 "Phường 9" --parent DL --head ghost
says "ghost" "and names the unknown login"
refuse 1 "an empty name is refused" unit add P9 "" --parent DL
says "name" "and says the name is missing"
refuse 1 "an officer may not add units" --as off1 unit add P9 "Phường 9" --parent DL
says "administrator" "and says who may"
refuse 1 "a head may not add units" --as chutich unit add P9 "Phường 9" --parent DL
refuse 2 "unit add without its name is a usage error" unit add P9
says "usage:" "and shows the usage"

expect 0 "unit list" unit list
like "$out" "^code +name" "the table has a header"
like "$out" "
P1 +Phường 1 +ward +DL +head1" "and aligned rows"
expect 0 "unit list --format csv" unit list --format csv
like "$out" "^code,name,kind,parent,heads,people,open" "csv has a header row"
refuse 1 "unit list --format xml is refused as an invalid value" unit list --format xml
says "usage:" "and shows the usage"
refuse 1 "unit list --format json is refused as an invalid value" unit list --format json

# --- person add / set / list ----------------------------------------------

expect 0 "person add an officer" person add off4 "Ngô Thị Bốn" --unit P4
expect 0 "person add a head" person add head5 "Lý Văn Năm" --unit P4 --role head
expect 0 "person add an inspector without a unit" person add insp2 "Mai Văn Tra" --role inspector
expect 0 "person add an administrator without a unit" person add admin2 "Quản Trị Hai" --role admin
run person list --format csv
like "$out" "^off4,Ngô Thị Bốn,P4,officer," "the officer is listed in P4"
like "$out" "^head5,Lý Văn Năm,P4,head,yes" "the head heads P4"
like "$out" "^insp2,Mai Văn Tra,,inspector," "the inspector has no unit"
run unit list --format csv
like "$out" '^P4,Phường 4,ward,DL,"head4, head5",' "a person added as head becomes one more of the unit's heads (issue 10, part 3)"
refuse 1 "person add of an unknown unit is refused" person add x1 "Tên" --unit NOPE
says "NOPE" "and names the unit"
refuse 1 "a duplicate login is refused" person add off1 "Lê Văn Khác" --unit P2
says "off1" "and names the login"
refuse 1 "a login with a space is refused" person add "a b" "Tên" --unit P1
says "login" "and says what a login is"
refuse 1 "an empty login is refused" person add "" "Tên" --unit P1
refuse 1 "an officer without --unit is refused" person add x2 "Tên"
says "--unit" "and says to give --unit"
refuse 1 "a head without --unit is refused" person add x3 "Tên" --role head
refuse 1 "an unknown role is refused" person add x4 "Tên" --unit P1 --role boss
says "role" "and lists the roles"
refuse 1 "an empty full name is refused" person add x5 "" --unit P1
refuse 1 "an officer may not add people" --as head1 person add x6 "Tên" --unit P1
says "administrator" "and says who may"
refuse 2 "person add without a full name is a usage error" person add x7

expect 0 "person set --name" person set off4 --name "Ngô Thị Tư"
run person list --format csv
like "$out" "^off4,Ngô Thị Tư,P4," "the new name is listed"
expect 0 "person set --unit moves a person without duties" person set off4 --unit P3
run person list --unit P3 --format csv
like "$out" "^off4," "the person is now in P3"
expect 0 "person set --role" person set off4 --role inspector
run person list --format csv
like "$out" "^off4,.*,inspector," "the role is changed"
refuse 1 "person set of an unknown login is refused" person set ghost --name "Ma"
says "ghost" "and names the login"
refuse 1 "person set to an unknown unit is refused" person set off4 --unit NOPE
refuse 1 "person set to an unknown role is refused" person set off4 --role boss
refuse 1 "person set an empty name is refused" person set off4 --name ""
refuse 1 "person set by a non-administrator is refused" --as head1 person set off1 --name "X"
refuse 2 "person set with nothing to change is a usage error" person set off4
says "usage:" "and shows the usage"

expect 0 "person list" person list
like "$out" "^login +name" "the table has a header"
expect 0 "person list --unit P1" person list --unit P1 --format csv
like "$out" "^head1," "P1's head is listed"
like "$out" "^off1b," "P1's officers are listed"
unlike "$out" "^off2," "P2's officer is not"
refuse 1 "person list --unit of an unknown unit is refused" person list --unit NOPE

# --- add ------------------------------------------------------------------

expect 0 "add with all six clears" --as chutich add "Giải quyết đơn thư" --lead P1 --owner off1 \
    --due +30 --result "Báo cáo kết quả" --basis "Công văn số 2763-CV/BNCTU"
like "$out" '^P1-[0-9]{4}$' "add prints just the reference"
is "$(printf '%s\n' "$out" | wc -l)" 1 "on one line"
is "$err" "" "and nothing on stderr"
d1=$out

A="--lead P1 --owner off1 --due +30 --result Kết-quả --basis Căn-cứ"
# shellcheck disable=SC2086
refuse 1 "add with an empty title is refused" --as chutich add "" $A
says "title" "and says the title is missing"
refuse 1 "add with a title of spaces is refused" --as chutich add "   " $A
says "title" "and says the title is missing"
refuse 1 "add without --lead is refused" --as chutich add "Việc" --owner off1 --due +30 --result R --basis B
says "lead unit" "and says the lead unit is missing"
unlike "$err" "owner|deadline|result|basis" "and names nothing else"
refuse 1 "add without --owner is refused" --as chutich add "Việc" --lead P1 --due +30 --result R --basis B
says "owner" "and says the owner is missing"
refuse 1 "add without --due is refused" --as chutich add "Việc" --lead P1 --owner off1 --result R --basis B
says "deadline" "and says the deadline is missing"
refuse 1 "add without --result is refused" --as chutich add "Việc" --lead P1 --owner off1 --due +30 --basis B
says "result" "and says the expected result is missing"
refuse 1 "add without --basis is refused" --as chutich add "Việc" --lead P1 --owner off1 --due +30 --result R
says "basis" "and says the basis is missing"
refuse 1 "add with an empty --basis is refused" --as chutich add "Việc" --lead P1 --owner off1 --due +30 --result R --basis ""
says "basis" "and says the basis is missing"
refuse 1 "add with only a title is refused" --as chutich add "Việc"
says "lead unit.*owner.*deadline.*result.*basis" "and names all five missing clears at once"
_sum=$(dump | md5sum)
run --as chutich add
if [ "$rc" -eq 1 ] || [ "$rc" -eq 2 ]; then ok 0 "add with nothing at all is refused"; else ok 1 "add with nothing at all is refused"; diag "exit $rc"; fi
like "$err" "title.*lead unit.*owner.*deadline.*result.*basis" "and names all six missing clears, the title too"
is "$(dump | md5sum)" "$_sum" "add with nothing at all: nothing changed"
_sum=$(dump | md5sum)
run --as chutich add --lead P1 --owner off1 --due +30 --result R --basis B
if [ "$rc" -eq 1 ] || [ "$rc" -eq 2 ]; then ok 0 "add without a title is refused"; else ok 1 "add without a title is refused"; diag "exit $rc"; fi
like "$err" "title" "and says the title (the work) is missing"
is "$(dump | md5sum)" "$_sum" "add without a title: nothing changed"

refuse 1 "an owner outside the lead unit is refused" --as chutich add "Việc" --lead P1 --owner off2 --due +30 --result R --basis B
says "off2|P1" "and says the owner must be of P1"
refuse 1 "an unknown owner is refused" --as chutich add "Việc" --lead P1 --owner ghost --due +30 --result R --basis B
says "ghost" "and names the login"
refuse 1 "an unknown lead unit is refused" --as chutich add "Việc" --lead NOPE --owner off1 --due +30 --result R --basis B
says "NOPE" "and names the unit"
refuse 1 "a head of another unit may not assign to P1" --as head2 add "Việc" $A
says "head" "and says who may assign"
refuse 1 "an officer may not assign" --as off1 add "Việc" $A
expect 0 "the head of the lead unit may assign" --as head1 add "Việc của phường" $A
expect 0 "the head of a unit above may assign" --as chutich add "Việc của thành phố" $A

expect 0 "add with --support P2:PART and P3 without part" --as chutich add "Giải phóng mặt bằng" $A \
    --support "P2:Cung cấp hồ sơ địa chính" --support P3 --field "Đất đai" --note "Khẩn"
d_sup=$out
run show "$d_sup"
like "$out" "supporting +P2 Phường 2: Cung cấp hồ sơ địa chính" "show names P2 with its part"
like "$out" "supporting +P3 Phường 3" "show names P3 without a part"
run show "$d_sup" --format json
is "$(json 'join ",", sort map { ref $_ ? $_->{unit} // $_->{code} // "?" : $_ } @{$j->{support}}')" "P2,P3" "show --format json lists both supporters"
refuse 1 "the lead unit as a supporter is refused" --as chutich add "Việc" $A --support P1:x
says "P1" "and names the unit"
refuse 1 "the same supporter twice is refused" --as chutich add "Việc" $A --support P2:a --support P2:b
says "P2" "and names the unit"
refuse 1 "an unknown supporter is refused" --as chutich add "Việc" $A --support NOPE
says "NOPE" "and names the unit"
refuse 1 "a past deadline is refused" --as chutich add "Việc" --lead P1 --owner off1 --due 2020-01-15 --result R --basis B
says "past|2020-01-15" "and says the deadline is past"
refuse 1 "yesterday is refused" --as chutich add "Việc" --lead P1 --owner off1 --due "$(date -d yesterday +%F)" --result R --basis B
expect 0 "today is a deadline" --as chutich add "Việc hôm nay" --lead P1 --owner off1 --due "$(date +%F)" --result R --basis B
expect 0 "DD/MM/YYYY is a deadline" --as chutich add "Việc ngày" --lead P1 --owner off1 --due "$(date -d '+40 days' +%d/%m/%Y)" --result R --basis B
run show "$out" --format json
is "$(json '$j->{deadline}')" "$(date -d '+40 days' +%F)" "DD/MM/YYYY is read as day, month, year"
refuse 1 "an inspector may not add" --as insp add "Việc" $A

# --- list -----------------------------------------------------------------

dd=$(TITLE="Xử lý tình trạng Đùn đẩy ở Phường 1" new_duty)
q=$(TITLE='Họp "khẩn", tổ dân phố 3' LEAD=P2 OWNER=off2 new_duty --support P1:"Báo cáo")
expect 0 "list" list
like "$out" "^ref +deadline +status +lead +owner +title" "the table has a header"
like "$out" "
$dd +[0-9-]{10} +open +P1 +off1 +Xử lý" "and a row per duty"
expect 0 "list --unit P2" list --unit P2 --format csv
like "$out" "^$q," "lists P2's duty"
unlike "$out" "^$dd," "not P1's"
expect 0 "list --supporting P1" list --supporting P1 --format csv
like "$out" "^$q," "lists the duty P1 supports"
unlike "$out" "^$dd," "not the one P1 leads"
expect 0 "list --owner off2" list --owner off2 --format csv
like "$out" "^$q," "lists off2's duty"
unlike "$out" "^$dd," "not off1's"
refuse 1 "list --unit of an unknown unit is refused" list --unit NOPE
refuse 1 "list --owner of an unknown login is refused" list --owner ghost
refuse 1 "list --supporting of an unknown unit is refused" list --supporting NOPE

expect 0 "list --search without diacritics" list --search "dun day" --format csv
like "$out" "^$dd," "'dun day' finds 'Đùn đẩy'"
unlike "$out" "^$q," "and not the others"
run list --search "Đùn đẩy" --format csv
like "$out" "^$dd," "'Đùn đẩy' finds itself"
run list --search "ĐÙN ĐẨY" --format csv
like "$out" "^$dd," "the search ignores case"
run list --search "phuong" --format csv
like "$out" "^$dd," "'phuong' finds 'Phường'"
run list --search "nothing like this" --format csv
is "$(printf '%s\n' "$out" | wc -l)" 1 "a search that finds nothing lists only the header"
expect 0 "list --limit 1" list --limit 1 --format csv
is "$(printf '%s\n' "$out" | wc -l)" 2 "shows one duty"
refuse 1 "list --limit 0 is refused as an invalid value" list --limit 0
refuse 1 "list --limit abc is refused as an invalid value" list --limit abc
refuse 1 "list --format xml is refused as an invalid value" list --format xml
says "usage:" "and shows the usage"
refuse 1 "list --status unknown is refused as an invalid value" list --status lost
refuse 1 "list --flag unknown is refused as an invalid value" list --flag lazy

expect 0 "list --format csv" list --format csv
like "$out" "^ref,uuid,title,lead_unit,owner,support,deadline,original_deadline,status,flags,handoffs" "csv has the header row"
is "$(field "$q" title)" 'Họp "khẩn", tổ dân phố 3' "a title with a comma and a quote round-trips through RFC 4180"
is "$(field "$q" lead_unit)" "P2" "the row's cells are in their columns"
expect 0 "list --format json" list --format json
is "$(json 'scalar grep { $_->{ref} eq "'"$q"'" && $_->{title} eq "Họp \"khẩn\", tổ dân phố 3" } @$j')" 1 "json parses and keeps the title"
is "$(json 'my ($r) = grep { $_->{ref} eq "'"$q"'" } @$j; join ",", map { exists $r->{$_} ? 1 : 0 } qw(ref uuid title lead_unit owner support deadline status flags handoffs)')" \
    "1,1,1,1,1,1,1,1,1,1" "a duty has the fields CLI.md promises"
run list --unit P3 --format json
is "$(json 'ref $j eq "ARRAY" ? scalar @$j : "not an array"')" 0 "an empty list is an empty JSON array"

# --- show -----------------------------------------------------------------

expect 0 "show" show "$d1"
like "$out" "^$d1  Giải quyết đơn thư" "show starts with the reference and the title"
like "$out" "history:" "and shows the history"
like "$out" "created by chutich via $ME" "with who created it, through whom"
expect 0 "show --format json" show "$d1" --format json
is "$(json '$j->{ref}')" "$d1" "json has the reference"
is "$(json '$j->{history}[0]{action}')" "created" "and the history"
uuid=$(json '$j->{uuid}')
expect 0 "show by UUID" show "$uuid"
like "$out" "^$d1 " "the UUID finds the duty"
lower=$(printf '%s' "$d1" | tr '[:upper:]' '[:lower:]')
expect 0 "show with the reference in lower case" show "$lower"
like "$out" "^$d1 " "finds the same duty"
refuse 1 "show of an unknown reference is refused" show P1-9999
says "reference|P1-9999" "and says there is no such duty"
refuse 1 "show of a malformed reference is refused" show "không-có"
refuse 1 "show --format csv is refused as an invalid value" show "$d1" --format csv

# --- assign ---------------------------------------------------------------

a=$(new_duty)
refuse 1 "an officer may not reassign" --as off1 assign "$a" off1b
says "head" "and says only the head may"
refuse 1 "the head of a unit above may not reassign inside P1" --as chutich assign "$a" off1b
refuse 1 "a new owner outside the lead unit is refused" --as head1 assign "$a" off2
says "P1" "and says the owner must be of P1"
refuse 1 "an unknown new owner is refused" --as head1 assign "$a" ghost
refuse 1 "assigning to the owner it has is refused" --as head1 assign "$a" off1
expect 0 "the head of the lead unit reassigns" --as head1 assign "$a" off1b
run show "$a" --format json
is "$(json '$j->{owner}')" "off1b" "the owner changes at once"
is "$(json '$j->{lead_unit}')" "P1" "the lead unit stays"
refuse 1 "assign of an unknown duty is refused" --as head1 assign P1-9999 off1

# --- transfer, escalate, return -------------------------------------------

t=$(new_duty)
refuse 1 "transfer without --reason is refused" --as off1 transfer "$t" P2
says "reason" "and says a reason is required"
refuse 1 "transfer with an empty reason is refused" --as off1 transfer "$t" P2 --reason ""
says "reason" "and says the reason is empty"
refuse 1 "transfer with a reason of spaces is refused" --as off1 transfer "$t" P2 --reason "   "
refuse 1 "transfer to its own lead unit is refused" --as off1 transfer "$t" P1 --reason "Tự chuyển"
says "P1" "and says P1 leads it already"
refuse 1 "transfer to an unknown unit is refused" --as off1 transfer "$t" NOPE --reason "Không có"
refuse 1 "another officer of P1 may not transfer" --as off1b transfer "$t" P2 --reason "Không phải của tôi"
says "owner|head" "and says who may"
refuse 1 "an outsider may not transfer" --as off2 transfer "$t" P3 --reason "Lý do"
expect 0 "the owner proposes a transfer" --as off1 transfer "$t" P2 --reason "Thuộc địa bàn Phường 2"
run show "$t" --format json
is "$(json '$j->{lead_unit} . " " . $j->{owner}')" "P1 off1" "the owner stays accountable until accepted"
run list --status pending --format csv
like "$out" "^$t," "the duty is pending"
refuse 1 "a second proposal while one is pending is refused" --as head1 transfer "$t" P3 --reason "Thuộc P3"
says "waiting|pending" "and says one is waiting"
refuse 1 "an escalation while one is pending is refused" --as off1 escalate "$t" --reason "Lên trên"
refuse 1 "the head of another unit may not accept" --as head3 accept "$t"
says "head of the receiving unit" "and says who may answer"
refuse 1 "an officer of the receiving unit may not accept" --as off2 accept "$t"
refuse 1 "the sending head may not accept" --as head1 accept "$t"
refuse 1 "accept --owner from outside the receiving unit is refused" --as head2 accept "$t" --owner off3
says "P2" "and says the owner must be of P2"
refuse 1 "reject without a reason is refused" --as head2 reject "$t"
says "reason" "and says a reason is required"
refuse 1 "reject with an empty reason is refused" --as head2 reject "$t" --reason ""
expect 0 "the receiving head rejects with a reason" --as head2 reject "$t" --reason "Không thuộc thẩm quyền"
run show "$t" --format json
is "$(json '$j->{lead_unit} . " " . $j->{owner} . " " . $j->{status}')" "P1 off1 open" "a rejected proposal leaves the duty where it was"
refuse 1 "accept with nothing pending is refused" --as head2 accept "$t"
says "no handoff" "and says nothing waits"
refuse 1 "reject with nothing pending is refused" --as head2 reject "$t" --reason "x"
expect 0 "the head of the lead unit proposes a transfer" --as head1 transfer "$t" P2 --reason "Đề nghị lần hai"
expect 0 "the receiving head accepts it for an officer" --as head2 accept "$t" --owner off2
run show "$t" --format json
is "$(json '$j->{lead_unit} . " " . $j->{owner} . " " . $j->{handoffs}')" "P2 off2 1" "accepted: P2 leads, off2 owns, one handoff"
refuse 1 "the old owner may no longer transfer it" --as off1 transfer "$t" P3 --reason "x"

e=$(new_duty)
refuse 1 "escalate without a reason is refused" --as off1 escalate "$e"
says "reason" "and says a reason is required"
refuse 1 "escalate with an empty reason is refused" --as off1 escalate "$e" --reason ""
expect 0 "the owner escalates" --as off1 escalate "$e" --reason "Vượt thẩm quyền"
refuse 1 "the head of P1 may not answer an escalation to DL" --as head1 accept "$e"
expect 0 "the city head accepts the escalation" --as chutich accept "$e"
run show "$e" --format json
is "$(json '$j->{lead_unit} . " " . $j->{owner}')" "DL chutich" "the city leads it, its head owns it"
refuse 1 "escalate from a root unit is refused" --as chutich escalate "$e" --reason "Lên nữa"
says "DL|above" "and says there is nothing above"

r=$(new_duty)
refuse 1 "return without a reason is refused" --as off1 return "$r"
says "reason" "and says a reason is required"
expect 0 "the owner returns it to the assigner" --as off1 return "$r" --reason "Giao nhầm đơn vị"
refuse 1 "the head of P2 may not answer the return" --as head2 accept "$r"
expect 0 "the assigner accepts the return" --as chutich accept "$r"
run show "$r" --format json
is "$(json '$j->{lead_unit} . " " . $j->{owner}')" "DL chutich" "returned to the assigner's unit and to the assigner"
r2=$(OWNER=off1 "$ROVIEC" --db "$DB" --as head1 add "Việc nội bộ" $A)
refuse 1 "return when the assigner is in the lead unit is refused" --as off1 return "$r2" --reason "Trả lại"
says "assigner|reassign" "and says to ask the head instead"

# --- progress -------------------------------------------------------------

p=$(new_duty --support P2:"Hồ sơ")
expect 0 "the owner records progress" --as off1 progress "$p" --note "Đã làm việc với tổ dân phố"
expect 0 "another member of the lead unit records progress" --as off1b progress "$p" --note "Đã thu thập hồ sơ"
expect 0 "a member of a supporting unit records progress" --as off2 progress "$p" --note "Đã gửi hồ sơ"
refuse 1 "an outsider may not record progress" --as off3 progress "$p" --note "Tôi cũng làm"
says "lead unit|supporting" "and says who may"
refuse 1 "progress without --note is refused" --as off1 progress "$p"
says "note" "and says a note is needed"
refuse 1 "progress with an empty note is refused" --as off1 progress "$p" --note ""
run show "$p"
like "$out" "progress by off2 via $ME: Đã gửi hồ sơ" "show lists the progress notes"

# --- extend, approve, refuse ----------------------------------------------

old=$(faketime "$(date -d '-20 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as chutich add \
    "Việc đã quá hạn" --lead P1 --owner off1 --due "$(date -d '-10 days' +%F)" --result R --basis B)
ok $? "a duty made 20 days ago, due 10 days ago (faketime)"
refuse 1 "an extension after the deadline is refused" --as off1 extend "$old" +10 --reason "Xin thêm"
says "deadline" "and says the deadline has passed"

x=$(DUE=+10 new_duty)
deadline=$(date -d '+10 days' +%F)
refuse 1 "extend without a reason is refused" --as off1 extend "$x" +20
says "reason" "and says a reason is required"
refuse 1 "extend to the current deadline is refused" --as off1 extend "$x" "$deadline" --reason "Xin thêm"
says "after" "and says the date must be later"
refuse 1 "extend to an earlier date is refused" --as off1 extend "$x" +5 --reason "Xin thêm"
refuse 1 "extend to an impossible date is refused" --as off1 extend "$x" 2026-02-30 --reason "Xin thêm"
refuse 1 "another officer of P1 may not ask for an extension" --as off1b extend "$x" +20 --reason "Xin thêm"
refuse 2 "extend without a date is a usage error" --as off1 extend "$x" --reason "Xin thêm"
refuse 1 "approve with nothing pending is refused" --as chutich approve "$x"
says "no extension" "and says nothing waits"
expect 0 "the owner asks for an extension" --as off1 extend "$x" +20 --reason "Chờ ý kiến của Sở"
run list --status pending --format csv
like "$out" "^$x," "a duty with an extension asked is pending"
refuse 1 "a second extension while one waits is refused" --as off1 extend "$x" +25 --reason "Nữa"
refuse 1 "the head of the lead unit may not approve" --as head1 approve "$x"
says "assigner" "and says only the assigner answers"
refuse 1 "the owner may not approve" --as off1 approve "$x"
refuse 1 "refuse without a reason is refused" --as chutich refuse "$x"
says "reason" "and says a reason is required"
refuse 1 "refuse by someone else is refused" --as head1 refuse "$x" --reason "Không"
expect 0 "the assigner refuses with a reason" --as chutich refuse "$x" --reason "Đủ thời gian"
run show "$x" --format json
is "$(json '$j->{deadline}')" "$deadline" "a refused extension leaves the deadline"
expect 0 "the owner asks again" --as off1 extend "$x" "$(date -d '+20 days' +%d/%m/%Y)" --reason "Chờ ý kiến của Sở"
expect 0 "the assigner approves" --as chutich approve "$x"
run list --format json
is "$(json 'my ($r) = grep { $_->{ref} eq "'"$x"'" } @$j; "$r->{deadline} $r->{original_deadline}"')" \
    "$(date -d '+20 days' +%F) $deadline" "approve moves the deadline; list --format json keeps the original"
run show "$x"
like "$out" "originally $deadline" "show says what the deadline was"

# --- done, confirm, reopen ------------------------------------------------

c=$(new_duty)
refuse 1 "confirm before it is submitted is refused" --as chutich confirm "$c"
says "submitted" "and says it must be submitted first"
refuse 1 "done without a note is refused" --as off1 done "$c"
says "note" "and says a note is needed"
refuse 1 "done by another officer is refused" --as off1b done "$c" --note "Xong"
expect 0 "the owner proposes a transfer" --as off1 transfer "$c" P2 --reason "Thuộc P2"
refuse 1 "done with a pending transfer is refused" --as off1 done "$c" --note "Xong"
says "proposal|waiting" "and says the proposal must be answered first"
expect 0 "the transfer is rejected" --as head2 reject "$c" --reason "Không thuộc P2"
expect 0 "the owner submits the result" --as off1 done "$c" --note "Đã ban hành văn bản trả lời"
run list --status submitted --format csv
is "$(field "$c" status)" "submitted" "list shows the status word submitted"
refuse 1 "done twice is refused" --as off1 done "$c" --note "Xong"
refuse 1 "the head of P1 may not confirm" --as head1 confirm "$c"
says "assigner" "and says only the assigner confirms"
refuse 1 "reopen without a reason is refused" --as chutich reopen "$c"
says "reason" "and says a reason is required"
refuse 1 "reopen by someone else is refused" --as head1 reopen "$c" --reason "Chưa đạt"
expect 0 "the assigner sends it back" --as chutich reopen "$c" --reason "Thiếu biên bản"
run list --format csv
is "$(field "$c" status)" "open" "list shows it open again"
expect 0 "the owner submits again" --as off1 done "$c" --note "Đã bổ sung biên bản"
expect 0 "the assigner confirms" --as chutich confirm "$c"
run list --status done --format csv
is "$(field "$c" status)" "done" "list --status done shows it done"
run list --format csv
unlike "$out" "^$c," "a done duty leaves the default list"
run list --all --format csv
like "$out" "^$c," "list --all shows it"
refuse 1 "confirm twice is refused" --as chutich confirm "$c"
refuse 1 "progress on a done duty is refused" --as off1 progress "$c" --note "Thêm"
says "done" "and says it is done"
refuse 1 "transfer of a done duty is refused" --as off1 transfer "$c" P2 --reason "x"
expect 0 "the assigner may reopen a done duty" --as chutich reopen "$c" --reason "Phát sinh khiếu nại mới"

# --- redirect -------------------------------------------------------------

rd=$(new_duty)
refuse 1 "redirect by the head of the lead unit is refused" --as head1 redirect "$rd" P2 --reason "x"
says "assigner" "and says only the assigner may"
refuse 1 "redirect by the owner is refused" --as off1 redirect "$rd" P2 --reason "x"
refuse 1 "redirect without a reason is refused" --as chutich redirect "$rd" P2
says "reason" "and says a reason is required"
refuse 1 "redirect with --owner outside the unit is refused" --as chutich redirect "$rd" P2 --owner off3 --reason "x"
says "P2" "and says the owner must be of P2"
refuse 1 "redirect to an unknown unit is refused" --as chutich redirect "$rd" NOPE --reason "x"
refuse 1 "redirect to the lead unit is refused" --as chutich redirect "$rd" P1 --reason "x"
expect 0 "the assigner redirects to P2 (its head owns it)" --as chutich redirect "$rd" P2 --reason "Giao lại cho đúng địa bàn"
run show "$rd" --format json
is "$(json '$j->{lead_unit} . " " . $j->{owner}')" "P2 head2" "P2 leads it, owned by its head"
expect 0 "and back to P1 with --owner" --as chutich redirect "$rd" P1 --owner off1b --reason "Trả về P1"
run list --format json
is "$(json 'my ($r) = grep { $_->{ref} eq "'"$rd"'" } @$j; "$r->{lead_unit} $r->{owner} $r->{handoffs} [@{$r->{flags}}]"')" \
    "P1 off1b 0 []" "A → B → A by redirect: no handoff counted, not bounced"
run list --format csv
is "$(field "$rd" handoffs)" 0 "list --format csv counts no handoff either"
run list --flag bounced --format csv
unlike "$out" "^$rd," "list --flag bounced does not list it"
expect 0 "a unit P5 with no head" unit add P5 "Phường 5" --parent DL --kind ward
expect 0 "and an officer in it" person add off5 "Trịnh Văn Năm" --unit P5
refuse 1 "redirect to a unit with no head and no --owner is refused" --as chutich redirect "$rd" P5 --reason "x"
says "--owner" "and says to name the owner with --owner"
expect 0 "a unit P6 with no head yet" unit add P6 "Phường 6" --parent DL --kind ward
expect 0 "and an officer in it" person add off6 "Đinh Thị Sáu" --unit P6
expect 0 "redirect to P6 with --owner" --as chutich redirect "$rd" P6 --owner off6 --reason "Giao P6"
run show "$rd" --format json
is "$(json '$j->{lead_unit} . " " . $j->{owner} . " " . $j->{handoffs}')" "P6 off6 0" "P6 leads it, off6 owns it, still no handoff"

# A redirect withdraws the proposal waiting on the duty.
wd=$(new_duty)
expect 0 "a transfer to P3 waits" --as off1 transfer "$wd" P3 --reason "Thuộc P3"
expect 0 "the assigner redirects it to P2 meanwhile" --as chutich redirect "$wd" P2 --owner off2 --reason "Giao P2"
run show "$wd" --format json
is "$(json '$j->{lead_unit} . " " . $j->{owner} . " " . $j->{status} . " " . ($j->{pending_handoff} // "none")')" \
    "P2 off2 open none" "the proposal is withdrawn, the duty open in P2"
refuse 1 "P3's head can no longer accept the withdrawn proposal" --as head3 accept "$wd"

# A unit without a head cannot accept; once the administrator names one
# (a member of the unit), that head can.
tp=$(new_duty)
expect 0 "a transfer to P6" --as off1 transfer "$tp" P6 --reason "Thuộc P6"
refuse 1 "the city head cannot answer for P6, which has no head" --as chutich accept "$tp" --owner off6
says "head of the receiving unit" "and the message says only P6's head may answer"
expect 0 "the administrator makes off6 a head of P6" person set off6 --role head
expect 0 "and off6 accepts it" --as off6 accept "$tp"
run show "$tp" --format json
is "$(json '$j->{lead_unit} . " " . $j->{owner}')" "P6 off6" "P6 leads it, off6 owns it"

# --- cancel ---------------------------------------------------------------

k=$(new_duty)
refuse 1 "cancel by someone else is refused" --as head1 cancel "$k" --reason "x"
says "assigner" "and says only the assigner may"
refuse 1 "cancel without a reason is refused" --as chutich cancel "$k"
says "reason" "and says a reason is required"
expect 0 "the assigner cancels" --as chutich cancel "$k" --reason "Không còn cần thiết"
run list --status cancelled --format csv
is "$(field "$k" status)" "cancelled" "list --status cancelled shows it"
refuse 1 "progress on a cancelled duty is refused" --as off1 progress "$k" --note "x"
refuse 1 "done on a cancelled duty is refused" --as off1 done "$k" --note "x"
refuse 1 "transfer of a cancelled duty is refused" --as off1 transfer "$k" P2 --reason "x"
refuse 1 "escalate of a cancelled duty is refused" --as off1 escalate "$k" --reason "x"
refuse 1 "assign of a cancelled duty is refused" --as head1 assign "$k" off1b
refuse 1 "extend of a cancelled duty is refused" --as off1 extend "$k" +60 --reason "x"
refuse 1 "redirect of a cancelled duty is refused" --as chutich redirect "$k" P2 --reason "x"
refuse 1 "cancel twice is refused" --as chutich cancel "$k" --reason "x"
refuse 1 "confirm of a cancelled duty is refused" --as chutich confirm "$k"
refuse 1 "reopen of a cancelled duty is refused" --as chutich reopen "$k" --reason "x"

# --- list --status, each status ------------------------------------------

st_open=$(new_duty)
st_pend=$(new_duty)
"$ROVIEC" --db "$DB" --as off1 transfer "$st_pend" P3 --reason "Thuộc P3" >/dev/null
for s in open pending submitted done cancelled; do
	run list --status "$s" --format csv
	ok $rc "list --status $s"
	bad=$(printf '%s\n' "$out" | sed 1d | awk -F, -v s="$s" '$0 !~ ","s"," { print $1 }' | head -3)
	is "$bad" "" "list --status $s lists only $s duties"
done
run list --status open --format csv
like "$out" "^$st_open," "the open duty is open"
unlike "$out" "^$st_pend," "the pending duty is not open"
run list --status pending --format csv
like "$out" "^$st_pend," "the pending duty is pending"
run list --status done --status cancelled --format csv
like "$out" "^$k,.*,cancelled," "--status twice lists both: cancelled"
run list --flag escalated --format csv
like "$out" "^$e," "list --flag escalated lists the escalated duty"
unlike "$out" "^$st_open," "and not the others"

# --- inspectors -----------------------------------------------------------

i=$(new_duty --support P2:x)
"$ROVIEC" --db "$DB" --as off1 extend "$i" +60 --reason "Xin" >/dev/null
for cmd in "add Việc $A" "assign $i off1b" "transfer $i P2 --reason x" "escalate $i --reason x" \
    "return $i --reason x" "accept $i" "reject $i --reason x" "progress $i --note x" \
    "extend $i +90 --reason x" "approve $i" "refuse $i --reason x" "done $i --note x" \
    "confirm $i" "reopen $i --reason x" "redirect $i P2 --reason x" "cancel $i --reason x"; do
	# shellcheck disable=SC2086
	refuse 1 "an inspector may not ${cmd%% *}" --as insp $cmd
	says "inspector" "and the message is about inspectors"
done
for cmd in "unit add P9 Chín --parent DL" "person add x9 Chín --unit P1" "person set off1 --name X"; do
	# shellcheck disable=SC2086
	refuse 1 "an inspector may not: $cmd" --as insp $cmd
	says "inspector|administrator" "and says who may"
done
expect 0 "an inspector lists every duty" --as insp list --all
expect 0 "an inspector shows a duty" --as insp show "$i" --format json
expect 0 "an inspector lists units" --as insp unit list
expect 0 "an inspector lists people" --as insp person list
expect 0 "an inspector sees the board" --as insp

# --- --as -----------------------------------------------------------------

h=$(new_duty)
expect 0 "the administrator acts for off1" --as off1 progress "$h" --note "Thay mặt"
run show "$h" --format json
is "$(json 'my $x = $j->{history}[-1]; "$x->{action} $x->{by} $x->{via}"')" "progress off1 $ME" \
    "the history has by the acted-for login and via the administrator"
expect 0 "without --as the administrator acts as itself" person list
refuse 1 "--as an unknown login is refused" --as ghost list
says "ghost|not registered" "and says the login is not registered"
refuse 1 "--as an unknown login is refused for writes too" --as ghost progress "$h" --note "x"

DB1=$DB
DB=$T/two.db
"$ROVIEC" --db "$DB" init >/dev/null &&
"$ROVIEC" --db "$DB" unit add Q1 "Phường Q1" >/dev/null &&
"$ROVIEC" --db "$DB" person add boss "Quản Trị" --role admin >/dev/null &&
"$ROVIEC" --db "$DB" person add qoff "Cán Bộ" --unit Q1 >/dev/null
ok $? "a second database with another administrator"
expect 0 "$ME demotes itself to officer" person set "$ME" --role officer --unit Q1
refuse 1 "--as by a non-administrator is refused" --as boss unit add Q2 "Phường Q2"
says "administrator" "and says only an administrator may use --as"
refuse 1 "--as by a non-administrator is refused for reads too" --as qoff list
refuse 1 "the demoted officer may not add units" unit add Q2 "Phường Q2"
expect 0 "but may read" list
DB=$DB1

# --- the board, demo, init --demo -----------------------------------------

expect 0 "the board of an officer" --as off1
like "$out" "Board of Phường 1 \(P1\), as off1" "names the unit and the person"
like "$out" "^$h " "lists a duty its unit leads"
like "$out" "Duties it supports" "and then the duties it supports"
expect 0 "the board of the administrator, who has no unit" 
like "$out" "no unit" "says there is no board without a unit"

DB1=$DB
DB=$T/demo.db
expect 0 "init --demo" init --demo
like "$out" "Đà Lạt" "says the demo is in it"
run unit list --format csv
like "$out" "^P12," "the demo has the 12 wards"
like "$out" "Tà Nung" "and the communes"
run list --all --format csv
ok "$([ "$(printf '%s\n' "$out" | wc -l)" -gt 10 ] && echo 0 || echo 1)" "and duties"
refuse 1 "init --demo on an existing database is refused" init --demo
says "exists" "and says the file exists"
sum=$(dump | md5sum)
expect 0 "demo on an existing database opens the board" demo
like "$out" "Board of" "and shows the board"
is "$(dump | md5sum)" "$sum" "demo on an existing database changes nothing"
DB=$T/demo2.db
expect 0 "demo on a new path creates the demo and opens the board" demo
like "$err" "created the Đà Lạt demo" "says it created the demo"
like "$out" "Board of" "and shows the board"
[ -f "$DB" ]; ok $? "the database is made"
DB=$DB1

# --- usage ----------------------------------------------------------------

refuse 2 "an unknown command is a usage error" frobnicate
says "frobnicate" "and names the command"
says "usage:|--help" "and points to the usage"
refuse 2 "an unknown option is a usage error" list --frob
says "usage:" "and shows the usage"
says "--frob" "and names the option"
refuse 2 "an option of another command is a usage error" show "$d1" --reason x
says "usage:" "and shows the usage"
refuse 2 "an option without its value is a usage error" list --format
says "usage:" "and shows the usage"
refuse 2 "--db without its value is a usage error" list --db
refuse 2 "a missing REF is a usage error" show
says "usage:" "and shows the usage"
refuse 2 "progress without REF is a usage error" progress --note x
says "usage:" "and shows the usage"
refuse 2 "too many arguments is a usage error" show "$d1" extra
says "usage:" "and shows the usage"
refuse 2 "assign with three arguments is a usage error" assign "$d1" off1 off1b
says "usage:" "and shows the usage"
refuse 2 "an option given twice is a usage error" list --unit P1 --unit P2
refuse 2 "unit without a subcommand is a usage error" unit
refuse 2 "unit with an unknown subcommand is a usage error" unit remove P1
refuse 2 "a single-dash option is a usage error" list -x
"$ROVIEC" --help >"$T/out" 2>"$T/err"
is "$?" 0 "--help exits 0"
out=$(cat "$T/out")
for c in init "unit add" "unit list" "person add" "person list" add list show assign transfer \
    escalate return accept reject progress extend approve refuse done confirm reopen redirect cancel; do
	like "$out" "roviec $c( |$)" "--help lists $c"
done
is "$(cat "$T/err")" "" "--help writes nothing on stderr"
"$ROVIEC" --version >"$T/out" 2>"$T/err"
is "$?" 0 "--version exits 0"
like "$(cat "$T/out")" '^roviec [0-9]+\.[0-9]+' "--version prints the version"
"$ROVIEC" list --help >/dev/null 2>&1
is "$?" 0 "--help after a command exits 0"

# --- finding the database -------------------------------------------------

for n in a b c; do
	"$ROVIEC" --db "$T/$n.db" init >/dev/null &&
	"$ROVIEC" --db "$T/$n.db" unit add "U$n" "Đơn vị $n" >/dev/null
	ok $? "database $n"
done
mkdir -p "$XDG_CONFIG_HOME/roviec"
CONF=$XDG_CONFIG_HOME/roviec/config
printf '# roviec\ndb = %s\n' "$T/c.db" >"$CONF"
out=$(ROVIEC_DB="$T/b.db" "$ROVIEC" --db "$T/a.db" unit list --format csv)
like "$out" "^UA," "--db wins over \$ROVIEC_DB and the configuration"
out=$(ROVIEC_DB="$T/b.db" "$ROVIEC" unit list --format csv)
like "$out" "^UB," "\$ROVIEC_DB wins over the configuration"
out=$("$ROVIEC" unit list --format csv)
like "$out" "^UC," "db = in \$XDG_CONFIG_HOME/roviec/config is used"
rm -f "$CONF"
dflt=$XDG_DATA_HOME/roviec/roviec.db
"$ROVIEC" unit list >/dev/null 2>"$T/err"
is "$?" 3 "without any, the default database is used, and there is none yet"
like "$(cat "$T/err")" "$dflt" "the message names the default path"
like "$(cat "$T/err")" "roviec init" "and says how to make one"
[ ! -e "$dflt" ]; ok $? "and no file is made by a read"
(umask 000; "$ROVIEC" init >"$T/out" 2>"$T/err")
is "$?" 0 "init without --db creates the default database"
[ -f "$dflt" ]; ok $? "at \$XDG_DATA_HOME/roviec/roviec.db"
[ -d "$XDG_DATA_HOME/roviec" ]; ok $? "its folder is made"
is "$(stat -c %a "$dflt")" 660 "with mode 0660 even under umask 000"
out=$("$ROVIEC" person list --format csv)
like "$out" "^$ME,.*,admin," "and the default database is the one used"

printf 'db = %s\nthis line is wrong\n' "$T/a.db" >"$CONF"
"$ROVIEC" --db "$T/a.db" unit list >"$T/out" 2>"$T/err"
is "$?" 1 "a bad configuration line is refused with 1"
err=$(cat "$T/err")
like "$err" "^roviec: " "the message starts with roviec:"
like "$err" "$CONF" "and names the file"
like "$err" "line 2" "and the line"
is "$(printf '%s\n' "$err" | wc -l)" 1 "in one line"
printf 'stalled_days = many\n' >"$CONF"
"$ROVIEC" --db "$T/a.db" unit list >/dev/null 2>"$T/err"
is "$?" 1 "a bad value in the configuration is refused with 1"
like "$(cat "$T/err")" "$CONF.*line 1" "and names the file and line"
printf 'colour = blue\n' >"$CONF"
"$ROVIEC" --db "$T/a.db" unit list >/dev/null 2>"$T/err"
is "$?" 1 "an unknown setting is refused with 1"
like "$(cat "$T/err")" "$CONF.*line 1" "and names the file and line"
rm -f "$CONF"

# The last administrator cannot stop being one: nobody could set up units
# and people any more.
LASTDB="$T/lastadmin.db"
"$ROVIEC" --db "$LASTDB" init >/dev/null
"$ROVIEC" --db "$LASTDB" unit add DL "Thành phố" --kind city >/dev/null
before=$(sqlite3 "$LASTDB" .dump | md5sum)
"$ROVIEC" --db "$LASTDB" person set "$ME" --role officer --unit DL >/dev/null 2>"$T/e"
is "$?" 1 "the last administrator cannot demote themselves"
like "$(cat "$T/e")" "last administrator" "and the message says why"
is "$(sqlite3 "$LASTDB" .dump | md5sum)" "$before" "and nothing changed"
"$ROVIEC" --db "$LASTDB" person add second "Quản trị hai" --role admin >/dev/null
"$ROVIEC" --db "$LASTDB" person set "$ME" --role officer --unit DL >/dev/null
is "$?" 0 "with a second administrator, the first may step down"

done_testing
