/* Safety-helmet detection (CTyun safety production, manual 000 §4.3.1).
 * Usage: hat_detect IMAGE
 * Credentials and endpoints come from the environment (see cnvision_client_new_from_env). */
#include "common.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s IMAGE\n", argv[0]);
    return 2;
  }
  printf("cnvision %s (header %s)\n", cnvision_version(), CNVISION_VERSION);
  cnvision_client *client = client_from_env();
  if (!client) return 1;

  /* The image is read from the file and base64-encoded once, inside the library. */
  cnvision_media media[] = {{.field = "image", .data = NULL, .len = 0, .path = argv[1]}};
  cnvision_response *resp = NULL;
  cnvision_error *err = NULL;
  cnvision_status st = cnvision_client_call(client, "ctyun.safety.hat_detect", NULL, 0, media, 1, NULL, &resp, &err);
  int rc = 0;
  if (st == CNVISION_STATUS_OK) {
    print_response(resp);
  } else {
    report_error("hat_detect", st, err);
    rc = 1;
  }
  cnvision_response_free(resp);
  cnvision_client_free(client);
  return rc;
}
