/*
 * arabic/tok.h - tokenization of mixed Arabic and Latin text.
 * Include <arabic.h>.
 *
 * A tokenizer turns a UTF-8 stream, fed in pieces cut at any byte, into
 * tokens, each with its type, script, sentence number and [start, end) byte
 * offsets into the ORIGINAL input, also when it normalizes first.  Tokens
 * plus the whitespace between them rebuild the input byte for byte.
 */
#ifndef ARABIC_TOK_H
#define ARABIC_TOK_H

#include "common.h"
#include "dict.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Token types. */
typedef enum ar_token_type {
	AR_TOKEN_ARABIC = 0, /**< word in Arabic script */
	AR_TOKEN_LATIN,      /**< word in Latin script */
	AR_TOKEN_WORD,       /**< word in another script */
	AR_TOKEN_NUMBER,     /**< number in any digit system */
	AR_TOKEN_PUNCT,   /**< punctuation, including Arabic ، ؛ ؟ « » */
	AR_TOKEN_SYMBOL,  /**< other symbol */
	AR_TOKEN_HASHTAG, /**< #word, any script, with _ inside */
	AR_TOKEN_MENTION, /**< @name */
	AR_TOKEN_URL,     /**< URL, with or without scheme */
	AR_TOKEN_EMAIL,   /**< e-mail address */
	AR_TOKEN_EMOJI,   /**< one whole emoji sequence */
	AR_TOKEN_SPACE    /**< whitespace; reported only on request */
} ar_token_type;

/** Script of a token. */
typedef enum ar_script {
	AR_SCRIPT_NONE = 0, /**< no letters (numbers, punctuation...) */
	AR_SCRIPT_ARABIC,
	AR_SCRIPT_LATIN,
	AR_SCRIPT_OTHER
} ar_script;

/** Name of a token type ("arabic", "latin", "word", "number", "punct",
 * "symbol", "hashtag", "mention", "url", "email", "emoji", "space"), or
 * NULL if out of range. */
AR_EXTERN const char *ar_token_type_name(ar_token_type t);
/** Name of a script ("none", "arabic", "latin", "other"), or NULL. */
AR_EXTERN const char *ar_script_name(ar_script s);

/** A clitic segment of a token (see AR_TOK_SEGMENT).  The segments of a
 * token follow each other and cover its text exactly. */
typedef struct ar_segment {
	const char *text; /**< the segment as it appears in the token text */
	size_t len;
	const char *form; /**< the segment as a word: "ال" for the second
	                          ل of لل (ل + ال); otherwise equal to text */
	size_t form_len;
	uint64_t start, end; /**< original input byte offsets */
	int kind;            /**< -1 proclitic, 0 stem, 1 enclitic */
} ar_segment;

/** Bits of ar_token.flags. */
enum {
	AR_TOKF_SENTENCE_END = 1u << 0 /**< last token of its sentence */
};

/** A token, as handed to an ar_token_sink; valid only during the call. */
typedef struct ar_token {
	ar_token_type type;
	ar_script script;
	const char *text; /**< token text (normalized, if asked) */
	size_t len;
	uint64_t start, end; /**< original input byte offsets, [start, end) */
	uint64_t sentence;   /**< 0-based sentence number */
	unsigned flags;      /**< AR_TOKF_* bits */
	const ar_segment *segments; /**< clitic segments, or NULL */
	size_t nsegments;           /**< 0 when the token was not split */
} ar_token;

/** Receives tokens in order.  Return 0 to go on, non-zero to stop
 * (the call then returns AR_EUSER). */
typedef int (*ar_token_sink)(const ar_token *tok, void *payload);

/** Tokenizer option bits. */
enum {
	AR_TOK_SEGMENT = 1u << 0,    /**< split clitics off Arabic words */
	AR_TOK_WHITESPACE = 1u << 1, /**< report AR_TOKEN_SPACE tokens */
	AR_TOK_NORMALIZE = 1u << 2,  /**< normalize (norm_flags) first */
	AR_TOK_SEGMENT_UD = 1u << 3  /**< segment as Universal Dependencies
	                                  treebanks do (implies AR_TOK_SEGMENT):
	                                  the article stays on its noun, and
	                                  a preposition before it keeps its
	                                  own letter only (لل → ل + ل...) */
};

/** Options of a tokenizer. */
typedef struct ar_tok_options {
	unsigned version;    /**< AR_TOK_OPTIONS_VERSION */
	unsigned flags;      /**< AR_TOK_* bits */
	unsigned norm_flags; /**< ar_norm_flag bits, with AR_TOK_NORMALIZE */
	ar_invalid_mode invalid; /**< what to do with invalid UTF-8 */
	const char *dict_dir;    /**< directory searched first for the
	                                Arabic hunspell dictionary of
	                                AR_TOK_SEGMENT, before $DICPATH and
	                                the system directory; or NULL */
	ar_lexicon *lexicon;     /**< (version 2) for AR_TOK_SEGMENT: the
	                                dictionaries to use, shared with
	                                other handles (arabic/dict.h), whose
	                                first Arabic dictionary checks the
	                                stems; the tokenizer keeps a
	                                reference.  NULL: open "ar" as
	                                dict_dir says */
} ar_tok_options;

/** Version 2 adds lexicon; a version 1 struct is still accepted. */
#define AR_TOK_OPTIONS_VERSION 2
#define AR_TOK_OPTIONS_INIT                                                    \
	{                                                                      \
		AR_TOK_OPTIONS_VERSION, 0, 0, AR_INVALID_ERROR, NULL, NULL     \
	}

typedef struct ar_tokenizer ar_tokenizer;

/**
 * Create a tokenizer.  With AR_TOK_SEGMENT it checks stems against the
 * first Arabic dictionary of opts->lexicon, or else loads the hunspell
 * Arabic dictionary ar.aff/ar.dic (Debian package hunspell-ar), found in
 * dict_dir, else in each directory of $DICPATH, else in the system
 * directory.
 * A handle is used by one thread at a time; different handles are
 * independent (the library has no global state).
 * @param out receives the handle (release with ar_tokenizer_free()).
 * @param opts options or NULL for the defaults.
 * @param err optional details (e.g. which dictionary is missing).
 * @return AR_OK, AR_ENOMEM, AR_EINVAL (bad version or options),
 * AR_EDICT (dictionary missing or unreadable; the message names the
 * package).
 */
AR_EXTERN ar_status ar_tokenizer_new(ar_tokenizer **out,
                                     const ar_tok_options *opts, ar_error *err);
/** Release a tokenizer.  NULL is a no-op. */
AR_EXTERN void ar_tokenizer_free(ar_tokenizer *t);

/**
 * Tokenize the next piece of a stream (cut at any byte, even inside a
 * character).  Tokens that may still change (the last word, which the
 * next piece could continue, and the token whose sentence end is not
 * known yet) are held back; any split of the input gives the same tokens
 * as a single call.  Memory does not grow with the input: a run of
 * non-space (or space) longer than 64 KiB is cut into tokens at 64 KiB
 * boundaries counted from its start.
 * @param s, len the bytes; the tokenizer does not keep the pointer.
 * @param sink receives the tokens; a token and its text and segments are
 *        valid only during the call.
 * @return AR_OK, AR_EUTF8 (err gets line, column and absolute offset; the
 * stream is then stopped: ar_tok_reset() to reuse the handle), AR_ENOMEM,
 * AR_EUSER (the sink returned non-zero; also stopped).
 */
AR_EXTERN ar_status ar_tok_feed(ar_tokenizer *t, const char *s, size_t len,
                                ar_token_sink sink, void *payload,
                                ar_error *err);
/** End the stream, emit the last tokens, reset for a new stream. */
AR_EXTERN ar_status ar_tok_finish(ar_tokenizer *t, ar_token_sink sink,
                                  void *payload, ar_error *err);
/** Drop any held-back input and start a new stream. */
AR_EXTERN void ar_tok_reset(ar_tokenizer *t);

#ifdef __cplusplus
}
#endif

#endif /* ARABIC_TOK_H */
