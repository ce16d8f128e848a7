/* tok.c - being written. */
typedef int ar_tok__placeholder;
