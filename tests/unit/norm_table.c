/*
 * norm_table.c - the normalizer built without its vector blocks
 * (AR_NORM_NO_SIMD): the table loop alone, as on CPUs without AVX2,
 * its public functions renamed to table_*, so that
 * test_norm_fast can compare it with the other variants.
 */
#define AR_NORM_NO_SIMD 1

#define ar_norm_profile        table_norm_profile
#define ar_norm_flag_from_name table_norm_flag_from_name
#define ar_norm_flag_name      table_norm_flag_name
#define ar_normalizer_new      table_normalizer_new
#define ar_normalizer_free     table_normalizer_free
#define ar_norm_feed           table_norm_feed
#define ar_norm_finish         table_norm_finish
#define ar_norm_reset          table_norm_reset
#define ar_norm_invalid_count  table_norm_invalid_count
#define ar_norm_buffer         table_norm_buffer

#include "norm.c"
