#!/bin/sh
# 16 writers at once while a killer sends SIGKILL to their roviec processes
# at random, many times over.  Afterwards the database is whole, every rule
# of PRODUCT.md rule 1 holds, every action that said it succeeded is in the
# history, no handoff is half-made, and roviec verify finds the history and
# every duty's state in agreement, and the report's figures of duties done
# by day (kept by triggers) equal to the duties counted again.
. "$(dirname "$0")/../cli/lib.sh"

ROUNDS=${KILL_ROUNDS:-150}
fixture_city
ok $? "a small city is set up"
for i in $(seq 1 32); do
	OWNER=off1 new_duty >/dev/null || echo "# new_duty failed"
done
for i in $(seq 1 16); do
	LEAD=P2 OWNER=off2 new_duty >/dev/null || echo "# new_duty failed"
done
is "$(sqlite3 "$DB" 'SELECT count(*) FROM duties')" 48 "48 duties to work on"

# writer N: actions until told to stop; logs what succeeded, by a text
# that appears once in the history.
writer() {
	n=$1 k=0
	while [ ! -e "$T/stop" ]; do
		k=$((k + 1))
		ref=$(sqlite3 "$DB" "SELECT ref FROM duties WHERE status = 'open' ORDER BY random() LIMIT 1" 2>/dev/null)
		[ -n "$ref" ] || continue
		owner=$(sqlite3 "$DB" "SELECT p.login FROM duties d JOIN people p ON p.id = d.owner_id WHERE d.ref = '$ref'" 2>/dev/null)
		lead=$(sqlite3 "$DB" "SELECT u.code FROM duties d JOIN units u ON u.id = d.lead_unit_id WHERE d.ref = '$ref'" 2>/dev/null)
		text="w$n-$k"
		case $((k % 6)) in
		0|1)	"$ROVIEC" --db "$DB" --as "$owner" progress "$ref" --note "ghi $text" >/dev/null 2>&1 &&
			    echo "progress|ghi $text" ;;
		2)	to=P2; [ "$lead" = P2 ] && to=P1
			"$ROVIEC" --db "$DB" --as "$owner" transfer "$ref" "$to" --reason "chuyển $text" >/dev/null 2>&1 &&
			    echo "transfer|chuyển $text" ;;
		3)	pend=$(sqlite3 "$DB" "SELECT d.ref, u.code FROM handoffs h JOIN duties d ON d.id = h.duty_id JOIN units u ON u.id = h.to_unit_id WHERE h.state = 'pending' ORDER BY random() LIMIT 1" 2>/dev/null)
			pref=${pend%|*} pto=${pend#*|}
			[ -n "$pend" ] || continue
			head=head1; [ "$pto" = P2 ] && head=head2
			if [ $((k % 8)) -eq 3 ]; then
				"$ROVIEC" --db "$DB" --as "$head" reject "$pref" --reason "không $text" >/dev/null 2>&1 &&
				    echo "rejected|không $text"
			else
				"$ROVIEC" --db "$DB" --as "$head" accept "$pref" >/dev/null 2>&1 && echo "accepted|$pref"
			fi ;;
		# Submissions and send-backs, as many of each, so that the
		# duties stay open to work on: what the report's figures of
		# duties done by day (migration 17) follow.
		4)	"$ROVIEC" --db "$DB" --as "$owner" done "$ref" --note "xong $text" >/dev/null 2>&1 &&
			    echo "submitted|xong $text" ;;
		5)	sub=$(sqlite3 "$DB" "SELECT ref FROM duties WHERE status = 'submitted' ORDER BY random() LIMIT 1" 2>/dev/null)
			[ -n "$sub" ] || continue
			"$ROVIEC" --db "$DB" --as chutich reopen "$sub" --reason "làm lại $text" >/dev/null 2>&1 &&
			    echo "reopened|làm lại $text" ;;
		esac
	done >"$T/log.$n"
}

i=0
while [ $i -lt 16 ]; do
	writer $i &
	i=$((i + 1))
done
# The killer: SIGKILL to a running roviec of the writers, ROUNDS times.
kills=0 round=0
while [ $round -lt "$ROUNDS" ]; do
	round=$((round + 1))
	sleep "0.0$(( (round * 7) % 9 + 1 ))"
	# A roviec lives a few milliseconds: look again until one is caught.
	try=0
	while [ $try -lt 40 ]; do
		try=$((try + 1))
		pid=$(pgrep -f "$ROVIEC --db $DB --as" | shuf -n 1 2>/dev/null)
		if [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; then
			kills=$((kills + 1))
			break
		fi
	done
done
touch "$T/stop"
wait
note "kill rounds: $round, processes killed: $kills"
ok $([ "$kills" -ge $((ROUNDS * 2 / 3)) ]; echo $?) "the killer killed $kills roviec processes in $round rounds"
cat "$T"/log.* > "$T/log"
is "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "PRAGMA integrity_check is ok"
is "$(sqlite3 "$DB" 'PRAGMA foreign_key_check' | wc -l)" 0 "no foreign key points nowhere"

# Rule 1: exactly one lead unit and one owner, an official of it.
is "$(sqlite3 "$DB" "SELECT count(*) FROM duties d JOIN people p ON p.id = d.owner_id
    WHERE d.status NOT IN ('done', 'cancelled') AND (p.unit_id IS NOT d.lead_unit_id OR p.role = 'inspector')")" 0 \
    "every open duty's owner is an official of its lead unit"
is "$(sqlite3 "$DB" "SELECT count(*) FROM duties WHERE lead_unit_id IS NULL OR owner_id IS NULL")" 0 \
    "no duty without a lead unit or an owner"
is "$(sqlite3 "$DB" "SELECT count(*) FROM (SELECT duty_id FROM handoffs WHERE state = 'pending' GROUP BY duty_id HAVING count(*) > 1)")" 0 \
    "at most one pending proposal per duty"

# Every success that was reported is in the history.
n=$(wc -l < "$T/log")
ok $([ "$n" -ge 50 ]; echo $?) "the writers reported $n successes"
missing=0
while IFS='|' read -r action text; do
	case "$action" in
	accepted) continue ;;
	submitted) q="SELECT count(*) FROM history WHERE action = 'submitted' AND text = '$text'" ;;
	reopened) q="SELECT count(*) FROM history WHERE action = 'reopened' AND text = '$text'" ;;
	transfer) q="SELECT count(*) FROM history WHERE action = 'transfer' AND text = '$text'" ;;
	rejected) q="SELECT count(*) FROM history WHERE action = 'rejected' AND text = '$text'" ;;
	*) q="SELECT count(*) FROM history WHERE action = 'progress' AND text = '$text'" ;;
	esac
	[ "$(sqlite3 "$DB" "$q")" = 1 ] || { missing=$((missing + 1)); echo "# missing: $action $text"; }
done < "$T/log"
is "$missing" 0 "every progress note, proposal, rejection, submission and send-back that reported success is in the history once"
ok $([ "$(grep -c '^submitted|' "$T/log")" -gt 0 ] && [ "$(grep -c '^reopened|' "$T/log")" -gt 0 ]; echo $?) \
    "some submissions and send-backs succeeded between the kills"
# The report's figures of duties done by day (migration 17) are exactly
# the duties submitted or done and never sent back.
is "$(sqlite3 "$DB" "SELECT ifnull(sum(done), 0) FROM report_done_days")" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM duties WHERE reopened = 0 AND status IN ('submitted', 'done')")" \
    "the figures of duties done by day count every duty submitted or done and never sent back"
acc=$(grep -c '^accepted|' "$T/log")
ok $([ "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE action = 'accepted'")" -ge "$acc" ]; echo $?) \
    "the history holds at least the $acc acceptances reported"

# No half-made handoff: each proposal has its entry, each answer too, and
# the counters agree.
is "$(sqlite3 "$DB" "SELECT count(*) FROM handoffs")" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE action IN ('transfer', 'escalate', 'return')")" \
    "every proposal row has its history entry, and no entry lacks its row"
is "$(sqlite3 "$DB" "SELECT count(*) FROM handoffs WHERE state = 'accepted'")" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE action = 'accepted'")" \
    "every accepted proposal has its entry"
is "$(sqlite3 "$DB" "SELECT count(*) FROM handoffs WHERE state = 'rejected'")" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE action = 'rejected'")" \
    "every rejected proposal has its entry"
is "$(sqlite3 "$DB" "SELECT sum(handoffs) FROM duties")" \
    "$(sqlite3 "$DB" "SELECT count(*) FROM handoffs WHERE state = 'accepted'")" \
    "the duties' handoff counters add up to the accepted proposals"
run verify
is "$rc" 0 "roviec verify: the chain is intact and accounts for every duty"
note "$out$err"

done_testing
