#!/bin/sh
# The language: Vietnamese for an official whose locale asks for it, even
# where vi_VN.UTF-8 is not generated on the server; English otherwise;
# "language =" in the configuration overrides.  The catalogue covers every
# message in the sources, and no message for people is left unmarked.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PO="$ROOT/po/vi.po"

# --- the catalogue -----------------------------------------------------------------
stats=$(msgfmt --check --statistics -o /dev/null "$PO" 2>&1)
ok $? "po/vi.po passes msgfmt --check ($stats)"
unlike "$stats" "fuzzy|untranslated" "every message of po/vi.po is translated, none fuzzy"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=NC_:1c,2 -o "$T/now.pot" \
    "$ROOT"/src/*.c "$ROOT"/src/tui/*.c 2>/dev/null
ok $? "xgettext reads the sources"
missing=$(msgcomm --less-than=2 --unique "$T/now.pot" "$PO" 2>/dev/null | msgattrib --only-obsolete --no-obsolete 2>/dev/null; \
    msgcmp "$PO" "$T/now.pot" 2>&1 | grep -c 'this message is used but not defined')
is "$(printf '%s\n' "$missing" | tail -1)" 0 "every message in the sources is in po/vi.po (msgcmp)"
# Messages for people go through _() or N_(): no bare literal is handed
# to the functions that show or return them.
bare=$(perl -ne '
	if (/\b(err_set\([^,]+,[^,]+,|tui_status\([^,]+,[^,]+,|value_error\([^,]+,|usage_error\([^,]+,)\s*"((?:[^"\\]|\\.)*)"/) {
		(my $words = $2) =~ s/%[-+ 0-9.*]*(lld|ll|l)?[sdu]//g;
		print "$ARGV:$.: $_" if $words =~ /[A-Za-z]/;
	}
	close ARGV if eof;' "$ROOT"/src/*.c "$ROOT"/src/tui/*.c)
is "$bare" "" "no message for people is handed on as a bare literal"

# --- the command line ------------------------------------------------------------------
fixture_city
ok $? "a small city is set up"
r=$(new_duty)
ok $([ -n "$(vi_of "only the assigner of %s may %s")" ] && [ -n "$(vi_of "a duty is created only when it is clear; missing: %s")" ]; echo $?) \
    "the catalogue has the Vietnamese of the messages checked below"
locale -a 2>/dev/null | grep -qi '^vi_VN' && gen=yes || gen=no
note "vi_VN locale generated here: $gen"

usage_vi=$(vi_of "usage: roviec [--db PATH] [--as LOGIN] [COMMAND ...]
  (no command)   show your unit's board
" | head -1)
LANG=vi_VN.UTF-8 "$ROVIEC" --help >"$T/out" 2>&1
like "$(head -1 "$T/out")" "^$(printf '%s' "$usage_vi" | sed 's/[][\.*^$]/\\&/g')" "LANG=vi_VN.UTF-8: roviec --help is in Vietnamese"
LANG=C.UTF-8 "$ROVIEC" --help >"$T/out" 2>&1
like "$(head -1 "$T/out")" "^usage: roviec" "LANG=C.UTF-8: in English"
env -u LANG -u LC_ALL -u LANGUAGE "$ROVIEC" --help >"$T/out" 2>&1
like "$(head -1 "$T/out")" "^usage: roviec" "no locale at all: English"
LC_ALL=vi_VN.UTF-8 LANG=C.UTF-8 "$ROVIEC" --help >"$T/out" 2>&1
like "$(head -1 "$T/out")" "^$(printf '%s' "$usage_vi" | sed 's/[][\.*^$]/\\&/g')" "LC_ALL=vi_VN.UTF-8 wins over LANG"

# A refusal, the same rule in both languages.
want=$(vi_of "only the assigner of %s may %s" | sed 's/%s.*//')
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" --as off1 confirm "$r" >"$T/out" 2>"$T/err"
is "$?" 1 "LANG=vi_VN.UTF-8: a refusal still exits 1"
like "$(cat "$T/err")" "^roviec: " "and still begins with roviec:"
unlike "$(cat "$T/err")" "only the assigner" "and is not in English"
like "$(cat "$T/err")" "^roviec: $want" "but the catalogue's Vietnamese"
LANG=C.UTF-8 "$ROVIEC" --db "$DB" --as off1 confirm "$r" >"$T/out" 2>"$T/err"
like "$(cat "$T/err")" "roviec: .*" "LANG=C.UTF-8: the refusal is in English"
missing_vi=$(vi_of "a duty is created only when it is clear; missing: %s" | sed 's/%s.*//')
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" --as chutich add "Việc" >"$T/out" 2>"$T/err"
is "$?" 1 "LANG=vi_VN.UTF-8: add without the six clears is refused"
like "$(cat "$T/err")" "^roviec: $missing_vi" "in Vietnamese"
like "$(cat "$T/err")" "$(vi_of "the owner (--owner)" | sed 's/[][().*^$]/\\&/g')" "naming what is missing in Vietnamese"

# Dates for people: DD/MM/YYYY in Vietnamese tables; machine formats unchanged.
due=$(sqlite3 "$DB" "SELECT deadline FROM duties WHERE ref = '$r'")
vn=$(printf '%s' "$due" | awk -F- '{ print $3 "/" $2 "/" $1 }')
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" list >"$T/out"
like "$(cat "$T/out")" "$r +$vn" "Vietnamese: list shows the deadline as DD/MM/YYYY"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" list --format csv >"$T/out"
like "$(cat "$T/out")" "^ref,uuid,title" "but CSV keeps its English header"
like "$(cat "$T/out")" "$due" "and ISO dates"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" list --format json >"$T/out"
like "$(cat "$T/out")" "\"deadline\":\"$due\"" "and JSON too"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" show "$r" >"$T/out"
like "$(cat "$T/out")" "$vn" "show gives the deadline as DD/MM/YYYY"
# The history in show: its words in Vietnamese, its moments in local time.
at=$(sqlite3 "$DB" "SELECT h.at FROM history h JOIN duties d ON d.id = h.duty_id WHERE d.ref = '$r' AND h.action = 'created'")
local=$(TZ=Asia/Ho_Chi_Minh date -d "$at" '+%d/%m/%Y %H:%M')
LANG=vi_VN.UTF-8 TZ=Asia/Ho_Chi_Minh "$ROVIEC" --db "$DB" show "$r" >"$T/out"
like "$(cat "$T/out")" "^  $(vi_of history):" "show's history has its heading in Vietnamese"
like "$(cat "$T/out")" "^    $local  $(vi_of "$(printf 'history\004created')") " \
    "an entry: its moment in local time as DD/MM/YYYY HH:MM ($local for $at), then what was done in Vietnamese"
hanvi=$(vi_of "deadline %s" | sed 's/%s//')
ok $([ -n "$hanvi" ] && [ "$hanvi" != "deadline " ]; echo $?) "the catalogue has 'deadline %s' ($hanvi)"
like "$(cat "$T/out")" "\($hanvi$vn\)" "and the deadline it was created with, as DD/MM/YYYY"
unlike "$(cat "$T/out")" " by |history:|deadline |owner " "no English word of the history is left"
TZ=UTC LANG=C.UTF-8 "$ROVIEC" --db "$DB" show "$r" >"$T/out"
like "$(cat "$T/out")" "^    $(TZ=Asia/Ho_Chi_Minh date -d "$at" '+%Y-%m-%d %H:%M')  created by " \
    "in English: the moment as YYYY-MM-DD HH:MM, the words as stored, in the server's zone whatever TZ says"

# Flags: in the words of the messages for people, in --flag's words for machines.
od=$(faketime "2025-01-02 08:00:00" "$ROVIEC" --db "$DB" --as chutich add "Việc quá hạn" --lead P1 --owner off1 \
    --due 2025-01-10 --result "Báo cáo" --basis "Kế hoạch 1/KH")
overdue_vi=$(vi_of "overdue")
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" show "$od" >"$T/out"
like "$(cat "$T/out")" "$(vi_of "; flags: ").*$overdue_vi" "Vietnamese: show names the flag in Vietnamese ($overdue_vi)"
unlike "$(cat "$T/out")" "overdue|stalled" "and not in English"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" list --flag overdue >"$T/out"
like "$(grep "^$od " "$T/out")" "$overdue_vi" "so does list's table"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" list --flag overdue --format csv >"$T/out"
like "$(grep "^$od," "$T/out")" ",stalled overdue," "but CSV keeps the words of --flag"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" list --flag overdue --format json >"$T/out"
like "$(cat "$T/out")" '"flags":\["stalled","overdue"\]' "and JSON too"
LANG=C.UTF-8 "$ROVIEC" --db "$DB" show "$od" >"$T/out"
like "$(cat "$T/out")" "; flags: stalled, overdue" "English: show says stalled, overdue"

# The Vietnamese of the words checked from here on, so that no check below
# can pass on an empty pattern.
gap=
for w in ward officer yes cancelled open "$(printf 'verify\004status')" \
    "$(printf 'history\004the assigner cancelled the duty')" \
    "this person owns open duties of their unit: reassign them first" \
    'a quoted field is never closed (a " is missing)'; do
	[ -n "$(vi_of "$w")" ] || gap="$gap [$w]"
done
is "$gap" "" "the catalogue has the Vietnamese of every word checked below"

# Units and people: kinds and roles in Vietnamese in the tables, as stored in CSV.
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" unit list >"$T/out"
like "$(grep '^P1 ' "$T/out")" "$(vi_of ward)" "unit list: P1's kind in Vietnamese ($(vi_of ward))"
unlike "$(cat "$T/out")" " ward | city | department " "no kind left in English"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" unit list --format csv >"$T/out"
like "$(grep '^P1,' "$T/out")" ",ward," "CSV keeps the stored kind"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" person list >"$T/out"
like "$(grep '^off1 ' "$T/out")" "$(vi_of officer)" "person list: the role in Vietnamese ($(vi_of officer))"
like "$(grep '^head1 ' "$T/out")" "$(vi_of yes) *\$" "and the head marked '$(vi_of yes)'"
unlike "$(cat "$T/out")" " officer | head +yes" "no role left in English"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" person list --format csv >"$T/out"
like "$(grep '^off1,' "$T/out")" ",officer," "CSV keeps the stored role"

# verify names what was altered in Vietnamese, a status as the board says it.
cp "$DB" "$T/altered.db"
cp "$DB.key" "$T/altered.db.key"
sqlite3 "$T/altered.db" "UPDATE duties SET status = 'cancelled', closed_on = '2026-01-01' WHERE ref = '$r'"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$T/altered.db" verify >"$T/out" 2>"$T/err"
is "$?" 1 "verify of an altered duty fails, in Vietnamese too"
like "$(cat "$T/err")" "$r .*$(vi_of "$(printf 'verify\004status')") '$(vi_of cancelled)'.*'$(vi_of open)'" \
    "naming the status and both values in Vietnamese"
unlike "$(cat "$T/err")" "status|cancelled|'open'" "with no English word"

# What roviec itself writes, and what the schema refuses, in Vietnamese too.
c2=$(new_duty)
"$ROVIEC" --db "$DB" --as off1 transfer "$c2" P2 --reason "Thuộc P2" >/dev/null &&
"$ROVIEC" --db "$DB" --as chutich cancel "$c2" --reason "Không cần nữa" >/dev/null
ok $? "a duty with a pending transfer, cancelled by its assigner"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" show "$c2" >"$T/out"
like "$(cat "$T/out")" "$(vi_of "$(printf 'history\004the assigner cancelled the duty')")" \
    "show: the reason roviec recorded for the withdrawn transfer is in Vietnamese"
unlike "$(cat "$T/out")" "the assigner cancelled" "and not in English"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" person set off1 --unit P2 >"$T/out" 2>"$T/err"
is "$?" 1 "moving an official who owns open duties is refused"
like "$(cat "$T/err")" "$(vi_of "this person owns open duties of their unit: reassign them first")" \
    "the schema's refusal is in Vietnamese"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" list --bogus >"$T/out" 2>"$T/err"
like "$(cat "$T/err")" "$(vi_of "; usage: roviec %s" | sed 's/ roviec %s//')" "a usage error ends with its usage in Vietnamese"
printf 'title,lead,owner,deadline,result,basis\n"Việc,P1,off1,+3,KQ,CV\n' >"$T/quote.csv"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" import "$T/quote.csv" >"$T/out" 2>"$T/err"
like "$(cat "$T/err")" "$(vi_of 'a quoted field is never closed (a " is missing)' | cut -c1-20)" "a CSV fault is in Vietnamese"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" --as chutich add "Việc cũ" --lead P1 --owner off1 --due 2020-01-02 \
    --result KQ --basis CV >"$T/out" 2>"$T/err"
like "$(cat "$T/err")" " 02/01/2020 " "a past deadline is named as DD/MM/YYYY"
LANG=vi_VN.UTF-8 TZ=Asia/Ho_Chi_Minh "$ROVIEC" --db "$DB" report >"$T/out" 2>&1
like "$(tail -2 "$T/out" | head -1)" "^[^ ]+ [^ ]+ [0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2} " \
    "the report says when it was made, as DD/MM/YYYY HH:MM"
unlike "$(cat "$T/out")" "[0-9]T[0-9]{2}:[0-9]{2}:[0-9]{2}Z" "with no UTC moment left for people"
faketime "2026-12-01 08:00:00" "$ROVIEC" --db "$DB" --as off1 done "$r" --note "Xong" >/dev/null
LANG=vi_VN.UTF-8 faketime "2026-12-02 08:00:00" "$ROVIEC" --db "$DB" report --from 2025-01-01 >"$T/out" 2>&1
like "$(cat "$T/out")" " [0-9]+,[0-9]%" "a rate is written with a decimal comma in Vietnamese"
LANG=vi_VN.UTF-8 faketime "2026-12-02 08:00:00" "$ROVIEC" --db "$DB" report --from 2025-01-01 --format csv >"$T/out" 2>&1
like "$(cat "$T/out")" ",[0-9]+\.[0-9]," "and with a point in CSV"
unlike "$(cat "$T/out")" ",[0-9]+,[0-9]%" "(no percent sign or comma in a CSV number)"
# Where vi_VN.UTF-8 is installed, its numbers write a decimal comma: CSV and
# dot must keep the point all the same (the locale is built here, LOCPATH).
if command -v localedef >/dev/null && [ -f /usr/share/i18n/locales/vi_VN ] && mkdir -p "$T/loc" &&
    localedef -i vi_VN -f UTF-8 "$T/loc/vi_VN.UTF-8" >/dev/null 2>&1; then
	LOCPATH=$T/loc LANG=vi_VN.UTF-8 faketime "2026-12-02 08:00:00" "$ROVIEC" --db "$DB" report --from 2025-01-01 --format csv >"$T/out" 2>&1
	like "$(cat "$T/out")" ",[0-9]+\.[0-9]," "with vi_VN.UTF-8 installed, CSV numbers keep the point"
	unlike "$(cat "$T/out")" '"[0-9]+,[0-9]"' "(no number quoted for a comma)"
	LOCPATH=$T/loc LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" graph --format dot >"$T/out" 2>&1
	unlike "$(cat "$T/out")" "penwidth=[0-9]+,[0-9]" "and dot's pen widths too"
	LOCPATH=$T/loc LANG=vi_VN.UTF-8 faketime "2026-12-02 08:00:00" "$ROVIEC" --db "$DB" report --from 2025-01-01 >"$T/out" 2>&1
	like "$(cat "$T/out")" " [0-9]+,[0-9]%" "while the table keeps its decimal comma"
else
	ok 0 "# SKIP no vi_VN locale source to build (package locales)"
fi

# The configuration's language overrides the locale.
mkdir -p "$T/xdg/roviec"
printf 'language = en\n' > "$T/xdg/roviec/config"
XDG_CONFIG_HOME="$T/xdg" LANG=vi_VN.UTF-8 "$ROVIEC" --help >"$T/out" 2>&1
like "$(head -1 "$T/out")" "^usage: roviec" "language = en wins over LANG=vi_VN.UTF-8"
printf 'language = vi\n' > "$T/xdg/roviec/config"
XDG_CONFIG_HOME="$T/xdg" LANG=C.UTF-8 "$ROVIEC" --help >"$T/out" 2>&1
like "$(head -1 "$T/out")" "^$(printf '%s' "$usage_vi" | sed 's/[][\.*^$]/\\&/g')" "language = vi wins over LANG=C.UTF-8"
printf 'language = fr\n' > "$T/xdg/roviec/config"
XDG_CONFIG_HOME="$T/xdg" "$ROVIEC" --db "$DB" list >"$T/out" 2>"$T/err"
is "$?" 1 "language = fr is refused"
like "$(cat "$T/err")" "config, line 1: language is vi or en" "with the file and line"

done_testing
