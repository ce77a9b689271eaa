#!/bin/sh
# Issue 10, part 3: heads with deputies.  A unit may have several heads, a
# chair and deputies, each with the head's powers: naming one says so and
# never unseats another; every rule that says "the head" means any of
# them; unit list and person list show them all; the history records each
# head named and removed, and verify accounts for them.
. "$(dirname "$0")/lib.sh"

fixture_city
ok $? "a small city is set up"
q() { sqlite3 "$DB" "$@"; }

expect 0 "a deputy is added to P1 as a head" person add dep1 "Phạm Văn Phó" --unit P1 --role head
like "$out" "^Added dep1\.
P1's heads: head1, dep1\.$" "saying P1 now has two heads, the first named first"
expect 0 "an officer of P1 is made a head too" person set off1b --role head
like "$out" "P1's heads: head1, dep1, off1b\." "saying so, the other two still heads"
run unit list --format csv
like "$out" '^P1,Phường 1,ward,DL,"head1, dep1, off1b",' "unit list shows every head"
run unit list
like "$out" "P1 +Phường 1 +ward +DL +head1, dep1, off1b " "in the table too"
run person list --unit P1 --format csv
is "$(printf '%s\n' "$out" | tr -d '\r' | grep -c ',head,yes,[^,]*,[^,]*$')" 3 "person list marks each of them a head"
is "$(q "SELECT count(*) FROM history WHERE action = 'head-set' AND to_unit_id = (SELECT id FROM units WHERE code = 'P1')")" 3 \
    "each head named is in the history"

# Any head acts as the head: reassigns, accepts, rejects, may act for the unit.
r=$(new_duty)
as dep1 assign "$r" off1b
is "$rc" 0 "a deputy reassigns a duty of the unit"
as off1b assign "$r" off1
is "$rc" 0 "and so does the third head"
as head1 assign "$r" off1b
is "$rc" 0 "and the chair"
x=$(LEAD=P2 OWNER=off2 new_duty)
as off2 transfer "$x" P1 --reason "Thuộc địa bàn P1"
as dep1 accept "$x" --owner off1
is "$rc" 0 "a deputy accepts a proposal to the unit"
y=$(LEAD=P2 OWNER=off2 new_duty)
as off2 transfer "$y" P1 --reason "Thuộc địa bàn P1"
as off1b accept "$y"
is "$rc" 0 "another head accepts another (two heads of one unit can both accept)"
is "$(q "SELECT login FROM people WHERE id = (SELECT owner_id FROM duties WHERE ref = '$y')")" off1b \
    "taking it herself"
z=$(LEAD=P2 OWNER=off2 new_duty)
as off2 transfer "$z" P1 --reason "Thuộc địa bàn P1"
as dep1 reject "$z" --reason "Không thuộc thẩm quyền"
is "$rc" 0 "a deputy rejects one"
as off1 accept "$z"
is "$rc" 1 "an officer who is no head still may not answer"

# A head who stops being one leaves the others in place.
expect 0 "the chair's role changes" person set head1 --role officer
like "$out" "P1's heads: dep1, off1b\." "the deputies stay heads"
as head1 assign "$r" off1
is "$rc" 1 "the former chair may no longer reassign"
like "$err" "only the head of the lead unit" "and is told so"
is "$(q "SELECT count(*) FROM history WHERE action = 'head-removed'")" 1 "the history records the head removed"

# "The head" of a reopened duty whose owner left: the first head named.
run person add leaver "Trương Văn Đi" --unit P1
w=$(OWNER=leaver new_duty)
as leaver done "$w" --note "Xong"
as chutich confirm "$w"
run person set leaver --unit P2
ok $rc "the owner of the done duty moves to P2"
as chutich reopen "$w" --reason "Thiếu hồ sơ"
is "$rc" 0 "the assigner reopens the duty"
is "$(q "SELECT login FROM people WHERE id = (SELECT owner_id FROM duties WHERE ref = '$w')")" dep1 \
    "the first head named of P1 takes it"
v=$(LEAD=P3 OWNER=off3 new_duty)
as chutich redirect "$v" P1 --reason "Chuyển P1"
is "$(q "SELECT login FROM people WHERE id = (SELECT owner_id FROM duties WHERE ref = '$v')")" dep1 \
    "a duty redirected without --owner goes to the first head named"

expect 0 "the history accounts for every head" verify
expect 1 "an inspector cannot be a head" unit add P8 "Phường 8" --parent DL --head insp
expect 1 "nor one of another unit named head" unit add P9 "Phường 9" --parent DL --head dep1
like "$err" "heads a unit" "(the schema says why)"

done_testing
