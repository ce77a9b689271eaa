#!/bin/sh
# The manual lints clean and documents every command the program has.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PAGE="$ROOT/man/roviec.1"

warnings=$(groff -ww -z -mandoc "$PAGE" 2>&1)
is "$warnings" "" "groff -ww -z -mandoc man/roviec.1 prints nothing"

# Every command of the usage text appears in the manual as a command.
"$ROVIEC" --help >"$T/usage"
ok $? "roviec --help exits 0"
grep '^  roviec ' "$T/usage" | awk '{print $2 ($3 ~ /^[a-z]+$/ ? " " $3 : "")}' | sort -u >"$T/commands"
ok "$([ "$(wc -l <"$T/commands")" -ge 20 ] && echo 0 || echo 1)" "the usage lists the commands"
groff -mandoc -Tutf8 -P-cbou "$PAGE" 2>/dev/null >"$T/page"
while read -r cmd; do
	grep -q "roviec $cmd" "$T/page" || grep -Eq "^ +$cmd( |$)" "$T/page"
	ok $? "the manual documents '$cmd'"
done <"$T/commands"

# Every option of the usage text is in the manual.
grep -o -- '--[a-z]*' "$T/usage" | sort -u | while read -r opt; do
	grep -q -- "$opt" "$T/page" || echo "$opt"
done >"$T/missing"
is "$(cat "$T/missing")" "" "every option of the usage is in the manual"

# Every key of the board's key table (src/tui/keys.c) and of the action
# table (src/action.c) is in the manual's list of keys.
awk '/^ *Keys$/{on=1; next} on && /^ *Each action is a small form/{on=0} on' "$T/page" >"$T/keys"
{ grep -o '{ [^,]*, REQ_[A-Z_]*, "[^"]*"' "$ROOT/src/tui/keys.c" | sed 's/.*, "\([^"]*\)"$/\1/'
  grep -o '\.key_name = "[^"]*"' "$ROOT/src/action.c" | cut -d'"' -f2; } | sort -u |
while read -r key; do
	grep -qF -- "$key" "$T/keys" || echo "$key"
done >"$T/nokey"
ok "$([ -s "$ROOT/src/tui/keys.c" ] && [ -s "$T/keys" ] && echo 0 || echo 1)" "the manual has a list of the board's keys"
is "$(cat "$T/nokey")" "" "every key of the board's key table is in the manual"
grep -q "City overview" "$T/page" && grep -q "Terminal too small" "$T/page"
ok $? "the manual describes the board's views and the too-small screen"

# roviec.5 lints clean and documents every configuration key config.c
# knows, and the database's tables.
is "$(groff -ww -z -mandoc "$ROOT/man/roviec.5" 2>&1)" "" "groff -ww -z -mandoc man/roviec.5 prints nothing"
groff -mandoc -Tutf8 -P-cbou "$ROOT/man/roviec.5" 2>/dev/null >"$T/page5"
keys=$(grep -o '{ "[a-z_]*", &c->rules' "$ROOT/src/config.c" | cut -d'"' -f2; grep -o 'strcmp(key, "[a-z_]*")' "$ROOT/src/config.c" | cut -d'"' -f2)
ok "$([ "$(printf '%s\n' $keys | wc -l)" -ge 6 ] && echo 0 || echo 1)" "config.c's keys are found ($(echo $keys))"
for key in $keys; do
	grep -Eq "^ +([a-z_]+, )*$key(,| |$)" "$T/page5"
	ok $? "roviec(5) documents the configuration key $key"
done
for table in units people duties duty_support handoffs extensions progress_notes history; do
	grep -q "$table" "$T/page5"
	ok $? "roviec(5) describes the table $table"
done

# Every flag word and exit status.
for flag in bounced tossed escalated unanswered stalled overdue late due-soon; do
	grep -q "$flag" "$T/page"
	ok $? "the manual defines the flag $flag"
done

done_testing
