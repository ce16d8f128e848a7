/*
 * replay.c - a main() for a fuzz target without libFuzzer, so that "make
 * check" replays the seeds and every input that once found a bug on any
 * build, also without clang.
 *
 *   replay_NAME [FILE|DIR]...
 *
 * With no argument it replays $top_srcdir/fuzz/corpus/NAME and
 * $top_srcdir/fuzz/regress/NAME (FUZZ_NAME is set at compile time).  Each
 * file is read into a buffer of exactly its size, so that a sanitizer
 * build sees any read past the end.  A failed check aborts (the test
 * fails); otherwise the exit status is 0, or 99 when a file cannot be read.
 */
#include "config.h"

#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#ifndef FUZZ_NAME
#error "FUZZ_NAME must name the target"
#endif

static unsigned long replayed;

static int replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!fp) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (;;) {
		if (len == cap) {
			uint8_t *p;
			cap = cap ? 2 * cap : 4096;
			p = realloc(buf, cap);
			FUZZ_OOM(p);
			buf = p;
		}
		n = fread(buf + len, 1, cap - len, fp);
		if (n == 0)
			break;
		len += n;
	}
	if (ferror(fp)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	{
		/* An exact-size copy: overreads hit the redzone. */
		uint8_t *exact = malloc(len ? len : 1);
		FUZZ_OOM(exact);
		memcpy(exact, buf, len);
		free(buf);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	replayed++;
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replay a file, or every regular file of a directory (sorted, not
 * recursive).  A missing directory is fine when `optional`. */
static int replay_path(const char *path, int optional)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (stat(path, &st) != 0) {
		if (optional && errno == ENOENT)
			return 0;
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path);
	d = opendir(path);
	if (!d) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		size_t plen;
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **p;
			cap = cap ? 2 * cap : 64;
			p = realloc(names, cap * sizeof *names);
			FUZZ_OOM(p);
			names = p;
		}
		plen = strlen(path) + strlen(e->d_name) + 2;
		names[n] = malloc(plen);
		FUZZ_OOM(names[n]);
		snprintf(names[n], plen, "%s/%s", path, e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_names);
	for (i = 0; i < n; i++) {
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode) &&
		    replay_file(names[i]) != 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	int i, rc = 0;

	if (argc > 1) {
		for (i = 1; i < argc; i++)
			if (replay_path(argv[i], 0) != 0)
				rc = 99;
	} else {
		const char *top = getenv("top_srcdir");
		const char *sub[] = { "corpus", "regress" };
		char path[4096];

		if (!top || !*top)
			top = ".";
		for (i = 0; i < 2; i++) {
			snprintf(path, sizeof path, "%s/fuzz/%s/%s", top,
			         sub[i], FUZZ_NAME);
			if (replay_path(path, 1) != 0)
				rc = 99;
		}
	}
	printf("replay_%s: %lu inputs replayed\n", FUZZ_NAME, replayed);
	return rc;
}
