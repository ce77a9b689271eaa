#!/bin/sh
# Nothing hidden (issue #10, part 2): two boards on one database.  What one
# commits shows on the other within a second wherever it sorts, above the
# cursor too, the cursor staying on its duty; the tabs' labels count their
# duties and those that arrived since the tab was last looked at, which
# are bold and marked "*" until then.
. "$(dirname "$0")/lib.sh"

fixture_city || exit 1
# Three proposals already wait for P2; the fourth, made from the other
# board, will sort first (the earliest deadline).
for d in 20 25 30; do
	r=$(DUE=+$d TITLE="Hồ sơ chờ Phường 2 hạn $d ngày" new_duty) &&
	"$ROVIEC" --db "$DB" --as off1 transfer "$r" P2 --reason "Thuộc Phường 2" >/dev/null
done
ok $? "three proposals wait for P2"
NEW=$(DUE=+5 TITLE="Việc gấp chuyển Phường 2" new_duty)
ok $? "and P1 leads $NEW, due first"

# Board A: the head of P2, on its proposals, the cursor on the third.
SESSION=a BOARD_ARGS="--as head2" board
SESSION=a wait_for '\[1 Leads \(0\)\] Supports \(0\) Proposals \(3\)'
ok $? "head2's board: the Proposals tab's label counts 3"
SESSION=a keys 3
SESSION=a wait_for '\[3 Proposals \(3\)\]' && SESSION=a settled
rows=$(SESSION=a screen | grep -oE '^P1-[0-9]{4}' | tr '\n' ' ')
third=$(echo $rows | cut -d' ' -f3)
SESSION=a keys j j
SESSION=a keys Enter
SESSION=a wait_for "Duty $third" && SESSION=a keys q
SESSION=a wait_for '\[3 Proposals \(3\)\]'
ok $? "the cursor is on the third proposal, $third ($rows)"

# Board B: the owner proposes the new duty to P2 from his own board.
SESSION=b BOARD_ARGS="--as off1" board
SESSION=b wait_for "^$NEW "
SESSION=b keys /
SESSION=b wait_for 'Find:'
SESSION=b keys -l "$NEW"
SESSION=b keys Enter
SESSION=b wait_for 'found'
SESSION=b keys t
SESSION=b wait_for "$NEW: Propose another lead unit"
SESSION=b keys -l "P2"
SESSION=b keys Enter
SESSION=b keys -l "Địa bàn Phường 2"
SESSION=b keys Enter
SESSION=b wait_for "$NEW: transfer proposed"
ok $? "board B ($NEW's owner) proposes it to P2"
t0=$(date +%s%N)

SESSION=a wait_for "^$NEW " 1
ok $? "it shows on board A within a second, no key pressed"
t1=$(date +%s%N)
note "seen after $(( (t1 - t0) / 1000000 )) ms"
is "$(SESSION=a screen | grep -oE '^P1-[0-9]{4}' | head -1)" "$NEW" "at the top, above the cursor"
like "$(SESSION=a screen | sed -n 2p)" '\[3 Proposals \(4 \+1\)\]' "the label counts 4 proposals, 1 of them new"
like "$(SESSION=a screen | grep "^$NEW ")" ' \*[^ ]* *$' "the new row is marked *"
like "$(tm capture-pane -e -p -t a | grep "$NEW")" "$(printf '\033')\[[0-9;]*1[;m]" "and bold"
SESSION=a keys Enter
SESSION=a wait_for "Duty $third"
ok $? "the cursor stayed on $third: Enter opens it"
SESSION=a keys q
SESSION=a wait_for '\[3 Proposals \(4 \+1\)\]'

# Another tab's label tells what arrived there while it is not shown.
"$ROVIEC" --db "$DB" --as chutich add "Việc mới giao Phường 2" --lead P2 --owner head2 \
    --due +3 --result "Báo cáo" --basis "Chỉ thị 9" >/dev/null
ok $? "the city head assigns P2 a duty owned by head2"
SESSION=a wait_for '^Leads \(1 \+1\) .* Mine \(1 \+1\)' 2
ok $? "Leads and Mine count it as new, from the Proposals tab"
SESSION=a keys 1
SESSION=a wait_for '\[1 Leads \(1 \+1\)\]'
like "$(SESSION=a screen | grep 'Việc mới giao')" ' \*d *$' "on Leads it is marked * (and due soon)"
like "$(SESSION=a screen | sed -n 2p)" ' Propo[^ ]* \(4\) ' "the Proposals tab, looked at and left, has nothing new"
SESSION=a keys j
SESSION=a wait_for '\[1 Leads \(1\)\]'
ok $? "resting the cursor on it, it is looked at: the count of new goes"
unlike "$(SESSION=a screen | grep 'Việc mới giao')" ' \*' "and its mark"

SESSION=a keys Q
SESSION=b keys Q
SESSION=a wait_for "EXITED 0" && SESSION=b wait_for "EXITED 0"
ok $? "both boards quit"
done_testing
