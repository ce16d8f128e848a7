/*
 * unit.h - the main() shared by the CUnit programs: register the suites,
 * run them, and turn the result into an automake exit status (0 pass,
 * 1 a test failed, 99 the registry could not be set up).
 * CU_basic_run_tests() returns a framework code, not the number of
 * failures, so the counts are read separately.
 */
#ifndef AR_UNIT_H
#define AR_UNIT_H

#include <CUnit/Basic.h>
#include <string.h>

#include "arabic.h"

typedef struct unit_test {
	const char *name;
	CU_TestFunc fn;
} unit_test;

typedef struct unit_suite {
	const char *name;
	const unit_test *tests; /* terminated by { NULL, NULL } */
} unit_suite;

static inline int unit_main(const unit_suite *suites)
{
	unsigned failed;
	const unit_suite *s;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 99;
	for (s = suites; s->name; s++) {
		const unit_test *t;
		CU_pSuite cs = CU_add_suite(s->name, NULL, NULL);
		if (!cs) {
			CU_cleanup_registry();
			return 99;
		}
		for (t = s->tests; t->name; t++)
			if (!CU_add_test(cs, t->name, t->fn)) {
				CU_cleanup_registry();
				return 99;
			}
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	if (CU_basic_run_tests() != CUE_SUCCESS) {
		CU_cleanup_registry();
		return 99;
	}
	failed = CU_get_number_of_tests_failed() +
	         CU_get_number_of_suites_failed();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}

/* Compare a (pointer, length) byte string with a C string literal. */
#define UNIT_ASSERT_BYTES(ptr, len, lit)                                       \
	CU_ASSERT((len) == strlen(lit) && memcmp((ptr), (lit), (len)) == 0)

#endif /* AR_UNIT_H */
