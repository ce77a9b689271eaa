/* Every input of the fuzz corpus (tests/fuzz/corpus/TARGET/...), including
 * each crash once found and fixed, runs through its target's checks in
 * make check, compiled normally. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../fuzz/targets.c"
#include "tap.h"

static int
replay(const char *target, const char *dir)
{
	void (*fn)(const uint8_t *, size_t) = fuzz_target(target);
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (fn == NULL || d == NULL) {
		if (d != NULL)
			closedir(d);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		char path[4096];
		struct stat sb;
		FILE *f;
		uint8_t *buf;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || (f = fopen(path, "rb")) == NULL)
			continue;
		buf = malloc((size_t)sb.st_size + 1);
		if (buf != NULL && fread(buf, 1, (size_t)sb.st_size, f) == (size_t)sb.st_size) {
			fn(buf, (size_t)sb.st_size);	/* aborts on a broken promise */
			n++;
		}
		free(buf);
		fclose(f);
	}
	closedir(d);
	return n;
}

int
main(void)
{
	static const char *const targets[] = { "dates", "text", "csv", "config", "argv", "facts" };

	for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
		char dir[256];
		int n;

		snprintf(dir, sizeof(dir), "tests/fuzz/corpus/%s", targets[i]);
		n = replay(targets[i], dir);
		ok(n > 0, "the %s corpus replays through its checks (%d inputs)", targets[i], n);
	}
	return done_testing();
}
