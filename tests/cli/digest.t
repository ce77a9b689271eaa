#!/bin/sh
# roviec digest (issue #11), with a fake sendmail that keeps each message:
# once a day each official with something waiting gets one message, in the
# language they last looked in, listing what waits; run twice the same day
# it sends nothing twice; reminders (a deadline at the due-soon threshold
# and on the day, a proposal left unanswered) come once each; headers stay
# headers whatever the titles hold; a mailer that fails records nothing.
# A week of mail from Monday 2026-12-07, whatever day the suite runs at.
TEST_PIN="2026-12-07 02:00:00"
. "$(dirname "$0")/lib.sh"

fake_mail
at() { _d=$1; shift; faketime "$_d 09:00:00" "$ROVIEC" --db "$DB" "$@"; }
# to LOGIN: the messages sent to LOGIN so far (file names).
to() { grep -l "^To: $1@localhost\$" "$MAIL"/* 2>/dev/null | sort | tr '\n' ' ' | sed 's/ $//'; }
nmail() { ls "$MAIL" | wc -l | tr -d ' '; }
header() { sed -n '2,/^$/p' "$1" | grep -v '^ '; }
subject() {	# the Subject decoded (RFC 2047 base64 words, folded)
	perl -MMIME::Base64 -0ne '/^Subject: (.*?)\n(?! )/ms or exit 1; my $s = $1; $s =~ s/\n //g;
	    $s =~ s/=\?UTF-8\?B\?([^?]*)\?=/decode_base64($1)/ge; print $s' "$1"
}

fixture_city
ok $? "a small city"
# Monday 2026-12-07 (TEST_NOW).  A: due Thursday, three working days away
# (the due-soon threshold); B: proposed to P2; C: an extension asked.
A=$(DUE=2026-12-10 new_duty)
B=$(OWNER=off1b new_duty)
"$ROVIEC" --db "$DB" --as off1b transfer "$B" P2 --reason "Thuộc địa bàn Phường 2" >/dev/null
C=$(LEAD=P3 OWNER=off3 new_duty)
"$ROVIEC" --db "$DB" --as off3 extend "$C" +40 --reason "Chờ ý kiến sở" >/dev/null
ok $? "a duty due Thursday, a transfer to P2, an extension request"
LANG=vi_VN.UTF-8 LC_ALL= LANGUAGE= "$ROVIEC" --db "$DB" --as off1 brief >/dev/null
LANG=C.UTF-8 LC_ALL= LANGUAGE= "$ROVIEC" --db "$DB" --as head2 brief >/dev/null
ok $? "off1 looked in Vietnamese, head2 in English"

expect 1 "only an administrator sends the digest" --as off1 digest
is "$(nmail)" 0 "and nothing was sent"

total=$(at 2026-12-07 --as off1 brief --format json | perl -MJSON::PP -0e 'print decode_json(<STDIN>)->{total}')
at 2026-12-07 digest >"$T/o"
ok $? "digest on Monday"
n1=$(nmail)
for who in off1 off1b head2 off3 chutich; do
	is "$(to $who | wc -w | tr -d ' ')" 1 "Monday: $who gets one message"
done
is "$(to off2)$(to head1)$(to insp)" "" "those with nothing waiting get none"
m=$(to off1)
like "$(sed -n 1p "$m")" "^X-Args: -t -i$" "the mailer is run as sendmail -t -i"
is "$(header "$m" | grep -c '^Content-Type: text/plain; charset=UTF-8$')" 1 "Content-Type text/plain; charset=UTF-8"
like "$(header "$m" | grep '^Subject:')" '^Subject: =\?UTF-8\?B\?' "off1's Vietnamese subject is RFC 2047 encoded"
is "$(subject "$m")" "$(printf "$(vi_of 'roviec: %lld waiting for you on %s' | sed 's/%lld/%d/')" "$total" 07/12/2026)" "and decodes to the Vietnamese subject"
like "$(cat "$m")" "$A" "off1's message lists A"
like "$(cat "$m")" "$(vi_of 'Reminders:')" "with a reminder, in Vietnamese"
like "$(sed -n '/^Reminders\|^Nhắc/,/^$/p' "$m")" "$A" "the reminder is A's (due soon)"
m=$(to head2)
is "$(header "$m" | grep '^Subject:')" "Subject: roviec: 1 waiting for you on 2026-12-07" "head2's English subject stays plain ASCII"
like "$(cat "$m")" "$B" "head2's message lists the proposal B"
unlike "$(cat "$m")" "Reminders:" "a proposal of today is no reminder yet"
like "$(cat "$(to chutich)")" "$C" "the assigner's message lists the extension request C"

at 2026-12-07 digest >"$T/o"
ok $? "digest again the same day"
is "$(nmail)" "$n1" "sends nothing twice"

at 2026-12-08 digest >/dev/null
m=$(to off1 | awk '{ print $NF }')
is "$(to off1 | wc -w | tr -d ' ')" 2 "Tuesday: off1 gets the day's message"
unlike "$(sed -n '/^Nhắc/,/^$/p' "$m")" "$A" "without the due-soon reminder, sent once"
at 2026-12-09 digest >/dev/null
m=$(to head2 | awk '{ print $NF }')
like "$(sed -n '/^Reminders:/,/^$/p' "$m")" "$B" "Wednesday: B waited 2 working days, head2 is reminded"
at 2026-12-10 digest >/dev/null
like "$(sed -n '/^Nhắc/,/^$/p' "$(to off1 | awk '{ print $NF }')")" "$A" "Thursday, A's deadline: the on-the-day reminder"
unlike "$(sed -n '/^Reminders:/,/^$/p' "$(to head2 | awk '{ print $NF }')")" "$B" "and head2 is not reminded of B again"
at 2026-12-10 digest >/dev/null
at 2026-12-11 digest >/dev/null
unlike "$(sed -n '/^Nhắc/,/^$/p' "$(to off1 | awk '{ print $NF }')")" "$A" "Friday: no reminder of A again"
is "$(sqlite3 "$DB" "SELECT group_concat(kind, ' ') FROM notices_sent n JOIN people p ON p.id = n.person_id
    WHERE p.login = 'off1' AND n.duty_id = (SELECT id FROM duties WHERE ref = '$A') ORDER BY kind")" \
    "due-soon due-today" "the database records each reminder once"
for who in off1 head2; do
	is "$(to $who | wc -w | tr -d ' ')" 5 "$who: one message a day, Monday to Friday"
done

# A mailer that fails: nothing recorded, exit 3.
before=$(sqlite3 "$DB" 'SELECT count(*) FROM notices_sent')
FAKE_MAIL_EXIT=1 faketime "2026-12-14 09:00:00" "$ROVIEC" --db "$DB" digest >/dev/null 2>"$T/e"
is "$?" 3 "a mailer that fails: exit 3"
like "$(cat "$T/e")" "did not take the message" "saying so, in the language of whoever runs it"
is "$(sqlite3 "$DB" 'SELECT count(*) FROM notices_sent')" "$before" "nothing recorded as sent"

# Hostile titles: the body shows them inert, the headers stay the same.
rm -f "$MAIL"/*
while IFS="$(printf '\t')" read -r name hex _; do
	case "$name" in ''|\#*|name) continue ;; esac
	text=$(printf '%s' "$hex" | perl -ne 'chomp; print pack("H*", $_)')
	TITLE=$text OWNER=off1b DUE=+1 new_duty >/dev/null 2>&1
done < "$FIXTURES/text-cases.tsv"
at 2026-12-15 digest >/dev/null
m=$(to off1b)
is "$(header "$m" | sed 's/:.*//' | tr '\n' ' ')" "To Subject MIME-Version Content-Type Content-Transfer-Encoding Auto-Submitted X-Roviec  " \
    "the headers are roviec's, none made by a title"
unlike "$(cat "$m")" "$(printf '[\001-\010\013-\037\177]')" "no raw control character in the message"
unlike "$(cat "$m")" "$(printf '\302[\200-\237]')" "nor a C1 control"
like "$(cat "$m")" "Bao cao ␛\[2J" "an escape sequence in a title is shown inert"

done_testing
