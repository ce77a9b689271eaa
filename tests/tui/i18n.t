#!/bin/sh
# The board in Vietnamese: an official whose LANG is vi_VN.UTF-8 gets the
# tabs, the column headings, dates as DD/MM/YYYY, the help and a refusal in
# Vietnamese, even where that locale is not generated; with LANG=C.UTF-8
# (every other board test) the same board is in English.
. "$(dirname "$0")/lib.sh"

"$ROVIEC" --db "$DB" init --demo >/dev/null
ok $? "a demo database"
# The screen, with what was drawn composed (NFC) as the catalogue is.
screen() { tm capture-pane -p -t "${SESSION:-board}" | perl -CSD -MUnicode::Normalize -pe '$_ = NFC($_)'; }
esc() { printf '%s' "$1" | sed 's/[][\.*^$()|+?{}]/\\&/g'; }

tab1=$(vi_of "1 Leads")
ok $([ -n "$tab1" ] && [ "$tab1" != "1 Leads" ]; echo $?) "the catalogue has the Vietnamese of the first tab ($tab1)"
board LANG=vi_VN.UTF-8
wait_for "\[$(esc "$tab1") \(" && settled
ok $? "LANG=vi_VN.UTF-8: the board opens on the tab '$tab1'"
for msg in "2 Supports" "3 Proposals"; do
	keys "${msg%% *}"
	wait_for "^.*\[$(esc "$(vi_of "$msg")") \([0-9]+" && settled
	ok $? "the tab '$msg' is '$(vi_of "$msg")', with its count"
done
keys 1
wait_for "\[$(esc "$tab1") \(" && settled
is "$(screen | perl -CSD -nle 'print if length > 80' | wc -l)" 0 "no line is wider than 80 columns"
like "$(screen | sed -n 3p)" "^$(esc "$(vi_of "ref")")" "the column headings are in Vietnamese"
first=$(screen | grep -E '^P1-[0-9]{4} ' | head -1)
like "$first" " [0-9]{2}/[0-9]{2}/[0-9]{4} " "deadlines show as DD/MM/YYYY"
like "$first" "$(esc "$(vi_of "open")")|$(esc "$(vi_of "pending")")|$(esc "$(vi_of "submitted")")" \
    "statuses are in Vietnamese"
like "$(screen | tail -1)" "^\?: $(esc "$(vi_of "$(printf 'key\004help')")")  .*p: $(esc "$(vi_of "$(printf 'key\004progress')")")  .*q: $(esc "$(vi_of "$(printf 'key\004quit')")")$" \
    "the key line is in Vietnamese"

# Help.
keys '?'
wait_for "$(esc "$(vi_of "move up one duty")")"
ok $? "the help is in Vietnamese: '$(vi_of "move up one duty")'"
wait_for "$(esc "$(vi_of "Moving")")"
ok $? "with its groups"
i=0
while [ $i -lt 8 ]; do keys Space; i=$((i + 1)); done
legend=$(vi_of "Flags: b bounced  t tossed  e escalated  u unanswered  s stalled  O overdue  L late  d due soon")
last=${legend##*  }
ok $([ -n "$last" ] && [ "$last" != "$legend" ]; echo $?) "the catalogue has the flags' legend ($last last)"
wait_for "$(esc "$last")\$"
ok $? "and the help shows it whole at 80 columns, to '$last'"
keys q
wait_for "\[$(esc "$tab1") \("

# A refusal on the status line: a transfer to a unit that does not exist.
ref=$(screen | grep -oE '^P1-[0-9]{4}' | head -1)
h0=$(sqlite3 "$DB" 'SELECT count(*) FROM history')
keys t
wait_for "$(esc "$(vi_of "Unit")"):"
ok $? "t opens the transfer form, its fields in Vietnamese"
keys -l "ZZ9"
keys Enter
keys -l "Không thuộc thẩm quyền"
keys Enter
nounit=$(vi_of "there is no unit with the code '%s'; roviec unit list shows the units" | sed "s/'%s'.*//")
ok $([ -n "$nounit" ]; echo $?) "the catalogue has the refusal"
wait_for "$(esc "$nounit")"
ok $? "the refusal is in Vietnamese: '$nounit...'"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM history')" "$h0" "and nothing was written"

# A duty's history: its words in Vietnamese, its moments as DD/MM/YYYY HH:MM.
created=$(vi_of "$(printf 'history\004created')")
keys Escape
wait_for "\[$(esc "$tab1") \(" && settled
keys Enter
wait_for "^  [0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}  $(esc "$created") " && settled
ok $? "Enter opens the duty; its history begins '$created', at DD/MM/YYYY HH:MM"
unlike "$(screen)" " by | via |deadline [0-9]|owner " "no English word of the history is left"
keys q
wait_for "\[$(esc "$tab1") \("
keys Q
wait_for 'EXITED 0'
tm kill-session -t board 2>/dev/null

# The same board in English.
SESSION=en
board LANG=C.UTF-8
wait_for '\[1 Leads \(' && settled
ok $? "LANG=C.UTF-8: the board is in English"
like "$(screen | grep -E '^P1-[0-9]{4} ' | head -1)" " [0-9]{4}-[0-9]{2}-[0-9]{2} " "with ISO dates"

done_testing
