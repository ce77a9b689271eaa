# tests/tui/lib.sh: driving the real board under tmux, for tests/tui/*.t.
# Each test has its own tmux server (a private socket in its temporary
# folder) and waits for the screen by polling capture-pane, never by
# sleeping a fixed time.

. "$(dirname "$0")/../cli/lib.sh"

TMUX_SOCK="$T/tmux.sock"
export TMUX=			# run even inside someone's tmux
trap 'tmux -S "$TMUX_SOCK" kill-server 2>/dev/null; rm -rf "$T"; clock_done' EXIT

tm() { tmux -S "$TMUX_SOCK" "$@"; }

# The server stays up when its last session is killed: otherwise a
# kill-session followed at once by new-session can reach a server that is
# exiting, and the new session is lost (about 1 in 300 on a loaded machine).
tm start-server \; set-option -s exit-empty off

# board [ENV=VALUE ...]: starts roviec on $DB in an 80x24 session named
# "board" (BOARD_SIZE="WxH" to change), with TERM and the locale set;
# BOARD_ARGS are more arguments for roviec (--as LOGIN).
board() {
	_size=${BOARD_SIZE:-80x24}
	tm new-session -d -s "${SESSION:-board}" -x "${_size%x*}" -y "${_size#*x}" \
	    "env TERM=${BOARD_TERM:-xterm-256color} LANG=C.UTF-8 $* $ROVIEC --db $DB${BOARD_ARGS:+ $BOARD_ARGS}; echo EXITED \$?; sleep 30"
}

screen() { tm capture-pane -p -t "${SESSION:-board}"; }

# wait_for PATTERN [SECONDS]: polls the screen until grep -E matches; the
# status is 0 when it did, 1 on time-out (the screen is then shown).
wait_for() {
	_deadline=$(( $(date +%s%N) / 1000000 + ${2:-5} * ${WAIT_SCALE:-1} * 1000 ))
	while [ "$(( $(date +%s%N) / 1000000 ))" -lt "$_deadline" ]; do
		screen | grep -Eq -- "$1" && return 0
		sleep 0.05
	done
	screen | sed 's/^/# | /'
	return 1
}

# wait_gone PATTERN [SECONDS]: polls until the pattern is no longer shown.
wait_gone() {
	_deadline=$(( $(date +%s%N) / 1000000 + ${2:-5} * ${WAIT_SCALE:-1} * 1000 ))
	while [ "$(( $(date +%s%N) / 1000000 ))" -lt "$_deadline" ]; do
		screen | grep -Eq -- "$1" || return 0
		sleep 0.05
	done
	screen | sed 's/^/# | /'
	return 1
}

# settled: waits until the screen has stayed the same for 0.1 s (times
# WAIT_SCALE), so that what is read next is a whole drawing, not the top
# rows of one the terminal is still receiving (a wait_for matches as soon
# as its line is there); 1 when it keeps changing for 5 s (scaled).
settled() {
	_now=$(( $(date +%s%N) / 1000000 ))
	_deadline=$(( _now + 5 * ${WAIT_SCALE:-1} * 1000 ))
	_quiet=$(( 100 * ${WAIT_SCALE:-1} ))
	_last=$(screen)
	_since=$_now
	while [ "$_now" -lt "$_deadline" ]; do
		sleep 0.05
		_now=$(( $(date +%s%N) / 1000000 ))
		_cur=$(screen)
		if [ "$_cur" != "$_last" ]; then
			_last=$_cur
			_since=$_now
		elif [ $(( _now - _since )) -ge "$_quiet" ]; then
			return 0
		fi
	done
	return 1
}

keys() { tm send-keys -t "${SESSION:-board}" "$@"; }

# The board's process id (the roviec child of the pane's shell), the newest
# when an earlier one is still ending.  (Matched on "roviec --db", so that
# it is found under valgrind too.)
board_pid() { pgrep -nf "roviec --db $DB\$"; }

# running PID: 0 while the process runs.  A process that has ended but
# is not yet reaped (a zombie: its shell died with the pane, and the
# container's init reaps orphans only now and then) has ended.
running() {
	kill -0 "$1" 2>/dev/null && [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != Z ]
}

# gone_within PID [SECONDS]: 0 when the process has ended within the time.
gone_within() {
	_deadline=$(( $(date +%s%N) / 1000000 + ${2:-2} * ${WAIT_SCALE:-1} * 1000 ))
	while [ "$(( $(date +%s%N) / 1000000 ))" -lt "$_deadline" ]; do
		running "$1" || return 0
		sleep 0.05
	done
	return 1
}
