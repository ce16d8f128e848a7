/*
 * names_int.h - the inside of the word store, shared by its files:
 * names.c (the word table, the gazetteer parser and the variant groups)
 * and nameindex.c (the fuzzy index).  Folding (fold.c) and keys and
 * distances (namekey.c) work on strings alone.  Not installed.
 */
#ifndef AR_NAMES_INT_H
#define AR_NAMES_INT_H

#include "names.h"

#define MAXW                                                                   \
	64 /* longest word (code points) considered for fuzzy
                          matching; longer words are only looked up */

typedef struct word {
	uint32_t fold_off, fold_len;   /* folded form, in n->arena */
	uint32_t disp_off, disp_len;   /* as first written */
	uint32_t plain_off, plain_len; /* first spelling in plain ASCII, if
	                                  the display has other letters */
	uint32_t groups;               /* head of membership list, 0 = none */
	uint32_t last_entry;           /* last gazetteer line it was seen on */
	uint16_t entries;              /* number of gazetteer lines */
	uint8_t flags;
	uint8_t script;
	uint8_t indexed;
} word;

typedef struct member {
	uint32_t group, variant, next;
} member;

typedef struct inode {
	uint64_t h;
	uint32_t word, next;
} inode;

struct ar_names {
	ar_buf arena;
	word *words;
	size_t nwords, awords;
	uint32_t *slots; /* open addressing: word index + 1 */
	size_t nslots;
	member *members; /* [0] unused */
	size_t nmembers, amembers;
	uint32_t *gfirst, *gcount; /* group -> range of gwords */
	size_t ngroups, agroups;
	uint32_t *gwords;
	size_t ngwords, agwords;
	/* words with a hamzated alef, by their AR_FOLD_ALEF form */
	struct alias {
		uint64_t h;
		uint32_t word;
	} * aslots;
	size_t naslots, nalias;
	/* fuzzy index */
	uint32_t *buckets; /* inode index + 1 */
	size_t nbuckets;
	inode *nodes;
	size_t nnodes, anodes;
	uint32_t *personal; /* ids of the words of personal lists */
	size_t npersonal, apersonal;
	ar_buf tmp, tmp2, tmp3; /* scratch */
	uint32_t entry;         /* gazetteer lines parsed, 0 = none */
	int user;           /* the gazetteer being parsed is the caller's own */
	int gsound;         /* the word being added stands for a
	                               Latin word with a g */
	const char *lat[2]; /* while parsing the Arabic spellings of
	                               an entry: its canonical name and */
	size_t latlen[2];   /* Latin variants, for latin_g() */
};

/* The folded form of word w. */
static inline const char *ar_names__wfold(const ar_names *n, const word *w)
{
	return n->arena.ptr + w->fold_off;
}

/* ---- namekey.c -------------------------------------------------------- */

/* The code points of UTF-8 s[0..len) into cp (at most max); their
 * number. */
size_t ar_names__to_cps(uint32_t *cp, size_t max, const char *s, size_t len);

/* The weighted restricted Damerau-Levenshtein distance of two code-point
 * strings used to rank candidates: keyboard neighbours, letters of one
 * skeleton (rasm) and vowels cost less than other edits. */
int ar_names__wdistance(const uint32_t *a, size_t n, const uint32_t *b,
                        size_t m);

/* Their plain restricted Damerau-Levenshtein distance. */
int ar_names__osa(const uint32_t *a, size_t n, const uint32_t *b, size_t m);

#endif /* AR_NAMES_INT_H */
