#!/bin/sh
# The demo: `roviec init --demo` and `roviec demo` (what `make run` runs)
# build the Đà Lạt demo with every flag, and the acting login can explore it.
. "$(dirname "$0")/lib.sh"

run demo </dev/null
is "$rc" 0 "roviec demo without a terminal builds the demo and exits 0"
like "$out" "Board of Phường 1 \(P1\)" "and prints the acting login's ward board"
like "$err" "created the Đà Lạt demo" "and says it created the demo"

run unit list --format csv
is "$(printf '%s\n' "$out" | grep -c ',\(ward\|commune\),')" 16 "12 wards and 4 communes"
run person list --unit P1 --format csv
like "$out" "^$ME,.*,P1,admin,yes" "the acting login is administrator and head of P1"

for flag in bounced tossed escalated unanswered stalled overdue late due-soon; do
	run list --all --flag "$flag" --format csv
	n=$(printf '%s\n' "$out" | tail -n +2 | grep -c .)
	ok "$([ "$n" -ge 1 ] && echo 0 || echo 1)" "the demo shows $flag duties ($n)"
done
run list --all --format csv
n=$(printf '%s\n' "$out" | tail -n +2 | grep -c .)
ok "$([ "$n" -ge 200 ] && echo 0 || echo 1)" "a few hundred duties ($n)"

# A second run opens the same database instead of making another.
before=$(sqlite3 "$DB" 'SELECT count(*) FROM duties')
run demo </dev/null
is "$rc" 0 "roviec demo on an existing database opens it"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM duties')" "$before" "and adds nothing"

# The acting login can act at once: as head of P1 it reassigns a P1 duty.
ref=$(sqlite3 "$DB" "SELECT d.ref FROM duties d JOIN units u ON u.id = d.lead_unit_id
    WHERE u.code = 'P1' AND d.status = 'open' AND NOT EXISTS (SELECT 1 FROM handoffs h
    WHERE h.duty_id = d.id AND h.state = 'pending') LIMIT 1")
other=$(sqlite3 "$DB" "SELECT p.login FROM people p JOIN units u ON u.id = p.unit_id
    JOIN duties d ON d.ref = '$ref' WHERE u.code = 'P1' AND p.id <> d.owner_id AND p.role <> 'admin' LIMIT 1")
run assign "$ref" "$other"
is "$rc" 0 "the acting login reassigns $ref to $other as head of P1"

is "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "the demo database passes integrity_check"

# init --demo on a new path; init on an existing path is refused.
"$ROVIEC" --db "$T/second.db" init --demo >/dev/null 2>&1
is "$?" 0 "roviec init --demo makes a demo database"
"$ROVIEC" --db "$T/second.db" init --demo >/dev/null 2>"$T/e"
is "$?" 1 "init on an existing database is refused"

done_testing
