#!/bin/sh
# Many sessions writing at once (issue #2, must show 3): 16 processes each
# making 100 actions on one database.  Every command ends in success or a
# rule's refusal, never a storage error, and the history holds exactly the
# actions that reported success.  Two answers to one proposal: one wins.
. "$(dirname "$0")/lib.sh"

fixture_city
ok $? "a small city is set up"

PAIRS=8
ACTIONS=100
i=0
while [ $i -lt $PAIRS ]; do
	eval "d$i=\$(new_duty)"
	i=$((i + 1))
done

# Side A works from P1, side B from P2, on the same duty: their proposals
# and answers race, so some are refused by the rules, as they should be.
worker() {	# worker SIDE DUTY LOG
	side=$1 duty=$2 log=$3 n=0
	while [ $n -lt $ACTIONS ]; do
		case "$side:$((n % 3))" in
		A:0) act=progress; "$ROVIEC" --db "$DB" --as off1 progress "$duty" --note "Tiến độ $n" ;;
		A:1) act=transfer; "$ROVIEC" --db "$DB" --as head1 transfer "$duty" P2 --reason "Chuyển $n" ;;
		A:2) act=accepted; "$ROVIEC" --db "$DB" --as head1 accept "$duty" --owner off1 ;;
		B:0) act=progress; "$ROVIEC" --db "$DB" --as off2 progress "$duty" --note "Tiến độ $n" ;;
		B:1) act=accepted; "$ROVIEC" --db "$DB" --as head2 accept "$duty" --owner off2 ;;
		B:2) act=transfer; "$ROVIEC" --db "$DB" --as head2 transfer "$duty" P1 --reason "Trả $n" ;;
		esac >/dev/null 2>>"$log.err"
		echo "$act $?" >>"$log"
		n=$((n + 1))
	done
}

start=$(date +%s)
i=0
while [ $i -lt $PAIRS ]; do
	eval "d=\$d$i"
	worker A "$d" "$T/log.A$i" &
	worker B "$d" "$T/log.B$i" &
	i=$((i + 1))
done
wait
note "16 processes x $ACTIONS actions took $(( $(date +%s) - start )) s"

total=$(cat "$T"/log.[AB][0-9] | wc -l)
is "$total" $((2 * PAIRS * ACTIONS)) "every one of the 1600 commands ran"
bad=$(cat "$T"/log.[AB][0-9] | awk '$2 != 0 && $2 != 1' | wc -l)
is "$bad" 0 "every command exited 0 or 1 (a rule's refusal): no storage error"
storage=$(cat "$T"/log.*.err 2>/dev/null | grep -vc 'handoff proposal\|belong\|only \|no handoff\|already' || true)
is "$storage" 0 "every refusal names a rule"
cat "$T"/log.*.err 2>/dev/null | grep -v 'handoff proposal\|belong\|only \|no handoff\|already' | head -5 | sed 's/^/# /'

for act in progress transfer accepted; do
	said=$(cat "$T"/log.[AB][0-9] | awk -v a=$act '$1 == a && $2 == 0' | wc -l)
	kept=$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE action = '$act'")
	is "$kept" "$said" "history holds exactly the $said '$act' actions that reported success"
done
ok "$([ "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE action = 'accepted'")" -gt 0 ] && echo 0 || echo 1)" \
    "some proposals were accepted (the race was real)"
is "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "the database passes integrity_check"
is "$(sqlite3 "$DB" "SELECT count(*) FROM duties d JOIN people p ON p.id = d.owner_id
    WHERE d.status IN ('open','submitted') AND p.unit_id IS NOT d.lead_unit_id")" 0 \
    "every open duty's owner belongs to its lead unit"
is "$(sqlite3 "$DB" "SELECT count(*) FROM (SELECT duty_id FROM handoffs WHERE state = 'pending'
    GROUP BY duty_id HAVING count(*) > 1)")" 0 "no duty has two pending proposals"
handoffs=$(sqlite3 "$DB" "SELECT sum(handoffs) FROM duties")
is "$handoffs" "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE action = 'accepted'")" \
    "each duty's handoff count matches its accepted handoffs"

# Two answers to one proposal at the same instant: exactly one wins.
round=0
wins_ok=0
while [ $round -lt 10 ]; do
	r=$(new_duty)
	as off1 transfer "$r" P2 --reason "Thuộc P2"
	"$ROVIEC" --db "$DB" --as head2 accept "$r" --owner head2 >/dev/null 2>"$T/a1" & p1=$!
	"$ROVIEC" --db "$DB" --as head2 accept "$r" --owner off2 >/dev/null 2>"$T/a2" & p2=$!
	"$ROVIEC" --db "$DB" --as head2 reject "$r" --reason "Không thuộc P2" >/dev/null 2>"$T/a3" & p3=$!
	wait $p1; s1=$?
	wait $p2; s2=$?
	wait $p3; s3=$?
	wins=$(( (s1 == 0) + (s2 == 0) + (s3 == 0) ))
	losses=$(( (s1 == 1) + (s2 == 1) + (s3 == 1) ))
	answers=$(sqlite3 "$DB" "SELECT count(*) FROM history h JOIN duties d ON d.id = h.duty_id
	    WHERE d.ref = '$r' AND h.action IN ('accepted', 'rejected')")
	[ "$wins" -eq 1 ] && [ "$losses" -eq 2 ] && [ "$answers" -eq 1 ] && wins_ok=$((wins_ok + 1))
	round=$((round + 1))
done
is "$wins_ok" 10 "three answers racing on one proposal: exactly one wins, in each of 10 rounds"
run verify
ok $rc "after all the concurrent writers the history chain verifies"
like "$out" "intact" "entries numbered and chained in commit order"

done_testing
