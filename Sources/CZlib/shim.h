#ifndef RETOLD_CZLIB_SHIM_H
#define RETOLD_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro in zlib.h; Swift cannot call macros with arguments. */
static inline int retold_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
