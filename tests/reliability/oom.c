/*
 * tests/reliability/oom.c - allocation-failure test of the public entry
 * points, in the manner of SQLite's "malloc tests": the program replaces
 * the process's allocator (malloc, calloc, realloc, free and the aligned
 * variants, which libstdc++'s operator new, hunspell and ICU also call),
 * counts the allocations of one run of an entry point on a real article,
 * then, for each N, runs it again in a forked child with the Nth
 * allocation failing (mode "at") or every allocation from the Nth on
 * failing (mode "from").  The child checks that
 *  - the status is AR_OK or AR_ENOMEM;
 *  - with AR_OK, the output equals the unfailed run's;
 *  - the handle, used again with memory back, gives the unfailed output
 *    (or, when it keeps failing, a fresh handle does);
 *  - once everything is freed, no block allocated by libarabic is left
 *    (blocks are attributed to the library by their caller's address:
 *    a call from its code, or from the C library called from its code).
 * A child that dies (hunspell's std::bad_alloc ends in abort()) or hangs
 * is a failed case, and the run goes on.
 *
 * Failures listed in tests/reliability/KNOWN (test name and kind of fault)
 * are counted as known faults; the program exits 1 only for others.
 *
 * Usage: oom [-v] [-q] [-n CASES] [-k KNOWN] [TEST]...
 *   -q        the quick sample that "make check" runs
 *   -n CASES  values of N per test and mode (default 60; 0: every N)
 *   -v        print the allocation stack of the first case of each fault
 * Exit status: 0 no new fault, 1 new fault, 77 skipped (dictionaries
 * missing, or a sanitizer build, whose allocator cannot be replaced), 99
 * harness error.
 */
#define _GNU_SOURCE
#include <arabic.h>

#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <link.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define OOM_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define OOM_SANITIZER 1
#endif
#endif

#ifdef OOM_SANITIZER
int main(void)
{
	puts("oom: SKIP: the allocator of a sanitizer build cannot be "
	     "replaced");
	return 77;
}
#else

/* ---- the allocator ---------------------------------------------------- */

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);
void *memalign(size_t a, size_t n);
void *pvalloc(size_t n);

enum { MODE_OFF, MODE_COUNT, MODE_AT, MODE_FROM };

static volatile int mode = MODE_OFF;
static long fail_n;                /* N of the failing modes */
static long nalloc;                /* allocations since armed */
static long nfailed;               /* failures injected */
static long live_total;            /* blocks alive in the process */
static uintptr_t lib_lo, lib_hi;   /* libarabic's code */
static uintptr_t libc_lo, libc_hi; /* the C library's code */
static int trace_fd = -1;          /* where the first failure's stack goes */
static __thread int in_hook;       /* the harness's own calls */
static pthread_mutex_t own_lock = PTHREAD_MUTEX_INITIALIZER;

/* The set of blocks the library allocated: open addressing on pointers,
 * in memory of its own (mmap), so that it never calls the allocator. */
static uintptr_t *own;
static size_t own_cap, own_used, own_n; /* slots, slots used, live */
#define TOMB ((uintptr_t)1)

static size_t own_slot(uintptr_t p)
{
	return (size_t)((p >> 4) * 0x9E3779B97F4A7C15ull) & (own_cap - 1);
}

static void own_grow(void)
{
	uintptr_t *old = own;
	size_t oc = own_cap, i;
	own_cap = oc ? oc * 2 : 1u << 16;
	own = mmap(NULL, own_cap * sizeof *own, PROT_READ | PROT_WRITE,
	           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (own == MAP_FAILED)
		abort();
	own_used = 0;
	for (i = 0; i < oc; i++)
		if (old[i] > TOMB) {
			size_t j = own_slot(old[i]);
			while (own[j])
				j = (j + 1) & (own_cap - 1);
			own[j] = old[i];
			own_used++;
		}
	if (old)
		munmap(old, oc * sizeof *old);
}

static void own_add(void *ptr)
{
	uintptr_t p = (uintptr_t)ptr;
	size_t j;
	pthread_mutex_lock(&own_lock);
	if ((own_used + 1) * 2 > own_cap)
		own_grow();
	j = own_slot(p);
	while (own[j] > TOMB)
		j = (j + 1) & (own_cap - 1);
	if (!own[j])
		own_used++;
	own[j] = p;
	own_n++;
	pthread_mutex_unlock(&own_lock);
}

static void own_del(void *ptr)
{
	uintptr_t p = (uintptr_t)ptr;
	size_t j;
	if (!own_cap)
		return;
	pthread_mutex_lock(&own_lock);
	for (j = own_slot(p); own[j]; j = (j + 1) & (own_cap - 1))
		if (own[j] == p) {
			own[j] = TOMB;
			own_n--;
			break;
		}
	pthread_mutex_unlock(&own_lock);
}

static int in_lib(uintptr_t a)
{
	return a >= lib_lo && a < lib_hi;
}

/* Is the allocation whose immediate caller is `ret` made for libarabic?
 * A call from the C library (strdup, fopen...) is the library's when a
 * frame above it is in libarabic. */
static int for_lib(uintptr_t ret)
{
	void *fr[6];
	int n, i;
	if (in_lib(ret))
		return 1;
	if (!(ret >= libc_lo && ret < libc_hi))
		return 0;
	n = backtrace(fr, 6);
	for (i = 2; i < n; i++)
		if (in_lib((uintptr_t)fr[i]))
			return 1;
	return 0;
}

static void put_hex(char *b, size_t *k, uintptr_t v)
{
	char t[20];
	int n = 0;
	do
		t[n++] = "0123456789abcdef"[v & 15];
	while (v >>= 4);
	b[(*k)++] = '0';
	b[(*k)++] = 'x';
	while (n)
		b[(*k)++] = t[--n];
}

/* Send the stack of the first injected failure to the parent: raw
 * addresses, symbolized there (same mappings after fork). */
static void send_trace(void)
{
	void *fr[24];
	char b[24 * 20 + 8];
	size_t k = 0;
	int n = backtrace(fr, 24), i;
	b[k++] = 'T';
	for (i = 2; i < n; i++) {
		b[k++] = ' ';
		put_hex(b, &k, (uintptr_t)fr[i]);
	}
	b[k++] = '\n';
	if (write(trace_fd, b, k) < 0)
		return;
}

/* Decide the fate of one allocation: 1 to fail it. */
static int should_fail(void)
{
	long k;
	if (mode == MODE_OFF || in_hook)
		return 0;
	k = __atomic_add_fetch(&nalloc, 1, __ATOMIC_RELAXED);
	if (mode == MODE_COUNT)
		return 0;
	if (mode == MODE_AT ? k != fail_n : k < fail_n)
		return 0;
	if (__atomic_fetch_add(&nfailed, 1, __ATOMIC_RELAXED) == 0 &&
	    trace_fd >= 0) {
		in_hook = 1;
		send_trace();
		in_hook = 0;
	}
	return 1;
}

static void *track(void *p, uintptr_t ret)
{
	if (!p)
		return p;
	__atomic_add_fetch(&live_total, 1, __ATOMIC_RELAXED);
	if (lib_hi && !in_hook) {
		int mine;
		in_hook = 1;
		mine = for_lib(ret);
		in_hook = 0;
		if (mine)
			own_add(p);
	}
	return p;
}

static void untrack(void *p)
{
	if (!p)
		return;
	__atomic_sub_fetch(&live_total, 1, __ATOMIC_RELAXED);
	if (own_n)
		own_del(p);
}

#define CALLER  ((uintptr_t)__builtin_return_address(0))

void *malloc(size_t n)
{
	if (should_fail()) {
		errno = ENOMEM;
		return NULL;
	}
	return track(__libc_malloc(n), CALLER);
}

void *calloc(size_t n, size_t m)
{
	if (should_fail()) {
		errno = ENOMEM;
		return NULL;
	}
	return track(__libc_calloc(n, m), CALLER);
}

void *realloc(void *p, size_t n)
{
	void *q;
	if (!p)
		return malloc(n);
	if (n == 0) {
		free(p);
		return NULL;
	}
	if (should_fail()) {
		errno = ENOMEM;
		return NULL;
	}
	q = __libc_realloc(p, n);
	if (q) {
		untrack(p);
		track(q, CALLER);
	}
	return q;
}

void *reallocarray(void *p, size_t n, size_t m)
{
	if (m && n > SIZE_MAX / m) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(p, n * m);
}

void free(void *p)
{
	untrack(p);
	__libc_free(p);
}

void *memalign(size_t a, size_t n)
{
	if (should_fail()) {
		errno = ENOMEM;
		return NULL;
	}
	return track(__libc_memalign(a, n), CALLER);
}

void *aligned_alloc(size_t a, size_t n)
{
	return memalign(a, n);
}

int posix_memalign(void **out, size_t a, size_t n)
{
	void *p;
	if (should_fail())
		return ENOMEM;
	p = __libc_memalign(a, n);
	if (!p)
		return ENOMEM;
	*out = track(p, CALLER);
	return 0;
}

void *valloc(size_t n)
{
	return memalign((size_t)sysconf(_SC_PAGESIZE), n);
}

void *pvalloc(size_t n)
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	return memalign(pg, (n + pg - 1) / pg * pg);
}

/* The code ranges of libarabic and of the C library. */
static int find_ranges(struct dl_phdr_info *info, size_t size, void *data)
{
	uintptr_t lo = UINTPTR_MAX, hi = 0, me = (uintptr_t)data;
	int i;
	(void)size;
	for (i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
			continue;
		if (info->dlpi_addr + ph->p_vaddr < lo)
			lo = info->dlpi_addr + ph->p_vaddr;
		if (info->dlpi_addr + ph->p_vaddr + ph->p_memsz > hi)
			hi = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
	}
	if (me >= lo && me < hi) {
		lib_lo = lo;
		lib_hi = hi;
	}
	if (strstr(info->dlpi_name, "/libc.so")) {
		libc_lo = lo;
		libc_hi = hi;
	}
	return 0;
}

/* ---- output of a run -------------------------------------------------- */

typedef struct out {
	char *b;
	size_t n, cap;
	int overflow;
} out;

static void out_add(out *o, const char *fmt, ...)
{
	va_list ap;
	int k;
	if (o->overflow)
		return;
	va_start(ap, fmt);
	k = vsnprintf(o->b + o->n, o->cap - o->n, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= o->cap - o->n)
		o->overflow = 1;
	else
		o->n += (size_t)k;
}

/* Output buffers are set up before any armed call, so that collecting
 * output never allocates. */
#define OUT_CAP (4u << 20)
static out out_run, out_retry, out_ref;

static void out_init(out *o)
{
	o->b = mmap(NULL, OUT_CAP, PROT_READ | PROT_WRITE,
	            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (o->b == MAP_FAILED)
		abort();
	o->cap = OUT_CAP;
	o->n = 0;
	o->overflow = 0;
}

static int out_eq(const out *a, const out *b)
{
	return !a->overflow && !b->overflow && a->n == b->n &&
	       memcmp(a->b, b->b, a->n) == 0;
}

/* ---- the text and the entry points ---------------------------------- */

static char *text;
static size_t text_len;
static char personal_path[64];

static int norm_sink(const char *d, size_t len, const ar_norm_span *sp,
                     size_t nsp, void *payload)
{
	out *o = payload;
	size_t i;
	out_add(o, "%.*s", (int)len, d);
	for (i = 0; i < nsp; i++)
		out_add(o, "\x01%llu-%llu:%llu-%llu%c",
		        (unsigned long long)sp[i].out_start,
		        (unsigned long long)sp[i].out_end,
		        (unsigned long long)sp[i].in_start,
		        (unsigned long long)sp[i].in_end,
		        sp[i].identity ? 'i' : 'x');
	return 0;
}

static int tok_sink(const ar_token *t, void *payload)
{
	out *o = payload;
	size_t i;
	out_add(o, "%d %d %llu-%llu s%llu f%u %.*s", (int)t->type,
	        (int)t->script, (unsigned long long)t->start,
	        (unsigned long long)t->end, (unsigned long long)t->sentence,
	        t->flags, (int)t->len, t->text);
	for (i = 0; i < t->nsegments; i++)
		out_add(o, " [%d %.*s %.*s %llu-%llu]", t->segments[i].kind,
		        (int)t->segments[i].len, t->segments[i].text,
		        (int)t->segments[i].form_len, t->segments[i].form,
		        (unsigned long long)t->segments[i].start,
		        (unsigned long long)t->segments[i].end);
	out_add(o, "\n");
	return 0;
}

static int finding_sink(const ar_finding *f, void *payload)
{
	out *o = payload;
	size_t i;
	out_add(o, "%d %llu-%llu %llu:%llu %.*s", (int)f->kind,
	        (unsigned long long)f->start, (unsigned long long)f->end,
	        (unsigned long long)f->line, (unsigned long long)f->column,
	        (int)f->len, f->word);
	for (i = 0; i < f->nsuggestions; i++)
		out_add(o, " |%s", f->suggestions[i]);
	out_add(o, "\n");
	return 0;
}

static void findings_out(out *o, const ar_spell_findings *fs)
{
	size_t i, n = ar_spell_findings_count(fs);
	for (i = 0; i < n; i++)
		finding_sink(ar_spell_findings_get(fs, i), o);
}

/* A stage: how to open a handle, use it once on the text, close it. */
typedef struct stage {
	int (*open)(void **h);
	int (*use)(void *h, out *o);
	void (*close)(void *h);
} stage;

static int norm_open(void **h)
{
	ar_norm_options o = AR_NORM_OPTIONS_INIT;
	o.want_offsets = 1;
	return ar_normalizer_new((ar_normalizer **)h, &o);
}

static int norm_open_search(void **h)
{
	ar_norm_options o = AR_NORM_OPTIONS_INIT;
	o.flags = AR_NORM_PROFILE_SEARCH;
	o.want_offsets = 1;
	return ar_normalizer_new((ar_normalizer **)h, &o);
}

static void norm_close(void *h)
{
	ar_normalizer_free(h);
}

static int norm_use_buffer(void *h, out *o)
{
	ar_buf b = AR_BUF_INIT, sp = AR_BUF_INIT;
	int st = ar_norm_buffer(&b, &sp, h, text, text_len, NULL);
	if (st == AR_OK)
		norm_sink(b.ptr, b.size, (const ar_norm_span *)sp.ptr,
		          sp.size / sizeof(ar_norm_span), o);
	ar_buf_dispose(&b);
	ar_buf_dispose(&sp);
	return st;
}

static int norm_use_feed(void *h, out *o)
{
	size_t i, k;
	int st = AR_OK;
	for (i = 0; i < text_len && st == AR_OK; i += k) {
		k = text_len - i < 777 ? text_len - i : 777;
		st = ar_norm_feed(h, text + i, k, norm_sink, o, NULL);
	}
	if (st == AR_OK)
		st = ar_norm_finish(h, norm_sink, o, NULL);
	else
		ar_norm_reset(h);
	return st;
}

static int tok_open_flags(void **h, unsigned flags)
{
	ar_tok_options o = AR_TOK_OPTIONS_INIT;
	o.flags = flags;
	o.norm_flags = AR_NORM_PROFILE_CLEAN;
	return ar_tokenizer_new((ar_tokenizer **)h, &o, NULL);
}

static int tok_open(void **h)
{
	return tok_open_flags(h, AR_TOK_NORMALIZE);
}

static int tok_open_seg(void **h)
{
	return tok_open_flags(h, AR_TOK_NORMALIZE | AR_TOK_SEGMENT);
}

static void tok_close(void *h)
{
	ar_tokenizer_free(h);
}

static int tok_use(void *h, out *o)
{
	size_t i, k;
	int st = AR_OK;
	for (i = 0; i < text_len && st == AR_OK; i += k) {
		k = text_len - i < 512 ? text_len - i : 512;
		st = ar_tok_feed(h, text + i, k, tok_sink, o, NULL);
	}
	if (st == AR_OK)
		st = ar_tok_finish(h, tok_sink, o, NULL);
	else
		ar_tok_reset(h);
	return st;
}

static int spell_open(void **h)
{
	return ar_speller_new((ar_speller **)h, NULL, NULL);
}

static void spell_close(void *h)
{
	ar_speller_free(h);
}

static int spell_use_buffer(void *h, out *o)
{
	ar_spell_findings *fs = NULL;
	int st = ar_spell_buffer(&fs, h, text, text_len, NULL);
	if (st == AR_OK)
		findings_out(o, fs);
	ar_spell_findings_free(fs);
	return st;
}

static int spell_use_feed(void *h, out *o)
{
	size_t i, k;
	int st = AR_OK;
	for (i = 0; i < text_len && st == AR_OK; i += k) {
		k = text_len - i < 1000 ? text_len - i : 1000;
		st = ar_spell_feed(h, text + i, k, finding_sink, o, NULL);
	}
	if (st == AR_OK)
		st = ar_spell_finish(h, finding_sink, o, NULL);
	else
		ar_spell_reset(h);
	return st;
}

/* Words: a name typo of each script, an unknown word, known words. */
static const char *const words[] = { "Telegerm",    "Doroff",   "تيليجرامم",
	                             "بالتطبيقاتت", "مستخدمين", "Xyzzyqq" };

static int spell_use_word(void *h, out *o)
{
	size_t i;
	int st = AR_OK;
	for (i = 0; i < sizeof words / sizeof *words && st == AR_OK; i++) {
		ar_spell_findings *fs = NULL;
		st = ar_spell_word(&fs, h, words[i], strlen(words[i]));
		if (st == AR_OK)
			findings_out(o, fs);
		ar_spell_findings_free(fs);
	}
	return st;
}

/* A personal dictionary, then the words it adds. */
static int spell_use_personal(void *h, out *o)
{
	static const char *const w[] = { "Telegerm", "Xyzzyqq" };
	size_t i;
	int st = ar_speller_load_personal(h, personal_path, NULL);
	for (i = 0; i < 2 && st == AR_OK; i++) {
		ar_spell_findings *fs = NULL;
		st = ar_spell_word(&fs, h, w[i], strlen(w[i]));
		if (st == AR_OK)
			findings_out(o, fs);
		ar_spell_findings_free(fs);
	}
	return st;
}

static const char names_tsv[] = "company\tZorbatel\t-\tزوربتل\n"
                                "person\tQwimby Frell\tQuimby\tكويمبي\n";

static int spell_use_names(void *h, out *o)
{
	static const char *const w[] = { "Zorbatell", "Qwimby", "زوربتلل" };
	size_t i;
	int st = ar_speller_add_names(h, names_tsv, sizeof names_tsv - 1,
	                              "test", NULL);
	for (i = 0; i < 3 && st == AR_OK; i++) {
		ar_spell_findings *fs = NULL;
		st = ar_spell_word(&fs, h, w[i], strlen(w[i]));
		if (st == AR_OK)
			findings_out(o, fs);
		ar_spell_findings_free(fs);
	}
	return st;
}

static const stage st_norm = { norm_open, norm_use_buffer, norm_close };
static const stage st_norm_feed = { norm_open_search, norm_use_feed,
	                            norm_close };
static const stage st_tok = { tok_open, tok_use, tok_close };
static const stage st_tok_seg = { tok_open_seg, tok_use, tok_close };
static const stage st_spell = { spell_open, spell_use_buffer, spell_close };
static const stage st_spell_feed = { spell_open, spell_use_feed, spell_close };
static const stage st_spell_word = { spell_open, spell_use_word, spell_close };
static const stage st_personal = { spell_open, spell_use_personal,
	                           spell_close };
static const stage st_names = { spell_open, spell_use_names, spell_close };

/* A test fails allocations in the constructor and first use (ctor), or
 * only in the use of a handle opened beforehand. */
typedef struct test {
	const char *name;
	const stage *stage;
	int ctor;
	int quick; /* in the sample of "make check" */
	int cold;  /* run first, before any other use of the libraries */
} test;

static const test tests[] = {
	/* the first normalizer of a process sets up ICU's NFC and NFKC
         * instances: a failure there must not outlive the call */
	{ "normalizer_first", &st_norm, 1, 0, 1 },
	{ "normalizer_new", &st_norm, 1, 1, 0 },
	{ "norm_buffer", &st_norm, 0, 1, 0 },
	{ "norm_feed", &st_norm_feed, 0, 1, 0 },
	{ "tokenizer_new", &st_tok, 1, 1, 0 },
	{ "tok_feed", &st_tok, 0, 1, 0 },
	{ "tokenizer_new_seg", &st_tok_seg, 1, 0, 0 },
	{ "tok_feed_seg", &st_tok_seg, 0, 0, 0 },
	{ "speller_new", &st_spell, 1, 0, 0 },
	{ "spell_buffer", &st_spell, 0, 0, 0 },
	{ "spell_feed", &st_spell_feed, 0, 0, 0 },
	{ "spell_word", &st_spell_word, 0, 0, 0 },
	{ "speller_load_personal", &st_personal, 0, 0, 0 },
	{ "speller_add_names", &st_names, 0, 0, 0 },
};
#define NTESTS  (sizeof tests / sizeof *tests)

/* ---- one case, in a child --------------------------------------------- */

static long base_own, base_total;

/* Result line of a case: "R KIND detail". */
static void report(int fd, const char *kind, const char *fmt, ...)
{
	char b[512];
	int k = snprintf(b, sizeof b, "R %s ", kind);
	va_list ap;
	va_start(ap, fmt);
	k += vsnprintf(b + k, sizeof b - (size_t)k - 1, fmt, ap);
	va_end(ap);
	if (k > (int)sizeof b - 2)
		k = (int)sizeof b - 2;
	b[k++] = '\n';
	if (write(fd, b, (size_t)k) < 0)
		_exit(99);
}

static void arm(int m, long n)
{
	nalloc = 0;
	nfailed = 0;
	fail_n = n;
	__atomic_store_n(&mode, m, __ATOMIC_SEQ_CST);
}

static void disarm(void)
{
	__atomic_store_n(&mode, MODE_OFF, __ATOMIC_SEQ_CST);
}

/* Run test t with allocation mode m and N = n; `h` is the handle opened
 * by the parent (NULL for a constructor test). */
static void run_case(int fd, const test *t, void *h, int m, long n)
{
	const stage *s = t->stage;
	int st = AR_OK, st2;
	long dep;

	out_run.n = out_retry.n = 0;
	out_run.overflow = out_retry.overflow = 0;
	arm(m, n);
	if (t->ctor) {
		h = NULL;
		st = s->open(&h);
		if (st == AR_OK && !h)
			st = -1000;
	}
	if (st == AR_OK)
		st = s->use(h, &out_run);
	disarm();
	if (m == MODE_COUNT) {
		char b[64];
		int k = snprintf(b, sizeof b, "C %ld\n", nalloc);
		if (write(fd, b, (size_t)k) < 0 ||
		    write(fd, out_run.b, out_run.n) < 0)
			_exit(99);
		_exit(st == AR_OK && !out_run.overflow ? 0 : 3);
	}
	if (st == -1000) {
		report(fd, "status", "AR_OK with a NULL handle");
		return;
	}
	if (st != AR_OK && st != AR_ENOMEM) {
		report(fd, "status", "%s (%d) instead of AR_OK or AR_ENOMEM",
		       ar_strerror(st), st);
		return;
	}
	if (st == AR_OK && !out_eq(&out_run, &out_ref)) {
		report(fd, "wrong-output",
		       "AR_OK with an output that differs "
		       "from the unfailed run's");
		return;
	}
	/* memory is back: the handle again, else a fresh one */
	if (h) {
		st2 = s->use(h, &out_retry);
		if (st2 == AR_OK && !out_eq(&out_retry, &out_ref)) {
			report(fd, "stale",
			       "the same handle, with memory back, gives "
			       "another output (first call: %s)",
			       ar_strerror(st));
			return;
		}
		if (st2 != AR_OK) {
			if (!t->ctor) {
				report(fd, "broken",
				       "the handle keeps failing with "
				       "memory back: %s",
				       ar_strerror(st2));
				return;
			}
			s->close(h);
			h = NULL;
		}
	}
	if (!h) {
		out_retry.n = 0;
		st2 = s->open(&h);
		if (st2 == AR_OK)
			st2 = s->use(h, &out_retry);
		if (st2 != AR_OK || !out_eq(&out_retry, &out_ref)) {
			report(fd, "broken",
			       "a fresh handle fails with memory back: %s",
			       ar_strerror(st2));
			return;
		}
	}
	s->close(h);
	if ((long)own_n != base_own) {
		report(fd, "leak", "%ld blocks of libarabic left (status %s)",
		       (long)own_n - base_own, ar_strerror(st));
		return;
	}
	dep = live_total - base_total;
	report(fd, "ok", "%s %ld %ld", ar_strerror(st), nfailed, dep);
}

/* ---- the parent ------------------------------------------------------- */

typedef struct fault {
	const char *test;
	char kind[32];
	long count;
	char first[256];  /* mode and N of the first case */
	char detail[256]; /* its message */
	char trace[512];  /* its allocation stack */
	int known;
} fault;

static fault faults[256];
static size_t nfaults;
static int verbose;
static unsigned timeout_s = 60;

typedef struct known {
	char test[64], kind[32];
	int seen;
} known;
static known knowns[64];
static size_t nknowns;

static void read_known(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[512];
	if (!f)
		return;
	while (fgets(line, sizeof line, f) && nknowns < 64) {
		known *k = &knowns[nknowns];
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (sscanf(line, "%63s %31s", k->test, k->kind) == 2)
			nknowns++;
	}
	fclose(f);
}

static int is_known(const char *name, const char *kind)
{
	size_t i;
	for (i = 0; i < nknowns; i++)
		if (fnmatch(knowns[i].test, name, 0) == 0 &&
		    strcmp(knowns[i].kind, kind) == 0) {
			knowns[i].seen = 1;
			return 1;
		}
	return 0;
}

static void record(const test *t, const char *kind, const char *first,
                   const char *detail, const char *trace)
{
	size_t i;
	fault *f;
	for (i = 0; i < nfaults; i++)
		if (faults[i].test == t->name &&
		    !strcmp(faults[i].kind, kind)) {
			faults[i].count++;
			return;
		}
	if (nfaults == sizeof faults / sizeof *faults)
		return;
	f = &faults[nfaults++];
	f->test = t->name;
	snprintf(f->kind, sizeof f->kind, "%s", kind);
	f->count = 1;
	snprintf(f->first, sizeof f->first, "%s", first);
	snprintf(f->detail, sizeof f->detail, "%s", detail);
	snprintf(f->trace, sizeof f->trace, "%s", trace ? trace : "");
	f->known = is_known(t->name, kind);
}

/* Read everything a child writes, then its end.  Returns its exit status
 * (waitpid form); *buf gets its output. */
static int reap(pid_t pid, int fd, char **buf, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *b = malloc(cap);
	ssize_t k;
	int ws;
	if (!b)
		abort();
	for (;;) {
		if (n == cap) {
			char *nb = realloc(b, cap *= 2);
			if (!nb)
				abort();
			b = nb;
		}
		k = read(fd, b + n, cap - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		n += (size_t)k;
	}
	close(fd);
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	*buf = b;
	*len = n;
	return ws;
}

static pid_t spawn(int *fd)
{
	int p[2];
	pid_t pid;
	if (pipe(p) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		trace_fd = p[1];
		if (!verbose) {
			int null = open("/dev/null", O_WRONLY);
			if (null >= 0)
				dup2(null, 2);
		}
		alarm(timeout_s);
		return 0;
	}
	close(p[1]);
	*fd = p[0];
	return pid;
}

/* The unfailed run: allocation count and reference output. */
static long reference(const test *t, void *h)
{
	int fd, ws;
	char *b, *nl;
	size_t n;
	long count;
	pid_t pid = spawn(&fd);
	if (pid < 0)
		return -1;
	if (pid == 0) {
		run_case(trace_fd, t, h, MODE_COUNT, 0);
		_exit(99);
	}
	ws = reap(pid, fd, &b, &n);
	nl = memchr(b, '\n', n);
	if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0 || !nl ||
	    sscanf(b, "C %ld", &count) != 1) {
		fprintf(stderr, "oom: %s: the unfailed run fails\n", t->name);
		free(b);
		return -1;
	}
	out_ref.n = n - (size_t)(nl + 1 - b);
	memcpy(out_ref.b, nl + 1, out_ref.n);
	out_ref.overflow = 0;
	free(b);
	return count;
}

static void one_case(const test *t, void *h, int m, long n, long *dep)
{
	static const char *const mname[] = { "", "", "at", "from" };
	int fd, ws;
	char *b, *p, first[64], detail[256] = "", trace[512] = "";
	char kind[32] = "";
	size_t len;
	pid_t pid = spawn(&fd);
	if (pid < 0) {
		perror("oom: fork");
		exit(99);
	}
	if (pid == 0) {
		run_case(trace_fd, t, h, m, n);
		_exit(0);
	}
	ws = reap(pid, fd, &b, &len);
	snprintf(first, sizeof first, "%s %ld", mname[m], n);
	for (p = b; p < b + len;) {
		char *e = memchr(p, '\n', (size_t)(b + len - p));
		if (!e)
			break;
		*e = '\0';
		if (p[0] == 'T')
			snprintf(trace, sizeof trace, "%s", p + 2);
		else if (p[0] == 'R')
			sscanf(p, "R %31s %255[^\n]", kind, detail);
		p = e + 1;
	}
	free(b);
	if (WIFSIGNALED(ws)) {
		int sig = WTERMSIG(ws);
		snprintf(kind, sizeof kind, "%s",
		         sig == SIGABRT   ? "abort"
		         : sig == SIGALRM ? "hang"
		                          : "crash");
		snprintf(detail, sizeof detail, "killed by signal %d (%s)", sig,
		         strsignal(sig));
	} else if (!kind[0]) {
		snprintf(kind, sizeof kind, "harness");
		snprintf(detail, sizeof detail,
		         "child exited %d without a "
		         "result",
		         WEXITSTATUS(ws));
	}
	if (!strcmp(kind, "ok")) {
		long nf = 0, d = 0;
		sscanf(detail, "%*s %ld %ld", &nf, &d);
		if (d > 0)
			*dep += d;
		return;
	}
	record(t, kind, first, detail, trace);
}

static void print_trace(const char *trace)
{
	const char *p = trace;
	while (*p) {
		char *e;
		uintptr_t a = (uintptr_t)strtoull(p, &e, 16);
		Dl_info di;
		if (e == p)
			break;
		p = e;
		if (dladdr((void *)a, &di) && di.dli_fname) {
			const char *f = strrchr(di.dli_fname, '/');
			printf("      %s+0x%lx %s\n", f ? f + 1 : di.dli_fname,
			       (unsigned long)(a - (uintptr_t)di.dli_fbase),
			       di.dli_sname ? di.dli_sname : "");
		} else
			printf("      0x%lx\n", (unsigned long)a);
	}
}

/* The values of N to try for a run of `count` allocations. */
static long pick(long i, long count, long cases)
{
	long head;
	if (cases <= 0 || count <= cases)
		return i + 1;
	/* the first half one by one (constructors fail early), the rest
	 * spread evenly over the whole run */
	head = cases / 2;
	if (i < head)
		return i + 1;
	return head + 1 + (i - head) * (count - head) / (cases - head);
}

static int run_test(const test *t, long cases)
{
	void *h = NULL;
	long count, i, ncases, dep = 0;
	int m;
	size_t f0 = nfaults;

	base_own = (long)own_n;
	base_total = live_total;
	if (!t->ctor) {
		if (t->stage->open(&h) != AR_OK) {
			fprintf(stderr, "oom: %s: cannot open the handle\n",
			        t->name);
			return -1;
		}
		/* wait for a speller's dictionaries, so that no thread runs
		 * when children are forked: check a word of each script
		 * that the tests do not use */
		if (t->stage->open == spell_open) {
			ar_spell_findings *fs = NULL;
			ar_spell_word(&fs, h, "كتب", strlen("كتب"));
			ar_spell_findings_free(fs);
			fs = NULL;
			ar_spell_word(&fs, h, "book", 4);
			ar_spell_findings_free(fs);
		}
	}
	count = reference(t, h);
	if (count < 0)
		return -1;
	ncases = cases <= 0 || count <= cases ? count : cases;
	for (m = MODE_AT; m <= MODE_FROM; m++)
		for (i = 0; i < ncases; i++)
			one_case(t, h, m, pick(i, count, cases), &dep);
	if (h)
		t->stage->close(h);
	printf("%-22s %8ld allocations, %ld cases x 2 modes: ", t->name, count,
	       ncases);
	if (nfaults == f0)
		printf("ok");
	else
		printf("%zu kind(s) of fault", nfaults - f0);
	if (dep)
		printf(" (%ld blocks left by hunspell/ICU)", dep);
	printf("\n");
	fflush(stdout);
	return 0;
}

static int load_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = malloc((size_t)n + 1);
	if (!text || fread(text, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return -1;
	}
	text_len = (size_t)n;
	fclose(f);
	return 0;
}

/* Open and use every stage once, so that the one-time set-ups of ICU,
 * hunspell and libstdc++ are done before any count. */
static int warm_up(int need_spell)
{
	size_t i;
	for (i = 0; i < NTESTS; i++) {
		const stage *s = tests[i].stage;
		void *h = NULL;
		if (!need_spell && s->open == spell_open)
			continue;
		if (!need_spell && s == &st_tok_seg)
			continue;
		if (s->open(&h) != AR_OK)
			return -1;
		out_run.n = 0;
		s->use(h, &out_run);
		s->close(h);
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *srcdir = getenv("top_srcdir");
	char path[4096], known_path[4096];
	long cases = 60;
	int quick = 0, opt, fd, nnew = 0, nknown = 0;
	size_t i, j;
	void *fr[4];

	if (!srcdir)
		srcdir = ".";
	snprintf(known_path, sizeof known_path, "%s/tests/reliability/KNOWN",
	         srcdir);
	while ((opt = getopt(argc, argv, "qvn:k:t:")) != -1)
		switch (opt) {
		case 'q':
			quick = 1;
			cases = 25;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'n':
			cases = atol(optarg);
			break;
		case 'k':
			snprintf(known_path, sizeof known_path, "%s", optarg);
			break;
		case 't':
			timeout_s = (unsigned)atoi(optarg);
			break;
		default:
			fprintf(stderr,
			        "usage: oom [-qv] [-n CASES] [-k KNOWN] "
			        "[-t SECONDS] [TEST]...\n");
			return 99;
		}
	setvbuf(stdout, NULL, _IOLBF, 0);
	read_known(known_path);
	snprintf(path, sizeof path, "%s/corpus/telegram-outage-ar.txt", srcdir);
	if (load_text(path) != 0) {
		fprintf(stderr, "oom: %s: cannot read\n", path);
		return 99;
	}
	snprintf(personal_path, sizeof personal_path, "/tmp/oom-personal-%ld",
	         (long)getpid());
	fd = open(personal_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, "Telegerm\nXyzzyqq\n", 17) != 17)
		return 99;
	close(fd);

	backtrace(fr, 4); /* loads the unwinder now, not while armed */
	dl_iterate_phdr(find_ranges, (void *)(uintptr_t)ar_version);
	if (!lib_hi || !libc_hi) {
		fprintf(stderr, "oom: cannot find the code of libarabic "
		                "or libc\n");
		return 99;
	}
	out_init(&out_run);
	out_init(&out_retry);
	out_init(&out_ref);

	for (i = 0; i < 2 * NTESTS; i++) {
		const test *t = &tests[i % NTESTS];
		int chosen = optind == argc;
		for (j = (size_t)optind; j < (size_t)argc; j++)
			if (fnmatch(argv[j], t->name, 0) == 0)
				chosen = 1;
		/* the cold tests first, then the others after a warm-up */
		if (i == NTESTS && warm_up(!quick) != 0) {
			unlink(personal_path);
			printf("oom: SKIP: a speller or segmenting tokenizer "
			       "cannot be opened (hunspell-ar, "
			       "hunspell-en-us missing?)\n");
			return 77;
		}
		if (!chosen || (quick && !t->quick) || t->cold != (i < NTESTS))
			continue;
		if (run_test(t, cases) != 0) {
			unlink(personal_path);
			return 99;
		}
	}
	unlink(personal_path);

	for (i = 0; i < nfaults; i++) {
		fault *f = &faults[i];
		if (f->known)
			nknown++;
		else
			nnew++;
		printf("%s: %s %s: %ld case(s), first at N %s: %s\n",
		       f->known ? "known fault, not yet fixed" : "FAULT",
		       f->test, f->kind, f->count, f->first, f->detail);
		if ((verbose || !f->known) && f->trace[0]) {
			printf("    first failed allocation:\n");
			print_trace(f->trace);
		}
	}
	for (i = 0; i < nknowns; i++) {
		int ours = 0; /* a test of this program (not "fork") */
		for (j = 0; j < NTESTS; j++)
			if (fnmatch(knowns[i].test, tests[j].name, 0) == 0)
				ours = 1;
		if (ours && !knowns[i].seen && !quick && optind == argc)
			printf("note: KNOWN lists '%s %s', not seen in this "
			       "run (fixed? remove it)\n",
			       knowns[i].test, knowns[i].kind);
	}
	printf("oom: %d new fault(s), %d known fault(s)\n", nnew, nknown);
	return nnew ? 1 : 0;
}

#endif /* OOM_SANITIZER */
