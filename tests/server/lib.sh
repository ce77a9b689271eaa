# tests/server/lib.sh: the server as roviec(1), THE SERVER, sets it up,
# for the tests of make check-server (as root): make install into a
# folder of its own with a group of its own (ROVIEC_GROUP, DBDIR), which
# makes the program setgid to that group and /etc/roviec.conf naming the
# database there (the program reads /etc/roviec.conf, compiled in: an
# /etc/roviec.conf already there is put aside and given back at the end).
# Officials are real accounts, none of them in the group.  Everything it
# makes is removed at the end.
. "$(dirname "$0")/../cli/lib.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP needs root to make accounts and a setgid program (run make check-server as root)"
	exit 0
fi
for tool in useradd userdel groupadd groupdel su sqlite3 perl; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is missing: make deps-server installs it"
		exit 0
	fi
done

# A folder every account can reach, on a filesystem that honours setgid.
S=
for base in /var/tmp /tmp; do
	if command -v findmnt >/dev/null 2>&1 &&
	    findmnt -no OPTIONS --target "$base" 2>/dev/null | grep -q nosuid; then
		continue
	fi
	S=$(mktemp -d "$base/roviec-server.XXXXXX") && break
done
if [ -z "$S" ]; then
	echo "1..0 # SKIP no folder here honours setgid programs (nosuid)"
	exit 0
fi
chmod 755 "$S"
TAG=$$
GROUP=rvsrv$TAG			# the program's group: no official in it
CONF=/etc/roviec.conf
DBDIR=$S/var/lib/roviec
SDB=$DBDIR/roviec.db		# the server's database
RV=$S/usr/bin/roviec		# the installed program
ACCOUNTS=
[ -e "$CONF" ] && mv "$CONF" "$S/roviec.conf.saved"

server_cleanup() {
	for u in $ACCOUNTS; do pkill -KILL -u "$u" 2>/dev/null; userdel "$u" 2>/dev/null; done
	groupdel "$GROUP" 2>/dev/null
	rm -f "$CONF"
	[ -e "$S/roviec.conf.saved" ] && mv "$S/roviec.conf.saved" "$CONF"
	rm -rf "$S" "$T"
	clock_done
}
trap server_cleanup EXIT

# server_install: make install as root, the server layout in $S.
server_install() {
	make -s -C "$ROOT" install PREFIX="$S/usr" MANPREFIX="$S/usr/share/man" \
	    SYSCONFDIR=/etc DBDIR="$DBDIR" ROVIEC_GROUP="$GROUP" >"$T/install.out" 2>&1
}

# account LOGIN: a real account with a home of its own, no password
# login but not locked (sshd refuses a locked one even with a key), in no
# group of roviec's.
account() {
	useradd -M -p '*' -d "$S/home/$1" -s /bin/sh "$1" || { echo "Bail out! useradd $1 failed"; exit 1; }
	ACCOUNTS="$ACCOUNTS $1"
	mkdir -p "$S/home/$1" && chown "$1:" "$S/home/$1" && chmod 700 "$S/home/$1"
}

# as LOGIN COMMAND: COMMAND by sh as that account, in its home, with its
# HOME; sets $out, $err and $rc as run does.
as_official() {
	_who=$1
	shift
	su "$_who" -s /bin/sh -c "cd && HOME=$S/home/$_who; export HOME; $*" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}
