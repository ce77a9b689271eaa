#!/bin/sh
# Issue 14, the other holes found, each reproduced: values written behind
# roviec's back reach no terminal raw, in any output; init refuses a folder
# anyone may write to; import of a FIFO does not hang; --db "" is refused;
# a configuration that is a device or a directory is refused; modes hold
# under umask 277; and "today" is the server's, whatever TZ the caller has.
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$DB" "$@"; }
fixture_city
ok $? "a small city is set up"

# --- raw values from the database ------------------------------------------------------
r=$(new_duty --support P2:"Hồ sơ")
as off1 progress "$r" --note "Đã khảo sát"
GOOD=$DB
DB="$T/raw.db"
sqlite3 "$GOOD" ".backup '$DB'" && cp "$GOOD.key" "$DB.key"
OSC52="$(printf '\033]52;c;cHduZWQ=\007')"
TITLE="$(printf '\033]0;pwned\007')"
evil_ref="P1-$OSC52$(printf '\302\233')31m$(printf '\177')9"
q "DROP TRIGGER duties_keep_identity; UPDATE duties SET ref = '$evil_ref' WHERE ref = '$r';
   DROP TRIGGER history_hash_once; DROP TRIGGER history_no_update;
   UPDATE history SET hash = '$TITLE' || substr(hash, 1, 64 - length('$TITLE'))
   WHERE id = (SELECT max(id) FROM history)"
ok $? "a reference and a history hash rewritten with the sqlite3 shell: an OSC 52 clipboard write, a title change, C1, DEL"
raw_in() {	# how many lines hold a raw ESC, BEL, DEL or C1 control (valid UTF-8, or a stray byte)
	printf '%s' "$1" | perl -ne 'BEGIN { $n = 0 }
		$n++ if /[\x1b\x07\x7f]|\xc2[\x80-\x9f]/ || !utf8::decode(my $c = $_);
		END { print $n }'
}
is "$(raw_in "$evil_ref")" 1 "(the test itself finds them)"
for cmd in "show $evil_ref" "show $evil_ref --format json" "export --format json" "export" \
    "report" "report --format json" "report --format csv" "report --format tsv" "report --format md" \
    "report --excel" "export --excel" "list --excel" "list --format json" "list --format csv" \
    "list" "backup $T/copy.db" "verify"; do
	rm -f "$T/copy.db"
	# shellcheck disable=SC2086
	run $cmd
	shown=$(printf '%s' "$cmd" | perl -pe 's/[\x00-\x1f\x7f]|\xc2[\x80-\x9f]/?/g')
	is "$(raw_in "$out
$err")" 0 "roviec $shown: no raw control from the database reaches the output"
done
run show "$evil_ref" --format json
like "$out" '"ref":"P1-\\u001b\]52;c;cHduZWQ=\\u0007\\u009b31m\\u007f9"' "JSON escapes every one of them"
run export --format json
perl -MJSON::PP -e 'local $/; decode_json(<STDIN>)' <"$T/out" 2>/dev/null
ok $? "and stays valid JSON"
DB=$GOOD
rm -f "$T/copy.db"

# --- init where anyone may write ----------------------------------------------------------
for mode in 0777 1777; do
	d="$T/open$mode"
	mkdir "$d" && chmod "$mode" "$d"
	DB="$d/roviec.db" run init
	is "$rc" 3 "init in a folder of mode $mode (anyone may write) is refused with 3"
	like "$err" "may be written by anyone.*could put files beside the database" "saying why"
	is "$(ls -A "$d")" "" "and leaves nothing there"
done
mkdir "$T/safe" && "$ROVIEC" --db "$T/safe/roviec.db" init >/dev/null && chmod 1777 "$T/safe"
DB="$T/safe/roviec.db" run unit list
is "$rc" 3 "a database whose folder anyone may write to is not opened either"
chmod 0700 "$T/safe"
DB="$T/roviec.db"

# --- import of a FIFO ---------------------------------------------------------------------------
mkfifo "$T/fifo"
run import "$T/fifo"
is "$rc" 1 "import of a FIFO is refused at once (not a hang: 124)"
like "$err" "not a regular file" "saying what it is"

# --- --db "" -----------------------------------------------------------------------------------------
ROVIEC_DB="$DB" timeout 20 "$ROVIEC" --db "" list >"$T/out" 2>"$T/err"
is "$?" 2 "--db \"\" is a usage error, not a fall-through to ROVIEC_DB"
like "$(cat "$T/err")" "--db needs a path" "saying so"

# --- configurations that are not files of settings ----------------------------------------------
mkdir -p "$XDG_CONFIG_HOME/roviec"
ln -s /dev/zero "$XDG_CONFIG_HOME/roviec/config"
# A reader gone wrong is stopped by a memory limit: ulimit -v, or under
# make asan (which reserves terabytes of address space for its shadow,
# so that ulimit -v stops it before main) AddressSanitizer's own.
if [ -n "${ASAN_OPTIONS:-}" ]; then
	(export ASAN_OPTIONS="$ASAN_OPTIONS:hard_rss_limit_mb=1000"
	timeout 20 "$ROVIEC" --db "$DB" list >"$T/out" 2>"$T/err")
else
	(ulimit -v 1000000; timeout 20 "$ROVIEC" --db "$DB" list >"$T/out" 2>"$T/err")
fi
is "$?" 1 "a configuration that is /dev/zero is refused at once (not read until memory runs out)"
like "$(cat "$T/err")" "config is a device or a pipe, not a file of settings" "saying what it is"
rm "$XDG_CONFIG_HOME/roviec/config"
mkdir "$XDG_CONFIG_HOME/roviec/config"
run list
is "$rc" 1 "a configuration that is a directory is refused, not ignored"
like "$err" "config is a directory, not a file of settings" "saying what it is"
rmdir "$XDG_CONFIG_HOME/roviec/config"
perl -e 'print "language = ", "v" x 5000, "\n"' >"$XDG_CONFIG_HOME/roviec/config"
run list
is "$rc" 1 "a line longer than 4096 bytes is refused"
like "$err" "line 1: the line is too long" "naming the line"
printf 'timezone = UTC\n' >"$XDG_CONFIG_HOME/roviec/config"
run list
is "$rc" 1 "a time zone in one's own configuration is refused"
like "$err" "the time zone is the same for everyone: it is set in /etc/roviec.conf" "saying where it is set"
rm "$XDG_CONFIG_HOME/roviec/config"

# --- umask 277 -------------------------------------------------------------------------------------------
U="$T/u277"
(umask 277; "$ROVIEC" --db "$U/sub/roviec.db" init >/dev/null 2>&1)
is "$(stat -c %a "$U/sub" 2>/dev/null)" 700 "umask 277: the folder made for the database is 0700 (the owner can write in it)"
is "$(stat -c %a "$U" 2>/dev/null)" 700 "and so is its parent"
is "$(stat -c %a "$U/sub/roviec.db")" 660 "the database is 0660"
is "$(stat -c %a "$U/sub/roviec.db.key")" 440 "the ledger's key 0440"
(umask 277; "$ROVIEC" --db "$U/sub/roviec.db" unit add X "Xã" >/dev/null 2>&1)
ok $? "umask 277: the owner still writes to it"
(umask 277; "$ROVIEC" --db "$U/sub/roviec.db" backup "$U/copy.db" >/dev/null 2>&1)
is "$(stat -c %a "$U/copy.db")" 600 "a backup is 0600"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	N="$T/nobody"
	mkdir "$N" && chown nobody "$N" && chmod 0711 "$T"
	# A copy nobody may run: the checkout may lie in a folder only its
	# owner enters (a clone in mktemp -d).
	R="$T/roviec-nobody"
	cp "$ROVIEC" "$R" && chmod 0755 "$R"
	setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$N" XDG_CONFIG_HOME="$N" \
	    sh -c "umask 277; $R --db $N/a/b/roviec.db init && $R --db $N/a/b/roviec.db unit add X Xã &&
	    $R --db $N/a/b/roviec.db backup $N/copy.db" >"$T/out" 2>&1
	ok $? "umask 277, as nobody (no root to bypass the modes): init, a write, a backup all work"
	is "$(stat -c %a "$N/a" "$N/a/b" "$N/a/b/roviec.db" "$N/copy.db" | tr '\n' ' ')" "700 700 660 600 " \
	    "with the modes of the manual"
else
	ok 0 "# SKIP needs root and setpriv to run as nobody"
	ok 0 "# SKIP needs root and setpriv to run as nobody"
fi

# --- today is the server's, not the caller's TZ --------------------------------------------------------
# TEST_NOW is 09:00 in Đà Lạt; Etc/GMT+12 is still yesterday there.
today=$(TZ=Asia/Ho_Chi_Minh date +%F)
yesterday=$(TZ=Asia/Ho_Chi_Minh date -d '-1 day' +%F)
is "$(TZ=Etc/GMT+12 date +%F)" "$yesterday" "(at TEST_NOW, Etc/GMT+12 is a day behind Đà Lạt)"
late=$(faketime "$(date -d '-5 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as chutich add \
    "Báo cáo hạn hôm qua" --lead P1 --owner off1 --due "$yesterday" --result "Báo cáo" --basis "CV 1")
ok $? "a duty due yesterday ($late)"
TZ=Etc/GMT+12 "$ROVIEC" --db "$DB" --as off1 done "$late" --note "Nộp" >/dev/null
ok $? "its owner submits it with TZ=Etc/GMT+12"
is "$(q "SELECT done_on FROM duties WHERE ref = '$late'")" "$today" "it is done today in Đà Lạt, whatever TZ said"
run list --flag late --status submitted --format csv
like "$out" "^$late," "so it is late, as it was"
d0=$(TZ=Etc/GMT+12 "$ROVIEC" --db "$DB" --as chutich add "Việc hôm nay" --lead P1 --owner off1 --due +0 \
    --result "Báo cáo" --basis "CV 2")
is "$(q "SELECT deadline FROM duties WHERE ref = '$d0'")" "$today" "a deadline of +0 is today in Đà Lạt, whatever TZ says"
expect 0 "the history verifies" verify

done_testing
