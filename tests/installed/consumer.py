"""consumer.py - an installed libarabic used from Python through ctypes.

Usage: python3 consumer.py LIBRARY.  Calls ar_version() and normalizes a
string with the "search" profile; exits 1 when the result is wrong.
"""
import ctypes
import sys


class ArBuf(ctypes.Structure):
    """struct ar_buf of <arabic/common.h>."""
    _fields_ = [("ptr", ctypes.c_void_p), ("size", ctypes.c_size_t),
                ("asize", ctypes.c_size_t)]


class NormOptions(ctypes.Structure):
    """struct ar_norm_options of <arabic/norm.h>."""
    _fields_ = [("version", ctypes.c_uint), ("flags", ctypes.c_uint),
                ("invalid", ctypes.c_int), ("want_offsets", ctypes.c_int)]


def main():
    lib = ctypes.CDLL(sys.argv[1])
    lib.ar_version.restype = ctypes.c_char_p
    lib.ar_strerror.restype = ctypes.c_char_p
    lib.ar_norm_profile.argtypes = [ctypes.POINTER(ctypes.c_uint),
                                    ctypes.c_char_p]
    lib.ar_normalizer_new.argtypes = [ctypes.POINTER(ctypes.c_void_p),
                                      ctypes.POINTER(NormOptions)]
    lib.ar_norm_buffer.argtypes = [ctypes.POINTER(ArBuf), ctypes.c_void_p,
                                   ctypes.c_void_p, ctypes.c_char_p,
                                   ctypes.c_size_t, ctypes.c_void_p]
    lib.ar_normalizer_free.argtypes = [ctypes.c_void_p]
    lib.ar_buf_dispose.argtypes = [ctypes.POINTER(ArBuf)]

    version = lib.ar_version().decode()
    print("version", version)

    flags = ctypes.c_uint()
    if lib.ar_norm_profile(ctypes.byref(flags), b"search") != 0:
        print("consumer.py: no profile 'search'", file=sys.stderr)
        return 1
    opts = NormOptions(1, flags.value, 0, 0)
    handle = ctypes.c_void_p()
    status = lib.ar_normalizer_new(ctypes.byref(handle), ctypes.byref(opts))
    if status != 0:
        print("consumer.py:", lib.ar_strerror(status).decode(),
              file=sys.stderr)
        return 1
    # Hamzated alef, tatweel, a diacritic, alef maqsura and Arabic-Indic
    # digits: the search profile folds them all.
    text = ("\u0623\u062d\u0640\u0645\u064e\u062f"
            " \u0639\u0644\u0649 \u0661\u0662").encode()
    out = ArBuf()
    status = lib.ar_norm_buffer(ctypes.byref(out), None, handle, text,
                                len(text), None)
    lib.ar_normalizer_free(handle)
    if status != 0:
        print("consumer.py:", lib.ar_strerror(status).decode(),
              file=sys.stderr)
        return 1
    got = ctypes.string_at(out.ptr, out.size).decode()
    lib.ar_buf_dispose(ctypes.byref(out))
    print("normalized", got)
    want = "\u0627\u062d\u0645\u062f \u0639\u0644\u064a 12"
    if got != want:
        print("consumer.py: want", ascii(want), "got", ascii(got),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
