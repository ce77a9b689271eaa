#!/bin/sh
# One action table for both faces (issue #10, part 4): every action of the
# table, taken once on the board and once on the command line on twin
# duties, says the same thing when done, withdrawals included; and the
# list of actions is written once in the sources.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
fixture_city || exit 1
r() { "$ROVIEC" --db "$DB" "$@" >/dev/null; }
status_line() { screen | tail -n 3 | grep -Ev '^( *$|[A-Z0-9]+-[0-9]{4} )' | tr '\n' ' ' | sed 's/ *$//'; }

# twin STATE: two duties of P1 (owner off1) put in STATE; "B C" printed.
twin() {
	_b=$(TITLE="Việc thử trên bảng ($1)" new_duty --support P2:"Phần của Phường 2") &&
	_c=$(TITLE="Việc thử trên dòng lệnh ($1)" new_duty --support P2:"Phần của Phường 2") || return 1
	for _x in $_b $_c; do
		case $1 in
		open) ;;
		extension) r --as off1 extend "$_x" +60 --reason "Chờ số liệu" ;;
		submitted) r --as off1 done "$_x" --note "Đã xong" ;;
		proposed) r --as off1 transfer "$_x" P2 --reason "Thuộc Phường 2" ;;
		progressed) r --as off1 progress "$_x" --note "Ghi nhầm nhiệm vụ" ;;
		esac || return 1
	done
	echo "$_b $_c"
}

# Which duties each action is taken on, and by whom (one board each), on
# which tab; how
# many fields its form has and what is typed in them (the same values go
# to the command line).
#   action|key|who|tab|state|fields|value...
cat >"$T/plan" <<'PLAN'
transfer|t|off1|1|open|2|P2|Thuộc Phường 2
escalate|e|off1|1|open|1|Vượt thẩm quyền
return|r|off1|1|open|1|Giao nhầm
progress|p|off1|1|open|1|Đã làm việc với hộ dân
extend|x|off1|1|open|2|+40|Chờ giám định
done|d|off1|1|extension|1|Đã hoàn thành
undo|u|off1|1|progressed|0
assign|a|head1|1|open|1|off1b
accept|A|head2|3|proposed|1|
reject|R|head2|3|proposed|1|Không thuộc địa bàn
deliver|D|off2|2|open|1|Đã gửi hồ sơ
approve|y|chutich|6|extension|0
refuse|v|chutich|6|extension|1|Không đủ căn cứ
confirm|C|chutich|6|submitted|0
reopen|O|chutich|6|submitted|1|Thiếu biên bản
redirect|M|chutich|6|open|3|P3||Giao Phường 3
cancel|X|chutich|6|open|1|Không còn cần thiết
PLAN
# show reads; edit (issue #13) changes a duty's fields, not its course, each
# field optional: neither is an action of the table.
is "$(cut -d'|' -f1 "$T/plan" | sort | tr '\n' ' ')" \
    "$("$ROVIEC" --help | sed -n 's/^  roviec \([a-z]*\) REF.*/\1/p' | grep -Ev '^(show|edit)$' | sort | tr '\n' ' ')" \
    "the plan covers every action the command line has"

session=
while IFS='|' read -r action key who tab state fields v1 v2 v3; do
	set -- $(twin "$state") || { ok 1 "$action: its duties"; continue; }
	b=$1 c=$2
	# The command line: the positional values, then the options.
	case $action in
	assign) set -- "$c" "$v1" ;;
	transfer|extend) set -- "$c" "$v1" --reason "$v2" ;;
	redirect) set -- "$c" "$v1" --reason "$v3" ;;
	accept|approve|confirm|undo) set -- "$c" ;;
	progress|deliver|done) set -- "$c" --note "$v1" ;;
	*) set -- "$c" --reason "$v1" ;;
	esac
	"$ROVIEC" --db "$DB" --as "$who" "$action" "$@" >"$T/out" 2>"$T/err"
	is "$?" 0 "$action: done on the command line"
	# The board of the person, on the tab, the cursor on the twin.
	if [ "$session" != "$who" ]; then
		[ -n "$session" ] && SESSION=$session keys Q
		session=$who
		SESSION=$who BOARD_ARGS="--as $who" board
		SESSION=$who wait_for '^\[1 ' || { ok 1 "$who's board"; continue; }
	fi
	export SESSION=$who
	keys "$tab"
	wait_for "\\[$tab [^]]*\\]"
	keys /
	wait_for 'Find:'
	keys -l "$b"
	keys Enter
	wait_for 'found'
	keys "$key"
	wait_for "$b: "
	i=0
	for v in "$v1" "$v2" "$v3"; do
		[ $i -lt "$fields" ] || break
		[ -n "$v" ] && keys -l "$v"
		keys Enter
		i=$((i + 1))
	done
	[ "$fields" = 0 ] && keys Enter
	wait_for "^$b: " 3
	board_says=$(status_line | sed "s/$b/REF/g")
	cli_says=$(sed "s/$c/REF/g" "$T/out")
	is "$board_says" "$cli_says" "$action: the board and the command line say the same: $cli_says"
	[ "$action" = done ] && done_says=$cli_says
	unset SESSION
done <"$T/plan"
SESSION=$session keys Q
like "${done_says:-}" "^REF: submitted as done; the assigner confirms it; the extension request to [0-9-]+ was withdrawn$" \
    "done on a duty with an extension asked says the request was withdrawn"

# The list of actions is written once: each action is a row of
# src/action.c, and no face names them in a chain of its own.
for a in $(cut -d'|' -f1 "$T/plan"); do
	n=$(grep -c "\.name = \"$a\"" "$ROOT/src/action.c")
	elsewhere=$(grep -l "strcmp([a-z>-]*, \"$a\")\|REQ_$(echo "$a" | tr a-z A-Z)\b\|duty_$a(" \
	    "$ROOT"/src/cli.c "$ROOT"/src/tui/*.c "$ROOT"/src/demo.c 2>/dev/null | tr '\n' ' ')
	ok "$([ "$n" = 1 ] && [ -z "$elsewhere" ] && echo 0 || echo 1)" "$a: one row of the table, no other list (${elsewhere:-none})"
done
done_testing
