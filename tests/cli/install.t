#!/bin/sh
# make install puts the program, both manuals and the Vietnamese catalogue
# under DESTDIR/PREFIX (MANPREFIX, LOCALEDIR) with their modes; the
# installed program finds its catalogue; make uninstall removes exactly
# what install put, and nothing else.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
D="$T/root"
mkdir -p "$D/usr/share/man/man1"
echo "someone else's page" > "$D/usr/share/man/man1/other.1"
make -s -C "$ROOT" install DESTDIR="$D" PREFIX=/usr >"$T/out" 2>&1
ok $? "make install DESTDIR=... PREFIX=/usr"
for f in usr/bin/roviec:755 usr/share/man/man1/roviec.1:644 usr/share/man/man5/roviec.5:644 \
    usr/share/locale/vi/LC_MESSAGES/roviec.mo:644 etc/profile.d/roviec-brief.sh:644 \
    etc/cron.d/roviec:644; do
	is "$(stat -c %a "$D/${f%:*}" 2>/dev/null)" "${f#*:}" "installs /${f%:*} with mode ${f#*:}"
done
like "$(cat "$T/out")" "DESTDIR is set, so the server layout is the package's to make on the target" \
    "with DESTDIR it leaves the server layout to the package, saying what it needs"
ok $([ -z "$(find "$D" -perm -2000)" ]; echo $?) "and nothing is made setgid"
make -s -C "$ROOT" install PREFIX="$T/plain" SERVER=no >"$T/out" 2>&1
is "$(stat -c %a "$T/plain/bin/roviec" 2>/dev/null)" 755 "SERVER=no installs for single-user use (0755)"
like "$(cat "$T/out")" "SERVER=no: roviec is installed for single-user use" "saying so"
like "$(cat "$D/etc/profile.d/roviec-brief.sh")" "/usr/bin/roviec brief --login" \
    "the login snippet runs the installed roviec brief --login"
sh -n "$D/etc/profile.d/roviec-brief.sh"
ok $? "and is a valid sh script"
like "$(cat "$D/etc/cron.d/roviec")" "^#30 7 \* \* 1-5	root	/usr/bin/roviec digest" \
    "the cron file holds the digest's line, switched off until uncommented"
LANG=vi_VN.UTF-8 "$D/usr/bin/roviec" --help > "$T/help" 2>&1
unlike "$(head -1 "$T/help")" "^usage:" "the installed program finds its catalogue beside it (Vietnamese --help)"
make -s -C "$ROOT" install DESTDIR="$T/root2" PREFIX=/opt/roviec MANPREFIX=/opt/man >/dev/null 2>&1
ok $([ -x "$T/root2/opt/roviec/bin/roviec" ] && [ -f "$T/root2/opt/man/man5/roviec.5" ]; echo $?) \
    "MANPREFIX puts the manuals elsewhere"
ok $([ -f "$T/root2/opt/roviec/etc/profile.d/roviec-brief.sh" ] && [ ! -e "$T/root2/etc" ]; echo $?) \
    "another PREFIX keeps the snippet beside it (SYSCONFDIR), out of /etc"
make -s -C "$ROOT" uninstall DESTDIR="$D" PREFIX=/usr >"$T/out" 2>&1
ok $? "make uninstall with the same variables"
is "$(cd "$D" && find . -type f | sort)" "./usr/share/man/man1/other.1" "removes exactly what install put, leaving the rest"

done_testing
