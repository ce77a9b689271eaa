#!/bin/sh
# The schema holds the rules itself: rows written by hand with the sqlite3
# shell cannot break the one-owner rule, and the history cannot be edited.
# Databases roviec must not touch are refused with exit 3, unchanged.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)

fixture_city
ok $? "a small city is set up"
ref=$(new_duty --support P2:"Cung cấp hồ sơ địa chính")
ok $? "a duty with a supporting unit"
id=$(sqlite3 "$DB" "SELECT id FROM duties WHERE ref = '$ref'")
p2=$(sqlite3 "$DB" "SELECT id FROM units WHERE code = 'P2'")
p1=$(sqlite3 "$DB" "SELECT id FROM units WHERE code = 'P1'")
off2=$(sqlite3 "$DB" "SELECT id FROM people WHERE login = 'off2'")

# The reference schema and the migrations agree.
sqlite3 "$T/ref.db" < "$ROOT/db/schema.sql"
# Tables are compared by their columns, keys and checks (ALTER TABLE ADD
# COLUMN leaves its own layout in sqlite_master), the rest by their text.
norm() {
	sqlite3 "$1" "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk
	    FROM sqlite_master m, pragma_table_xinfo(m.name) p WHERE m.type = 'table'
	    ORDER BY m.name, p.cid;
	  SELECT m.name, f.* FROM sqlite_master m, pragma_foreign_key_list(m.name) f
	    WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq;
	  SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type <> 'table' ORDER BY type, name"
	# Each CHECK clause of each table, whitespace squeezed.
	sqlite3 "$1" "SELECT sql FROM sqlite_master WHERE type = 'table' ORDER BY name" |
	    perl -0ne 'while (/CHECK\s*(\((?:[^()]++|(?1))*\))/g) { ($c = $1) =~ s/\s+/ /g; print "$c\n" }' |
	    sort
}
is "$(norm "$T/ref.db")" "$(norm "$DB")" "db/schema.sql describes what the migrations make"
is "$(sqlite3 "$DB" 'PRAGMA user_version')" "$(ls "$ROOT"/db/migrations/*.sql | wc -l)" "user_version is the number of migrations"
is "$(sqlite3 "$DB" 'PRAGMA journal_mode')" wal "the database is in WAL mode"

refused() {	# refused NAME SQL: the shell's write must fail and change nothing
	before=$(dump | md5sum)
	if sqlite3 "$DB" "PRAGMA foreign_keys = ON; $2" 2>"$T/sqlerr"; then
		ok 1 "$1"
	else
		ok 0 "$1"
	fi
	is "$(dump | md5sum)" "$before" "$1: nothing changed"
}

refused "an open duty with no owner is rejected" \
    "UPDATE duties SET owner_id = NULL WHERE id = $id"
refused "an owner outside the lead unit is rejected" \
    "UPDATE duties SET owner_id = $off2 WHERE id = $id"
refused "a lead unit changed without its owner is rejected" \
    "UPDATE duties SET lead_unit_id = $p2 WHERE id = $id"
refused "the lead unit as its own supporter is rejected" \
    "INSERT INTO duty_support (duty_id, unit_id, part) VALUES ($id, $p1, 'x')"
refused "a supporter becoming the lead while still supporting is rejected" \
    "UPDATE duties SET lead_unit_id = $p2, owner_id = $off2 WHERE id = $id"
as off1 transfer "$ref" P3 --reason "Thuộc P3"
ok $rc "a pending transfer"
refused "two pending proposals for one duty are rejected" \
    "INSERT INTO handoffs (duty_id, kind, from_unit_id, to_unit_id, proposed_by, reason, created_at, created_on)
     VALUES ($id, 'transfer', $p1, $p2, 1, 'x', '2026-01-01T00:00:00Z', '2026-01-01')"
refused "a history row cannot be updated" "UPDATE history SET text = 'sửa' WHERE duty_id = $id"
refused "a history row cannot be deleted" "DELETE FROM history WHERE duty_id = $id"
refused "a duty cannot be deleted" "DELETE FROM duties WHERE id = $id"
refused "an impossible deadline is rejected" "UPDATE duties SET deadline = '2026-02-30' WHERE id = $id"
refused "a moved person may not leave open duties behind" \
    "UPDATE people SET unit_id = $p2 WHERE login = 'off1'"

# Moving a person through the command line meets the same rule, cleanly.
expect 1 "person set cannot move an owner of open duties" person set off1 --unit P2
like "$err" "reassign" "and says to reassign the duties first"

# Databases that are not for this roviec: refused with 3, not touched.
cp "$DB" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
sum=$(cat "$T/newer.db" "$T/newer.db-wal" 2>/dev/null | md5sum)
"$ROVIEC" --db "$T/newer.db" list >/dev/null 2>"$T/e"; rc=$?
is "$rc" 3 "a database from a newer roviec is refused with 3"
like "$(cat "$T/e")" "newer" "and the message says it is newer"
is "$(cat "$T/newer.db" "$T/newer.db-wal" 2>/dev/null | md5sum)" "$sum" "and the file is untouched"

head -c 8192 /dev/urandom > "$T/garbage.db"
sum=$(md5sum < "$T/garbage.db")
"$ROVIEC" --db "$T/garbage.db" list >/dev/null 2>"$T/e"; rc=$?
is "$rc" 3 "a file that is not SQLite is refused with 3"
like "$(cat "$T/e")" "not an SQLite file|not a roviec database" "and the message says so"
is "$(md5sum < "$T/garbage.db")" "$sum" "and the file is untouched"

sqlite3 "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
sum=$(md5sum < "$T/other.db")
"$ROVIEC" --db "$T/other.db" list >/dev/null 2>"$T/e"; rc=$?
is "$rc" 3 "another program's SQLite database is refused with 3"
is "$(md5sum < "$T/other.db")" "$sum" "and the file is untouched"

"$ROVIEC" --db "$T/none.db" list >/dev/null 2>"$T/e"; rc=$?
is "$rc" 3 "a missing database is refused with 3"
like "$(cat "$T/e")" "roviec init" "and the message says how to make one"
[ ! -e "$T/none.db" ]; ok $? "and no file is made"

done_testing
