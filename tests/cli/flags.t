#!/bin/sh
# The flags of PRODUCT.md rule 6 as the command line lists them: a duty
# passed P1 -> P2 -> P1 is bounced, one proposed upward is escalated, one
# without progress for 7 working days is stalled; JSON carries "flags".
. "$(dirname "$0")/lib.sh"

fixture_city
ok $? "a small city is set up"

# Bounced: P1 -> P2 -> P1, each handoff accepted by the receiving head.
b=$(new_duty)
as off1 transfer "$b" P2 --reason "Thuộc địa bàn Phường 2"
ok $rc "the owner proposes a transfer to P2"
as head2 accept "$b" --owner off2
ok $rc "P2's head accepts it for off2"
as off2 transfer "$b" P1 --reason "Đất thuộc Phường 1 theo bản đồ địa chính"
ok $rc "P2 proposes it back to P1"
as head1 accept "$b"
ok $rc "P1's head accepts it back"
run list --flag bounced --format csv
like "$out" "^$b," "list --flag bounced lists the duty passed P1 -> P2 -> P1"
run show "$b"
like "$out" "path +P1 → P2 → P1" "show traces the path P1 → P2 → P1"

# Escalated: proposed to the parent unit, before any answer.
e=$(new_duty)
as off1 escalate "$e" --reason "Vượt thẩm quyền của phường"
ok $rc "the owner escalates to the parent unit"
run list --flag escalated --format csv
like "$out" "^$e," "list --flag escalated lists the escalated duty"
unlike "$out" "^$b," "the bounced duty was never escalated"
run list --flag bounced --format csv
unlike "$out" "^$e," "the escalated duty did not bounce"

# A transfer to an ancestor is an escalation whatever it is called.
t=$(new_duty)
as off1 transfer "$t" DL --reason "Đề nghị thành phố xử lý"
run list --flag escalated --format csv
like "$out" "^$t," "a transfer to the parent unit is flagged escalated"

# Stalled: created 20 days ago, no progress since.
past=$(date -d '-20 days' '+%Y-%m-%d 09:00:00')
s=$(faketime "$past" "$ROVIEC" --db "$DB" --as chutich add "Rà soát quy hoạch" \
    --lead P1 --owner off1 --due +60 --result "Báo cáo" --basis "Kế hoạch 45/KH-UBND")
ok $? "a duty is created 20 days ago (faketime)"
run list --flag stalled --format csv
like "$out" "^$s," "with no progress for 7 working days it is stalled"
unlike "$out" "^$b," "a duty touched today is not stalled"
as off1 progress "$s" --note "Đã làm việc với tổ dân phố"
run list --flag stalled --format csv
unlike "$out" "^$s," "a progress note clears stalled"

# Stalled measures working days: 6 working days is not enough.
fri=$(date -d 'last friday -1 week' '+%Y-%m-%d 09:00:00')
w=$(faketime "$fri" "$ROVIEC" --db "$DB" --as chutich add "Kiểm tra trật tự xây dựng" \
    --lead P1 --owner off1 --due +60 --result "Biên bản" --basis "Chỉ thị 01/CT-UBND")
days=0
i=1
while [ "$(date -d "${fri%% *} +$i days" +%F)" != "$(date -d tomorrow +%F)" ]; do
	[ "$(date -d "${fri%% *} +$i days" +%u)" -le 5 ] && days=$((days + 1))
	i=$((i + 1))
done
run list --flag stalled --format csv
if [ "$days" -ge 7 ]; then
	like "$out" "^$w," "a duty with $days working days without progress is stalled"
else
	unlike "$out" "^$w," "a duty with $days working days without progress is not stalled"
fi

# Unanswered: a proposal waiting 2 working days or more.
u=$(faketime "$(date -d '-10 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as chutich add \
    "Bồi thường giải phóng mặt bằng" --lead P1 --owner off1 --due +60 --result "Phương án" --basis "Quyết định 12/QĐ-UBND")
faketime "$(date -d '-5 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as off1 transfer "$u" P3 --reason "Dự án thuộc P3" >/dev/null
ok $? "a transfer proposed 5 days ago"
run list --flag unanswered --format csv
like "$out" "^$u," "a proposal unanswered for 2 working days is flagged"

# Overdue and due-soon.
o=$(faketime "$(date -d '-30 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as chutich add \
    "Báo cáo tiến độ đầu tư công" --lead P1 --owner off1 --due "$(date -d '-3 days' +%Y-%m-%d)" --result "Báo cáo" --basis "Công văn 88/UBND")
run list --flag overdue --format csv
like "$out" "^$o," "open past its deadline is overdue"
d=$(DUE=+1 new_duty)
run list --flag due-soon --format csv
like "$out" "^$d," "one working day left is due soon"
unlike "$out" "^$o," "an overdue duty is not also due soon"

# Tossed: three accepted unit changes.
x=$(new_duty)
as off1 transfer "$x" P2 --reason r1; as head2 accept "$x"
as head2 transfer "$x" P3 --reason r2; as head3 accept "$x"
as head3 transfer "$x" P2 --reason r3; as head2 accept "$x"
ok $rc "three handoffs accepted"
run list --flag tossed --format json
like "$out" "\"ref\":\"$x\"" "three unit changes make it tossed"

# Late: submitted after the original deadline, even when extended.
l=$(faketime "$(date -d '-20 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as chutich add \
    "Thu hồi đất" --lead P1 --owner off1 --due "$(date -d '-12 days' +%Y-%m-%d)" --result "Quyết định" --basis "CV 1")
faketime "$(date -d '-14 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as off1 extend "$l" +20 --reason "Chờ ý kiến Sở" >/dev/null
faketime "$(date -d '-13 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as chutich approve "$l" >/dev/null
as off1 done "$l" --note "Đã ban hành quyết định"
ok $rc "submitted within the extension"
run list --flag late --all --format csv
like "$out" "^$l," "done after the original deadline is late, extension or not"
run list --flag overdue --format csv
unlike "$out" "^$l," "a submitted duty is not overdue"

# JSON: every duty carries the flags array with the words.
run list --all --format json
ok $rc "list --format json"
perl -MJSON::PP -e '
my ($file, $b, $e) = @ARGV;
open my $f, "<", $file or die; local $/; my $rows = decode_json(<$f>);
my %by = map { $_->{ref} => $_ } @$rows;
for my $r (@$rows) {
	ref $r->{flags} eq "ARRAY" or die "flags is not an array";
	exists $r->{$_} or die "missing $_" for qw(ref uuid title lead_unit owner support deadline status flags handoffs);
}
grep { $_ eq "bounced" } @{$by{$b}{flags}} or die "not bounced";
$by{$b}{handoffs} == 2 or die "handoffs";
grep { $_ eq "escalated" } @{$by{$e}{flags}} or die "not escalated";
$by{$e}{status} eq "pending" or die "status";
' "$T/out" "$b" "$e"
ok $? "JSON rows carry flags arrays, handoffs and the shown status"

# A return to the assigner's unit above the lead unit is escalated too:
# there is no way round the flag (PRODUCT.md rule 6).
rt=$(new_duty)
as off1 return "$rt" --reason "Giao nhầm đơn vị"
ok $rc "the owner proposes returning it to the city head's unit, DL"
run list --flag escalated --format csv
like "$out" "^$rt," "a return to a unit above the lead unit is flagged escalated"
side=$(new_duty)
as off1 transfer "$side" P3 --reason "Thuộc Phường 3"
run list --flag escalated --format csv
unlike "$out" "^$side," "a transfer sideways is not"

# An extension request left unanswered 2 working days is flagged like a
# handoff; it is never withdrawn silently.
xq=$(faketime "$(date -d '-10 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as chutich add \
    "Kiểm kê tài sản công" --lead P1 --owner off1 --due +30 --result "Biên bản kiểm kê" --basis "Kế hoạch 3/KH")
faketime "$(date -d '-5 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as off1 extend "$xq" +60 --reason "Chờ số liệu" >/dev/null
ok $? "an extension asked 5 days ago, not answered"
run list --flag unanswered --format csv
like "$out" "^$xq," "an extension request unanswered for 2 working days is flagged unanswered"
xn=$(new_duty)
as off1 extend "$xn" +60 --reason "Chờ số liệu"
run list --flag unanswered --format csv
unlike "$out" "^$xn," "one asked today is not"
asked=$(date -d '+55 days' +%F)	# +60 asked 5 days ago
as off1 done "$xq" --note "Đã kiểm kê xong"
like "$out" "^$xq: submitted as done; the assigner confirms it; the extension request to $asked was withdrawn$" \
    "done withdraws the request and says so"
is "$(sqlite3 "$DB" "SELECT h.action || '|' || h.text || '|' || h.detail FROM history h JOIN duties d ON d.id = h.duty_id
    WHERE d.ref = '$xq' AND h.action = 'extension-withdrawn'")" "extension-withdrawn|the duty was submitted as done|$asked" \
    "and the history records the withdrawal with its reason"

# A flag narrows the statuses read (the overdue, due soon, stalled and
# unanswered are open; the late submitted or done): the same duties as the
# flag over every status, and none for a status the flag cannot have.
for f in overdue due-soon stalled unanswered late bounced tossed; do
	run list --flag "$f" --all --format csv
	every=$(printf '%s\n' "$out" | sed 1d | cut -d, -f1 | sort | tr '\n' ' ')
	for st in open pending submitted done cancelled; do
		run list --flag "$f" --status "$st" --format csv
		printf '%s\n' "$out" | sed 1d | cut -d, -f1
	done | sort | tr '\n' ' ' >"$T/bystatus"
	is "$(cat "$T/bystatus")" "$every" "--flag $f: the statuses one by one give what every status gives"
done
run list --flag overdue --status done --status submitted --format csv
is "$(printf '%s\n' "$out" | sed 1d)" "" "no done or submitted duty is overdue"
run list --flag late --status open --status pending --format csv
is "$(printf '%s\n' "$out" | sed 1d)" "" "no open duty is late"
run list --flag late --status submitted --status done --format csv
like "$out" "^$l," "a late duty listed by its status"

# A city-wide list of one stored status is read from duties_status_deadline
# in deadline order, only each deadline's duties sorted by reference;
# overdue alone is not sifted by rv_flags again (the index range is its
# rule).  Each such list is in list's order, a --limit is its first rows,
# and the overdue are exactly the duties whose flags say overdue.
for args in "--flag overdue" "--status open" "--status submitted" "--status done" "--status cancelled"; do
	run list $args --format csv
	rows=$(printf '%s\n' "$out" | sed 1d | perl -MText::ParseWords -ne \
	    'my @f = parse_line(",", 0, $_); print "$f[6] $f[0]\n"')
	is "$rows" "$(printf '%s\n' "$rows" | LC_ALL=C sort)" "list $args: by deadline, then reference"
	all=$(printf '%s\n' "$out" | sed 1d)
	run list $args --limit 2 --format csv
	is "$(printf '%s\n' "$out" | sed 1d)" "$(printf '%s\n' "$all" | head -n 2)" "list $args --limit 2: its first two"
done
run list --all --format json
flagged=$(printf '%s\n' "$out" | perl -MJSON::PP -0777 -ne \
    'print map { "$_->{ref}\n" } grep { grep { $_ eq "overdue" } @{$_->{flags}} } @{decode_json($_)}' | sort)
run list --flag overdue --format csv
ok $([ -n "$flagged" ]; echo $?) "some duties are overdue"
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1 | sort)" "$flagged" "--flag overdue lists exactly the duties flagged overdue"

# Two flags at once select duties carrying both.
run list --flag bounced --flag tossed --format csv
unlike "$out" "^$b," "--flag twice means both flags"

done_testing
