#ifndef AGORA_MEMORY_H
#define AGORA_MEMORY_H

/// Serve blocks of at least `bytes` from mappings of their own, returned to the system when
/// freed, and stop the C library from raising that threshold as it goes. Returns 1 when set,
/// 0 where the C library has no such setting.
int agora_own_mapping_from(int bytes);

#endif
