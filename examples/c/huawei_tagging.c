/* Huawei Cloud image tagging v2 (manual 004), AK/SK signed (SDK-HMAC-SHA256).
 * Usage: huawei_tagging IMAGE
 * Needs HUAWEICLOUD_SDK_AK, _SK, _PROJECT_ID and _REGION in the environment. */
#include "common.h"
#include <string.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s IMAGE\n", argv[0]);
    return 2;
  }
  cnvision_client *client = client_from_env();
  if (!client) return 1;
  const char *params = "{\"language\": \"zh\", \"threshold\": 60, \"limit\": 10}";
  cnvision_media media[] = {{.field = "image", .data = NULL, .len = 0, .path = argv[1]}};
  cnvision_response *resp = NULL;
  cnvision_error *err = NULL;
  cnvision_status st = cnvision_client_call(client, "huawei.image.tagging_v2", params, strlen(params), media, 1,
                                            NULL, &resp, &err);
  int rc = 0;
  if (st == CNVISION_STATUS_OK) {
    print_response(resp);
  } else {
    report_error("tagging", st, err);
    rc = 1;
  }
  cnvision_response_free(resp);
  cnvision_client_free(client);
  return rc;
}
