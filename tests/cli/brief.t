#!/bin/sh
# roviec brief (issue #11): what waits for one person, counted and listed,
# exactly what the list queries say waits, in both languages; looking at it
# (by hand, or opening the board) makes what came before not new; hostile
# titles come out inert.
. "$(dirname "$0")/lib.sh"
# Today in the server's zone (every test runs at TEST_NOW: tests/clock.sh).
TODAY=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-%d)
TODAY_VI=$(TZ=Asia/Ho_Chi_Minh date +%d/%m/%Y)

refs() { perl -MJSON::PP -0e 'my $d = decode_json(<STDIN>); print join(" ", sort map { $_->{ref} } grep { $_->{kind} eq $ARGV[0] } @{$d->{items}})' "$1"; }
count() { perl -MJSON::PP -0e 'my $d = decode_json(<STDIN>); print $d->{counts}{$ARGV[0]}' "$1"; }
list_refs() { run "$@" --format csv; printf '%s\n' "$out" | sed 1d | cut -d, -f1 | sort | tr '\n' ' ' | sed 's/ $//'; }
sql_refs() { sqlite3 "$DB" "$1" | sort | tr '\n' ' ' | sed 's/ $//'; }

# --- on the demo: a head, an officer, an assigner ---------------------------
DB="$T/demo.db"
"$ROVIEC" --db "$DB" init --demo >/dev/null
ok $? "the demo is made"

# The officer p1.nga: what they own, overdue and due soon; all of it new
# (they never looked); the part P1 owes as a supporting unit.
as p1.nga brief --format json
ok $rc "brief --format json for an officer"
j=$out
is "$(printf '%s' "$j" | refs overdue)" "$(list_refs list --owner p1.nga --flag overdue)" \
    "officer: overdue is list --owner p1.nga --flag overdue"
is "$(printf '%s' "$j" | refs due_soon)" "$(list_refs list --owner p1.nga --flag due-soon)" \
    "officer: due soon is list --owner p1.nga --flag due-soon"
is "$(printf '%s' "$j" | refs new)" "$(list_refs list --owner p1.nga --status open --status pending)" \
    "officer: never looked, so every open duty given to them is new"
is "$(printf '%s' "$j" | refs parts)" "$(sql_refs "SELECT d.ref FROM duty_support s JOIN duties d ON d.id = s.duty_id
    JOIN units u ON u.id = s.unit_id WHERE u.code = 'P1' AND s.delivered_on IS NULL AND d.status IN ('open', 'submitted')")" \
    "officer: the parts P1 owes, undelivered, of live duties"
is "$(printf '%s' "$j" | count overdue)" 5 "officer: 5 overdue (the demo's)"
is "$(printf '%s' "$j" | count proposals)$(printf '%s' "$j" | count confirm)" "00" "an officer answers no proposal and confirms nothing"

# The assigner dl.truong (who also heads the city): results to confirm,
# extension requests, proposals to the city, returns to him.
as dl.truong brief --format json
j=$out
is "$(printf '%s' "$j" | refs confirm)" "$(list_refs list --assigner dl.truong --status submitted)" \
    "assigner: to confirm is list --assigner dl.truong --status submitted"
is "$(printf '%s' "$j" | refs extensions)" "$(sql_refs "SELECT d.ref FROM duties d JOIN extensions x ON x.duty_id = d.id
    JOIN people a ON a.id = d.assigner_id WHERE x.state = 'pending' AND a.login = 'dl.truong'")" \
    "assigner: the extension requests on what he assigned"
pend=$(list_refs list --assigner dl.truong --status pending)
for r in $(printf '%s' "$j" | refs extensions); do
	case " $pend " in *" $r "*) ok 0 "assigner: $r is among list --assigner dl.truong --status pending" ;;
	*) ok 1 "assigner: $r is among list --assigner dl.truong --status pending" ;; esac
done
is "$(printf '%s' "$j" | refs proposals)" "$(sql_refs "SELECT d.ref FROM duties d JOIN handoffs h ON h.duty_id = d.id
    AND h.state = 'pending' WHERE h.to_unit_id = (SELECT id FROM units WHERE code = 'DL')
    OR (h.kind = 'return' AND d.assigner_id = (SELECT id FROM people WHERE login = 'dl.truong'))")" \
    "head of the city: the proposals to DL and the duties returned to him"
test "$(printf '%s' "$j" | count proposals)" -gt 0 && test "$(printf '%s' "$j" | count confirm)" -gt 0 &&
    test "$(printf '%s' "$j" | count extensions)" -gt 0
ok $? "the assigner has proposals, results and requests waiting"

# A ward's head (p3.vy heads P3): the proposals to P3.
as p3.vy brief --format json
j=$out
is "$(printf '%s' "$j" | refs proposals)" "$(sql_refs "SELECT d.ref FROM duties d JOIN handoffs h ON h.duty_id = d.id
    WHERE h.state = 'pending' AND h.to_unit_id = (SELECT id FROM units WHERE code = 'P3')")" \
    "head of P3: the proposals waiting for P3"
test "$(printf '%s' "$j" | count proposals)" -ge 1
ok $? "head of P3: at least one proposal"
run --as p1.hoang brief --format json
is "$(printf '%s' "$out" | count proposals)" 0 "an officer of a unit does not answer its proposals"

# In both languages: the same refs, the labels of each.
for lang in vi_VN.UTF-8 C.UTF-8; do
	LANG=$lang LC_ALL= LANGUAGE= run --as dl.truong brief
	ok $rc "brief as text in $lang"
	for r in $(printf '%s' "$j" | refs confirm); do
		like "$out" "$r" "$lang: lists $r"
	done
	if [ "$lang" = C.UTF-8 ]; then
		like "$out" "results to confirm: 3" "English: the counts by kind"
		like "$out" "^What waits for Ngô Quang Trường \(dl.truong\), $TODAY" "English: the heading"
	else
		like "$out" "$(vi_of "results to confirm"): 3" "Vietnamese: the counts by kind"
		like "$out" "$(vi_of "What waits for ")Ngô Quang Trường \(dl.truong\), $TODAY_VI" "Vietnamese: the heading, the day as DD/MM/YYYY"
	fi
done

# --- looking -----------------------------------------------------------------
DB="$T/roviec.db"
fixture_city
ok $? "a small city"
# Given an hour before off1 looks: what comes in the very second one looks
# counts as new (brief.c), so the look must come later, however fast.
A=$(faketime "$(date -d '-1 hour' '+%Y-%m-%d %H:%M:%S')" "$ROVIEC" --db "$DB" --as chutich \
    add "Giải quyết đơn thư khiếu nại đất đai" --lead P1 --owner off1 --due +30 \
    --result "Báo cáo kết quả giải quyết" --basis "Công văn số 2763-CV/BNCTU")
as off1 brief --format json
is "$(printf '%s' "$out" | refs new)" "$A" "a duty given to off1 is new to them"
as off1 brief --format json
is "$(printf '%s' "$out" | refs new)" "$A" "JSON is a peek: still new"
is "$(sqlite3 "$DB" "SELECT count(*) FROM people_seen")" 0 "nothing recorded by a peek"
as off1 brief
like "$out" "$A" "brief by hand lists it"
is "$(sqlite3 "$DB" "SELECT p.login || ' ' || s.language FROM people_seen s JOIN people p ON p.id = s.person_id")" \
    "off1 en" "brief by hand records that off1 looked, in English"
as off1 brief --format json
is "$(printf '%s' "$out" | count new)" 0 "after looking, it is not new"
B=$(faketime "$(date -d '+1 hour' '+%Y-%m-%d %H:%M:%S')" "$ROVIEC" --db "$DB" --as chutich add "Báo cáo tháng" --lead P1 --owner off1 \
    --due +20 --result "Báo cáo" --basis "Kế hoạch 1/KH")
faketime "$(date -d '+2 hours' '+%Y-%m-%d %H:%M:%S')" "$ROVIEC" --db "$DB" --as off1 brief --format json >"$T/j"
is "$(refs new <"$T/j")" "$B" "a duty given later is new"
C=$(faketime "$(date -d '+3 hours' '+%Y-%m-%d %H:%M:%S')" "$ROVIEC" --db "$DB" --as head1 add "Tự giao" --lead P1 --owner head1 \
    --due +20 --result "Báo cáo" --basis "Kế hoạch 1/KH" 2>/dev/null)
faketime "$(date -d '+4 hours' '+%Y-%m-%d %H:%M:%S')" "$ROVIEC" --db "$DB" --as head1 brief --format json >"$T/j"
unlike "$(refs new <"$T/j")" "${C:-none}" "a duty one gives oneself is not new to oneself"
expect 0 "nothing waits: one line" --as off3 brief
is "$out" "Nothing waits for Bùi Thị Thu (off3), $TODAY." "saying so"
expect 1 "--format csv is not a brief's" brief --format csv
expect 2 "brief takes no argument" brief x

# --- many waiting: counted whole, the first ten listed -----------------------
# roviec brief counts each kind from its own index and reads the rows of
# the first ten only (store_waiting): the counts must still be whole.
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	R=$(TITLE="Báo cáo số $i" OWNER=off1b DUE=+$((i + 40)) new_duty) &&
	    "$ROVIEC" --db "$DB" --as off1b done "$R" --note "Đã gửi" >/dev/null || echo "# duty $i failed"
done
run --as chutich brief --format json
is "$(printf '%s' "$out" | count confirm)" 12 "twelve results for chutich to confirm, counted"
is "$(printf '%s' "$out" | refs confirm | wc -w)" 12 "and all twelve listed in JSON"
as chutich brief
like "$out" "results to confirm: 12" "brief by hand counts all twelve"
is "$(printf '%s\n' "$out" | grep -c 'confirm  *P1-')" 10 "and lists ten of them"
like "$out" "\\.\\.\\. and 2 more: roviec brief --format json lists them all" "saying two more wait"
first=$(printf '%s\n' "$out" | grep -m1 'confirm  *P1-' | awk '{print $2}')
is "$first" "$(printf '%s' "$(as chutich brief --format json; printf '%s' "$out")" | perl -MJSON::PP -0e 'my @c = grep { $_->{kind} eq "confirm" } @{decode_json(<STDIN>)->{items}}; print $c[0]{ref}')" \
    "the soonest deadline first, as JSON orders them"

# The parts a unit owes follow their duty's status (the schema keeps it
# beside each part: migration 12): closed, they are owed no more; reopened,
# owed again.
P=$(OWNER=off1b new_duty --support P3:"Số liệu dân cư")
run --as head3 brief --format json
is "$(printf '%s' "$out" | refs parts)" "$P" "P3 owes its part of $P"
as off1b done "$P" --note "Xong" && as chutich confirm "$P"
ok $rc "$P is done and confirmed, the part never delivered"
run --as head3 brief --format json
is "$(printf '%s' "$out" | count parts)" 0 "a closed duty's part is owed no more"
as chutich reopen "$P" --reason "Thiếu số liệu của Phường 3"
run --as head3 brief --format json
is "$(printf '%s' "$out" | refs parts)" "$P" "reopened, it is owed again"
as chutich cancel "$P" --reason "Không còn cần"
run --as head3 brief --format json
is "$(printf '%s' "$out" | count parts)" 0 "cancelled, owed no more"
expect 0 "and verify finds every part's record of its duty right" verify

# Many parts owed: the first ten are read soonest deadline first from the
# index that keeps each part's deadline (migration 14), ties of a day by
# reference, exactly as the duties' own order gives them; an extension
# approved moves the part with its duty.
owed_sql="SELECT d.ref FROM duty_support s JOIN duties d ON d.id = s.duty_id
    JOIN units u ON u.id = s.unit_id WHERE u.code = 'P2' AND s.delivered_on IS NULL
    AND d.status IN ('open', 'submitted') ORDER BY d.deadline, d.ref"
for due in +71 +69 +61 +65 +69 +62 +66 +63 +70 +64 +69 +67 +68; do
	OWNER=off1b DUE=$due new_duty --support P2:"Số liệu" >/dev/null || echo "# a duty due $due failed"
done
shown() { printf '%s\n' "$out" | awk '$1 == "part" { print $2 }' | tr '\n' ' ' | sed 's/ $//'; }
as head2 brief
is "$(shown)" "$(sqlite3 "$DB" "$owed_sql LIMIT 10" | tr '\n' ' ' | sed 's/ $//')" \
    "the ten soonest parts, in the duties' order, ties on the tenth's day by reference"
like "$out" "parts your unit owes: 13" "all thirteen counted"
run --as head2 brief --format json
is "$(printf '%s' "$out" | perl -MJSON::PP -0e 'print join(" ", map { $_->{ref} } grep { $_->{kind} eq "parts" } @{decode_json(<STDIN>)->{items}})')" \
    "$(sqlite3 "$DB" "$owed_sql" | tr '\n' ' ' | sed 's/ $//')" "JSON lists all thirteen, in that order"
X=$(sqlite3 "$DB" "$owed_sql LIMIT 1")
as off1b extend "$X" "$(date -d '+200 days' +%Y-%m-%d)" --reason "Chờ số liệu của tỉnh" &&
    as chutich approve "$X"
ok $rc "the soonest part's duty is extended by 200 days"
as head2 brief
is "$(shown)" "$(sqlite3 "$DB" "$owed_sql LIMIT 10" | tr '\n' ' ' | sed 's/ $//')" \
    "its part moves with the new deadline"
unlike "$(shown)" "$X" "out of the first ten"
expect 0 "verify finds every part's deadline kept right" verify

# --- hostile titles ------------------------------------------------------------
while IFS="$(printf '\t')" read -r name hex _; do
	case "$name" in ''|\#*|name) continue ;; esac
	text=$(printf '%s' "$hex" | perl -ne 'chomp; print pack("H*", $_)')
	R=$(TITLE=$text OWNER=off1b DUE=+1 new_duty 2>/dev/null) || continue
	# JSON first: it only peeks, where brief by hand looks.
	run --as off1b brief --format json
	printf '%s' "$out" | perl -MJSON::PP -0e 'decode_json(<STDIN>)' 2>/dev/null
	ok $? "title '$name': the JSON parses"
	like " $(printf '%s' "$out" | refs new) " " $R " "title '$name': its duty is listed, new"
	run --as off1b brief
	unlike "$out" "$(printf '[\001-\010\013-\037\177]')" "title '$name': brief prints no raw control character"
	unlike "$out" "$(printf '\302[\200-\237]')" "title '$name': nor a C1 control"
done < "$FIXTURES/text-cases.tsv"

done_testing
