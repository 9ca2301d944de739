#ifndef AGORA_BENCH_SUPPORT_H
#define AGORA_BENCH_SUPPORT_H
#include <stddef.h>

/// Opens a pseudo-terminal pair: returns the master descriptor (or -1) and writes the slave's path.
int agora_bench_open_pty(char *slave_path, size_t capacity);

/// The posix_spawn flag that starts the child in a new session (so the slave becomes its terminal).
short agora_bench_spawn_setsid_flag(void);
#endif
