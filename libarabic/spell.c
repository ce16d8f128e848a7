/* spell.c - being written. */
typedef int ar_spell__placeholder;
