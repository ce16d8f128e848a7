/* headertest.c - the public header must compile on its own, as strict C99
 * (-std=c99 -pedantic -Werror) and as C++ (headertest.cc includes this
 * file), and its declarations must be usable. */
#include "arabic.h"

#include <string.h>

int main(void)
{
	ar_buf b = AR_BUF_INIT;
	ar_error e;
	ar_norm_options no = AR_NORM_OPTIONS_INIT;
	ar_tok_options to = AR_TOK_OPTIONS_INIT;

	memset(&e, 0, sizeof e);
	ar_buf_dispose(&b);
	(void)no;
	(void)to;
	return strcmp(ar_version(), AR_VERSION_STRING) != 0;
}
