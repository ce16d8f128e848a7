/*
 * dict.c - lexicons: finding, opening and asking hunspell dictionaries.
 *
 * This is the library's one door to hunspell dictionaries.  It finds them
 * (one search rule: the caller's directory, $DICPATH, the system
 * directory), reads the encoding their .aff declares, and answers "does
 * dictionary i accept this word?" with the library's own reader of
 * hunspell files (affix.c) where that reader can read the dictionary, as
 * it can the Arabic and English ones, and with hunspell for the rest:
 * dictionaries using features the reader does not implement, and words
 * it leaves undecided.  Hunspell is also the source of suggestions.
 *
 * A lexicon is shared by reference between a speller and any number of
 * tokenizers, in any threads.  What it loads, it loads once, on first
 * need, under its lock: the reader's tables, the hunspell handle, the
 * headwords of an Arabic .dic.  After that the reader's verdicts are
 * given without a lock (its tables never change), while calls into a
 * hunspell handle, which is not thread-safe, and into the ICU converter
 * of a dictionary in another encoding, stay under the lock.
 */
#include "config.h"

#include "affix.h"
#include "chars.h"
#include "dict_int.h"
#include "hun.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unistd.h>

#ifndef AR_DICTDIR
#define AR_DICTDIR "/usr/share/hunspell"
#endif

typedef struct dict {
	char *aff, *dic; /* paths */
	int arabic;      /* checks Arabic words */
	UConverter *cnv; /* the dictionary's encoding when it is not
	                     UTF-8, else NULL */
	int ready;       /* the reader was tried (atomic; under lock) */
	ar_affix *ax;    /* the reader, when it reads this dictionary */
	ar_hun *h;       /* hunspell, created on first need */
	int heads_state; /* 0 not read, 1 read */
	ar_strmap heads; /* headwords, for the segmenter */
} dict;

struct ar_lexicon {
	unsigned refs; /* atomic */
	pthread_mutex_t lock;
	dict *dicts;
	size_t ndicts;
};

/* ---- finding ---------------------------------------------------------- */

static int readable(const char *prefix, const char *ext)
{
	char path[4096];
	if (snprintf(path, sizeof path, "%s%s", prefix, ext) >=
	    (int)sizeof path)
		return 0;
	return access(path, R_OK) == 0;
}

/* Find dictionary `name` (len bytes): fills prefix ("DIR/NAME"). */
static int find_dict(char *prefix, size_t size, const char *name, size_t len,
                     const char *dict_dir)
{
	const char *env = getenv("DICPATH");
	if (memchr(name, '/', len)) {
		snprintf(prefix, size, "%.*s", (int)len, name);
		return readable(prefix, ".aff") && readable(prefix, ".dic");
	}
	if (dict_dir) {
		snprintf(prefix, size, "%s/%.*s", dict_dir, (int)len, name);
		if (readable(prefix, ".aff") && readable(prefix, ".dic"))
			return 1;
	}
	while (env && *env) {
		const char *c = strchr(env, ':');
		size_t dl = c ? (size_t)(c - env) : strlen(env);
		if (dl) {
			snprintf(prefix, size, "%.*s/%.*s", (int)dl, env,
			         (int)len, name);
			if (readable(prefix, ".aff") &&
			    readable(prefix, ".dic"))
				return 1;
		}
		env = c ? c + 1 : NULL;
	}
	snprintf(prefix, size, "%s/%.*s", AR_DICTDIR, (int)len, name);
	return readable(prefix, ".aff") && readable(prefix, ".dic");
}

/* The one "not found" message: where the library looked, and the Debian
 * package (hunspell-LL-CC) that holds the dictionary. */
static void not_found(ar_error *err, const char *name, size_t len,
                      const char *dict_dir)
{
	const char *base = name;
	char pkg[101];
	size_t i, bl;

	for (i = 0; i < len; i++)
		if (name[i] == '/')
			base = name + i + 1;
	bl = (size_t)(name + len - base);
	for (i = 0; i < bl && i < 100; i++)
		pkg[i] = base[i] == '_' ? '-'
		         : (base[i] >= 'A' && base[i] <= 'Z')
		                 ? (char)(base[i] + 32)
		                 : base[i];
	pkg[i] = '\0';
	ar_error__set(err, 0, 0, 0,
	              "hunspell dictionary '%.*s' not found (searched %s%s"
	              "DICPATH and %s; on Debian, install hunspell-%s)",
	              (int)len, name, dict_dir ? dict_dir : "",
	              dict_dir ? ", " : "", AR_DICTDIR, pkg);
}

/*
 * The encoding named by the SET line of an .aff file, as hunspell reads it
 * (first "SET" line, second field; ISO8859-1 when there is none), into
 * enc.  Returns 0, or -1 when the file cannot be read.
 */
static int aff_encoding(const char *aff, char *enc, size_t size)
{
	FILE *fp = fopen(aff, "rb");
	char line[1024];
	int at_start = 1;

	snprintf(enc, size, "ISO8859-1");
	if (!fp)
		return -1;
	while (fgets(line, sizeof line, fp)) {
		size_t n = strlen(line);
		char *p = line;
		int whole = at_start;
		at_start = n > 0 && line[n - 1] == '\n';
		if (!whole)
			continue; /* the rest of a long line */
		if (memcmp(p, "\xef\xbb\xbf", 3) == 0)
			p += 3; /* a UTF-8 byte order mark */
		if (strncmp(p, "SET", 3) != 0 || (p[3] != ' ' && p[3] != '\t'))
			continue;
		p += 3;
		p += strspn(p, " \t");
		n = strcspn(p, " \t\r\n");
		if (n) {
			snprintf(enc, size, "%.*s", (int)n, p);
			break;
		}
	}
	fclose(fp);
	return 0;
}

/* Open an ICU converter for a hunspell encoding name, or leave *out NULL
 * for UTF-8.  Hunspell's names are ICU's but for two. */
static ar_status open_converter(UConverter **out, const char *enc)
{
	UErrorCode e = U_ZERO_ERROR;
	UConverter *c;

	*out = NULL;
	if (strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0)
		return AR_OK;
	if (strcasecmp(enc, "microsoft-cp1251") == 0)
		enc = "windows-1251";
	else if (strcasecmp(enc, "ISCII-DEVANAGARI") == 0)
		enc = "ISCII,version=0";
	c = ucnv_open(enc, &e);
	if (U_FAILURE(e))
		return e == U_MEMORY_ALLOCATION_ERROR ? AR_ENOMEM : AR_EDICT;
	/* a character the encoding lacks makes the conversion fail: no
	 * dictionary in that encoding can hold the word */
	ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL,
	                      &e);
	if (U_FAILURE(e)) {
		ucnv_close(c);
		return AR_EDICT;
	}
	*out = c;
	return AR_OK;
}

/* A UTF-8 word (NUL-terminated) in the encoding of d: w itself for a
 * UTF-8 dictionary, else a copy in buf; NULL when the encoding cannot
 * write it.  Under the lock (the converter has state). */
static const char *to_dict(const dict *d, const char *w, char *buf, size_t size)
{
	UChar u[1024];
	int32_t nu;
	UErrorCode e = U_ZERO_ERROR;

	if (!d->cnv)
		return w;
	u_strFromUTF8(u, 1024, &nu, w, -1, &e);
	if (U_FAILURE(e) || e == U_STRING_NOT_TERMINATED_WARNING)
		return NULL;
	ucnv_fromUChars(d->cnv, buf, (int32_t)size, u, nu, &e);
	ucnv_reset(d->cnv);
	if (U_FAILURE(e) || e == U_STRING_NOT_TERMINATED_WARNING)
		return NULL;
	return buf;
}

/* A word of dictionary d (NUL-terminated, its encoding) as a malloc'd
 * UTF-8 string; NULL when out of memory.  Under the lock. */
static char *from_dict(const dict *d, const char *w)
{
	UChar u[1024];
	int32_t nu, n;
	UErrorCode e = U_ZERO_ERROR;
	char *s;

	if (!d->cnv)
		return strdup(w);
	nu = ucnv_toUChars(d->cnv, u, 1024, w, -1, &e);
	ucnv_reset(d->cnv);
	if (U_FAILURE(e))
		return strdup("");
	u_strToUTF8(NULL, 0, &n, u, nu, &e);
	e = U_ZERO_ERROR;
	s = malloc((size_t)n + 1);
	if (!s)
		return NULL;
	u_strToUTF8(s, n + 1, NULL, u, nu, &e);
	if (U_FAILURE(e))
		s[0] = '\0';
	return s;
}

/* ---- hunspell handles -------------------------------------------------- */

/*
 * Hunspell 1.7 keeps one Unicode case table for all its handles (utf_tbl
 * in its csutil.cxx), allocated, filled, reference-counted and freed
 * without a lock each time a UTF-8 dictionary is loaded or a handle is
 * destroyed.  Two creations at once (two lexicons opened in two threads)
 * could fill it twice or lose a count, and a destruction could then free
 * it under a reader.  This lock serializes every creation and destruction
 * of a hunspell handle in the library; it is the library's only
 * process-wide object and holds no data.
 */
static pthread_mutex_t hunspell_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * A fork() while another thread holds the lock would leave the child's
 * copy locked for ever, and the child's first hunspell handle would wait
 * on it.  So the lock is taken around every fork (pthread_atfork), once
 * the process has used it: the child starts with it free and the case
 * table in a state that no creation was halfway through.
 */
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

static void fork_prepare(void)
{
	pthread_mutex_lock(&hunspell_lock);
}

static void fork_release(void)
{
	pthread_mutex_unlock(&hunspell_lock);
}

static void register_atfork(void)
{
	/* without the handlers (out of memory), a fork may still come at
	 * a bad time, as before; nothing else changes */
	(void)pthread_atfork(fork_prepare, fork_release, fork_release);
}

static ar_status hunspell_create(ar_hun **h, const char *aff, const char *dic)
{
	ar_status st;
	pthread_once(&atfork_once, register_atfork);
	pthread_mutex_lock(&hunspell_lock);
	st = ar_hun__create(h, aff, dic);
	pthread_mutex_unlock(&hunspell_lock);
	return st;
}

static void hunspell_destroy(ar_hun *h)
{
	pthread_mutex_lock(&hunspell_lock);
	ar_hun__destroy(h);
	pthread_mutex_unlock(&hunspell_lock);
}

/* ---- opening ----------------------------------------------------------- */

static void dict_free(dict *d)
{
	if (d->h)
		hunspell_destroy(d->h);
	ar_affix__free(d->ax);
	if (d->cnv)
		ucnv_close(d->cnv);
	if (d->heads_state)
		ar_strmap__free(&d->heads);
	free(d->aff);
	free(d->dic);
}

/* Fill d for the dictionary at prefix ("DIR/NAME"). */
/*
 * Are d's files a dictionary that can be read?  Both must be regular
 * files of bounded size (a FIFO would block hunspell for ever, /dev/zero
 * would feed it without end), and the .dic must start as hunspell's word
 * lists do, with a word count, and hold at least one word: an empty,
 * garbage or wordless .dic would otherwise be a dictionary that silently
 * knows nothing.  Only the first few KB of the .dic are read.
 */
static ar_status check_files(const dict *d, ar_error *err)
{
	char buf[4096];
	const char *p, *end;
	size_t size;
	ssize_t got;
	int fd;
	ar_status st;

	st = ar_file__open(d->aff, &fd, &size, err);
	if (st != AR_OK)
		return st == AR_EIO ? AR_EDICT : st;
	close(fd);
	st = ar_file__open(d->dic, &fd, &size, err);
	if (st != AR_OK)
		return st == AR_EIO ? AR_EDICT : st;
	do
		got = read(fd, buf, sizeof buf);
	while (got < 0 && errno == EINTR);
	close(fd);
	if (got < 0) {
		ar_error__set(err, 0, 0, 0, "%s: %s", d->dic, strerror(errno));
		return AR_EDICT;
	}
	p = buf;
	end = buf + got;
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end || *p < '0' || *p > '9') {
		ar_error__set(err, 1, 1, 0, "%s: %s", d->dic,
		              got == 0 ? "empty file, not a hunspell word list"
		                       : "not a hunspell word list (its first "
		                         "line is not a word count)");
		return AR_EDICT;
	}
	while (p < end && *p != '\n')
		p++;
	while (p < end && (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t'))
		p++;
	if (p == end) {
		ar_error__set(err, 0, 0, 0, "%s: no words after the word count",
		              d->dic);
		return AR_EDICT;
	}
	return AR_OK;
}

static ar_status dict_init(dict *d, const char *prefix, ar_error *err)
{
	size_t bl = strlen(prefix) + 5;
	char enc[64];
	const char *base;
	ar_status st;

	d->aff = malloc(bl);
	d->dic = malloc(bl);
	if (!d->aff || !d->dic)
		return AR_ENOMEM;
	snprintf(d->aff, bl, "%s.aff", prefix);
	snprintf(d->dic, bl, "%s.dic", prefix);
	st = check_files(d, err);
	if (st != AR_OK)
		return st;
	if (aff_encoding(d->aff, enc, sizeof enc) != 0) {
		int e = errno;
		ar_error__set(err, 0, 0, 0, "%s: %s", d->aff, strerror(e));
		return e == ENOMEM ? AR_ENOMEM : AR_EDICT;
	}
	st = open_converter(&d->cnv, enc);
	if (st == AR_EDICT)
		ar_error__set(err, 0, 0, 0,
		              "hunspell dictionary '%s': encoding '%s' (SET "
		              "line of %s) is not one ICU can convert",
		              prefix, enc, d->aff);
	if (st != AR_OK)
		return st;
	base = strrchr(prefix, '/');
	base = base ? base + 1 : prefix;
	d->arabic = base[0] == 'a' && base[1] == 'r' &&
	            (base[2] == '\0' || base[2] == '_' || base[2] == '-');
	return AR_OK;
}

ar_status ar_lexicon__open(ar_lexicon **out, const char *list,
                           const char *dict_dir, ar_error *err)
{
	const char *p = list;
	size_t n = 1;
	ar_lexicon *lx;
	ar_status st = AR_OK;

	*out = NULL;
	for (; *p; p++)
		if (*p == ',')
			n++;
	lx = calloc(1, sizeof *lx);
	if (!lx)
		return AR_ENOMEM;
	lx->refs = 1;
	if (pthread_mutex_init(&lx->lock, NULL) != 0) {
		free(lx);
		return AR_ENOMEM;
	}
	lx->dicts = calloc(n, sizeof *lx->dicts);
	if (!lx->dicts)
		st = AR_ENOMEM;
	for (p = list; p && st == AR_OK;) {
		const char *c = strchr(p, ',');
		size_t len = c ? (size_t)(c - p) : strlen(p);
		char prefix[4096];

		if (len) {
			if (!find_dict(prefix, sizeof prefix, p, len,
			               dict_dir)) {
				not_found(err, p, len, dict_dir);
				st = AR_EDICT;
				break;
			}
			st = dict_init(&lx->dicts[lx->ndicts++], prefix, err);
		}
		p = c ? c + 1 : NULL;
	}
	if (st == AR_OK && lx->ndicts == 0) {
		ar_error__set(err, 0, 0, 0, "no dictionary given");
		st = AR_EINVAL;
	}
	if (st != AR_OK) {
		ar_lexicon_free(lx);
		return st;
	}
	*out = lx;
	return AR_OK;
}

ar_status ar_lexicon_new(ar_lexicon **out, const ar_lexicon_options *opts,
                         ar_error *err)
{
	ar_lexicon_options def = AR_LEXICON_OPTIONS_INIT;

	if (!out)
		return AR_EINVAL;
	*out = NULL;
	if (!opts)
		opts = &def;
	if (opts->version != AR_LEXICON_OPTIONS_VERSION)
		return AR_EINVAL;
	return ar_lexicon__open(
	        out, opts->dictionaries ? opts->dictionaries : "ar,en_US",
	        opts->dict_dir, err);
}

ar_lexicon *ar_lexicon__ref(ar_lexicon *lx)
{
	__atomic_add_fetch(&lx->refs, 1, __ATOMIC_RELAXED);
	return lx;
}

void ar_lexicon_free(ar_lexicon *lx)
{
	size_t i;

	if (!lx || __atomic_sub_fetch(&lx->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	for (i = 0; i < lx->ndicts; i++)
		dict_free(&lx->dicts[i]);
	free(lx->dicts);
	pthread_mutex_destroy(&lx->lock);
	free(lx);
}

size_t ar_lexicon_count(const ar_lexicon *lx)
{
	return lx ? lx->ndicts : 0;
}

ar_status ar_lexicon_files(const ar_lexicon *lx, size_t i, const char **aff,
                           const char **dic)
{
	if (!lx || !aff || !dic || i >= lx->ndicts)
		return AR_EINVAL;
	*aff = lx->dicts[i].aff;
	*dic = lx->dicts[i].dic;
	return AR_OK;
}

int ar_lexicon__arabic(const ar_lexicon *lx, size_t i)
{
	return lx->dicts[i].arabic;
}

long ar_lexicon__first_arabic(const ar_lexicon *lx)
{
	size_t i;
	for (i = 0; i < lx->ndicts; i++)
		if (lx->dicts[i].arabic)
			return (long)i;
	return -1;
}

/* ---- asking ------------------------------------------------------------ */

/* Open the reader on d, once; without it (a dictionary using features it
 * does not implement, or that it cannot read), hunspell checks.  Out of
 * memory, it is not taken for such a dictionary: AR_ENOMEM, and the next
 * call tries again.  Under the lock. */
static ar_status load_reader(dict *d)
{
	ar_status st;

	if (d->ready)
		return AR_OK;
	st = ar_affix__open(&d->ax, d->aff, d->dic, NULL);
	if (st == AR_ENOMEM)
		return st;
	if (st != AR_OK)
		d->ax = NULL;
	__atomic_store_n(&d->ready, 1, __ATOMIC_RELEASE);
	return AR_OK;
}

/*
 * Does the new hunspell handle of d know its words?  Hunspell 1.7 does
 * not always throw when an allocation fails while it reads a .dic: it may
 * drop the whole word table and go on with an empty dictionary, which
 * would change every later suggestion without a word said.  So a word of
 * the .dic that the reader accepts is asked again of hunspell; *ok 0 when
 * hunspell rejects it.  Without the reader there is nothing to ask.
 */
static ar_status probe(dict *d, int *ok)
{
	size_t i, n, len, tries = 0;
	char buf[4096], word[256];
	const char *x;

	*ok = 1;
	if (!d->ax)
		return AR_OK;
	n = ar_affix__nwords(d->ax);
	for (i = n / 2; i < n && tries < 64; i++, tries++) {
		const char *w = ar_affix__word(d->ax, i, &len);
		if (len == 0 || len >= sizeof word ||
		    ar_affix__check(d->ax, w, len) != 1)
			continue;
		memcpy(word, w, len);
		word[len] = '\0';
		x = to_dict(d, word, buf, sizeof buf);
		if (!x)
			continue;
		return ar_hun__spell(d->h, x, ok);
	}
	return AR_OK;
}

/* The hunspell handle of d, created on first need (d->h); a failed
 * creation is tried again at the next need.  A handle that fails its
 * probe is made again once; if the second one fails too, hunspell and
 * the reader disagree on that word, and the handle is kept.  Under the
 * lock. */
static ar_status handle(dict *d)
{
	ar_status st;
	int tries, ok;

	if (d->h)
		return AR_OK;
	st = load_reader(d);
	if (st != AR_OK)
		return st;
	for (tries = 0;; tries++) {
		st = hunspell_create(&d->h, d->aff, d->dic);
		if (st != AR_OK)
			return st;
		st = probe(d, &ok);
		if (st == AR_OK && (ok || tries > 0))
			return AR_OK;
		hunspell_destroy(d->h);
		d->h = NULL;
		if (st != AR_OK)
			return st;
	}
}

int ar_dict__check(ar_lexicon *lx, size_t i, const char *w, size_t len)
{
	dict *d = &lx->dicts[i];
	char buf[4096];
	const char *x;
	int r;
	ar_status st;

	if (!__atomic_load_n(&d->ready, __ATOMIC_ACQUIRE)) {
		pthread_mutex_lock(&lx->lock);
		st = load_reader(d);
		pthread_mutex_unlock(&lx->lock);
		if (st != AR_OK)
			return -1;
	}
	if (d->ax) {
		r = ar_affix__check(d->ax, w, len);
		if (r >= 0)
			return r;
	}
	pthread_mutex_lock(&lx->lock);
	r = 0;
	st = handle(d);
	if (st == AR_OK) {
		x = to_dict(d, w, buf, sizeof buf);
		if (x)
			st = ar_hun__spell(d->h, x, &r);
	}
	pthread_mutex_unlock(&lx->lock);
	return st == AR_OK ? r : -1;
}

void ar_dict__free_list(char **list, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

ar_status ar_dict__suggest(ar_lexicon *lx, size_t i, const char *w, char ***out,
                           size_t *n)
{
	dict *d = &lx->dicts[i];
	char **list = NULL, **v = NULL, buf[4096];
	const char *x;
	size_t k, ns = 0;
	ar_status st;

	*out = NULL;
	*n = 0;
	pthread_mutex_lock(&lx->lock);
	st = handle(d);
	if (st != AR_OK || !(x = to_dict(d, w, buf, sizeof buf)))
		goto done;
	st = ar_hun__suggest(d->h, x, &list, &ns);
	if (st != AR_OK || ns == 0)
		goto done;
	v = calloc(ns, sizeof *v);
	if (!v) {
		st = AR_ENOMEM;
		goto done;
	}
	for (k = 0; k < ns; k++) {
		v[k] = from_dict(d, list[k]);
		if (!v[k]) {
			ar_dict__free_list(v, k);
			v = NULL;
			st = AR_ENOMEM;
			goto done;
		}
	}
	*out = v;
	*n = ns;
done:
	ar_dict__free_list(list, ns);
	pthread_mutex_unlock(&lx->lock);
	return st;
}

/* Copy s without the marks Arabic dictionaries are written without (and
 * the Quranic ones) into out; the length, or (size_t)-1 when it does not
 * fit or is not UTF-8. */
static size_t strip(const char *s, size_t n, char *out, size_t outsz)
{
	size_t i = 0, o = 0;

	while (i < n) {
		uint32_t cp;
		size_t l = ar_utf8_decode(&cp, s + i, n - i);
		if (l == 0)
			return (size_t)-1;
		if (!ar_char__stem_ignorable(cp)) {
			if (o + l > outsz)
				return (size_t)-1;
			memcpy(out + o, s + i, l);
			o += l;
		}
		i += l;
	}
	return o;
}

/* Where the reading of a .dic's headwords is. */
typedef struct heads_state {
	int marker;    /* between the two lines of a list header */
	uint32_t kind; /* AR_HEAD_* of the current list */
} heads_state;

/* Add the headword w[0..n) (one .dic line up to its flags) to d->heads.
 * 0, or -1 when out of memory. */
static int add_head(dict *d, heads_state *hs, const char *w, size_t n)
{
	char key[256];
	size_t k;

	/* the file joins several lists, each introduced by "::::::::::::::",
	 * its name, and "::::::::::::::" */
	if (n >= 4 && memcmp(w, "::::", 4) == 0) {
		hs->marker = !hs->marker;
		return 0;
	}
	if (hs->marker) {
		hs->kind = n >= 9 && memcmp(w, "stopwords", 9) == 0
		                   ? AR_HEAD_STOP
		                   : AR_HEAD_OPEN;
		return 0;
	}
	k = strip(w, n, key, sizeof key);
	if (k == (size_t)-1 || k == 0)
		return 0;
	return ar_strmap__put(&d->heads, key, k, hs->kind);
}

/*
 * Read the headwords of d's .dic into d->heads.  Under the lock.  The
 * reader (affix.c) keeps the words of the file in its order: the
 * headwords are taken from it, so that the file is read once.  Without
 * the reader, the .dic is read here: each line up to a '/', a tab or a
 * space, as hunspell reads it when there are no morphological fields.
 */
static ar_status load_heads(dict *d, ar_error *err)
{
	heads_state hs = { 0, AR_HEAD_OPEN };
	ar_buf text = AR_BUF_INIT;
	ar_status st = AR_OK;
	size_t i, n;

	if (load_reader(d) != AR_OK ||
	    ar_strmap__init(&d->heads, 1u << 19, 1u << 30) != 0)
		return AR_ENOMEM;
	if (d->ax) {
		for (i = 0; i < ar_affix__nwords(d->ax) && st == AR_OK; i++) {
			const char *w = ar_affix__word(d->ax, i, &n);
			if (add_head(d, &hs, w, n) != 0)
				st = AR_ENOMEM;
		}
	} else if ((st = ar_buf__read_file(&text, d->dic, err)) == AR_OK) {
		const char *p = text.ptr, *end = text.ptr + text.size, *e;
		/* the first line is the word count */
		p = memchr(p, '\n', text.size);
		for (p = p ? p + 1 : end; p < end && st == AR_OK; p = e + 1) {
			e = memchr(p, '\n', (size_t)(end - p));
			if (!e)
				e = end;
			for (n = 0; p + n < e && !strchr("/\t \r", p[n]); n++)
				;
			if (add_head(d, &hs, p, n) != 0)
				st = AR_ENOMEM;
		}
	} else if (st == AR_EIO) {
		st = AR_EDICT;
	}
	ar_buf_dispose(&text);
	if (st != AR_OK) {
		ar_strmap__free(&d->heads);
		return st;
	}
	d->heads_state = 1;
	return AR_OK;
}

ar_status ar_lexicon__heads(ar_lexicon *lx, size_t i, const ar_strmap **out,
                            ar_error *err)
{
	dict *d = &lx->dicts[i];
	ar_status st = AR_OK;

	pthread_mutex_lock(&lx->lock);
	if (!d->heads_state)
		st = load_heads(d, err);
	pthread_mutex_unlock(&lx->lock);
	*out = st == AR_OK ? &d->heads : NULL;
	return st;
}
