#!/bin/sh
# A person's mail address (issue #11): person add/set --mail and person
# import's mail column; roviec digest writes there, else to LOGIN@domain.
# The address goes into a To: header, so anything but a plain address is
# refused with exit 1 and nothing written, whatever text comes in.
TEST_PIN="2026-12-07 02:00:00"
. "$(dirname "$0")/lib.sh"

fake_mail
to() { grep -l "^To: $1\$" "$MAIL"/* 2>/dev/null | wc -l | tr -d ' '; }
stored() { sqlite3 "$DB" "SELECT ifnull(mail, '-') FROM people WHERE login = '$1'"; }

fixture_city
ok $? "a small city"

expect 0 "person add --mail" person add off4 "Ngô Thị Bích" --unit P1 --mail bich.nt@phuong1.dalat.gov.vn
is "$(stored off4)" "bich.nt@phuong1.dalat.gov.vn" "the address is kept"
expect 0 "person set --mail" person set off1 --mail hung.lv+viec@phuong1.dalat.gov.vn
is "$(stored off1)" "hung.lv+viec@phuong1.dalat.gov.vn" "set on someone added without one"
run person list --format csv
like "$out" "^login,name,unit,role,head,left,mail" "person list has a mail column"
like "$out" "off1,Lê Văn Hùng,P1,officer,,,hung.lv\+viec@phuong1.dalat.gov.vn" "with the address"
like "$(sqlite3 "$DB" "SELECT action || ' ' || data FROM history ORDER BY id DESC LIMIT 1")" \
    '^person-changed .*"mail":"hung.lv\+viec@phuong1.dalat.gov.vn"' "the change is in the history, in its facts"
expect 0 "verify passes" verify

# The digest writes to the address given, else to LOGIN@localhost.
A=$(OWNER=off1 new_duty) && B=$(OWNER=off1b new_duty)
ok $? "a duty for off1, one for off1b"
faketime "2026-12-07 09:00:00" "$ROVIEC" --db "$DB" digest >/dev/null
ok $? "digest"
is "$(to 'hung.lv+viec@phuong1.dalat.gov.vn')" 1 "off1 is mailed at their address"
is "$(to 'off1@localhost')" 0 "not at their login"
is "$(to 'off1b@localhost')" 1 "off1b, without one, at LOGIN@localhost"
expect 0 "person set --mail '' takes it away" person set off1 --mail ''
is "$(stored off1)" "-" "none kept"
rm -f "$MAIL"/*
faketime "2026-12-08 09:00:00" "$ROVIEC" --db "$DB" digest >/dev/null
is "$(to 'off1@localhost')" 1 "the next day off1 is mailed at LOGIN@localhost"

# Anything but a plain address: refused, nothing written.
for bad in 'hung' '@phuong1.vn' 'hung@' 'hung@@phuong1.vn' 'a@b@c.vn' 'hung lv@phuong1.vn' \
    'hùng@phuong1.vn' 'hung@phường1.vn' 'hung@.vn' 'hung@phuong1.vn.' \
    "$(printf 'hung@p1.vn\r\nBcc: x@y.vn')" "$(printf 'hung@p1.vn\nX: y')" \
    "hung\"@p1.vn" "hung@p1.vn>" "$(printf '%0300d@p1.vn' 0)"; do
	before=$(dump | md5sum)
	run person set off1b --mail "$bad"
	is "$rc" 1 "--mail '$(printf '%s' "$bad" | tr -c '[:print:]' '?' | cut -c1-40)' is refused with 1"
	like "$err" "not a mail address" "and says what an address is"
	is "$(dump | md5sum)" "$before" "and nothing is written"
done
expect 1 "person add with a bad --mail is refused" person add off5 "Lý Văn Năm" --unit P1 --mail 'x y@z.vn'
is "$(sqlite3 "$DB" "SELECT count(*) FROM people WHERE login = 'off5'")" 0 "and the person is not added"

# The hostile text cases: none is an address roviec takes (each is refused,
# or, if plain ASCII, kept exactly as given); no raw control in the refusal.
while IFS="$(printf '\t')" read -r name hex _; do
	case "$name" in ''|\#*|name) continue ;; esac
	text=$(printf '%s' "$hex" | perl -ne 'chomp; print pack("H*", $_)')
	before=$(dump | md5sum)
	run person set off1b --mail "$text"
	if [ "$rc" -eq 0 ]; then
		is "$(stored off1b)" "$text" "mail '$name': taken as given"
	else
		is "$rc" 1 "mail '$name': refused with 1"
		is "$(dump | md5sum)" "$before" "mail '$name': nothing written"
		unlike "$err" "$(printf '[\001-\010\013-\037\177]')" "mail '$name': no raw control in the refusal"
	fi
done < "$FIXTURES/text-cases.tsv"

# The schema holds the floor itself: the sqlite3 shell cannot store a
# header break either.
sqlite3 "$DB" "UPDATE people SET mail = 'a@b.vn' || char(10) || 'Bcc: x@y.vn' WHERE login = 'off1b'" 2>/dev/null
isnt "$?" 0 "the schema refuses an address with a line break"

# person import's mail column.
printf 'login,name,unit,role,mail\noff6,Trịnh Văn Sáu,P2,officer,sau.tv@phuong2.dalat.gov.vn\noff7,Đinh Thị Bảy,P2,officer,\n' >"$T/p.csv"
expect 0 "person import with a mail column" person import "$T/p.csv"
is "$(stored off6)/$(stored off7)" "sau.tv@phuong2.dalat.gov.vn/-" "an address imported, an empty cell none"
printf 'login,name,unit,role,mail\noff8,Tạ Văn Tám,P2,officer,tam at phuong2\n' >"$T/bad.csv"
run person import "$T/bad.csv"
is "$rc" 1 "an import with a bad address is refused with 1"
is "$(sqlite3 "$DB" "SELECT count(*) FROM people WHERE login = 'off8'")" 0 "and nobody is added"
expect 0 "verify passes after it all" verify

# The address is in the history: one written behind roviec's back (mail
# diverted to someone else) is named by verify.
sqlite3 "$DB" "UPDATE people SET mail = 'spy@example.vn' WHERE login = 'off6'"
expect 1 "an address changed with the sqlite3 shell fails verify" verify
like "$out$err" "off6.*mail address" "naming the person and the field"
sqlite3 "$DB" "UPDATE people SET mail = 'lan@example.vn' WHERE login = 'off7'"
run verify
like "$out$err" "off7.*mail address" "one given to a person who had none, too"

done_testing
