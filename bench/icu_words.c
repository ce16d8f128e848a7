/*
 * icu_words.c - baseline for bench/tok.sh: count the words of a UTF-8
 * file with ICU's word BreakIterator (ubrk, UText over the UTF-8 bytes,
 * no conversion to UTF-16), as a tokenizer built on ICU would.
 *
 *   icu_words FILE   prints "WORDS BYTES SECONDS CPUSECONDS" (wall and
 *   process CPU time of the loop; CPU time is robust to a loaded machine)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

int main(int argc, char **argv)
{
	FILE *fp;
	char *buf;
	long size;
	UErrorCode ec = U_ZERO_ERROR;
	UText *ut;
	UBreakIterator *bi;
	struct timespec a, b, ca, cb;
	unsigned long words = 0;
	int32_t pos;

	if (argc != 2 || !(fp = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: icu_words FILE\n");
		return 2;
	}
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)size + 1);
	if (!buf || fread(buf, 1, (size_t)size, fp) != (size_t)size) {
		fprintf(stderr, "icu_words: cannot read %s\n", argv[1]);
		return 2;
	}
	fclose(fp);

	clock_gettime(CLOCK_MONOTONIC, &a);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
	ut = utext_openUTF8(NULL, buf, size, &ec);
	bi = ubrk_open(UBRK_WORD, "ar", NULL, 0, &ec);
	ubrk_setUText(bi, ut, &ec);
	if (U_FAILURE(ec)) {
		fprintf(stderr, "icu_words: %s\n", u_errorName(ec));
		return 2;
	}
	for (pos = ubrk_first(bi); pos != UBRK_DONE; pos = ubrk_next(bi))
		if (ubrk_getRuleStatus(bi) != UBRK_WORD_NONE)
			words++;
	clock_gettime(CLOCK_MONOTONIC, &b);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
	printf("%lu %ld %.3f %.3f\n", words, size,
	       (double)(b.tv_sec - a.tv_sec) +
	               (double)(b.tv_nsec - a.tv_nsec) / 1e9,
	       (double)(cb.tv_sec - ca.tv_sec) +
	               (double)(cb.tv_nsec - ca.tv_nsec) / 1e9);
	ubrk_close(bi);
	utext_close(ut);
	free(buf);
	return 0;
}
