/* status.c - status strings, version, result buffers and error details. */
#include "config.h"

#include "private.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

const char *ar_strerror(int status)
{
	switch (status) {
	case AR_OK:
		return "success";
	case AR_ENOMEM:
		return "out of memory";
	case AR_EINVAL:
		return "invalid argument";
	case AR_EUTF8:
		return "invalid UTF-8";
	case AR_EIO:
		return "input/output error";
	case AR_EDICT:
		return "dictionary missing, unreadable or malformed";
	case AR_EUSER:
		return "stopped by a callback";
	default:
		return "unknown error";
	}
}

const char *ar_version(void)
{
	return AR_VERSION_STRING;
}

void ar_buf_dispose(ar_buf *buf)
{
	if (!buf)
		return;
	free(buf->ptr);
	buf->ptr = NULL;
	buf->size = buf->asize = 0;
}

int ar_array__grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t n;
	void *q;

	if (need <= *cap)
		return 0;
	n = *cap ? *cap : 16;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -1;
		n *= 2;
	}
	if (elem && n > SIZE_MAX / elem)
		return -1;
	q = realloc(*p, n * elem);
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

/* Make room for `need` more bytes plus a terminating NUL. */
ar_status ar_buf__grow(ar_buf *b, size_t need)
{
	size_t want, n;
	char *p;

	if (need > SIZE_MAX - b->size - 1)
		return AR_ENOMEM;
	want = b->size + need + 1;
	if (want <= b->asize)
		return AR_OK;
	n = b->asize ? b->asize : 64;
	while (n < want)
		n = n > SIZE_MAX / 2 ? want : n * 2;
	p = realloc(b->ptr, n);
	if (!p)
		return AR_ENOMEM;
	b->ptr = p;
	b->asize = n;
	return AR_OK;
}

ar_status ar_buf__put(ar_buf *b, const void *data, size_t len)
{
	ar_status st = ar_buf__grow(b, len);
	if (st != AR_OK)
		return st;
	if (len)
		memcpy(b->ptr + b->size, data, len);
	b->size += len;
	b->ptr[b->size] = '\0';
	return AR_OK;
}

ar_status ar_buf__read_file(ar_buf *b, const char *path, ar_error *err)
{
	FILE *fp = fopen(path, "rb");
	long end;
	int e;

	ar_buf__clear(b);
	if (!fp)
		goto fail;
	/* the size, when the file has one, saves growing the buffer */
	if (fseek(fp, 0, SEEK_END) == 0 && (end = ftell(fp)) > 0 &&
	    (unsigned long)end < SIZE_MAX / 2 &&
	    ar_buf__grow(b, (size_t)end) != AR_OK) {
		fclose(fp);
		return AR_ENOMEM;
	}
	rewind(fp);
	for (;;) {
		size_t got;
		if (b->asize - b->size < 4096 + 1 &&
		    ar_buf__grow(b, 65536) != AR_OK) {
			fclose(fp);
			return AR_ENOMEM;
		}
		got = fread(b->ptr + b->size, 1, b->asize - b->size - 1, fp);
		b->size += got;
		b->ptr[b->size] = '\0';
		if (got == 0)
			break;
	}
	if (!ferror(fp)) {
		fclose(fp);
		return AR_OK;
	}
fail:
	e = errno;
	if (fp)
		fclose(fp);
	ar_error__set(err, 0, 0, 0, "%s: %s", path, strerror(e));
	if (err)
		snprintf(err->source, sizeof err->source, "%s", path);
	/* fopen() and the stdio buffer allocate: their failure is the
	 * caller's AR_ENOMEM, not a file it can fix */
	return e == ENOMEM ? AR_ENOMEM : AR_EIO;
}

void ar_error__set(ar_error *err, uint64_t line, uint64_t column,
                   uint64_t offset, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	err->line = line;
	err->column = column;
	err->offset = offset;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
}
