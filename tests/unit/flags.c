/* Unit tests of flags_compute: the thresholds of PRODUCT.md rule 6 at
 * their boundaries, in working days. */
#include "roviec/flags.h"

#include "tap.h"

static day_t
day(const char *iso)
{
	day_t d = DAY_NONE;

	dates_from_iso(iso, &d);
	return d;
}

/* An open duty created and last touched on `touched`, due on `due`. */
static struct flag_facts
open_duty(const char *touched, const char *due)
{
	struct flag_facts f = {
		.open = 1, .finished = 0, .deadline = day(due),
		.original_deadline = day(due), .done_on = DAY_NONE,
		.last_progress_on = day(touched), .pending_since = DAY_NONE,
	};

	return f;
}

int
main(void)
{
	struct flag_rules r;
	struct flag_facts f;
	day_t mon = day("2026-11-23"), fri = day("2026-11-27");
	day_t sat = day("2026-11-28"), nextmon = day("2026-11-30");
	day_t holidays[] = { day("2026-11-25") };
	unsigned flag;

	flags_default_rules(&r);
	is_num(r.stalled_days, 7, "stalled after 7 working days by default");
	is_num(r.unanswered_days, 2, "unanswered after 2 working days by default");
	is_num(r.due_soon_days, 3, "due soon within 3 working days by default");
	is_num(r.tossed_handoffs, 3, "tossed after 3 handoffs by default");

	/* Stalled: last progress Mon 2026-11-16; 7 working days later is Wed 25. */
	f = open_duty("2026-11-16", "2027-01-31");
	ok(!(flags_compute(&f, &r, day("2026-11-24")) & FLAG_STALLED), "6 working days: not stalled");
	ok(flags_compute(&f, &r, day("2026-11-25")) & FLAG_STALLED, "7 working days: stalled");
	ok(!(flags_compute(&f, &r, day("2026-11-22")) & FLAG_STALLED),
	    "the weekend does not count towards stalled");
	r.cal.holidays = holidays;
	r.cal.n = 1;
	ok(!(flags_compute(&f, &r, day("2026-11-25")) & FLAG_STALLED),
	    "a public holiday does not count towards stalled");
	ok(flags_compute(&f, &r, day("2026-11-26")) & FLAG_STALLED,
	    "the next working day after the holiday it is stalled");
	r.cal.n = 0;
	r.stalled_days = 3;
	ok(flags_compute(&f, &r, day("2026-11-19")) & FLAG_STALLED, "the threshold is configurable");
	r.stalled_days = 7;

	/* Unanswered: proposed Friday; Monday is 1 working day, Tuesday 2. */
	f = open_duty("2026-11-27", "2027-01-31");
	f.pending_since = fri;
	ok(!(flags_compute(&f, &r, nextmon) & FLAG_UNANSWERED), "1 working day waiting: not unanswered");
	ok(flags_compute(&f, &r, day("2026-12-01")) & FLAG_UNANSWERED, "2 working days waiting: unanswered");
	f.open = 0;
	ok(!(flags_compute(&f, &r, day("2026-12-01")) & FLAG_UNANSWERED), "a closed duty is not unanswered");

	/* Overdue and due soon, against the current deadline. */
	f = open_duty("2026-11-27", "2026-11-27");
	ok(!(flags_compute(&f, &r, fri) & FLAG_OVERDUE), "on the deadline day: not overdue");
	ok(flags_compute(&f, &r, fri) & FLAG_DUE_SOON, "on the deadline day: due soon");
	ok(flags_compute(&f, &r, sat) & FLAG_OVERDUE, "the day after: overdue");
	ok(!(flags_compute(&f, &r, sat) & FLAG_DUE_SOON), "overdue is not also due soon");
	f = open_duty("2026-11-27", "2026-12-02");
	ok(flags_compute(&f, &r, fri) & FLAG_DUE_SOON, "3 working days left (Wed, over a weekend): due soon");
	f = open_duty("2026-11-27", "2026-12-03");
	ok(!(flags_compute(&f, &r, fri) & FLAG_DUE_SOON), "4 working days left: not due soon");
	f.deadline = day("2026-11-20");
	ok(flags_compute(&f, &r, fri) & FLAG_OVERDUE, "overdue looks at the current deadline");

	/* Late: finished after the original deadline, whatever the extension. */
	f = open_duty("2026-11-27", "2026-11-20");
	f.open = 0;
	f.finished = 1;
	f.deadline = day("2026-12-20");
	f.done_on = mon;
	ok(flags_compute(&f, &r, sat) & FLAG_LATE, "done after the original deadline: late, extension or not");
	ok(!(flags_compute(&f, &r, sat) & FLAG_OVERDUE), "a finished duty is never overdue");
	f.done_on = day("2026-11-20");
	ok(!(flags_compute(&f, &r, sat) & FLAG_LATE), "done on the original deadline: not late");

	/* The sticky facts. */
	f = open_duty("2026-11-27", "2027-01-31");
	f.handoffs = 2;
	ok(!(flags_compute(&f, &r, fri) & FLAG_TOSSED), "2 handoffs: not tossed");
	f.handoffs = 3;
	ok(flags_compute(&f, &r, fri) & FLAG_TOSSED, "3 handoffs: tossed");
	f.bounced = 1;
	f.escalated = 1;
	ok((flags_compute(&f, &r, fri) & (FLAG_BOUNCED | FLAG_ESCALATED)) ==
	    (FLAG_BOUNCED | FLAG_ESCALATED), "bounced and escalated are kept as facts");

	/* FLAGS_OF_OPEN and FLAGS_OF_FINISHED (which statuses a list of a flag
	 * reads): with every other fact raising its flag, a duty neither open
	 * nor finished has none of them, an open one none of the finished
	 * ones, a finished one none of the open ones. */
	f = open_duty("2026-10-01", "2026-11-20");
	f.pending_since = day("2026-10-01");
	f.done_on = mon;
	for (int open = 0; open <= 1; open++)
		for (int finished = 0; finished <= 1 - open; finished++) {
			f.open = open;
			f.finished = finished;
			flag = flags_compute(&f, &r, sat);
			ok(!(flag & FLAGS_OF_OPEN) == !open &&
			    !(flag & FLAGS_OF_FINISHED) == !finished,
			    "open %d, finished %d: flags 0x%x, the open ones only when open, "
			    "the finished ones only when finished", open, finished, flag);
		}
	f = open_duty("2026-11-27", "2026-12-01");
	ok(flags_compute(&f, &r, fri) & FLAG_DUE_SOON & FLAGS_OF_OPEN, "due soon is one of the open ones");

	/* flags_stalled_by: the day that says which last progress leaves an
	 * open duty stalled, as flags_compute says duty by duty, around the
	 * weekends and a holiday, for several thresholds. */
	r.cal.holidays = holidays;
	r.cal.n = 1;
	for (int n = 0; n <= 9; n += 3) {
		day_t today = day("2026-11-30"), by;
		int agree = 1;

		r.stalled_days = n;
		by = flags_stalled_by(&r, today);
		for (day_t last = today - 30; last <= today; last++) {
			f = open_duty("2026-11-01", "2027-01-31");
			f.last_progress_on = last;
			if (!(flags_compute(&f, &r, today) & FLAG_STALLED) != !(last <= by))
				agree = 0;
		}
		ok(agree, "stalled after %d working days: flags_stalled_by agrees with "
		    "flags_compute for every last progress in the month before", n);
	}

	/* flags_due_soon_until: the last deadline due soon, as flags_compute
	 * says duty by duty, from every day of a fortnight with a weekend and
	 * the holiday in it, for several thresholds. */
	for (int n = 0; n <= 6; n += 2) {
		int agree = 1;

		r.due_soon_days = n;
		for (day_t today = day("2026-11-20"); today <= day("2026-12-03"); today++) {
			day_t until = flags_due_soon_until(&r, today);

			for (day_t due = today - 3; due <= today + 20; due++) {
				f = open_duty("2026-11-01", "2027-01-31");
				f.deadline = due;
				if (!(flags_compute(&f, &r, today) & FLAG_DUE_SOON) !=
				    !(due >= today && due <= until))
					agree = 0;
			}
		}
		ok(agree, "due soon within %d working days: flags_due_soon_until agrees with "
		    "flags_compute for every deadline of the weeks around", n);
	}
	r.cal.n = 0;
	r.stalled_days = 7;
	r.due_soon_days = 3;

	/* Words. */
	for (int i = 0; i < FLAG_COUNT; i++) {
		ok(flags_parse(flags_word(1u << i), &flag) == 0 && flag == 1u << i,
		    "flag word '%s' parses back", flags_word(1u << i));
	}
	ok(flags_parse("ping-pong", &flag) != 0, "an unknown word is refused");
	is_str(flags_word(0), "?", "no single flag has no word");
	return done_testing();
}
