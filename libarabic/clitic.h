/*
 * clitic.h - the Arabic clitics, for the segmenter (seg.c) and the
 * speller: which letters and words they are, in which order they attach,
 * and the readings of a word as proclitics + stem.  Not installed.
 *
 * Arabic writes some function words joined to the next or previous word
 * (Ryding, "A Reference Grammar of Modern Standard Arabic", ch. 7 and 12):
 *  - proclitics, in this order: a conjunction و or ف; then a preposition
 *    ب ك ل, or the future particle س (only before an imperfect verb,
 *    which starts with ي ت ن أ); then the article ال.  ل before ال drops
 *    the article's alef: ل + الكتاب is written للكتاب;
 *  - enclitics: the object or possessive pronouns ه ها هما هم هن ك كما
 *    كم كن ي نا ني; before them ة is written ت and final ى is written ي
 *    (على + ه = عليه).
 */
#ifndef AR_CLITIC_H
#define AR_CLITIC_H

#include "private.h"

/* The letters of the clitics and of their hosts (code points). */
#define AR_ALEF             0x627
#define AR_ALEF_HAMZA_ABOVE 0x623
#define AR_ALEF_HAMZA_BELOW 0x625
#define AR_ALEF_MADDA       0x622
#define AR_BEH              0x628
#define AR_TEH_MARBUTA      0x629
#define AR_TEH              0x62A
#define AR_SEEN             0x633
#define AR_FEH              0x641
#define AR_KAF              0x643
#define AR_LAM              0x644
#define AR_NOON             0x646
#define AR_HEH              0x647
#define AR_WAW              0x648
#define AR_ALEF_MAKSURA     0x649
#define AR_YEH              0x64A

/* A conjunction proclitic: و, ف. */
static inline int ar_clitic__conj(uint32_t c)
{
	return c == AR_WAW || c == AR_FEH;
}

/* A preposition proclitic: ب, ك, ل. */
static inline int ar_clitic__prep(uint32_t c)
{
	return c == AR_BEH || c == AR_KAF || c == AR_LAM;
}

/* The first letter of an imperfect verb, after which س is the future
 * particle: ي, ت, ن, أ. */
static inline int ar_clitic__imperfect_prefix(uint32_t c)
{
	return c == AR_YEH || c == AR_TEH || c == AR_NOON ||
	       c == AR_ALEF_HAMZA_ABOVE;
}

/*
 * The pronoun enclitics (UTF-8), longest first, NULL-terminated:
 * هما كما هم هن كم كن ها نا ني ه ك ي.  ar_clitic__open_enclitic(k) tells
 * whether enclitic k attaches to any word (the third-person ones, نا,
 * and كم كما ك ي, which the segmenter splits from an open-class word
 * only when the corpus counts the host far more often than the whole:
 * حكم, بنك, عربي end the same way) or only to closed-class hosts (كن
 * ني: ثاني, يعني).
 */
extern const char *const ar_clitic__enclitics[];
int ar_clitic__open_enclitic(size_t k);

/*
 * A reading of a word as proclitics + stem, on its light fold (names.h:
 * marks removed, so each letter of the Arabic block is two bytes).
 */
typedef struct ar_clitic_reading {
	size_t skip;    /* bytes of the folded word before the stem */
	size_t letters; /* letters before the stem */
	int elided;     /* the stem is "ا" + folded[skip..]: ل + ال
	                   written لل */
} ar_clitic_reading;

#define AR_CLITIC_READINGS 24 /* at most this many readings */

/*
 * Every reading of the folded Arabic word f[0..len) that leaves a stem of
 * two letters or more: no proclitic; و or ف; then ب, ك or ل; then ال;
 * and ل + ال written لل.  The reading without proclitics comes first.
 * Writes them to out and returns their number.
 */
int ar_clitic__readings(const char *f, size_t len, ar_clitic_reading *out);

#endif /* AR_CLITIC_H */
