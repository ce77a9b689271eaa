#!/bin/sh
# Issue 14 on a real server: make install as root makes the layout of
# roviec(1), THE SERVER (a system group no official is in, the program
# setgid to it, the database's folder 2770 root:group, /etc/roviec.conf).
# An official cannot open the database with the sqlite3 shell, reaches it
# through roviec as usual, and cannot redirect or subvert the privileged
# program with ROVIEC_DB, --db, TZ, LANGUAGE, TERMINFO or a configuration
# of their own; what roviec writes or reads for them it does with their
# rights alone.  Then each tampering of the issue, done as root with the
# sqlite3 shell, is named by verify run by an inspector.  (No test here
# depends on the day: a setgid program does not take the test clock.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../cli/tamper.sh"

# --- make install, as root -------------------------------------------------------------
server_install
ok $? "make install as root"
is "$(stat -c '%a %U %G' "$RV")" "2755 root $GROUP" "the program is setgid to the group $GROUP"
is "$(stat -c '%a %U %G' "$DBDIR")" "2770 root $GROUP" "the database's folder is 2770 root:$GROUP"
is "$(getent group "$GROUP" | cut -d: -f4)" "" "and nobody is in the group"
is "$(sed -n 's/^db = //p' "$CONF")" "$SDB" "/etc/roviec.conf names the database"
is "$(sed -n 's/^timezone = //p' "$CONF")" "Asia/Ho_Chi_Minh" "and the server's time zone"
like "$(cat "$T/install.out")" "now make the database: sudo roviec init" "make install says what comes next"

for u in rvoa$TAG rvob$TAG rvoi$TAG rvom$TAG; do account "$u"; done
A=rvoa$TAG B=rvob$TAG I=rvoi$TAG M=rvom$TAG
as_official "$A" "$RV init"
is "$rc" 1 "an official may not make the server's database"
like "$err" "made by root" "saying who does"
"$RV" init >"$T/out" 2>&1
ok $? "root makes it (roviec init, no --db: the configuration's)"
is "$(stat -c '%a %U %G' "$SDB")" "660 root $GROUP" "the database is 0660 root:$GROUP"
is "$(stat -c '%a %U %G' "$SDB.key")" "440 root $GROUP" "the ledger's key is 0440 root:$GROUP"
r() { "$RV" "$@" >/dev/null || echo "# set-up failed: $*"; }
r unit add DL "Thành phố Đà Lạt" --kind city
r unit add P1 "Phường 1" --parent DL --kind ward
r unit add P2 "Phường 2" --parent DL --kind ward
r unit add P3 "Phường 3" --parent DL --kind ward
r unit add TTRA "Thanh tra thành phố" --parent DL --kind department
r person add chutich "Nguyễn Văn Thành" --unit DL --role head
r person add head1 "Trần Thị Mai" --unit P1 --role head
r person add off1 "Lê Văn Hùng" --unit P1
r person add head2 "Hoàng Văn Nam" --unit P2 --role head
r person add off2 "Võ Thị Hoa" --unit P2
r person add head3 "Đặng Văn Long" --unit P3 --role head
r person add "$A" "Phan Văn An" --unit P1
r person add "$B" "Lý Thị Bình" --unit P2 --role head
r person add "$I" "Đỗ Văn Kiểm" --unit TTRA --role inspector
r person add "$M" "Quản Trị Viên" --role admin
REF=$("$RV" --as chutich add "Giải quyết đơn thư về ranh giới đất" --lead P1 --owner "$A" \
    --due +20 --result "Báo cáo kết quả" --basis "Công văn số 12/UBND")
ok $? "a duty for official $A ($REF)"

# --- the file is the program's ------------------------------------------------------------
as_official "$A" "sqlite3 '$SDB' 'SELECT count(*) FROM duties'"
ok $([ "$rc" -ne 0 ]; echo $?) "an official running sqlite3 on the database fails"
like "$err" "unable to open" "with 'unable to open'"
as_official "$A" "cat '$SDB.key'"
ok $([ "$rc" -ne 0 ] && [ -z "$out" ]; echo $?) "nor can they read the ledger's key"
as_official "$A" "ls '$DBDIR'"
like "$err" "Permission denied" "nor list the folder"

# --- the official works through roviec as usual -----------------------------------------------
as_official "$A" "$RV list --format csv"
is "$rc" 0 "the official lists their unit's duties through roviec"
like "$out" "^$REF," "the duty is there"
as_official "$A" "$RV progress $REF --note 'Đã khảo sát hiện trường'"
is "$rc" 0 "records progress"
like "$out" "$REF: progress recorded" "as usual"
as_official "$A" "$RV show $REF"
like "$out" "progress by $A: Đã khảo sát hiện trường" "and the history names them by their Unix login"
as_official "$I" "$RV verify"
is "$rc" 0 "an inspector verifies the ledger through roviec"
like "$out" "intact" "intact"
as_official "$A" "$RV --as chutich progress $REF --note x"
is "$rc" 1 "--as is still the administrator's alone"

# --- ROVIEC_DB, --db, their own configuration ----------------------------------------------------------
as_official "$A" "$RV --db \$HOME/mine.db init && $RV --db \$HOME/mine.db unit add X 'Của tôi' && ls -l \$HOME/mine.db"
is "$rc" 0 "an official makes a database of their own with --db (a scratch file)"
is "$(stat -c '%U %G' "$S/home/$A/mine.db")" "$A $(id -gn "$A")" "with their own rights, not the group's"
as_official "$A" "ROVIEC_DB=\$HOME/mine.db $RV unit list --format csv"
ok $([ "$rc" -eq 0 ] && printf '%s' "$out" | grep -q '^P1,' && ! printf '%s' "$out" | grep -q '^X,'; echo $?) \
    "ROVIEC_DB does not move the privileged program off the server's database"
as_official "$A" "ROVIEC_DB=\$HOME/mine.db $RV unit add Y 'Giả'"
is "$rc" 1 "nor make them the administrator they are in their own file"
as_official "$A" "$RV --db '$SDB' list"
is "$rc" 3 "--db naming the server's database opens it with the official's rights: refused"
like "$err" "with --db roviec opens a database with your own rights" "saying so"
as_official "$A" "mkdir -p \$HOME/.config/roviec && printf 'db = %s\nstalled_days = 365\nlanguage = vi\n' \$HOME/mine.db > \$HOME/.config/roviec/config && $RV unit list --format csv"
ok $([ "$rc" -eq 0 ] && printf '%s' "$out" | grep -q '^P1,'; echo $?) \
    "a db = of their own configuration is ignored: still the server's database"
as_official "$A" "$RV --help"
unlike "$(printf '%s' "$out" | head -1)" "^usage:" "while its language = vi is taken (how roviec speaks is theirs)"
as_official "$A" "rm \$HOME/.config/roviec/config; mkdir -p \$HOME/x/roviec && printf 'db = %s\n' \$HOME/mine.db > \$HOME/x/roviec/config && XDG_CONFIG_HOME=\$HOME/x $RV unit list --format csv"
ok $([ "$rc" -eq 0 ] && printf '%s' "$out" | grep -q '^P1,'; echo $?) "nor does XDG_CONFIG_HOME point elsewhere"

# --- TZ: today is the server's ----------------------------------------------------------------------
# Etc/GMT+12 and Etc/GMT-14 are 26 hours apart: never the same day.
sed -i 's|^timezone = .*|timezone = Etc/GMT+12|' "$CONF"
as_official "$B" "TZ=Etc/GMT-14 $RV add 'Việc hôm nay' --lead P2 --owner $B --due +0 --result KQ --basis CV"
is "$rc" 0 "a head adds a duty due today with TZ=Etc/GMT-14"
# (The real day: a setgid roviec does not take the test's pinned clock.)
is "$(sqlite3 "$SDB" "SELECT deadline FROM duties WHERE ref = '$out'")" \
    "$(env -u LD_PRELOAD -u FAKETIME TZ=Etc/GMT+12 date +%F)" \
    "its deadline is today in the configuration's zone, not the caller's"
sed -i 's|^timezone = .*|timezone = Asia/Ho_Chi_Minh|' "$CONF"

# --- LANGUAGE and TERMINFO ---------------------------------------------------------------------------
mkdir -p "$S/evil/vi/LC_MESSAGES"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "usage: roviec [--db PATH] [--as LOGIN] [COMMAND ...]\\n  (no command)   show your unit'"'"'s board\\n"\nmsgstr "PWNED %%s%%s%%s\\n"\n' >"$S/evil.po"
msgfmt -o "$S/evil/vi/LC_MESSAGES/roviec.mo" "$S/evil.po" && chown -R "$A" "$S/evil"
ok $? "an official's own catalogue, with format directives in it"
as_official "$A" "LANGUAGE=../../../../../../../../..$S/evil:vi LANG=C.UTF-8 $RV --help"
unlike "$out" "PWNED" "LANGUAGE cannot make the privileged program read it"
like "$(printf '%s' "$out" | head -1)" "^usage: roviec" "(LANGUAGE is cleared: English, as LANG says)"
as_official "$A" "LANG=vi_VN.UTF-8 $RV --help"
unlike "$(printf '%s' "$out" | head -1)" "^usage:" "LANG=vi_VN.UTF-8 still gives Vietnamese, from the installed catalogue"
if command -v script >/dev/null && command -v tic >/dev/null && command -v infocmp >/dev/null; then
	as_official "$A" "infocmp -x xterm | sed 's/^xterm|/xevil|/' > \$HOME/xevil.src && tic -x -o \$HOME/ti \$HOME/xevil.src"
	ok $rc "an official compiles a terminal description of their own (xevil)"
	as_official "$A" "TERMINFO=\$HOME/ti TERM=xevil script -qec '$RV' /dev/null </dev/null"
	like "$out" "terminal type 'xevil' is unknown" "TERMINFO does not reach the privileged program: the board is not drawn with it"
	as_official "$A" "TERMINFO=\$HOME/ti TERM=xevil script -qec '$ROVIEC --db \$HOME/mine.db' /dev/null </dev/null"
	unlike "$out" "terminal type 'xevil' is unknown" "(an unprivileged roviec would have used it)"
	as_official "$A" "TERM=../../../..\$HOME/ti/x/xevil script -qec '$RV' /dev/null </dev/null"
	unlike "$out" "[0-9]+;[0-9]+H" "nor does a TERM naming a path: no board"
else
	for i in 1 2 3 4; do ok 0 "# SKIP script, tic or infocmp missing"; done
fi

# --- files written or read for the person: with their rights ----------------------------------
as_official "$M" "$RV backup \$HOME/copy.db"
is "$rc" 0 "the administrator (an official account) backs up into their home"
is "$(stat -c '%a %U %G' "$S/home/$M/copy.db")" "600 $M $(id -gn "$M")" "a file of theirs, 0600, not the group's"
as_official "$M" "$RV backup '$DBDIR/stolen.db'"
is "$rc" 1 "a backup into the database's folder is refused: they may not write there"
ok $([ ! -e "$DBDIR/stolen.db" ] && [ -z "$(ls "$DBDIR" | grep -v '^roviec\.db')" ]; echo $?) "and nothing is made there"
as_official "$M" "$RV import '$SDB.key'"
is "$rc" 1 "an import of the ledger's key is refused: they may not read it"
like "$err" "Permission denied" "saying so"
unlike "$err" "$(cut -c1-16 "$SDB.key")" "and nothing of it shows"
as_official "$A" "$RV demo"
is "$rc" 1 "the demo is not built into the server's database"

# --- a setuid install is refused ---------------------------------------------------------------------
cp "$RV" "$S/usr/bin/roviec-suid" && chmod 4755 "$S/usr/bin/roviec-suid"
as_official "$A" "$S/usr/bin/roviec-suid list"
is "$rc" 3 "a setuid roviec refuses to run"
like "$err" "must not be setuid" "saying how to install it"
rm -f "$S/usr/bin/roviec-suid"

# --- each tampering of the issue, as root with the sqlite3 shell ---------------------------------------
DB=$SDB
rv() { "$RV" "$@"; }
rv_at() { _at=$1; shift; faketime "$_at" "$ROVIEC" --db "$SDB" "$@"; }
# tamper.sh's fixture needs an officer of P1 and two heads: as set up above.
r person add off1b "Phạm Thị Lan" --unit P1
tamper_fixture
ok $? "the duties the tamperings change ($A $B $C $D)"
as_official "$I" "$RV verify"
is "$rc" 0 "(they verify)"
sqlite3 "$SDB" ".backup '$S/pristine.db'"
server_apply() {	# NAME SQL PATTERN [AFTER]: on the server's database, then given back
	cp "$S/pristine.db" "$SDB" && chgrp "$GROUP" "$SDB" && chmod 0660 "$SDB" && rm -f "$SDB-wal" "$SDB-shm"
	sqlite3 "$SDB" "$2" || diag "the tampering failed: $2"
	[ -n "${4:-}" ] && $4
	as_official "$I" "$RV verify"
	is "$rc" 1 "$1 (as root): the inspector's verify exits 1"
	like "$out
$err" "$3" "$1: and names it"
}
tamper_cases server_apply
cp "$S/pristine.db" "$SDB" && chgrp "$GROUP" "$SDB" && chmod 0660 "$SDB" && rm -f "$SDB-wal" "$SDB-shm"
as_official "$I" "$RV verify"
is "$rc" 0 "given back, the database verifies again"

done_testing
