/* Deliberately leaks a string returned by cnvision: scripts/test-all.d/c-abi.sh
 * runs it under valgrind and AddressSanitizer and requires both to report the
 * leak, proving those checks see allocations made inside the Rust library. */
#include <cnvision.h>
#include <stdio.h>

int main(void) {
  char *catalog = NULL;
  size_t len = 0;
  if (cnvision_catalog_json(&catalog, &len, NULL) != CNVISION_STATUS_OK) return 2;
  printf("catalog: %zu bytes (not freed on purpose)\n", len);
  catalog = NULL; /* drop the only pointer: a definite leak */
  return 0;
}
