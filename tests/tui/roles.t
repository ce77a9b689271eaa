#!/bin/sh
# Every role at home (issue #10, part 3).  The assigner's tab: what he
# assigned, what waits for his decision first, and every decision from
# the board (confirm, reopen, approve, refuse, redirect, cancel), each form
# showing what is decided.  The key line offers only what a person may do.
# Inspectors and administrators of no unit read the board from the city
# overview, any unit and any duty, and change nothing.
. "$(dirname "$0")/lib.sh"

fixture_city || exit 1
q() { sqlite3 "$DB" "$1"; }
hist() { q 'SELECT count(*) FROM history'; }
status_line() { screen | tail -n 3 | grep -Ev '^( *$|[A-Z0-9]+-[0-9]{4} )' | tr '\n' ' ' | sed 's/ *$//'; }
form_text() { screen | sed -n 's/^[^│x]*[│x] \(.*[^ ]\) *[│x][^│x]*$/\1/p' | tr '\n' ' '; }
mk() { TITLE="$1" DUE="$2" new_duty; }

# The city head assigns six duties to P1; each waits in its own way.
CONF=$(mk "Báo cáo kết quả rà soát đất công" +10) &&
    "$ROVIEC" --db "$DB" --as off1 done "$CONF" --note "Đã gửi báo cáo số 12/BC" >/dev/null &&
REOP=$(mk "Thống kê hộ nghèo cuối năm" +12) &&
    "$ROVIEC" --db "$DB" --as off1 done "$REOP" --note "Bảng thống kê sơ bộ" >/dev/null &&
APPR=$(mk "Kiểm tra công trình xây dựng" +14) &&
    "$ROVIEC" --db "$DB" --as off1 extend "$APPR" +40 --reason "Chờ kết quả giám định" >/dev/null &&
REFU=$(mk "Hoàn thiện hồ sơ địa chính" +16) &&
    "$ROVIEC" --db "$DB" --as off1 extend "$REFU" +45 --reason "Thiếu nhân lực" >/dev/null &&
REDI=$(mk "Giải tỏa lấn chiếm vỉa hè" +18) &&
CANC=$(mk "Tổ chức hội nghị tổng kết" +20)
ok $? "six duties assigned by chutich: $CONF $REOP submitted, $APPR $REFU with an extension asked, $REDI $CANC open"

SESSION=chu BOARD_ARGS="--as chutich" board
SESSION=chu wait_for 'Thành phố Đà Lạt \(DL\)  as chutich'
ok $? "the city head's board opens"
SESSION=chu wait_for 'Assigned \(6\)'
ok $? "his Assigned tab counts the six"
SESSION=chu keys 6
SESSION=chu wait_for '\[6 Assigned \(6\)\]' && SESSION=chu settled
is "$(SESSION=chu screen | grep -oE '^P1-[0-9]{4}' | head -4 | sort | tr '\n' ' ')" \
    "$(printf '%s\n' "$CONF" "$REOP" "$APPR" "$REFU" | sort | tr '\n' ' ')" \
    "what waits for his decision comes first: the results and the extensions"
like "$(SESSION=chu screen | grep "^$CONF ")" " confirm +[0-9]{4}-" "the asks column says what is asked: confirm"
like "$(SESSION=chu screen | grep "^$APPR ")" " extend +[0-9]{4}-" "or extend"

# go REF: the cursor on REF, found with /.
go() {
	SESSION=chu keys /
	SESSION=chu wait_for 'Find:' || return 1
	SESSION=chu keys -l "$1"
	SESSION=chu keys Enter
	SESSION=chu wait_for 'found \(n: next' && SESSION=chu settled
}
# decide KEY REF TITLE [TEXT]: opens KEY's form on REF, types TEXT, sends.
decide() {
	go "$2"
	SESSION=chu keys "$1"
	SESSION=chu wait_for "$2: $3" || return 1
	[ -n "${4:-}" ] && SESSION=chu keys -l "$4"
	return 0
}

go "$CONF"
# ^L redraws and clears the status line: the key line shows again.
SESSION=chu keys C-l
SESSION=chu wait_for '^\?: help' && SESSION=chu settled
like "$(SESSION=chu screen | tail -1)" "C: confirm +O: reopen" "on a submitted duty the key line offers confirm and reopen"
unlike "$(SESSION=chu screen | tail -1)" "p: progress|t: transfer|a: assign" "and nothing the assigner may not do"
decide C "$CONF" "Confirm the result and close the duty"
like "$(SESSION=chu form_text)" "submitted by off1 on .*: Đã gửi báo cáo số 12/BC" "confirm shows the result submitted"
SESSION=chu keys Enter
SESSION=chu wait_for "$CONF: confirmed and closed"
is "$(q "SELECT status FROM duties WHERE ref = '$CONF'")" done "C: $CONF is done"

decide O "$REOP" "Send it back for more work"
like "$(SESSION=chu form_text)" "Bảng thống kê sơ bộ" "reopen shows the result sent back"
SESSION=chu keys -l "Thiếu số liệu hộ cận nghèo"
SESSION=chu keys Enter
SESSION=chu wait_for "$REOP: reopened"
is "$(q "SELECT status || '|' || reopened FROM duties WHERE ref = '$REOP'")" "open|1" "O: $REOP is open again"

asked=$(q "SELECT new_deadline FROM extensions x JOIN duties d ON d.id = x.duty_id WHERE d.ref = '$APPR'")
decide y "$APPR" "Approve the extension asked"
like "$(SESSION=chu form_text)" "extension to $asked \(the deadline is [0-9-]+\), asked by off1 on [0-9-]+ [0-9:]+: Chờ kết quả giám định" \
    "approve shows the date asked, by whom, when and why"
SESSION=chu keys Enter
SESSION=chu wait_for "$APPR: extension approved"
is "$(q "SELECT deadline FROM duties WHERE ref = '$APPR'")" "$asked" "y: $APPR is due $asked"

decide v "$REFU" "Refuse the extension asked"
like "$(SESSION=chu form_text)" "asked by off1 .*: Thiếu nhân lực" "refuse shows the request"
SESSION=chu keys -l "Không đủ căn cứ"
SESSION=chu keys Enter
SESSION=chu wait_for "$REFU: extension refused"
is "$(q "SELECT state FROM extensions x JOIN duties d ON d.id = x.duty_id WHERE d.ref = '$REFU'")" refused "v: refused"

decide M "$REDI" "Move it to another unit"
SESSION=chu keys -l "phuong 2"
SESSION=chu keys Enter Enter
SESSION=chu keys -l "Thuộc địa bàn Phường 2"
SESSION=chu keys Enter
SESSION=chu wait_for "$REDI: redirected"
is "$(q "SELECT u.code || '|' || p.login FROM duties d JOIN units u ON u.id = d.lead_unit_id
    JOIN people p ON p.id = d.owner_id WHERE d.ref = '$REDI'")" "P2|head2" "M: $REDI moved to P2 (named 'phuong 2'), its head owns it"

decide X "$CANC" "Cancel the duty"
SESSION=chu keys -l "Không còn cần thiết"
SESSION=chu keys Enter
SESSION=chu wait_for "$CANC: cancelled"
is "$(q "SELECT status FROM duties WHERE ref = '$CANC'")" cancelled "X: cancelled"

# The duty view wraps long text: the expected result is read whole.
RESULT="Báo cáo tổng hợp kết quả rà soát toàn bộ các thửa đất công do phường quản lý, kèm danh sách các trường hợp lấn chiếm và phương án xử lý dứt điểm từng trường hợp"
LONG=$("$ROVIEC" --db "$DB" --as chutich add "Rà soát đất công" --lead P1 --owner off1 --due +25 \
    --result "$RESULT" --basis "Kế hoạch số 7/KH-UBND")
go "$LONG"
SESSION=chu keys Enter
SESSION=chu wait_for "^history:" && SESSION=chu settled
like "$(SESSION=chu screen | sed -n '/^expected result/,/^basis/p' | sed 's/^expected result//; /^basis/d' | tr -s ' \n' '  ' | sed 's/^ //; s/ $//')" \
    "^$RESULT\$" "the duty view wraps the result onto lines below, whole"
SESSION=chu keys Q
SESSION=chu wait_for "EXITED 0"

# An officer who neither owns nor heads: the key line has no assign, no
# transfer; progress, as one of the lead unit.
SESSION=off BOARD_ARGS="--as off1b" board
SESSION=off wait_for "^$REOP " && SESSION=off settled
SESSION=off keys /
SESSION=off wait_for 'Find:'
SESSION=off keys -l "$REOP"
SESSION=off keys Enter
SESSION=off wait_for 'found'
SESSION=off keys C-l
SESSION=off wait_for '^\?: help' && SESSION=off settled
foot=$(SESSION=off screen | tail -1)
like "$foot" "p: progress" "an officer of the lead unit is offered progress"
unlike "$foot" "a: assign|t: transfer|d: done|y: approve|C: confirm" "and nothing else"
SESSION=off keys Q

# An inspector and an administrator of no unit: the city overview first,
# then any unit's board and any duty, and no change.
"$ROVIEC" --db "$DB" person add qtri "Quản trị viên" --role admin >/dev/null
ok $? "an administrator of no unit, qtri"
h0=$(hist)
for who in insp qtri; do
	SESSION=$who BOARD_ARGS="--as $who" board
	SESSION=$who wait_for "City overview: worst first" && SESSION=$who settled
	ok $? "$who: the board opens at the city overview"
	SESSION=$who keys /
	SESSION=$who wait_for 'Unit name holds:'
	SESSION=$who keys -l "phuong 1"
	SESSION=$who keys Enter
	SESSION=$who wait_for 'found'
	SESSION=$who keys Enter
	SESSION=$who wait_for 'P1  as '"$who"'  1 Leads|Phường 1 \(P1\)  as '"$who"
	ok $? "$who: Enter opens P1's board"
	SESSION=$who wait_for "^$REOP " && SESSION=$who settled
	unlike "$(SESSION=$who screen | tail -1)" "p: progress|t: transfer|c: new" "$who: the key line offers no change"
	SESSION=$who keys Enter
	SESSION=$who wait_for "^history:"
	ok $? "$who: Enter opens a duty, with its history"
	SESSION=$who keys q
	SESSION=$who keys Q
done
is "$(hist)" "$h0" "they changed nothing"
done_testing
