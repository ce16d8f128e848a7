/* clitic.c - the Arabic clitics (clitic.h). */
#include "config.h"

#include "clitic.h"

const char *const ar_clitic__enclitics[] = { "هما", "كما", "هم", "هن", "كم",
	                                     "كن",  "ها",  "نا", "ني", "ه",
	                                     "ك",   "ي",   NULL };

int ar_clitic__open_enclitic(size_t k)
{
	return k != 5 && k != 8;
}

#define U_WAW  "\xd9\x88"
#define U_FEH  "\xd9\x81"
#define U_BEH  "\xd8\xa8"
#define U_KAF  "\xd9\x83"
#define U_LAM  "\xd9\x84"
#define U_ALEF "\xd8\xa7"

int ar_clitic__readings(const char *f, size_t len, ar_clitic_reading *out)
{
	static const char *const conj[] = { "", U_WAW, U_FEH };
	static const char *const prep[] = { "", U_BEH, U_KAF, U_LAM };
	int n = 0, a, b;

	for (a = 0; a < 3; a++)
		for (b = 0; b < 4; b++) {
			size_t ca = strlen(conj[a]), pb = strlen(prep[b]);
			size_t p = ca + pb;
			if (p + 4 > len || memcmp(f, conj[a], ca) ||
			    memcmp(f + ca, prep[b], pb))
				continue;
			out[n].skip = p;
			out[n].letters = p / 2;
			out[n++].elided = 0;
			if (len >= p + 8 &&
			    memcmp(f + p, U_ALEF U_LAM, 4) == 0) {
				out[n].skip = p + 4;
				out[n].letters = p / 2 + 2;
				out[n++].elided = 0;
			}
			if (b == 3 && len >= p + 6 &&
			    memcmp(f + p, U_LAM, 2) == 0) {
				/* لل: the article's alef is not written */
				out[n].skip = p;
				out[n].letters = p / 2;
				out[n++].elided = 1;
				out[n].skip = p + 2;
				out[n].letters = p / 2 + 1;
				out[n++].elided = 0;
			}
		}
	return n;
}
