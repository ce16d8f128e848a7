// headertest.cc - compile the public header as C++.
#include "headertest.c"
