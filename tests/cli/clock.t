#!/bin/sh
# The suite passes on any day because no test reads the real clock (issue
# #10, part 0), shown by construction: tests/clock.sh pins the clock of
# every process a test starts (roviec, date, perl, sqlite3) to TEST_NOW,
# whatever the real day and whatever clock a caller faked; the unit tests
# run under the same pin (make check runs prove through tests/pinned); and
# nothing under tests/ reads a file outside the checkout.
. "$(dirname "$0")/lib.sh"

TOP=$(cd "$(dirname "$0")/../.." && pwd)
want_day=$(env -u LD_PRELOAD -u FAKETIME date -u -d "$TEST_NOW UTC" +%F)
want_s=$(env -u LD_PRELOAD -u FAKETIME date -u -d "$TEST_NOW UTC" +%s)

# near SECONDS NAME: SECONDS (since the epoch) is TEST_NOW, give or take
# the time the suite has been running (the pinned clock runs on).
near() {
	_d=$(( $1 - want_s ))
	if [ "$_d" -ge 0 ] && [ "$_d" -le 3600 ]; then ok 0 "$2"; else ok 1 "$2"; diag "$_d s after TEST_NOW"; fi
}

is "${ROVIEC_TEST_CLOCK:-}" "$TEST_NOW" "the clock is pinned at TEST_NOW ($TEST_NOW UTC)"
near "$(date -u +%s)" "date reads TEST_NOW"
near "$(perl -e 'print time')" "perl reads TEST_NOW"
near "$(sqlite3 :memory: "SELECT unixepoch('now')")" "sqlite3 reads TEST_NOW"

# roviec itself: a duty due today (+0) is due on TEST_NOW's day, and its
# history is stamped with TEST_NOW.
fixture_city || exit 1
r=$(new_duty) || exit 1
DUE=+0 new_duty >"$T/ref0" 2>&1
ok $? "a duty due +0 (today) is accepted"
is "$(sqlite3 "$DB" "SELECT deadline FROM duties WHERE ref = '$(cat "$T/ref0")'")" \
    "$(TZ=Asia/Ho_Chi_Minh date -d "$TEST_NOW UTC" +%F)" "roviec's today is TEST_NOW's day (in Đà Lạt)"
near "$(sqlite3 "$DB" "SELECT unixepoch(replace(at, 'Z', '')) FROM history WHERE duty_id =
    (SELECT id FROM duties WHERE ref = '$r') ORDER BY id LIMIT 1")" "roviec stamps its history at TEST_NOW"

# A caller's faked clock (faketime DATE make check) does not move the pin.
for d in "2031-05-05 10:00:00" "1999-12-31 23:59:59"; do
	got=$(env -u ROVIEC_TEST_CLOCK -u FAKETIME -u FAKETIME_SHARED -u LD_PRELOAD faketime "$d" \
	    sh -c ". '$TOP/tests/clock.sh' && date -u +%F")
	is "$got" "$want_day" "under faketime '$d' the pin still reads $want_day"
done
# Another TEST_NOW moves every test with it (make check-dates).
got=$(env -u ROVIEC_TEST_CLOCK -u FAKETIME -u FAKETIME_SHARED -u LD_PRELOAD TEST_NOW="2026-12-31 02:00:00" \
    sh -c ". '$TOP/tests/clock.sh' && date -u '+%F %H'")
is "$got" "2026-12-31 02" "TEST_NOW='2026-12-31 02:00:00' pins that moment"
# faketime inside a test is the real faketime, outside the pin, at the
# moment asked for (relative days count from TEST_NOW).
is "$(faketime "$(date -d '-20 days' '+%Y-%m-%d 09:00:00')" date '+%F %H:%M')" \
    "$(date -d '-20 days' '+%F') 09:00" "faketime in a test runs at the moment it names, 20 days before TEST_NOW"
# (Its clock runs from that moment: on a loaded machine (make asan, two
# cores) date may start a second or more after it.)
got=$(faketime '2026-01-02 08:00:00' date '+%F %T' 2>&1)
is "$(printf '%s\n' "$got" | wc -l | tr -d ' ')" 1 \
    "faketime runs outside the pin's shared clock: no warning, no second libfaketime"
like "$got" '^2026-01-02 08:00:0[0-9]$' "and its clock starts at the moment asked ($got)"

# make check runs every test, unit tests included, under the pin; every
# shell test is pinned through lib.sh.
grep -q 'tests/pinned prove' "$TOP/Makefile"
ok $? "make check runs prove through tests/pinned"
unpinned=
for f in "$TOP"/tests/*/*.t; do
	case $f in */unit/*) continue ;; esac
	grep -q '/lib.sh"' "$f" || unpinned="$unpinned ${f#$TOP/}"
done
is "$unpinned" "" "every shell test sources lib.sh (and so tests/clock.sh)"

# Nothing under tests/ reads outside the checkout: no ../shared, no
# absolute path to another tree, no SHARED variable.
outside=$(grep -rlE '\.\./shared|/work/|\$\{?SHARED\}?/' "$TOP/tests" "$TOP/Makefile" 2>/dev/null |
    grep -v '/tests/cli/clock.t$' | sed "s|$TOP/||")
is "$outside" "" "no test names a file outside the checkout"
[ -s "$TOP/tests/fixtures/text-cases.tsv" ]
ok $? "the hostile text cases are in tests/fixtures"

# A clock libfaketime left behind by a process that is gone is swept; one
# of a live process (here init's PID) stays (another account could not make its own
# under a stale one's PID, and libfaketime would exit 1).
dead=$(sh -c 'echo $$')
while [ -d "/proc/$dead" ]; do dead=$((dead + 1)); done
: >"/dev/shm/faketime_shm_$dead"; : >"/dev/shm/sem.faketime_sem_$dead"
: >/dev/shm/faketime_shm_1; : >/dev/shm/sem.faketime_sem_1
clock_sweep
[ ! -e "/dev/shm/faketime_shm_$dead" ] && [ ! -e "/dev/shm/sem.faketime_sem_$dead" ]
ok $? "clock_sweep removes the shared clock of a process that is gone"
[ -e /dev/shm/faketime_shm_1 ] && [ -e /dev/shm/sem.faketime_sem_1 ]
ok $? "and keeps a live one's"
rm -f /dev/shm/faketime_shm_1 /dev/shm/sem.faketime_sem_1

done_testing
