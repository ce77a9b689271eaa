#!/bin/sh
# roviec on a city server, set up as man roviec (THE SERVER) says: make
# install as root (the program setgid to a group no official is in, the
# database in that group's folder, /etc/roviec.conf naming it), real
# accounts logging in over a real sshd on a loopback port.  Official A
# proposes a transfer from the board over ssh -t; official B, logged in at
# the same time, sees it arrive and accepts it; a login that is not
# registered is told what to ask; killing A's connection in the middle of a
# form leaves nothing half-written and no process behind.  Needs root (it
# makes accounts and starts sshd); everything it makes is removed at the
# end.  (The accounts get the password "*": no password login, but not
# locked, which sshd would refuse even for a key.)
. "$(dirname "$0")/lib.sh"

for tool in /usr/sbin/sshd ssh ssh-keygen tmux; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is missing: make deps-server installs it"
		exit 0
	fi
done

A=rva$TAG B=rvb$TAG OUT=rvx$TAG
PORT=$(( 20000 + TAG % 20000 ))
SOCK="$S/tmux.sock"
cleanup() {
	tmux -S "$SOCK" kill-server 2>/dev/null
	[ -f "$S/sshd.pid" ] && kill "$(cat "$S/sshd.pid")" 2>/dev/null
	server_cleanup
}
trap cleanup EXIT

# --- the administrator's set-up, as in the manual -----------------------------
server_install
ok $? "make install as root makes the server layout"
is "$(stat -c '%a %G' "$RV")" "2755 $GROUP" "the program is installed setgid to $GROUP"
for u in $A $B $OUT; do account "$u"; done
ok $? "three official accounts, none of them in $GROUP"
DB=$SDB
"$RV" init >/dev/null
ok $? "the administrator (root) runs roviec init"
is "$(stat -c '%a %G' "$DB")" "660 $GROUP" "the database is 0660 and belongs to the group"
r() { "$RV" "$@" >/dev/null || echo "# set-up failed: $*"; }
r unit add DL "Thành phố Đà Lạt" --kind city
r unit add P1 "Phường 1" --parent DL --kind ward
r unit add P2 "Phường 2" --parent DL --kind ward
r person add chutich "Nguyễn Văn Thành" --unit DL --role head
r person add "$A" "Lê Văn Hùng" --unit P1
r person add head1 "Trần Thị Mai" --unit P1 --role head
r person add "$B" "Hoàng Văn Nam" --unit P2 --role head
REF=$("$RV" --as chutich add "Giải quyết đơn thư về ranh giới đất" --lead P1 --owner "$A" \
    --due +20 --result "Báo cáo kết quả" --basis "Công văn số 12/UBND")
ok $? "a duty for official A ($REF)"
REF2=$("$RV" --as chutich add "Kiểm tra công trình xây dựng" --lead P1 --owner "$A" \
    --due +25 --result "Biên bản kiểm tra" --basis "Kế hoạch số 5/KH-UBND")

# --- sshd on a loopback port, with its own configuration ------------------------
mkdir -p "$S/ssh/keys" /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$S/ssh/host" && ssh-keygen -q -t ed25519 -N '' -f "$S/ssh/client"
for u in $A $B $OUT; do cp "$S/ssh/client.pub" "$S/ssh/keys/$u"; done
chmod 644 "$S/ssh/keys/"*
cat > "$S/ssh/config" <<EOF
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
AllowUsers $A $B $OUT
EOF
/usr/sbin/sshd -f "$S/ssh/config" -E "$S/ssh/log"
ok $? "sshd started on 127.0.0.1:$PORT"
SSH="ssh -q -i $S/ssh/client -p $PORT -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes"
try=0
until $SSH "$A@127.0.0.1" true 2>/dev/null || [ $try -ge 50 ]; do sleep 0.1; try=$((try + 1)); done
$SSH "$A@127.0.0.1" true
ok $? "official A can log in over ssh"

# --- two officials on their boards at once ----------------------------------------
tm() { tmux -S "$SOCK" "$@"; }
screen() { tm capture-pane -p -t "$1"; }
wait_on() {	# wait_on SESSION PATTERN [SECONDS]
	_deadline=$(( $(date +%s%N) / 1000000 + ${3:-10} * 1000 ))
	while [ "$(( $(date +%s%N) / 1000000 ))" -lt "$_deadline" ]; do
		screen "$1" | grep -Eq -- "$2" && return 0
		sleep 0.05
	done
	echo "# waited ${3:-10} s for /$2/ on $1's screen, which shows:" >&2
	screen "$1" | sed 's/^/# | /' >&2
	return 1
}
keys() { _s=$1; shift; tm send-keys -t "$_s" "$@"; }
hist() { sqlite3 "$DB" 'SELECT count(*) FROM history'; }
export TMUX=
tm new-session -d -s a -x 80 -y 24 "$SSH -t $A@127.0.0.1 TERM=xterm-256color $RV; sleep 30"
tm new-session -d -s b -x 80 -y 24 "$SSH -t $B@127.0.0.1 TERM=xterm-256color $RV; sleep 30"
wait_on a "Phường 1 \(P1\) +as $A"
ok $? "A's board opens over ssh -t, on P1"
wait_on b "Phường 2 \(P2\) +as $B"
ok $? "B's board opens over ssh -t at the same time, on P2"
keys b 3
wait_on b '\[3 Proposals \('
ok $? "B looks at the proposals waiting for P2"
h0=$(hist)
keys a '&'
wait_on a 'Title holds:'
keys a -l "ranh gioi"
keys a Enter
wait_on a 'showing those that hold "ranh gioi"' && wait_on a "^$REF " && ! screen a | grep -q "^$REF2 "
ok $? "A finds the duty by searching without diacritics"
keys a t
wait_on a 'Unit:'
ok $? "t opens the transfer form over ssh"
keys a -l P2
keys a Enter
wait_on a 'Reason:'
keys a -l "Thửa đất thuộc địa bàn Phường 2"
wait_on a 'Reason: +Thửa đất thuộc địa bàn Phường 2'
ok $? "the reason arrives whole, in Vietnamese"
keys a Enter
wait_on a "$REF: transfer proposed"
ok $? "A proposes a transfer to P2 from the board"
wait_on b "^$REF " 5
ok $? "B's board shows the proposal without a key pressed"
keys b A
wait_on b 'New owner'
keys b Enter
wait_on b "$REF: proposal accepted"
ok $? "B accepts it"
is "$(sqlite3 "$DB" "SELECT u.code || ' ' || p.login FROM duties d JOIN units u ON u.id = d.lead_unit_id JOIN people p ON p.id = d.owner_id WHERE d.ref = '$REF'")" \
    "P2 $B" "P2 leads the duty now, owned by B"
is "$(sqlite3 "$DB" "SELECT group_concat(a.login || ':' || h.action, ' ') FROM history h JOIN people a ON a.id = h.actor_id WHERE h.id > $h0")" \
    "$A:transfer $B:accepted" "the history names each official by their Unix login"

# --- in Vietnamese, from the installed catalogue -------------------------------------------
is "$(stat -c %a "$S/usr/share/locale/vi/LC_MESSAGES/roviec.mo")" 644 "make install put the Vietnamese catalogue in place"
usage_vi=$(vi_of "usage: roviec [--db PATH] [--as LOGIN] [COMMAND ...]
  (no command)   show your unit's board
" | head -1)
out=$($SSH "$A@127.0.0.1" "LANG=vi_VN.UTF-8 $RV --help" 2>&1 | head -1)
is "$out" "$usage_vi" "over ssh with LANG=vi_VN.UTF-8 the installed roviec speaks Vietnamese"
out=$($SSH "$A@127.0.0.1" "LANG=C.UTF-8 $RV --help" 2>&1 | head -1)
like "$out" "^usage: roviec" "and English with LANG=C.UTF-8"

# --- a login not registered ----------------------------------------------------------
out=$($SSH "$OUT@127.0.0.1" "$RV list" 2>&1)
rc=$?
is "$rc" 1 "a login that is not registered is refused (exit 1)"
like "$out" "not registered in this roviec database; ask the administrator" \
    "and told to ask to be added"
unlike "$out" "$REF|Giải quyết" "and sees no data"
out=$($SSH "$OUT@127.0.0.1" "cat $DB" 2>&1)
unlike "$out" "SQLite format" "the file itself cannot be read by a login"
out=$($SSH "$A@127.0.0.1" "sqlite3 $DB 'SELECT title FROM duties'" 2>&1)
unlike "$out" "Giải quyết" "not even by a registered official"

# --- A's connection dropped in the middle of a form -------------------------------------
keys a Escape
keys a '&'
wait_on a 'Title holds:'
keys a -l "cong trinh"
keys a Enter
wait_on a 'showing those that hold "cong trinh"' && wait_on a "^$REF2 "
h0=$(hist)
keys a p
wait_on a 'Note:'
keys a -l "Đã kiểm tra hiện trư"
wait_on a 'Note: +Đã kiểm tra hiện trư'
ok $? "A is typing a progress note"
pid=$(pgrep -u "$A" -f "$RV" | head -1)
ok $([ -n "$pid" ]; echo $?) "A's roviec runs as A on the server (pid $pid)"
sshpid=$(pgrep -f "ssh -q -i $S/ssh/client -p $PORT .* -t $A@" | head -1)
kill -9 "$sshpid"
ok $? "A's ssh client is killed (the connection drops)"
gone=1
i=0
while [ $i -lt 100 ]; do
	if ! pgrep -u "$A" -f "$RV" >/dev/null; then gone=0; break; fi
	sleep 0.1
	i=$((i + 1))
done
ok $gone "no roviec process of A is left on the server"
i=0
while [ $i -lt 100 ] && pgrep -u "$A" >/dev/null; do sleep 0.1; i=$((i + 1)); done
left=$(pgrep -a -u "$A")
is "$left" "" "nor any other process of A (its sshd session ended too)"
is "$(hist)" "$h0" "nothing was written by the interrupted form"
is "$(sqlite3 "$DB" "SELECT count(*) FROM progress_notes n JOIN duties d ON d.id = n.duty_id WHERE d.ref = '$REF2'")" 0 \
    "no half-made progress note"
is "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "the database is intact"
out=$(LANG=C.UTF-8 LANGUAGE= LC_ALL= "$RV" verify 2>&1)
like "$out" "intact" "and its history verifies"

done_testing
