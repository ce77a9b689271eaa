#!/bin/sh
# Issue 14: the ledger is the program's.  roviec verify rebuilds every duty,
# person and unit from the hash-chained, sealed history and names each row
# that disagrees: one test per tampering the issue found (tamper.sh), each
# on a copy of the database made with the sqlite3 shell.  Roles, units and
# heads go into the history; an action the replay does not know is a
# finding; a database made before schema 6 is sealed and given a baseline.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tamper.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
rv() { "$ROVIEC" --db "$DB" "$@"; }
rv_at() { _at=$1; shift; faketime "$_at" "$ROVIEC" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$@"; }

fixture_city
ok $? "a small city is set up"
tamper_fixture
ok $? "duties with a part, a note, a transfer waiting, a bounce and an escalation, an extension asked ($A $B $C $D)"
expect 0 "the database verifies" verify
is "$(q "SELECT bounced || escalated || handoffs FROM duties WHERE ref = '$B'")" 112 \
    "(B is bounced and escalated, with two handoffs)"

# --- roles, units and heads are in the history ----------------------------------
n0=$(q "SELECT count(*) FROM history")
rv person set off1b --role head >/dev/null
is "$(q "SELECT group_concat(action, ' ') FROM history WHERE id > $n0")" "person-changed head-set" \
    "a role changed and a head named are both in the history"
rv person set off1b --role officer >/dev/null
is "$(q "SELECT group_concat(action, ' ') FROM (SELECT action FROM history WHERE id > $n0 ORDER BY id)")" \
    "person-changed head-set head-removed person-changed" "and a head unseated too"
is "$(q "SELECT data FROM history WHERE action = 'person-changed' ORDER BY id DESC LIMIT 1")" \
    '{"role":"officer"}' "each with what it changed (facts)"
expect 0 "the database still verifies" verify

# --- each tampering of the issue, named by verify ---------------------------------
GOOD=$DB
cp "$GOOD" "$T/pristine.db"
apply() {	# apply NAME SQL PATTERN [AFTER]
	DB="$T/tampered.db"
	rm -f "$DB" "$DB-wal" "$DB-shm"
	sqlite3 "$GOOD" ".backup '$DB'"
	cp "$GOOD.key" "$DB.key"
	chmod 0600 "$DB.key"
	sqlite3 "$DB" "$2" || diag "the tampering failed: $2"
	[ -n "${4:-}" ] && $4
	run verify
	is "$rc" 1 "$1: verify exits 1"
	like "$out
$err" "$3" "$1: and names it"
	DB=$GOOD
}
tamper_cases apply
DB=$GOOD
expect 0 "the real database was never touched" verify

# The made-up entry verifies once sealed with the key: only whoever can read
# the key (the program's group on a server) could forge one.
DB="$T/insider.db"
sqlite3 "$GOOD" ".backup '$DB'"
cp "$GOOD.key" "$DB.key"
sqlite3 "$DB" "DROP TRIGGER history_needs_seal; DROP TRIGGER history_needs_hash;
    INSERT INTO history (id, duty_id, at, actor_id, action, data, hash)
    SELECT max(id) + 1, (SELECT id FROM duties WHERE ref = '$C'), '2026-12-07T02:30:00Z',
      (SELECT id FROM people WHERE login = 'chutich'), 'teleported', '{}', '$(printf '%064d' 0)' FROM history"
rehash 1 "$DB.key"
run verify
is "$rc" 1 "an entry whose action the replay does not know fails verify, even sealed"
like "$out" "entry [0-9]+ \\(duty $C\\) records the action 'teleported', which this roviec does not know" \
    "naming the entry, its duty and the action"
DB=$GOOD

# --- a database made before the facts (schema 4) ------------------------------------
DB="$T/old4.db"
for f in "$ROOT"/db/migrations/000[1-4]_*.sql; do sqlite3 "$DB" < "$f"; done
sqlite3 "$DB" "PRAGMA application_id = 1381385539; PRAGMA user_version = 4;
    INSERT INTO people (id, login, full_name, role) VALUES (1, '$ME', 'Quản trị', 'admin');
    INSERT INTO units (id, code, name, kind) VALUES (1, 'DL', 'Đà Lạt', 'city');
    INSERT INTO people (id, login, full_name, unit_id, role) VALUES (2, 'ct', 'Chủ tịch', 1, 'head');
    UPDATE units SET head_id = 2 WHERE id = 1;"
ok $? "a database of schema 4 whose city has a head"
expect 0 "it verifies once opened" verify
is "$(q "PRAGMA user_version")" "$(ls "$ROOT"/db/migrations/*.sql | wc -l)" "brought to the current schema"
is "$(q "SELECT group_concat(person_id) FROM unit_heads")" 2 "its head is the city's first head"
is "$(q "SELECT count(*) FROM history WHERE action = 'baseline'")" 3 \
    "and a baseline records what it held: a unit and two people"
expect 0 "a deputy is added beside the head" person add pct "Phó chủ tịch" --unit DL --role head
like "$out" "DL's heads: ct, pct" "saying who the heads are"
expect 0 "and the chain verifies" verify
q "UPDATE units SET name = 'Thành phố khác' WHERE code = 'DL'"
run verify
is "$rc" 1 "a unit renamed behind roviec's back after the upgrade fails verify"
like "$out" "unit DL holds name 'Thành phố khác' where its history says 'Đà Lạt'" "naming the unit"
DB=$GOOD

done_testing
