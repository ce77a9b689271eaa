#!/bin/sh
# The city's lists by flag (issue #15): list --flag F without a unit, an
# owner or a period reads the duties from F's own index (migration 21),
# the deadlines F allows, or the proposals that wait.  Each must list
# exactly the duties of the whole list whose flags hold F, in the same
# order, for every status asked and whatever the rules (tossed_handoffs,
# due_soon_days) say.  The demo holds every flag.
. "$(dirname "$0")/lib.sh"

run demo </dev/null
is "$rc" 0 "the demo is built"

# refs_flagged FLAG...: the references, in order, of the duties of the JSON
# list on stdin whose flags hold every FLAG (all of them with no FLAG).
refs_flagged() {
	perl -MJSON::PP -e '
		local $/; my $list = decode_json(<STDIN>);
		for my $d (@$list) {
			my %has = map { $_ => 1 } @{$d->{flags}};
			print "$d->{ref}\n" unless grep { !$has{$_} } @ARGV;
		}' "$@"
}

mkdir -p "$XDG_CONFIG_HOME/roviec"
CONF=$XDG_CONFIG_HOME/roviec/config
for rules in 'tossed_handoffs = 3' 'tossed_handoffs = 1' 'tossed_handoffs = 0' \
    'tossed_handoffs = 2
due_soon_days = 10' 'due_soon_days = 0'; do
	printf '%s\n' "$rules" >"$CONF"
	said=$(printf '%s' "$rules" | tr '\n' ' ')
	for statuses in '' '--all' '--status done'; do
		# shellcheck disable=SC2086 # the statuses are words
		whole=$("$ROVIEC" --db "$DB" list $statuses --format json)
		for flag in bounced tossed escalated unanswered stalled overdue late due-soon; do
			want=$(printf '%s' "$whole" | refs_flagged "$flag")
			# shellcheck disable=SC2086
			got=$("$ROVIEC" --db "$DB" list --flag "$flag" $statuses --format json |
			    refs_flagged)
			is "$got" "$want" "$said: list --flag $flag ${statuses:-(live)} lists the duties of the whole list flagged $flag ($(printf '%s' "$want" | grep -c .))"
		done
	done
done
printf 'tossed_handoffs = 1\n' >"$CONF"
whole=$("$ROVIEC" --db "$DB" list --all --format json)
for pair in 'tossed bounced' 'bounced escalated' 'escalated late' 'unanswered stalled' \
    'late overdue' 'overdue due-soon' 'tossed due-soon' 'escalated overdue'; do
	set -- $pair
	want=$(printf '%s' "$whole" | refs_flagged "$1" "$2")
	got=$("$ROVIEC" --db "$DB" list --all --flag "$1" --flag "$2" --format json | refs_flagged)
	is "$got" "$want" "list --flag $1 --flag $2 lists the duties flagged both ($(printf '%s' "$want" | grep -c .))"
done
first=$(printf '%s' "$whole" | refs_flagged escalated | head -n 3)
got=$("$ROVIEC" --db "$DB" list --all --flag escalated --limit 3 --format json | refs_flagged)
is "$got" "$first" "--limit 3 keeps the first three escalated duties"

# An extension request that waits is unanswered as a proposal does.
ref=$(sqlite3 "$DB" "SELECT d.ref FROM duties d JOIN extensions x ON x.duty_id = d.id
    AND x.state = 'pending' LIMIT 1")
isnt "$ref" "" "the demo has an extension request waiting"
run list --flag unanswered --format csv
like "$out" "^$ref," "list --flag unanswered lists the duty whose extension waits ($ref)"

# A duty that waits on both a transfer proposed today and an extension
# asked five days ago has waited since the older (duties_shown's
# pending_since): unanswered, which the transfer alone is not yet.
due=$(date -d '+30 days' +%F)
faketime "$(date -d '-6 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" add "Rà soát hồ sơ đất đai" \
    --lead P1 --owner p1.hoang --due "$due" --result "Báo cáo" --basis "Thông báo số 1" >/dev/null
both=$("$ROVIEC" --db "$DB" list --search "Rà soát hồ sơ đất đai" --format tsv | sed -n 2p | cut -f1)
faketime "$(date -d '-5 days' '+%Y-%m-%d 09:00:00')" "$ROVIEC" --db "$DB" --as p1.hoang \
    extend "$both" +40 --reason "Chờ số liệu" >/dev/null
as p1.hoang transfer "$both" P2 --reason "Thuộc thẩm quyền P2"
is "$rc" 0 "a transfer is proposed on $both while its extension waits"
run list --status pending --format tsv
got=$(printf '%s\n' "$out" | awk -F '\t' -v ref="$both" '$1 == ref { print $3 " " $7 }')
is "$got" "pending unanswered" \
    "$both waits since its extension was asked: pending and unanswered in the city's list"

# The city's open duties without JSON are read from duties_open_list alone
# (migration 23), a statement of their own: each list must show what the
# JSON list (read from the table, by another statement) shows, column by
# column, for the flags and statuses that read the open duties alone, with
# and without a search, under two rule sets.
# json_tsv: the JSON list on stdin as roviec's TSV (the columns of --format
# tsv, in its order).
json_tsv() {
	perl -MJSON::PP -CO -e '
		local $/; my $list = decode_json(<STDIN>);
		print "ref\tdeadline\tstatus\tlead\towner\ttitle\tflags\n";
		print join("\t", @$_{qw(ref deadline status lead_unit owner title)},
		    join(", ", @{$_->{flags}})), "\n" for @$list;'
}
for rules in 'tossed_handoffs = 1' 'tossed_handoffs = 0
due_soon_days = 30
stalled_days = 3'; do
	printf '%s\n' "$rules" >"$CONF"
	said=$(printf '%s' "$rules" | tr '\n' ' ')
	for asked in '--flag overdue' '--flag stalled' '--status open' '--status pending' \
	    '--flag overdue --flag stalled' '--status open --flag due-soon' \
	    '--status open --search phường' '--flag overdue --search XỬ' \
	    "--status open --search $(printf 'xu\314\233\314\211')" '--status open --limit 5'; do
		# shellcheck disable=SC2086 # the options are words
		want=$("$ROVIEC" --db "$DB" list $asked --format json | json_tsv)
		# shellcheck disable=SC2086
		got=$("$ROVIEC" --db "$DB" list $asked --format tsv)
		n=$(printf '%s\n' "$want" | sed 1d | grep -c .)
		is "$got" "$want" "$said: list $asked shows, column by column, what its JSON shows ($n duties)"
		ok "$([ "$n" -gt 0 ]; echo $?)" "$said: list $asked lists some duty of the demo"
	done
done
# Its CSV too: each duty's uuid, and its supporting units, read from the
# parts of live duties alone (duty_support_live_duty, migration 23), sorted.
printf 'tossed_handoffs = 1\n' >"$CONF"
for asked in '--flag overdue' '--status open --status pending'; do
	# shellcheck disable=SC2086 # the options are words
	got=$("$ROVIEC" --db "$DB" list $asked --format csv | perl -CS -ne '
		next if $. == 1; chomp;
		my @f; push @f, $1 while /\G("(?:[^"]|"")*"|[^,]*)(?:,|$)/g;
		s/^"(.*)"$/$1/s, s/""/"/g for @f;
		print "$f[0] $f[1] [$f[5]]\n";')
	# shellcheck disable=SC2086
	want=$("$ROVIEC" --db "$DB" list $asked --format json | perl -MJSON::PP -CO -e '
		local $/;
		for my $d (@{decode_json(<STDIN>)}) {
			my $units = join ", ", sort map { $_->{unit} } @{$d->{support}};
			print "$d->{ref} $d->{uuid} [$units]\n";
		}')
	is "$got" "$want" "list $asked --format csv: each duty's uuid and supporting units as JSON has them ($(printf '%s\n' "$want" | grep -c '[[][^]]'))"
done
n=$(sqlite3 "$DB" "SELECT count(*) FROM duties WHERE status = 'open'")
got=$("$ROVIEC" --db "$DB" list --status open --status pending --format csv | sed 1d | wc -l)
is "$got" "$n" "list --status open --status pending lists every duty of the table stored open ($n)"

# A ledger tampered with (roviec verify names it) is still listed as the
# view duties_shown lists it, and never aborts the list: a waiting
# proposal's duty made text, another's made a fraction (each then joins no
# duty), the day of $both's extension request made nonsense (the view
# then knows no day it has waited since: not unanswered), and a unit of the
# least id there is (its names are found by their distance from it).
TAMPERED=$T/tampered.db
sqlite3 "$DB" "VACUUM INTO '$TAMPERED'"
sqlite3 "$TAMPERED" "UPDATE handoffs SET duty_id = 'x' WHERE id = (SELECT min(h.id) FROM handoffs h
        JOIN duties d ON d.id = h.duty_id WHERE h.state = 'pending' AND d.ref <> '$both');
    UPDATE handoffs SET duty_id = duty_id + 0.5 WHERE id = (SELECT max(h.id) FROM handoffs h
        JOIN duties d ON d.id = h.duty_id WHERE h.state = 'pending' AND d.ref <> '$both');
    UPDATE extensions SET created_at = 'nonsense' WHERE state = 'pending'
        AND duty_id = (SELECT id FROM duties WHERE ref = '$both');
    INSERT INTO units (id, code, name, kind) VALUES (-9223372036854775808, 'ZMIN', 'Z', 'ward')"
for asked in '--status pending' '--status open' '--flag overdue --flag stalled'; do
	# shellcheck disable=SC2086 # the options are words
	"$ROVIEC" --db "$TAMPERED" list $asked --format tsv >"$T/got"
	rc=$?
	is "$rc" 0 "tampered: list $asked runs to its end"
	# shellcheck disable=SC2086
	want=$("$ROVIEC" --db "$TAMPERED" list $asked --format json | json_tsv)
	is "$(cat "$T/got")" "$want" "tampered: list $asked shows, column by column, what its JSON shows"
done
got=$("$ROVIEC" --db "$TAMPERED" list --status pending --format tsv |
    awk -F '\t' -v ref="$both" '$1 == ref { print $3 " [" $7 "]" }')
is "$got" "pending []" "tampered: $both waits, since no day the view knows: pending, not unanswered"

done_testing
