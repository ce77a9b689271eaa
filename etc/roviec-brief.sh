# /etc/profile.d/roviec-brief.sh: what waits in roviec, at an interactive
# SSH login (roviec(1), THE SERVER).  It prints nothing unless
# "login_brief = yes" is set in /etc/roviec.conf (or the official's own
# configuration), nothing for a login outside the officials' group or not
# in the database, nothing when nothing waits; a locked or missing
# database gives one line at most, and roviec gives up within a second.
# Installed by make install; roviec(1) says how to switch it on and off.
case $- in
*i*)
	if [ -n "${SSH_CONNECTION:-}" ] && [ -z "${ROVIEC_NO_BRIEF:-}" ] &&
	    [ -x @BINDIR@/roviec ]; then
		@BINDIR@/roviec brief --login </dev/null 2>&1 | head -n 12
	fi
	;;
esac
