/*
 * demo: the Đà Lạt demo data: the city's wards, communes, departments and
 * party bodies, their officials, and a few hundred duties whose histories
 * are played through the real core (duty.h) on a clock moved into the past,
 * so that every flag of PRODUCT.md rule 6 shows on the boards as of today.
 */
#ifndef ROVIEC_DEMO_H
#define ROVIEC_DEMO_H

#include "roviec/err.h"
#include "roviec/session.h"

/*
 * Fills a freshly created database, right after org_bootstrap (s->me is the
 * administrator who ran init): the units, their people, then the duties,
 * all in one transaction.  The acting login becomes the head of Phường 1
 * and stays administrator.  Runs on the same day give the same units,
 * people and duties (a fixed seed; only the UUIDs differ), with the
 * histories ending near today.
 *
 * Returns RV_OK; or, with nothing written, RV_REFUSED when an action of the
 * script was refused (err names the step and quotes the refusal: a bug of
 * the script or of the core) or RV_STORAGE when the database failed.  On
 * return s->now is the clock it had, and s->me is the acting login freshly
 * loaded.
 */
enum rv_code demo_build(struct session *s, struct rv_err *err);

#endif
