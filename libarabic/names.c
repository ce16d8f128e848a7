/* names.c - being written. */
typedef int ar_names__placeholder;
