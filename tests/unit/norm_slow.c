/*
 * norm_slow.c - the normalizer built without its fast path
 * (AR_NORM_NO_FAST), its public functions renamed to slow_*, so that
 * test_norm_fast can hold both variants in one program and compare them.
 */
#define AR_NORM_NO_FAST 1

#define ar_norm_profile        slow_norm_profile
#define ar_norm_flag_from_name slow_norm_flag_from_name
#define ar_norm_flag_name      slow_norm_flag_name
#define ar_normalizer_new      slow_normalizer_new
#define ar_normalizer_free     slow_normalizer_free
#define ar_norm_feed           slow_norm_feed
#define ar_norm_finish         slow_norm_finish
#define ar_norm_reset          slow_norm_reset
#define ar_norm_invalid_count  slow_norm_invalid_count
#define ar_norm_buffer         slow_norm_buffer

#include "norm.c"
