# tests/cli/tamper.sh: the tamperings of issue 14, shared by tests/cli/ledger.t
# (make check, on a database of the test's own) and tests/server/ledger.t
# (make check-server, as root on the server's database).  Sourced after
# lib.sh; the caller defines rv (roviec on the database, as its
# administrator), q (sqlite3 on it) and DB.

# rehash [FROM]: rebuilds every hash of the history from entry FROM (1 by
# default) with the published encoding (roviec(5)), as anyone who can write
# the file can: perl's Digest::SHA, no key.
rehash() {
	sqlite3 -json "$DB" "SELECT h.id, d.uuid, h.at, a.login AS actor, v.login AS via, h.action,
	    fu.code AS fu, tu.code AS tu, fo.login AS fo, tp.login AS tp, h.text, h.detail, h.data, h.hash,
	    ifnull(h.duty_id, 0) AS i1, h.actor_id AS i2, ifnull(h.via_id, 0) AS i3,
	    ifnull(h.from_unit_id, 0) AS i4, ifnull(h.to_unit_id, 0) AS i5,
	    ifnull(h.from_owner_id, 0) AS i6, ifnull(h.to_owner_id, 0) AS i7
	    FROM history h LEFT JOIN duties d ON d.id = h.duty_id LEFT JOIN people a ON a.id = h.actor_id
	    LEFT JOIN people v ON v.id = h.via_id LEFT JOIN units fu ON fu.id = h.from_unit_id
	    LEFT JOIN units tu ON tu.id = h.to_unit_id LEFT JOIN people fo ON fo.id = h.from_owner_id
	    LEFT JOIN people tp ON tp.id = h.to_owner_id ORDER BY h.id" |
	perl -MJSON::PP -MDigest::SHA=sha256_hex,hmac_sha256_hex -e '
		my $rows = decode_json(join "", <STDIN>);
		my ($from, $keyfile) = @ARGV;
		my $key;
		if ($keyfile) { open my $k, "<", $keyfile or die; ($key = <$k>) =~ s/\s+//; $key = pack "H*", $key }
		sub n { pack "Q>", shift } sub str { my $s = shift; defined $s ? "S" . n(length $s) . $s : "N" }
		my $prev = "";
		for my $r (@$rows) {
			if ($r->{id} < $from) { $prev = $r->{hash}; next }
			my $m = "roviec history v1\n" . n($r->{id}) . str($prev);
			utf8::encode($_) for grep { defined } @$r{qw(uuid at actor via action fu tu fo tp text detail data)};
			$m .= str($r->{$_}) for qw(uuid at actor via action fu tu fo tp text detail);
			$m .= n($r->{$_}) for qw(i1 i2 i3 i4 i5 i6 i7);
			$m .= str($r->{data}) if defined $r->{data};
			$prev = sha256_hex($m);
			my $seal = defined $key ? ", seal = \x27" . hmac_sha256_hex("roviec seal v1\n" . n($r->{id}) . $prev, $key) . "\x27" : "";
			print "UPDATE history SET hash = \x27$prev\x27$seal WHERE id = $r->{id};\n";
		}' "${1:-1}" "${2:-}" > "$T/rehash.sql"
	sqlite3 "$DB" "DROP TRIGGER IF EXISTS history_hash_once; DROP TRIGGER IF EXISTS history_seal_once;
	    DROP TRIGGER IF EXISTS history_no_update;" && sqlite3 "$DB" < "$T/rehash.sql"
}

# The duties the tamperings change: A has a supporting unit P3 with its
# part, a note and a transfer to P2 waiting; B was made 20 days ago, went
# to P2 and came back (bounced) and waits on an escalation (escalated); C
# is open and untouched; D (due D_DUE) waits on a request for a later
# deadline.
tamper_fixture() {
	A=$(rv --as chutich add "Giải quyết đơn thư về ranh giới đất" --lead P1 --owner off1 --due +30 \
	    --result "Báo cáo kết quả" --basis "Công văn số 12/UBND" --support P3:"Cung cấp hồ sơ địa chính") &&
	rv --as off1 progress "$A" --note "Đã khảo sát hiện trường" >/dev/null &&
	rv --as off1 transfer "$A" P2 --reason "Thửa đất thuộc Phường 2" >/dev/null &&
	B=$(rv_at "$(date -d '-20 days' '+%Y-%m-%d 09:00:00')" --as chutich add "Rà soát quy hoạch khu dân cư" \
	    --lead P1 --owner off1 --due +30 --result "Báo cáo rà soát" --basis "Kế hoạch 5/KH-UBND") &&
	rv --as off1 transfer "$B" P2 --reason "Thuộc P2" >/dev/null &&
	rv --as head2 accept "$B" --owner off2 >/dev/null &&
	rv --as off2 transfer "$B" P1 --reason "Trả về P1" >/dev/null &&
	rv --as head1 accept "$B" --owner off1 >/dev/null &&
	rv --as off1 escalate "$B" --reason "Vượt thẩm quyền phường" >/dev/null &&
	C=$(rv --as chutich add "Kiểm tra trật tự xây dựng" --lead P1 --owner off1 --due +10 \
	    --result "Biên bản kiểm tra" --basis "Kế hoạch 9/KH-UBND") &&
	D=$(rv --as chutich add "Thống kê hộ nghèo" --lead P1 --owner off1 --due +5 \
	    --result "Bảng thống kê" --basis "Kế hoạch 11/KH-UBND") &&
	rv --as off1 extend "$D" "$(date -d '+25 days' +%F)" --reason "Chờ số liệu của phường" >/dev/null &&
	D_DUE=$(sqlite3 "$DB" "SELECT deadline FROM duties WHERE ref = '$D'") && [ -n "$D_DUE" ]
}

# tamper_cases APPLY: calls APPLY NAME SQL PATTERN for each tampering the
# issue lists; the SQL is run with the sqlite3 shell (triggers dropped where
# they stand in the way, as anyone with the shell can), and roviec verify
# must exit 1 and say PATTERN (on its output or its error).
tamper_cases() {
	_t=$1
	$_t "an official made administrator" \
	    "UPDATE people SET role = 'admin' WHERE login = 'off1'" \
	    "person off1 holds role 'admin' where its history says 'officer'"
	$_t "an official made head of a unit" \
	    "INSERT INTO unit_heads (unit_id, person_id) SELECT u.id, p.id FROM units u, people p
	     WHERE u.code = 'P1' AND p.login = 'off1'" \
	    "unit P1 holds heads 'head1, off1' where its history says 'head1'"
	$_t "a duty's work, result and basis rewritten" \
	    "UPDATE duties SET title = 'Việc khác hẳn', result = 'Không cần', basis = 'Không có'
	     WHERE ref = '$C'" \
	    "duty $C holds title 'Việc khác hẳn' where its history says 'Kiểm tra trật tự xây dựng'"
	$_t "a duty's result rewritten alone" \
	    "UPDATE duties SET result = 'Không cần' WHERE ref = '$C'" \
	    "duty $C holds expected result 'Không cần' where its history says 'Biên bản kiểm tra'"
	$_t "a duty's basis rewritten alone" \
	    "UPDATE duties SET basis = 'Không có' WHERE ref = '$C'" \
	    "duty $C holds basis 'Không có' where its history says 'Kế hoạch 9/KH-UBND'"
	$_t "the bounced counter reset" \
	    "UPDATE duties SET bounced = 0 WHERE ref = '$B'" \
	    "duty $B holds bounced '0' where its history says '1'"
	$_t "the escalated counter reset" \
	    "UPDATE duties SET escalated = 0 WHERE ref = '$B'" \
	    "duty $B holds escalated '0' where its history says '1'"
	$_t "the handoffs counted reset" \
	    "UPDATE duties SET handoffs = 0 WHERE ref = '$B'" \
	    "duty $B holds handoffs '0' where its history says '2'"
	$_t "the last progress day moved to today" \
	    "UPDATE duties SET last_progress_on = '$(date +%F)' WHERE ref = '$B'" \
	    "duty $B holds last progress '$(date +%F)' where its history says '$(date -d '-20 days' +%F)'"
	$_t "a supporting unit's obligation deleted" \
	    "DELETE FROM duty_support WHERE duty_id = (SELECT id FROM duties WHERE ref = '$A')" \
	    "duty $A holds part of P3's part '-' where its history says 'Cung cấp hồ sơ địa chính'"
	$_t "a pending extension approved behind the assigner's back" \
	    "UPDATE extensions SET state = 'approved', answered_by = (SELECT id FROM people WHERE login = 'chutich'),
	       answered_at = '$(date -u +%Y-%m-%dT%H:%M:%SZ)'
	     WHERE duty_id = (SELECT id FROM duties WHERE ref = '$D')" \
	    "duty $D holds state of extension request 1 'approved' where its history says 'pending'"
	$_t "a deadline moved to the one asked for" \
	    "DROP TRIGGER IF EXISTS duties_keep_identity;
	     UPDATE duties SET deadline = '$(date -d '+25 days' +%F)' WHERE ref = '$D'" \
	    "duty $D holds deadline '$(date -d '+25 days' +%F)' where its history says '$D_DUE'"
	$_t "a duty's status set done" \
	    "UPDATE duties SET status = 'done', done_on = '$(date +%F)', closed_on = '$(date +%F)' WHERE ref = '$C'" \
	    "duty $C holds status 'done' where its history says 'open'"
	$_t "a duty given to another owner" \
	    "UPDATE duties SET owner_id = (SELECT id FROM people WHERE login = 'off1b') WHERE ref = '$C'" \
	    "duty $C holds owner 'off1b' where its history says 'off1'"
	$_t "a duty moved to another unit" \
	    "UPDATE duties SET lead_unit_id = (SELECT id FROM units WHERE code = 'P2'),
	       owner_id = (SELECT id FROM people WHERE login = 'off2') WHERE ref = '$C'" \
	    "duty $C holds lead unit 'P2' where its history says 'P1'"
	$_t "an official moved to another unit" \
	    "UPDATE people SET unit_id = (SELECT id FROM units WHERE code = 'P2') WHERE login = 'off1b'" \
	    "person off1b holds unit 'P2' where its history says 'P1'"
	$_t "a pending proposal redirected to another unit" \
	    "UPDATE handoffs SET to_unit_id = (SELECT id FROM units WHERE code = 'P3')
	     WHERE state = 'pending' AND duty_id = (SELECT id FROM duties WHERE ref = '$A')" \
	    "duty $A holds receiving unit of proposal 1 'P3' where its history says 'P2'"
	$_t "progress notes deleted" \
	    "DROP TRIGGER progress_notes_append_only_delete;
	     DELETE FROM progress_notes WHERE duty_id = (SELECT id FROM duties WHERE ref = '$A')" \
	    "duty $A holds progress notes '0' where its history says '1'"
	$_t "a person deleted (the owner of open duties)" \
	    "DELETE FROM people WHERE login = 'off1'" \
	    "person off1 is in the history but not in the database"
	$_t "a unit deleted (its duties vanish from list --all)" \
	    "DELETE FROM units WHERE code = 'P3'" \
	    "unit P3 is in the history but not in the database"
	$_t "a person slipped in" \
	    "INSERT INTO people (login, full_name, unit_id, role)
	     VALUES ('ghost', 'Người lạ', (SELECT id FROM units WHERE code = 'P1'), 'admin')" \
	    "person ghost is in the database but not in the history"
	$_t "a duty confirmed with a made-up history entry" \
	    "DROP TRIGGER history_needs_seal; DROP TRIGGER history_needs_hash;
	     INSERT INTO history (id, duty_id, at, actor_id, action, detail, data, hash, seal)
	     SELECT max(id) + 1, (SELECT id FROM duties WHERE ref = '$C'), '$(date -u +%Y-%m-%dT%H:%M:%SZ)',
	       (SELECT id FROM people WHERE login = 'chutich'), 'confirmed', '$(date +%F)',
	       '{\"status\":\"done\",\"done_on\":\"$(date +%F)\",\"closed_on\":\"$(date +%F)\"}',
	       '$(printf '%064d' 0)', '$(printf '%064d' 0)' FROM history;
	     UPDATE duties SET status = 'done', done_on = '$(date +%F)', closed_on = '$(date +%F)'
	     WHERE ref = '$C'" \
	    "entry [0-9]+ \\($C confirmed.*is not sealed with the ledger's key" \
	    rehash
}
