#!/bin/sh
# A database that is not what it should be: garbage, truncated, empty, a
# text file, another program's SQLite file, a newer schema.  The command
# line and the board say so clearly (exit 3), never crash, never touch it.
# And the disk filling up in the middle of a write (ulimit -f): the write
# fails whole, with a clear message, and the database keeps every action
# acknowledged before.
. "$(dirname "$0")/../tui/lib.sh"

fixture_city
ok $? "a small city is set up"
r=$(new_duty)
GOOD="$T/good.db"
sqlite3 "$DB" ".backup '$GOOD'"

case_db() {	# case_db NAME PATTERN: the command line and the board refuse it
	name=$1 want=$2 f="$T/case.db"
	before=$(md5sum < "$f")
	"$ROVIEC" --db "$f" list >"$T/out" 2>"$T/err"
	rc=$?
	is "$rc" 3 "$name: list exits 3"
	like "$(cat "$T/err")" "^roviec: .*$want" "$name: and says so ($(head -c 100 "$T/err"))"
	is "$(md5sum < "$f")" "$before" "$name: the file is untouched"
	tm new-session -d -s "c$rc$$" -x 80 -y 24 "env TERM=xterm-256color LANG=C.UTF-8 $ROVIEC --db $f; echo EXITED \$?; sleep 30"
	SESSION="c$rc$$" wait_for "EXITED 3"
	ok $? "$name: the board exits 3 too, without drawing"
	SESSION="c$rc$$" like "$(tm capture-pane -p -t "c$rc$$")" "roviec: .*$want" "$name: with the same message"
	tm kill-session -t "c$rc$$" 2>/dev/null
	is "$(md5sum < "$f")" "$before" "$name: still untouched"
}

head -c 100000 /dev/urandom > "$T/case.db"
case_db "random bytes" "not a roviec database|not a database|is not"
printf 'Danh sách nhiệm vụ\n' > "$T/case.db"
case_db "a text file" "not a roviec database|not a database|is not"
head -c 50000 "$GOOD" > "$T/case.db"
case_db "a truncated copy" "corrupt|malformed|not a roviec|damaged|cannot"
sqlite3 "$T/case.db.other" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
mv "$T/case.db.other" "$T/case.db"
case_db "another program's SQLite file" "not a roviec database|another program|not roviec"
cp "$GOOD" "$T/case.db"
sqlite3 "$T/case.db" "PRAGMA user_version = 99"
case_db "a database from a newer roviec" "newer|version"
: > "$T/case.db"
"$ROVIEC" --db "$T/case.db" list >"$T/out" 2>"$T/err"
is "$?" 3 "an empty file: list exits 3"
like "$(cat "$T/err")" "^roviec: " "with a message"

# The disk fills up in the middle of a write: the file may not grow.
cp "$GOOD" "$T/full.db"
cp "$DB.key" "$T/full.db.key"	# (a copy is sealed with its database's key)
DB="$T/full.db"
size=$(stat -c %s "$DB")
h0=$(sqlite3 "$DB" 'SELECT count(*) FROM history')
long=$(head -c 3000 /dev/zero | tr '\0' 'x')
acked=0 failed=0 rc=0
(
	ulimit -f $(( (size + 200000) / 1024 ))
	i=0
	while [ $i -lt 400 ]; do
		i=$((i + 1))
		"$ROVIEC" --db "$DB" --as off1 progress "$r" --note "Ghi $i $long" >/dev/null 2>>"$T/full.err" &&
		    echo "Ghi $i" >> "$T/acked"
	done
)
acked=$(wc -l < "$T/acked")
ok $([ -s "$T/full.err" ]; echo $?) "writes failed once the file could grow no more ($acked were acknowledged)"
like "$(grep -m1 . "$T/full.err")" "^roviec: cannot write to .*: the disk is full or the file may not grow .*nothing was saved" "with a clear message: $(grep -m1 . "$T/full.err" | head -c 120)"
unlike "$(cat "$T/full.err")" "Segmentation|Aborted|core dumped|File size limit" "and no crash"
is "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "the database is whole"
is "$(sqlite3 "$DB" "SELECT count(*) FROM progress_notes WHERE note LIKE 'Ghi %'")" "$acked" \
    "it holds every acknowledged note and nothing else"
run verify
is "$rc" 0 "and roviec verify finds history and duties in agreement"
"$ROVIEC" --db "$DB" --as off1 progress "$r" --note "Sau khi có chỗ" >/dev/null 2>&1
is "$?" 0 "with room again, the next write succeeds"

done_testing
