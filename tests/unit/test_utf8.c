/* test_utf8.c - UTF-8 decoding/validation, status strings and buffers. */
#include "config.h"

#include "unit.h"

/* utf8/valid/...: the classes of ill-formed input from Unicode table 3-7. */
static void test_valid_accepts(void)
{
	size_t off = 99;
	CU_ASSERT(ar_utf8_valid("", 0, &off));
	CU_ASSERT(ar_utf8_valid("abc", 3, &off));
	CU_ASSERT(ar_utf8_valid("\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", 8, &off));
	CU_ASSERT(ar_utf8_valid("\xef\xbb\xbf", 3, &off));     /* BOM */
	CU_ASSERT(ar_utf8_valid("\xf4\x8f\xbf\xbf", 4, &off)); /* U+10FFFF */
	CU_ASSERT(ar_utf8_valid("a\0b", 3, &off));             /* NUL */
	CU_ASSERT_EQUAL(off, 99); /* untouched on success */
}

static void check_bad(const char *s, size_t len, size_t want)
{
	size_t off = 12345;
	CU_ASSERT_FALSE(ar_utf8_valid(s, len, &off));
	CU_ASSERT_EQUAL(off, want);
}

static void test_valid_rejects(void)
{
	check_bad("\x80", 1, 0); /* lone continuation */
	check_bad("ab\xbf", 3, 2);
	check_bad("\xc0\xaf", 2, 0); /* overlong '/' */
	check_bad("\xc1\xbf", 2, 0);
	check_bad("\xe0\x80\xaf", 3, 0);     /* overlong 3-byte */
	check_bad("\xf0\x80\x80\xaf", 4, 0); /* overlong 4-byte */
	check_bad("x\xed\xa0\x80", 4, 1);    /* surrogate D800 */
	check_bad("\xed\xbf\xbf", 3, 0);     /* surrogate DFFF */
	check_bad("\xf4\x90\x80\x80", 4, 0); /* U+110000 */
	check_bad("\xf5\x80\x80\x80", 4, 0);
	check_bad("\xff", 1, 0);
	check_bad("abc\xd8", 4, 3); /* truncated at end */
	check_bad("\xe2\x82", 2, 0);
	check_bad("\xe2\x82x", 3, 0); /* truncated in middle */
}

static void test_decode(void)
{
	uint32_t cp = 0;
	CU_ASSERT_EQUAL(ar_utf8_decode(&cp, "A", 1), 1);
	CU_ASSERT_EQUAL(cp, 0x41);
	CU_ASSERT_EQUAL(ar_utf8_decode(&cp, "\xd8\xa7", 2), 2);
	CU_ASSERT_EQUAL(cp, 0x0627);
	CU_ASSERT_EQUAL(ar_utf8_decode(&cp, "\xef\xbb\xbf", 3), 3);
	CU_ASSERT_EQUAL(cp, 0xFEFF);
	CU_ASSERT_EQUAL(ar_utf8_decode(&cp, "\xf0\x9f\x98\x80", 4), 4);
	CU_ASSERT_EQUAL(cp, 0x1F600);
	cp = 7;
	CU_ASSERT_EQUAL(ar_utf8_decode(&cp, "\xf0\x9f\x98", 3), 0);
	CU_ASSERT_EQUAL(ar_utf8_decode(&cp, "\xc0\x80", 2), 0);
	CU_ASSERT_EQUAL(ar_utf8_decode(&cp, "x", 0), 0);
	CU_ASSERT_EQUAL(cp, 7);
}

static void test_strerror(void)
{
	int codes[] = { AR_OK,  AR_ENOMEM, AR_EINVAL, AR_EUTF8,
		        AR_EIO, AR_EDICT,  AR_EUSER };
	size_t i;
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		CU_ASSERT_PTR_NOT_NULL(ar_strerror(codes[i]));
		CU_ASSERT_STRING_NOT_EQUAL(ar_strerror(codes[i]),
		                           "unknown error");
	}
	CU_ASSERT_STRING_EQUAL(ar_strerror(12345), "unknown error");
	CU_ASSERT_STRING_EQUAL(ar_strerror(AR_EUTF8), "invalid UTF-8");
}

static void test_version(void)
{
	CU_ASSERT_STRING_EQUAL(ar_version(), AR_VERSION_STRING);
}

static void test_buf_dispose(void)
{
	ar_buf b = AR_BUF_INIT;
	ar_buf_dispose(&b);
	ar_buf_dispose(NULL);
	CU_ASSERT_PTR_NULL(b.ptr);
	CU_ASSERT_EQUAL(b.size, 0);
}

static const unit_test utf8_tests[] = {
	{ "utf8/valid/accepts", test_valid_accepts },
	{ "utf8/valid/rejects", test_valid_rejects },
	{ "utf8/decode", test_decode },
	{ NULL, NULL }
};
static const unit_test status_tests[] = { { "status/strerror", test_strerror },
	                                  { "status/version", test_version },
	                                  { "status/buf_dispose",
	                                    test_buf_dispose },
	                                  { NULL, NULL } };
static const unit_suite suites[] = { { "utf8", utf8_tests },
	                             { "status", status_tests },
	                             { NULL, NULL } };

int main(void)
{
	return unit_main(suites);
}
