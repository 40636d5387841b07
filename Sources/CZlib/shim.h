#ifndef RETOLD_CZLIB_SHIM_H
#define RETOLD_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro in zlib.h; Swift cannot call macros with arguments. */
static inline int retold_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
static inline int retold_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif
