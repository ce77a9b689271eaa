/* One libFuzzer target, chosen at build time (-DFUZZ_TARGET=dates ...). */
#include <stddef.h>
#include <stdint.h>

#include "targets.h"

#define CAT(a, b) a##b
#define TARGET(t) CAT(fuzz_, t)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	TARGET(FUZZ_TARGET)(data, size);
	return 0;
}
