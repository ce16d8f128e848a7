/*
 * fuzz_affix_diff.c - the library's reader of hunspell dictionaries
 * (affix.c) against hunspell itself: wherever the reader gives a verdict
 * (ar_affix__check() != -1), Hunspell_spell() on the same .aff and .dic
 * must give the same one.  fuzz_affix looks for crashes and unstable
 * verdicts; this target looks for wrong ones.
 *
 * Input: the .aff text, a NUL byte, the .dic text, a NUL byte, then words
 * one per line.  Without the second NUL there are no listed words; without
 * the first, the .dic is empty.  The seeds of fuzz_affix (.aff NUL .dic)
 * are valid inputs.  The files are written to a temporary directory and
 * opened by both; a dictionary the reader refuses is skipped.
 *
 * Words compared: the listed ones, then for each of the first 32 .dic
 * lines its word (before '/'), in upper case and capitalized, with a
 * letter dropped or doubled, with a trailing dot and doubled with a
 * hyphen.  Inputs are kept small (hunspell is created for each one).
 * On a disagreement the word and both verdicts are printed, then abort().
 */
#include "config.h"

#include "affix.h"
#include "fuzz.h"

#include <hunspell.h>
#include <unistd.h>

/* Larger inputs are cut: hunspell's start-up would dominate. */
#define MAX_AFF   65536
#define MAX_DIC   65536
#define MAX_WORDS 64
#define MAX_WORD  120

static char dir[64], aff_path[96], dic_path[96];

static void cleanup(void)
{
	unlink(aff_path);
	unlink(dic_path);
	rmdir(dir);
}

static void write_file(const char *path, const uint8_t *data, size_t len)
{
	FILE *fp = fopen(path, "wb");
	FUZZ_CHECK(fp != NULL);
	FUZZ_CHECK(len == 0 || fwrite(data, 1, len, fp) == len);
	FUZZ_CHECK(fclose(fp) == 0);
}

/* Both verdicts on w[0..len), which holds no NUL byte. */
static void compare(const ar_affix *a, Hunhandle *h, const char *w, size_t len)
{
	char buf[MAX_WORD + 1];
	int ours, theirs;

	if (len > MAX_WORD || memchr(w, '\0', len))
		return;
	ours = ar_affix__check(a, w, len);
	FUZZ_CHECK(ours == -1 || ours == 0 || ours == 1);
	if (ours == -1)
		return;
	memcpy(buf, w, len);
	buf[len] = '\0';
	theirs = Hunspell_spell(h, buf) != 0;
	if (ours != theirs) {
		fprintf(stderr,
		        "fuzz_affix_diff: '%s': affix.c %d, hunspell %d\n", buf,
		        ours, theirs);
		abort();
	}
}

/* The word w[0..len) of a .dic line and forms made from it. */
static void probe(const ar_affix *a, Hunhandle *h, const char *w, size_t len)
{
	char buf[2 * MAX_WORD + 2];
	size_t i;

	if (len == 0 || len > MAX_WORD / 2)
		return;
	compare(a, h, w, len);
	for (i = 0; i < len; i++)
		buf[i] = (char)(w[i] >= 'a' && w[i] <= 'z' ? w[i] - 32 : w[i]);
	compare(a, h, buf, len);
	memcpy(buf, w, len);
	buf[0] = (char)(buf[0] >= 'a' && buf[0] <= 'z' ? buf[0] - 32 : buf[0]);
	compare(a, h, buf, len);
	for (i = 0; i < len; i++) {
		memcpy(buf, w, i);
		memcpy(buf + i, w + i + 1, len - i - 1);
		compare(a, h, buf, len - 1);
		memcpy(buf, w, i + 1);
		memcpy(buf + i + 1, w + i, len - i);
		compare(a, h, buf, len + 1);
	}
	memcpy(buf, w, len);
	buf[len] = '.';
	compare(a, h, buf, len + 1);
	buf[len] = '-';
	memcpy(buf + len + 1, w, len);
	compare(a, h, buf, 2 * len + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size), *dic, *words, *p;
	size_t aff_len = nul ? (size_t)(nul - data) : size, dic_len, words_len;
	size_t i, start, lines;
	ar_affix *a = NULL;
	ar_status st;
	Hunhandle *h;

	dic = nul ? nul + 1 : data + size;
	nul = memchr(dic, '\0', (size_t)(data + size - dic));
	dic_len = nul ? (size_t)(nul - dic) : (size_t)(data + size - dic);
	words = nul ? nul + 1 : data + size;
	words_len = (size_t)(data + size - words);
	if (aff_len > MAX_AFF || dic_len > MAX_DIC)
		return 0;
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/fuzz_affix_diff.XXXXXX");
		FUZZ_CHECK(mkdtemp(dir) != NULL);
		snprintf(aff_path, sizeof aff_path, "%s/x.aff", dir);
		snprintf(dic_path, sizeof dic_path, "%s/x.dic", dir);
		atexit(cleanup);
	}
	write_file(aff_path, data, aff_len);
	write_file(dic_path, dic, dic_len);
	st = ar_affix__open(&a, aff_path, dic_path, NULL);
	if (st != AR_OK)
		return 0; /* refused: hunspell decides everything */
	h = Hunspell_create(aff_path, dic_path);
	FUZZ_OOM(h);
	/* the listed words */
	for (p = words, lines = 0; p < words + words_len && lines < MAX_WORDS;
	     lines++) {
		const uint8_t *e =
		        memchr(p, '\n', (size_t)(words + words_len - p));
		size_t n =
		        e ? (size_t)(e - p) : (size_t)(words + words_len - p);
		compare(a, h, (const char *)p, n);
		p += n + 1;
	}
	/* the .dic lines after the first (the count) */
	for (i = 0, start = 0, lines = 0; i <= dic_len && lines < 32; i++) {
		const char *w = (const char *)dic + start;
		size_t n = i - start, k;
		if (i < dic_len && dic[i] != '\n')
			continue;
		for (k = 0; k < n && w[k] != '/' && w[k] != '\t' &&
		            w[k] != ' ' && w[k] != '\r';
		     k++)
			;
		if (start > 0) {
			probe(a, h, w, k);
			lines++;
		}
		start = i + 1;
	}
	Hunspell_destroy(h);
	ar_affix__free(a);
	return 0;
}
