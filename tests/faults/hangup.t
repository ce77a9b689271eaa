#!/bin/sh
# A hang-up (the SSH connection dropped) in the middle of each form of the
# board: the process ends at once, nothing is written, the database is whole.
. "$(dirname "$0")/../tui/lib.sh"

"$ROVIEC" --db "$DB" init --demo >/dev/null
ok $? "a demo database"
hist() { sqlite3 "$DB" 'SELECT count(*) FROM history'; }
n=0
# key | what the form shows | text to type
while IFS='|' read -r key label text; do
	n=$((n + 1))
	SESSION="h$n"
	board
	wait_for '\[1 Leads \(' 10 || { ok 1 "board $n did not open"; continue; }
	keys 1
	wait_for '^P1-[0-9]{4} '
	h0=$(hist)
	keys "$key"
	wait_for "$label"
	ok $? "$key opens its form ($label)"
	[ -n "$text" ] && keys -l "$text"
	pid=$(pgrep -f "$ROVIEC --db $DB\$" | head -1)
	kill -HUP "$pid"
	gone_within "$pid" 3
	ok $? "$key: a hang-up in the form ends roviec at once"
	is "$(hist)" "$h0" "$key: nothing was written"
	tm kill-session -t "$SESSION" 2>/dev/null
done <<'FORMS'
c|Title:|Kiểm tra công trình
a|Login:|p1.
t|Unit:|P2
e|Reason:|Vượt thẩm quyền của phư
r|Reason:|Giao nhầm
A|New owner|p1
R|Reason:|Không thuộc
p|Note:|Đã làm việc với hộ
x|New deadline:|31/12/20
y|Approve the extension|
v|Reason:|Cần đúng hạn
d|Result:|Đã hoàn thành, gửi kèm báo
D|What was delivered:|Hồ sơ
C|Confirm the result|
O|Reason:|Thiếu biên
M|Unit:|phuong
X|Reason:|Không còn
/|Find:|dun day
&|Title holds:|giai
FORMS
is "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "the database is whole"
run verify
is "$rc" 0 "and roviec verify agrees with every duty"

done_testing
