#!/bin/sh
# roviec evaluate on the Đà Lạt demo (issue #13): the year's figures for
# Phường 1, every official's every month checked against the same rules
# applied here, independently, to the raw tables (the reviews failed counted
# from the history's reopen entries, the deadlines missed from the
# extensions' answers, the owner at a month's end from the history), with
# the duties behind each deduction listed.
. "$(dirname "$0")/lib.sh"

run init --demo
is "$rc" 0 "the demo is built"
# The year the demo's history lies in (a month back: on 4 January it is last year).
YEAR=$(date -d "-1 month" +%Y)
TODAY=$(date +%F)

expect 0 "P1's sheets for the year" evaluate --year "$YEAR" --unit P1 --format json
cp "$T/out" "$T/year.json"
expect 0 "and as a table" evaluate --year "$YEAR" --unit P1
cp "$T/out" "$T/year.txt"
note "The year's figures for Phường 1, as roviec prints them:" "$(cat "$T/year.txt")"

# Every duty confirmed, and every duty due and not confirmed by its
# month's end, of the year, from the tables: month, login, coefficient,
# failed reviews, delays (0 for a duty not done: not used), done?, ref,
# lead unit.
sqlite3 -separator '|' "$DB" "
WITH months(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM months WHERE m < 12),
 b AS (SELECT printf('%s-%02d', '$YEAR', m) AS k, date(printf('%s-%02d-01', '$YEAR', m)) AS first,
   date(printf('%s-%02d-01', '$YEAR', m), '+1 month', '-1 day') AS last FROM months),
 bb AS (SELECT k, first, last, min(last, '$TODAY') AS as_of,
   strftime('%Y-%m-%dT%H:%M:%SZ', min(last, '$TODAY'), '+1 day', 'utc') AS endm FROM b
   WHERE first <= '$TODAY'),
 done AS (SELECT bb.k, p.login, d.coefficient_x100 AS c,
   (SELECT count(*) FROM history h WHERE h.duty_id = d.id AND h.action = 'reopened') AS fails,
   (SELECT count(*) FROM extensions x WHERE x.duty_id = d.id AND x.state = 'approved'
     AND date(x.answered_at, 'localtime') > x.old_deadline) + (d.closed_on > d.deadline) AS delays,
   1 AS done, d.ref, lu.code
   FROM duties d JOIN bb ON d.closed_on BETWEEN bb.first AND bb.last
   JOIN people p ON p.id = d.owner_id JOIN units lu ON lu.id = d.lead_unit_id
   WHERE d.status = 'done'),
 due AS (SELECT bb.k, p.login, d.coefficient_x100, 0, 0, 0, d.ref, lu.code
   FROM duties d JOIN bb ON d.deadline BETWEEN bb.first AND bb.as_of
   JOIN units lu ON lu.id = d.lead_unit_id
   JOIN people p ON p.id = (SELECT h.to_owner_id FROM history h WHERE h.duty_id = d.id
     AND h.to_owner_id IS NOT NULL AND h.at < bb.endm ORDER BY h.id DESC LIMIT 1)
   WHERE d.status <> 'cancelled' AND (d.closed_on IS NULL OR d.closed_on > bb.last
     OR d.status <> 'done') AND d.created_at < bb.endm)
SELECT * FROM done UNION ALL SELECT * FROM due" >"$T/rows"
ok $? "the raw tables are read"
sqlite3 "$DB" "SELECT p.login FROM people p JOIN units u ON u.id = p.unit_id
    WHERE u.code = 'P1' AND p.role <> 'inspector' AND p.id NOT IN
    (SELECT person_id FROM unit_heads WHERE unit_id = u.id)" >"$T/officials"
# P1's head is scored on the duties P1 leads, whoever owns them.
HEAD=$(sqlite3 "$DB" "SELECT p.login FROM units u JOIN unit_heads h ON h.unit_id = u.id
    JOIN people p ON p.id = h.person_id WHERE u.code = 'P1' ORDER BY h.id LIMIT 1")
echo "$HEAD" >>"$T/officials"
ok "$([ "$(wc -l <"$T/officials")" -ge 3 ] && echo 0 || echo 1)" "P1 has officials ($(tr '\n' ' ' <"$T/officials"))"

# The same rules, here: per official and month A, C, Q, P; a, b, c and the
# points, rounded half up to hundredths from the exact fractions; the year
# as the average of the months with a sheet.
perl -MJSON::PP -e '
	my ($json, $rows, $officials, $head) = @ARGV;
	local $/; open my $j, "<", $json or die; my $sheets = decode_json(<$j>);
	open my $r, "<", $rows or die; my @rows = split /\n/, <$r>;
	open my $o, "<", $officials or die; my %official = map { $_ => 1 } split /\n/, <$o>;
	$/ = "\n";
	sub rnd { my ($n, $d) = @_; return int((2 * $n + $d) / (2 * $d)); }
	my (%acc, %ded);
	for (@rows) {
		my ($k, $owner, $c, $fails, $delays, $done, $ref, $lead) = split /\|/;
		# For its owner (an official), and for the head if P1 leads it.
		for my $login (($owner ne $head ? $owner : ()), ($lead eq "P1" ? $head : ())) {
			next unless $official{$login};
			my $a = $acc{$login}{$k} //= { A => 0, C => 0, Q => 0, P => 0, n => 0 };
			$a->{A} += $c; $a->{n}++;
			next unless $done;
			$a->{C} += $c;
			$a->{Q} += $c * ($fails >= 4 ? 0 : 4 - $fails);
			$a->{P} += $c * ($delays >= 4 ? 0 : 4 - $delays);
			push @{$ded{$login}}, "$ref $k quality $fails" if $fails;
			push @{$ded{$login}}, "$ref $k progress $delays" if $delays;
		}
	}
	my ($bad, $checked) = (0, 0);
	for my $login (sort keys %official) {
		my ($s) = grep { $_->{login} eq $login } @$sheets;
		unless ($s) { print "# no sheet for $login\n"; $bad++; next; }
		my ($sum, $n) = (0, 0);
		for my $part (@{$s->{parts}}) {
			my $a = $acc{$login}{$part->{period}};
			if (!$a) {
				if (defined $part->{quantity}) { print "# $login $part->{period}: a sheet where none is due\n"; $bad++; }
				next;
			}
			my $A = $a->{A};
			my %want = (
				quantity => rnd(10000 * $a->{C}, $A), quality => rnd(2500 * $a->{Q}, $A),
				progress => rnd(2500 * $a->{P}, $A),
				task_points => rnd(7000 * (4 * $a->{C} + $a->{Q} + $a->{P}), 12 * $A),
			);
			# The head'"'"'s points wait for their cohesion (e).
			delete $want{task_points} if $login eq $head;
			for my $f (sort keys %want) {
				my $got = int($part->{$f} * 100 + 0.5);
				if ($got != $want{$f}) { print "# $login $part->{period} $f: $got, want $want{$f}\n"; $bad++; }
				$checked++;
			}
			$sum += $want{task_points} // 0; $n++;
			printf "# %s %s: A %.2f, C %.2f, Q %.2f, P %.2f: a %.2f b %.2f c %.2f, %.2f points\n",
			    $login, $part->{period}, $A / 100, $a->{C} / 100, $a->{Q} / 400, $a->{P} / 400,
			    $want{quantity} / 100, $want{quality} / 100, $want{progress} / 100,
			    ($want{task_points} // 0) / 100;
		}
		if ($n && $login ne $head) {
			my $y = rnd($sum, $n);
			my $got = int($s->{task_points} * 100 + 0.5);
			if ($got != $y) { print "# $login year: $got, want $y\n"; $bad++; }
			$checked++;
		}
		my @got = sort map { "$_->{ref} $_->{period} $_->{criterion} $_->{times}" } @{$s->{deductions}};
		my @want = sort @{$ded{$login} // []};
		if ("@got" ne "@want") { print "# $login deductions: @got\n#   want: @want\n"; $bad++; }
		print "# $login: the duties behind the deductions: ", (@want ? join(", ", @want) : "none"), "\n";
	}
	print "# $checked figures checked\n";
	exit($bad ? 1 : ($checked > 10 ? 0 : 1));' "$T/year.json" "$T/rows" "$T/officials" "$HEAD"
ok $? "every month's a, b, c and points of every P1 official (and of its head, over P1's duties), the year's average and the duties behind the deductions agree with the tables"

# The demo's coefficients and general criteria show in the sheets.
is "$(sqlite3 "$DB" "SELECT count(DISTINCT coefficient_x100) >= 3 FROM duties")" 1 "the demo's duties weigh 0.5, 1, 1.5 and 2"
perl -MJSON::PP -e 'local $/; my $j = decode_json(<STDIN>);
	my @rated = grep { defined $_->{general} } map { @{$_->{parts}} } @$j;
	exit(@rated ? 0 : 1)' <"$T/year.json"
ok $? "P1's head entered general criteria for the past months"
like "$(cat "$T/year.txt")" "Duties behind the deductions" "the table lists the duties behind the deductions"
for ref in $(perl -MJSON::PP -e 'local $/; my $j = decode_json(<STDIN>);
	print join " ", map { $_->{ref} } map { @{$_->{deductions}} } @$j' <"$T/year.json"); do
	grep -q " $ref " "$T/year.txt"
	ok $? "the table names $ref"
done
expect 0 "the history still chains with the demo's evaluations" verify

done_testing
