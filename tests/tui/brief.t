#!/bin/sh
# The board opens on what waits for the acting person (issue #11): the
# counts roviec brief prints, from the same function; opening it is
# looking, so what came before is not new any more.
. "$(dirname "$0")/lib.sh"

fixture_city || exit 1
A=$(new_duty) && B=$(new_duty) &&
    "$ROVIEC" --db "$DB" --as off1 done "$B" --note "Đã gửi báo cáo" >/dev/null &&
C=$(LEAD=P2 OWNER=off2 new_duty) &&
    "$ROVIEC" --db "$DB" --as off2 transfer "$C" P1 --reason "Thuộc địa bàn Phường 1" >/dev/null
ok $? "for P1: a duty of off1 ($A), a result of off1 to confirm ($B), a proposal from P2 ($C)"

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
done
like "$(sqlite3 "$DB" "SELECT group_concat(p.login, ' ') FROM people_seen s JOIN people p ON p.id = s.person_id")" \
    "off1" "opening the board is looking: recorded"
run --as off1 brief --format json
is "$(printf '%s' "$out" | perl -MJSON::PP -0e 'print decode_json(<STDIN>)->{counts}{new}')" 0 \
    "so nothing is new to off1 after it"

done_testing
