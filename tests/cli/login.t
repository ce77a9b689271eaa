#!/bin/sh
# The login snippet (etc/roviec-brief.sh, installed in profile.d): at an
# interactive SSH login it prints what waits, when the administrator (or
# the official) switched it on; nothing otherwise, nothing for a login not
# in the database, nothing when nothing waits; a locked or missing
# database costs the login under a second and one line at most.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$(dirname "$ROVIEC")
sed "s|@BINDIR@|$BIN|g" "$ROOT/etc/roviec-brief.sh" > "$T/snippet.sh"
mkdir -p "$XDG_CONFIG_HOME/roviec"
conf() { printf '%s\n' "db = $DB" "$@" > "$XDG_CONFIG_HOME/roviec/config"; }
# login [ENV...]: an interactive shell reading the snippet as profile.d's
# are read; its output and the milliseconds it took.
# (sh -i says on stderr that it has no terminal: the snippet sends
# roviec's own messages to stdout.)
login() {
	_t0=$(date +%s%N)
	out=$(env "$@" sh -i -c ". '$T/snippet.sh'" 2>/dev/null </dev/null)
	ms=$(( ($(date +%s%N) - _t0) / 1000000 ))
}

fixture_city
ok $? "a small city"
"$ROVIEC" --db "$DB" person set "$ME" --unit P2 >/dev/null
B=$(new_duty --support P2:"Ý kiến về hồ sơ")
ok $? "the test's login ($ME) joins P2, which owes a part of $B: it waits for $ME"

conf
login SSH_CONNECTION="10.0.0.1 5000 10.0.0.2 22"
is "$out" "" "switched off (no login_brief): nothing"
conf "login_brief = yes"
login SSH_CONNECTION="10.0.0.1 5000 10.0.0.2 22"
like "$out" "parts your unit owes: 1" "switched on: an SSH login shows what waits"
like "$out" "$B" "naming the duty"
ok $([ "$(printf '%s\n' "$out" | wc -l)" -le 12 ]; echo $?) "in 12 lines at most"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM people_seen')" 0 "the login message is not looking: nothing recorded"
login SSH_CONNECTION=
is "$out" "" "a login not over SSH: nothing"
out=$(SSH_CONNECTION="1 2 3 4" sh -c ". '$T/snippet.sh'" 2>&1 </dev/null)
is "$out" "" "a shell that is not interactive (scp, a command over ssh): nothing"
login SSH_CONNECTION="1 2 3 4" ROVIEC_NO_BRIEF=1
is "$out" "" "ROVIEC_NO_BRIEF=1: nothing"

# Nothing waiting for this login: nothing at all.
"$ROVIEC" --db "$DB" deliver "$B" --note "Đã gửi ý kiến" >/dev/null
login SSH_CONNECTION="1 2 3 4"
is "$out" "" "nothing waits: nothing printed"

# A login the database does not know: nothing.
A=$(new_duty --support P2:"Số liệu")
cp "$DB" "$T/other.db"
sqlite3 "$T/other.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
sqlite3 "$T/other.db" "UPDATE people SET login = 'someone.else' WHERE login = '$ME'"
DB0=$DB DB="$T/other.db"
conf "login_brief = yes"
login SSH_CONNECTION="1 2 3 4"
is "$out" "" "a login not registered in the database: nothing"
DB=$DB0
conf "login_brief = yes"

# A writer holding the database: the login waits under a second.
login SSH_CONNECTION="1 2 3 4"
like "$out" "$(printf '%s' "$A")" "before the lock: what waits"
( printf 'BEGIN EXCLUSIVE;\nINSERT INTO ref_counters VALUES ("LOCK", 1);\n'; sleep 4; printf 'ROLLBACK;\n' ) |
    sqlite3 "$DB" >/dev/null 2>&1 &
wpid=$!
sleep 0.5
login SSH_CONNECTION="1 2 3 4"
ok $([ "$ms" -lt 1000 ]; echo $?) "with a writer holding BEGIN EXCLUSIVE the login takes under 1 s ($ms ms)"
ok $([ "$(printf '%s' "$out" | grep -c '')" -le 12 ]; echo $?) "and prints the brief or one line"
# A database in rollback mode, locked by a writer: readers wait too.
cp "$DB" "$T/rb.db"
sqlite3 "$T/rb.db" "PRAGMA journal_mode = DELETE" >/dev/null
( printf 'BEGIN EXCLUSIVE;\nINSERT INTO ref_counters VALUES ("LOCK", 1);\n'; sleep 4; printf 'ROLLBACK;\n' ) |
    sqlite3 "$T/rb.db" >/dev/null 2>&1 &
rpid=$!
sleep 0.5
DB="$T/rb.db"
conf "login_brief = yes"
login SSH_CONNECTION="1 2 3 4"
ok $([ "$ms" -lt 1000 ]; echo $?) "a database locked for readers too: under 1 s ($ms ms)"
ok $([ "$(printf '%s' "$out" | grep -c '')" -le 1 ]; echo $?) "and one line at most"
like "$out" "^(|roviec: .*)$" "which, if any, is roviec's"
wait $wpid $rpid

# A missing database: one line at most, quickly.
DB="$T/none.db"
conf "login_brief = yes"
login SSH_CONNECTION="1 2 3 4"
ok $([ "$(printf '%s' "$out" | grep -c '')" -le 1 ]; echo $?) "a missing database: one line at most"
ok $([ "$ms" -lt 1000 ]; echo $?) "and quickly ($ms ms)"

done_testing
