/*
 * affix.c - a read-only checker over a hunspell dictionary, giving
 * hunspell's verdict on a word without building hunspell's tables
 * (affix.h says why).
 *
 * Loading.  The .dic file is read into one buffer and each line becomes an
 * entry {word offset, length, flag set} in an array and a hash table; the
 * words are not copied (characters of the IGNORE directive are squeezed
 * out in place).  The flag sets are decoded once into one pool of sorted
 * 16-bit flags: with AF aliases (as in the Arabic dictionary) every entry
 * shares one of a few hundred sets.  Affix entries are kept sorted by
 * their appended string and then by strip string, and a small hash table
 * maps each appended string to its run of entries.
 *
 * Checking follows hunspell's spell(): the word is converted (ICONV),
 * its IGNORE characters and trailing dots removed; its capitalization
 * type gives the spellings to try (check_cased()); each spelling w is
 * then tried as:
 *  1. a dictionary word;
 *  2. a prefix P: root = strip(P) + rest, P's condition holds at the
 *     root's start and a root entry has P's flag; or, when P allows cross
 *     products, the root with a cross-product suffix S removed is an
 *     entry with both flags (or S's continuation flags name P, or P's name
 *     S);
 *  3. a suffix S: root = rest + strip(S), S's condition holds at its end,
 *     an entry has S's flag;
 *  4. two suffixes, when some affix has continuation flags: an outer
 *     suffix S2 whose flag is some affix's continuation flag is removed,
 *     then an inner suffix S1 whose continuation flags include S2's, from
 *     an entry with S1's flag; and the same under a cross-product prefix.
 * Each (appended, strip) pair gives one candidate root: it is built and
 * looked up once, and every entry of the run is tested on that lookup.
 * A word still rejected is split at its hyphens (ar_affix__check()).
 */
#include "config.h"

#include "affix.h"
#include "chars.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>

/* ./configure --disable-affix-reader (or a hunspell series the reader
 * was not checked against): every dictionary is refused, so that hunspell
 * gives every verdict.  The code stays compiled either way. */
#ifdef AR_AFFIX_READER_DISABLED
#define READER_ENABLED 0
#else
#define READER_ENABLED 1
#endif

/* Longest word (bytes) decided here; hunspell's limit is higher, longer
 * words go to it. */
#define MAXWORD 100
/* Longest strip or appended string (bytes); a dictionary with longer ones
 * is left to hunspell. */
#define MAXAFF 32
/* Homonyms of one root looked at. */
#define MAXHOM 16

enum { FLAG_CHAR, FLAG_LONG, FLAG_NUM, FLAG_UTF8 };

typedef uint16_t flag_t;

typedef struct fset {
	uint32_t off, n; /* sorted flags in a->flags */
} fset;

typedef struct entry {
	uint32_t off; /* word in a->dic */
	uint16_t len;
	uint16_t kind; /* ENT_REAL, or ENT_HIDDEN: a capitalized form
	                  hunspell adds for a mixed-case or all-caps word */
	fset f;
} entry;

enum { ENT_REAL = 1, ENT_HIDDEN = 2 };

/* A condition element: one character of a set, or of its complement. */
typedef struct celem {
	uint32_t off, n; /* code points in a->cps; n = 0: any character */
	int neg;
	int group; /* written [..]: else a literal character or '.' */
} celem;

typedef struct affent {
	flag_t flag;
	uint8_t xprod;
	uint8_t strip_len, app_len;
	char strip[MAXAFF], app[MAXAFF];
	fset cont;            /* continuation flags */
	uint32_t group_end;   /* end of the entries with the same appended
	                          and strip strings */
	uint32_t cond, ncond; /* elements in a->conds */
} affent;

/* The entries of one side (prefixes or suffixes) with one appended
 * string: a->pe[first .. first + n), sorted by strip string. */
typedef struct arun {
	uint64_t h; /* hash of the appended string */
	uint32_t first, n;
} arun;

typedef struct side {
	affent *e;
	size_t n, cap;
	arun *runs; /* hash table by appended string; n = 0: empty slot */
	size_t nruns_slots;
	uint64_t app_lens; /* bit i: some appended string has i bytes */
	size_t max_app;
} side;

typedef struct conv {
	char from[MAXAFF], to[MAXAFF];
	uint8_t from_len, to_len;
} conv;

struct ar_affix {
	char *dic; /* the .dic text */
	entry *ents;
	size_t nents;
	uint32_t *slots; /* hash table (index_dic) */
	unsigned idx_bits;
	size_t slot_mask;
	flag_t *flags; /* flag pool */
	size_t nflags, aflags;
	fset *alias; /* AF sets, 1-based */
	size_t nalias;
	uint32_t *cps; /* condition code points */
	size_t ncps, acps;
	celem *conds;
	size_t nconds, aconds;
	side pfx, sfx;
	unsigned char is_cont[65536 / 8]; /* flags used as continuation */
	int has_cont;
	int flag_mode;
	/* compounding (accepted only when it cannot concern the words
	 * checked here, see compound_guard()) */
	int compounds;
	flag_t oic;  /* ONLYINCOMPOUND flag, 0 if none */
	flag_t *cpd; /* flags named by COMPOUNDRULE */
	size_t ncpd;
	size_t dic_len;
	size_t nhidden;
	uint32_t *cased; /* .dic entries with a capital of is_upper() */
	size_t ncased, acased;
	uint32_t *ignore;                 /* IGNORE code points */
	unsigned char ign_low[0x800 / 8]; /* the same, below U+0800 */
	size_t nignore;
	conv *iconv;
	size_t niconv;
	/* bit (b0 << 8 | b1): some ICONV pattern starts with bytes b0 b1
	 * (or is the single byte b0, then every b1 is set) */
	unsigned char iconv_start[65536 / 8];
};

/* ---- small helpers ----------------------------------------------------- */

static int has_flag(const ar_affix *a, fset s, flag_t f)
{
	const flag_t *v;
	size_t lo = 0, hi = s.n;
	if (!s.n)
		return 0; /* (the pool may not exist yet) */
	v = a->flags + s.off;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid] == f)
			return 1;
		if (v[mid] < f)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Decode one UTF-8 character of s[0..len) into *cp; its length, or 0. */
static size_t dec(uint32_t *cp, const char *s, size_t len)
{
	return len ? ar_utf8_decode(cp, s, len) : 0;
}

/* Length of the character that ends at s[len - 1]. */
static size_t last_char_len(const char *s, size_t len)
{
	size_t k = 1;
	while (k < len && k < 4 && ((unsigned char)s[len - k] & 0xC0) == 0x80)
		k++;
	return k;
}

static int is_ignored(const ar_affix *a, uint32_t cp)
{
	size_t i;
	if (cp < 0x800)
		return a->ign_low[cp >> 3] >> (cp & 7) & 1;
	for (i = 0; i < a->nignore; i++)
		if (a->ignore[i] == cp)
			return 1;
	return 0;
}

/* Remove the IGNORE characters from s[0..*len), in place.  Called on
 * every .dic word: the common case, no such character, only reads. */
static void squeeze(const ar_affix *a, char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o, n = *len;
	uint32_t cp;

	if (!a->nignore)
		return;
	while (i < n) {
		size_t k = ar_utf8__next(&cp, (const char *)(u + i), n - i);
		if (!k) {
			i++;
			continue;
		}
		if (is_ignored(a, cp))
			break;
		i += k;
	}
	o = i;
	while (i < n) {
		size_t k = ar_utf8__next(&cp, (const char *)(u + i), n - i);
		if (!k) {
			s[o++] = s[i++];
			continue;
		}
		if (!is_ignored(a, cp)) {
			memmove(s + o, s + i, k);
			o += k;
		}
		i += k;
	}
	*len = o;
}

enum { NOCAP, INITCAP, ALLCAP, HUHCAP, HUHINITCAP };

/*
 * Case is followed for the letters whose case pairs are beyond doubt and
 * keep their UTF-8 length: ASCII, and Latin-1 (À-Þ / à-þ, not × ÷ ß ÿ).
 * The byte that differs is the last of the character, by 0x20.
 */
static int is_upper(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

static int is_lower(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') ||
	       (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7);
}

/* Hunspell's capitalization type of w (characters of decidable()). */
static int captype(const char *w, size_t len)
{
	size_t i = 0, ncap = 0, nlow = 0;
	int first = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = ar_utf8__next(&cp, w + i, len - i);
		if (!k)
			k = 1;
		else if (is_upper(cp)) {
			ncap++;
			if (i == 0)
				first = 1;
		} else if (is_lower(cp)) {
			nlow++;
		}
		i += k;
	}
	if (ncap == 0)
		return NOCAP;
	if (ncap == 1 && first)
		return INITCAP;
	if (nlow == 0)
		return ALLCAP;
	return first ? HUHINITCAP : HUHCAP;
}

/* w[0..len) with its letters lowered, and the first one raised if `init`,
 * into out (the same length). */
static void recase(char *out, const char *w, size_t len, int init)
{
	size_t i = 0;
	memmove(out, w, len);
	while (i < len) {
		uint32_t cp;
		size_t k = ar_utf8__next(&cp, out + i, len - i);
		if (!k)
			k = 1;
		else if (i == 0 && init ? is_lower(cp) : is_upper(cp))
			out[i + k - 1] ^= 0x20;
		i += k;
	}
}

/* Whether flag set f holds one of the n flags of v. */
static int has_any(const ar_affix *a, fset f, const flag_t *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (has_flag(a, f, v[i]))
			return 1;
	return 0;
}

/* ---- flags ------------------------------------------------------------- */

static int cmp_flag(const void *x, const void *y)
{
	flag_t a = *(const flag_t *)x, b = *(const flag_t *)y;
	return (a > b) - (a < b);
}

/* Room for one more element in the growing array whose pointer is at
 * *pv (*cap elements of `size` bytes, n used): the library's array
 * growth (ar_array__grow), which leaves it as it was on AR_ENOMEM. */
static ar_status room(void *pv, size_t *cap, size_t n, size_t size)
{
	return ar_array__grow(pv, cap, n + 1, size) != 0 ? AR_ENOMEM : AR_OK;
}

static ar_status push_flag(ar_affix *a, flag_t f)
{
	if (room(&a->flags, &a->aflags, a->nflags, sizeof *a->flags))
		return AR_ENOMEM;
	a->flags[a->nflags++] = f;
	return AR_OK;
}

/* Decode the flag string s[0..len) into a new sorted set. */
static ar_status decode_flags(ar_affix *a, const char *s, size_t len, fset *out)
{
	size_t i = 0;
	out->off = (uint32_t)a->nflags;
	out->n = 0;
	while (i < len) {
		flag_t f;
		uint32_t cp;
		size_t k;
		switch (a->flag_mode) {
		case FLAG_LONG:
			if (i + 1 >= len)
				return AR_EDICT;
			f = (flag_t)((unsigned char)s[i] << 8 |
			             (unsigned char)s[i + 1]);
			i += 2;
			break;
		case FLAG_NUM: {
			unsigned long v = 0;
			size_t d = 0;
			while (i < len && s[i] >= '0' && s[i] <= '9' && d < 6) {
				v = v * 10 + (unsigned long)(s[i] - '0');
				i++;
				d++;
			}
			if (!d || v > 65535 || (i < len && s[i] != ','))
				return AR_EDICT;
			if (i < len)
				i++;
			f = (flag_t)v;
			break;
		}
		case FLAG_UTF8:
			k = dec(&cp, s + i, len - i);
			if (!k || cp > 0xFFFF)
				return AR_EDICT;
			f = (flag_t)cp;
			i += k;
			break;
		default:
			f = (unsigned char)s[i++];
			break;
		}
		if (push_flag(a, f) != AR_OK)
			return AR_ENOMEM;
		out->n++;
	}
	if (out->n > 1)
		qsort(a->flags + out->off, out->n, sizeof(flag_t), cmp_flag);
	return AR_OK;
}

/* The flags after a '/' (of a .dic word or an affix): an AF index when
 * there are aliases (an unknown index: no flags), else flags. */
static ar_status word_flags(ar_affix *a, const char *s, size_t len, fset *out)
{
	if (a->nalias) {
		unsigned long v = 0;
		size_t i = 0;
		while (i < len && s[i] >= '0' && s[i] <= '9' && v < 1000000)
			v = v * 10 + (unsigned long)(s[i++] - '0');
		if (v >= 1 && v <= a->nalias)
			*out = a->alias[v];
		else
			out->off = out->n = 0;
		return AR_OK;
	}
	return decode_flags(a, s, len, out);
}

/* ---- the .aff file ----------------------------------------------------- */

typedef struct lines {
	char *p, *end;
	size_t no; /* line number of the last line returned */
} lines;

/* Next line, NUL-terminated in place (CR and LF removed); NULL at end. */
static char *next_line(lines *l)
{
	char *s, *e;
	if (l->p >= l->end)
		return NULL;
	s = l->p;
	e = memchr(s, '\n', (size_t)(l->end - s));
	if (!e)
		e = l->end;
	l->p = e < l->end ? e + 1 : e;
	*e = '\0';
	if (e > s && e[-1] == '\r')
		e[-1] = '\0';
	l->no++;
	return s;
}

/* Split a line into at most max whitespace-separated fields. */
static size_t fields(char *s, char **f, size_t max)
{
	size_t n = 0;
	while (*s && n < max) {
		while (*s == ' ' || *s == '\t')
			*s++ = '\0';
		if (!*s)
			break;
		f[n++] = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
	}
	while (*s == ' ' || *s == '\t')
		*s++ = '\0';
	return n;
}

/* One flag of an affix class name.  Hunspell decodes only the first flag
 * of the string, so a string of several is refused: the reader sorts a
 * flag set and would pick another one. */
static ar_status one_flag(ar_affix *a, const char *s, flag_t *out)
{
	fset f;
	size_t save = a->nflags;
	ar_status st = decode_flags(a, s, strlen(s), &f);
	if (st != AR_OK)
		return st;
	if (f.n != 1) {
		a->nflags = save;
		return AR_EDICT;
	}
	*out = a->flags[f.off];
	a->nflags = save;
	return AR_OK;
}

static void mark_iconv(ar_affix *a, const conv *c)
{
	unsigned b0 = (unsigned char)c->from[0], b1;
	if (c->from_len == 0)
		return;
	for (b1 = 0; b1 < 256; b1++)
		if (c->from_len == 1 || b1 == (unsigned char)c->from[1])
			a->iconv_start[(b0 << 8 | b1) >> 3] |=
			        (unsigned char)(1u << (b1 & 7));
}

/* The flags of one COMPOUNDRULE pattern ("n*1t", "(aa)(bb)?") into
 * a->cpd (room for 64 a pattern). */
static ar_status rule_flags(ar_affix *a, const char *r)
{
	size_t k = 0;
	while (*r && k < 64) {
		char one[64];
		size_t n;
		flag_t f;
		if (*r == '*' || *r == '?' || *r == ')') {
			r++;
			continue;
		}
		if (*r == '(') {
			const char *e = strchr(r, ')');
			if (!e || (size_t)(e - r - 1) >= sizeof one)
				return AR_EDICT;
			n = (size_t)(e - r - 1);
			memcpy(one, r + 1, n);
			r = e + 1;
		} else {
			uint32_t cp;
			n = a->flag_mode == FLAG_UTF8   ? dec(&cp, r, strlen(r))
			    : a->flag_mode == FLAG_LONG ? 2
			                                : 1;
			if (!n || strlen(r) < n)
				return AR_EDICT;
			memcpy(one, r, n);
			r += n;
		}
		one[n] = '\0';
		if (one_flag(a, one, &f) != AR_OK)
			return AR_EDICT;
		a->cpd[a->ncpd++] = f;
		k++;
	}
	return *r ? AR_EDICT : AR_OK;
}

/*
 * The .aff directives this reader knows: those it reads, and those it
 * skips on purpose because they cannot change a verdict.  Any other line
 * that is not blank, a comment or indented (hunspell reads such lines as
 * nothing) makes ar_affix__open() refuse the dictionary, which then goes
 * to hunspell: among them the directives that change what hunspell
 * accepts and that are not implemented here (compounding by COMPOUNDFLAG,
 * NEEDAFFIX, FORBIDDENWORD, CIRCUMFIX, KEEPCASE, BREAK, LANG...), and
 * directives of hunspell versions this reader was not checked against.
 *
 * Hunspell stops reading the .aff at a malformed or repeated directive
 * (most may appear once), which changes what it accepts: a skipped
 * directive is still checked for the shape hunspell wants (an argument,
 * or a table of `count` lines starting with its name), and a dictionary
 * where it differs is refused too.
 */
enum {
	D_READ,  /* read by parse_aff(), once */
	D_AFFIX, /* read by parse_aff(), any number of times */
	D_BOOL,  /* skipped: no argument needed */
	D_ARG,   /* skipped: one argument, once */
	D_TABLE, /* skipped: "NAME count", then count lines "NAME ..." */
	D_FREE   /* skipped: any text, any number of times */
};

typedef struct directive {
	const char *name;
	uint8_t how;
	uint8_t min_fields; /* D_TABLE: fields of each table line */
} directive;

static const directive directives[] = {
	/* read here */
	{ "SET", D_READ, 0 },
	{ "FLAG", D_READ, 0 },
	{ "AF", D_READ, 0 },
	{ "IGNORE", D_READ, 0 },
	{ "ICONV", D_READ, 0 },
	{ "PFX", D_AFFIX, 0 },
	{ "SFX", D_AFFIX, 0 },
	/* compounding, accepted only as far as compound_guard() allows */
	{ "COMPOUNDRULE", D_READ, 0 },
	{ "COMPOUNDMIN", D_READ, 0 },
	{ "ONLYINCOMPOUND", D_READ, 0 },
	/* suggestions: letters tried in edits, not in checking */
	{ "TRY", D_ARG, 0 },
	/* suggestions: keyboard neighbours for edits */
	{ "KEY", D_ARG, 0 },
	/* suggestions (and compound checks, not accepted here): common
	 * misspellings */
	{ "REP", D_TABLE, 3 },
	/* suggestions: groups of related characters */
	{ "MAP", D_TABLE, 2 },
	/* suggestions: phonetic rules */
	{ "PHONE", D_TABLE, 3 },
	/* morphology: aliases of the .dic's morphological fields */
	{ "AM", D_TABLE, 2 },
	/* output of suggestions and analyses: never applied to input */
	{ "OCONV", D_TABLE, 3 },
	/* the command line's word splitting, not spell() */
	{ "WORDCHARS", D_ARG, 0 },
	/* suggestions: entries with this flag are never suggested */
	{ "NOSUGGEST", D_ARG, 0 },
	/* suggestions: entries left out of n-gram suggestions */
	{ "NONGRAMSUGGEST", D_ARG, 0 },
	/* suggestions: how many, and how alike */
	{ "MAXNGRAMSUGS", D_ARG, 0 },
	{ "MAXDIFF", D_ARG, 0 },
	{ "MAXCPDSUGS", D_ARG, 0 },
	{ "ONLYMAXDIFF", D_BOOL, 0 },
	{ "SUGSWITHDOTS", D_BOOL, 0 },
	/* a note on the dictionary's version, read by nothing */
	{ "VERSION", D_FREE, 0 },
	{ NULL, 0, 0 }
};

#define NDIRECTIVES (sizeof directives / sizeof *directives - 1)

static const directive *find_directive(const char *name)
{
	const directive *d;
	for (d = directives; d->name; d++)
		if (strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

/* Whether s is a count hunspell reads as n >= 1 (atoi). */
static int table_count(const char *s, unsigned long *n)
{
	char *end;
	if (*s < '1' || *s > '9')
		return 0;
	*n = strtoul(s, &end, 10);
	return !*end && *n <= 1000000;
}

/* Skip the lines of a table that is only checked (D_TABLE); 0 when it is
 * not as hunspell wants it. */
static int skip_table(lines *l, const directive *d, char **f, size_t nf)
{
	unsigned long n, k;
	if (nf < 2 || !table_count(f[1], &n))
		return 0;
	for (k = 0; k < n; k++) {
		char *line = next_line(l), *g[4];
		if (!line || fields(line, g, 4) < d->min_fields ||
		    strcmp(g[0], d->name) != 0)
			return 0;
	}
	return 1;
}

static ar_status add_cond(ar_affix *a, const char *c, uint32_t *off,
                          uint32_t *n)
{
	size_t len = strlen(c), i = 0;
	*off = (uint32_t)a->nconds;
	*n = 0;
	if (strcmp(c, ".") == 0)
		return AR_OK;
	while (i < len) {
		celem el = { (uint32_t)a->ncps, 0, 0, 0 };
		if (room(&a->conds, &a->aconds, a->nconds, sizeof *a->conds))
			return AR_ENOMEM;
		if (c[i] == '.') {
			i++;
		} else {
			int group = c[i] == '[';
			el.group = group;
			if (group) {
				i++;
				if (c[i] == '^') {
					el.neg = 1;
					i++;
				}
			}
			do {
				uint32_t cp;
				size_t k = dec(&cp, c + i, len - i);
				if (!k)
					return AR_EDICT;
				if (group && cp == ']')
					break;
				if (room(&a->cps, &a->acps, a->ncps,
				         sizeof *a->cps))
					return AR_ENOMEM;
				a->cps[a->ncps++] = cp;
				el.n++;
				i += k;
			} while (group && i < len);
			if (group) {
				if (i >= len || el.n == 0)
					return AR_EDICT;
				i++; /* ']' */
			}
		}
		a->conds[a->nconds++] = el;
		(*n)++;
	}
	return AR_OK;
}

static ar_status parse_affix(ar_affix *a, lines *l, char **f, size_t nf,
                             int is_pfx, ar_error *err, const char *path)
{
	side *sd = is_pfx ? &a->pfx : &a->sfx;
	flag_t flag;
	unsigned long count, i;
	int xprod;
	char *end;

	if (nf < 4 || one_flag(a, f[1], &flag) != AR_OK)
		goto bad;
	xprod = f[2][0] == 'Y';
	count = strtoul(f[3], &end, 10);
	if (*end || count > 100000)
		goto bad;
	for (i = 0; i < count; i++) {
		char *line = next_line(l), *g[6], *slash;
		size_t ng, sl, al;
		affent *e;
		flag_t ef;
		ar_status st;

		if (!line)
			goto bad;
		ng = fields(line, g, 6);
		if (ng < 4 || strcmp(g[0], f[0]) != 0 ||
		    one_flag(a, g[1], &ef) != AR_OK || ef != flag)
			goto bad;
		if (room(&sd->e, &sd->cap, sd->n, sizeof *sd->e))
			return AR_ENOMEM;
		e = &sd->e[sd->n];
		memset(e, 0, sizeof *e);
		e->flag = flag;
		e->xprod = (uint8_t)xprod;
		slash = strchr(g[3], '/');
		if (slash) {
			*slash = '\0';
			st = word_flags(a, slash + 1, strlen(slash + 1),
			                &e->cont);
			if (st != AR_OK) {
				if (st == AR_ENOMEM)
					return st;
				goto bad;
			}
		}
		sl = strcmp(g[2], "0") == 0 ? 0 : strlen(g[2]);
		al = strcmp(g[3], "0") == 0 ? 0 : strlen(g[3]);
		if (sl >= MAXAFF || al >= MAXAFF)
			goto bad;
		memcpy(e->strip, g[2], sl);
		memcpy(e->app, g[3], al);
		squeeze(a, e->app, &al); /* hunspell: not the strip */
		e->strip_len = (uint8_t)sl;
		e->app_len = (uint8_t)al;
		st = add_cond(a, ng > 4 ? g[4] : ".", &e->cond, &e->ncond);
		if (st != AR_OK) {
			if (st == AR_ENOMEM)
				return st;
			goto bad;
		}
		sd->n++;
	}
	return AR_OK;
bad:
	ar_error__set(err, l->no, 0, 0, "%s:%zu: malformed affix line", path,
	              l->no);
	return AR_EDICT;
}

static ar_status parse_aff(ar_affix *a, char *text, size_t len,
                           const char *path, ar_error *err)
{
	lines l = { text, text + len, 0 };
	char *line, *f[5];
	size_t nf;
	int set_seen = 0;
	unsigned char seen[NDIRECTIVES] = { 0 };

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		l.p += 3;
	while ((line = next_line(&l))) {
		ar_status st = AR_OK;
		const directive *d;
		size_t di;
		if (line[0] == '\0' || line[0] == '#' || line[0] == ' ' ||
		    line[0] == '\t')
			continue; /* hunspell reads nothing there */
		nf = fields(line, f, 5);
		if (nf == 0)
			continue;
		d = find_directive(f[0]);
		if (!d) {
			ar_error__set(err, l.no, 0, 0,
			              "%s:%zu: %s is not a directive this "
			              "reader implements",
			              path, l.no, f[0]);
			return AR_EINVAL;
		}
		di = (size_t)(d - directives);
		if (d->how == D_READ || d->how == D_ARG || d->how == D_TABLE) {
			/* hunspell stops at a second one, or at one
			 * without its argument */
			if (seen[di] || nf < 2)
				goto bad;
			seen[di] = 1;
		}
		if (d->how == D_TABLE) {
			if (!skip_table(&l, d, f, nf))
				goto bad;
			continue;
		}
		if (d->how != D_READ && d->how != D_AFFIX)
			continue;
		if (strcmp(f[0], "SET") == 0 && nf > 1) {
			if (strcmp(f[1], "UTF-8") != 0) {
				ar_error__set(
				        err, l.no, 0, 0,
				        "%s: encoding %s is not supported",
				        path, f[1]);
				return AR_EINVAL;
			}
			set_seen = 1;
		} else if (strcmp(f[0], "FLAG") == 0) {
			if (nf != 2)
				goto bad;
			if (strcmp(f[1], "long") == 0)
				a->flag_mode = FLAG_LONG;
			else if (strcmp(f[1], "num") == 0)
				a->flag_mode = FLAG_NUM;
			else if (strcmp(f[1], "UTF-8") == 0)
				a->flag_mode = FLAG_UTF8;
			else
				goto bad; /* hunspell looks for the three
				             words anywhere in the line */
		} else if (strcmp(f[0], "AF") == 0 && nf > 1) {
			unsigned long n = strtoul(f[1], NULL, 10), k;
			if (a->alias)
				goto bad; /* a second table: hunspell stops */
			if (n == 0 || n > 1000000)
				goto bad;
			a->alias = calloc(n + 1, sizeof *a->alias);
			if (!a->alias)
				return AR_ENOMEM;
			for (k = 1; k <= n; k++) {
				char *al = next_line(&l), *g[2];
				if (!al || fields(al, g, 2) < 2 ||
				    strcmp(g[0], "AF") != 0)
					goto bad;
				st = decode_flags(a, g[1], strlen(g[1]),
				                  &a->alias[k]);
				if (st != AR_OK) {
					if (st == AR_ENOMEM)
						return st;
					goto bad;
				}
			}
			a->nalias = n;
		} else if (strcmp(f[0], "ONLYINCOMPOUND") == 0 && nf > 1) {
			if (one_flag(a, f[1], &a->oic) != AR_OK)
				goto bad;
			a->compounds = 1;
		} else if (strcmp(f[0], "COMPOUNDMIN") == 0) {
			a->compounds = 1;
		} else if (strcmp(f[0], "COMPOUNDRULE") == 0 && nf > 1) {
			unsigned long n = strtoul(f[1], NULL, 10), k;
			if (a->cpd)
				goto bad;
			if (n > 10000)
				goto bad;
			a->compounds = 1;
			a->cpd = malloc((n * 64 + 1) * sizeof *a->cpd);
			if (!a->cpd)
				return AR_ENOMEM;
			for (k = 0; k < n; k++) {
				char *cl = next_line(&l), *g[2];
				if (!cl || fields(cl, g, 2) < 2 ||
				    strcmp(g[0], "COMPOUNDRULE") != 0)
					goto bad;
				st = rule_flags(a, g[1]);
				if (st != AR_OK) {
					if (st == AR_ENOMEM)
						return st;
					goto bad;
				}
			}
		} else if (strcmp(f[0], "IGNORE") == 0 && nf > 1) {
			size_t n = strlen(f[1]), j = 0;
			if (a->ignore)
				goto bad;
			a->ignore = malloc((n + 1) * sizeof *a->ignore);
			if (!a->ignore)
				return AR_ENOMEM;
			while (j < n) {
				uint32_t cp;
				size_t k = dec(&cp, f[1] + j, n - j);
				if (!k)
					goto bad;
				a->ignore[a->nignore++] = cp;
				if (cp < 0x800)
					a->ign_low[cp >> 3] |=
					        (unsigned char)(1u << (cp & 7));
				j += k;
			}
		} else if (strcmp(f[0], "ICONV") == 0 && nf > 1) {
			unsigned long n = strtoul(f[1], NULL, 10), k;
			if (a->iconv)
				goto bad;
			if (n > 10000)
				goto bad;
			a->iconv = calloc(n + 1, sizeof *a->iconv);
			if (!a->iconv)
				return AR_ENOMEM;
			for (k = 0; k < n; k++) {
				char *cl = next_line(&l), *g[3];
				conv *c = &a->iconv[a->niconv];
				if (!cl || fields(cl, g, 3) < 3 ||
				    strcmp(g[0], "ICONV") != 0 ||
				    strlen(g[1]) >= MAXAFF ||
				    strlen(g[2]) >= MAXAFF)
					goto bad;
				c->from_len = (uint8_t)strlen(g[1]);
				c->to_len = (uint8_t)strlen(g[2]);
				memcpy(c->from, g[1], c->from_len);
				memcpy(c->to, g[2], c->to_len);
				a->niconv++;
				mark_iconv(a, c);
			}
		} else if ((strcmp(f[0], "PFX") == 0 ||
		            strcmp(f[0], "SFX") == 0)) {
			st = parse_affix(a, &l, f, nf, f[0][0] == 'P', err,
			                 path);
			if (st != AR_OK)
				return st;
		}
	}
	if (!set_seen) {
		ar_error__set(err, 0, 0, 0,
		              "%s: no SET line (ISO8859-1) is not supported",
		              path);
		return AR_EINVAL;
	}
	return AR_OK;
bad:
	ar_error__set(err, l.no, 0, 0, "%s:%zu: malformed line", path, l.no);
	return AR_EDICT;
}

/* ---- the .dic file ----------------------------------------------------- */

static ar_status add_entry(ar_affix *a, size_t *cap, uint32_t off, size_t len,
                           fset f)
{
	if (room(&a->ents, cap, a->nents, sizeof *a->ents))
		return AR_ENOMEM;
	a->ents[a->nents].off = off;
	a->ents[a->nents].len = (uint16_t)len;
	a->ents[a->nents].kind = ENT_REAL;
	a->ents[a->nents].f = f;
	a->nents++;
	return AR_OK;
}

/*
 * Each line after the first (the entry count) is a word, then optionally
 * '/' and its flags (or AF index), then optionally morphological fields
 * after a tab or after blanks before a "xx:" field.  A '/' at the start of
 * the word or escaped as "\/" belongs to the word.  The word's IGNORE
 * characters are removed.  Words longer than any word checked here are
 * left out: no lookup could reach them.
 */
static ar_status parse_dic(ar_affix *a, size_t len, const char *path,
                           ar_error *err)
{
	char *p = a->dic, *end = a->dic + len;
	size_t cap = 0, lineno = 1;
	char *nl = memchr(p, '\n', len);

	unsigned long hint = 0;
	const char *c = p;

	if (!nl)
		return AR_OK;
	/*
	 * The first line gives the number of entries: a size hint here, but
	 * hunspell loads no word at all when it does not read it (atoi(),
	 * after a byte order mark) as a positive number: such a .dic is
	 * left to it.
	 */
	if (nl - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		c += 3;
	while (c < nl && (*c == ' ' || (*c >= '\t' && *c <= '\r')))
		c++;
	if (c < nl && *c == '+')
		c++;
	while (c < nl && *c >= '0' && *c <= '9' && hint < 100000000)
		hint = hint * 10 + (unsigned long)(*c++ - '0');
	if (hint == 0 || hint >= 100000000) {
		ar_error__set(err, 1, 0, 0, "%s:1: missing or bad word count",
		              path);
		return AR_EDICT;
	}
	if (hint > len / 2)
		hint = len / 2;
	cap = (size_t)hint + 16;
	a->ents = malloc(cap * sizeof *a->ents);
	if (!a->ents)
		return AR_ENOMEM;
	p = nl + 1;
	while (p < end) {
		char *e = memchr(p, '\n', (size_t)(end - p)), *q, *wend, *slash;
		size_t wl;
		fset f = { 0, 0 };
		ar_status st;
		int colons;

		lineno++;
		if (!e)
			e = end;
		wend = e;
		if (wend > p && wend[-1] == '\r')
			wend--;
		/* morphological fields: "\t..." or "  xx:..." (the first
		 * such colon decides, even when no word is left before it) */
		for (q = p, colons = 1; q < wend; q++) {
			if (*q == '\t') {
				wend = q;
				break;
			}
			if (colons && *q == ':' && q - p > 3 &&
			    (q[-3] == ' ' || q[-3] == '\t')) {
				char *b = q - 3;
				while (b > p && (b[-1] == ' ' || b[-1] == '\t'))
					b--;
				if (b > p) {
					wend = b;
					break;
				}
				colons = 0;
			}
		}
		slash = NULL;
		for (q = p + 1; q < wend; q++)
			if (*q == '/') {
				if (q[-1] != '\\') {
					slash = q;
					break;
				}
				memmove(q - 1, q, (size_t)(wend - q));
				wend--;
				q--;
			}
		if (slash) {
			st = word_flags(a, slash + 1,
			                (size_t)(wend - slash - 1), &f);
			if (st == AR_ENOMEM)
				return st;
			if (st != AR_OK)
				f.off = f.n = 0;
			wl = (size_t)(slash - p);
		} else {
			wl = (size_t)(wend - p);
		}
		squeeze(a, p, &wl);
		if (wl && wl <= MAXWORD + MAXAFF) {
			st = add_entry(a, &cap, (uint32_t)(p - a->dic), wl, f);
			if (st != AR_OK)
				return st;
			for (q = p; q < p + wl; q++)
				if ((*q >= 'A' && *q <= 'Z') ||
				    ((unsigned char)*q == 0xC3 &&
				     q + 1 < p + wl &&
				     (unsigned char)q[1] >= 0x80 &&
				     (unsigned char)q[1] <= 0x9E))
					break;
			if (q < p + wl) {
				if (room(&a->cased, &a->acased, a->ncased,
				         sizeof *a->cased))
					return AR_ENOMEM;
				a->cased[a->ncased++] =
				        (uint32_t)(a->nents - 1);
			}
		}
		p = e + 1;
	}
	return AR_OK;
}

/*
 * The word table is open addressing over 32-bit slots: entry index + 1 in
 * the low idx_bits, the top bits of the word's hash above them, so that a
 * probe rarely has to read an entry.  About 1 MB for the Arabic
 * dictionary: small enough to stay in cache while checking.
 */
static void insert_slot(ar_affix *a, size_t i)
{
	uint64_t h = ar_hash__bytes(a->dic + a->ents[i].off, a->ents[i].len);
	size_t s = (size_t)h & a->slot_mask;
	while (a->slots[s])
		s = (s + 1) & a->slot_mask;
	a->slots[s] = (uint32_t)(h >> 32) << a->idx_bits | (uint32_t)(i + 1);
}

static ar_status index_dic(ar_affix *a)
{
	size_t n = 1024, i, total = a->nents + a->ncased;
	unsigned bits = 1;
	while (n < total + total / 2)
		n *= 2;
	while (bits < 28 && ((size_t)1 << bits) <= total)
		bits++;
	if (((size_t)1 << bits) <= total)
		return AR_EDICT; /* 2^28 entries: left to hunspell */
	a->slots = calloc(n, sizeof *a->slots);
	if (!a->slots)
		return AR_ENOMEM;
	a->slot_mask = n - 1;
	a->idx_bits = bits;
	for (i = 0; i < a->nents; i++)
		insert_slot(a, i);
	return AR_OK;
}

/* The entries spelt s[0..len): up to MAXHOM indexes into out; count. */
static size_t lookup(const ar_affix *a, unsigned want, const char *s,
                     size_t len, uint32_t *out)
{
	uint64_t h = ar_hash__bytes(s, len);
	size_t slot = (size_t)h & a->slot_mask, n = 0;
	unsigned bits = a->idx_bits;
	uint32_t v, mask = ((uint32_t)1 << bits) - 1,
	            tag = (uint32_t)(h >> 32) << bits;
	while ((v = a->slots[slot]) != 0) {
		if ((v & ~mask) == tag) {
			uint32_t i = (v & mask) - 1;
			const entry *e = &a->ents[i];
			if (e->len == len && (e->kind & want) &&
			    memcmp(a->dic + e->off, s, len) == 0 &&
			    n < MAXHOM &&
			    !(a->oic && has_flag(a, e->f, a->oic)))
				out[n++] = i;
		}
		slot = (slot + 1) & a->slot_mask;
	}
	return n;
}

/* ---- the affix index --------------------------------------------------- */

static int cmp_affent(const void *x, const void *y)
{
	const affent *a = x, *b = y;
	size_t n = a->app_len < b->app_len ? a->app_len : b->app_len;
	int c = memcmp(a->app, b->app, n);
	if (c || a->app_len != b->app_len)
		return c ? c : (a->app_len < b->app_len ? -1 : 1);
	n = a->strip_len < b->strip_len ? a->strip_len : b->strip_len;
	c = memcmp(a->strip, b->strip, n);
	if (c || a->strip_len != b->strip_len)
		return c ? c : (a->strip_len < b->strip_len ? -1 : 1);
	return 0;
}

static ar_status index_side(side *sd)
{
	size_t n = 64, i = 0;
	if (sd->n)
		qsort(sd->e, sd->n, sizeof *sd->e, cmp_affent);
	while (n < sd->n * 2)
		n *= 2;
	sd->runs = calloc(n, sizeof *sd->runs);
	if (!sd->runs)
		return AR_ENOMEM;
	sd->nruns_slots = n;
	while (i < sd->n) {
		size_t j = i + 1, s;
		uint64_t h;
		const affent *e = &sd->e[i];
		while (j < sd->n && sd->e[j].app_len == e->app_len &&
		       memcmp(sd->e[j].app, e->app, e->app_len) == 0)
			j++;
		h = ar_hash__bytes(e->app, e->app_len);
		s = (size_t)h & (n - 1);
		while (sd->runs[s].n)
			s = (s + 1) & (n - 1);
		sd->runs[s].h = h;
		sd->runs[s].first = (uint32_t)i;
		sd->runs[s].n = (uint32_t)(j - i);
		sd->app_lens |= (uint64_t)1 << e->app_len; /* < MAXAFF */
		for (s = j; s > i; s--) {
			affent *x = &sd->e[s - 1];
			if (s == j || cmp_affent(x, &sd->e[s]) != 0)
				x->group_end = (uint32_t)s;
			else
				x->group_end = sd->e[s].group_end;
		}
		if (e->app_len > sd->max_app)
			sd->max_app = e->app_len;
		i = j;
	}
	return AR_OK;
}

/* The run of entries whose appended string is s[0..len), or NULL. */
static const arun *find_run(const side *sd, const char *s, size_t len)
{
	size_t mask = sd->nruns_slots - 1;
	uint64_t h = ar_hash__bytes(s, len);
	size_t slot = (size_t)h & mask;
	while (sd->runs[slot].n) {
		if (sd->runs[slot].h == h) {
			const affent *e = &sd->e[sd->runs[slot].first];
			if (e->app_len == len && memcmp(e->app, s, len) == 0)
				return &sd->runs[slot];
		}
		slot = (slot + 1) & mask;
	}
	return NULL;
}

/* ---- opening ----------------------------------------------------------- */

/* Read a whole file; the caller owns *out (NUL-terminated). */
static ar_status slurp(const char *path, char **out, size_t *len, ar_error *err)
{
	ar_buf b = AR_BUF_INIT;
	ar_status st = ar_buf__read_file(&b, path, err);
	if (st != AR_OK) {
		ar_buf_dispose(&b);
		return st;
	}
	if (!b.ptr && ar_buf__put(&b, "", 0) != AR_OK)
		return AR_ENOMEM;
	*out = b.ptr;
	*len = b.size;
	return AR_OK;
}

/* Whether w[0..len) holds a letter with case other than those of
 * is_upper() and is_lower(). */
static int has_other_case(const char *w, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = ar_utf8__next(&cp, w + i, len - i);
		if (!k)
			return 1;
		if (!is_upper(cp) && !is_lower(cp) &&
		    (utf8proc_tolower((utf8proc_int32_t)cp) !=
		             (utf8proc_int32_t)cp ||
		     utf8proc_toupper((utf8proc_int32_t)cp) !=
		             (utf8proc_int32_t)cp))
			return 1;
		i += k;
	}
	return 0;
}

/*
 * Hunspell adds to its table, for each mixed-case word and each all-caps
 * word with flags (McDonald, NASA/M), a hidden form with an initial
 * capital only (Mcdonald, Nasa) that accepts the word written in capitals
 * (MCDONALD, NASA'S), unless the table already has that spelling; the
 * first such word wins.  The same forms are made here for the words whose
 * letters with case are all of is_upper() and is_lower(): the others
 * (with Ł, Ő...) cannot be reached from the words this checker decides
 * on, which have no such letters, as no strip string has any either
 * (compound_guard()).
 */
static ar_status add_hidden(ar_affix *a)
{
	size_t k, extra = 0, used;
	char *p;
	uint32_t hom[MAXHOM];

	for (k = 0; k < a->ncased; k++)
		extra += a->ents[a->cased[k]].len;
	used = a->dic_len;
	p = realloc(a->dic, used + extra + 1);
	if (!p)
		return AR_ENOMEM;
	a->dic = p;
	for (k = 0; k < a->ncased; k++) {
		entry e = a->ents[a->cased[k]];
		int ct = captype(a->dic + e.off, e.len);
		if (!(ct == HUHCAP || ct == HUHINITCAP ||
		      (ct == ALLCAP && e.f.n > 0)))
			continue;
		if (has_other_case(a->dic + e.off, e.len))
			continue;
		recase(a->dic + used, a->dic + e.off, e.len, 1);
		if (lookup(a, ENT_REAL | ENT_HIDDEN, a->dic + used, e.len, hom))
			continue;
		a->ents[a->nents].off = (uint32_t)used;
		a->ents[a->nents].len = e.len;
		a->ents[a->nents].kind = ENT_HIDDEN;
		a->ents[a->nents].f = e.f;
		insert_slot(a, a->nents);
		a->nents++;
		a->nhidden++;
		used += e.len;
	}
	return AR_OK;
}

/*
 * Compounding (COMPOUNDRULE, ONLYINCOMPOUND) is accepted only when it
 * cannot concern a word this checker decides on: every entry that a
 * compound rule or ONLYINCOMPOUND names holds an ASCII digit (en_US: 1st,
 * 22nd), no strip string holds a digit, and no affix continues into those
 * flags.  Then a word without digits is never a compound, nor derived
 * from such an entry, and words with digits are left to hunspell.  Strip
 * strings must not hold letters with case beyond is_upper() and
 * is_lower() (add_hidden()).
 */
static ar_status compound_guard(ar_affix *a, ar_error *err, const char *path)
{
	size_t i, k;
	for (i = 0; i < a->pfx.n + a->sfx.n; i++) {
		const affent *e =
		        i < a->pfx.n ? &a->pfx.e[i] : &a->sfx.e[i - a->pfx.n];
		if (has_other_case(e->strip, e->strip_len))
			goto refuse;
		if (!a->compounds)
			continue;
		for (k = 0; k < e->strip_len; k++)
			if (e->strip[k] >= '0' && e->strip[k] <= '9')
				goto refuse;
		if ((a->oic && has_flag(a, e->cont, a->oic)) ||
		    has_any(a, e->cont, a->cpd, a->ncpd))
			goto refuse;
	}
	if (!a->compounds)
		return AR_OK;
	for (i = 0; i < a->nents; i++) {
		const entry *e = &a->ents[i];
		if ((a->oic && has_flag(a, e->f, a->oic)) ||
		    has_any(a, e->f, a->cpd, a->ncpd)) {
			for (k = 0; k < e->len; k++)
				if (a->dic[e->off + k] >= '0' &&
				    a->dic[e->off + k] <= '9')
					break;
			if (k == e->len)
				goto refuse;
		}
	}
	return AR_OK;
refuse:
	ar_error__set(err, 0, 0, 0,
	              "%s: compounding or affixes this checker cannot follow",
	              path);
	return AR_EINVAL;
}

ar_status ar_affix__open(ar_affix **out, const char *aff, const char *dic,
                         ar_error *err)
{
	ar_affix *a;
	char *text = NULL;
	size_t len, i;
	ar_status st;

	*out = NULL;
	if (!READER_ENABLED) {
		ar_error__set(err, 0, 0, 0,
		              "%s: affix reader disabled at build time", aff);
		return AR_EINVAL;
	}
	a = calloc(1, sizeof *a);
	if (!a)
		return AR_ENOMEM;
	st = slurp(aff, &text, &len, err);
	if (st == AR_OK)
		st = parse_aff(a, text, len, aff, err);
	free(text);
	if (st == AR_OK)
		st = slurp(dic, &a->dic, &len, err);
	if (st == AR_OK) {
		a->dic_len = len;
		st = parse_dic(a, len, dic, err);
	}
	if (st == AR_OK && a->ncased) {
		entry *v = realloc(a->ents, (a->nents + a->ncased) * sizeof *v);
		st = v ? AR_OK : AR_ENOMEM;
		if (v)
			a->ents = v;
	}
	if (st == AR_OK)
		st = index_dic(a);
	if (st == AR_OK)
		st = add_hidden(a);
	if (st == AR_OK)
		st = index_side(&a->pfx);
	if (st == AR_OK)
		st = index_side(&a->sfx);
	if (st == AR_OK)
		st = compound_guard(a, err, aff);
	if (st != AR_OK) {
		if (st == AR_EDICT && err && !err->message[0])
			ar_error__set(err, 0, 0, 0, "%s: too many entries",
			              dic);
		ar_affix__free(a);
		return st;
	}
	for (i = 0; i < a->pfx.n + a->sfx.n; i++) {
		const affent *e =
		        i < a->pfx.n ? &a->pfx.e[i] : &a->sfx.e[i - a->pfx.n];
		size_t k;
		for (k = 0; k < e->cont.n; k++) {
			flag_t f = a->flags[e->cont.off + k];
			a->is_cont[f >> 3] |= (unsigned char)(1u << (f & 7));
			a->has_cont = 1;
		}
	}
	*out = a;
	return AR_OK;
}

size_t ar_affix__nwords(const ar_affix *a)
{
	/* the hidden forms of add_hidden() come after the file's words */
	return a->nents - a->nhidden;
}

const char *ar_affix__word(const ar_affix *a, size_t i, size_t *len)
{
	*len = a->ents[i].len;
	return a->dic + a->ents[i].off;
}

void ar_affix__free(ar_affix *a)
{
	if (!a)
		return;
	free(a->dic);
	free(a->ents);
	free(a->slots);
	free(a->flags);
	free(a->alias);
	free(a->cps);
	free(a->conds);
	free(a->pfx.e);
	free(a->pfx.runs);
	free(a->sfx.e);
	free(a->sfx.runs);
	free(a->ignore);
	free(a->iconv);
	free(a->cpd);
	free(a->cased);
	free(a);
}

/* ---- checking ---------------------------------------------------------- */

static int in_elem(const ar_affix *a, const celem *el, uint32_t cp)
{
	size_t i;
	int in = el->n == 0;
	for (i = 0; i < el->n && !in; i++)
		in = a->cps[el->off + i] == cp;
	return el->n == 0 ? 1 : in != el->neg;
}

/*
 * The condition of e holds at the start of r[0..len), as hunspell 1.7
 * tests it, byte by byte over the NUL-terminated root:
 *  - a '.' or a group that takes the root's last character fails when
 *    more of the condition follows;
 *  - when the root ends before the condition, a last '.' or negated group
 *    still passes (hunspell compares it with the NUL), anything else
 *    fails.
 */
static int cond_start(const ar_affix *a, const affent *e, const char *r,
                      size_t len)
{
	size_t i, pos = 0;
	for (i = 0; i < e->ncond; i++) {
		const celem *el = &a->conds[e->cond + i];
		int last = i + 1 == e->ncond;
		uint32_t cp;
		size_t k;
		if (pos == len)
			return last && (el->n == 0 || el->neg);
		k = dec(&cp, r + pos, len - pos);
		if (!k || !in_elem(a, el, cp))
			return 0;
		pos += k;
		if (pos == len && !last && (el->n == 0 || el->group))
			return 0;
	}
	return 1;
}

/*
 * The condition of e holds at the end of r[0..len), again as hunspell
 * tests it: a '.' that matches an ASCII character right after a
 * multibyte one steps over that character too.
 */
static int cond_end(const ar_affix *a, const affent *e, const char *r,
                    size_t len)
{
	size_t i = e->ncond, end = len;
	while (i > 0) {
		const celem *el = &a->conds[e->cond + i - 1];
		uint32_t cp;
		size_t k;
		if (end == 0)
			return 0;
		k = last_char_len(r, end);
		if (dec(&cp, r + end - k, k) != k || !in_elem(a, el, cp))
			return 0;
		end -= k;
		if (el->n == 0 && k == 1 && end > 0 &&
		    ((unsigned char)r[end - 1] & 0x80))
			end -= last_char_len(r, end);
		i--;
	}
	return 1;
}

typedef struct roots {
	uint32_t hom[MAXHOM];
	size_t n;
	int done;
} roots;

#define MAXBATCH 64 /* prefixes or outer suffixes tried together */

/*
 * The candidate roots of a word for one side (prefixes or suffixes), one
 * group of affix entries at a time: for each appended string that the
 * word starts (ends) with, leaving at least one byte, and each strip
 * string of the entries with it, the root (strip + rest, or rest + strip)
 * and the entries e[first .. end).
 */
typedef struct roots_iter {
	const side *sd;
	const char *w;
	size_t len, L, i, end; /* appended length; next entry; end of run */
	int suffix;
	char root[MAXWORD + 3 * MAXAFF];
	size_t rl;
	const affent *first, *last; /* the group: [first, last) */
} roots_iter;

static void roots_begin(roots_iter *it, const side *sd, const char *w,
                        size_t len, int suffix)
{
	it->sd = sd;
	it->w = w;
	it->len = len;
	it->suffix = suffix;
	it->L = 0;
	it->i = it->end = 0;
}

static int roots_next(roots_iter *it)
{
	const side *sd = it->sd;
	const affent *g;
	while (it->i == it->end) {
		const char *app;
		const arun *run;
		size_t L = it->L++;
		if (L > sd->max_app || L >= it->len)
			return 0;
		app = it->suffix ? it->w + it->len - L : it->w;
		/* an appended string starts at a character boundary */
		if (!(sd->app_lens >> L & 1) ||
		    (L && ((unsigned char)(it->suffix ? app[0] : app[L]) &
		           0xC0) == 0x80))
			continue;
		run = find_run(sd, app, L);
		if (run) {
			it->i = run->first;
			it->end = run->first + run->n;
		}
	}
	g = &sd->e[it->i];
	it->rl = it->len - (it->L - 1) + g->strip_len;
	if (it->suffix) {
		memcpy(it->root, it->w, it->len - (it->L - 1));
		memcpy(it->root + it->len - (it->L - 1), g->strip,
		       g->strip_len);
	} else {
		memcpy(it->root, g->strip, g->strip_len);
		memcpy(it->root + g->strip_len, it->w + (it->L - 1),
		       it->len - (it->L - 1));
	}
	it->first = g;
	it->last = &sd->e[g->group_end];
	it->i = g->group_end;
	return 1;
}

/*
 * Suffix trial on w[0..len): some suffix S, root = w minus S's appended
 * string plus its strip string, S's condition at the root's end, and a
 * root entry carrying S's flag.
 *  - With prefixes P[0..np) (cross products: all of them allow it), S
 *    must allow cross products too, and for one prefix p the entry must
 *    carry S's flag or p's continuation flags name S, and the entry must
 *    carry p's flag or S's continuation flags name p.
 *  - With continuation classes cc[0..ncc) (two-level suffixes: the flags
 *    of the outer suffixes already removed), S's continuation flags must
 *    include one of them.
 * Every prefix, class and suffix sharing a root is tried on one lookup
 * of that root: the verdict is the same as trying them one at a time.
 */
static int sfx_check(const ar_affix *a, unsigned want, const char *w,
                     size_t len, const affent *const *P, size_t np,
                     const flag_t *cc, size_t ncc)
{
	roots_iter it;
	const affent *e;
	size_t h, k;

	roots_begin(&it, &a->sfx, w, len, 1);
	while (roots_next(&it)) {
		roots r = { { 0 }, 0, 0 };
		for (e = it.first; e < it.last; e++) {
			if (np && !e->xprod)
				continue;
			if (ncc && !has_any(a, e->cont, cc, ncc))
				continue;
			if (!cond_end(a, e, it.root, it.rl))
				continue;
			if (!r.done) {
				r.n = lookup(a, want, it.root, it.rl, r.hom);
				r.done = 1;
			}
			for (h = 0; h < r.n; h++) {
				fset f = a->ents[r.hom[h]].f;
				if (!np) {
					if (has_flag(a, f, e->flag))
						return 1;
					continue;
				}
				for (k = 0; k < np; k++)
					if ((has_flag(a, f, e->flag) ||
					     has_flag(a, P[k]->cont,
					              e->flag)) &&
					    (has_flag(a, f, P[k]->flag) ||
					     has_flag(a, e->cont, P[k]->flag)))
						return 1;
			}
		}
	}
	return 0;
}

/*
 * Two-level suffixes: an outer suffix S2 whose flag is a continuation
 * flag of some affix is removed (its condition holding), then the rest is
 * checked for an inner suffix whose continuation flags include S2's flag.
 * Under a cross-product prefix pfx, S2 must allow cross products, and the
 * inner check is made with the prefix, unless S2's continuation flags
 * name pfx.
 */
static int sfx_check2(const ar_affix *a, unsigned want, const char *w,
                      size_t len, const affent *pfx)
{
	roots_iter it;
	const affent *e;

	roots_begin(&it, &a->sfx, w, len, 1);
	while (roots_next(&it)) {
		flag_t cc[MAXBATCH];
		size_t ncc = 0;
		for (e = it.first; e < it.last; e++) {
			if (!(a->is_cont[e->flag >> 3] >> (e->flag & 7) & 1))
				continue;
			if (pfx && !e->xprod)
				continue;
			if (!cond_end(a, e, it.root, it.rl))
				continue;
			if (pfx) {
				int x = has_flag(a, e->cont, pfx->flag);
				if (sfx_check(a, want, it.root, it.rl,
				              x ? NULL : &pfx, x ? 0 : 1,
				              &e->flag, 1))
					return 1;
				continue;
			}
			cc[ncc++] = e->flag;
			if (ncc == MAXBATCH) {
				if (sfx_check(a, want, it.root, it.rl, NULL, 0,
				              cc, ncc))
					return 1;
				ncc = 0;
			}
		}
		if (ncc && sfx_check(a, want, it.root, it.rl, NULL, 0, cc, ncc))
			return 1;
	}
	return 0;
}

/*
 * Prefix trials on w[0..len): some prefix P, root = P's strip string
 * plus w minus P's appended string, P's condition at the root's start,
 * and a root entry with P's flag; or, when P allows cross products, a
 * cross-product suffix on the root; with `two` set, only a two-level
 * suffix on the root under a cross-product P.
 */
static int pfx_check(const ar_affix *a, unsigned want, const char *w,
                     size_t len, int two)
{
	roots_iter it;
	const affent *e;
	size_t h;

	roots_begin(&it, &a->pfx, w, len, 0);
	while (roots_next(&it)) {
		const affent *P[MAXBATCH];
		size_t np = 0;
		roots r = { { 0 }, 0, 0 };
		for (e = it.first; e < it.last; e++) {
			if (!cond_start(a, e, it.root, it.rl))
				continue;
			if (two) {
				if (e->xprod &&
				    sfx_check2(a, want, it.root, it.rl, e))
					return 1;
				continue;
			}
			if (!r.done) {
				r.n = lookup(a, want, it.root, it.rl, r.hom);
				r.done = 1;
			}
			for (h = 0; h < r.n; h++)
				if (has_flag(a, a->ents[r.hom[h]].f, e->flag))
					return 1;
			if (!e->xprod)
				continue;
			P[np++] = e;
			if (np == MAXBATCH) {
				if (sfx_check(a, want, it.root, it.rl, P, np,
				              NULL, 0))
					return 1;
				np = 0;
			}
		}
		if (np && sfx_check(a, want, it.root, it.rl, P, np, NULL, 0))
			return 1;
	}
	return 0;
}

/* Whether every character of w is one this checker decides on: Arabic
 * letters, marks and digits, ASCII and Latin-1 letters (is_upper()), the
 * apostrophe (and U+2019),
 * the dot, and the hyphen (hunspell's default break point, handled
 * below).  Not ASCII digits, which hunspell's number rule looks at, nor
 * letters whose case it would fold with tables of its own. */
static int decidable(const char *w, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = ar_utf8__next(&cp, w + i, len - i);
		if (!k)
			return 0;
		if (!(ar_char__arabic_block(cp) || cp == '-' || cp == '\'' ||
		      cp == 0x2019 || cp == '.' || is_upper(cp) ||
		      is_lower(cp)))
			return 0;
		i += k;
	}
	return 1;
}

/* The derivations of w[0..n) (after IGNORE) from entries of the kinds in
 * want: the entry itself, prefixes, suffixes, two-level suffixes. */
static int derived(const ar_affix *a, unsigned want, const char *w, size_t n)
{
	if (pfx_check(a, want, w, n, 0) ||
	    sfx_check(a, want, w, n, NULL, 0, NULL, 0))
		return 1;
	return a->has_cont &&
	       (sfx_check2(a, want, w, n, NULL) || pfx_check(a, want, w, n, 1));
}

/* Hunspell's check of one spelling w[0..len): IGNORE characters
 * removed, then the dictionary entries, then the affixes.  With initcap
 * set (a word written with an initial capital), the capitalized forms
 * hunspell adds for mixed-case and all-caps words do not count, and a
 * derivation from one of them rejects the word: as hunspell takes the
 * first derivation it finds, when there are both kinds the verdict
 * depends on its search order, and is left to it (-1). */
static int check_form(const ar_affix *a, const char *w, size_t len, int initcap)
{
	char buf[2 * MAXWORD + 8];
	uint32_t hom[MAXHOM];
	size_t n = len;
	int real, hidden;

	memcpy(buf, w, len);
	squeeze(a, buf, &n);
	if (n == 0)
		return 1; /* only IGNORE characters: so does hunspell */
	if (!initcap)
		return lookup(a, ENT_REAL | ENT_HIDDEN, buf, n, hom) ||
		       derived(a, ENT_REAL | ENT_HIDDEN, buf, n);
	if (lookup(a, ENT_REAL, buf, n, hom))
		return 1;
	real = derived(a, ENT_REAL, buf, n);
	hidden = a->nhidden && derived(a, ENT_HIDDEN, buf, n);
	if (hidden)
		return real ? -1 : 0;
	return real;
}

/* Input conversion (ICONV) of w[0..len) into buf: the longest pattern
 * at each position.  The converted length, or (size_t)-1 if it is longer
 * than MAXWORD. */
static size_t convert(const ar_affix *a, const char *w, size_t len, char *buf)
{
	size_t n = 0, i = 0;
	while (i < len) {
		size_t best = 0, k;
		const conv *c = NULL;
		unsigned pair = (unsigned)(unsigned char)w[i] << 8 |
		                (i + 1 < len ? (unsigned char)w[i + 1] : 0);
		if (a->iconv_start[pair >> 3] >> (pair & 7) & 1)
			for (k = 0; k < a->niconv; k++) {
				const conv *x = &a->iconv[k];
				if (x->from_len > best &&
				    x->from_len <= len - i &&
				    memcmp(w + i, x->from, x->from_len) == 0) {
					best = x->from_len;
					c = x;
				}
			}
		if (c) {
			if (n + c->to_len > MAXWORD)
				return (size_t)-1;
			memcpy(buf + n, c->to, c->to_len);
			n += c->to_len;
			i += best;
		} else {
			if (n + 1 > MAXWORD)
				return (size_t)-1;
			buf[n++] = w[i++];
		}
	}
	return n;
}

/* Three-valued logic over verdicts (1 yes, 0 no, -1 unknown). */
static int or3(int x, int y)
{
	return x == 1 || y == 1 ? 1 : x < 0 || y < 0 ? -1 : 0;
}

static int and3(int x, int y)
{
	return x == 0 || y == 0 ? 0 : x < 0 || y < 0 ? -1 : 1;
}

/* w[0..n) followed by a dot, into out. */
static size_t dotted(char *out, const char *w, size_t n)
{
	memcpy(out, w, n);
	out[n] = '.';
	return n + 1;
}

/*
 * The dictionary's verdict on the word w[0..n), converted and without
 * its `abbv` trailing dots: the spellings hunspell tries for the word's
 * capitalization, in its order (NASA: NASA, NASA., Nasa, nasa, nasa.,
 * Nasa.).  -1: left to hunspell.
 */
static int check_cased(const ar_affix *a, const char *w, size_t n, size_t abbv)
{
	char cap[MAXWORD + 8], low[MAXWORD + 8], dot[MAXWORD + 8];
	int r, initcap = 0;

	switch (captype(w, n)) {
	case ALLCAP:
		/* hunspell tries apostrophe splits (SANT'ELIA) first */
		if (memchr(w, '\'', n))
			return -1;
		r = check_form(a, w, n, 0);
		if (abbv)
			r = or3(r, check_form(a, dot, dotted(dot, w, n), 0));
		if (r == 1)
			return 1;
		recase(cap, w, n, 1);
		break;
	case INITCAP:
		r = 0;
		memcpy(cap, w, n);
		initcap = 1;
		break;
	default:
		r = check_form(a, w, n, 0);
		if (abbv)
			r = or3(r, check_form(a, dot, dotted(dot, w, n), 0));
		return r;
	}
	r = or3(r, check_form(a, cap, n, initcap));
	recase(low, cap, n, 0);
	r = or3(r, check_form(a, low, n, 0));
	if (abbv) {
		r = or3(r, check_form(a, dot, dotted(dot, low, n), 0));
		r = or3(r, check_form(a, dot, dotted(dot, cap, n), initcap));
	}
	return r;
}

int ar_affix__check(const ar_affix *a, const char *w, size_t len)
{
	size_t i, nbr = 0, first, second, abbv = 0;
	char buf[MAXWORD + 8] = "";
	int r;

	if (!a || (!w && len))
		return -1;
	if (len == 0)
		return 1; /* hunspell accepts the empty word */
	if (len > MAXWORD || !decidable(w, len))
		return -1;
	len = convert(a, w, len, buf);
	if (len == (size_t)-1)
		return -1;
	/* hunspell then removes the IGNORE characters and the trailing
	 * dots (an abbreviation) */
	squeeze(a, buf, &len);
	while (len && buf[len - 1] == '.') {
		len--;
		abbv++;
	}
	if (len == 0)
		return 1;
	r = check_cased(a, buf, len, abbv);
	if (r == 1)
		return 1;
	w = buf;
	first = second = len;
	/*
	 * Hunspell's default break points ("-" inside, "^-", "-$"): a word
	 * it rejects is accepted when the word without a leading or trailing
	 * hyphen is, or when the parts around its second hyphen (else its
	 * first) are, or the parts around its first hyphen are; each part is
	 * checked the same way.  Ten hyphens or more: rejected.
	 */
	for (i = 0; i < len; i++)
		if (w[i] == '-') {
			nbr++;
			if (first == len)
				first = i;
			else if (second == len)
				second = i;
		}
	if (nbr == 0)
		return r;
	/* hunspell breaks what it last tried: an all-caps word with only
	 * its initial capital left */
	if (captype(buf, len) == ALLCAP)
		recase(buf, buf, len, 1);
	if (nbr >= 10)
		return r < 0 ? -1 : 0;
	if (len >= 2 && w[0] == '-')
		r = or3(r, ar_affix__check(a, w + 1, len - 1));
	if (len >= 2 && w[len - 1] == '-')
		r = or3(r, ar_affix__check(a, w, len - 1));
	if (first > 0 && first < len - 1) {
		size_t at = second > 0 && second < len - 1 ? second : first;
		r = or3(r, and3(ar_affix__check(a, w + at + 1, len - at - 1),
		                ar_affix__check(a, w, at)));
		if (at != first)
			r = or3(r, and3(ar_affix__check(a, w + first + 1,
			                                len - first - 1),
			                ar_affix__check(a, w, first)));
	}
	return r;
}
