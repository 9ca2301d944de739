#define _GNU_SOURCE
#include "bench_support.h"
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>

int agora_bench_open_pty(char *slave_path, size_t capacity) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) return -1;
    if (grantpt(master) != 0 || unlockpt(master) != 0) return -1;
    const char *name = ptsname(master);
    if (name == NULL || strlen(name) + 1 > capacity) return -1;
    strcpy(slave_path, name);
    return master;
}

short agora_bench_spawn_setsid_flag(void) {
#ifdef POSIX_SPAWN_SETSID
    return POSIX_SPAWN_SETSID;
#else
    return 0;
#endif
}
