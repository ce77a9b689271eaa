#!/bin/sh
# The brief at a real SSH login (issue #11): the snippet make install puts
# in profile.d, read by the login shell of real accounts over a real sshd.
# An official with work waiting sees it; one with nothing waiting, or a
# login outside the officials' group, sees nothing; a database held by a
# writer delays the login by under a second.  Needs root; everything it
# makes is removed at the end.  (The snippet is installed under a
# scratch SYSCONFDIR and read from each account's ~/.profile, as
# /etc/profile reads /etc/profile.d: the machine's /etc is not touched.)
. "$(dirname "$0")/../cli/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP needs root to make accounts and start sshd (run make check-server as root)"
	exit 0
fi
for tool in /usr/sbin/sshd ssh ssh-keygen useradd groupadd; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is missing: make deps-server installs it"
		exit 0
	fi
done

S=$(mktemp -d /tmp/roviec-brief.XXXXXX)
chmod 755 "$S"
TAG=$$
GROUP=rvbg$TAG
A=rvba$TAG N=rvbn$TAG OUT=rvbx$TAG
PORT=$(( 20000 + (TAG + 7) % 20000 ))
cleanup() {
	[ -f "$S/sshd.pid" ] && kill "$(cat "$S/sshd.pid")" 2>/dev/null
	for u in $A $N $OUT; do pkill -KILL -u "$u" 2>/dev/null; userdel "$u" 2>/dev/null; done
	groupdel "$GROUP" 2>/dev/null
	rm -rf "$S" "$T"
	clock_done
}
trap cleanup EXIT

make -s -C "$ROOT" install PREFIX="$S/usr" SYSCONFDIR="$S/etc" MANPREFIX="$S/usr/share/man" SERVER=no >/dev/null
ok $? "make install puts the login snippet in SYSCONFDIR/profile.d"
SNIP="$S/etc/profile.d/roviec-brief.sh"
is "$(stat -c %a "$SNIP")" 644 "the snippet is installed 0644"
RV="$S/usr/bin/roviec"
groupadd "$GROUP"
mkdir -p "$S/var/lib/roviec"
chgrp "$GROUP" "$S/var/lib/roviec" && chmod 2770 "$S/var/lib/roviec"
DB="$S/var/lib/roviec/roviec.db"
for u in $A $N $OUT; do
	useradd -M -p '*' -d "$S/home/$u" -s /bin/sh "$u" || { echo "Bail out! useradd $u failed"; exit 1; }
	mkdir -p "$S/home/$u/.config/roviec"
	printf '. %s\n' "$SNIP" > "$S/home/$u/.profile"
	printf 'db = %s\nlogin_brief = yes\n' "$DB" > "$S/home/$u/.config/roviec/config"
	chown -R "$u" "$S/home/$u"
done
usermod -a -G "$GROUP" "$A" && usermod -a -G "$GROUP" "$N"
"$RV" --db "$DB" init >/dev/null
r() { "$RV" --db "$DB" "$@" >/dev/null || echo "# set-up failed: $*"; }
r unit add DL "Thành phố Đà Lạt" --kind city
r unit add P1 "Phường 1" --parent DL --kind ward
r person add chutich "Nguyễn Văn Thành" --unit DL --role head
r person add "$A" "Lê Văn Hùng" --unit P1
r person add "$N" "Trần Thị Mai" --unit P1
REF=$("$RV" --db "$DB" --as chutich add "Giải quyết đơn thư về ranh giới đất" --lead P1 --owner "$A" \
    --due +20 --result "Báo cáo kết quả" --basis "Công văn số 12/UBND")
ok $? "a duty for official A ($REF); nothing for N"

mkdir -p "$S/ssh/keys" /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$S/ssh/host" && ssh-keygen -q -t ed25519 -N '' -f "$S/ssh/client"
for u in $A $N $OUT; do cp "$S/ssh/client.pub" "$S/ssh/keys/$u"; done
chmod 644 "$S/ssh/keys/"*
cat > "$S/ssh/config" <<EOC
Port $PORT
ListenAddress 127.0.0.1
HostKey $S/ssh/host
PidFile $S/sshd.pid
AuthorizedKeysFile $S/ssh/keys/%u
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM no
PermitRootLogin no
AllowUsers $A $N $OUT
EOC
/usr/sbin/sshd -f "$S/ssh/config" -E "$S/ssh/log"
ok $? "sshd started on 127.0.0.1:$PORT"
SSH="ssh -q -i $S/ssh/client -p $PORT -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes"
try=0
until $SSH "$A@127.0.0.1" true 2>/dev/null || [ $try -ge 50 ]; do sleep 0.1; try=$((try + 1)); done

# login USER: an interactive login shell over ssh -tt that exits at once;
# its output (the shell's prompt and echo removed) and its milliseconds.
login() {
	_t0=$(date +%s%N)
	out=$(printf 'exit\n' | timeout 30 $SSH -tt "$1@127.0.0.1" 2>/dev/null | tr -d '\r' |
	    grep -v '^\$ \|^exit$\|^\$$')
	ms=$(( ($(date +%s%N) - _t0) / 1000000 ))
}

login "$A"
like "$out" "$REF" "A's SSH login shows the duty waiting for A"
like "$out" "What waits for Lê Văn Hùng \\($A\\)" "under the brief's heading"
base=$ms
login "$N"
unlike "$out" "roviec|waits|$REF" "N, with nothing waiting, sees nothing"
login "$OUT"
unlike "$out" "roviec|waits|$REF|permission" "a login outside the group sees nothing, not even an error"

# A writer holds the database (rollback journal, so readers wait too).
"$RV" --db "$DB" list >/dev/null
sqlite3 "$DB" "PRAGMA journal_mode = DELETE" >/dev/null
( printf 'BEGIN EXCLUSIVE;\nINSERT INTO ref_counters VALUES ("LOCK", 1);\n'; sleep 8; printf 'ROLLBACK;\n' ) |
    sqlite3 "$DB" >/dev/null 2>&1 &
wpid=$!
sleep 0.5
login "$A"
ok $([ $((ms - base)) -lt 1000 ]; echo $?) "a locked database delays A's login by under 1 s ($ms ms against $base ms)"
ok $([ "$(printf '%s\n' "$out" | grep -c 'roviec')" -le 1 ]; echo $?) "and prints one line at most"
wait $wpid
sqlite3 "$DB" "PRAGMA journal_mode = WAL" >/dev/null

done_testing
