/*
 * seg.h - the clitic segmenter (seg.c), as the tokenizer (tok.c) uses
 * it.  Not installed.
 */
#ifndef AR_SEG_H
#define AR_SEG_H

#include "private.h"

/* The segmenter: a dictionary of Arabic words plus a memo of the words it
 * has already split.  Owned by one tokenizer. */
typedef struct ar_seg ar_seg;

/* Make a segmenter over the first Arabic dictionary of lex (it keeps a
 * reference).  AR_EDICT when lex has no Arabic dictionary or its .dic
 * cannot be read; AR_ENOMEM. */
ar_status ar_seg__new(ar_seg **out, ar_lexicon *lex, ar_error *err);
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

#endif /* AR_SEG_H */
