#!/bin/sh
# PRODUCT.md rule 5: tampering with the history behind the program's back is
# detectable.  Each entry is chained to the one before by a SHA-256 hash and
# sealed with the ledger's key (HMAC-SHA256, issue 14): roviec verify names
# the first entry changed, removed or inserted, even one made with a correct
# hash, and prints the head hash an inspector notes and checks later.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)

fixture_city
ok $? "a small city is set up"
a=$(new_duty --support P2:"Cung cấp hồ sơ")
b=$(new_duty)
# An extension answered before its duty moves: the request keeps the new
# lead unit (migration 18), though an answered request never changes else.
as off1 extend "$a" +45 --reason "Chờ ý kiến Sở Tài nguyên"
as chutich approve "$a"
as off1 transfer "$a" P3 --reason "Thuộc địa bàn P3"
as head3 accept "$a" --owner off3
as off1 progress "$b" --note "Đã làm việc với hộ dân"
ok $rc "some history is made"
is "$(sqlite3 "$DB" "SELECT u.code FROM extensions x JOIN units u ON u.id = x.lead_unit_id
    JOIN duties d ON d.id = x.duty_id WHERE d.ref = '$a'")" P3 \
    "the answered request keeps its duty's new lead unit"
if sqlite3 "$DB" "UPDATE extensions SET reason = 'sửa' WHERE duty_id = (SELECT id FROM duties WHERE ref = '$a')" 2>/dev/null; then
	ok 1 "an answered request's reason still cannot be changed"
else
	ok 0 "an answered request's reason still cannot be changed"
fi

# The evaluation's evidence (migration 9), which verify replays as well: a
# coefficient given, corrected and the correction undone; an extension
# approved after the deadline it moved had passed (a deadline missed); an
# owner who took the duty by a transfer; a head's general criteria.  Done
# in the days before, each at its own moment.
past() {
	_when=$(date -d "@$(( $(date +%s) - $1 ))" '+%Y-%m-%d %H:%M:%S')
	shift
	faketime "$_when" "$ROVIEC" --db "$DB" "$@" 2>"$T/past.err" ||
	    { echo "# $*: $(cat "$T/past.err")" >&2; return 1; }
}
day=86400
c=$(past $(( 20 * day )) --as chutich add "Kiểm tra công trình xây dựng" --lead P1 --owner off1 \
    --due +5 --result "Biên bản kiểm tra" --basis "Kế hoạch số 12/KH-UBND" --coefficient 1,5) &&
    past $(( 18 * day )) --as off1 extend "$c" +30 --reason "Chờ kết quả đo đạc" >/dev/null &&
    past $(( 10 * day )) --as chutich approve "$c" >/dev/null &&
    past $(( 9 * day )) --as chutich edit "$c" --coefficient 2 --reason "Thêm hạng mục" >/dev/null &&
    past $(( 9 * day - 180 )) --as chutich undo "$c" >/dev/null &&
    past $(( 8 * day )) --as off1 transfer "$c" P2 --reason "Thuộc địa bàn P2" >/dev/null &&
    past $(( 7 * day )) --as head2 accept "$c" --owner off2 >/dev/null
ok $? "a duty of coefficient 1,5, extended late, corrected and undone, moved to P2"
is "$(sqlite3 "$DB" "SELECT coefficient_x100, deadlines_missed, owner_since = (SELECT max(at) FROM history h
    WHERE h.duty_id = d.id AND h.action = 'accepted') FROM duties d WHERE ref = '$c'")" "150|1|1" \
    "it keeps coefficient 1,5, one deadline missed, and the moment off2 took it"
period=$(date +%Y-%m)
as head1 evaluate set off1 --period "$period" --general 27,5 --reason "Chấp hành tốt kỷ luật" &&
    as head1 evaluate set off1 --period "$period" --general 28 --reason "Sửa: bổ sung thành tích" &&
    as head1 evaluate set off1b --period "$period" --general 25 --reason "Còn chậm trễ"
ok $? "general criteria entered for off1 (twice: the last stands) and off1b"

e=$(new_duty --support P3:"Số liệu đo đạc" --support P2:"Ý kiến") &&
    "$ROVIEC" --db "$DB" --as off3 deliver "$e" --note "Đã gửi số liệu" >/dev/null &&
    "$ROVIEC" --db "$DB" --as off1 done "$e" --note "Đã hoàn thành" >/dev/null
ok $? "a duty done with one part delivered and one not"
f=$(new_duty) && "$ROVIEC" --db "$DB" --as off1 escalate "$f" --reason "Vượt thẩm quyền của phường" >/dev/null
ok $? "a duty escalated"

n=$(sqlite3 "$DB" "SELECT count(*) FROM history")
is "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE length(hash) = 64")" "$n" \
    "every entry carries its hash"
is "$(sqlite3 "$DB" "SELECT max(id) = count(*) FROM history")" 1 "entries are numbered 1, 2, ... without gaps"

expect 0 "an untouched database verifies" verify
like "$out" "intact: $n entries" "and says how many entries were checked"
head=$(printf '%s\n' "$out" | sed -n 's/^Head: //p')
like "$head" '^[0-9a-f]{64}$' "and prints the head hash"
is "$head" "$(sqlite3 "$DB" "SELECT hash FROM history ORDER BY id DESC LIMIT 1")" \
    "the head is the last entry's hash"
as insp verify
ok $rc "an inspector may verify"

# The noted head, checked later, with entries added since.
as off1 progress "$b" --note "Đã đo đạc lại thửa đất"
expect 0 "a noted head is found again" verify "$(printf %s "$head" | cut -c1-16)"
like "$out" "is entry $n; 1 entries were added since" "with the entries added since it"
expect 0 "a noted head in capitals is found too" verify "$(printf %s "$head" | tr a-f A-F)"
expect 1 "a hash that was never the head is refused" verify 0123456789abcdef
like "$err" "not in the history" "and says the noted head is not in the history"
expect 1 "a noted head that is not hexadecimal is refused" verify "đùn đẩy"
expect 1 "a noted head shorter than 16 digits is refused (8 could be forged)" verify "$(printf %s "$head" | cut -c1-12)"
expect 2 "verify takes at most one hash" verify "$head" "$head"

# The schema itself refuses the simple edits.
if sqlite3 "$DB" "UPDATE history SET text = 'sửa' WHERE id = 3" 2>/dev/null; then ok 1 "an entry cannot be edited with the triggers in place"; else ok 0 "an entry cannot be edited with the triggers in place"; fi
if sqlite3 "$DB" "UPDATE history SET hash = '$head' WHERE id = 3" 2>/dev/null; then ok 1 "a hash cannot be rewritten"; else ok 0 "a hash cannot be rewritten"; fi
if sqlite3 "$DB" "INSERT INTO history (at, actor_id, action) VALUES ('2026-01-01T00:00:00Z', 1, 'x')" 2>/dev/null; then ok 1 "an entry without a hash cannot be inserted"; else ok 0 "an entry without a hash cannot be inserted"; fi
expect 0 "the refused edits left the history intact" verify

# tamper NAME SQL: on a copy, with the triggers dropped, as someone with the
# sqlite3 shell would; sets $DB to the copy.
GOOD=$DB
tamper() {
	DB="$T/tampered-$1.db"
	rm -f "$DB"
	sqlite3 "$GOOD" ".backup '$DB'"
	cp "$GOOD.key" "$DB.key"
	sqlite3 "$DB" "DROP TRIGGER history_no_update; DROP TRIGGER history_no_delete;
	    DROP TRIGGER history_hash_once; DROP TRIGGER history_needs_hash;
	    DROP TRIGGER history_seal_once; DROP TRIGGER history_needs_seal; $2" ||
	    echo "# the tampering itself failed: $2"
}
mid=$(( n / 2 ))

tamper edit "UPDATE history SET text = 'Đã hoàn thành' WHERE id = $mid"
expect 1 "an entry edited behind roviec's back fails verify" verify
like "$err" "entry $mid \(.*\) does not match its hash" "naming that entry"
like "$err" "intact up to entry $(( mid - 1 ))" "and how far the history is intact"

tamper reword "UPDATE history SET at = '2026-01-01T00:00:00Z' WHERE id = $mid"
expect 1 "a moved time fails verify" verify
like "$err" "entry $mid " "naming that entry"

tamper rehash "UPDATE history SET text = 'x', hash = '$(printf '%064d' 0)' WHERE id = $mid"
expect 1 "an entry edited with a made-up hash fails verify" verify
like "$err" "entry $mid " "naming that entry"

tamper delete "DELETE FROM history WHERE id = $mid"
expect 1 "an entry deleted behind roviec's back fails verify" verify
like "$err" "entry $mid, before entry $(( mid + 1 )) .*is missing" "naming the missing entry"

tamper delete2 "DELETE FROM history WHERE id IN ($mid, $(( mid + 1 )))"
expect 1 "two deleted entries fail verify" verify
like "$err" "entries $mid to $(( mid + 1 )), before entry $(( mid + 2 ))" "naming both"

tamper renumber "DELETE FROM history WHERE id = $mid; UPDATE history SET id = id - 1 WHERE id > $mid"
expect 1 "a deletion hidden by renumbering fails verify" verify
like "$err" "entry $mid " "naming the first renumbered entry"

tamper insert "INSERT INTO history (at, actor_id, action, text) VALUES ('2026-01-01T00:00:00Z', 1, 'progress', 'giả')"
expect 1 "an entry inserted without a hash fails verify" verify
like "$err" "entry $(( n + 2 )) .*has no hash" "naming the inserted entry"

tamper forge "INSERT INTO history (at, actor_id, action, text, hash) VALUES ('2026-01-01T00:00:00Z', 1, 'progress', 'giả', '$head')"
expect 1 "an entry inserted with a copied hash fails verify" verify
like "$err" "entry $(( n + 2 )) .*does not match" "naming the inserted entry"

tamper login "UPDATE people SET login = 'someone' WHERE login = 'off1'"
expect 1 "a person's login changed behind roviec's back fails verify" verify
first=$(sqlite3 "$GOOD" "SELECT min(h.id) FROM history h JOIN people p ON p.id IN (h.actor_id, h.via_id, h.from_owner_id, h.to_owner_id) WHERE p.login = 'off1'")
like "$err" "entry $first " "naming the first entry that person appears in"

tamper uuid "DROP TRIGGER duties_keep_identity; UPDATE duties SET uuid = '00000000-0000-4000-8000-000000000000' WHERE ref = '$b'"
expect 1 "a duty's uuid changed behind roviec's back fails verify" verify
like "$err" "\($b " "naming an entry of that duty"

tamper ghost "UPDATE history SET via_id = 9999 WHERE id = $mid"
expect 1 "an entry pointed at a person who does not exist (yet) fails verify" verify
like "$err" "entry $mid " "naming that entry"

# An entry changed and every hash after it rebuilt with the published
# encoding (here with perl's Digest::SHA), as anyone who can write the file
# can: the chain is whole again, but the seals need the ledger's key.
rehash() {	# rehash [FROM]: rebuilds every hash from entry FROM (default 1)
sqlite3 -json "$DB" "SELECT h.id, d.uuid, h.at, a.login AS actor, v.login AS via, h.action,
    fu.code AS fu, tu.code AS tu, fo.login AS fo, tp.login AS tp, h.text, h.detail, h.data, h.hash,
    ifnull(h.duty_id, 0) AS i1, h.actor_id AS i2, ifnull(h.via_id, 0) AS i3,
    ifnull(h.from_unit_id, 0) AS i4, ifnull(h.to_unit_id, 0) AS i5,
    ifnull(h.from_owner_id, 0) AS i6, ifnull(h.to_owner_id, 0) AS i7
    FROM history h LEFT JOIN duties d ON d.id = h.duty_id LEFT JOIN people a ON a.id = h.actor_id
    LEFT JOIN people v ON v.id = h.via_id LEFT JOIN units fu ON fu.id = h.from_unit_id
    LEFT JOIN units tu ON tu.id = h.to_unit_id LEFT JOIN people fo ON fo.id = h.from_owner_id
    LEFT JOIN people tp ON tp.id = h.to_owner_id ORDER BY h.id" |
perl -MJSON::PP -MDigest::SHA=sha256_hex -e '
	my $rows = decode_json(join "", <STDIN>);
	my $from = $ARGV[0];
	sub n { pack "Q>", shift } sub str { my $s = shift; defined $s ? "S" . n(length $s) . $s : "N" }
	my $prev = "";
	for my $r (@$rows) {
		if ($r->{id} < $from) { $prev = $r->{hash}; next }
		my $m = "roviec history v1
" . n($r->{id}) . str($prev);
		utf8::encode($_) for grep { defined } @$r{qw(uuid at actor via action fu tu fo tp text detail data)};
		$m .= str($r->{$_}) for qw(uuid at actor via action fu tu fo tp text detail);
		$m .= n($r->{$_}) for qw(i1 i2 i3 i4 i5 i6 i7);
		$m .= str($r->{data}) if defined $r->{data};
		$prev = sha256_hex($m);
		print "UPDATE history SET hash = \x27$prev\x27 WHERE id = $r->{id};\n";
	}' "${1:-1}" > "$T/rehash.sql"
sqlite3 "$DB" < "$T/rehash.sql"
}
tamper rebuilt "UPDATE history SET text = 'Đã hoàn thành đúng hạn' WHERE id = $mid"
rehash
expect 1 "a change with every later hash rebuilt fails verify: its seal needs the ledger's key" verify
like "$err" "entry $mid .*is not sealed with the ledger's key" "naming the changed entry"
like "$err" "intact up to entry $(( mid - 1 ))" "and how far the history is intact"
expect 1 "the head noted before the change no longer verifies either" verify "$head"
# (That only the seal fails shows the encoding above is the one roviec uses.)
tamper rehashed-only "SELECT 1"
rehash
expect 0 "every hash rebuilt with nothing changed: the encoding above is roviec's" verify

# Issue 14: anyone who can write the file could append an entry with its
# correct SHA-256; without the key it has no valid seal.
tamper forged "INSERT INTO history (id, at, actor_id, action, text, data, hash, seal)
    SELECT max(id) + 1, '2026-12-07T03:00:00Z', 1, 'progress', 'giả', '{}', '$(printf '%064d' 0)', '$(printf '%064d' 0)' FROM history;
    UPDATE history SET duty_id = (SELECT id FROM duties WHERE ref = '$b') WHERE id = $(( n + 2 ))"
rehash $(( n + 2 ))
expect 1 "an entry appended with its correct hash but no key fails verify" verify
like "$err" "entry $(( n + 2 )) \($b progress.*is not sealed with the ledger's key" "naming the forged entry"
tamper forged-unsealed "INSERT INTO history (id, duty_id, at, actor_id, action, text, data, hash)
    SELECT max(id) + 1, (SELECT id FROM duties WHERE ref = '$b'), '2026-12-07T03:00:00Z', 1, 'progress', 'giả', '{}', '$(printf '%064d' 0)' FROM history"
rehash $(( n + 2 ))
expect 1 "and one appended with its hash and no seal at all" verify
like "$err" "entry $(( n + 2 )) .*has no seal" "naming it"
DB=$GOOD
expect 0 "the real database still has its noted head" verify "$head"

tamper truncate "DELETE FROM history WHERE id > $mid"
expect 1 "entries removed from the end: the duties hold what only they said" verify
like "$err" "the database was altered: " "so verify says the database was altered"
expect 1 "entries removed from the end fail verify" verify
expect 1 "but the head noted before no longer verifies" verify "$head"
like "$err" "the database was altered: .*; and the noted head [0-9a-f]{64} is not in the history: entries were removed or rewritten" \
    "which says the database disagrees with its history, and entries were removed or rewritten"

# What the report counts is held by the duties; verify checks that the
# history accounts for it (no trigger needs dropping for these).
tamper doneon "UPDATE duties SET status = 'submitted', done_on = date('now', '-40 days') WHERE ref = '$b'"
expect 1 "a duty marked done behind roviec's back fails verify" verify
like "$err" "duty $b holds status 'submitted' where its history says 'open'" "naming the duty and what its history says"
DB=$GOOD
as off1 done "$b" --note "Hoàn thành"
ok $rc "(on the real database $b is submitted as done)"
tamper doneday "UPDATE duties SET done_on = '2020-01-01' WHERE ref = '$b'"
expect 1 "a day of completion moved behind roviec's back fails verify" verify
like "$err" "duty $b holds day it was done '2020-01-01' where its history says '[0-9-]{10}'" "naming the day the history gives"
tamper owner "UPDATE duties SET owner_id = (SELECT id FROM people WHERE login = 'off1b') WHERE ref = '$b'"
expect 1 "an owner changed behind roviec's back fails verify" verify
like "$err" "duty $b holds owner 'off1b' where its history says 'off1'" "naming both owners"
tamper deadline "DROP TRIGGER duties_keep_identity; UPDATE duties SET deadline = '2099-01-01', original_deadline = '2099-01-01' WHERE ref = '$b'"
expect 1 "a deadline moved behind roviec's back fails verify" verify
like "$err" "deadline" "naming the deadline"
tamper delivered "UPDATE duty_support SET delivered_on = date('now') WHERE duty_id = (SELECT id FROM duties WHERE ref = '$a')"
expect 1 "a supporting unit's delivery made up behind roviec's back fails verify" verify
like "$err" "holds day delivered of P2's part" "naming the part"
tamper live "UPDATE duty_support SET live = 0 WHERE duty_id = (SELECT id FROM duties WHERE ref = '$a')"
expect 1 "a part marked as owed no more behind roviec's back fails verify" verify
like "$err" "holds owed while the duty is open of P2's part 'no' where its history says 'yes'" "naming the part and what its duty's status says"
tamper part_deadline "UPDATE duty_support SET deadline = '2099-12-31' WHERE duty_id = (SELECT id FROM duties WHERE ref = '$a')"
expect 1 "a part's kept deadline moved behind roviec's back fails verify" verify
like "$err" "holds deadline kept with the part of P2's part '2099-12-31' where its history says '[0-9-]{10}'" "naming the part and its duty's deadline"
# What says whether a part counts in a report (migration 16), each kept
# beside the part: moved by hand, verify names it.
for kept in "duty_created_at|'2020-01-01T00:00:00Z'|moment made" \
    "duty_original_deadline|'2099-12-31'|original deadline" \
    "duty_done_on|'2020-01-01'|day done" "duty_cancelled_on|'2020-01-01'|day cancelled"; do
	col=${kept%%|*} rest=${kept#*|}
	value=${rest%%|*} what=${rest#*|}
	tamper "part_$col" "UPDATE duty_support SET $col = $value WHERE duty_id = (SELECT id FROM duties WHERE ref = '$a')"
	expect 1 "a part's kept $what changed behind roviec's back fails verify" verify
	like "$err" "holds $what kept with the part of P2's part" "naming the part and the $what"
done
tamper request_lead "UPDATE extensions SET lead_unit_id = (SELECT id FROM units WHERE code = 'P2') WHERE duty_id = (SELECT id FROM duties WHERE ref = '$a')"
expect 1 "a request's kept lead unit changed behind roviec's back fails verify" verify
like "$err" "holds copy of the lead unit of extension request 1 'P2' where its history says 'P3'" "naming the request and both units"
# The report's figures of duties done by day (migration 17), kept by the
# schema's triggers: changed, removed or made up by hand, verify counts
# them again from the duties and names the unit and the day.
is "$(sqlite3 "$GOOD" "SELECT count(*) > 0 FROM report_done_days")" 1 "the good database has duties done, counted by day"
tamper done_days "UPDATE report_done_days SET on_time = on_time + 1
    WHERE (unit_id, day, handoffs) = (SELECT unit_id, day, handoffs FROM report_done_days LIMIT 1)"
expect 1 "a day's figures changed behind roviec's back fail verify" verify
like "$err" "unit [A-Z0-9]+ holds duties done, on time, late, bounced, kept for the report '[0-9-]{10}, [0-9]+ handoffs: [0-9/]+' where its history says '[0-9-]{10}, [0-9]+ handoffs: [0-9/]+'" \
    "naming the unit, the day and both counts"
tamper done_days_gone "DELETE FROM report_done_days
    WHERE (unit_id, day, handoffs) = (SELECT unit_id, day, handoffs FROM report_done_days LIMIT 1)"
expect 1 "a day's figures removed behind roviec's back fail verify" verify
like "$err" "kept for the report '[0-9-]{10}, [0-9]+ handoffs: -' where" "showing none kept"
tamper done_days_made "INSERT INTO report_done_days VALUES ((SELECT min(id) FROM units), '2020-02-02', 0, 5, 5, 0, 0)"
expect 1 "a day's figures made up behind roviec's back fail verify" verify
like "$err" "'2020-02-02, 0 handoffs: 5/5/0/0' where its history says '2020-02-02, 0 handoffs: -'" "showing none counted"
# The evaluation's evidence, kept in the duty and the table of general
# criteria: changed by hand, verify names what the history says.
tamper coefficient "UPDATE duties SET coefficient_x100 = 300 WHERE ref = '$c'"
expect 1 "a coefficient raised behind roviec's back fails verify" verify
like "$err" "duty $c holds conversion coefficient '3' where its history says '1.5'" \
    "naming the coefficient the history gave, its correction undone"
tamper missed "UPDATE duties SET deadlines_missed = 0 WHERE ref = '$c'"
expect 1 "a missed deadline wiped behind roviec's back fails verify" verify
like "$err" "duty $c holds deadlines missed '0' where its history says '1'" \
    "counting the extension approved after its deadline"
tamper owner_since "UPDATE duties SET owner_since = '2020-01-01T00:00:00Z' WHERE ref = '$c'"
expect 1 "the moment its owner took it moved behind roviec's back fails verify" verify
like "$err" "duty $c holds owner since '2020-01-01T00:00:00Z' where its history says '[0-9T:Z-]{20}'" \
    "naming the moment of the acceptance"
tamper general "UPDATE evaluations SET general_x100 = 3000
    WHERE person_id = (SELECT id FROM people WHERE login = 'off1')"
expect 1 "general criteria raised behind roviec's back fail verify" verify
like "$err" "person off1 holds general criteria of the evaluation for $period '30' where its history says '28'" \
    "naming the person, the period and the last value entered"
tamper general_reason "UPDATE evaluations SET reason = 'Xuất sắc', set_by = (SELECT id FROM people WHERE login = 'chutich')
    WHERE person_id = (SELECT id FROM people WHERE login = 'off1b')"
expect 1 "the reason and the head who entered them changed fail verify" verify
like "$err" "person off1b holds reason of the evaluation for $period 'Xuất sắc' where its history says 'Còn chậm trễ'" \
    "naming the reason"
like "$out" "person off1b holds entered by of the evaluation for $period 'chutich' where its history says 'head1'" \
    "and who entered them, listed after"
tamper general_made "INSERT INTO evaluations (person_id, period, general_x100, reason, set_by, set_at)
    SELECT id, '2020-01', 3000, 'Giả', id, '2020-01-01T00:00:00Z' FROM people WHERE login = 'off2'"
expect 1 "general criteria made up behind roviec's back fail verify" verify
like "$err" "person off2 holds general criteria of the evaluation for 2020-01 '30' where its history says ''" \
    "naming the row the history never entered"
tamper general_gone "DROP TRIGGER evaluations_no_delete; DELETE FROM evaluations
    WHERE person_id = (SELECT id FROM people WHERE login = 'off1b')"
expect 1 "general criteria removed behind roviec's back fail verify" verify
like "$err" "person off1b holds general criteria of the evaluation for $period '' where its history says '25'" \
    "naming the row the history entered"
# The same figures by month (migration 20), kept from the days by the
# schema's triggers: changed or made up by hand, verify names the month.
tamper done_months "UPDATE report_done_months SET late = late + 1
    WHERE (unit_id, month, handoffs) = (SELECT unit_id, month, handoffs FROM report_done_months LIMIT 1)"
expect 1 "a month's figures changed behind roviec's back fail verify" verify
like "$err" "unit [A-Z0-9]+ holds duties done, on time, late, bounced, kept for the report '[0-9]{4}-[0-9]{2}, [0-9]+ handoffs: [0-9/]+' where its history says '[0-9]{4}-[0-9]{2}, [0-9]+ handoffs: [0-9/]+'" \
    "naming the unit, the month and both counts"
tamper done_months_made "INSERT INTO report_done_months VALUES ((SELECT min(id) FROM units), '2020-02', 0, 5, 5, 0, 0)"
expect 1 "a month's figures made up behind roviec's back fail verify" verify
like "$err" "'2020-02, 0 handoffs: 5/5/0/0' where its history says '2020-02, 0 handoffs: -'" "showing none counted"
# And by owner (migration 22), kept from the duties by the schema's
# triggers: changed or made up by hand, verify names the person.
tamper done_owner_months "UPDATE report_done_owner_months SET on_time = on_time + 1
    WHERE (owner_id, month, handoffs) = (SELECT owner_id, month, handoffs
    FROM report_done_owner_months LIMIT 1)"
expect 1 "a person's month of figures changed behind roviec's back fails verify" verify
like "$err" "person [a-z0-9.]+ holds duties done, on time, late, bounced, kept for the report '[0-9]{4}-[0-9]{2}, [0-9]+ handoffs: [0-9/]+' where its history says '[0-9]{4}-[0-9]{2}, [0-9]+ handoffs: [0-9/]+'" \
    "naming the person, the month and both counts"
tamper done_owner_months_made "INSERT INTO report_done_owner_months
    SELECT id, '2020-03', 1, 2, 1, 1, 0 FROM people WHERE login = 'off2'"
expect 1 "a person's month made up behind roviec's back fails verify" verify
like "$err" "person off2 holds duties done, on time, late, bounced, kept for the report '2020-03, 1 handoffs: 2/1/1/0' where its history says '2020-03, 1 handoffs: -'" \
    "showing none counted"
# And the open stock by unit and month of the original deadline (migration
# 24): a count changed, one made up, one taken away.
tamper stock_months "UPDATE report_stock_months SET open = open + 2
    WHERE (unit_id, month) = (SELECT unit_id, month FROM report_stock_months LIMIT 1)"
expect 1 "a unit's open stock of a month changed behind roviec's back fails verify" verify
like "$err" "unit [A-Z0-9]+ holds duties open by the month of their original deadline, kept for the report '[0-9]{4}-[0-9]{2}: ([0-9]+)' where its history says '[0-9]{4}-[0-9]{2}: [0-9]+'" \
    "naming the unit, the month and both counts"
tamper stock_months_made "INSERT INTO report_stock_months
    SELECT id, '2020-04', 3 FROM units WHERE code = 'P2'"
expect 1 "a unit's month of open stock made up behind roviec's back fails verify" verify
like "$err" "unit P2 holds duties open by the month of their original deadline, kept for the report '2020-04: 3' where its history says '2020-04: -'" \
    "showing none counted"
tamper stock_months_gone "DELETE FROM report_stock_months
    WHERE (unit_id, month) = (SELECT unit_id, month FROM report_stock_months LIMIT 1)"
expect 1 "a unit's month of open stock deleted behind roviec's back fails verify" verify
like "$err" "kept for the report '[0-9]{4}-[0-9]{2}: -' where its history says '[0-9]{4}-[0-9]{2}: [0-9]+'" \
    "showing none kept"
# And the supporting parts of duties done, by the day done and by month
# (migration 25): figures changed, a month made up, a day taken away.
is "$(sqlite3 "$GOOD" "SELECT count(*) > 0 FROM report_support_days")" 1 \
    "the ledger has supporting parts of duties done"
tamper support_days "UPDATE report_support_days SET delivered = delivered + 1, days = days + 3
    WHERE (unit_id, day) = (SELECT unit_id, day FROM report_support_days LIMIT 1)"
expect 1 "a day's supporting parts changed behind roviec's back fail verify" verify
like "$err" "unit [A-Z0-9]+ holds supporting parts of duties done, delivered, in time, days to deliver, kept for the report '[0-9]{4}-[0-9]{2}-[0-9]{2}: [0-9]+/[0-9]+/[0-9]+/[0-9-]+/[0-9]+' where its history says '[0-9]{4}-[0-9]{2}-[0-9]{2}: [0-9/-]+'" \
    "naming the unit, the day and both figures"
tamper support_days_fraction "UPDATE report_support_days SET days = days + 0.5
    WHERE (unit_id, day) = (SELECT unit_id, day FROM report_support_days LIMIT 1)"
expect 1 "half a day put in a day's days to deliver behind roviec's back fails verify" verify
like "$err" "kept for the report '[0-9-]+: [0-9]+/[0-9]+/[0-9]+/-?[0-9]+\.5/[0-9]+' where its history says" \
    "showing the fraction kept"
# Written as they are, the kept figures reach the terminal as verify's
# findings: a control character put there is shown, not sent.
tamper support_days_text "UPDATE report_support_days SET days = 'x' || char(27) || '[31m' || char(10) || 'y'
    WHERE (unit_id, day) = (SELECT unit_id, day FROM report_support_days LIMIT 1)"
expect 1 "text with an escape in a day's days to deliver fails verify" verify
unlike "$err$out" "$(printf '\033')" "and no escape reaches the terminal"
like "$err" "kept for the report '[0-9-]+: [0-9]+/[0-9]+/[0-9]+/x" "the text shown in the finding"
tamper done_months_fraction "UPDATE report_done_months SET on_time = on_time + 0.25
    WHERE (unit_id, month, handoffs) = (SELECT unit_id, month, handoffs FROM report_done_months LIMIT 1)"
expect 1 "a quarter of a duty put in a month's figures behind roviec's back fails verify" verify
like "$err" "kept for the report '[0-9]{4}-[0-9]{2}, [0-9]+ handoffs: [0-9]+/[0-9]+\.25/[0-9]+/[0-9]+'" \
    "showing the fraction kept"
tamper support_months_made "INSERT INTO report_support_months
    SELECT id, '2020-05', 4, 3, 2, 17, 3 FROM units WHERE code = 'P2'"
expect 1 "a unit's month of supporting parts made up behind roviec's back fails verify" verify
like "$err" "unit P2 holds supporting parts of duties done, delivered, in time, days to deliver, kept for the report '2020-05: 4/3/2/17/3' where its history says '2020-05: -'" \
    "showing none counted"
tamper support_days_gone "DELETE FROM report_support_days
    WHERE (unit_id, day) = (SELECT unit_id, day FROM report_support_days LIMIT 1)"
expect 1 "a unit's day of supporting parts deleted behind roviec's back fails verify" verify
like "$err" "kept for the report '[0-9]{4}-[0-9]{2}-[0-9]{2}: -' where its history says '[0-9]{4}-[0-9]{2}-[0-9]{2}: [0-9/-]+'" \
    "showing none kept"
# And the parts of duties not done by month of the original deadline
# (migration 27), the requests by UTC day and the proposals by month
# (migration 26): changed, made up, taken away.
tamper support_open "UPDATE report_support_open SET undelivered = undelivered + 1
    WHERE (unit_id, month) = (SELECT unit_id, month FROM report_support_open LIMIT 1)"
expect 1 "a unit's open parts changed behind roviec's back fail verify" verify
like "$err" "unit [A-Z0-9]+ holds supporting parts of duties not done by the month of their original deadline, delivered, in time, days to deliver, not delivered, kept for the report '[0-9]{4}-[0-9]{2}: [0-9/-]+' where its history says '[0-9]{4}-[0-9]{2}: [0-9/-]+'" \
    "naming the unit, the month and both figures"
tamper extension_days "UPDATE report_extension_days SET days_added = days_added + 7
    WHERE (unit_id, day) = (SELECT unit_id, day FROM report_extension_days LIMIT 1)"
expect 1 "a unit's day of extension requests changed behind roviec's back fails verify" verify
like "$err" "unit [A-Z0-9]+ holds extension requests and the days approved, by the day asked in UTC, kept for the report '[0-9]{4}-[0-9]{2}-[0-9]{2}: [0-9]+/[0-9]+' where its history says '[0-9]{4}-[0-9]{2}-[0-9]{2}: [0-9]+/[0-9]+'" \
    "naming the unit, the day and both figures"
tamper extension_months_gone "DELETE FROM report_extension_months
    WHERE (unit_id, month) = (SELECT unit_id, month FROM report_extension_months LIMIT 1)"
expect 1 "a unit's month of extension requests deleted behind roviec's back fails verify" verify
like "$err" "kept for the report '[0-9]{4}-[0-9]{2}: -' where its history says '[0-9]{4}-[0-9]{2}: [0-9]+/[0-9]+'" \
    "showing none kept"
tamper handoff_days_gone "DELETE FROM report_handoff_days
    WHERE (unit_id, day, kind) = (SELECT unit_id, day, kind FROM report_handoff_days LIMIT 1)"
expect 1 "a unit's day of escalations deleted behind roviec's back fails verify" verify
like "$err" "unit [A-Z0-9]+ holds escalations and returns proposed, by the day made, kept for the report '[0-9]{4}-[0-9]{2}-[0-9]{2} (escalate|return): -' where its history says '[0-9]{4}-[0-9]{2}-[0-9]{2} (escalate|return): 1'" \
    "showing none kept"
tamper handoff_months_made "INSERT INTO report_handoff_months (unit_id, month, kind, n)
    SELECT id, '2020-06', 'escalate', 2 FROM units WHERE code = 'P3'"
expect 1 "a unit's month of escalations made up behind roviec's back fails verify" verify
like "$err" "unit P3 holds escalations and returns proposed, by the day made, kept for the report '2020-06 escalate: 2' where its history says '2020-06 escalate: -'" \
    "showing none counted"
# And the open stock by the day of the original deadline and by the last
# day of progress (migration 28).
tamper stock_days "UPDATE report_stock_days SET open = open + 1
    WHERE (unit_id, day) = (SELECT unit_id, day FROM report_stock_days LIMIT 1)"
expect 1 "a unit's open stock of a day changed behind roviec's back fails verify" verify
like "$err" "unit [A-Z0-9]+ holds duties open by the day of their original deadline, kept for the report '[0-9]{4}-[0-9]{2}-[0-9]{2}: ([0-9]+)' where its history says '[0-9]{4}-[0-9]{2}-[0-9]{2}: [0-9]+'" \
    "naming the unit, the day and both counts"
tamper stock_progress_gone "DELETE FROM report_stock_progress
    WHERE (unit_id, day) = (SELECT unit_id, day FROM report_stock_progress LIMIT 1)"
expect 1 "a unit's open stock of a day of progress deleted behind roviec's back fails verify" verify
like "$err" "unit [A-Z0-9]+ holds duties open by their last day of progress, kept for the report '[0-9]{4}-[0-9]{2}-[0-9]{2}: -' where its history says '[0-9]{4}-[0-9]{2}-[0-9]{2}: [0-9]+'" \
    "showing none kept"
# An undo puts back the snapshot kept beside the duty (undo_points), which
# is no part of the ledger: one forged there, then put back by the
# official's own undo, would enter the sealed history.  verify holds what
# an undo put back to the duty as it was before the action undone.
# forge_undo REF SET: the undo point of duty REF changed by hand, as the
# UPDATE's SET clause says, on a copy made as tamper makes them.
forge_undo() {
	sqlite3 "$DB" "UPDATE undo_points SET $2 WHERE duty_id = (SELECT id FROM duties WHERE ref = '$1')"
}
tamper undo_point "SELECT 1 WHERE 0"
as off1 progress "$b" --note "Đã liên hệ hộ dân"
forge_undo "$b" "state = json_set(state, '\$.coefficient', 1000,
    '\$.owner_since', '2026-09-01T00:00:00Z', '\$.deadline', '2099-12-31')"
expect 0 "a forged undo point is no finding while it waits (it is no part of the ledger)" verify
expect 0 "the official undoes the progress, the forged snapshot put back" --as off1 undo "$b"
expect 1 "what the forged snapshot put back fails verify" verify
like "$err$out" "duty $b holds deadline put back by an undo '2099-12-31' where its history says '[0-9-]{10}'" \
    "naming the deadline the undo put back and the one before the action"
like "$err$out" "duty $b holds conversion coefficient put back by an undo '10' where its history says '1'" \
    "and the coefficient"
like "$err$out" "duty $b holds owner since put back by an undo '2026-09-01T00:00:00Z' where" "and the owner's moment"
# Where the action undone began is the undo point's too: moved to the
# duty's creation, the undo says an action that is not one.
tamper undo_first "SELECT 1 WHERE 0"
as off1 progress "$b" --note "Đã liên hệ hộ dân"
forge_undo "$b" "first_id = (SELECT min(id) FROM history WHERE duty_id = undo_points.duty_id),
    state = json_set(state, '\$.deadline', '2099-12-31')"
expect 0 "the official undoes the progress, the undo point moved to the duty's creation" --as off1 undo "$b"
expect 1 "verify names the undo" verify
like "$err$out" "entry [0-9]+ \(duty $b\) cannot be replayed: it does not say which of the duty's actions it undoes" \
    "as one that does not say which action it undoes"
# A value left out of the snapshot is not put back, and is named too.
tamper undo_without "SELECT 1 WHERE 0"
as chutich edit "$c" --coefficient 2 --reason "Thêm hạng mục"
forge_undo "$c" "state = json_remove(state, '\$.coefficient')"
expect 0 "the assigner undoes the correction, the coefficient gone from its snapshot" --as chutich undo "$c"
expect 1 "the coefficient left as corrected fails verify" verify
like "$err$out" "duty $c holds conversion coefficient put back by an undo '2' where its history says '1.5'" \
    "naming the coefficient before the correction"
# Who delivered a part, forged in the snapshot.
tamper undo_delivered "SELECT 1 WHERE 0"
dv=$(new_duty --support P2:"Số liệu dân cư") && as off2 deliver "$dv" --note "Đã gửi số liệu" &&
    as off1 progress "$dv" --note "Đã tổng hợp"
forge_undo "$dv" "state = json_set(state, '\$.support[0].delivered_by', 'head2',
    '\$.support[0].delivered_by_id', (SELECT id FROM people WHERE login = 'head2'))"
expect 0 "the official undoes the progress, the part's deliverer forged" --as off1 undo "$dv"
expect 1 "the part's deliverer put back fails verify" verify
like "$err$out" "duty $dv holds delivered by put back by an undo 'head2' where its history says 'off2'" \
    "naming who delivered it"
# A login renamed, and given to someone new, in the minutes before an
# undo: the undo puts back the owner it had (by id), not the new holder
# of the login, and verify passes.
tamper undo_login "SELECT 1 WHERE 0"
as off1 progress "$b" --note "Đã liên hệ hộ dân" &&
    run person set off1 --login hung.le && run person add off1 "Người mới" --unit P1
ok $? "off1 records progress, is renamed hung.le, and the login off1 is given to someone new"
expect 0 "hung.le undoes the progress" --as hung.le undo "$b"
is "$(sqlite3 "$DB" "SELECT p.login FROM duties d JOIN people p ON p.id = d.owner_id WHERE d.ref = '$b'")" \
    hung.le "the owner put back is hung.le, not the new off1"
expect 0 "and verify passes" verify
tamper note "INSERT INTO progress_notes (duty_id, person_id, unit_id, at, note) SELECT id, owner_id, lead_unit_id, '2026-01-01T00:00:00Z', 'giả' FROM duties WHERE ref = '$b'"
expect 1 "a progress note slipped in behind roviec's back fails verify" verify
like "$err" "progress notes" "naming the notes"
DB=$GOOD
expect 0 "the real database verifies, duties and all" verify

# A database made before the chain (schema version 1) is hashed when it is
# first opened, in the migration's transaction.
DB="$T/old.db"
me=$(id -un)
sqlite3 "$DB" < "$ROOT/db/migrations/0001_init.sql"
sqlite3 "$DB" "PRAGMA application_id = 1381385539; PRAGMA user_version = 1;
    INSERT INTO units (code, name, kind) VALUES ('DL', 'Đà Lạt', 'city');
    INSERT INTO people (login, full_name, unit_id, role) VALUES ('$me', 'Quản trị', 1, 'admin');
    INSERT INTO history (at, actor_id, action, text) VALUES ('2026-01-01T00:00:00Z', 1, 'unit-added', 'DL');
    INSERT INTO history (at, actor_id, action, text) VALUES ('2026-01-02T00:00:00Z', 1, 'person-added', '$me');"
ok $? "a database of schema version 1 with two entries"
expect 0 "it verifies once opened" verify
like "$out" "intact: 4 entries" "with both entries hashed, and a baseline of the unit and the person (schema 6)"
is "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE seal IS NULL")" 0 "every entry is sealed"
[ -f "$DB.key" ] && [ "$(stat -c %a "$DB.key")" = 440 ]
ok $? "with the ledger's key made beside the database, mode 0440"
is "$(sqlite3 "$DB" "PRAGMA user_version")" "$(ls "$ROOT"/db/migrations/*.sql | wc -l)" "and is brought to the current schema"
is "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE hash IS NULL")" 0 "no entry is left without its hash"
run unit add P1 "Phường 1" --parent DL --kind ward
ok $rc "a new entry follows"
expect 0 "and the chain still verifies" verify
like "$out" "intact: 5 entries" "with five entries"

done_testing
