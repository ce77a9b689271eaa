# tests/clock.sh: the suite never reads the real clock.  Sourced by
# tests/cli/lib.sh (so by every shell test) and by tests/pinned (which runs
# prove, so the unit tests too): every process started from here on, roviec,
# sqlite3, date, perl, tmux and the board under it, sees the clock start at
# TEST_NOW (a UTC moment) and run on at the real pace, through libfaketime.
# The default is a Monday, 09:00 in Đà Lạt; make check-dates runs the
# suite at other moments.  A test that wants another day still says so
# with faketime, whose relative dates (-20 days) count from TEST_NOW.
#
# The monotonic clock is left alone (time-outs and polling stay real), and
# so are file times (NO_FAKE_STAT).  Sourcing it twice changes nothing: the
# first pin holds for everything below it.

if [ -z "${ROVIEC_TEST_CLOCK:-}" ]; then
	TEST_NOW=${TEST_NOW:-2026-12-07 02:00:00}
	_ft=
	for _d in /usr/lib/*/faketime /usr/lib/faketime /usr/local/lib/faketime; do
		if [ -e "$_d/libfaketime.so.1" ]; then _ft=$_d/libfaketime.so.1; break; fi
	done
	if [ -z "$_ft" ]; then
		echo "Bail out! libfaketime is missing (Debian package faketime): run make deps"
		exit 1
	fi
	# Both moments are read without any libfaketime of a caller's, so
	# that the pin is the same under `faketime DATE make check`.
	_real=$(env -u LD_PRELOAD -u FAKETIME date -u +%s)
	_want=$(env -u LD_PRELOAD -u FAKETIME date -u -d "$TEST_NOW UTC" +%s) || {
		echo "Bail out! TEST_NOW='$TEST_NOW' is not a moment (YYYY-MM-DD HH:MM:SS, UTC)"
		exit 1
	}
	_off=$((_want - _real))
	if [ "$_off" -ge 0 ]; then _off="+$_off"; fi
	# Only the pin's libfaketime: a caller's faketime would stack a
	# second one that fakes the clock twice.
	_pre=
	for _l in ${LD_PRELOAD:-}; do
		case $_l in *libfaketime*) ;; *) _pre="$_pre $_l" ;; esac
	done
	export LD_PRELOAD="$_ft$_pre" FAKETIME="$_off" FAKETIME_DONT_FAKE_MONOTONIC=1 \
	    NO_FAKE_STAT=1 ROVIEC_TEST_CLOCK="$TEST_NOW" TEST_NOW
	unset _ft _d _real _want _off _pre _l
fi

# libfaketime keeps the clock it shares in /dev/shm (faketime_shm_PID and
# sem.faketime_sem_PID), named after the process that made them, which
# removes them when it ends, unless it is killed, replaced by exec or
# leaves with _exit.  A process of another account (nobody, below) cannot
# open root's and makes its own under its own PID: a stale pair left under
# that PID by root makes libfaketime give up and exit 1.  clock_sweep
# removes the pairs of processes that are gone; the tests call it before
# running anything as another account, and tests/pinned when the suite ends.
clock_sweep() {
	for _f in /dev/shm/faketime_shm_*; do
		[ -e "$_f" ] || continue
		_p=${_f##*_}
		case $_p in ''|*[!0-9]*) continue ;; esac
		[ -d "/proc/$_p" ] || rm -f "$_f" "/dev/shm/sem.faketime_sem_$_p" 2>/dev/null
	done
	for _f in /dev/shm/sem.faketime_sem_*; do
		[ -e "$_f" ] || continue
		_p=${_f##*_}
		case $_p in ''|*[!0-9]*) continue ;; esac
		[ -d "/proc/$_p" ] || rm -f "$_f" 2>/dev/null
	done
	unset _f _p
	return 0
}
