/* norm_tables.c - being written. */
typedef int ar_norm_tables__placeholder;
