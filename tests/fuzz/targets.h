/*
 * The fuzz targets' bodies: one function per parser of outside input, each
 * checking the parser's promises and calling abort() when one is broken.
 * tests/fuzz/fuzz.c wraps them for libFuzzer (make fuzz); the unit test
 * tests/unit/fuzz_replay.c runs the corpus through them in make check.
 */
#ifndef ROVIEC_FUZZ_TARGETS_H
#define ROVIEC_FUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

void fuzz_dates(const uint8_t *data, size_t size);
void fuzz_text(const uint8_t *data, size_t size);
void fuzz_csv(const uint8_t *data, size_t size);
void fuzz_config(const uint8_t *data, size_t size);
void fuzz_argv(const uint8_t *data, size_t size);
void fuzz_facts(const uint8_t *data, size_t size);

/* By name ("dates", ...); NULL when unknown. */
void (*fuzz_target(const char *name))(const uint8_t *, size_t);

#endif
