# tests/cli/lib.sh: TAP helpers for the command-line tests, sourced by each
# tests/cli/*.t.  Every test runs the real binary ($ROVIEC) on a database in
# its own temporary directory, with HOME and the XDG folders pointed there so
# that no file of the person running the tests is read or written.

set -u

# Every process of a test runs at TEST_NOW (tests/clock.sh), the test's own
# shell too: run by hand, it starts again under the pin, so that it is the
# process that shares libfaketime's clock with its children (and removes
# the shared clock when it ends).
# A test bound to a calendar (a week of mail) names its own moment in
# TEST_PIN before sourcing this file: it runs at that moment whatever the
# suite's (make check-dates moves the others).
if [ -n "${TEST_PIN:-}" ] && [ "${ROVIEC_TEST_CLOCK:-}" != "$TEST_PIN" ]; then
	unset ROVIEC_TEST_CLOCK FAKETIME FAKETIME_SHARED
	TEST_NOW=$TEST_PIN
	export TEST_NOW
fi
_pinned=${ROVIEC_TEST_CLOCK:-}
. "$(dirname "$0")/../clock.sh"
if [ -z "$_pinned" ]; then
	exec /bin/sh "$0" "$@"
fi
unset _pinned

# faketime DATE COMMAND...: COMMAND at DATE (absolute, "YYYY-MM-DD HH:MM:SS";
# work relative ones out with date, which counts from TEST_NOW).  Run
# outside the pin: faketime inside libfaketime would fake the clock twice.
# The shared clocks of processes gone are swept first: faketime makes its
# own under its PID and gives up if a killed one left a stale pair there
# (clock.sh), which PIDs wrapping in a long run make likely: CI's
# check-dates once failed a faketime call in clock.t, likely so.
faketime() { clock_sweep; env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED faketime "$@"; }

ROVIEC=${ROVIEC:-$(cd "$(dirname "$0")/../.." && pwd)/roviec}
FIXTURES=$(cd "$(dirname "$0")/../fixtures" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/roviec-test.XXXXXX")
# A test run by hand shares libfaketime's clock from its own shell, which
# (dash leaves with _exit) cannot remove it: this does, when it is there.
clock_done() { rm -f "/dev/shm/faketime_shm_$$" "/dev/shm/sem.faketime_sem_$$"; }
trap 'rm -rf "$T"; clock_done' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
mkdir -p "$HOME"
unset ROVIEC_DB COLUMNS
DB="$T/roviec.db"
ME=$(id -un)

_n=0
_failed=0

ok() {	# ok CONDITION-STATUS NAME: passes when the status is 0
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_n - $2"
	else
		_failed=$((_failed + 1))
		echo "not ok $_n - $2"
		diag "  Failed test $_n - $2"
	fi
}

# As Test::More: diag on standard error, which prove shows without -v, so
# that a CI log says what a failed test got, not only its number; note on
# standard output, for what a passing test reports (seen with prove -v).
diag() { printf '%s\n' "$@" | sed 's/^/# /' >&2; }
note() { printf '%s\n' "$@" | sed 's/^/# /'; }

is() {	# is GOT WANT NAME
	if [ "$1" = "$2" ]; then ok 0 "$3"; else ok 1 "$3"; diag "got:  '$1'" "want: '$2'"; fi
}

isnt() {	# isnt GOT UNWANTED NAME
	if [ "$1" != "$2" ]; then ok 0 "$3"; else ok 1 "$3"; diag "got:  '$1'" "not:  '$2'"; fi
}

like() {	# like TEXT PATTERN NAME (grep -E pattern)
	if printf '%s' "$1" | grep -Eq -- "$2"; then ok 0 "$3"; else ok 1 "$3"; diag "text: '$1'" "want: /$2/"; fi
}

unlike() {	# unlike TEXT PATTERN NAME
	if printf '%s' "$1" | grep -Eq -- "$2"; then ok 1 "$3"; diag "text: '$1'" "not: /$2/"; else ok 0 "$3"; fi
}

# run ARGS...: runs roviec on $DB; sets $out, $err (stderr) and $rc.  A
# command that hangs is killed after 60 s (exit 124) rather than block prove.
run() {
	timeout 60 "$ROVIEC" --db "$DB" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

# as LOGIN ARGS...: runs roviec acting for LOGIN (the test's login is admin).
as() {
	_who=$1
	shift
	run --as "$_who" "$@"
}

# expect STATUS NAME ARGS...: runs and checks the exit status; on a
# refusal also that stderr holds one line starting "roviec: ".
expect() {
	_want=$1
	_name=$2
	shift 2
	run "$@"
	if [ "$rc" -eq "$_want" ]; then ok 0 "$_name"; else ok 1 "$_name"; diag "exit $rc, want $_want" "stdout: $out" "stderr: $err"; fi
	if [ "$_want" -ne 0 ]; then
		_lines=$(printf '%s\n' "$err" | wc -l)
		like "$err" '^roviec: ' "$_name: says why on stderr"
		is "$_lines" 1 "$_name: in one line"
	fi
}

# The sqlite3 shell waits for no lock: a read that meets roviec closing
# (its last connection checkpoints the WAL under an exclusive lock) fails
# at once with "database is locked" (seen in CI: tests/tui/brief.t).  Every
# test's sqlite3 waits up to 10 s, as roviec itself does.
sqlite3() { command sqlite3 -cmd '.timeout 10000' "$@"; }

# The whole database as text, to show that a refused command changed nothing.
dump() { sqlite3 "$DB" .dump; }

# fake_mail: roviec's sendmail is tests/cli/fake-sendmail, which keeps each
# message as a file in $MAIL (set here).
fake_mail() {
	MAIL="$T/mail"
	export FAKE_MAIL_DIR="$MAIL"
	mkdir -p "$MAIL" "$XDG_CONFIG_HOME/roviec"
	printf '%s\n' "sendmail = $(cd "$(dirname "$0")" && pwd)/fake-sendmail" >>"$XDG_CONFIG_HOME/roviec/config"
}

# A small city: DL above wards P1, P2, P3; heads and officers; an inspector.
fixture_city() {
	"$ROVIEC" --db "$DB" init >/dev/null || return 1
	# Quiet: the fixture's logins have no account here, which person add
	# warns of (tests/cli/people.t checks the warning).
	r() { "$ROVIEC" --db "$DB" "$@" >/dev/null 2>"$T/fixture.err" ||
	    { sed 's/^/# /' "$T/fixture.err"; echo "# fixture failed: $*"; return 1; }; }
	r unit add DL "Thành phố Đà Lạt" --kind city &&
	r unit add P1 "Phường 1" --parent DL --kind ward &&
	r unit add P2 "Phường 2" --parent DL --kind ward &&
	r unit add P3 "Phường 3" --parent DL --kind ward &&
	r unit add TTRA "Thanh tra thành phố" --parent DL --kind department &&
	r person add chutich "Nguyễn Văn Thành" --unit DL --role head &&
	r person add head1 "Trần Thị Mai" --unit P1 --role head &&
	r person add off1 "Lê Văn Hùng" --unit P1 &&
	r person add off1b "Phạm Thị Lan" --unit P1 &&
	r person add head2 "Hoàng Văn Nam" --unit P2 --role head &&
	r person add off2 "Võ Thị Hoa" --unit P2 &&
	r person add head3 "Đặng Văn Long" --unit P3 --role head &&
	r person add off3 "Bùi Thị Thu" --unit P3 &&
	r person add insp "Đỗ Văn Kiểm" --unit TTRA --role inspector
}

# new_duty [ARGS...]: the city head assigns a duty to P1 owned by off1;
# prints its reference.
new_duty() {
	"$ROVIEC" --db "$DB" --as chutich add "${TITLE:-Giải quyết đơn thư khiếu nại đất đai}" \
	    --lead "${LEAD:-P1}" --owner "${OWNER:-off1}" --due "${DUE:-+30}" \
	    --result "Báo cáo kết quả giải quyết" --basis "Công văn số 2763-CV/BNCTU" "$@"
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}

# vi_of MSGID: the Vietnamese of a message, from po/vi.po (printf
# directives left in); empty when it has none.
vi_of() {
	perl -e '
	my ($want, $file) = @ARGV; my (%t, $id, $str, $in, $ctx);
	open my $f, "<:raw", $file or exit 1;
	sub unq { my $s = shift; $s =~ s/\\n/\n/g; $s =~ s/\\t/\t/g; $s =~ s/\\"/"/g; $s =~ s/\\\\/\\/g; $s }
	while (<$f>) {
		# A message with a context is looked up as "CONTEXT\004MSGID".
		if (/^msgctxt "(.*)"$/) { $t{$id} = $str if defined $id; undef $id; $ctx = unq($1); }
		elsif (/^msgid "(.*)"$/) { $t{$id} = $str if defined $id; $id = (defined $ctx ? "$ctx\004" : "") . unq($1); undef $ctx; $str = ""; $in = "id"; }
		elsif (/^msgstr "(.*)"$/) { $str = unq($1); $in = "str"; }
		elsif (/^"(.*)"$/) { if ($in eq "id") { $id .= unq($1) } else { $str .= unq($1) } }
	}
	$t{$id} = $str if defined $id;
	print $t{$want} // "";' "$1" "$(dirname "$0")/../../po/vi.po"
}
