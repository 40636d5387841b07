#include <stddef.h>
#include <cblas.h>
// OpenBLAS's own thread pool: Retold runs encoder batches on its compute pool instead.
void openblas_set_num_threads(int num_threads);
// LAPACK's divide-and-conquer symmetric eigensolver (OpenBLAS includes LAPACK), for the principal
// components of the static token table. The trailing lengths are Fortran's hidden string lengths.
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_length, size_t uplo_length);
