#!/bin/sh
# Issue #11: corrections and undo.  The assigner corrects a duty's title,
# result, basis and supporting units, recorded with the old and new values
# and chained; an official undoes their own last action within 10 minutes
# if nobody acted since, as a compensating entry; an undone handoff leaves
# no bounce behind.  Both show in `show` and pass `verify`; refused with
# exit 1 and nothing written otherwise.  The hostile text cases go through
# edit's text fields.
. "$(dirname "$0")/lib.sh"

CASES=$FIXTURES/text-cases.tsv
sq() { sqlite3 "$DB" "$1"; }
refuse() {	# refuse NAME ARGS...: exit 1, one line, nothing written
	_sum=$(dump | md5sum)
	expect 1 "$@"
	is "$(dump | md5sum)" "$_sum" "$1: nothing written"
}
# at OFFSET ARGS...: roviec at TEST_NOW + OFFSET (date -d's words).
at() {
	_when=$(date -d "$1" '+%Y-%m-%d %H:%M:%S')
	shift
	timeout 60 env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED faketime "$_when" \
	    "$ROVIEC" --db "$DB" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

fixture_city
ok $? "a small city is set up"
ref=$(new_duty --support P2:"Hồ sơ địa chính")
ok $? "a duty with a supporting unit"

# --- edit ------------------------------------------------------------------

refuse "the owner may not correct the duty" --as off1 edit "$ref" --title "Khác"
like "$err" "only the assigner" "and is told who may"
refuse "a head of the lead unit may not either" --as head1 edit "$ref" --result "Khác"
expect 2 "edit with nothing to correct is a usage error" --as chutich edit "$ref"
refuse "the same title again corrects nothing" --as chutich edit "$ref" --title "Giải quyết đơn thư khiếu nại đất đai"
refuse "the lead unit is not made a supporter" --as chutich edit "$ref" --support P1
refuse "an empty title is refused" --as chutich edit "$ref" --title "   "

expect 0 "the assigner corrects the title, the result and the basis" --as chutich edit "$ref" \
    --title "Giải quyết dứt điểm đơn thư đất đai" --result "Báo cáo kết quả, kèm hồ sơ" \
    --basis "Công văn số 2800-CV/BNCTU"
is "$(sq "SELECT title || '|' || result || '|' || basis FROM duties WHERE ref = '$ref'")" \
    "Giải quyết dứt điểm đơn thư đất đai|Báo cáo kết quả, kèm hồ sơ|Công văn số 2800-CV/BNCTU" \
    "the duty holds the new values"
is "$(sq "SELECT search_key FROM duties WHERE ref = '$ref'")" "giai quyet dut diem don thu dat dai" \
    "the search key follows the title"
is "$(sq "SELECT count(*) FROM history WHERE action = 'edited'")" 3 "one history entry per field"
is "$(sq "SELECT json_extract(detail, '\$.from') || ' > ' || json_extract(detail, '\$.to') FROM history WHERE action = 'edited' AND json_extract(detail, '\$.field') = 'title'")" \
    "Giải quyết đơn thư khiếu nại đất đai > Giải quyết dứt điểm đơn thư đất đai" \
    "the title's entry holds the old and the new value"
expect 0 "the assigner replaces the supporting units" --as chutich edit "$ref" --support P3:"Số liệu dân cư" --support P2
is "$(sq "SELECT group_concat(u.code || ':' || s.part, ' ') FROM duty_support s JOIN units u ON u.id = s.unit_id JOIN duties d ON d.id = s.duty_id WHERE d.ref = '$ref' ORDER BY u.code")" \
    "P2:Hồ sơ địa chính P3:Số liệu dân cư" "P2 kept with its part, P3 added"
run show "$ref"
like "$out" 'edited by chutich[^(]* \(title: Giải quyết đơn thư khiếu nại đất đai → Giải quyết dứt điểm đơn thư đất đai\)' \
    "show shows the title's old and new value"
like "$out" 'edited by chutich[^(]* \(support: P2: Hồ sơ địa chính → P2: Hồ sơ địa chính; P3: Số liệu dân cư\)' \
    "show shows the supporting units before and after"
as off2 deliver "$ref" --note "Đã gửi hồ sơ"
refuse "a unit that delivered its part is not removed" --as chutich edit "$ref" --support P3
like "$err" "delivered its part" "and says why"
expect 0 "--support '' removes the others, and keeps P2, delivered" --as chutich edit "$ref" --support P2
run verify
is "$rc" 0 "verify passes after the corrections"
like "$out" "intact" "the chain is intact"

# The hostile texts: edit takes each as add does (stored alike, or both
# refuse), in the title, the result and the basis; show never prints a raw
# control.  (A NUL cannot pass through argv: the shell hands over what
# comes before and after it, which both take alike too.)
bytes() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' "$CASES" | perl -ne 'chomp; print pack("H*", $_)'; }
raw_controls() {
	perl -e 'local $/; $_ = <STDIN>; my %bad;
	$bad{sprintf "0x%02X", ord $1} = 1 while /([\x00-\x09\x0b-\x1f\x7f])/g;
	$bad{sprintf "C1 U+%04X", ord $1} = 1 while /\xc2([\x80-\x9f])/g;
	$bad{"bidi"} = 1 if /\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;
	print join " ", sort keys %bad;'
}
h=$(new_duty)
for c in $(awk -F'\t' '!/^#/ { print $1 }' "$CASES"); do
	v=$(bytes "$c" 2>/dev/null)
	for f in title result basis; do
		case $f in
		title) run --as chutich add "$v" --lead P1 --owner off1 --due +30 --result R --basis B ;;
		result) run --as chutich add "Việc $c" --lead P1 --owner off1 --due +30 --result "$v" --basis B ;;
		basis) run --as chutich add "Việc $c" --lead P1 --owner off1 --due +30 --result R --basis "$v" ;;
		esac
		add_rc=$rc
		added=$(sq "SELECT hex($f) FROM duties WHERE ref = '$out'")
		before=$(dump | md5sum)
		now=$(sq "SELECT hex($f) FROM duties WHERE ref = '$h'")
		run --as chutich edit "$h" --"$f" "$v"
		if [ "$add_rc" -eq 0 ] && [ "$added" = "$now" ]; then
			# The NFD form of what the previous case stored: the same text.
			is "$rc" 1 "$c in --$f: the same text once normalised corrects nothing"
			is "$(dump | md5sum)" "$before" "$c in --$f: nothing written"
		elif [ "$add_rc" -eq 0 ]; then
			is "$rc" 0 "$c in --$f: edit takes it as add does"
			is "$(sq "SELECT hex($f) FROM duties WHERE ref = '$h'")" "$added" "$c in --$f: stored as add stores it"
		else
			is "$rc" "$add_rc" "$c in --$f: edit refuses it as add does"
			is "$(dump | md5sum)" "$before" "$c in --$f: nothing written"
			is "$(raw_controls <"$T/err")" "" "$c in --$f: the refusal holds no raw control"
		fi
	done
done
run show "$h"
is "$(raw_controls <"$T/out")" "" "show of the edited duty holds no raw control"
run verify
is "$rc" 0 "verify passes after the hostile texts"

# --- undo --------------------------------------------------------------------

u=$(new_duty)
expect 0 "off1 records progress" --as off1 progress "$u" --note "Đã làm việc với hộ dân"
expect 0 "and undoes it" --as off1 undo "$u"
is "$(sq "SELECT count(*) FROM progress_notes n JOIN duties d ON d.id = n.duty_id WHERE d.ref = '$u'")" 1 \
    "the note stays written (nothing is deleted)"
is "$(sq "SELECT action || ' ' || json_extract(detail, '\$.action') || ' ' || (json_extract(detail, '\$.entry') = (SELECT max(id) FROM history WHERE action = 'progress')) FROM history ORDER BY id DESC LIMIT 1")" \
    "undone progress 1" "the history gains an undone entry naming the progress entry"
run show "$u"
like "$out" "undone by off1 via [^:]*: takes back progress of " "show shows the undo"
refuse "an undo is not undone" --as off1 undo "$u"
refuse "nothing of off1's is last: nothing to undo twice" --as off1 undo "$u"

# Somebody acted in between.
expect 0 "off1 records progress again" --as off1 progress "$u" --note "Lần hai"
expect 0 "off1b records progress after" --as off1b progress "$u" --note "Tôi cũng làm"
refuse "off1's undo is refused: someone acted since" --as off1 undo "$u"
like "$err" "someone has acted" "and says so"
refuse "nobody undoes another's action" --as head1 undo "$u"

# Ten minutes.
v=$(new_duty)
at "+9 minutes" --as off1 progress "$v" --note "Ghi nhận"
is "$rc" 0 "a progress note at 09:09"
sum=$(dump | md5sum)
at "+20 minutes" --as off1 undo "$v"
is "$rc" 1 "its undo eleven minutes later is refused"
like "$err" "more than 10 minutes ago" "and says why"
is "$(dump | md5sum)" "$sum" "and nothing was written"
at "+18 minutes" --as off1 undo "$v"
is "$rc" 0 "its undo nine minutes later is done"

# A transfer accepted by mistake, undone: back to P1, no handoff counted,
# and no bounce when it later goes to P2 for good.
w=$(new_duty)
expect 0 "off1 proposes P2" --as off1 transfer "$w" P2 --reason "Thuộc thẩm quyền P2"
expect 0 "head2 accepts" --as head2 accept "$w"
is "$(sq "SELECT u.code || ' ' || handoffs FROM duties d JOIN units u ON u.id = d.lead_unit_id WHERE ref = '$w'")" "P2 1" \
    "P2 leads it, one handoff"
expect 0 "head2 undoes the acceptance" --as head2 undo "$w"
is "$(sq "SELECT u.code || ' ' || p.login || ' ' || handoffs || ' ' || bounced FROM duties d JOIN units u ON u.id = d.lead_unit_id JOIN people p ON p.id = d.owner_id WHERE ref = '$w'")" \
    "P1 off1 0 0" "P1 and off1 hold it again; the handoff is not counted"
expect 0 "off1 proposes P2 again" --as off1 transfer "$w" P2 --reason "Thuộc thẩm quyền P2"
expect 0 "off1 undoes the proposal" --as off1 undo "$w"
is "$(sq "SELECT count(*) FROM handoffs h JOIN duties d ON d.id = h.duty_id WHERE d.ref = '$w' AND h.state = 'pending'")" 0 \
    "the proposal is withdrawn"
run list --flag bounced --format csv
unlike "$out" "$w" "no bounced flag"
expect 0 "off1 proposes P2 a third time" --as off1 transfer "$w" P2 --reason "Thuộc thẩm quyền P2"
expect 0 "head2 accepts it for good" --as head2 accept "$w"
is "$(sq "SELECT handoffs || ' ' || bounced FROM duties WHERE ref = '$w'")" "1 0" \
    "one handoff, not bounced: the undone acceptance is not held against P2"
run show "$w" --format json
like "$out" '"flags":\[\]' "show lists no flag"

# An owner put back by an undo has held the duty since before the action
# undone (owner_since, which the evaluation reads), not since the undo.
z=$(new_duty)
since=$(sq "SELECT owner_since FROM duties WHERE ref = '$z'")
at "+1 minutes" --as off1 transfer "$z" P2 --reason "Thuộc thẩm quyền P2"
at "+2 minutes" --as head2 accept "$z"
is "$rc" 0 "P2 accepts $z a minute later"
isnt "$(sq "SELECT owner_since FROM duties WHERE ref = '$z'")" "$since" "its new owner holds it since the acceptance"
at "+3 minutes" --as head2 undo "$z"
is "$rc" 0 "head2 undoes the acceptance"
is "$(sq "SELECT p.login || ' ' || d.owner_since FROM duties d JOIN people p ON p.id = d.owner_id WHERE ref = '$z'")" \
    "off1 $since" "off1 holds it again, since the day it was made"

# A return proposed upward, undone: escalated goes back down too.
x=$(LEAD=P1 new_duty)
expect 0 "off1 escalates to DL" --as off1 escalate "$x" --reason "Vượt thẩm quyền phường"
is "$(sq "SELECT escalated FROM duties WHERE ref = '$x'")" 1 "escalated is raised"
expect 0 "off1 undoes the escalation" --as off1 undo "$x"
is "$(sq "SELECT escalated FROM duties WHERE ref = '$x'")" 0 "escalated goes back"

# Submitted and confirmed, then each undone by its author.
expect 0 "off1 submits" --as off1 done "$x" --note "Đã xong"
expect 0 "chutich confirms" --as chutich confirm "$x"
expect 0 "chutich undoes the confirmation" --as chutich undo "$x"
is "$(sq "SELECT status || ' ' || ifnull(closed_on, '-') FROM duties WHERE ref = '$x'")" "submitted -" \
    "it is submitted again, not closed"
refuse "off1 cannot undo the submission: chutich acted last" --as off1 undo "$x"

# An edit undone puts the texts and supporters back.
expect 0 "the assigner corrects the title" --as chutich edit "$x" --title "Tên sai"
expect 0 "and undoes it" --as chutich undo "$x"
is "$(sq "SELECT title FROM duties WHERE ref = '$x'")" "Giải quyết đơn thư khiếu nại đất đai" "the title is back"

# Creation and answers to others are not undone.
y=$(new_duty)
refuse "a creation is not undone (cancel it)" --as chutich undo "$y"
like "$err" "cancelled by its assigner" "and says what to do"
expect 0 "off1 asks an extension" --as off1 extend "$y" +40 --reason "Cần thêm thời gian"
expect 0 "chutich refuses it" --as chutich refuse "$y" --reason "Không"
refuse "a refusal is not undone" --as chutich undo "$y"
refuse "an inspector undoes nothing" --as insp undo "$y"

# An extension asked, undone: the request is withdrawn, as an entry of
# its own that verify replays.
z=$(new_duty --support P2:"Hồ sơ địa chính")
expect 0 "off1 asks an extension" --as off1 extend "$z" +40 --reason "Cần thêm thời gian"
expect 0 "and undoes it" --as off1 undo "$z"
is "$(sq "SELECT state FROM extensions x JOIN duties d ON d.id = x.duty_id WHERE d.ref = '$z'")" withdrawn \
    "the extension request is withdrawn"
is "$(sq "SELECT group_concat(action, ',') FROM (SELECT h.action FROM history h JOIN duties d ON d.id = h.duty_id WHERE d.ref = '$z' ORDER BY h.id)")" \
    "created,extension-asked,extension-withdrawn,undone" "the withdrawal is recorded before the undo"

# A part delivered, undone: the part is owed again.
expect 0 "head2 delivers P2's part" --as head2 deliver "$z" --note "Đã gửi hồ sơ"
expect 0 "and undoes it" --as head2 undo "$z"
is "$(sq "SELECT ifnull(s.delivered_on, '-') FROM duty_support s JOIN duties d ON d.id = s.duty_id WHERE d.ref = '$z'")" - \
    "the part is not delivered any more"

# The supporting units corrected, undone: they come back as they were.
expect 0 "the assigner replaces P2 by P3" --as chutich edit "$z" --support P3:"Số liệu dân cư"
expect 0 "and undoes it" --as chutich undo "$z"
is "$(sq "SELECT group_concat(u.code || ':' || s.part, ' ') FROM duty_support s JOIN units u ON u.id = s.unit_id JOIN duties d ON d.id = s.duty_id WHERE d.ref = '$z'")" \
    "P2:Hồ sơ địa chính" "P2 supports it again, with its part"

# The coefficient (issue #13) is one field of the same edit, undone alike.
expect 0 "the assigner corrects the coefficient and the title at once" --as chutich edit "$z" \
    --coefficient 1,5 --title "Tên mới" --reason "Thêm một báo cáo"
is "$(sq "SELECT group_concat(json_extract(detail, '\$.field') || '=' || json_extract(detail, '\$.to') || '/' || text, ' ') FROM (SELECT h.detail, h.text FROM history h JOIN duties d ON d.id = h.duty_id WHERE d.ref = '$z' AND h.action = 'edited' ORDER BY h.id)")" \
    "title=Tên mới/Thêm một báo cáo coefficient=1.5/Thêm một báo cáo" \
    "one edited entry per field, in one detail format, each with the reason"
expect 0 "and undoes it" --as chutich undo "$z"
is "$(sq "SELECT title || ' ' || coefficient_x100 FROM duties WHERE ref = '$z'")" \
    "Giải quyết đơn thư khiếu nại đất đai 100" "the title and the coefficient are back"

run verify
is "$rc" 0 "verify passes after every undo"
like "$out" "intact" "the chain is intact"

done_testing
