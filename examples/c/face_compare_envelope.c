/* Face compare (CTyun face v2, manual 002 §6.3.3) with the body sealed in the
 * SM2/SM4/HMAC-SM3 envelope (`decrypted: true`). The two images are passed as
 * bytes already in memory, as camera firmware holds frames.
 * Usage: face_compare_envelope IMAGE_A IMAGE_B
 * Needs CTYUN_ENVELOPE_PUBLIC_KEY besides the EOP credentials. */
#include "common.h"

static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  unsigned char *buf = NULL;
  if (fseek(f, 0, SEEK_END) == 0) {
    long n = ftell(f);
    if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL) {
      *len = fread(buf, 1, (size_t)n, f);
    }
  }
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s IMAGE_A IMAGE_B\n", argv[0]);
    return 2;
  }
  size_t len_a = 0, len_b = 0;
  unsigned char *a = read_file(argv[1], &len_a);
  unsigned char *b = read_file(argv[2], &len_b);
  cnvision_client *client = (a && b) ? client_from_env() : NULL;
  int rc = 1;
  if (client) {
    cnvision_media media[] = {
        {.field = "img1Base64", .data = a, .len = len_a, .path = NULL},
        {.field = "img2Base64", .data = b, .len = len_b, .path = NULL},
    };
    cnvision_call_options options = {.encrypt = true, .request_id = NULL};
    cnvision_response *resp = NULL;
    cnvision_error *err = NULL;
    cnvision_status st =
        cnvision_client_call(client, "ctyun.face.compare", NULL, 0, media, 2, &options, &resp, &err);
    if (st == CNVISION_STATUS_OK) {
      print_response(resp);
      rc = 0;
    } else {
      report_error("face compare", st, err);
    }
    cnvision_response_free(resp);
  } else if (!a || !b) {
    fprintf(stderr, "cannot read the images\n");
  }
  cnvision_client_free(client);
  free(a);
  free(b);
  return rc;
}
