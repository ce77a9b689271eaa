#!/bin/sh
# The board opens on what waits for the acting person (issue #11): the
# counts roviec brief prints, from the same function; opening it is
# looking, so what came before is not new any more.
. "$(dirname "$0")/lib.sh"

# The city is set up an hour before the boards open: what came to a person
# in the very second they looked counts as new (brief.c), so the setup
# must be done before, whatever the machine's speed.
real=$ROVIEC
EARLY=$(date -u -d '-1 hour' '+%Y-%m-%d %H:%M:%S')
printf '#!/bin/sh\nexec env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED TZ=UTC faketime "%s" "%s" "$@"\n' \
    "$EARLY" "$real" >"$T/early"
chmod +x "$T/early"
ROVIEC=$T/early
fixture_city || exit 1
A=$(new_duty) && B=$(new_duty) &&
    "$ROVIEC" --db "$DB" --as off1 done "$B" --note "Đã gửi báo cáo" >/dev/null &&
C=$(LEAD=P2 OWNER=off2 new_duty) &&
    "$ROVIEC" --db "$DB" --as off2 transfer "$C" P1 --reason "Thuộc địa bàn Phường 1" >/dev/null
ok $? "for P1, an hour before: a duty of off1 ($A), a result of off1 to confirm ($B), a proposal from P2 ($C)"
ROVIEC=$real

for who in chutich head1 off1; do
	want=$(LANG=C.UTF-8 LC_ALL= LANGUAGE= "$ROVIEC" --db "$DB" --as $who brief --format json |
	    perl -MJSON::PP -0e 'my $d = decode_json(<STDIN>); my %l = (proposals => "proposals to answer",
	    extensions => "extension requests", confirm => "results to confirm", overdue => "overdue",
	    due_soon => "due soon", new => "new to you", parts => "parts your unit owes");
	    print join(" · ", map { "$l{$_}: $d->{counts}{$_}" } grep { $d->{counts}{$_} }
	    qw(proposals extensions confirm overdue due_soon new parts))')
	SESSION=$who BOARD_ARGS="--as $who" board
	SESSION=$who wait_for "as $who"
	ok $? "$who's board opens"
	SESSION=$who wait_for "Waiting for you: "
	is "$(SESSION=$who screen | tr '\n' ' ' | sed 's/  */ /g' | grep -o 'Waiting for you: [^│]*' | sed 's/ *$//')" \
	    "Waiting for you: $want" "$who's board opens on roviec brief's counts ($want)"
	SESSION=$who keys q
	SESSION=$who wait_for '^EXITED 0'
	ok $? "$who's board closes"
done
like "$(sqlite3 "$DB" "SELECT group_concat(p.login, ' ') FROM people_seen s JOIN people p ON p.id = s.person_id")" \
    "off1" "opening the board is looking: recorded"
run --as off1 brief --format json
is "$(printf '%s' "$out" | perl -MJSON::PP -0e 'print decode_json(<STDIN>)->{counts}{new}')" 0 \
    "so nothing is new to off1 after it"

done_testing
