#!/bin/sh
# Excel both ways (issue #12): every CSV output in the Excel form (--excel,
# or excel = yes): a byte order mark, CR LF, headings in the user's
# language, days as DD/MM/YYYY; import of that form, of ';' files with
# Vietnamese headings, and the round trip through it; files that are not
# UTF-8 CSV refused whole with their line; list's periods; the report for
# pasting into Word (tsv, md).
. "$(dirname "$0")/lib.sh"

CASES=$FIXTURES/text-cases.tsv
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
count() { sqlite3 "$DB" 'SELECT count(*) FROM duties'; }
hexof() { od -An -tx1 | tr -d ' \n'; }
# The time zone of Đà Lạt, so that moments carry an offset of +07:00.
export TZ=Asia/Ho_Chi_Minh
vi() { LANG=vi_VN.UTF-8 "$@"; }
FUTURE=$(date -d '+40 days' +%d/%m/%Y)
FUTURE_ISO=$(date -d '+40 days' +%Y-%m-%d)

# --- "what it must show" 2: report --excel, as bytes ------------------------

A=$T/demo.db
"$ROVIEC" --db "$A" init --demo >/dev/null
ok $? "the demo database"
vi "$ROVIEC" --db "$A" report --excel >"$T/r.csv"
ok $? "report --excel (Vietnamese)"
is "$(head -c 3 "$T/r.csv" | hexof)" "efbbbf" "it starts with the UTF-8 byte order mark"
lines=$(wc -l <"$T/r.csv")
is "$(grep -c "$(printf '\r')\$" "$T/r.csv")" "$lines" "every one of its $lines lines ends in CR LF"
is "$(tr -d '\r' <"$T/r.csv" | grep -c "$(printf '\r')")" 0 "and no other CR is left"
head=$(head -1 "$T/r.csv" | tail -c +4 | tr -d '\r')
like "$head" "^Đơn vị;Tên;Đơn vị của cán bộ;Được giao;Hoàn thành đúng hạn;Hoàn thành trễ hạn;Đang thực hiện, trong hạn;Đang thực hiện, quá hạn;Tỷ lệ đúng hạn \(%\);" \
    "the headings are Vietnamese, separated by ';' (a Vietnamese Excel's list separator)"
row=$(sed -n 2p "$T/r.csv" | tr -d '\r')
first=$(date -d "$(date +%Y-%m-01)" +%d/%m/%Y)
today=$(date +%d/%m/%Y)
like "$row" ";$first;$today;$today;[0-9a-f]{64}\$" "the period's days are DD/MM/YYYY ($first to $today), as is the day of the states"
like "$row" "^[A-Z0-9]+;[^;]+;;[0-9]+;[0-9]+;[0-9]+;[0-9]+;[0-9]+;[0-9]+,[0-9];" "the on-time rate has a decimal comma"
"$ROVIEC" --db "$A" report --excel >"$T/r-en.csv"
like "$(head -1 "$T/r-en.csv" | tail -c +4)" '^Unit,Name,Person.s unit,Assigned,Done on time,Done late,"Open, within the deadline",' \
    "in English: English headings, commas, a heading holding a comma quoted"
like "$(sed -n 2p "$T/r-en.csv")" ",[0-9]+\.[0-9],.*,$first,$today,$today," "and a decimal point; days still DD/MM/YYYY"
"$ROVIEC" --db "$A" report --format csv >"$T/r-plain.csv"
is "$(head -1 "$T/r-plain.csv" | cut -c1-30)" "unit,name,person_unit,assigned" "without --excel the CSV is as it was: names for programs, no byte order mark"
like "$(sed -n 2p "$T/r-plain.csv")" ",$(date +%Y-%m-01),$(date +%Y-%m-%d)," "and ISO days"

# --- every CSV output takes --excel ----------------------------------------------

DB=$A
for cmd in "export" "list --all" "unit list" "person list" "report --by person"; do
	# shellcheck disable=SC2086
	vi "$ROVIEC" --db "$A" $cmd --excel >"$T/o.csv" 2>"$T/e"
	is "$?|$(head -c 3 "$T/o.csv" | hexof)" "0|efbbbf" "$cmd --excel: the byte order mark"
	is "$(grep -vc "$(printf '\r')\$" "$T/o.csv")" 0 "$cmd --excel: CR LF"
done
vi "$ROVIEC" --db "$A" unit list --excel | head -1 | grep -q "Mã đơn vị;Tên;Loại đơn vị;Đơn vị cấp trên;Người đứng đầu;Số cán bộ;Nhiệm vụ đang mở"
ok $? "unit list --excel: Vietnamese headings"
vi "$ROVIEC" --db "$A" person list --excel | head -1 | grep -q "Tên đăng nhập;Tên;Đơn vị;Vai trò;Người đứng đầu"
ok $? "person list --excel: Vietnamese headings"
vi "$ROVIEC" --db "$A" list --all --excel >"$T/l.csv"
is "$(sed -n 2p "$T/l.csv" | cut -d';' -f7 | grep -Ec '^[0-9]{2}/[0-9]{2}/[0-9]{4}$')" 1 "list --excel: the deadline is DD/MM/YYYY"
like "$(sed -n 2p "$T/l.csv" | tr -d '\r')" ";[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} \+07:00\$" \
    "and the moment it was created, in local time with its offset"
expect 1 "--excel with --format json is refused" list --excel --format json
like "$err" "--excel writes CSV" "and says why"
expect 1 "--excel with --format table is refused" unit list --excel --format table
expect 2 "--excel and --no-excel together: a usage error" export --excel --no-excel
expect 2 "--excel where no CSV is written: a usage error" show P1-0001 --excel

# The configuration makes it the default; --no-excel and excel_separator.
mkdir -p "$XDG_CONFIG_HOME/roviec"
printf 'excel = yes\n' >"$XDG_CONFIG_HOME/roviec/config"
"$ROVIEC" --db "$A" list --format csv >"$T/c.csv"
is "$(head -c 3 "$T/c.csv" | hexof)" "efbbbf" "excel = yes: list --format csv is in the Excel form"
"$ROVIEC" --db "$A" list --format csv --no-excel >"$T/c.csv"
is "$(head -c 4 "$T/c.csv")" "ref," "--no-excel: plain, for a script"
"$ROVIEC" --db "$A" list >"$T/c.txt"
is "$(head -c 3 "$T/c.txt")" "ref" "a table stays a table"
printf 'excel = yes\nexcel_separator = ,\n' >"$XDG_CONFIG_HOME/roviec/config"
vi "$ROVIEC" --db "$A" unit list --format csv | head -1 | grep -q "^.Mã đơn vị,Tên,Loại đơn vị,"
ok $? "excel_separator = , in Vietnamese: commas"
printf 'excel = maybe\n' >"$XDG_CONFIG_HOME/roviec/config"
expect 1 "a bad excel value is refused" list
like "$err" "line 1: excel is yes or no" "naming the line"
printf 'excel_separator = |\n' >"$XDG_CONFIG_HOME/roviec/config"
expect 1 "a bad separator is refused" list
like "$err" "line 1: excel_separator is , or ;" "naming the line"
rm "$XDG_CONFIG_HOME/roviec/config"

# --- the round trip through the Excel form ------------------------------------------

# An empty database with the demo's units and people, made through roviec
# (rows written behind its back are in no history: verify would refuse
# them), in the same order (a parent before its children).  The
# administrator heads P1 in the demo: named at the unit's
# making; every other head by their role.
same_city() {
	"$ROVIEC" --db "$1" init >/dev/null &&
	sqlite3 -separator '	' "$A" "SELECT u.code, u.name, u.kind, ifnull(p.code, ''), ifnull((SELECT a.login FROM unit_heads h
	      JOIN people a ON a.id = h.person_id WHERE h.unit_id = u.id AND a.role = 'admin'), '')
	    FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.id" |
	while IFS='	' read -r code name kind parent head; do
		"$ROVIEC" --db "$1" unit add "$code" "$name" --kind "$kind" ${parent:+--parent "$parent"} \
		    ${head:+--head "$head"} >/dev/null || exit 1
	done &&
	sqlite3 -separator '	' "$A" "SELECT p.login, p.full_name, ifnull(u.code, ''), p.role FROM people p
	    LEFT JOIN units u ON u.id = p.unit_id WHERE p.role != 'admin' ORDER BY p.id" |
	while IFS='	' read -r login name unit role; do
		"$ROVIEC" --db "$1" person add "$login" "$name" ${unit:+--unit "$unit"} --role "$role" >/dev/null || exit 1
	done &&
	is "$(sqlite3 "$1" "SELECT group_concat(u.code || ':' || p.login, ' ') FROM (SELECT * FROM unit_heads ORDER BY
	    unit_id, id) h JOIN units u ON u.id = h.unit_id JOIN people p ON p.id = h.person_id")" \
	    "$(sqlite3 "$A" "SELECT group_concat(u.code || ':' || p.login, ' ') FROM (SELECT * FROM unit_heads ORDER BY
	    unit_id, id) h JOIN units u ON u.id = h.unit_id JOIN people p ON p.id = h.person_id")" \
	    "(the same units, people and heads as the demo's)"
}
# A title Excel would take for a formula, and one with ';' and a line end.
DB=$A
run --as dl.truong add "=HYPERLINK(\"http://x\";\"bấm\")" --lead P1 --owner p1.nga --due +20 --result "KQ; kèm ảnh" --basis "- Công văn 1" --support "P2:phần; việc"
is "$rc" 0 "a duty whose title starts with '=' and whose basis starts with '-'"
"$ROVIEC" --db "$A" export >"$T/one.csv"
vi "$ROVIEC" --db "$A" export --excel >"$T/excel.csv"
grep -q "'=HYPERLINK" "$T/excel.csv"
ok $? "the title starting with '=' is written behind an apostrophe (Excel shows it as text)"
B=$T/b.db
same_city "$B"
ok $? "an empty database with the same units and people"
DB=$B expect 0 "the Excel form (';', Vietnamese headings, DD/MM/YYYY, local moments) imports" import "$T/excel.csv"
"$ROVIEC" --db "$B" export >"$T/two.csv"
cmp -s "$T/one.csv" "$T/two.csv"
ok $? "exported again, plain: the same file, byte for byte (duties, UUIDs, references, parts, deliveries, moments)"
is "$(sqlite3 "$B" "ATTACH '$A' AS a; SELECT count(*) FROM (
    SELECT uuid, ref, title, result, basis, field, assigner_id, lead_unit_id, owner_id, created_at, original_deadline,
      deadline, status, done_on, closed_on, last_progress_on, handoffs, bounced, escalated FROM a.duties
    EXCEPT SELECT uuid, ref, title, result, basis, field, assigner_id, lead_unit_id, owner_id, created_at, original_deadline,
      deadline, status, done_on, closed_on, last_progress_on, handoffs, bounced, escalated FROM duties)")" 0 \
    "every duty came across with every field the history and the report rest on"
DB=$B run verify
is "$rc" 0 "and the imported database verifies"

# The same file as a Vietnamese Excel may save it again ("CSV UTF-8"): its
# own separator and byte order mark, days without leading zeros, the
# moment to the minute in local time, the apostrophe before a formula
# kept.  It gives the same duties but for the moments' seconds.
perl -CSD -pe 's{(^|;)0?(\d{1,2})/0?(\d{1,2})/(\d{4})(?=[;\r ])}{$1$2/$3/$4}g; s{(;\d+/\d+/\d{4} \d\d:\d\d):\d\d \+07:00}{$1}g' \
    "$T/excel.csv" >"$T/resaved.csv"
C=$T/c.db
same_city "$C"
DB=$C expect 0 "a file as Excel saves it again (D/M/YYYY, minutes) imports" import "$T/resaved.csv"
is "$(sqlite3 "$C" "ATTACH '$A' AS a; SELECT count(*) FROM (
    SELECT uuid, ref, title, result, basis, substr(created_at, 1, 16), deadline, original_deadline, status, done_on FROM a.duties
    EXCEPT SELECT uuid, ref, title, result, basis, substr(created_at, 1, 16), deadline, original_deadline, status, done_on FROM duties)")" 0 \
    "the same duties, days and moments (to the minute)"
is "$(sqlite3 "$C" "SELECT title FROM duties WHERE title LIKE '%HYPERLINK%'")" '=HYPERLINK("http://x";"bấm")' \
    "the apostrophe before the formula comes off"

# English headings and commas, and headings in any case, without diacritics,
# with '_' or spaces.
"$ROVIEC" --db "$A" export --excel >"$T/excel-en.csv"
head -1 "$T/excel-en.csv" | grep -q "^.UUID,Reference,Duty,Lead unit,Owner,Deadline,"
ok $? "export --excel in English: English headings, commas"
D=$T/d.db
same_city "$D"
DB=$D expect 0 "it imports" import "$T/excel-en.csv"
"$ROVIEC" --db "$D" export | cmp -s - "$T/one.csv"
ok $? "and gives the same duties"
DB=$T/e.db
fixture_city
printf 'NOI DUNG NHIEM VU;don vi chu tri;NGƯỜI CHỊU TRÁCH NHIỆM;Hạn_xử_lý;ket qua can dat;Căn cứ;original deadline\r\n' >"$T/loose.csv"
printf 'Việc một;P1;off1;%s;KQ;CV;%s\r\n' "$FUTURE" "$FUTURE" >>"$T/loose.csv"
expect 0 "headings without diacritics, in capitals, with '_' for spaces" import "$T/loose.csv"
is "$(sqlite3 "$DB" "SELECT title || '|' || deadline FROM duties")" "Việc một|$FUTURE_ISO" "read right"
printf 'title\tlead\towner\tdeadline\tresult\tbasis\nViệc tab\tP1\toff1\t%s\tKQ\tCV\n' "$FUTURE" >"$T/tab.csv"
expect 0 "a file separated by tabs" import "$T/tab.csv"

# --- bad input: named by its line, exit 1, nothing written ---------------------------

refused() {	# NAME FILE PATTERN
	sum=$(dump | md5sum)
	run import "$2"
	is "$rc" 1 "$1: refused (exit 1)"
	like "$err" "$3" "$1: says what and where"
	is "$(dump | md5sum)" "$sum" "$1: nothing was written"
}
{
	printf 'title;lead;owner;deadline;result;basis\r\n'
	printf 'Một;P1;off1;%s;KQ;CV\r\n' "$FUTURE"
	printf 'Hai,P1,off1,%s,KQ,CV\r\n' "$FUTURE"
} >"$T/mixed.csv"
refused "a row separated by commas in a ';' file" "$T/mixed.csv" \
    "mixed.csv:3: the row is one field where the header row has 6 columns: the header is separated by semicolons, this row seems separated by commas"
printf 'Nội dung nhiệm vụ;Đơn vị chủ trì;Người chịu trách nhiệm;Hạn xử lí;Kết quả cần đạt;Căn cứ\r\n' >"$T/unknown.csv"
refused "a heading misspelt" "$T/unknown.csv" "unknown.csv:1: unknown column 'Hạn xử lí'"
printf 'title|lead|owner|deadline|result|basis\nMột|P1|off1|+3|KQ|CV\n' >"$T/pipe.csv"
refused "an unknown separator" "$T/pipe.csv" "pipe.csv:1: unknown column 'title\|lead\|owner.*separated by commas, semicolons or tabs"
printf 'title;lead;owner;deadline;result;basis;Nội dung nhiệm vụ\r\n' >"$T/twice.csv"
refused "the same column under two names" "$T/twice.csv" \
    "twice.csv:1: the column title is named twice, as 'title' \(column 1\) and 'Nội dung nhiệm vụ' \(column 7\)"
printf 'title;lead;owner;deadline;result;basis;Ghi chú;Ghi chu\r\n' >"$T/twice2.csv"
refused "a heading repeated (with and without diacritics)" "$T/twice2.csv" "twice2.csv:1: the column note is named twice"
printf '\357\273\277title,lead,owner,deadline,result,basis\r\nMột,P1,off1,%s,KQ,CV\r\n' "$FUTURE" >"$T/part.csv"
cat "$T/part.csv" "$T/part.csv" >"$T/joined.csv"
refused "two files joined: a byte order mark in the middle" "$T/joined.csv" "joined.csv:3: a byte order mark \(U\+FEFF\) in the middle"
printf 'title,lead,owner,deadline,result,basis,created\nMột,P1,off1,%s,KQ,CV,31/02/2026 09:00\n' "$FUTURE" >"$T/moment.csv"
refused "a created moment that does not exist" "$T/moment.csv" "moment.csv:2: created: '31/02/2026 09:00' is not a moment"
printf 'title;lead;owner;deadline;result;basis\r\nHai;P1;off1;12/31/2026;KQ;CV\r\n' >"$T/us.csv"
refused "a day written month first (an English Excel)" "$T/us.csv" "us.csv:2: .*12/31/2026"

# Encodings: Windows-1258 and TCVN3 (ABC) text, UTF-16, with the line.
TEXT="giải quyết đơn thư khiếu nại đất đai tại phường một"
{
	printf 'title,lead,owner,deadline,result,basis\r\n'
	printf 'Viec mot,P1,off1,%s,KQ,CV\r\n' "$FUTURE"
	printf '%s,P1,off1,%s,KQ,CV\r\n' "$TEXT" "$FUTURE"
} >"$T/utf8.csv"
iconv -f UTF-8 -t CP1258 "$T/utf8.csv" >"$T/cp1258.csv"
refused "a file in Windows-1258" "$T/cp1258.csv" "cp1258.csv:3: the file is not UTF-8: it looks like Windows-1258"
iconv -f UTF-8 -t TCVN5712-1 "$T/utf8.csv" >"$T/tcvn3.csv"
is "$(perl -ne 'print if /[\x80-\x9f\x00-\x08]/' "$T/tcvn3.csv" | wc -l)" 0 "(the TCVN3 sample uses only TCVN3's lower-case letters)"
refused "a file in TCVN3 (ABC)" "$T/tcvn3.csv" "tcvn3.csv:3: the file is not UTF-8: it looks like TCVN3 \(ABC\)"
printf 'nội dung nhiệm vụ,đơn vị chủ trì,người chịu trách nhiệm,hạn xử lý,kết quả cần đạt,căn cứ\r\n' |
    iconv -f UTF-8 -t TCVN5712-1 >"$T/tcvn3-head.csv"
refused "a TCVN3 file with Vietnamese headings" "$T/tcvn3-head.csv" "tcvn3-head.csv:1: .*TCVN3 \(ABC\).*Unikey"
printf 'Nội dung nhiệm vụ,Đơn vị chủ trì\r\n' | iconv -f UTF-8 -t CP1258 >"$T/cp-head.csv"
refused "a Windows-1258 header" "$T/cp-head.csv" "cp-head.csv:1: .*Windows-1258"
iconv -f UTF-8 -t UTF-16 "$T/utf8.csv" >"$T/utf16.csv"
refused "a file in UTF-16" "$T/utf16.csv" "utf16.csv:1: the file is in UTF-16"
iconv -f UTF-8 -t UTF-16LE "$T/utf8.csv" >"$T/utf16le.csv"
refused "UTF-16 without a byte order mark" "$T/utf16le.csv" "utf16le.csv:1: the file is in UTF-16"

# Files that are not CSV at all.
printf 'PK\003\004\024\000\006\000\010\000\000\000!\000' >"$T/book.xlsx"
refused "an .xlsx workbook" "$T/book.xlsx" "book.xlsx:1: this is an Excel workbook \(.xlsx\) or another zip file, not a CSV file"
printf '\320\317\021\340\241\261\032\341' >"$T/old.xls"
refused "an .xls workbook" "$T/old.xls" "old.xls:1: this is an old Excel workbook"
printf '%%PDF-1.4\n%%\342\343\317\323\n' >"$T/doc.pdf"
refused "a PDF" "$T/doc.pdf" "doc.pdf:1: this is a PDF document"
perl -e 'srand(12); print join "", map { chr(int(rand(256))) } 1 .. 4096' >"$T/noise.bin"
refused "random bytes" "$T/noise.bin" "noise.bin:1: this is not a text file"
printf 'Báo cáo tháng 12.\nCác phường đã hoàn thành đúng hạn.\n' >"$T/prose.csv"
refused "text that is not CSV" "$T/prose.csv" "prose.csv:1: unknown column 'Báo cáo tháng 12.'"

# The hostile text cases through the Excel form: a ';' file with a byte
# order mark and Vietnamese headings, each case as a title.
DB=$T/cases.db
fixture_city
for name in $(grep -v '^#' "$CASES" | cut -f1); do
	awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$CASES" | perl -e '
	my $fut = shift; chomp(my $h = <STDIN>); my $t = pack("H*", $h); $t =~ s/"/""/g;
	print "\xef\xbb\xbfNội dung nhiệm vụ;Đơn vị chủ trì;Người chịu trách nhiệm;Hạn xử lý;Kết quả cần đạt;Căn cứ\r\n\"$t\";P1;off1;$fut;KQ;CV\r\n";' "$FUTURE" >"$T/case.csv"
	sum=$(dump | md5sum)
	run import "$T/case.csv"
	case $name in
	overlong|surrogate|truncated|nul-inside)
		is "$rc|$(dump | md5sum)" "1|$sum" "$name: refused, nothing written"
		like "$err" "case.csv:2: the title column" "$name: names the line and the column" ;;
	latin1)
		is "$rc|$(dump | md5sum)" "1|$sum" "$name: refused, nothing written"
		like "$err" "case.csv:2: .*Windows-1258" "$name: names the line and the encoding" ;;
	long-100k)
		is "$rc|$(dump | md5sum)" "1|$sum" "$name: refused, nothing written"
		like "$err" "case.csv:2: .*too long" "$name: says it is too long" ;;
	*)
		is "$rc" 0 "$name: imported" ;;
	esac
	is "$(printf '%s' "$err" | perl -ne 'print "raw" if /[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]/')" "" \
	    "$name: no raw control in the message"
done
# What came in goes out again in the Excel form and back, unchanged.
"$ROVIEC" --db "$DB" export --excel >"$T/cases.csv"
"$ROVIEC" --db "$DB" export >"$T/cases-plain.csv"
DB=$T/g.db
fixture_city
expect 0 "the hostile titles come back from the Excel form" import "$T/cases.csv"
"$ROVIEC" --db "$DB" export | cmp -s - "$T/cases-plain.csv"
ok $? "as they were"

# --- list: what was done, or created, in a period -------------------------------

DB=$A
month_from=$(date -d "$(date +%Y-%m-01) -1 day" +%Y-%m-01)
month_to=$(date -d "$(date +%Y-%m-01) -1 day" +%Y-%m-%d)
run list --done-from "$month_from" --done-to "$month_to" --format csv
is "$rc" 0 "list --done-from --done-to: last month's finished duties"
want=$(sqlite3 "$A" "SELECT count(*) FROM duties WHERE done_on BETWEEN '$month_from' AND '$month_to'")
is "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "$want" "exactly those done in it ($want), whatever their status now"
ok $([ "$want" -gt 0 ]; echo $?) "(the demo has some)"
is "$(printf '%s\n' "$out" | tail -n +2 | awk -F, -v f="$month_from" -v t="$month_to" '$(NF-1) < f || $(NF-1) > t' | wc -l)" 0 \
    "each one's done_on column is in the period"
run list --done-from "$(date -d "$month_from" +%d/%m/%Y)" --done-to "$(date -d "$month_to" +%d/%m/%Y)" --status done --format csv
want=$(sqlite3 "$A" "SELECT count(*) FROM duties WHERE status = 'done' AND done_on BETWEEN '$month_from' AND '$month_to'")
is "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "$want" "with --status done and DD/MM/YYYY: those confirmed ($want)"
week=$(date -d '-6 days' +%Y-%m-%d)
run list --created-from "$week" --format csv
want=$(sqlite3 "$A" "SELECT count(*) FROM duties WHERE created_at >= '$(date -u -d "$week 00:00" +%Y-%m-%dT%H:%M:%SZ)'")
is "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "$want" "list --created-from: those created since that local day began ($want)"
run list --created-to "$(date -d '-1 day' +%Y-%m-%d)" --created-from "$(date -d '-1 day' +%Y-%m-%d)" --format csv
want=$(sqlite3 "$A" "SELECT count(*) FROM duties WHERE created_at >= '$(date -u -d "$(date -d '-1 day' +%Y-%m-%d) 00:00" +%Y-%m-%dT%H:%M:%SZ)'
    AND created_at < '$(date -u -d "$(date +%Y-%m-%d) 00:00" +%Y-%m-%dT%H:%M:%SZ)'")
is "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "$want" "one local day, from its midnight to the next ($want)"
expect 1 "a period that ends before it starts" list --done-from 2026-12-05 --done-to 2026-12-01
like "$err" "--done-to is before --done-from" "says so"
expect 1 "a day that does not exist" list --created-from 30/02/2026
like "$err" "--created-from: .*February 2026 has 28 days" "names the option and why"

# --- the report for pasting into Word ----------------------------------------------

vi "$ROVIEC" --db "$A" report --format tsv >"$T/r.tsv"
ok $? "report --format tsv"
like "$(sed -n 3p "$T/r.tsv")" "^đơn vị	tên	được giao	đúng hạn	" "tab-separated, with the table's Vietnamese headings"
like "$(sed -n 4p "$T/r.tsv")" "	[0-9]+,[0-9]%\$" "the rate as people read it (a decimal comma)"
grep -q "^Cách xử lý công việc\$" "$T/r.tsv" || grep -q "^$(vi_of "How the work was handled")\$" "$T/r.tsv"
ok $? "each table under its title"
"$ROVIEC" --db "$A" report --format md >"$T/r.md"
ok $? "report --format md"
like "$(sed -n 3,4p "$T/r.md" | tr '\n' ' ')" '^\| unit \| name \| assigned \| on time \| late \| open \| overdue \| on-time rate \| \|---\|---\|---:\|---:\|---:\|---:\|---:\|---:\|' \
    "a Markdown table, the numbers right-aligned"
grep -q "^### How the work was handled\$" "$T/r.md"
ok $? "each table under a heading"
# A unit name with a '|', a tab and an escape sequence stays in its cell.
DB=$A
sqlite3 "$A" "UPDATE units SET name = 'Tổ A|B' || char(9) || 'C' || char(27) || '[2J' WHERE code = 'P1'"
"$ROVIEC" --db "$A" report --format md >"$T/r.md"
like "$(grep '^| P1 |' "$T/r.md")" '^\| P1 \| Tổ A\\\|B C␛\[2J \|' "md: '|' escaped, the tab a space, the escape inert"
"$ROVIEC" --db "$A" report --format tsv >"$T/r.tsv"
is "$(grep '^P1	' "$T/r.tsv" | head -1 | awk -F'\t' '{print NF "|" $2}')" "8|Tổ A|B C␛[2J" "tsv: the tab is a space, so the row keeps its 8 cells"
# A cell of plain letters is written as it stands, but for Markdown's own
# '|' and '\', escaped all the same.
sqlite3 "$A" "UPDATE units SET name = 'Tổ C|D\\E' WHERE code = 'P1'"
"$ROVIEC" --db "$A" report --format md >"$T/r.md"
like "$(grep '^| P1 |' "$T/r.md")" '^\| P1 \| Tổ C\\\|D\\\\E \|' "md: '|' and '\\' escaped in a cell of plain letters"
"$ROVIEC" --db "$A" report --format tsv >"$T/r.tsv"
is "$(grep '^P1	' "$T/r.tsv" | head -1 | cut -f2)" 'Tổ C|D\E' "tsv: the same cell as it stands"
run list --format md --unit P2
like "$out" '^\| ref \| deadline \| status \|' "list --format md too"

# --- the manual lists every column import reads, with both headings ----------------

# Spaces squeezed: groff justifies lines by widening them.
groff -mandoc -Tutf8 -P-cbou "$ROOT/man/roviec.1" 2>/dev/null | tr -s ' ' >"$T/page"
"$ROVIEC" --db "$A" export | head -1 | tr -d '\r' | tr ',' '\n' >"$T/names"
"$ROVIEC" --db "$A" export --excel | head -1 | tail -c +4 | tr -d '\r' | tr ',' '\n' >"$T/en"
# The manual is plain ASCII (groff 1.22 warns on Vietnamese letters): it
# writes the Vietnamese headings without diacritics, as import also reads them.
vi "$ROVIEC" --db "$A" export --excel | head -1 | tail -c +4 | tr -d '\r' | tr ';' '\n' |
    perl -CSD -MUnicode::Normalize -pe '$_ = NFD($_); s/\p{Mn}//g; tr/\x{111}\x{110}/dD/' >"$T/vi"
is "$(wc -l <"$T/names")" 22 "export writes 22 columns (coefficient: issue #13)"
paste -d'|' "$T/names" "$T/en" "$T/vi" | while IFS='|' read -r name en vi; do
	grep -Eq "^ +$name +$en, $vi(:| |\$)" "$T/page" || echo "$name"
done >"$T/undocumented"
is "$(cat "$T/undocumented")" "" "roviec(1) names every column as NAME, English heading, Vietnamese heading"
grep -Eq "^ +note +Note, Ghi chu:" "$T/page"
ok $? "and note, which only import reads"

done_testing
