# roviec: a terminal task dispatcher for ward and commune officials.
# make deps run    install what a fresh Debian machine lacks, build, open the demo
# make check       build and pass every test (TAP, run by prove)

PREFIX    ?= /usr/local
MANPREFIX ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
# The login snippet (profile.d) and the digest's cron file (cron.d): under
# /etc for a system PREFIX, else beside the program (a trial install).
SYSCONFDIR ?= $(if $(filter /usr /usr/local,$(PREFIX)),/etc,$(PREFIX)/etc)
DESTDIR   ?=
# The server layout (roviec(1), THE SERVER), made by a root make install:
# the system configuration (compiled in), the database's folder, and the
# system group the program is setgid to, which no official is in.
# SERVER=no installs without it, as a packager or a single user does.
SYSCONFDIR   ?= /etc
DBDIR        ?= /var/lib/roviec
ROVIEC_GROUP ?= roviec
SERVER       ?= auto

CC      ?= cc
CFLAGS  ?= -O2 -g
# The invariants the code relies on are assert()s beside where they are
# relied on (SQLite's way): on in every build the tests run; a release for
# the server is built with RELEASE=1, which compiles them out (-DNDEBUG).
RELEASE ?=
WERROR  ?=
WARN     = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wwrite-strings $(WERROR)

# Debian packages: what the build links against and what the tests drive.
DEB_BUILD = gcc make pkg-config libncurses-dev libsqlite3-dev uuid-dev libutf8proc-dev nettle-dev gettext
DEB_TEST  = sqlite3 tmux faketime groff-base perl graphviz locales
DEB_BENCH = taskwarrior
DEB_FUZZ  = clang
DEB_SERVER = openssh-server openssh-client passwd tmux sqlite3 perl
PKGS      = ncursesw sqlite3 uuid libutf8proc nettle

# Recursive (=) on purpose: `make deps run` parses this file before deps has
# installed the libraries, so pkg-config must be asked when a recipe runs.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))

ALL_CPPFLAGS = -Iinclude -Ibuild -D_POSIX_C_SOURCE=200809L -DLOCALEDIR='"$(LOCALEDIR)"' \
    -DSYSCONFDIR='"$(SYSCONFDIR)"' \
    $(if $(RELEASE),-DNDEBUG) $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = $(WARN) $(CFLAGS)

SRC   = $(wildcard src/*.c src/tui/*.c)
OBJ   = $(SRC:src/%.c=build/%.o) build/migrations.o
LIBOBJ = $(filter-out build/main.o,$(OBJ))
MIGRATIONS = $(sort $(wildcard db/migrations/*.sql))
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/tests/%.t)

DEMO_DB ?= $(CURDIR)/demo.db

.PHONY: all pot run check check-dates check-faults check-server check-valgrind fuzz deps-fuzz deps deps-bench deps-server install install-server uninstall clean asan lint-man bench

all: roviec

# The translations: po/LANG.po becomes build/locale/LANG/LC_MESSAGES/roviec.mo,
# which the program finds beside itself in the build tree (i18n.c).
LANGS = $(basename $(notdir $(wildcard po/*.po)))
MO    = $(LANGS:%=build/locale/%/LC_MESSAGES/roviec.mo)

build/locale/%/LC_MESSAGES/roviec.mo: po/%.po
	mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# The catalogue's template, from the sources (make pot, then msgmerge).
pot:
	xgettext --add-location=file --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=NC_:1c,2 --add-comments=TRANSLATORS \
	    --package-name=roviec --msgid-bugs-address=dev@roviec.invalid \
	    -o po/roviec.pot $(sort $(wildcard src/*.c src/tui/*.c))

roviec: $(OBJ) $(MO)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(PKG_LIBS) $(LDLIBS)

build/%.o: src/%.c $(wildcard include/roviec/*.h) | build build/tui
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The migrations are compiled into the binary: each db/migrations/NNNN_*.sql
# becomes one C string, in order; migration N sets user_version to N.  The
# folder is a prerequisite too: a migration removed (one never landed) must
# leave the binary, or it would carry a database to a schema none knows.
build/migrations.c: $(MIGRATIONS) db/migrations db/embed.sh | build
	sh db/embed.sh $(MIGRATIONS) > $@.tmp && mv $@.tmp $@

build/migrations.o: build/migrations.c
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

build build/tests build/tui:
	mkdir -p $@

build/tests/%.t: tests/unit/%.c tests/unit/tap.h $(LIBOBJ) | build/tests
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIBOBJ) $(PKG_LIBS) $(LDLIBS)

# Opens the board on a demo database; without a terminal it only builds and
# initialises it (roviec demo prints the board instead of drawing it).
run: roviec
	./roviec --db "$(DEMO_DB)" demo

# Every test runs at TEST_NOW, never at the real moment (tests/clock.sh).
check: roviec $(UNIT_BIN)
	ROVIEC="$(CURDIR)/roviec" tests/pinned prove -j2 $(PROVE_FLAGS) $(UNIT_BIN) tests/cli/*.t tests/tui/*.t

# The whole suite again at three days that move calendars: the first of a
# month, a Monday after a public holiday, the last day of a year (09:00 in
# Đà Lạt).  About 5 minutes; CI runs it.
CHECK_DATES = 2027-03-01T02:00:00 2027-01-04T02:00:00 2026-12-31T02:00:00
check-dates: roviec $(UNIT_BIN)
	@for d in $(CHECK_DATES); do \
	    echo "check-dates: the suite at $$d UTC"; \
	    TEST_NOW="$$(echo $$d | tr T ' ')" ROVIEC="$(CURDIR)/roviec" tests/pinned \
	        prove -j2 $(PROVE_FLAGS) $(UNIT_BIN) tests/cli/*.t tests/tui/*.t || exit 1; \
	done

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
# faketime is preloaded by some tests, so ASan may not come first.
asan: export ASAN_OPTIONS = verify_asan_link_order=0:detect_leaks=1
asan:
	$(MAKE) clean
	$(MAKE) CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" check

# make bench: realistic databases of 10,000 to 1,000,000 duties made by
# bench/gen.c, measured beside taskwarrior; writes bench/results.md.
build/bench-gen: bench/gen.c $(LIBOBJ) | build
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ bench/gen.c $(LIBOBJ) $(PKG_LIBS) $(LDLIBS)

# The floor of each job: build/roviec-trace is roviec with store.c built to
# write every statement it runs ($$ROVIEC_TRACE), and build/bench-floor runs
# those statements again in a process with nothing else of roviec.
build/bench-store.o: src/store.c $(wildcard include/roviec/*.h) | build
	$(CC) $(ALL_CPPFLAGS) -DRV_BENCH_TRACE $(ALL_CFLAGS) -c -o $@ src/store.c

build/roviec-trace: $(filter-out build/store.o,$(OBJ)) build/bench-store.o $(MO)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(filter-out build/store.o,$(OBJ)) build/bench-store.o $(PKG_LIBS) $(LDLIBS)

build/bench-floor: bench/floor.c $(LIBOBJ) | build
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ bench/floor.c $(LIBOBJ) $(PKG_LIBS) $(LDLIBS)

bench: roviec build/bench-gen build/roviec-trace build/bench-floor deps-bench
	ROVIEC="$(CURDIR)/roviec" GEN="$(CURDIR)/build/bench-gen" \
	    TRACED="$(CURDIR)/build/roviec-trace" FLOOR="$(CURDIR)/build/bench-floor" perl bench/bench.pl

# Fuzzing: a libFuzzer target per parser of outside input (tests/fuzz),
# built with clang and ASan/UBSan in build-fuzz/, each run FUZZ_SECONDS from
# the seed corpus; a crash or a broken promise fails.  The corpus (with every
# crash once fixed) is replayed in make check by tests/unit/fuzz_replay.c.
FUZZ_TARGETS = dates text csv config argv facts
FUZZ_SECONDS ?= 30
FUZZ_CC     ?= clang
FUZZ_FLAGS   = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

fuzz: build/migrations.c deps-fuzz
	@mkdir -p build-fuzz
	@for f in $(filter-out src/main.c,$(SRC)) build/migrations.c tests/fuzz/targets.c; do \
	    $(FUZZ_CC) $(ALL_CPPFLAGS) -Itests/fuzz $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
	        -c -o build-fuzz/$$(echo $$f | tr / _).o $$f || exit 1; \
	done
	@for t in $(FUZZ_TARGETS); do \
	    $(FUZZ_CC) $(ALL_CPPFLAGS) -Itests/fuzz $(FUZZ_FLAGS) -fsanitize=fuzzer -DFUZZ_TARGET=$$t \
	        -o build-fuzz/fuzz-$$t tests/fuzz/fuzz.c build-fuzz/*.o $(PKG_LIBS) || exit 1; \
	done
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p build-fuzz/corpus/$$t && cp tests/fuzz/corpus/$$t/* build-fuzz/corpus/$$t/ && \
	    ASAN_OPTIONS=detect_leaks=1 build-fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=1024 \
	        -artifact_prefix=build-fuzz/crash-$$t- build-fuzz/corpus/$$t >build-fuzz/$$t.log 2>&1; \
	    rc=$$?; echo "fuzz $$t: $$(grep -E '^#[0-9]+.*DONE|^Done' build-fuzz/$$t.log | tail -2 | tr '\n' ' ')"; \
	    if [ $$rc -ne 0 ]; then tail -40 build-fuzz/$$t.log; exit 1; fi; \
	done

deps-fuzz:
	@$(MAKE) --no-print-directory deps DEB_BUILD= DEB_TEST="$(DEB_FUZZ)"

# Faults: writers killed at random, a disk that fills up, damaged or newer
# database files, a hang-up in every form (KILL_ROUNDS=150 by default).
check-faults: roviec
	ROVIEC="$(CURDIR)/roviec" prove $(PROVE_FLAGS) tests/faults/*.t

# The board's tmux tests with roviec under valgrind: any memory error or
# definite leak fails (the logs are listed); timeouts are stretched.
check-valgrind: roviec
	@command -v valgrind >/dev/null || $(MAKE) --no-print-directory deps DEB_BUILD= DEB_TEST=valgrind
	@rm -rf build/valgrind && mkdir -p build/valgrind
	ROVIEC="$(CURDIR)/tests/valgrind/roviec" ROVIEC_REAL="$(CURDIR)/roviec" \
	    VALGRIND_LOGS="$(CURDIR)/build/valgrind" WAIT_SCALE=$${WAIT_SCALE:-8} \
	    prove $(PROVE_FLAGS) tests/tui/*.t
	@# A board hung up as its test ended may still be writing its log (vg.PID).
	@for f in build/valgrind/vg.*; do n=0; \
	    while kill -0 "$${f##*.}" 2>/dev/null && [ $$n -lt 300 ]; do sleep 0.1; n=$$((n + 1)); done; \
	done
	@# With -q valgrind writes only what it reports: any log not empty fails
	@# (a definite leak is "... definitely lost in loss record", no summary).
	@bad=$$(find build/valgrind -name 'vg.*' -size +0c | sort); \
	if [ -n "$$bad" ]; then head -n 60 $$bad; \
	    echo "check-valgrind: valgrind reported errors or leaks in:" $$bad; exit 1; \
	else echo "check-valgrind: $$(ls build/valgrind | wc -l) roviec processes, no error, no definite leak"; fi

# The server test: real accounts, a real sshd on a loopback port (as root).
check-server: roviec deps-server
	ROVIEC="$(CURDIR)/roviec" prove $(PROVE_FLAGS) tests/server/*.t

deps-server:
	@$(MAKE) --no-print-directory deps DEB_BUILD= DEB_TEST="$(DEB_SERVER)"

deps-bench:
	@$(MAKE) --no-print-directory deps DEB_BUILD= DEB_TEST="$(DEB_BENCH) tmux sqlite3 perl"

deps:
	@missing=""; for p in $(DEB_BUILD) $(DEB_TEST); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all Debian packages present"; exit 0; fi; \
	echo "deps: installing$$missing"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing

# The program is put in place whole (a new file, then renamed), never
# rewritten where a running setgid copy is.  As root without DESTDIR, the
# server layout follows: the group (a system group, made if missing), the
# program setgid to it, the database's folder 2770 root:group, and
# SYSCONFDIR/roviec.conf naming the database (never overwritten).  With
# DESTDIR (a package) or as another user, the program is installed 0755
# for single-user use, and what the server needs is said.
install: roviec
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man5
	cp -f roviec $(DESTDIR)$(PREFIX)/bin/.roviec.new
	chmod 755 $(DESTDIR)$(PREFIX)/bin/.roviec.new
	mv -f $(DESTDIR)$(PREFIX)/bin/.roviec.new $(DESTDIR)$(PREFIX)/bin/roviec
	cp -f man/roviec.1 $(DESTDIR)$(MANPREFIX)/man1/roviec.1
	chmod 644 $(DESTDIR)$(MANPREFIX)/man1/roviec.1
	cp -f man/roviec.5 $(DESTDIR)$(MANPREFIX)/man5/roviec.5
	chmod 644 $(DESTDIR)$(MANPREFIX)/man5/roviec.5
	mkdir -p $(DESTDIR)$(SYSCONFDIR)/profile.d $(DESTDIR)$(SYSCONFDIR)/cron.d
	sed 's|@BINDIR@|$(PREFIX)/bin|g' etc/roviec-brief.sh > $(DESTDIR)$(SYSCONFDIR)/profile.d/roviec-brief.sh
	chmod 644 $(DESTDIR)$(SYSCONFDIR)/profile.d/roviec-brief.sh
	sed 's|@BINDIR@|$(PREFIX)/bin|g' etc/roviec.cron > $(DESTDIR)$(SYSCONFDIR)/cron.d/roviec
	chmod 644 $(DESTDIR)$(SYSCONFDIR)/cron.d/roviec
	for l in $(LANGS); do \
	    mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    cp -f build/locale/$$l/LC_MESSAGES/roviec.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/roviec.mo && \
	    chmod 644 $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/roviec.mo || exit 1; \
	done
	@if [ "$(SERVER)" = no ]; then \
	    echo "install: SERVER=no: roviec is installed for single-user use"; \
	elif [ -n "$(DESTDIR)" ]; then \
	    echo "install: DESTDIR is set, so the server layout is the package's to make on the target:"; \
	    echo "  group $(ROVIEC_GROUP) (no official in it), $(PREFIX)/bin/roviec root:$(ROVIEC_GROUP) 2755,"; \
	    echo "  $(DBDIR) root:$(ROVIEC_GROUP) 2770, db = $(DBDIR)/roviec.db in $(SYSCONFDIR)/roviec.conf (roviec(1), THE SERVER)"; \
	elif [ "$$(id -u)" != 0 ]; then \
	    echo "install: not root, so roviec is installed for single-user use; as root, make install also makes the server layout (roviec(1), THE SERVER)"; \
	else \
	    $(MAKE) --no-print-directory install-server; \
	fi

install-server:
	@getent group $(ROVIEC_GROUP) >/dev/null || groupadd --system $(ROVIEC_GROUP) || exit 1; \
	if [ -n "$$(getent group $(ROVIEC_GROUP) | cut -d: -f4)" ]; then \
	    echo "install: warning: the group $(ROVIEC_GROUP) has members ($$(getent group $(ROVIEC_GROUP) | cut -d: -f4)): no official may be in it"; \
	fi; \
	chown root:$(ROVIEC_GROUP) $(PREFIX)/bin/roviec && chmod 2755 $(PREFIX)/bin/roviec || exit 1; \
	mkdir -p $(DBDIR) && chown root:$(ROVIEC_GROUP) $(DBDIR) && chmod 2770 $(DBDIR) || exit 1; \
	for f in $(DBDIR)/roviec.db $(DBDIR)/roviec.db-wal $(DBDIR)/roviec.db-shm; do \
	    [ ! -e "$$f" ] || { chgrp $(ROVIEC_GROUP) "$$f" && chmod 0660 "$$f"; } || exit 1; \
	done; \
	[ ! -e $(DBDIR)/roviec.db.key ] || { chown root:$(ROVIEC_GROUP) $(DBDIR)/roviec.db.key && \
	    chmod 0440 $(DBDIR)/roviec.db.key; } || exit 1; \
	if [ ! -e $(SYSCONFDIR)/roviec.conf ]; then \
	    mkdir -p $(SYSCONFDIR) && \
	    printf '# %s: the server'"'"'s settings (roviec(5)).\ndb = %s\ntimezone = Asia/Ho_Chi_Minh\n' \
	        "$(SYSCONFDIR)/roviec.conf" "$(DBDIR)/roviec.db" > $(SYSCONFDIR)/roviec.conf && \
	    chmod 644 $(SYSCONFDIR)/roviec.conf || exit 1; \
	fi; \
	echo "install: the server layout: $(PREFIX)/bin/roviec setgid $(ROVIEC_GROUP), $(DBDIR) 2770 root:$(ROVIEC_GROUP), $(SYSCONFDIR)/roviec.conf"; \
	[ -e $(DBDIR)/roviec.db ] || echo "install: now make the database: sudo roviec init"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/roviec $(DESTDIR)$(MANPREFIX)/man1/roviec.1 \
	    $(DESTDIR)$(MANPREFIX)/man5/roviec.5 \
	    $(DESTDIR)$(SYSCONFDIR)/profile.d/roviec-brief.sh $(DESTDIR)$(SYSCONFDIR)/cron.d/roviec \
	    $(LANGS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/roviec.mo)

lint-man:
	groff -ww -z -mandoc man/roviec.1 man/roviec.5

clean:
	rm -rf build build-fuzz roviec
