/*
 * test_embed.c - the dictionary data built into the library
 * (libarabic/names_data.c, made by dict/gen/embed.sh) must be the source
 * files byte for byte: each gazetteer file listed in dict/names.list,
 * behind its "# FILE" line, then dict/ar-loanwords.txt and
 * dict/ar-known-errors.tsv.  The frequencies (libarabic/freq_data.c, made
 * by dict/gen/freq-embed.sh) must hold every word of dict/ar-freq.tsv with
 * its count, and mark every word of dict/attested-ar.tsv, and no other,
 * but those of evidence "g" and "p", which are the list of evidence only,
 * in order.
 *
 * Needs top_srcdir and top_builddir in the environment (the test harness
 * sets them).  Exit 0 when all matches, 1 on a difference, 99 on trouble.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "freq.h"

static int failures;

/* Read a whole file; NULL if it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	do {
		if (n + 4096 > cap) {
			char *p;
			cap = 2 * cap + 4096;
			p = realloc(buf, cap);
			if (!p) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

static char *join(const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *p = malloc(n);

	if (!p) {
		fputs("test_embed: out of memory\n", stderr);
		exit(99);
	}
	snprintf(p, n, "%s/%s", dir, file);
	return p;
}

/* Compare data[*pos..] with want[0..n); report the first difference. */
static void expect(const char *what, const char *data, size_t len, size_t *pos,
                   const char *want, size_t n)
{
	size_t i;

	if (failures)
		return;
	for (i = 0; i < n; i++) {
		if (*pos + i >= len || data[*pos + i] != want[i]) {
			fprintf(stderr,
			        "FAIL: %s: embedded data differs at "
			        "byte %lu of this file\n",
			        what, (unsigned long)i);
			failures++;
			return;
		}
	}
	*pos += n;
}

/* Expect one source file, as embed.sh writes it: with a newline added
 * when its last line has none. */
static void expect_file(const char *srcdir, const char *name, const char *data,
                        size_t len, size_t *pos)
{
	char *path = join(srcdir, name);
	size_t n;
	char *text = slurp(path, &n);

	if (!text) {
		fprintf(stderr, "test_embed: %s: cannot read\n", path);
		exit(99);
	}
	expect(name, data, len, pos, text, n);
	if (n > 0 && text[n - 1] != '\n')
		expect(name, data, len, pos, "\n", 1);
	free(text);
	free(path);
}

/* Is the evidence of the attested-ar.tsv line whose first tab is at tab
 * (the line ends before next) "g" or "p"? */
static int evidence_only(const char *tab, const char *next)
{
	const char *t = memchr(tab + 1, '\t', (size_t)(next - tab - 1));
	return t && next - t >= 2 && (t[1] == 'g' || t[1] == 'p') &&
	       (next - t == 2 || t[2] == '\n');
}

/* Check the built-in frequencies against dict/ar-freq.tsv and
 * dict/attested-ar.tsv: each word found with its count (attested words
 * the corpus lacks with 0), each attested word marked, and as many marks
 * as attested words; the words of evidence "g" or "p" not marked, but the
 * evidence list, in their order and no other. */
static void expect_freq(const char *srcdir)
{
	static const char *const files[] = { "dict/ar-freq.tsv",
		                             "dict/attested-ar.tsv" };
	size_t f, nattested = 0, nmarks = 0, pos = 0, len, epos = 0;

	for (f = 0; f < 2 && !failures; f++) {
		char *path = join(srcdir, files[f]);
		size_t n;
		char *text = slurp(path, &n), *line, *next;
		if (!text) {
			fprintf(stderr, "test_embed: %s: cannot read\n", path);
			exit(99);
		}
		for (line = text; line < text + n && !failures; line = next) {
			char *nl =
			        memchr(line, '\n', (size_t)(text + n - line));
			char *tab;
			unsigned long want, got;
			int found;
			next = nl ? nl + 1 : text + n;
			tab = memchr(line, '\t', (size_t)(next - line));
			if (line[0] == '#' || !tab)
				continue;
			want = strtoul(tab + 1, NULL, 10);
			found = ar_freq__find(line, (size_t)(tab - line), &got);
			if (f == 1 && evidence_only(tab, next)) {
				const char *e =
				        ar_freq__next_evidence(&epos, &len);
				if (found == 2 || !e ||
				    len != (size_t)(tab - line) ||
				    memcmp(e, line, len) != 0 ||
				    !ar_freq__evidence_has(line, len)) {
					fprintf(stderr,
					        "FAIL: %s: not in the evidence "
					        "list, or marked: %.*s\n",
					        files[f], (int)(tab - line),
					        line);
					failures++;
				}
			} else if (!found || (f == 0 && got != want)) {
				fprintf(stderr,
				        "FAIL: %s: a word's count is not built "
				        "in: %.*s\n",
				        files[f], (int)(tab - line), line);
				failures++;
			} else if (f == 1) {
				nattested++;
				if (found != 2 ||
				    ar_freq__evidence_has(
				            line, (size_t)(tab - line))) {
					fprintf(stderr,
					        "FAIL: %s: not marked, or "
					        "evidence: %.*s\n",
					        files[f], (int)(tab - line),
					        line);
					failures++;
				}
			}
		}
		free(text);
		free(path);
	}
	if (!failures && ar_freq__next_evidence(&epos, &len)) {
		fprintf(stderr, "FAIL: the evidence list has more words\n");
		failures++;
	}
	while (ar_freq__next_attested(&pos, &len))
		nmarks++;
	if (!failures && nmarks != nattested) {
		fprintf(stderr, "FAIL: %lu words marked attested, %lu listed\n",
		        (unsigned long)nmarks, (unsigned long)nattested);
		failures++;
	}
}

int main(void)
{
	const char *srcdir = getenv("top_srcdir");
	const char *builddir = getenv("top_builddir");
	char *listpath, *list, *line, *next;
	size_t listlen, pos = 0, files = 0;

	if (!srcdir || !builddir) {
		fputs("test_embed: top_srcdir and top_builddir must be set\n",
		      stderr);
		return 99;
	}
	listpath = join(builddir, "dict/names.list");
	list = slurp(listpath, &listlen);
	if (!list) {
		fprintf(stderr, "test_embed: %s: cannot read\n", listpath);
		return 99;
	}
	list = realloc(list, listlen + 1);
	if (!list)
		return 99;
	list[listlen] = '\0';

	/* The data is a C string of exactly the stated length. */
	if (strlen(ar_names__builtin) != ar_names__builtin_len ||
	    strlen(ar_names__loanwords) != ar_names__loanwords_len ||
	    strlen(ar_names__known_errors) != ar_names__known_errors_len) {
		fputs("FAIL: embedded length differs from the string\n",
		      stderr);
		return 1;
	}

	for (line = list; *line; line = next) {
		char head[1024];
		next = strchr(line, '\n');
		if (!next)
			next = line + strlen(line);
		else
			*next++ = '\0';
		if (!*line)
			continue;
		snprintf(head, sizeof head, "# %s\n", line);
		expect(line, ar_names__builtin, ar_names__builtin_len, &pos,
		       head, strlen(head));
		expect_file(srcdir, line, ar_names__builtin,
		            ar_names__builtin_len, &pos);
		files++;
	}
	if (!failures && pos != ar_names__builtin_len) {
		fprintf(stderr,
		        "FAIL: %lu bytes of embedded gazetteer after "
		        "the listed files\n",
		        (unsigned long)(ar_names__builtin_len - pos));
		failures++;
	}
	pos = 0;
	expect_file(srcdir, "dict/ar-loanwords.txt", ar_names__loanwords,
	            ar_names__loanwords_len, &pos);
	if (!failures && pos != ar_names__loanwords_len) {
		fputs("FAIL: extra bytes after the embedded loanwords\n",
		      stderr);
		failures++;
	}
	expect_freq(srcdir);
	pos = 0;
	expect_file(srcdir, "dict/ar-known-errors.tsv", ar_names__known_errors,
	            ar_names__known_errors_len, &pos);
	if (!failures && pos != ar_names__known_errors_len) {
		fputs("FAIL: extra bytes after the embedded known errors\n",
		      stderr);
		failures++;
	}
	printf("%lu gazetteer files, %lu + %lu bytes: %s\n",
	       (unsigned long)files, (unsigned long)ar_names__builtin_len,
	       (unsigned long)ar_names__loanwords_len,
	       failures ? "FAIL" : "ok");
	free(list);
	free(listpath);
	return failures ? 1 : 0;
}
