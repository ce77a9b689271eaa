#!/bin/sh
# Two officials of the group, with the usual umask 022 or 077, write at the
# same moment to a shared database that has no -wal or -shm yet (the first
# commands of the morning): each write is made, none is told the database
# is read-only, and the files SQLite makes beside it stay group-writable.
# (With SQLite's own handling alone, the -shm is made 0640 and widened a
# moment later; a second official opening it in between was read-only for
# the whole session, one round in three.)  Needs root to make the accounts;
# everything it makes is removed at the end.
. "$(dirname "$0")/../cli/lib.sh"

if [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP needs root to make accounts (run make check-server as root)"
	exit 0
fi
for tool in useradd groupadd su; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is missing"
		exit 0
	fi
done

S=$(mktemp -d /tmp/roviec-shared.XXXXXX)
chmod 755 "$S"
TAG=$$
GROUP=rvsg$TAG
A=rvsa$TAG B=rvsb$TAG
ROUNDS=${SHARED_ROUNDS:-60}
cleanup() {
	for u in $A $B; do pkill -KILL -u "$u" 2>/dev/null; userdel "$u" 2>/dev/null; done
	groupdel "$GROUP" 2>/dev/null
	rm -rf "$S" "$T"
	clock_done
}
trap cleanup EXIT

groupadd "$GROUP"
for u in $A $B; do
	useradd -M -s /bin/sh "$u" || { echo "Bail out! useradd $u failed"; exit 1; }
	usermod -a -G "$GROUP" "$u"
done
mkdir -p "$S/db"
chgrp "$GROUP" "$S/db" && chmod 2770 "$S/db"
DB=$S/db/roviec.db
r() { "$ROVIEC" --db "$DB" "$@" >/dev/null || echo "# set-up failed: $*"; }
r init
r unit add DL "Thành phố Đà Lạt" --kind city
r unit add P1 "Phường 1" --parent DL --kind ward
r person add "$A" "Lê Văn Hùng" --unit P1 --role head
r person add "$B" "Hoàng Văn Nam" --unit P1
ra=$("$ROVIEC" --db "$DB" --as "$A" add "Việc của A" --lead P1 --owner "$A" --due +20 --result KQ --basis CV)
rb=$("$ROVIEC" --db "$DB" --as "$A" add "Việc của B" --lead P1 --owner "$B" --due +20 --result KQ --basis CV)
ok $([ -n "$ra" ] && [ -n "$rb" ]; echo $?) "a shared database, one duty for each of two officials"

as_user() {	# as_user LOGIN ARGS...: roviec as that Unix account, with $MASK
	_u=$1
	shift
	su "$_u" -s /bin/sh -c "umask $MASK; HOME=$S XDG_CONFIG_HOME=$S/config exec $ROVIEC --db $DB $*"
}
readonly_seen=0 failed=0 i=0
while [ $i -lt "$ROUNDS" ]; do
	i=$((i + 1))
	# The usual umask, and half the time the strictest.
	MASK=022
	[ $((i % 2)) -eq 0 ] && MASK=077
	rm -f "$DB-wal" "$DB-shm"
	as_user "$A" progress "$ra" --note "a$i" >"$T/a" 2>&1 &
	as_user "$B" progress "$rb" --note "b$i" >"$T/b" 2>&1 &
	wait
	grep -q "read-only" "$T/a" "$T/b" && readonly_seen=$((readonly_seen + 1))
	grep -q "progress recorded" "$T/a" && grep -q "progress recorded" "$T/b" || { failed=$((failed + 1)); [ $failed -eq 1 ] && diag "$(cat "$T/a" "$T/b")"; }
done
is "$readonly_seen" 0 "$ROUNDS rounds of two officials writing at once to a fresh WAL: none is read-only"
is "$failed" 0 "and every one of the $((ROUNDS * 2)) writes is made"
is "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE action = 'progress'")" $((ROUNDS * 2)) \
    "each is in the history"

is "$(stat -c '%a %G' "$DB")" "660 $GROUP" "the database is still 0660 and the group's"

done_testing
