#!/bin/sh
# The board's evaluation (issue #13): key E shows the sheets of Decree
# 335/2025 for the unit's current month, one official a row, from the same
# eval_run as roviec evaluate; Enter opens the duties behind a row, Enter
# again one duty.  December 2026 by hand (TEST_NOW is Monday 7 December):
#   X1 off1, coefficient 2, due 4 Dec, confirmed 3 Dec: on time;
#   X2 off1, coefficient 1, due 3 Dec, sent back on 3 Dec, confirmed 4 Dec:
#      a failed review and a delay;
#   X3 off1b, coefficient 1, due 5 Dec, open: assigned, not completed.
# off1: A = 3, C = 3, Q = P = 2×4 + 1×3 = 11: a = 100, b = c = 100×11/12
#   = 91.67; points = 70 (12 + 11 + 11) / 36 = 66.11; + 27 = 93.11 excellent.
#   X2 took 100×1/12 = 8.33 points off b, and as much off c.
# off1b: A = 1, C = 0: a = b = c = 0, 0 points, no general criteria yet.
# head1 (P1's duties): A = 4, C = 3: a = 75, b = c = 100×11/16 = 68.75;
#   no points while off1b has no total (d unknown).
# December 2026 by hand, and E opens this month's sheets: the file runs
# on Monday 7 December whatever day the suite runs at.
TEST_PIN="2026-12-07 02:00:00"
. "$(dirname "$0")/lib.sh"

fixture_city
ok $? "a small city"
on() {
	_day=$1
	shift
	env -u FAKETIME_SHARED FAKETIME="@$_day 09:00:00" "$@"
}
at() {
	_day=$1 _who=$2
	shift 2
	on "$_day" "$ROVIEC" --db "$DB" --as "$_who" "$@" >/dev/null
}
duty() {
	_o=$1 _due=$2
	shift 2
	on 2026-12-01 "$ROVIEC" --db "$DB" --as chutich add "Nhiệm vụ của $_o hạn $_due" \
	    --lead P1 --owner "$_o" --due "$_due" --result "Báo cáo" --basis "Kế hoạch số 12/KH-UBND" "$@"
}
X1=$(duty off1 2026-12-04 --coefficient 2) && at 2026-12-02 off1 done "$X1" --note "Xong" &&
    at 2026-12-03 chutich confirm "$X1"
ok $? "X1: off1, 2, on time"
X2=$(duty off1 2026-12-03) && at 2026-12-02 off1 done "$X2" --note "Xong" &&
    at 2026-12-03 chutich reopen "$X2" --reason "Thiếu số liệu" &&
    at 2026-12-04 off1 done "$X2" --note "Đã bổ sung" && at 2026-12-04 chutich confirm "$X2"
ok $? "X2: off1, 1, sent back once, confirmed late"
X3=$(duty off1b 2026-12-05)
ok $? "X3: off1b, 1, open"
"$ROVIEC" --db "$DB" --as head1 evaluate set off1 --period 2026-12 --general 27 --reason "Chấp hành tốt" >/dev/null
ok $? "head1 enters off1's general criteria for December"

BOARD_ARGS="--as head1" board
wait_for "\[1 Leads \("
ok $? "head1's board opens"
keys E
wait_for "Evaluation \(Decree 335/2025/ND-CP\), 2026-12"
ok $? "E opens the evaluation of this month"
settled
is "$(screen | perl -CSD -nle 'print if length > 80' | wc -l)" 0 "no line is wider than 80 columns"
like "$(screen)" "login +done +a +b +c +points +general +total +rating" "the headings"
like "$(screen | grep '^off1 ')" "^off1 +2/2 +100\\.00 +91\\.67 +91\\.67 +66\\.11 +27\\.00 +93\\.11 +Excellent" \
    "off1: 2 duties of 2 done (3 converted), a 100, b = c 91.67, 66.11 points, 27 general, 93.11 excellent"
like "$(screen | grep '^off1b ')" "^off1b +0/1 +0\\.00 +0\\.00 +0\\.00 +0\\.00 +- +- *$" \
    "off1b: 1 duty, none done, 0 points, no general criteria, no total"
like "$(screen | grep '^head1 ')" "^head1 +2/3 +75\\.00 +68\\.75 +68\\.75 +- +- +- *$" \
    "head1 on P1's duties: a 75, b = c 68.75, no points while d is unknown"
unlike "$(screen)" "^(off2|off3|head2) " "only P1's officials"
like "$(screen)" "Over the limit of Article 20, clause 5: P1: 1 rated excellent; 20% of the 0 rat" \
    "P1 over Article 20's limit: off1 excellent, nobody good"

keys j
keys Enter
wait_for "off1, 2026-12: the duties behind the figures"
ok $? "Enter opens the duties behind off1's row"
settled
like "$(screen | grep "^$X2 " | head -1)" "^$X2 +2026-12 +1 +quality: sent back 1 time, -8\\.33%" "X2's failed review: 8.33 off b"
like "$(screen | grep "^$X2 " | sed -n 2p)" "^$X2 +2026-12 +1 +progress: 1 deadline missed, -8\\.33%" "X2's delay: 8.33 off c"
like "$(screen | grep "^$X1 ")" "^$X1 +2026-12 +2 +completed, no deduction" "X1 completed on time, weighing 2"
is "$(screen | grep -c "^$X3 ")" 0 "off1b's duty is not off1's"
keys Enter
wait_for "^history:"
ok $? "Enter opens the duty"
wait_for "reopened by chutich"
ok $? "whose history shows it was sent back"
keys q
wait_for "the duties behind the figures"
ok $? "q goes back to the duties"
keys q
wait_for "Evaluation \(Decree"
ok $? "and to the sheets"
keys G Enter
wait_for "off1b, 2026-12: the duties behind the figures" && settled
like "$(screen | grep "^$X3 ")" "^$X3 +2026-12 +1 +assigned, not completed" "off1b's row opens X3, not completed"
keys q q
wait_for "\[1 Leads \("
ok $? "back on the board"
tm kill-session -t board

SESSION=off BOARD_ARGS="--as off1" board
SESSION=off wait_for "\[1 Leads \("
SESSION=off keys E
SESSION=off wait_for "Evaluation \(Decree" && SESSION=off settled
ok $? "an officer's E opens too"
like "$(SESSION=off screen | grep '^off1 ')" "93\\.11" "with their own sheet"
is "$(SESSION=off screen | grep -cE '^(head1|off1b) ')" 0 "and nobody else's"
tm kill-session -t off

keys_help=$(grep -c "evaluation (Decree 335/2025)" "$(dirname "$0")/../../src/tui/keys.c")
is "$keys_help" 1 "E is one line of the key table (the help is made from it)"

done_testing
