/*
 * fuzz_affix.c - the library's reader of hunspell dictionaries (affix.c):
 * opening an arbitrary .aff and .dic, then checking words against them.
 * A dictionary given with -d comes from the user, so a malformed one must
 * give an error or a working checker, never a crash, a hang or a read out
 * of bounds.
 *
 * Input: the .aff text, a NUL byte, the .dic text (no NUL: all .aff, and
 * an empty .dic).  Both are written to a temporary directory and opened
 * with ar_affix__open().
 *
 * Checked: the status is one of those documented; with a checker, each
 * of the first 64 .dic lines that is a plain lower-case ASCII word (with
 * or without flags) is accepted (hunspell accepts every entry of its dictionary), unless the
 * .aff converts input (ICONV); each of those words, its upper-case and
 * capitalized forms, each word with a letter dropped, doubled or changed,
 * with trailing dots and joined by hyphens gets a verdict in {-1, 0, 1},
 * the same twice in a row.
 */
#include "config.h"

#include "affix.h"
#include "fuzz.h"

#include <unistd.h>

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

static int verdict(const ar_affix *a, const char *w, size_t len)
{
	int r = ar_affix__check(a, w, len);
	FUZZ_CHECK(r == -1 || r == 0 || r == 1);
	FUZZ_CHECK(ar_affix__check(a, w, len) == r);
	return r;
}

/* Checks on the word w[0..len) of the .dic and on forms made from it. */
static void probe(const ar_affix *a, const char *w, size_t len, int entry)
{
	char buf[256];
	size_t i;

	if (len == 0 || len > 60)
		return;
	if (entry)
		FUZZ_CHECK(verdict(a, w, len) == 1);
	else
		(void)verdict(a, w, len);
	for (i = 0; i < len; i++)
		buf[i] = (char)(w[i] >= 'a' && w[i] <= 'z' ? w[i] - 32 : w[i]);
	(void)verdict(a, buf, len);
	memcpy(buf, w, len);
	buf[0] = (char)(buf[0] >= 'a' && buf[0] <= 'z' ? buf[0] - 32 : buf[0]);
	(void)verdict(a, buf, len);
	for (i = 0; i < len; i++) {
		memcpy(buf, w, i);
		memcpy(buf + i, w + i + 1, len - i - 1);
		(void)verdict(a, buf, len - 1);
		memcpy(buf, w, i + 1);
		memcpy(buf + i + 1, w + i, len - i);
		(void)verdict(a, buf, len + 1);
		memcpy(buf, w, len);
		buf[i] = (char)('a' + (w[i] + 7) % 26);
		(void)verdict(a, buf, len);
	}
	memcpy(buf, w, len);
	memcpy(buf + len, "..", 2);
	(void)verdict(a, buf, len + 2);
	buf[len] = '-';
	memcpy(buf + len + 1, w, len);
	(void)verdict(a, buf, 2 * len + 1);
	buf[0] = '-';
	memcpy(buf + 1, w, len);
	(void)verdict(a, buf, len + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	size_t aff_len = nul ? (size_t)(nul - data) : size;
	const uint8_t *dic = nul ? nul + 1 : data + size;
	size_t dic_len = (size_t)(data + size - dic), i, start, lines;
	ar_affix *a = NULL;
	ar_error err = { 0 };
	ar_status st;
	int conv;

	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/fuzz_affix.XXXXXX");
		FUZZ_CHECK(mkdtemp(dir) != NULL);
		snprintf(aff_path, sizeof aff_path, "%s/x.aff", dir);
		snprintf(dic_path, sizeof dic_path, "%s/x.dic", dir);
		atexit(cleanup);
	}
	write_file(aff_path, data, aff_len);
	write_file(dic_path, dic, dic_len);
	st = ar_affix__open(&a, aff_path, dic_path, &err);
	FUZZ_CHECK(st == AR_OK || st == AR_EINVAL || st == AR_EDICT ||
	           st == AR_ENOMEM);
	if (st != AR_OK) {
		FUZZ_CHECK(a == NULL);
		FUZZ_CHECK(err.message[0] != '\0' || st == AR_ENOMEM);
		return 0;
	}
	FUZZ_CHECK(a != NULL);
	for (i = 0, conv = 0; i + 5 <= aff_len && !conv; i++)
		conv = memcmp(data + i, "ICONV", 5) == 0;
	/* the lines after the first (the count); the first 64 are probed,
	 * which keeps the target fast on large dictionaries */
	for (i = 0, start = 0, lines = 0; i <= dic_len && lines < 64; i++) {
		const char *w = (const char *)dic + start;
		size_t n = i - start, k;
		int plain = 1;
		if (i < dic_len && dic[i] != '\n')
			continue;
		for (k = 0; k < n && w[k] != '/'; k++)
			if (w[k] < 'a' || w[k] > 'z')
				plain = 0;
		if (start > 0) {
			probe(a, w, k, plain && !conv);
			lines++;
		}
		start = i + 1;
	}
	ar_affix__free(a);
	return 0;
}
