#include "agora_memory.h"

// Any C library header says which C library this is.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

int agora_own_mapping_from(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes) == 1 ? 1 : 0;
}
#else
int agora_own_mapping_from(int bytes) {
    (void)bytes;
    return 0;
}
#endif
