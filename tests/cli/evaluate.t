#!/bin/sh
# roviec evaluate: the scores of Decree 335/2025/NĐ-CP computed from the
# ledger (issue #13).  Two months (October and November 2026) made by hand
# with faketime, eight officials (six officers, two heads scored) with
# late, reopened, extended, cancelled, reassigned and weighted duties;
# every figure below is computed by hand in the comments and must come out
# exactly.  The formulas (evaluate.h, roviec(1) EVALUATION):
#   a (quantity) = 100 C / A, b (quality) = 100 Q / 4A, c (progress) = 100 P / 4A
#   where A = the coefficients of the duties assigned, C = of those completed,
#   Q = sum of coefficient × (4 - times sent back), P = coefficient × (4 - delays);
#   an official's points = (a + b + c) / 3 × 70%,
#   a head's = (a + b + c + d + đ + e) / 6 × 70% over the duties the unit leads;
#   total = points + general criteria; 90 excellent, 70 good, 50 complete.
# Figures are rounded half up to hundredths.  Past moments as lib.sh says
# (faketime), through the pinned libfaketime (on, below).
. "$(dirname "$0")/lib.sh"

fixture_city
ok $? "a small city is set up"
"$ROVIEC" --db "$DB" person add off1c "Ngô Văn Tâm" --unit P1 >/dev/null &&
    "$ROVIEC" --db "$DB" person add off2b "Vũ Thị Yến" --unit P2 >/dev/null
ok $? "two more officers: off1c in P1, off2b in P2"

# on DAY COMMAND...: COMMAND with the clock at 09:00 on DAY.  The pin's own
# libfaketime is told the moment (FAKETIME), rather than through the
# faketime wrapper, whose semaphore collides when many tests run at once
# (this file makes some sixty such calls).
on() {
	_day=$1
	shift
	env -u FAKETIME_SHARED FAKETIME="@$_day 09:00:00" "$@"
}
# at DAY LOGIN ARGS...: roviec acting for LOGIN at 09:00 on DAY.
at() {
	_day=$1 _who=$2
	shift 2
	on "$_day" "$ROVIEC" --db "$DB" --as "$_who" "$@" 2>"$T/at.err" >"$T/at.out" ||
	    { echo "# at $_day $_who $*: $(cat "$T/at.err")"; return 1; }
}
# duty OWNER LEAD DUE [ARGS]: chutich assigns it on 1 October; prints the ref.
duty() {
	_o=$1 _l=$2 _due=$3
	shift 3
	on 2026-10-01 "$ROVIEC" --db "$DB" --as chutich add "Nhiệm vụ của $_o hạn $_due" \
	    --lead "$_l" --owner "$_o" --due "$_due" --result "Báo cáo" --basis "Kế hoạch số 12/KH-UBND" "$@"
}

# --- the ledger --------------------------------------------------------------

# off1, P1.
# A1: coefficient 1, due 10 Oct, confirmed 9 Oct: on time.
A1=$(duty off1 P1 2026-10-10) && at 2026-10-08 off1 done "$A1" --note "Xong" &&
    at 2026-10-09 chutich confirm "$A1"
ok $? "A1 (off1, 1): confirmed on 9 Oct, due 10 Oct"
# A2: coefficient 2, due 15 Oct; sent back on 15 Oct (a failed review),
# confirmed on 21 Oct (a delay): quality and progress each lose 25% of 2.
A2=$(duty off1 P1 2026-10-15 --coefficient 2) && at 2026-10-14 off1 done "$A2" --note "Xong" &&
    at 2026-10-15 chutich reopen "$A2" --reason "Thiếu số liệu" &&
    at 2026-10-20 off1 done "$A2" --note "Đã bổ sung" && at 2026-10-21 chutich confirm "$A2"
ok $? "A2 (off1, 2): sent back once, confirmed on 21 Oct, due 15 Oct"
# A3: coefficient 1,5 (the Vietnamese comma), due 20 Oct, extended on 19 Oct
# (before the deadline: the confirmed objective cause) to 30 Oct,
# confirmed on 29 Oct: on time.
A3=$(duty off1 P1 2026-10-20 --coefficient 1,5) &&
    at 2026-10-18 off1 extend "$A3" 2026-10-30 --reason "Chờ ý kiến Sở" &&
    at 2026-10-19 chutich approve "$A3" && at 2026-10-28 off1 done "$A3" --note "Xong" &&
    at 2026-10-29 chutich confirm "$A3"
ok $? "A3 (off1, 1.5): extended in time to 30 Oct, confirmed on 29 Oct"
# C1: coefficient 1, due 28 Oct, owned by off1 until head1 reassigns it to
# off1c on 2 November; confirmed on 6 November: a delay.  At the end of
# October it was off1's (the history says so, though off1c owns it now).
C1=$(duty off1 P1 2026-10-28) && at 2026-11-02 head1 assign "$C1" off1c &&
    at 2026-11-05 off1c done "$C1" --note "Xong" && at 2026-11-06 chutich confirm "$C1"
ok $? "C1 (off1 then off1c, 1): due 28 Oct, reassigned on 2 Nov, confirmed on 6 Nov"

# off1b, P1.
# B1: coefficient 1, due 12 Oct, confirmed on 4 November: not done in
# October; in November done with a delay.
B1=$(duty off1b P1 2026-10-12) && at 2026-11-03 off1b done "$B1" --note "Xong" &&
    at 2026-11-04 chutich confirm "$B1"
ok $? "B1 (off1b, 1): due 12 Oct, confirmed on 4 Nov"
# B2: coefficient 1, due 25 Oct; the extension asked on 24 Oct is approved
# on 27 Oct, after the deadline had passed: no excuse, 25 Oct was missed
# (one delay).  Due 10 Nov since, confirmed on 9 Nov: no second delay.
B2=$(duty off1b P1 2026-10-25) && at 2026-10-24 off1b extend "$B2" 2026-11-10 --reason "Chờ hồ sơ" &&
    at 2026-10-27 chutich approve "$B2" && at 2026-11-08 off1b done "$B2" --note "Xong" &&
    at 2026-11-09 chutich confirm "$B2"
ok $? "B2 (off1b, 1): extension approved on 27 Oct, after the deadline of 25 Oct; confirmed on 9 Nov"

# off1c, P1.
# C2: coefficient 0,5, due 20 Nov, confirmed on 19 Nov: on time.
C2=$(duty off1c P1 2026-11-20 --coefficient 0.5) && at 2026-11-18 off1c done "$C2" --note "Xong" &&
    at 2026-11-19 chutich confirm "$C2"
ok $? "C2 (off1c, 0.5): confirmed on 19 Nov, due 20 Nov"

# off2, P2.
# D1: cancelled on 5 Oct: it counts for nobody.
D1=$(duty off2 P2 2026-10-10) && at 2026-10-05 chutich cancel "$D1" --reason "Trùng nhiệm vụ"
ok $? "D1 (off2): cancelled"
# D2: coefficient 1, due 15 Oct, submitted on 14 Oct but confirmed on 16
# Oct: the confirmation came after the deadline, a delay.
D2=$(duty off2 P2 2026-10-15) && at 2026-10-14 off2 done "$D2" --note "Xong" &&
    at 2026-10-16 chutich confirm "$D2"
ok $? "D2 (off2, 1): submitted on 14 Oct, confirmed on 16 Oct, due 15 Oct"
# D3: coefficient 3, due 31 Oct, confirmed on 31 Oct: on time.
D3=$(duty off2 P2 2026-10-31 --coefficient 3) && at 2026-10-30 off2 done "$D3" --note "Xong" &&
    at 2026-10-31 chutich confirm "$D3"
ok $? "D3 (off2, 3): confirmed on its deadline"

# off2b, P2.
# E1: coefficient 1, due 20 Oct, sent back twice, confirmed on 16 Oct.
E1=$(duty off2b P2 2026-10-20) && at 2026-10-10 off2b done "$E1" --note "Xong" &&
    at 2026-10-11 chutich reopen "$E1" --reason "Sai biểu mẫu" && at 2026-10-12 off2b done "$E1" --note "Sửa" &&
    at 2026-10-13 chutich reopen "$E1" --reason "Còn sai số liệu" && at 2026-10-15 off2b done "$E1" --note "Sửa lại" &&
    at 2026-10-16 chutich confirm "$E1"
ok $? "E1 (off2b, 1): sent back twice, confirmed on 16 Oct, due 20 Oct"
# E2: coefficient 1, due 30 Nov, still open.
E2=$(duty off2b P2 2026-11-30)
ok $? "E2 (off2b, 1): due 30 Nov, still open"

# off3, P3.
# F1: coefficient 2,25, due 10 Nov, confirmed on 10 Nov.
F1=$(duty off3 P3 2026-11-10 --coefficient 2.25) && at 2026-11-09 off3 done "$F1" --note "Xong" &&
    at 2026-11-10 chutich confirm "$F1"
ok $? "F1 (off3, 2.25): confirmed on its deadline"

# row PERIOD LOGIN COLUMNS: the CSV fields (cut -f) of a login's row.
row() { printf '%s\n' "$out" | awk -F, -v p="$1" -v l="$2" '$1 == p && $2 == l' | cut -d, -f"$3"; }
# Columns: 6 assigned, 7 converted, 8 done, 9 converted, 10 sent back,
# 11 late, 12 a, 13 b, 14 c, 15 d, 16 đ, 17 e, 18 points, 19 general,
# 20 total, 21 rating, 22 periods.
COUNTS=6-14
SCORE=15-21

# --- October, before the general criteria --------------------------------------

expect 0 "the October sheets of the city" --as insp evaluate --month 2026-10 --format csv
is "$(printf '%s\n' "$out" | head -1 | cut -d, -f1-6)" "period,login,name,unit,head,assigned" "CSV has a header row"
# off1: A = 1 + 2 + 1.5 + 1 (C1, not done, off1's at the end of October) = 5.5;
# C = 4.5; Q = 4 + 2×3 + 1.5×4 = 16; P = 4 + 2×3 + 1.5×4 = 16.
# a = 450/5.5 = 81.818 → 81.82; b = c = 100×16/22 = 72.727 → 72.73;
# points = 70 (4×4.5 + 16 + 16) / (12×5.5) = 70×50/66 = 53.030 → 53.03.
is "$(row 2026-10 off1 $COUNTS)" "4,5.5,3,4.5,1,1,81.82,72.73,72.73" \
    "off1, October: 4 duties (5.5), 3 done (4.5), 1 sent back, 1 late; a 81.82, b = c 72.73"
is "$(row 2026-10 off1 18-21)" "53.03,,," "off1, October: 53.03 points of 70; no total before the general criteria"
# A2's failed review took a quarter of its 2 off Q: 100 × 2 / (4 × 5.5) =
# 9.09 points of b; its delay as much of c.
is "$(row 2026-10 off1 23-24)" "$A2 quality 1 9.09; $A2 progress 1 9.09,$C1" \
    "off1, October: A2 cost 9.09 points of b and of c; C1 not done"
# off1b: B1 (1) due and not done; B2 is due in November since its extension.
# a = b = c = 0; points 0.
is "$(row 2026-10 off1b $COUNTS)" "1,1,0,0,0,0,0.00,0.00,0.00" "off1b, October: B1 assigned, not done: 0%"
is "$(row 2026-10 off1b 18)" "0.00" "off1b, October: 0 points"
is "$(row 2026-10 off1c $COUNTS)" "0,0,0,0,0,0,,," "off1c, October: nothing (C1 was off1's then)"
# off2: D1 cancelled: nobody's.  A = 1 + 3 = 4 = C; Q = 4 + 12 = 16;
# P = 3 + 12 = 15.  a = 100, b = 100, c = 100×15/16 = 93.75;
# points = 70 (16 + 16 + 15) / 48 = 68.541 → 68.54.
is "$(row 2026-10 off2 $COUNTS)" "2,4,2,4,0,1,100.00,100.00,93.75" "off2, October: D1 left out; D2 late by its confirmation"
is "$(row 2026-10 off2 18)" "68.54" "off2, October: 68.54 points"
is "$(row 2026-10 off2 23)" "$D2 progress 1 6.25" "off2, October: D2 cost 25% of 1 of 4 on c"
# off2b: E1 sent back twice: Q = 1×2 = 2, P = 4: a = 100, b = 50, c = 100;
# points = 70 (4 + 2 + 4) / 12 = 58.333 → 58.33.
is "$(row 2026-10 off2b $COUNTS)" "1,1,1,1,1,0,100.00,50.00,100.00" "off2b, October: E1 sent back twice: b 50%"
is "$(row 2026-10 off2b 18,23)" "58.33,$E1 quality 2 50.00" "off2b, October: 58.33 points; E1's two failed reviews took 50% off b"
# head1 is scored on the duties P1 leads: A1, A2, A3 done, B1 and C1 not:
# A = 6.5, C = 4.5, Q = P = 16: a = 69.23, b = c = 61.54.  d: off1b scores
# under 50 once entered; unknown before.  đ: A2 late, B1 overdue: 50.
is "$(row 2026-10 head1 $COUNTS)" "5,6.5,3,4.5,1,1,69.23,61.54,61.54" "head1, October: the unit's duties"
is "$(row 2026-10 head1 15-18)" ",50,," "head1, October: d not known yet, đ 50 (a late duty), no cohesion, no points yet"

# --- the general criteria -------------------------------------------------------

expect 0 "head1 enters off1's general criteria for October" \
    --as head1 evaluate set off1 --period 2026-10 --general 27 --reason "Chấp hành tốt kỷ luật"
is "$out" "off1: general criteria entered for 2026-10." "and is told so"
expect 0 "off1b's" --as head1 evaluate set off1b --period 10/2026 --general 25 --reason "Còn chậm trễ"
expect 0 "off1b's November's, with a decimal comma" \
    --as head1 evaluate set off1b --period 2026-11 --general 26 --reason "Tiến bộ"
expect 0 "off1c's November's" --as head1 evaluate set off1c --period 2026-11 --general 27,5 --reason "Tích cực"
expect 0 "off2's October's, by the city head" \
    --as chutich evaluate set off2 --period 2026-10 --general 28.5 --reason "Gương mẫu"
expect 0 "off2b's October's" --as head2 evaluate set off2b --period 2026-10 --general 24 --reason "Đạt yêu cầu"
expect 0 "off2b's November's" --as head2 evaluate set off2b --period 2026-11 --general 20 --reason "Vi phạm giờ giấc"
expect 0 "off3's November's" --as head3 evaluate set off3 --period 2026-11 --general 26 --reason "Tốt"
expect 0 "head1's October's, with cohesion, by the city head" \
    --as chutich evaluate set head1 --period 2026-10 --general 27 --cohesion 100 --reason "Đơn vị đoàn kết"
expect 0 "head1's November's" \
    --as chutich evaluate set head1 --period 2026-11 --general 28 --cohesion 100 --reason "Đơn vị đoàn kết"
expect 0 "head2's October's, cohesion 50" \
    --as chutich evaluate set head2 --period 2026-10 --general 29 --cohesion 50 --reason "Có đơn phản ánh mất đoàn kết"
expect 0 "head2's November's" \
    --as chutich evaluate set head2 --period 2026-11 --general 25 --cohesion 100 --reason "Đã khắc phục"
# A later entry replaces the earlier one; the history keeps both.
expect 0 "off2b's October's entered again" --as head2 evaluate set off2b --period 2026-10 --general 24 --reason "Đạt yêu cầu (nhập lại)"
is "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE action = 'evaluation-set' AND duty_id IS NULL")" 13 \
    "each entry is a history entry with no duty"
is "$(sqlite3 "$DB" "SELECT h.detail || '|' || h.text || '|' || a.login || '|' || p.login FROM history h
    JOIN people a ON a.id = h.actor_id JOIN people p ON p.id = h.to_owner_id
    WHERE h.action = 'evaluation-set' ORDER BY h.id LIMIT 1")" \
    "period 2026-10; general 27|Chấp hành tốt kỷ luật|head1|off1" "what, why, by whom, of whom"
is "$(sqlite3 "$DB" "SELECT h.detail FROM history h WHERE h.action = 'evaluation-set' ORDER BY h.id LIMIT 8, 1")" \
    "period 2026-10; general 27; cohesion 100" "a head's entry holds the cohesion"
is "$(sqlite3 "$DB" "SELECT general_x100 || ' ' || reason FROM evaluations e JOIN people p ON p.id = e.person_id
    WHERE p.login = 'off2b' AND period = '2026-10'")" "2400 Đạt yêu cầu (nhập lại)" "the last entry stands"
expect 0 "the history still chains" verify

# --- October, scored ------------------------------------------------------------

expect 0 "the October sheets again" --as insp evaluate --month 2026-10 --format csv
# off1: 53.03 + 27 = 80.03: good.
is "$(row 2026-10 off1 18-21)" "53.03,27.00,80.03,good" "off1, October: 53.03 + 27 = 80.03, good"
# off1b: 0 + 25 = 25: not complete.
is "$(row 2026-10 off1b 18-21)" "0.00,25.00,25.00,not-complete" "off1b, October: 25, not complete"
# off2: 68.54 + 28.5 = 97.04: excellent.
is "$(row 2026-10 off2 18-21)" "68.54,28.50,97.04,excellent" "off2, October: 97.04, excellent"
# off2b: 58.33 + 24 = 82.33: good.
is "$(row 2026-10 off2b 18-21)" "58.33,24.00,82.33,good" "off2b, October: 82.33, good"
# head1: d = 50 (off1b under 50), đ = 50, e = 100.
# points = 70 (a + b + c + d + đ + e) / 600 = 70 (100×50/26 + 200) / 600
#        = 70 × 392.3077 / 600 = 45.769 → 45.77; + 27 = 72.77: good.
is "$(row 2026-10 head1 $SCORE)" "50,50,100,45.77,27.00,72.77,good" "head1, October: d 50, đ 50, e 100: 45.77 + 27 = 72.77"
# head2: P2's duties D2, D3, E1: A = C = 5, Q = 4 + 12 + 2 = 18,
# P = 3 + 12 + 4 = 19; d = 100 (off2 97.04, off2b 82.33), đ = 50 (D2 late),
# e = 50.  points = 70 (100 (20 + 18 + 19) / 20 + 200) / 600
#        = 70 × 485 / 600 = 56.583 → 56.58; + 29 = 85.58: good.
is "$(row 2026-10 head2 $COUNTS)" "3,5,3,5,1,1,100.00,90.00,95.00" "head2, October: the unit's duties: a 100, b 90, c 95"
is "$(row 2026-10 head2 $SCORE)" "100,50,50,56.58,29.00,85.58,good" "head2, October: 56.58 + 29 = 85.58"
# P2 in October: off2 excellent, off2b and head2 good: 20% of 2 is 0.
is "$(row 2026-10 off2 25-27)" "1,2,0" "P2, October: 1 excellent, 2 good, 0 allowed"

# --- the spreadsheet form (--excel, as every command that writes CSV) -----------

hexof() { od -An -tx1 | tr -d ' \n'; }
# xrow FILE PERIOD LOGIN FIELDS: a row of the Excel form in Vietnamese
# (';' between cells; the fields asked for hold no ';').
xrow() { tr -d '\r' <"$1" | awk -F';' -v p="$2" -v l="$3" '$1 == p && $2 == l' | cut -d';' -f"$4"; }
"$ROVIEC" --db "$DB" --as insp evaluate --month 2026-10 --excel >"$T/ev.csv"
ok $? "evaluate --excel writes the October sheets"
is "$(head -c 3 "$T/ev.csv" | hexof)" "efbbbf" "it starts with a UTF-8 byte order mark"
is "$(tr -cd '\r' <"$T/ev.csv" | wc -c)" "$(wc -l <"$T/ev.csv")" "every line ends in CR LF"
is "$(head -1 "$T/ev.csv" | tail -c +4 | tr -d '\r' | cut -d, -f1-7)" \
    'Period,Login,Name,Unit,Head,Assigned,"Assigned' \
    "in English: the headings for people, a comma between cells, a heading with a comma quoted"
is "$(tr -d '\r' <"$T/ev.csv" | awk -F, '$1 == "2026-10" && $2 == "off1"' | cut -d, -f12-14,18-21)" \
    "81.82,72.73,72.73,53.03,27.00,80.03,good" "and decimal points where commas separate"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" --as insp evaluate --month 2026-10 --excel >"$T/ev-vi.csv"
ok $? "and in Vietnamese"
is "$(head -c 3 "$T/ev-vi.csv" | hexof)" "efbbbf" "Vietnamese: the byte order mark"
is "$(tr -cd '\r' <"$T/ev-vi.csv" | wc -c)" "$(wc -l <"$T/ev-vi.csv")" "Vietnamese: CR LF"
is "$(head -1 "$T/ev-vi.csv" | tail -c +4 | tr -d '\r' | cut -d';' -f1-14)" \
    "Kỳ đánh giá;Tên đăng nhập;Tên;Đơn vị;Người đứng đầu;Được giao;Được giao (quy đổi);Đã hoàn thành;Đã hoàn thành (quy đổi);Bị trả lại để làm lại;Hoàn thành trễ hạn;a Tỷ lệ số lượng (%);b Tỷ lệ chất lượng (%);c Tỷ lệ tiến độ (%)" \
    "Vietnamese headings, a semicolon between cells"
is "$(head -1 "$T/ev-vi.csv" | tr -d '\r' | cut -d';' -f15-22)" \
    "d Kết quả của cơ quan, đơn vị (%);đ Tổ chức thực hiện nhiệm vụ (%);e Tập hợp, đoàn kết (%);Điểm kết quả thực hiện nhiệm vụ (70);Điểm tiêu chí chung (30);Tổng điểm;Xếp loại;Số kỳ có điểm" \
    "the scores' headings as the decree names them"
is "$(head -1 "$T/ev-vi.csv" | tr -d '\r' | awk -F';' '{ print NF }')" 28 "28 columns, as the plain CSV"
# The figures hand-computed above, with a decimal comma under ';'.
is "$(xrow "$T/ev-vi.csv" 2026-10 off1 6-14)" "4;5,5;3;4,5;1;1;81,82;72,73;72,73" \
    "off1: 5,5 converted, 4,5 done; a 81,82, b = c 72,73: decimal commas"
is "$(xrow "$T/ev-vi.csv" 2026-10 off1 18-21)" "53,03;27,00;80,03;good" \
    "off1: 53,03 + 27,00 = 80,03, good (words as stored, as every Excel form keeps them)"
is "$(xrow "$T/ev-vi.csv" 2026-10 head1 15-18)" "50;50;100;45,77" "head1: d, đ, e whole; 45,77 points"
like "$(tr -d '\r' <"$T/ev-vi.csv" | grep "^2026-10;off1;")" ";\"$A2 quality 1 9.09; $A2 progress 1 9.09\";$C1;" \
    "the deductions, holding ';', quoted whole"
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" --as insp evaluate --year 2026 --excel >"$T/ev-y.csv"
# The year (by month, as of 7 December): off1's October alone is scored
# (below: 53.03 + 27 = 80.03, good, 1 period).
is "$(xrow "$T/ev-y.csv" 2026 off1 18-22)" "53,03;27,00;80,03;good;1" \
    "the year's row: the average of the months scored, with decimal commas"
expect 1 "--excel with --format json is refused" --as insp evaluate --month 2026-10 --excel --format json
like "$err" "--excel writes CSV" "and says why"
expect 2 "--excel and --no-excel together: a usage error" --as insp evaluate --month 2026-10 --excel --no-excel
expect 1 "--format tsv is refused, not taken for a table" --as insp evaluate --month 2026-10 --format tsv
like "$err" "the sheets are written as table, csv or json, not 'tsv'" "and says which formats"
mkdir -p "$XDG_CONFIG_HOME/roviec"
printf 'excel = yes\n' >"$XDG_CONFIG_HOME/roviec/config"
"$ROVIEC" --db "$DB" --as insp evaluate --month 2026-10 --format csv >"$T/ev-c.csv"
is "$(head -c 3 "$T/ev-c.csv" | hexof)" "efbbbf" "excel = yes: evaluate --format csv is in the Excel form"
"$ROVIEC" --db "$DB" --as insp evaluate --month 2026-10 --format csv --no-excel >"$T/ev-c.csv"
is "$(head -c 12 "$T/ev-c.csv")" "period,login" "--no-excel: plain, for a script"
"$ROVIEC" --db "$DB" --as insp evaluate --month 2026-10 >"$T/ev-c.txt"
like "$(head -1 "$T/ev-c.txt")" "^Evaluation under Decree" "a table stays a table"
rm "$XDG_CONFIG_HOME/roviec/config"

expect 0 "the October sheets as a table" --as insp evaluate --month 2026-10
like "$out" "Over the limit of Article 20, clause 5" "the table names the units over the 20% limit"
like "$out" "P2: 1 rated excellent; 20% of the 2 rated good allows 0" "P2 is over it"
unlike "$out" "P1: [0-9]+ rated excellent" "P1 is not"
like "$out" "off1 +P1 +4 +5\\.5 +3 +4\\.5 +1 +1 +81\\.82% +72\\.73% +72\\.73% +53\\.03" "the table holds off1's figures"
like "$out" "off1 +$A2 +2026-10 +quality: sent back 1 time +9\\.09%" "and the duty behind each deduction"
like "$out" "off1: $C1" "and the duties not done"
like "$out" "Made .* at history entry [0-9]+, head [0-9a-f]{64}" "and the history head it was read at"

# --- November --------------------------------------------------------------------

expect 0 "the November sheets" --as insp evaluate --month 2026-11 --format csv
# off1 has nothing in November: C1 is off1c's since 2 November.
is "$(row 2026-11 off1 $COUNTS)" "0,0,0,0,0,0,,," "off1, November: nothing"
# off1b: B1 (1, delay) and B2 (1, the deadline missed before its
# extension): A = C = 2, Q = 8, P = 3 + 3 = 6: a = b = 100, c = 75;
# points = 70 (8 + 8 + 6) / 24 = 64.166 → 64.17; + 26 = 90.17: excellent.
is "$(row 2026-11 off1b $COUNTS)" "2,2,2,2,0,2,100.00,100.00,75.00" "off1b, November: B1 and B2 each one delay"
is "$(row 2026-11 off1b 18-21,23)" "64.17,26.00,90.17,excellent,$B1 progress 1 12.50; $B2 progress 1 12.50" \
    "off1b, November: 64.17 + 26 = 90.17; B1 and B2 each 12.5 off c"
# off1c: C1 (1, confirmed after its deadline) and C2 (0.5, on time):
# A = C = 1.5, Q = 6, P = 3 + 2 = 5: a = b = 100, c = 83.33;
# points = 70 (6 + 6 + 5) / 18 = 66.111 → 66.11; + 27.5 = 93.61: excellent.
is "$(row 2026-11 off1c $COUNTS)" "2,1.5,2,1.5,0,1,100.00,100.00,83.33" "off1c, November: C1 late, C2 on time"
is "$(row 2026-11 off1c 18-21)" "66.11,27.50,93.61,excellent" "off1c, November: 66.11 + 27.5 = 93.61"
# off2b: E2 due 30 Nov, open: a = b = c = 0; 0 + 20: not complete.
is "$(row 2026-11 off2b $COUNTS)" "1,1,0,0,0,0,0.00,0.00,0.00" "off2b, November: E2 not done"
is "$(row 2026-11 off2b 18-21,24)" "0.00,20.00,20.00,not-complete,$E2" "off2b, November: 20, not complete; E2 listed"
# off3: F1 on time: 70 points; + 26 = 96: excellent.
is "$(row 2026-11 off3 $COUNTS)" "1,2.25,1,2.25,0,0,100.00,100.00,100.00" "off3, November: F1 weighs 2.25"
is "$(row 2026-11 off3 18-21)" "70.00,26.00,96.00,excellent" "off3, November: 96, excellent"
# head1: P1's B1, B2, C1 (each one delay) and C2: A = C = 3.5, Q = 14,
# P = 3 + 3 + 3 + 2 = 11; d = 100 (off1b 90.17, off1c 93.61), đ = 50,
# e = 100.  points = 70 (100 (14 + 14 + 11) / 14 + 250) / 600
#        = 70 × 528.571 / 600 = 61.666 → 61.67; + 28 = 89.67: good.
is "$(row 2026-11 head1 $SCORE)" "100,50,100,61.67,28.00,89.67,good" "head1, November: 61.67 + 28 = 89.67"
# head2: P2's E2 only, due on the last day, not overdue: a = b = c = 0,
# d = 50 (off2b 20), đ = 100, e = 100: points = 70 × 250 / 600 = 29.166
# → 29.17; + 25 = 54.17: complete.
is "$(row 2026-11 head2 $SCORE)" "50,100,100,29.17,25.00,54.17,complete" "head2, November: 29.17 + 25 = 54.17"
# head3: F1: a = b = c = 100, d = 100 (off3 96), đ = 100; no cohesion
# entered: no points, no total.
is "$(row 2026-11 head3 $SCORE)" "100,100,,,,," "head3, November: waits for its cohesion"

# --- the year -----------------------------------------------------------------

expect 0 "the year 2026, by month" --as insp evaluate --year 2026 --format csv
# The year is the average of the months scored.
# off1: October only: 80.03, good.
is "$(row 2026 off1 18-22)" "53.03,27.00,80.03,good,1" "off1, 2026: one month scored, 80.03"
# off1b: (25 + 90.17) / 2 = 57.585 → 57.59: complete; points (0 + 64.17)/2 = 32.085 → 32.09.
is "$(row 2026 off1b 18-22)" "32.09,25.50,57.59,complete,2" "off1b, 2026: the average of 25 and 90.17"
# off1c: November only: 93.61.
is "$(row 2026 off1c 20-22)" "93.61,excellent,1" "off1c, 2026: 93.61"
# off2b: (82.33 + 20) / 2 = 51.165 → 51.17: complete.
is "$(row 2026 off2b 20-22)" "51.17,complete,2" "off2b, 2026: the average of 82.33 and 20"
# head1: (72.77 + 89.67) / 2 = 81.22: good.  head2: (85.58 + 54.17) / 2
# = 69.875 → 69.88: complete.
is "$(row 2026 head1 20-21)" "81.22,good" "head1, 2026: 81.22"
is "$(row 2026 head2 20-21)" "69.88,complete" "head2, 2026: 69.88"
# head3: November scored without a total: the year has none.
is "$(row 2026 head3 20-22)" ",,1" "head3, 2026: no total while a month lacks one"
# The months are rows too.
is "$(row 2026-10 off1 20)" "80.03" "the year's CSV holds the months"
# P1 in 2026: off1c excellent; off1 and head1 good: 20% of 2 is 0.
is "$(row 2026 off1 25-27)" "1,2,0" "P1, 2026: 1 excellent, 2 good, 0 allowed"
expect 0 "the year as a table" --as insp evaluate --year 2026 --unit DL
like "$out" "P1: 1 rated excellent; 20% of the 2 rated good allows 0" "P1 is over the 20% limit in 2026"
like "$out" "off1b +$B1 +2026-11 +progress: 1 deadline missed" "the year lists the duties behind the deductions"

expect 0 "the year by quarter" --as insp evaluate --year 2026 --by quarter --format csv
# The fourth quarter has all the duties: off1: A = 5.5 (A1, A2, A3, and
# C1 due in the quarter, done in it by off1c: off1c's).  So off1 has
# A1, A2, A3 done (4.5) and nothing else: a = b ... = as October without C1:
# a = 100, b = c = 100×16/18 = 88.89, points = 70×50/54 = 64.814 → 64.81.
is "$(row 2026-Q4 off1 $COUNTS)" "3,4.5,3,4.5,1,1,100.00,88.89,88.89" "off1, Q4: C1 was done within the quarter, by off1c"
is "$(row 2026-Q4 off1 18-20)" "64.81,,"  "off1, Q4: 64.81 points, no general criteria for the quarter"
is "$(row 2026 off1 18-22)" "64.81,,,,1" "off1, 2026 by quarter: the fourth quarter's points"

expect 0 "JSON" --as insp evaluate --month 2026-10 --format json
perl -MJSON::PP -e 'local $/; my $j = decode_json(<STDIN>);
	my ($o) = grep { $_->{login} eq "off1" } @$j or die "no off1\n";
	$o->{total} == 80.03 or die "total $o->{total}\n";
	$o->{rating} eq "good" or die "rating\n";
	$o->{quantity} == 81.82 or die "quantity\n";
	@{$o->{deductions}} == 2 or die "deductions\n";
	$o->{deductions}[0]{share_off} == 9.09 or die "share\n";
	$o->{not_done}[0]{ref} eq $ARGV[0] or die "not done\n";
	my ($h) = grep { $_->{login} eq "head1" } @$j or die "no head1\n";
	$h->{unit_results} == 50 && $h->{organising} == 50 && $h->{cohesion} == 100 or die "d đ e\n";
	$h->{total} == 72.77 or die "head1 total\n";' "$C1" <"$T/out"
ok $? "JSON carries the same figures, deductions and duties not done"

# --- who sees what ----------------------------------------------------------------

expect 0 "an officer sees their own sheet" --as off1 evaluate --month 2026-10 --format csv
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f2)" "off1" "and only theirs"
expect 1 "an officer asking for a colleague's sheet is refused" --as off1 evaluate --month 2026-10 --person off1b
like "$err" "your own sheet" "and told whose sheets they may see"
expect 1 "an officer asking for the unit's sheets is refused" --as off1 evaluate --month 2026-10 --unit P1
expect 0 "an officer may name themself" --as off1 evaluate --month 2026-10 --person off1 --format csv
is "$(printf '%s\n' "$out" | sed 1d | wc -l | tr -d ' ')" 1 "one sheet"
expect 0 "a head sees their unit's" --as head1 evaluate --month 2026-10 --format csv
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f2 | tr '\n' ' ')" "head1 off1 off1b off1c " "P1's officials"
expect 1 "a head asking for another unit's is refused" --as head1 evaluate --month 2026-10 --unit P2
expect 1 "or for an official of another unit" --as head1 evaluate --month 2026-10 --person off2
expect 0 "the city head sees every unit under the city" --as chutich evaluate --month 2026-10 --unit P2 --format csv
expect 0 "an inspector sees every sheet" --as insp evaluate --month 2026-10 --person off2 --format csv
is "$(row 2026-10 off2 20)" "97.04" "the same figures"
expect 0 "a head asking for one official shows that one" --as head1 evaluate --month 2026-10 --person head1 --format csv
is "$(row 2026-10 head1 15-21)" "50,50,100,45.77,27.00,72.77,good" "a head alone still gets d from the unit's officials"

# --- who enters what ----------------------------------------------------------------

expect 1 "an officer cannot enter general criteria" --as off1 evaluate set off1b --period 2026-10 --general 30 --reason "x"
expect 1 "nor can a head for another unit" --as head2 evaluate set off1 --period 2026-10 --general 30 --reason "x"
expect 1 "nor for themself" --as head1 evaluate set head1 --period 2026-10 --general 30 --reason "x"
expect 1 "a head of another unit cannot enter a head's: the head above does" \
    --as head2 evaluate set head1 --period 2026-11 --general 30 --cohesion 100 --reason "x"
expect 1 "an inspector cannot" --as insp evaluate set off1 --period 2026-10 --general 30 --reason "x"
expect 1 "cohesion is for heads only" --as head1 evaluate set off1 --period 2026-10 --general 27 --cohesion 100 --reason "x"
expect 1 "a period not begun is refused" --as head1 evaluate set off1 --period "$(date -d "+2 months" +%Y-%m)" --general 27 --reason "x"
expect 1 "a reason is required" --as head1 evaluate set off1 --period 2026-10 --general 27
expect 2 "the period and points are required" --as head1 evaluate set off1 --reason "x"
expect 1 "a year is not a period for general criteria" --as head1 evaluate set off1 --period 2026 --general 27 --reason "x"
expect 1 "a period after today is refused" --as insp evaluate --month "$(date -d "+2 months" +%Y-%m)"
expect 1 "a period before the decree is refused" --as insp evaluate --year 2025
like "$err" "applies from 1 January 2026" "and says when the decree applies from"
expect 1 "and general criteria for one" --as head1 evaluate set off1 --period 2025-12 --general 27 --reason "x"
expect 1 "two periods are refused" --as insp evaluate --month 2026-10 --year 2026
expect 1 "--unit with --person is refused" --as insp evaluate --unit P1 --person off1
expect 1 "--by without --year is refused" --as insp evaluate --month 2026-10 --by quarter

# --- the coefficient ------------------------------------------------------------------

G=$(duty off1 P1 2026-12-20)
ok $? "a duty with the default coefficient"
is "$(sqlite3 "$DB" "SELECT coefficient_x100 FROM duties WHERE ref = '$G'")" 100 "its coefficient is 1"
expect 1 "only its assigner edits it" --as head1 edit "$G" --coefficient 2
expect 0 "its assigner sets the coefficient" --as chutich edit "$G" --coefficient 1,25 --reason "Thêm một báo cáo"
is "$(sqlite3 "$DB" "SELECT coefficient_x100 FROM duties WHERE ref = '$G'")" 125 "it is 1.25"
is "$(sqlite3 "$DB" "SELECT h.detail || '|' || h.text FROM history h JOIN duties d ON d.id = h.duty_id
    WHERE d.ref = '$G' AND h.action = 'edited'")" \
    '{"field":"coefficient","from":"1","to":"1.25"}|Thêm một báo cáo' "the history has the old and the new value, and why"
expect 0 "show" show "$G"
like "$out" "coefficient +1\\.25" "show gives the coefficient"
like "$out" "edited by chutich .*\\(coefficient: 1 → 1\\.25\\): Thêm một báo cáo" "and the edit in the history"
expect 0 "show as JSON" show "$G" --format json
perl -MJSON::PP -e 'local $/; my $j = decode_json(<STDIN>); exit($j->{coefficient} == 1.25 ? 0 : 1)' <"$T/out"
ok $? "show --format json gives the coefficient as a number"
expect 1 "the same value again changes nothing" --as chutich edit "$G" --coefficient 1.25
expect 2 "edit needs something to change" --as chutich edit "$G"
expect 1 "a closed duty's coefficient no longer changes" --as chutich edit "$A1" --coefficient 3
expect 0 "the history chains, the duties agree with it" verify

expect 0 "export carries the coefficient" export
is "$(printf '%s\n' "$out" | head -1 | tr -d '\r' | awk -F, '{print $NF}')" coefficient "the last column is coefficient"
is "$(printf '%s\n' "$out" | awk -F, -v r="$A3" '$2 == r { print $NF }' | tr -d '\r')" "1.5" "A3's is 1.5"
cat >"$T/in.csv" <<EOF
title,lead,owner,deadline,result,basis,coefficient
Rà soát hồ sơ đất đai,P1,off1,+20,Báo cáo,Kế hoạch 5/KH,"2,5"
Kiểm tra vỉa hè,P1,off1,+20,Báo cáo,Kế hoạch 5/KH,
EOF
expect 0 "import reads the coefficient" import "$T/in.csv"
is "$(sqlite3 "$DB" "SELECT group_concat(coefficient_x100, ' ') FROM (SELECT coefficient_x100 FROM duties
    WHERE title IN ('Rà soát hồ sơ đất đai', 'Kiểm tra vỉa hè') ORDER BY id)")" "250 100" "2.5, and 1 when the cell is empty"
# The Excel form (issue #12's column table): in Vietnamese, ';' between
# cells and a decimal comma, "Hệ số quy đổi" as the heading; read back.
LANG=vi_VN.UTF-8 "$ROVIEC" --db "$DB" export --excel >"$T/excel.csv"
ok $? "export --excel"
is "$(head -1 "$T/excel.csv" | tr -d '\r' | awk -F';' '{print $22}')" "Hệ số quy đổi" "the Vietnamese heading of the coefficient"
is "$(tr -d '\r' <"$T/excel.csv" | awk -F';' -v r="$A3" '$2 == r { print $22 }')" "1,5" "A3's as 1,5, with a decimal comma"
printf 'title,lead,owner,deadline,result,basis,coefficient\nX,P1,off1,+20,R,B,11\n' >"$T/bad.csv"
run import "$T/bad.csv"
is "$rc" 1 "import refuses a coefficient out of bounds"
like "$err" "bad.csv:2: the coefficient \\(coefficient\\) is a number from 0.1 to 10" "and names the row and the bounds"

done_testing
