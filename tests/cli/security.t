#!/bin/sh
# The security review of issue #6, one test per point: no SQL built by
# pasting strings; no outside text reaches a terminal raw; identity cannot be
# spoofed through the environment; files get the documented modes; nobody
# acts outside their role through any command.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# --- 1. SQL is never pasted together ---------------------------------------------
# Every statement is a literal in store.c's table (or migrate.c's scripts);
# the only formatted one is migrate.c's PRAGMA user_version, an int of ours.
pasted=$(perl -ne '
	print "$ARGV:$.: $_" if /\b(sqlite3_mprintf|sqlite3_vmprintf|sqlite3_snprintf)\b/;
	print "$ARGV:$.: $_" if /printf\s*\(.*"[^"]*\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|PRAGMA)\b/i && !/user_version = %d/;
	close ARGV if eof;' "$ROOT"/src/*.c "$ROOT"/src/tui/*.c)
is "$pasted" "" "no SQL text is formatted with printf-like functions"
outside=$(grep -ln 'sqlite3_prepare\|sqlite3_exec' "$ROOT"/src/*.c "$ROOT"/src/tui/*.c | xargs -n1 basename | sort | tr '\n' ' ')
is "$outside" "migrate.c store.c " "only the storage layer (store.c, migrate.c) prepares or runs SQL"
nonlit=$(perl -ne '
	next unless /sqlite3_(prepare_v[23]|exec)\s*\(\s*[^,]+,\s*([^,]+),/;
	my $a = $2;
	print "$ARGV:$.: $_" unless $a =~ /^"/ || $a =~ /^(sqls\[id\]|sql|migrate_scripts\[v\]|pragmas\[i\])$/;
	close ARGV if eof;' "$ROOT"/src/store.c "$ROOT"/src/migrate.c)
is "$nonlit" "" "every prepared statement is a literal, the statement table, a table of literal pragmas, or a migration script"
fixed=$(perl -ne 'print "$.: $_" if /^(static )?\w.*\bexec\(st, / && !/exec\(st, "/; close ARGV if eof' "$ROOT"/src/store.c)
is "$fixed" "" "the transaction words store.c runs are literals"

fixture_city
ok $? "a small city is set up"

# --- 2. no outside text reaches a terminal raw --------------------------------------
ESC=$(printf '\033')
CSI="$(printf '\302\233')"
evil="Đơn $(printf '\033[2J\033]0;pwned\007') xong $(printf '\302\23331m') $(printf '\342\200\256')ngược"
r=$(new_duty --support P2:"$evil")
as off1 progress "$r" --note "$evil"
ok $rc "a note holding escape sequences, a C1 control and a bidi override is taken"
run unit add EVIL "Đơn vị $(printf '\033[31m')đỏ" --parent DL --kind department
ok $rc "a unit whose name holds an escape sequence is stored (it is shown inert)"
raw_in() { printf '%s' "$1" | LC_ALL=C grep -c "$ESC\|$CSI\|$(printf '\342\200\256')"; }
# On a terminal (script(1) gives the command one) nothing raw ever arrives.
# Written to a file or a pipe, text and JSON output are inert too; CSV keeps
# the stored text exactly (import reads it back), so it is checked on the
# terminal only.
for cmd in "list" "list --format csv" "list --format json" "show $r" "show $r --format json" \
    "report --format csv" "report" "report --format json" "unit list" "unit list --format csv" \
    "person list"; do
	script -qec "$ROVIEC --db $DB $cmd" /dev/null > "$T/tty" 2>&1 </dev/null
	# The terminal's own line endings aside, only what roviec wrote.
	is "$(raw_in "$(tr -d '\r' < "$T/tty")")" 0 "roviec $cmd on a terminal: no raw escape, C1 or bidi control"
	grep -q 'P1\|EVIL\|off1' "$T/tty"
	ok $? "roviec $cmd on a terminal: the output is there"
	case "$cmd" in *csv*) continue ;; esac
	# shellcheck disable=SC2086
	run $cmd
	is "$(raw_in "$out")" 0 "roviec $cmd into a pipe: none either"
done
run add "$evil" --lead "$(printf 'P1\033[2J')" --owner off1 --due +3 --result x --basis y
is "$(raw_in "$err")" 0 "a refusal that quotes outside text quotes it inert"
run verify "$(printf 'ab\033[2Jcd')"
is "$(raw_in "$err")" 0 "so does a usage message"

# --- 3. identity comes from getuid(), never from the environment ----------------------
me=$(id -un)
run progress "$r" --note "Ghi nhận"
is "$rc" 1 "the test's own login ($me) is no official of P1 and is refused"
USER=off1 LOGNAME=off1 SUDO_USER=off1 ROVIEC_USER=off1 ROVIEC_AS=off1 \
    timeout 20 "$ROVIEC" --db "$DB" progress "$r" --note "Giả danh" >"$T/out" 2>"$T/err"
is "$?" 1 "setting USER, LOGNAME, SUDO_USER and the like to off1 does not make one off1"
is "$(sqlite3 "$DB" "SELECT count(*) FROM progress_notes WHERE note = 'Giả danh'")" 0 "and nothing is recorded"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	# nobody reaches the folder through its group, not as everyone:
	# roviec refuses a database in a folder anyone may write to.
	chgrp nogroup "$T" && chmod 0775 "$T"
	chmod 666 "$DB" "$DB-wal" "$DB-shm" 2>/dev/null
	clock_sweep
	USER=$me LOGNAME=$me setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    "$ROVIEC" --db "$DB" --as off1 progress "$r" --note "Giả danh" >"$T/out" 2>"$T/err"
	is "$?" 1 "a process of nobody claiming to be $me with --as is refused"
	like "$(cat "$T/err")" "nobody" "and is told its real login, nobody, is not registered"
	chmod 660 "$DB"
else
	ok 0 "# SKIP needs root and setpriv to run as another user"
	ok 0 "# SKIP needs root and setpriv to run as another user"
fi
as off1 --as off1b progress "$r" --note "x"
is "$rc" 2 "--as given twice is a usage error, not a second identity"
as off1 progress "$r" --note "Đúng người"
ok $rc "an administrator acting with --as is recorded"
is "$(sqlite3 "$DB" "SELECT a.login || ' via ' || v.login FROM history h JOIN people a ON a.id = h.actor_id JOIN people v ON v.id = h.via_id ORDER BY h.id DESC LIMIT 1")" \
    "off1 via $me" "with both names"

# --- 4. files get the documented modes, whatever the umask -----------------------------
for mask in 000 022 077; do
	d="$T/mode$mask"
	(umask $mask; "$ROVIEC" --db "$d/sub/roviec.db" init >/dev/null 2>&1)
	is "$(stat -c %a "$d/sub/roviec.db")" 660 "umask $mask: a new database is 0660"
	is "$(stat -c %a "$d/sub")" 700 "umask $mask: a directory made for it is 0700"
	(umask $mask; "$ROVIEC" --db "$d/sub/roviec.db" unit add X "Xã" >/dev/null 2>&1)
	for side in wal shm; do
		if [ -e "$d/sub/roviec.db-$side" ]; then
			is "$(stat -c %a "$d/sub/roviec.db-$side")" 660 "umask $mask: the -$side file is 0660 too"
		else
			ok 0 "umask $mask: no -$side file left to check"
		fi
	done
	(umask $mask; "$ROVIEC" --db "$d/sub/roviec.db" backup "$d/copy.db" >/dev/null 2>&1)
	is "$(stat -c %a "$d/copy.db")" 600 "umask $mask: a backup is 0600"
done

# --- 5. nobody acts outside their role, through any command -----------------------------
x=$(new_duty)
as off1 transfer "$x" P2 --reason "Thuộc P2"
y=$(new_duty)
as off1 extend "$y" +40 --reason "Chờ ý kiến"
z=$(new_duty)
as off1 done "$z" --note "Xong"
w=$(new_duty)
before=$(dump | md5sum)
refuse() {	# refuse WHO ARGS...: refused with 1, nothing written
	_who=$1
	shift
	as "$_who" "$@"
	if [ "$rc" -eq 1 ]; then ok 0 "$_who may not: $*"; else ok 1 "$_who may not: $*"; diag "exit $rc: $out $err"; fi
}
for cmd in "unit add Q9 Quận --parent DL" "person add newbie Mới --unit P1" \
    "person set off1b --role head" "backup $T/stolen.db"; do
	# shellcheck disable=SC2086
	refuse off1 $cmd
	# shellcheck disable=SC2086
	refuse insp $cmd
done
ok $([ ! -e "$T/stolen.db" ]; echo $?) "no backup was written for them"
for who in insp off2; do
	refuse $who add "Việc" --lead P1 --owner off1 --due +5 --result x --basis y
	refuse $who assign "$w" off1b
	refuse $who transfer "$w" P3 --reason "r"
	refuse $who escalate "$w" --reason "r"
	refuse $who return "$w" --reason "r"
	refuse $who progress "$w" --note "n"
	refuse $who deliver "$w" --note "n"
	refuse $who extend "$w" +50 --reason "r"
	refuse $who done "$w" --note "n"
	refuse $who redirect "$w" P3 --reason "r"
	refuse $who cancel "$w" --reason "r"
	refuse $who reopen "$z" --reason "r"
	refuse $who confirm "$z"
	refuse $who approve "$y"
	refuse $who refuse "$y" --reason "r"
done
refuse insp deliver "$r" --note "n"
refuse off1 accept "$x"
refuse off1b accept "$x"
refuse off2 accept "$x"
refuse off2 reject "$x" --reason "r"
refuse off1 assign "$w" off1b
refuse off1 confirm "$z"
refuse off1 approve "$y"
refuse head1 approve "$y"
refuse off1 reopen "$z" --reason "r"
refuse off1 redirect "$w" P3 --reason "r"
refuse off1 cancel "$w" --reason "r"
refuse head2 assign "$w" off2
is "$(dump | md5sum)" "$before" "none of the refused commands changed anything"

done_testing
