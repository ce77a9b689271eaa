#!/bin/sh
# roviec graph: who passes work to whom, from the proposals of a period;
# the pairs that pass work back and forth; the units that escalate most;
# DOT that Graphviz draws.
. "$(dirname "$0")/lib.sh"

fixture_city
ok $? "a small city is set up"
at() { _day=$1 _who=$2; shift 2; faketime "$_day 09:00:00" "$ROVIEC" --db "$DB" --as "$_who" "$@" >/dev/null 2>&1; }
duty() { faketime "$1 08:00:00" "$ROVIEC" --db "$DB" --as chutich add "Việc $1" --lead P1 --owner off1 \
    --due 2025-12-31 --result "Báo cáo" --basis "Kế hoạch 1/KH"; }

# In May: P1 -> P2 accepted, P2 -> P1 accepted (back), P1 -> P2 again rejected.
a=$(duty 2025-05-02)
at 2025-05-03 off1 transfer "$a" P2 --reason "Thuộc P2" && at 2025-05-04 head2 accept "$a" --owner off2
at 2025-05-06 off2 transfer "$a" P1 --reason "Thuộc P1" && at 2025-05-07 head1 accept "$a" --owner off1
at 2025-05-08 off1 transfer "$a" P2 --reason "Lại thuộc P2" && at 2025-05-09 head2 reject "$a" --reason "Không"
ok $? "May: P1 → P2, P2 → P1, P1 → P2 (rejected)"
# In June: two escalations from P1 and one from P3, a transfer P1 -> P3.
b=$(duty 2025-06-02)
at 2025-06-03 off1 escalate "$b" --reason "Vượt thẩm quyền" && at 2025-06-04 chutich accept "$b"
c=$(duty 2025-06-02)
at 2025-06-05 off1 escalate "$c" --reason "Vượt thẩm quyền"
d=$(duty 2025-06-02)
at 2025-06-06 off1 transfer "$d" P3 --reason "Thuộc P3" && at 2025-06-07 head3 accept "$d" --owner off3
at 2025-06-08 off3 escalate "$d" --reason "Vượt thẩm quyền"
ok $? "June: P1 escalates twice, P3 once; P1 → P3"

expect 0 "the graph of everything" graph
like "$out" "^P1 +P2 +2 +1 +1 +2 +0 +0$" "P1 → P2: 2 proposed, 1 accepted, 1 rejected, 2 transfers"
like "$out" "^P2 +P1 +1 +1 +0 +1 +0 +0$" "P2 → P1: 1 proposed and accepted"
like "$out" "^P1 +DL +2 +1 +0 +0 +2 +0$" "P1 → DL: 2 escalations, 1 accepted, 1 pending"
like "$out" "^P3 +DL +1 +0 +0 +0 +1 +0$" "P3 → DL: 1 escalation"
like "$(printf '%s\n' "$out" | awk '/^from +to/ { getline a; getline b; print a "|" b; exit }')" "^P1 +DL .*\|P1 +P2 " \
    "busiest first (P1 → P2 and P1 → DL have 2; by code)"
like "$out" "P1 ⇄ P2 +2 +1 +1" "the pair P1 ⇄ P2 passed work back and forth (2 there, 1 back)"
unlike "$out" "P1 ⇄ P3|P3 ⇄ P1" "P1 → P3 alone is no pair"
like "$(printf '%s\n' "$out" | sed -n '/escalate most/,$p' | sed -n 4p)" "^P1 +Phường 1 +2$" "P1 escalates most (2)"
like "$(printf '%s\n' "$out" | sed -n '/escalate most/,$p' | sed -n 5p)" "^P3 +Phường 3 +1$" "then P3 (1)"

expect 0 "the graph of June" graph --from 2025-06-01 --to 30/06/2025
unlike "$out" "^P1 +P2 " "May's transfers are not in June"
like "$out" "^P1 +P3 +1 +1 +0 +1 " "June's are"
like "$out" "Handoffs proposed from 2025-06-01 to 2025-06-30" "headed by the period"
expect 0 "a period without handoffs" graph --from 2025-01-01 --to 2025-01-31
like "$out" "No handoff was proposed in this period" "says so"

# DOT, drawn by Graphviz.
expect 0 "the graph as DOT" graph --format dot
printf '%s\n' "$out" > "$T/g.dot"
like "$out" '^digraph roviec' "is a digraph"
like "$out" '"P1" -> "P2" \[label="2", penwidth=2.0, color=red\]' "a pair passing work back and forth is red"
like "$out" '"P1" -> "DL" \[label="2", penwidth=2.0, style=dashed\]' "escalations are dashed"
like "$out" '"P1" \[label="P1\\nPhường 1"\]' "units are labelled with code and name"
if command -v dot >/dev/null 2>&1; then
	dot -Tsvg "$T/g.dot" > "$T/g.svg" 2>"$T/dot.err"
	ok $? "dot -Tsvg accepts it"
	like "$(cat "$T/g.svg")" "<svg" "and draws an SVG"
	like "$(cat "$T/g.svg")" "Phường 1" "with the Vietnamese names"
else
	ok 1 "dot -Tsvg accepts it (graphviz is missing: make deps installs it)"
fi

# Hostile unit names reach the DOT file quoted and inert.
run unit add EVIL "Tên \"độc\" \\ $(printf '\033[31m')đỏ $(printf '\342\200\256')x" --parent DL --kind department
run person add evilhead "Trưởng" --unit EVIL --role head
e=$(duty 2025-07-01)
at 2025-07-02 off1 transfer "$e" EVIL --reason "Thử"
expect 0 "the graph with a hostile unit name" graph --format dot
printf '%s\n' "$out" > "$T/h.dot"
is "$(LC_ALL=C grep -c "$(printf '\033')" "$T/h.dot")" 0 "no escape character reaches the DOT file"
like "$out" 'Tên \\"độc\\" \\\\ ' "quotes and backslashes are escaped"
if command -v dot >/dev/null 2>&1; then
	dot -Tsvg "$T/h.dot" > /dev/null 2>"$T/dot.err"
	ok $? "and dot still accepts it"
fi
expect 0 "the text graph with it" graph
is "$(printf '%s' "$out" | LC_ALL=C grep -c "$(printf '\033')")" 0 "no escape character in the text either"

# Bad values.
expect 1 "--format other than text or dot is refused" graph --format svg
expect 1 "a bad date is refused" graph --from 2025-02-30
expect 1 "a period that ends before it starts is refused" graph --from 2025-06-30 --to 2025-06-01
expect 2 "an unknown option is a usage error" graph --unit P1
expect 0 "an inspector may look" --as insp graph

done_testing
