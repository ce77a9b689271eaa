#!/bin/sh
# PRODUCT.md rule 5: tampering with the history behind the program's back is
# detectable.  Each entry is chained to the one before by a SHA-256 hash;
# roviec verify names the first entry changed, removed or inserted, and
# prints the head hash an inspector notes and checks later.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)

fixture_city
ok $? "a small city is set up"
a=$(new_duty --support P2:"Cung cấp hồ sơ")
b=$(new_duty)
as off1 transfer "$a" P3 --reason "Thuộc địa bàn P3"
as head3 accept "$a" --owner off3
as off1 progress "$b" --note "Đã làm việc với hộ dân"
ok $rc "some history is made"

n=$(sqlite3 "$DB" "SELECT count(*) FROM history")
is "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE length(hash) = 64")" "$n" \
    "every entry carries its hash"
is "$(sqlite3 "$DB" "SELECT max(id) = count(*) FROM history")" 1 "entries are numbered 1, 2, ... without gaps"

expect 0 "an untouched database verifies" verify
like "$out" "intact: $n entries" "and says how many entries were checked"
head=$(printf '%s\n' "$out" | sed -n 's/^Head: //p')
like "$head" '^[0-9a-f]{64}$' "and prints the head hash"
is "$head" "$(sqlite3 "$DB" "SELECT hash FROM history ORDER BY id DESC LIMIT 1")" \
    "the head is the last entry's hash"
as insp verify
ok $rc "an inspector may verify"

# The noted head, checked later, with entries added since.
as off1 progress "$b" --note "Đã đo đạc lại thửa đất"
expect 0 "a noted head is found again" verify "$(printf %s "$head" | cut -c1-12)"
like "$out" "is entry $n; 1 entries were added since" "with the entries added since it"
expect 0 "a noted head in capitals is found too" verify "$(printf %s "$head" | tr a-f A-F)"
expect 1 "a hash that was never the head is refused" verify 0123456789abcdef
like "$err" "not in the history" "and says the noted head is not in the history"
expect 1 "a noted head that is not hexadecimal is refused" verify "đùn đẩy"
expect 2 "verify takes at most one hash" verify "$head" "$head"

# The schema itself refuses the simple edits.
if sqlite3 "$DB" "UPDATE history SET text = 'sửa' WHERE id = 3" 2>/dev/null; then ok 1 "an entry cannot be edited with the triggers in place"; else ok 0 "an entry cannot be edited with the triggers in place"; fi
if sqlite3 "$DB" "UPDATE history SET hash = '$head' WHERE id = 3" 2>/dev/null; then ok 1 "a hash cannot be rewritten"; else ok 0 "a hash cannot be rewritten"; fi
if sqlite3 "$DB" "INSERT INTO history (at, actor_id, action) VALUES ('2026-01-01T00:00:00Z', 1, 'x')" 2>/dev/null; then ok 1 "an entry without a hash cannot be inserted"; else ok 0 "an entry without a hash cannot be inserted"; fi
expect 0 "the refused edits left the history intact" verify

# tamper NAME SQL: on a copy, with the triggers dropped, as someone with the
# sqlite3 shell would; sets $DB to the copy.
GOOD=$DB
tamper() {
	DB="$T/tampered-$1.db"
	rm -f "$DB"
	sqlite3 "$GOOD" ".backup '$DB'"
	sqlite3 "$DB" "DROP TRIGGER history_no_update; DROP TRIGGER history_no_delete;
	    DROP TRIGGER history_hash_once; DROP TRIGGER history_needs_hash; $2"
}
mid=$(( n / 2 ))

tamper edit "UPDATE history SET text = 'Đã hoàn thành' WHERE id = $mid"
expect 1 "an entry edited behind roviec's back fails verify" verify
like "$err" "entry $mid \(.*\) does not match its hash" "naming that entry"
like "$err" "intact up to entry $(( mid - 1 ))" "and how far the history is intact"

tamper reword "UPDATE history SET at = '2026-01-01T00:00:00Z' WHERE id = $mid"
expect 1 "a moved time fails verify" verify
like "$err" "entry $mid " "naming that entry"

tamper rehash "UPDATE history SET text = 'x', hash = '$(printf '%064d' 0)' WHERE id = $mid"
expect 1 "an entry edited with a made-up hash fails verify" verify
like "$err" "entry $mid " "naming that entry"

tamper delete "DELETE FROM history WHERE id = $mid"
expect 1 "an entry deleted behind roviec's back fails verify" verify
like "$err" "entry $mid, before entry $(( mid + 1 )) .*is missing" "naming the missing entry"

tamper delete2 "DELETE FROM history WHERE id IN ($mid, $(( mid + 1 )))"
expect 1 "two deleted entries fail verify" verify
like "$err" "entries $mid to $(( mid + 1 )), before entry $(( mid + 2 ))" "naming both"

tamper renumber "DELETE FROM history WHERE id = $mid; UPDATE history SET id = id - 1 WHERE id > $mid"
expect 1 "a deletion hidden by renumbering fails verify" verify
like "$err" "entry $mid " "naming the first renumbered entry"

tamper insert "INSERT INTO history (at, actor_id, action, text) VALUES ('2026-01-01T00:00:00Z', 1, 'progress', 'giả')"
expect 1 "an entry inserted without a hash fails verify" verify
like "$err" "entry $(( n + 2 )) .*has no hash" "naming the inserted entry"

tamper forge "INSERT INTO history (at, actor_id, action, text, hash) VALUES ('2026-01-01T00:00:00Z', 1, 'progress', 'giả', '$head')"
expect 1 "an entry inserted with a copied hash fails verify" verify
like "$err" "entry $(( n + 2 )) .*does not match" "naming the inserted entry"

tamper login "UPDATE people SET login = 'someone' WHERE login = 'off1'"
expect 1 "a person's login changed behind roviec's back fails verify" verify
first=$(sqlite3 "$GOOD" "SELECT min(h.id) FROM history h JOIN people p ON p.id IN (h.actor_id, h.via_id, h.from_owner_id, h.to_owner_id) WHERE p.login = 'off1'")
like "$err" "entry $first " "naming the first entry that person appears in"

tamper uuid "DROP TRIGGER duties_keep_identity; UPDATE duties SET uuid = '00000000-0000-4000-8000-000000000000' WHERE ref = '$b'"
expect 1 "a duty's uuid changed behind roviec's back fails verify" verify
like "$err" "\($b " "naming an entry of that duty"

tamper truncate "DELETE FROM history WHERE id > $mid"
expect 0 "entries removed from the end leave a chain that is intact as far as it goes" verify
expect 1 "but the head noted before no longer verifies" verify "$head"
like "$err" "not in the history" "which says entries were removed or rewritten"

# A database made before the chain (schema version 1) is hashed when it is
# first opened, in the migration's transaction.
DB="$T/old.db"
me=$(id -un)
sqlite3 "$DB" < "$ROOT/db/migrations/0001_init.sql"
sqlite3 "$DB" "PRAGMA application_id = 1381385539; PRAGMA user_version = 1;
    INSERT INTO units (code, name, kind) VALUES ('DL', 'Đà Lạt', 'city');
    INSERT INTO people (login, full_name, unit_id, role) VALUES ('$me', 'Quản trị', 1, 'admin');
    INSERT INTO history (at, actor_id, action, text) VALUES ('2026-01-01T00:00:00Z', 1, 'unit-added', 'DL');
    INSERT INTO history (at, actor_id, action, text) VALUES ('2026-01-02T00:00:00Z', 1, 'person-added', '$me');"
ok $? "a database of schema version 1 with two entries"
expect 0 "it verifies once opened" verify
like "$out" "intact: 2 entries" "with both entries hashed"
is "$(sqlite3 "$DB" "PRAGMA user_version")" "$(ls "$ROOT"/db/migrations/*.sql | wc -l)" "and is brought to the current schema"
is "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE hash IS NULL")" 0 "no entry is left without its hash"
run unit add P1 "Phường 1" --parent DL --kind ward
ok $rc "a new entry follows"
expect 0 "and the chain still verifies" verify
like "$out" "intact: 3 entries" "with three entries"

done_testing
