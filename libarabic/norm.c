/* norm.c - being written. */
typedef int ar_norm__placeholder;
