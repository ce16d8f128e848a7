/*
 * stream_rss.c - memory of a long-running host: feed one endless stream
 * through the streaming calls of each stage (ar_norm_feed, ar_tok_feed
 * with and without clitic segmentation, ar_spell_feed) and print the
 * resident memory as the stream grows.
 *
 * The stream is real text (the files given) repeated, with every Nth word
 * replaced by a word never seen before, so the vocabulary grows without
 * end as a news wire's does (names, typos, numbers of a new day).  Each
 * stage runs in its own child process so that its peak is its own.  The
 * reference is the same stage's resident memory after the first 16 MB,
 * measured in the same run: the ratio "peak / at 16 MB" says whether
 * memory levels off (about 1) or grows with the stream.
 *
 * Usage: stream_rss [-m MB] [-n N] [-S] FILE... [-- STAGE...]
 *   -m MB   bytes fed to each stage, in MB (default 1024)
 *   -n N    one new word every N words (default 100)
 *   -S      the speller makes suggestions too (hunspell's take about
 *           15 ms per new word: use a small -m)
 *   STAGE   norm, tok, seg, spell (default: all four)
 * Exit status: 0, 1 when a stage failed, 2 usage or input error.
 */
#define _GNU_SOURCE
#include <arabic.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHUNK     (1u << 20)
#define REF_BYTES ((unsigned long long)16 << 20)

typedef struct gen {
	const char *base; /* the real text */
	size_t blen, pos;
	unsigned long long words, fresh;
	unsigned every;
} gen;

/* Resident memory now, in KB (from /proc/self/statm). */
static long rss_kb(void)
{
	long pages = 0, res = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &res) != 2)
			res = 0;
		fclose(f);
	}
	return res * (sysconf(_SC_PAGESIZE) / 1024);
}

/* A new word: the counter in base 28 over Arabic letters, after a
 * prefix that changes with it; every seventh one in Latin letters. */
static size_t fresh_word(char *out, unsigned long long k)
{
	size_t o = 0;
	if (k % 7 == 0) {
		out[o++] = 'Q';
		do {
			out[o++] = (char)('a' + k % 26);
			k /= 26;
		} while (k);
		return o;
	}
	/* U+0628..U+064A, the letters ب to ي, skipping the marks */
	do {
		unsigned cp = 0x0628 + (unsigned)(k % 28);
		if (cp > 0x063A)
			cp += 0x0641 - 0x063B;
		out[o++] = (char)(0xC0 | (cp >> 6));
		out[o++] = (char)(0x80 | (cp & 0x3F));
		k /= 28;
	} while (k);
	return o;
}

/* Fill buf with the next n bytes of the stream, cut after a space or
 * newline (so a word is never split by the generator itself). */
static size_t next_chunk(gen *g, char *buf, size_t n)
{
	size_t o = 0;
	while (o + 64 < n) {
		const char *s = g->base + g->pos;
		size_t l = 0;
		while (g->pos + l < g->blen && s[l] != ' ' && s[l] != '\n')
			l++;
		if (g->pos + l < g->blen)
			l++; /* the separator */
		if (++g->words % g->every == 0 && l > 1) {
			o += fresh_word(buf + o, ++g->fresh);
			buf[o++] = s[l - 1] == '\n' ? '\n' : ' ';
		} else {
			if (o + l >= n)
				break;
			memcpy(buf + o, s, l);
			o += l;
		}
		g->pos += l;
		if (g->pos >= g->blen)
			g->pos = 0;
	}
	return o;
}

static int sink_norm(const char *d, size_t l, const ar_norm_span *s, size_t n,
                     void *p)
{
	(void)d, (void)s, (void)n;
	*(unsigned long long *)p += l;
	return 0;
}

static int sink_tok(const ar_token *t, void *p)
{
	(void)t;
	++*(unsigned long long *)p;
	return 0;
}

static int sink_spell(const ar_finding *f, void *p)
{
	(void)f;
	++*(unsigned long long *)p;
	return 0;
}

/* Run one stage on mb MB of the stream; print its line.  0 or 1. */
static int run_stage(const char *stage, gen *g, unsigned long long bytes,
                     int suggest)
{
	ar_normalizer *nz = NULL;
	ar_tokenizer *tk = NULL;
	ar_speller *sp = NULL;
	ar_error err;
	ar_status st = AR_OK;
	unsigned long long fed = 0, out = 0;
	long ref = 0;
	char *buf = malloc(CHUNK);
	struct timespec t0, t1;
	struct rusage ru;

	memset(&err, 0, sizeof err);
	if (!buf)
		return 1;
	if (strcmp(stage, "norm") == 0) {
		st = ar_normalizer_new(&nz, NULL);
	} else if (strcmp(stage, "tok") == 0 || strcmp(stage, "seg") == 0) {
		ar_tok_options o = AR_TOK_OPTIONS_INIT;
		if (stage[0] == 's')
			o.flags |= AR_TOK_SEGMENT;
		st = ar_tokenizer_new(&tk, &o, &err);
	} else {
		ar_spell_options o = AR_SPELL_OPTIONS_INIT;
		if (!suggest)
			o.flags |= AR_SPELL_NO_SUGGEST;
		st = ar_speller_new(&sp, &o, &err);
	}
	if (st != AR_OK) {
		fprintf(stderr, "stream_rss: %s: %s %s\n", stage,
		        ar_strerror(st), err.message);
		free(buf);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (fed < bytes && st == AR_OK) {
		size_t n = next_chunk(g, buf, CHUNK);
		if (nz)
			st = ar_norm_feed(nz, buf, n, sink_norm, &out, &err);
		else if (tk)
			st = ar_tok_feed(tk, buf, n, sink_tok, &out, &err);
		else
			st = ar_spell_feed(sp, buf, n, sink_spell, &out, &err);
		fed += n;
		if (!ref && fed >= REF_BYTES)
			ref = rss_kb();
	}
	if (st == AR_OK) {
		if (nz)
			st = ar_norm_finish(nz, sink_norm, &out, &err);
		else if (tk)
			st = ar_tok_finish(tk, sink_tok, &out, &err);
		else
			st = ar_spell_finish(sp, sink_spell, &out, &err);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	getrusage(RUSAGE_SELF, &ru);
	if (!ref)
		ref = rss_kb();
	if (st != AR_OK)
		fprintf(stderr, "stream_rss: %s: %s at byte %llu: %s\n", stage,
		        ar_strerror(st), fed, err.message);
	printf("%-6s %8.0f MB %8.1f s %10llu new words %8.1f MB at 16 MB "
	       "%8.1f MB peak   peak/16MB %.2f\n",
	       stage, fed / 1048576.0,
	       (double)(t1.tv_sec - t0.tv_sec) +
	               (t1.tv_nsec - t0.tv_nsec) / 1e9,
	       g->fresh, ref / 1024.0, ru.ru_maxrss / 1024.0,
	       ref ? (double)ru.ru_maxrss / (double)ref : 0.0);
	fflush(stdout);
	ar_normalizer_free(nz);
	ar_tokenizer_free(tk);
	ar_speller_free(sp);
	free(buf);
	return st == AR_OK ? 0 : 1;
}

static char *read_all(char **files, int n, size_t *len)
{
	char *s = NULL;
	size_t o = 0, cap = 0;
	int i;
	for (i = 0; i < n; i++) {
		FILE *f = fopen(files[i], "rb");
		size_t got;
		if (!f) {
			perror(files[i]);
			free(s);
			return NULL;
		}
		do {
			if (cap - o < 65536) {
				char *p = realloc(s, cap = cap * 2 + 65536);
				if (!p) {
					fclose(f);
					free(s);
					return NULL;
				}
				s = p;
			}
			got = fread(s + o, 1, cap - o - 1, f);
			o += got;
		} while (got);
		fclose(f);
		if (o && s[o - 1] != '\n')
			s[o++] = '\n';
	}
	*len = o;
	return s;
}

int main(int argc, char **argv)
{
	static const char *all[] = { "norm", "tok", "seg", "spell" };
	unsigned long long mb = 1024;
	unsigned every = 100;
	int suggest = 0, c, i, nfiles = 0, failed = 0;
	const char **stages = all;
	int nstages = 4;
	gen g;

	while ((c = getopt(argc, argv, "+m:n:S")) != -1) {
		switch (c) {
		case 'm':
			mb = strtoull(optarg, NULL, 10);
			break;
		case 'n':
			every = (unsigned)strtoul(optarg, NULL, 10);
			break;
		case 'S':
			suggest = 1;
			break;
		default:
			return 2;
		}
	}
	while (optind + nfiles < argc && strcmp(argv[optind + nfiles], "--"))
		nfiles++;
	if (nfiles == 0 || mb == 0 || every < 2) {
		fprintf(stderr, "usage: stream_rss [-m MB] [-n N] [-S] FILE... "
		                "[-- STAGE...]\n");
		return 2;
	}
	if (optind + nfiles < argc) {
		stages = (const char **)argv + optind + nfiles + 1;
		nstages = argc - optind - nfiles - 1;
	}
	memset(&g, 0, sizeof g);
	g.every = every;
	g.base = read_all(argv + optind, nfiles, &g.blen);
	if (!g.base || g.blen == 0)
		return 2;
	printf("stream_rss: %llu MB per stage, one new word in %u\n", mb,
	       every);
	fflush(stdout);
	for (i = 0; i < nstages; i++) {
		pid_t pid = fork();
		int ws;
		if (pid == 0)
			_exit(run_stage(stages[i], &g, mb << 20, suggest));
		if (pid < 0 || waitpid(pid, &ws, 0) < 0 || !WIFEXITED(ws) ||
		    WEXITSTATUS(ws) != 0)
			failed = 1;
	}
	free((void *)g.base);
	return failed;
}
