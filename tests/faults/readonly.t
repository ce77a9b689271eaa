#!/bin/sh
# The database made read-only (chmod 0444) while an official's board is
# open: the running board keeps its open connection and goes on working;
# a new session is refused with a clear message; the board quits cleanly
# and nothing acknowledged is lost.  Runs the official as "nobody" (root is
# never refused a write), so it needs root and setpriv.
. "$(dirname "$0")/../tui/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	echo "1..0 # SKIP needs root and setpriv to run an official as nobody"
	exit 0
fi
# nobody reaches the folder through its group (roviec refuses a database
# in a folder anyone may write to), and may read the ledger's key to write.
chgrp nogroup "$T" && chmod 0775 "$T"
"$ROVIEC" --db "$DB" init --demo >/dev/null
ok $? "a demo database"
"$ROVIEC" --db "$DB" person add nobody "Cán bộ thử" --unit P1 >/dev/null
ok $? "the login nobody is an official of P1"
chmod 666 "$DB" "$DB-wal" "$DB-shm" 2>/dev/null
chmod 0444 "$DB.key"
AS="setpriv --reuid=nobody --regid=nogroup --clear-groups"
clock_sweep
tm new-session -d -s board -x 80 -y 24 "env TERM=xterm-256color LANG=C.UTF-8 $AS $ROVIEC --db $DB; echo EXITED \$?; sleep 30"
wait_for '^P1-[0-9]{4} '
ok $? "nobody's board is open on P1"
ref=$(screen | grep -oE '^P1-[0-9]{4}' | head -1)
keys p
wait_for 'Note:'
keys -l "Trước khi chỉ đọc"
keys Enter
wait_for "$ref: progress recorded"
ok $? "a note is recorded"
chmod 0444 "$DB"
ok $? "the database file is made read-only under the running board"
$AS "$ROVIEC" --db "$DB" progress "$ref" --note "Phiên mới" >"$T/out" 2>"$T/err"
rc=$?
ok $([ "$rc" -eq 3 ] || [ "$rc" -eq 1 ]; echo $?) "a new session is refused (exit $rc)"
like "$(cat "$T/err")" "read-only|permission denied|may not open" "with a clear message: $(head -c 120 "$T/err")"
keys p
wait_for 'Note:'
keys -l "Sau khi chỉ đọc"
keys Enter
wait_for "$ref: progress recorded|read-only|nothing was saved" 10
ok $? "the running board answers the next action clearly (its open connection may still write)"
note "$(screen | tail -2)"
keys j
pid=$(pgrep -f "$ROVIEC --db $DB\$" | head -1)
keys Q
wait_for 'EXITED 0'
ok $? "the board quits cleanly (exit 0)"
chmod 0666 "$DB"
is "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "the database is whole"
is "$(sqlite3 "$DB" "SELECT count(*) FROM progress_notes WHERE note = 'Trước khi chỉ đọc'")" 1 "the note made before is there"
is "$(sqlite3 "$DB" "SELECT count(*) FROM progress_notes WHERE note = 'Phiên mới'")" 0 "the refused session wrote nothing"
run verify
is "$rc" 0 "roviec verify agrees with every duty"

done_testing
