#include <cblas.h>
// OpenBLAS's own thread pool: Retold runs encoder batches on its compute pool instead.
void openblas_set_num_threads(int num_threads);
