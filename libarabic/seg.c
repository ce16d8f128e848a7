/* seg.c - being written. */
typedef int ar_seg__placeholder;
