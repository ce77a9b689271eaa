#!/bin/sh
# True time on a board left open (issue #10, part 1): the board's clock is
# moved on by a day while it runs, no key pressed.  A duty due today turns
# overdue on the screen by itself, an action is recorded at the moved
# moment, and an extension asked after the deadline is refused on the
# board with the command line's words.  The board reads its clock from a
# file that libfaketime reads live (FAKETIME_TIMESTAMP_FILE).
. "$(dirname "$0")/lib.sh"

fixture_city || exit 1
r=$(DUE=+0 TITLE="Báo cáo số liệu trong ngày" new_duty) || exit 1
ok $? "a duty of P1 due today, $r"

# The board's clock: the pin's (TEST_NOW and the time the suite has run
# since), plus what the file says.
for _d in /usr/lib/*/faketime /usr/lib/faketime /usr/local/lib/faketime; do
	[ -e "$_d/libfaketime.so.1" ] && LIBFT=$_d/libfaketime.so.1 && break
done
real=$(env -u LD_PRELOAD -u FAKETIME date -u +%s)
OFF=$(( $(date -u +%s) - real ))
# set_clock SECONDS: the board's clock runs that far past TEST_NOW (the
# file is replaced whole, so that it is never read half-written).
set_clock() {
	_o=$((OFF + $1))
	[ "$_o" -ge 0 ] && _o="+$_o"
	echo "$_o" >"$T/clock.new" && mv "$T/clock.new" "$T/clock"
}
set_clock 0
tm new-session -d -s board -x 80 -y 24 "env -u FAKETIME -u FAKETIME_SHARED \
    LD_PRELOAD=$LIBFT FAKETIME_TIMESTAMP_FILE=$T/clock FAKETIME_NO_CACHE=1 \
    FAKETIME_DONT_FAKE_MONOTONIC=1 NO_FAKE_STAT=1 TERM=xterm-256color LANG=C.UTF-8 \
    $ROVIEC --db $DB --as head1; echo EXITED \$?; sleep 30"
wait_for "^$r .* \+0 +open +d *$"
ok $? "the board opens with $r due today: +0 days, due soon"

# A day passes on the board's clock; nobody touches a key.
set_clock 86400
wait_for "^$r .* -1 +open +s?O *$" 65
ok $? "within a minute, no key pressed, $r shows overdue: -1 day, O"

# An action taken now is recorded now, not when the board was opened.
keys /
wait_for 'Find:'
keys -l "$r"
keys Enter
wait_for 'found'
keys p
wait_for "$r: Record progress"
keys -l "Đã tổng hợp số liệu"
keys Enter
wait_for "$r: progress recorded"
ok $? "progress recorded from the board"
at=$(sqlite3 "$DB" "SELECT unixepoch(replace(at, 'Z', '')) FROM history ORDER BY id DESC LIMIT 1")
moved=$(( $(date -u +%s) + 86400 ))
d=$((moved - at))
ok "$([ "$d" -ge -60 ] && [ "$d" -le 60 ] && echo 0 || echo 1)" "its history moment is the moved clock's ($d s apart)"
first=$(sqlite3 "$DB" "SELECT unixepoch(replace(at, 'Z', '')) FROM history h JOIN duties d ON d.id = h.duty_id
    WHERE d.ref = '$r' ORDER BY h.id LIMIT 1")
ok "$([ "$first" -lt "$at" ] && echo 0 || echo 1)" "after the creation's, so the history is in order"

# An extension asked for after the deadline: refused as the command line
# refuses it, with the same words.
h0=$(sqlite3 "$DB" 'SELECT count(*) FROM history')
keys x
wait_for "$r: Ask for a later deadline"
keys -l "+10"
keys Enter
keys -l "Chưa đủ số liệu"
keys Enter
wait_for "deadline of $r passed"
ok $? "the board refuses the extension: the deadline has passed"
board_says=$(screen | tail -n 3 | tr '\n' ' ' | sed 's/  */ /g; s/ *$//')
faketime "$(date -d '+1 day' '+%Y-%m-%d %H:%M:%S')" "$ROVIEC" --db "$DB" --as head1 \
    extend "$r" +10 --reason "Chưa đủ số liệu" >/dev/null 2>"$T/err"
is "$?" 1 "the command line at the same moment refuses it too"
cli_says=$(sed 's/^roviec: //' "$T/err")
like "$board_says" "$(printf '%s' "$cli_says" | sed 's/[][\.*^$()|+?{}]/\\&/g')" "with the same words"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM history')" "$h0" "and nothing was written"

keys Q
wait_for "EXITED 0"
ok $? "the board quits"
done_testing
