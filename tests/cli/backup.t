#!/bin/sh
# roviec backup FILE: a consistent copy made with SQLite's online backup
# API while others keep working; never over an existing file; the restore
# steps of the manual give back the same duties and the same history.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)

fixture_city
ok $? "a small city is set up"
r=$(new_duty --support P2:"Hồ sơ")
as off1 progress "$r" --note "Đã khảo sát hiện trường"

expect 0 "the administrator backs up the database" backup "$T/copy.db"
like "$out" "Backed up to .*copy.db: 1 duties, [0-9]+ history entries, head [0-9a-f]{64}\." \
    "saying what the copy holds and its history head"
is "$(stat -c %a "$T/copy.db")" 600 "the copy is readable by its owner only (0600)"
is "$(sqlite3 "$T/copy.db" 'PRAGMA integrity_check')" ok "the copy passes integrity_check"
is "$(sqlite3 "$T/copy.db" 'PRAGMA journal_mode')" delete "the copy is one plain file (not WAL)"
is "$(ls "$T" | grep -c 'copy.db.tmp')" 0 "no temporary file is left behind"
cmp_dump() { sqlite3 "$1" ".dump duties history duty_support units people"; }
is "$(cmp_dump "$T/copy.db" | md5sum)" "$(cmp_dump "$DB" | md5sum)" "the copy holds the same duties, history, units and people"

before=$(md5sum < "$T/copy.db")
expect 1 "an existing file is never overwritten" backup "$T/copy.db"
like "$err" "exists already" "saying so"
is "$(md5sum < "$T/copy.db")" "$before" "and the file is untouched"
expect 1 "an official may not back up" --as off1 backup "$T/off1.db"
like "$err" "only an administrator" "saying who may"
ok $([ ! -e "$T/off1.db" ]; echo $?) "and no file is made"
expect 1 "a directory that does not exist is refused" backup "$T/nowhere/x.db"
like "$err" "cannot create" "saying it cannot create the file"
expect 2 "backup needs a file name" backup
expect 2 "and takes only one" backup "$T/a.db" "$T/b.db"

# While others keep working: four officials write while the copy is made.
DB2="$T/big.db"
ROVIEC="$ROVIEC" sh "$ROOT/bench/mkdb.sh" "$DB2" 20000 >/dev/null 2>&1
ok $? "a database with 20,000 more duties"
refs=$(sqlite3 "$DB2" "SELECT d.ref || ' ' || p.login FROM duties d JOIN people p ON p.id = d.owner_id
    WHERE d.status = 'open' AND d.ref NOT LIKE 'B-%' LIMIT 4")
printf '%s\n' "$refs" | while read -r ref who; do
	n=0 fails=0
	while [ $n -lt 15 ]; do
		"$ROVIEC" --db "$DB2" --as "$who" progress "$ref" --note "Ghi nhận số $n" >/dev/null 2>>"$T/writers.err" || fails=$((fails + 1))
		n=$((n + 1))
	done
	echo "$fails" >> "$T/fails"
done &
writers=$!
"$ROVIEC" --db "$DB2" backup "$T/big-copy.db" >"$T/bout" 2>"$T/berr"
brc=$?
wait $writers
is "$brc" 0 "the backup succeeds while others write"
is "$(awk '{ n++; f += $1 } END { print n, f }' "$T/fails")" "4 0" "and all four writers' 60 actions succeeded meanwhile"
is "$(sqlite3 "$T/big-copy.db" 'PRAGMA integrity_check')" ok "the copy made under writes passes integrity_check"
is "$(sqlite3 "$T/big-copy.db" 'SELECT count(*) FROM duties')" "$(sqlite3 "$DB2" 'SELECT count(*) FROM duties')" \
    "and holds every duty"

# The restore steps of the manual: a copy put in place with the group's
# mode, then checked; the backup leaves the ledger's key out (it would let
# whoever holds the copy forge entries), so the restored database needs the
# key it was sealed with.
ok $([ ! -e "$T/copy.db.key" ]; echo $?) "the backup carries no key"
cp "$T/copy.db" "$T/restored.db"
chmod 0660 "$T/restored.db"
DB="$T/restored.db"
expect 0 "the restored database opens" list --all --format csv
like "$out" "^$r," "with the duty"
expect 3 "without its key its seals cannot be checked" verify
like "$err" "key .*restored.db.key" "saying which key is wanted"
expect 3 "and nothing can be recorded" --as off1 progress "$r" --note "Ghi thêm"
like "$err" "key .*restored.db.key.* is missing" "saying the key is missing"
cp "$T/roviec.db.key" "$T/restored.db.key"
expect 0 "with the key beside it, its history verifies" verify
like "$out" "intact" "intact"

done_testing
