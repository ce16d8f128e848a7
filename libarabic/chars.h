/*
 * chars.h - the Arabic character classes of the library, each written
 * once.  Not installed.
 *
 * Ranges are code points with their names from the Unicode Character
 * Database (Blocks.txt, UnicodeData.txt: general categories).  A module
 * that needs a set of its own composes it from these under a name that
 * says why (ar_char__stem_ignorable for the segmenter and the dictionary
 * headwords, the normalizer's operation sets in norm_tables.c), so that
 * every set can be read here.  The functions are inline: the tokenizer
 * and the speller call them on every character.
 */
#ifndef AR_CHARS_H
#define AR_CHARS_H

#include "arabic.h"

#include <stdint.h>

#define AR_CHAR_TATWEEL 0x0640 /* ARABIC TATWEEL (Lm) */

/*
 * The Arabic-script blocks (Blocks.txt): Arabic U+0600-06FF, Arabic
 * Supplement U+0750-077F, Arabic Extended-B and -A U+0870-08FF, Arabic
 * Presentation Forms-A U+FB50-FDFF and -B U+FE70-FEFF, Rumi Numeral
 * Symbols U+10E60-10E7F, Arabic Mathematical Alphabetic Symbols
 * U+1EE00-1EEFF.
 */
static inline int ar_char__arabic_block(uint32_t cp)
{
	return (cp >= 0x0600 && cp <= 0x06FF) ||
	       (cp >= 0x0750 && cp <= 0x077F) ||
	       (cp >= 0x0870 && cp <= 0x08FF) ||
	       (cp >= 0xFB50 && cp <= 0xFDFF) ||
	       (cp >= 0xFE70 && cp <= 0xFEFF) ||
	       (cp >= 0x10E60 && cp <= 0x10E7F) ||
	       (cp >= 0x1EE00 && cp <= 0x1EEFF);
}

/*
 * Script of a letter by block, as the tokenizer tells words apart:
 * Latin for Basic Latin to Latin Extended-B and IPA (U+0000-02AF), Latin
 * Extended Additional U+1E00-1EFF, -C U+2C60-2C7F, -D U+A720-A7FF, -E
 * U+AB30-AB6F and the fullwidth Latin letters; Arabic for the blocks of
 * ar_char__arabic_block(); other for the rest.
 */
static inline ar_script ar_char__script(uint32_t cp)
{
	if (cp < 0x2B0)
		return AR_SCRIPT_LATIN;
	if (cp < 0x0600)
		return AR_SCRIPT_OTHER;
	if (ar_char__arabic_block(cp))
		return AR_SCRIPT_ARABIC;
	if ((cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
	    (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xAB30 && cp <= 0xAB6F) ||
	    (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A))
		return AR_SCRIPT_LATIN;
	return AR_SCRIPT_OTHER;
}

/*
 * The letters of the Arabic block that make words (general category Lo,
 * and the dotless letters): U+0620-064A without TATWEEL, U+066E-06D3
 * (DOTLESS BEH to YEH BARREE WITH HAMZA ABOVE; U+0670 SUPERSCRIPT ALEF
 * falls in this range and is taken as a letter), AE U+06D5, U+06EE-06EF
 * (DAL and REH WITH INVERTED V), U+06FA-06FC and HEH WITH INVERTED V
 * U+06FF.  Digits, signs and marks are not letters.
 */
static inline int ar_char__arabic_letter(uint32_t cp)
{
	return ((cp >= 0x620 && cp <= 0x64A) || (cp >= 0x66E && cp <= 0x6D3) ||
	        cp == 0x6D5 || cp == 0x6EE || cp == 0x6EF ||
	        (cp >= 0x6FA && cp <= 0x6FC) || cp == 0x6FF) &&
	       cp != AR_CHAR_TATWEEL;
}

/*
 * The harakat: FATHATAN to SUKUN and the other combining marks of the
 * Arabic block U+064B-065F (tanwin, shadda, madda and hamza above and
 * below...), and SUPERSCRIPT ALEF U+0670 (all Mn).
 */
static inline int ar_char__haraka(uint32_t cp)
{
	return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670;
}

/*
 * What the Arabic dictionary's entries are written without, and what a
 * writer adds to a word without making another word: the harakat and
 * TATWEEL.  (ar.aff's IGNORE line lists nine of them, the ones in use;
 * the others never occur in its entries either.)
 */
static inline int ar_char__harakat_or_tatweel(uint32_t cp)
{
	return ar_char__haraka(cp) || cp == AR_CHAR_TATWEEL;
}

/*
 * The Quranic annotation marks (Mn): the honorific and small signs
 * U+0610-061A, SMALL HIGH LIGATURE SAD WITH LAM WITH ALEF MAKSURA to SMALL
 * HIGH THREE DOTS U+06D6-06DC, SMALL HIGH ROUNDED ZERO to SMALL HIGH
 * MADDA U+06DF-06E4, SMALL HIGH NOON and EMPTY CENTRE LOW STOP... U+06E7-
 * 06E8 and U+06EA-06ED.  Not the signs between them: END OF AYAH U+06DD
 * (Cf), RUB EL HIZB U+06DE and PLACE OF SAJDAH U+06E9 (So), nor SMALL WAW
 * and SMALL YEH U+06E5-06E6 (Lm).
 */
static inline int ar_char__quranic_mark(uint32_t cp)
{
	return (cp >= 0x0610 && cp <= 0x061A) ||
	       (cp >= 0x06D6 && cp <= 0x06DC) ||
	       (cp >= 0x06DF && cp <= 0x06E4) ||
	       (cp >= 0x06E7 && cp <= 0x06E8) || (cp >= 0x06EA && cp <= 0x06ED);
}

/*
 * Every Arabic combining mark that carries no letter: the harakat, the
 * Quranic marks, and the marks of Arabic Extended-A U+08D3-08E1 and
 * U+08E3-08FF (U+08E2 is a sign, Cf).
 */
static inline int ar_char__arabic_mark(uint32_t cp)
{
	return ar_char__haraka(cp) || ar_char__quranic_mark(cp) ||
	       (cp >= 0x08D3 && cp <= 0x08FF && cp != 0x08E2);
}

/*
 * What the segmenter and the dictionary headwords set aside when they
 * read a word's letters: the harakat, TATWEEL and the Quranic marks of
 * the Arabic block.  A word with any other mark (Extended-A) is left
 * whole rather than split on a guess.
 */
static inline int ar_char__stem_ignorable(uint32_t cp)
{
	return ar_char__harakat_or_tatweel(cp) ||
	       (ar_char__quranic_mark(cp) && cp >= 0x06D6);
}

#endif /* AR_CHARS_H */
