/* err: errors as values (see err.h). */
#include "roviec/err.h"

#include <stdarg.h>
#include <stdio.h>

enum rv_code
err_set(struct rv_err *err, enum rv_code code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	err->code = code;
	err->field = NULL;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

void
err_clear(struct rv_err *err)
{
	if (err == NULL)
		return;
	err->code = RV_OK;
	err->msg[0] = '\0';
	err->field = NULL;
}

enum rv_code
err_field(struct rv_err *err, const char *field)
{
	if (err == NULL)
		return RV_OK;
	if (err->field == NULL)
		err->field = field;
	return err->code;
}
