/* headertest.c - the public header must compile on its own, as strict C99
 * (-std=c99 -pedantic -Werror) and as C++ (headertest.cc includes this
 * file), and its declarations must be usable. */
#include "arabic.h"

#include <stdio.h>
#include <string.h>

/* The version macros are plain integers, usable in #if. */
#if !(AR_VERSION_MAJOR >= 0 && AR_VERSION_MINOR >= 0 && AR_VERSION_PATCH >= 0)
#error "AR_VERSION_* do not compile in #if"
#endif

int main(void)
{
	ar_buf b = AR_BUF_INIT;
	ar_error e;
	ar_norm_options no = AR_NORM_OPTIONS_INIT;
	ar_tok_options to = AR_TOK_OPTIONS_INIT;
	char v[64];

	memset(&e, 0, sizeof e);
	ar_buf_dispose(&b);
	(void)no;
	(void)to;
	snprintf(v, sizeof v, "%d.%d.%d", AR_VERSION_MAJOR, AR_VERSION_MINOR,
	         AR_VERSION_PATCH);
	return strcmp(ar_version(), AR_VERSION_STRING) != 0 ||
	       strcmp(v, AR_VERSION_STRING) != 0;
}
