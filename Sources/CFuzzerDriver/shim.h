#ifndef BEREIK_CFUZZERDRIVER_SHIM_H
#define BEREIK_CFUZZERDRIVER_SHIM_H
// libFuzzer's driver, in the toolchain's libclang_rt.fuzzer (linked by
// `-sanitize=fuzzer`). Declared only: plain builds never call it.
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
