/*
 * tok_int.h - what the tokenizer (tok.c) and the clitic segmenter (seg.c)
 * share.  Not installed.
 */
#ifndef AR_TOK_INT_H
#define AR_TOK_INT_H

#include "private.h"

/* The segmenter: a dictionary of Arabic words plus a memo of the words it
 * has already split.  Owned by one tokenizer. */
typedef struct ar_seg ar_seg;

/* Open the Arabic hunspell dictionary (ar.aff/ar.dic) found in dict_dir,
 * else in each directory of $DICPATH, else in the system directory.
 * AR_EDICT with a message naming the package when it is not found. */
ar_status ar_seg__new(ar_seg **out, const char *dict_dir, ar_error *err);
void ar_seg__free(ar_seg *s);

/* One piece of a split word, as byte ranges of the word. */
typedef struct ar_seg_piece {
	size_t off, len;  /* the piece in the word's bytes */
	const char *form; /* the piece as a word when it differs from the
	                         surface (static string), else NULL */
	size_t form_len;
	int kind; /* -1 proclitic, 0 stem, 1 enclitic */
} ar_seg_piece;

#define AR_SEG_MAX 8

/*
 * Split an Arabic word into clitics and stem.  Writes up to AR_SEG_MAX
 * pieces to out and returns their number: 0 or 1 when the word is not
 * split (then the caller reports no segments).  ud selects the Universal
 * Dependencies convention (the article stays on its noun).  -1 on memory
 * exhaustion.
 */
int ar_seg__split(ar_seg *s, const char *w, size_t len, int ud,
                  ar_seg_piece *out);

/* Is this code point an Arabic letter (not a mark, digit or sign)? */
int ar_tok__arabic_letter(uint32_t cp);

#endif /* AR_TOK_INT_H */
