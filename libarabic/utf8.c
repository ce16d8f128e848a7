/*
 * utf8.c - UTF-8 decoding and validation (RFC 3629; Unicode 15, table 3-7
 * "Well-Formed UTF-8 Byte Sequences"), and line/column tracking.
 */
#include "config.h"

#include "private.h"

/* Bounds of the second byte for each lead byte, from table 3-7: they are
 * what excludes overlong forms (E0, F0), surrogates (ED) and values above
 * U+10FFFF (F4). */
static int second_ok(unsigned char lead, unsigned char b)
{
	switch (lead) {
	case 0xE0:
		return b >= 0xA0 && b <= 0xBF;
	case 0xED:
		return b >= 0x80 && b <= 0x9F;
	case 0xF0:
		return b >= 0x90 && b <= 0xBF;
	case 0xF4:
		return b >= 0x80 && b <= 0x8F;
	default:
		return b >= 0x80 && b <= 0xBF;
	}
}

/* Sequence length announced by a lead byte, 0 if it cannot start one. */
static size_t seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* Number of bytes at s that are a valid prefix of a sequence (1..n). */
static size_t valid_prefix(const unsigned char *s, size_t len)
{
	size_t n = seq_len(s[0]), i;

	if (n == 0)
		return 0;
	if (n == 1)
		return 1;
	if (len < 2 || !second_ok(s[0], s[1]))
		return 1;
	for (i = 2; i < n && i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return i;
	return i;
}

size_t ar_utf8_decode(uint32_t *out, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n;

	if (!str || len == 0)
		return 0;
	if (s[0] < 0x80) {
		*out = s[0];
		return 1;
	}
	n = seq_len(s[0]);
	if (n == 0 || len < n || valid_prefix(s, len) < n)
		return 0;
	switch (n) {
	case 2:
		*out = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		break;
	case 3:
		*out = ((uint32_t)(s[0] & 0x0F) << 12) |
		       ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		break;
	default:
		*out = ((uint32_t)(s[0] & 0x07) << 18) |
		       ((uint32_t)(s[1] & 0x3F) << 12) |
		       ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		break;
	}
	return n;
}

int ar_utf8_valid(const char *str, size_t len, size_t *bad_offset)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		size_t n;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		n = ar_utf8_decode(&cp, str + i, len - i);
		if (n == 0) {
			if (bad_offset)
				*bad_offset = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

size_t ar_utf8__partial_tail(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t back;

	/* A lead byte can be at most 3 bytes before the end of a partial
	 * sequence. */
	for (back = 1; back <= 3 && back <= len; back++) {
		size_t start = len - back, n;
		unsigned char c = s[start];
		if ((c & 0xC0) == 0x80)
			continue;
		n = seq_len(c);
		if (n > back && valid_prefix(s + start, back) == back)
			return back;
		return 0;
	}
	return 0;
}

size_t ar_utf8__invalid_len(const char *str, size_t len)
{
	size_t n = valid_prefix((const unsigned char *)str, len);
	return n ? n : 1;
}

void ar_pos__advance(ar_pos *p, const char *str, size_t len)
{
	const char *s = str, *end, *nl, *last = NULL;

	if (len == 0) /* str may be NULL: no arithmetic or memchr on it */
		return;
	/* the newlines found by memchr(), then the characters after the
	 * last one: the columns before it do not matter */
	end = str + len;
	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		p->line++;
		last = nl;
		s = nl + 1;
	}
	if (last) {
		p->col = 1;
		s = last + 1;
	} else {
		s = str;
	}
	for (; s < end; s++)
		p->col += ((unsigned char)*s & 0xC0) != 0x80;
	p->offset += len;
}

ar_status ar_buf__put_cp(ar_buf *b, uint32_t c)
{
	char u[4];
	return ar_buf__put(b, u, ar_utf8__encode(c, u));
}
