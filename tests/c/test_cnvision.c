/* The C ABI test: every exported function, every error path, against the
 * emulator. Run under valgrind and in an AddressSanitizer build by
 * scripts/test-all.d/c-abi.sh.
 *
 * Usage: test_cnvision BASE_URL MEDIA_DIR
 *   BASE_URL  the emulator, http://127.0.0.1:PORT
 *   MEDIA_DIR tests/fixtures/media
 * Prints one line per check and ends with "N passed, M failed". */
#define _GNU_SOURCE
#include <cnvision.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"

static int passed = 0, failed = 0;
static int port = 0;
static char base_url[128];
static char media_dir[512];
static char envelope_key[256];

#define CHECK(cond, ...)                                   \
  do {                                                     \
    if (cond) {                                            \
      passed++;                                            \
    } else {                                               \
      failed++;                                            \
      printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
      printf(__VA_ARGS__);                                 \
      printf("\n");                                        \
    }                                                      \
  } while (0)

/* Checks a status and the error object's status; frees the error. */
static void expect(cnvision_status got, cnvision_status want, cnvision_error *err, const char *what) {
  CHECK(got == want, "%s: status %s (%u), want %s: %s", what, cnvision_status_name(got), (unsigned)got,
        cnvision_status_name(want), err ? cnvision_error_message(err) : "(no error object)");
  if (want != CNVISION_STATUS_OK) {
    CHECK(err != NULL, "%s: no error object", what);
    CHECK(cnvision_error_status(err) == want, "%s: error object status %u", what,
          (unsigned)cnvision_error_status(err));
    CHECK(cnvision_error_message(err) && cnvision_error_message(err)[0], "%s: empty message", what);
  } else {
    CHECK(err == NULL, "%s: error object on success", what);
  }
  cnvision_error_free(err);
}

static char *path_of(const char *name) {
  static char buf[4][1024];
  static int next = 0;
  char *p = buf[next++ % 4];
  snprintf(p, sizeof buf[0], "%s/%s", media_dir, name);
  return p;
}

static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *buf = malloc((size_t)n);
  *len = fread(buf, 1, (size_t)n, f);
  fclose(f);
  return buf;
}

/* The string value of "key":"..." in JSON text (no escapes), copied into out. */
static int json_str(const char *json, const char *key, char *out, size_t cap) {
  char pat[128];
  snprintf(pat, sizeof pat, "\"%s\":\"", key);
  const char *s = strstr(json, pat);
  if (!s) return 0;
  s += strlen(pat);
  const char *e = strchr(s, '"');
  if (!e || (size_t)(e - s) >= cap) return 0;
  memcpy(out, s, (size_t)(e - s));
  out[e - s] = '\0';
  return 1;
}

static char config[4096];

static void make_config(void) {
  snprintf(config, sizeof config,
           "{\"endpoint\": \"%s\","
           " \"ctyun_eop\": {\"ak\": \"emu0eop0ak0000000000000000000001\","
           "   \"sk\": \"emu0eop0sk0000000000000000000001\", \"app_key\": \"emu0appkey00000000000000000000001\"},"
           " \"ctyun_app\": {\"app_key\": \"emu-legacy-appkey\", \"app_secret\": \"emu-legacy-appsecret\"},"
           " \"envelope_public_key\": \"%s\","
           " \"huawei_aksk\": {\"ak\": \"EMUHUAWEIAK0000000001\", \"sk\": \"emuHuaweiSecretKey00000000000000000000001\"},"
           " \"huawei_project_id\": \"0e8b8c0a1f2d4e5f8a9b0c1d2e3f4a5b\", \"huawei_region\": \"cn-north-4\","
           " \"rate_limits\": {\"safety\": \"unlimited\", \"face\": \"unlimited\", \"huawei\": \"unlimited\"},"
           " \"timeouts_ms\": {\"connect\": 2000, \"read\": 3000},"
           " \"retry\": {\"max_attempts\": 2, \"base_delay_ms\": 1, \"max_delay_ms\": 5}}",
           base_url, envelope_key);
}

static cnvision_client *new_client(const char *json) {
  cnvision_client *c = NULL;
  cnvision_error *err = NULL;
  cnvision_status st = cnvision_client_new(json, strlen(json), &c, &err);
  expect(st, CNVISION_STATUS_OK, err, "cnvision_client_new");
  return c;
}

/* ---- library-level functions ------------------------------------------------ */

static void test_version_status_catalog(void) {
  CHECK(strcmp(cnvision_version(), CNVISION_VERSION) == 0, "version %s vs header %s", cnvision_version(),
        CNVISION_VERSION);
  char v[32];
  snprintf(v, sizeof v, "%d.%d.%d", CNVISION_VERSION_MAJOR, CNVISION_VERSION_MINOR, CNVISION_VERSION_PATCH);
  CHECK(strcmp(v, CNVISION_VERSION) == 0, "version macros %s", v);
  CHECK(strcmp(cnvision_status_name(CNVISION_STATUS_OK), "ok") == 0, "name 0");
  CHECK(strcmp(cnvision_status_name(CNVISION_STATUS_CRYPTO), "crypto") == 0, "name 8");
  CHECK(strcmp(cnvision_status_name(CNVISION_STATUS_NULL_ARGUMENT), "null_argument") == 0, "name 100");
  CHECK(strcmp(cnvision_status_name(12345), "unknown") == 0, "unknown status");

  char *cat = NULL;
  size_t len = 0;
  cnvision_error *err = NULL;
  {
    cnvision_status st_ = cnvision_catalog_json(&cat, &len, &err);
    expect(st_, CNVISION_STATUS_OK, err, "catalog");
  }
  CHECK(cat && strlen(cat) == len && cat[0] == '[', "catalog text");
  CHECK(cat && strstr(cat, "\"ctyun.safety.hat_detect\"") && strstr(cat, "\"huawei.image.tagging_v2\""),
        "catalog ids");
  cnvision_string_free(cat);
  err = NULL;
  {
    cnvision_status st_ = cnvision_catalog_json(NULL, &len, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "catalog NULL out");
  }
  CHECK(cnvision_catalog_json(NULL, NULL, NULL) == CNVISION_STATUS_NULL_ARGUMENT, "status without error object");

  /* Every _free and accessor accepts NULL. */
  cnvision_string_free(NULL);
  cnvision_error_free(NULL);
  cnvision_headers_free(NULL);
  cnvision_envelope_free(NULL);
  cnvision_client_free(NULL);
  cnvision_response_free(NULL);
  CHECK(cnvision_error_status(NULL) == CNVISION_STATUS_NULL_ARGUMENT, "error_status NULL");
  CHECK(cnvision_error_message(NULL) == NULL && cnvision_error_provider_code(NULL) == NULL &&
            cnvision_error_request_id(NULL) == NULL && cnvision_error_http_status(NULL) == 0,
        "error accessors NULL");
  CHECK(cnvision_response_operation(NULL) == NULL && cnvision_response_http_status(NULL) == 0 &&
            cnvision_response_request_id(NULL) == NULL && cnvision_response_provider_code(NULL) == NULL &&
            cnvision_response_message(NULL) == NULL && cnvision_response_result_json(NULL, NULL) == NULL &&
            cnvision_response_body_json(NULL, NULL) == NULL && cnvision_response_binary_count(NULL) == 0 &&
            cnvision_response_subject_token(NULL) == NULL,
        "response accessors NULL");
  CHECK(cnvision_headers_count(NULL) == 0 && cnvision_headers_find(NULL, "x") == NULL, "headers NULL");
  CHECK(cnvision_envelope_body(NULL, &len) == NULL, "envelope body NULL");
}

/* ---- local validation and body building -------------------------------------- */

static void test_validate_and_body(void) {
  cnvision_error *err = NULL;
  cnvision_media jpg = {"image", NULL, 0, path_of("image_640x480_exif.jpg")};
  {
    cnvision_status st_ = cnvision_validate("ctyun.safety.hat_detect", NULL, 0, &jpg, 1, &err);
    expect(st_, CNVISION_STATUS_OK, err, "validate ok");
  }

  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("no.such.operation", NULL, 0, &jpg, 1, &err);
    expect(st_, CNVISION_STATUS_INVALID_INPUT, err, "unknown operation");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate(NULL, NULL, 0, &jpg, 1, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "NULL operation");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("\xff\xfe", NULL, 0, &jpg, 1, &err);
    expect(st_, CNVISION_STATUS_INVALID_UTF8, err, "operation not UTF-8");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("ctyun.safety.hat_detect", "{\"a\":", 5, &jpg, 1, &err);
    expect(st_, CNVISION_STATUS_INVALID_JSON, err, "bad params JSON");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("ctyun.safety.hat_detect", "[]", 2, &jpg, 1, &err);
    expect(st_, CNVISION_STATUS_INVALID_JSON, err, "params not an object");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("ctyun.safety.hat_detect", "{\"x\":\xff}", 6, &jpg, 1, &err);
    expect(st_, CNVISION_STATUS_INVALID_UTF8, err, "params not UTF-8");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("ctyun.safety.hat_detect", NULL, 3, &jpg, 1, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "params NULL with length");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("ctyun.safety.hat_detect", "{}", (size_t)-1, &jpg, 1, &err);
    expect(st_, CNVISION_STATUS_INVALID_LENGTH, err, "impossible params length");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("ctyun.safety.hat_detect", NULL, 0, NULL, 1, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "media NULL with count");
  }
  cnvision_media no_field = {NULL, NULL, 0, jpg.path};
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("ctyun.safety.hat_detect", NULL, 0, &no_field, 1, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "media field NULL");
  }
  cnvision_media both = {"image", (const uint8_t *)"x", 1, jpg.path};
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("ctyun.safety.hat_detect", NULL, 0, &both, 1, &err);
    expect(st_, CNVISION_STATUS_INVALID_INPUT, err, "media data and path");
  }
  cnvision_media null_data = {"image", NULL, 10, NULL};
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("ctyun.safety.hat_detect", NULL, 0, &null_data, 1, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "media data NULL with length");
  }
  /* Invalid input: a video where an image is required, a missing image, a text file. */
  cnvision_media video = {"image", NULL, 0, path_of("video_1s_10fps.mp4")};
  err = NULL;
  cnvision_status st = cnvision_validate("ctyun.safety.hat_detect", NULL, 0, &video, 1, &err);
  CHECK(st == CNVISION_STATUS_INVALID_INPUT && strstr(cnvision_error_message(err), "image"),
        "video as image: %u %s", (unsigned)st, cnvision_error_message(err));
  cnvision_error_free(err);
  err = NULL;
  {
    cnvision_status st_ = cnvision_validate("ctyun.safety.hat_detect", NULL, 0, NULL, 0, &err);
    expect(st_, CNVISION_STATUS_INVALID_INPUT, err, "missing image");
  }
  cnvision_media missing_file = {"image", NULL, 0, path_of("does-not-exist.jpg")};
  err = NULL;
  st = cnvision_validate("ctyun.safety.hat_detect", NULL, 0, &missing_file, 1, &err);
  CHECK(st != CNVISION_STATUS_OK && err != NULL, "missing file accepted");
  cnvision_error_free(err);

  /* Body building. */
  char *body = NULL;
  size_t len = 0;
  err = NULL;
  {
    cnvision_status st_ = cnvision_body_build("ctyun.safety.hat_detect", NULL, 0, &jpg, 1, &body, &len, &err);
    expect(st_, CNVISION_STATUS_OK, err, "body_build");
  }
  CHECK(body && strlen(body) == len && strstr(body, "\"image\":\"/9j/"), "body has base64 JPEG: %.40s",
        body ? body : "");
  cnvision_string_free(body);
  err = NULL;
  {
    cnvision_status st_ = cnvision_body_build("ctyun.safety.hat_detect", NULL, 0, &jpg, 1, NULL, &len, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "body_build NULL out");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_body_build("nope", NULL, 0, &jpg, 1, &body, &len, &err);
    expect(st_, CNVISION_STATUS_INVALID_INPUT, err, "body_build unknown operation");
  }
}

/* ---- signing ----------------------------------------------------------------- */

static void test_sign(void) {
  struct {
    const char *json;
    const char *header;
  } ok[] = {
      {"{\"scheme\":\"eop\",\"method\":\"POST\",\"path\":\"/v1/aiop/api/x\","
       "\"credentials\":{\"ak\":\"ak\",\"sk\":\"sk\",\"app_key\":\"app\"},\"time_unix_ms\":1700000000000}",
       "Eop-Authorization"},
      {"{\"scheme\":\"ctyun_md5\",\"method\":\"POST\",\"path\":\"/v1/aiop/api/svc/x\","
       "\"credentials\":{\"app_key\":\"k\",\"app_secret\":\"s\"}}",
       "Sign"},
      {"{\"scheme\":\"ctyun_hmac\",\"method\":\"POST\",\"path\":\"/face_detect.json\","
       "\"credentials\":{\"app_key\":\"k\",\"app_secret\":\"s\"}}",
       "Authorization"},
      {"{\"scheme\":\"apig\",\"method\":\"POST\",\"path\":\"/v2/p/image/tagging\","
       "\"headers\":[[\"Content-Type\",\"application/json\"]],"
       "\"credentials\":{\"ak\":\"AK\",\"sk\":\"SK\"},"
       "\"apig\":{\"algorithm\":\"SDK-HMAC-SHA256\",\"host\":\"image.cn-north-4.myhuaweicloud.com\"}}",
       "Authorization"},
      {"{\"scheme\":\"apig\",\"method\":\"GET\",\"path\":\"/v3/projects\",\"query\":[[\"name\",\"cn-north-4\"]],"
       "\"credentials\":{\"ak\":\"AK\",\"sk\":\"SK\"},"
       "\"apig\":{\"algorithm\":\"SDK-HMAC-SM3\",\"host\":\"iam.cn-north-4.myhuaweicloud.com\"}}",
       "Authorization"},
  };
  const char *body = "{\"image\":\"aGVsbG8=\"}";
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    cnvision_headers *h = NULL;
    cnvision_error *err = NULL;
    cnvision_status st =
        cnvision_sign(ok[i].json, strlen(ok[i].json), (const uint8_t *)body, strlen(body), &h, &err);
    expect(st, CNVISION_STATUS_OK, err, ok[i].json);
    CHECK(cnvision_headers_count(h) >= 2, "sign %zu: %zu headers", i, cnvision_headers_count(h));
    const char *v = cnvision_headers_find(h, ok[i].header);
    CHECK(v && v[0], "sign %zu: header %s", i, ok[i].header);
    const char *name = NULL, *value = NULL;
    err = NULL;
    {
      cnvision_status st_ = cnvision_headers_get(h, 0, &name, &value, &err);
      expect(st_, CNVISION_STATUS_OK, err, "headers_get");
    }
    CHECK(name && value, "header 0");
    err = NULL;
    {
      cnvision_status st_ = cnvision_headers_get(h, 99, &name, &value, &err);
      expect(st_, CNVISION_STATUS_INDEX_OUT_OF_RANGE, err, "headers_get out of range");
    }
    err = NULL;
    {
      cnvision_status st_ = cnvision_headers_get(h, 0, NULL, &value, &err);
      expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "headers_get NULL out");
    }
    CHECK(cnvision_headers_find(h, "No-Such-Header") == NULL, "find absent");
    CHECK(cnvision_headers_find(h, NULL) == NULL, "find NULL name");
    cnvision_headers_free(h);
  }
  /* Deterministic: the EOP signature at a fixed time and request id is stable. */
  const char *fixed = "{\"scheme\":\"eop\",\"method\":\"POST\",\"path\":\"/v1/x\","
                      "\"credentials\":{\"ak\":\"ak\",\"sk\":\"sk\"},\"time_unix_ms\":1700000000000,"
                      "\"eop\":{\"request_id\":\"rid-1\",\"signed_headers\":[\"ctyun-eop-request-id\",\"eop-date\"]}}";
  cnvision_headers *h1 = NULL, *h2 = NULL;
  expect(cnvision_sign(fixed, strlen(fixed), NULL, 0, &h1, NULL), CNVISION_STATUS_OK, NULL, "sign fixed 1");
  expect(cnvision_sign(fixed, strlen(fixed), NULL, 0, &h2, NULL), CNVISION_STATUS_OK, NULL, "sign fixed 2");
  const char *a1 = cnvision_headers_find(h1, "eop-authorization");
  const char *a2 = cnvision_headers_find(h2, "Eop-Authorization");
  CHECK(a1 && a2 && strcmp(a1, a2) == 0, "deterministic EOP signature");
  CHECK(cnvision_headers_find(h1, "eop-date") && strcmp(cnvision_headers_find(h1, "eop-date"), "20231115T061320Z") == 0,
        "eop-date in Beijing time: %s", cnvision_headers_find(h1, "eop-date"));
  cnvision_headers_free(h1);
  cnvision_headers_free(h2);

  struct {
    const char *json;
    cnvision_status want;
  } bad[] = {
      {"{\"scheme\":\"rot13\",\"method\":\"GET\",\"path\":\"/\",\"credentials\":{}}", CNVISION_STATUS_INVALID_INPUT},
      {"{\"scheme\":\"eop\",\"method\":\"GET\",\"path\":\"/\"}", CNVISION_STATUS_INVALID_JSON},
      {"{\"scheme\":\"eop\",\"method\":\"GET\",\"path\":\"/\",\"credentials\":{\"ak\":1}}",
       CNVISION_STATUS_INVALID_JSON},
      {"{\"scheme\":", CNVISION_STATUS_INVALID_JSON},
      {"{\"scheme\":\"ctyun_md5\",\"method\":\"POST\",\"path\":\"/elsewhere\","
       "\"credentials\":{\"app_key\":\"k\",\"app_secret\":\"s\"}}",
       CNVISION_STATUS_INVALID_INPUT},
      {"{\"scheme\":\"apig\",\"method\":\"GET\",\"path\":\"/\",\"credentials\":{\"ak\":\"a\",\"sk\":\"s\"},"
       "\"apig\":{\"algorithm\":\"MD4\"}}",
       CNVISION_STATUS_INVALID_INPUT},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    cnvision_headers *h = NULL;
    cnvision_error *err = NULL;
    {
      cnvision_status st_ = cnvision_sign(bad[i].json, strlen(bad[i].json), NULL, 0, &h, &err);
      expect(st_, bad[i].want, err, bad[i].json);
    }
    CHECK(h == NULL, "output written on failure");
  }
  cnvision_error *err = NULL;
  {
    cnvision_status st_ = cnvision_sign(NULL, 0, NULL, 0, &h1, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "sign NULL request");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_sign(fixed, strlen(fixed), NULL, 0, NULL, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "sign NULL out");
  }
}

/* ---- envelope, and the whole firmware flow against the emulator --------------- */

static void test_envelope_and_firmware_flow(void) {
  cnvision_envelope *env = NULL;
  cnvision_error *err = NULL;
  const char *plain = "{\"k\":1}";
  {
    cnvision_status st_ = cnvision_envelope_seal("not a key", (const uint8_t *)plain, strlen(plain), &env, &err);
    expect(st_, CNVISION_STATUS_CONFIGURATION, err, "seal with bad key");
  }
  CHECK(env == NULL, "no envelope on failure");
  err = NULL;
  {
    cnvision_status st_ = cnvision_envelope_seal(NULL, (const uint8_t *)plain, strlen(plain), &env, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "seal NULL key");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_envelope_seal(envelope_key, (const uint8_t *)plain, strlen(plain), NULL, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "seal NULL out");
  }

  /* Build the body, seal it, sign it, send it with our own HTTP code, open the answer. */
  cnvision_media jpg = {"image", NULL, 0, path_of("image_640x480_exif.jpg")};
  char *body = NULL;
  size_t body_len = 0;
  expect(cnvision_body_build("ctyun.safety.hat_detect", NULL, 0, &jpg, 1, &body, &body_len, NULL),
         CNVISION_STATUS_OK, NULL, "firmware body");
  err = NULL;
  {
    cnvision_status st_ = cnvision_envelope_seal(envelope_key, (const uint8_t *)body, body_len, &env, &err);
    expect(st_, CNVISION_STATUS_OK, err, "seal");
  }
  size_t sealed_len = 0;
  const uint8_t *sealed = cnvision_envelope_body(env, &sealed_len);
  CHECK(sealed && sealed_len > body_len && memmem(sealed, sealed_len, "ciphertextBlob", 14), "sealed body");
  CHECK(cnvision_envelope_body(env, NULL) == NULL, "envelope body NULL len_out");

  const char *path = "/v1/aiop/api/2f3uquanbrpc/SafeHat/base/hat_detect";
  char spec[1024];
  snprintf(spec, sizeof spec,
           "{\"scheme\":\"eop\",\"method\":\"POST\",\"path\":\"%s\","
           "\"headers\":[[\"decrypted\",\"true\"]],"
           "\"credentials\":{\"ak\":\"emu0eop0ak0000000000000000000001\",\"sk\":\"emu0eop0sk0000000000000000000001\","
           "\"app_key\":\"emu0appkey00000000000000000000001\"}}",
           path);
  cnvision_headers *h = NULL;
  err = NULL;
  {
    cnvision_status st_ = cnvision_sign(spec, strlen(spec), sealed, sealed_len, &h, &err);
    expect(st_, CNVISION_STATUS_OK, err, "sign sealed");
  }
  char extra[2048] = "decrypted: true\r\n";
  for (size_t i = 0; i < cnvision_headers_count(h); i++) {
    const char *n = NULL, *v = NULL;
    cnvision_headers_get(h, i, &n, &v, NULL);
    size_t used = strlen(extra);
    snprintf(extra + used, sizeof extra - used, "%s: %s\r\n", n, v);
  }
  cnvision_headers_free(h);
  char *answer = NULL;
  size_t answer_len = 0;
  int http = emu_http(port, "POST", path, extra, (const char *)sealed, sealed_len, &answer, &answer_len);
  CHECK(http == 200, "firmware POST: HTTP %d %s", http, answer ? answer : "");
  CHECK(answer && strstr(answer, "encryptedResult"), "sealed answer: %.120s", answer ? answer : "");

  char *opened = NULL;
  size_t opened_len = 0;
  err = NULL;
  {
    cnvision_status st_ = cnvision_envelope_open(env, (const uint8_t *)answer, answer_len, &opened, &opened_len, &err);
    expect(st_, CNVISION_STATUS_OK, err, "open answer");
  }
  CHECK(opened && strlen(opened) == opened_len && strstr(opened, "\"statusCode\""), "opened: %.120s",
        opened ? opened : "");
  cnvision_string_free(opened);

  /* Tamper one character inside encryptedResult: verification must fail. */
  char *tampered = malloc(answer_len + 1);
  memcpy(tampered, answer, answer_len + 1);
  char *r = strstr(tampered, "\"encryptedResult\":\"");
  if (r) {
    char *c = r + strlen("\"encryptedResult\":\"") + 4;
    *c = (*c == 'A') ? 'B' : 'A';
  }
  opened = NULL;
  err = NULL;
  {
    cnvision_status st_ = cnvision_envelope_open(env, (const uint8_t *)tampered, answer_len, &opened, &opened_len, &err);
    expect(st_, CNVISION_STATUS_CRYPTO, err, "open tampered answer");
  }
  CHECK(opened == NULL, "no output on failure");
  err = NULL;
  {
    cnvision_status st_ = cnvision_envelope_open(env, (const uint8_t *)"not json", 8, &opened, NULL, &err);
    expect(st_, CNVISION_STATUS_CRYPTO, err, "open garbage");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_envelope_open(NULL, (const uint8_t *)answer, answer_len, &opened, NULL, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "open NULL envelope");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_envelope_open(env, (const uint8_t *)answer, answer_len, NULL, NULL, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "open NULL out");
  }
  free(tampered);
  free(answer);
  cnvision_envelope_free(env);
  cnvision_string_free(body);
}

/* ---- client configuration ---------------------------------------------------- */

static void test_client_new(void) {
  cnvision_client *c = NULL;
  cnvision_error *err = NULL;
  {
    cnvision_status st_ = cnvision_client_new("{}", 2, NULL, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "client_new NULL out");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_new("{\"endpoint\":", 12, &c, &err);
    expect(st_, CNVISION_STATUS_INVALID_JSON, err, "config bad JSON");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_new("[1]", 3, &c, &err);
    expect(st_, CNVISION_STATUS_INVALID_JSON, err, "config not object");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_new("{\"\xc3\x28\":1}", 8, &c, &err);
    expect(st_, CNVISION_STATUS_INVALID_UTF8, err, "config UTF-8");
  }
  err = NULL;
  const char *typo = "{\"ctyun_eopp\": {}}";
  {
    cnvision_status st_ = cnvision_client_new(typo, strlen(typo), &c, &err);
    expect(st_, CNVISION_STATUS_CONFIGURATION, err, "config typo");
  }
  const char *sk_only = "{\"huawei_aksk\": {\"ak\": \"\", \"sk\": \"SECRET-NOT-SHOWN\"}}";
  err = NULL;
  cnvision_status st = cnvision_client_new(sk_only, strlen(sk_only), &c, &err);
  CHECK(st == CNVISION_STATUS_CONFIGURATION && !strstr(cnvision_error_message(err), "SECRET-NOT-SHOWN"),
        "empty AK: %u %s", (unsigned)st, cnvision_error_message(err));
  cnvision_error_free(err);
  CHECK(c == NULL, "no client on failure");
  /* NULL with length 0 = all defaults. */
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_new(NULL, 0, &c, &err);
    expect(st_, CNVISION_STATUS_OK, err, "client defaults");
  }
  cnvision_client_free(c);

  /* From the environment: start from none of the variables, then an incomplete
   * key set (a configuration error), then a complete one pointed at the emulator. */
  const char *vars[] = {"CTYUN_AK", "CTYUN_SK", "CTYUN_APP_KEY", "CTYUN_APP_SECRET", "CTYUN_ENVELOPE_PUBLIC_KEY",
                        "HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_PROJECT_ID",
                        "HUAWEICLOUD_SDK_REGION", "HUAWEICLOUD_IAM_USERNAME", "HUAWEICLOUD_IAM_PASSWORD",
                        "HUAWEICLOUD_IAM_DOMAIN", "CNVISION_ENDPOINT_CTYUN_EOP", "CNVISION_ENDPOINT_CTYUN_AIOP",
                        "CNVISION_ENDPOINT_CTYUN_2019", "CNVISION_ENDPOINT_HUAWEI_IMAGE",
                        "CNVISION_ENDPOINT_HUAWEI_IAM", "CNVISION_PROXY", "CNVISION_CA_FILE"};
  for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) unsetenv(vars[i]);
  c = NULL;
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_new_from_env(&c, &err);
    expect(st_, CNVISION_STATUS_OK, err, "env empty");
  }
  cnvision_client_free(c);
  setenv("CTYUN_AK", "emu0eop0ak0000000000000000000001", 1);
  c = NULL;
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_new_from_env(&c, &err);
    expect(st_, CNVISION_STATUS_CONFIGURATION, err, "env incomplete");
  }
  CHECK(c == NULL, "no client on failure");
  setenv("CTYUN_SK", "emu0eop0sk0000000000000000000001", 1);
  setenv("CTYUN_APP_KEY", "emu0appkey00000000000000000000001", 1);
  setenv("CNVISION_ENDPOINT_CTYUN_EOP", base_url, 1);
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_new_from_env(&c, &err);
    expect(st_, CNVISION_STATUS_OK, err, "env complete");
  }
  cnvision_media jpg = {"image", NULL, 0, path_of("image_640x480_exif.jpg")};
  cnvision_response *resp = NULL;
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(c, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_OK, err, "call with the client from the environment");
  }
  cnvision_response_free(resp);
  cnvision_client_free(c);
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_new_from_env(NULL, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "env NULL out");
  }
}

/* ---- calls against the emulator ---------------------------------------------- */

static void test_calls(cnvision_client *client) {
  cnvision_media jpg = {"image", NULL, 0, path_of("image_640x480_exif.jpg")};
  cnvision_response *resp = NULL;
  cnvision_error *err = NULL;

  /* Hard-hat detection with a caller-chosen request id. */
  cnvision_call_options opts = {false, "c-test-request-1"};
  {
    cnvision_status st_ = cnvision_client_call(client, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, &opts, &resp, &err);
    expect(st_, CNVISION_STATUS_OK, err, "hat_detect");
  }
  CHECK(cnvision_response_http_status(resp) == 200, "HTTP %u", (unsigned)cnvision_response_http_status(resp));
  CHECK(strcmp(cnvision_response_operation(resp), "ctyun.safety.hat_detect") == 0, "operation");
  const char *rid = cnvision_response_request_id(resp);
  CHECK(rid && strcmp(rid, "c-test-request-1") == 0, "request id %s", rid ? rid : "(null)");
  size_t rlen = 0, blen = 0;
  const char *result = cnvision_response_result_json(resp, &rlen);
  const char *body = cnvision_response_body_json(resp, &blen);
  CHECK(result && strlen(result) == rlen && rlen > 2, "result %s", result ? result : "");
  CHECK(body && strlen(body) == blen && blen >= rlen, "body");
  const char *code = cnvision_response_provider_code(resp);
  const char *message = cnvision_response_message(resp);
  CHECK(!code || strcmp(code, "0") == 0, "provider code %s", code);
  CHECK(!message || message[0], "message");
  CHECK(cnvision_response_binary_count(resp) == 0, "no binaries");
  const char *ptr = NULL;
  const uint8_t *data = NULL;
  size_t dlen = 0;
  err = NULL;
  {
    cnvision_status st_ = cnvision_response_binary(resp, 0, &ptr, &data, &dlen, &err);
    expect(st_, CNVISION_STATUS_INDEX_OUT_OF_RANGE, err, "binary out of range");
  }
  cnvision_response_free(resp);

  /* Validation through the client: nothing is sent. */
  long before = emu_count(port, "ctyun.safety.hat_detect");
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_validate(client, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, &err);
    expect(st_, CNVISION_STATUS_OK, err, "client_validate");
  }
  cnvision_media gif_as_face = {"img1Base64", NULL, 0, path_of("image_9x7.gif")};
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_validate(client, "ctyun.face.compare", NULL, 0, &gif_as_face, 1, &err);
    expect(st_, CNVISION_STATUS_INVALID_INPUT, err, "client_validate invalid");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_validate(NULL, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "client_validate NULL client");
  }
  resp = NULL;
  err = NULL;
  cnvision_media text = {"image", (const uint8_t *)"plain text, not an image", 25, NULL};
  {
    cnvision_status st_ = cnvision_client_call(client, "ctyun.safety.hat_detect", NULL, 0, &text, 1, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_INVALID_INPUT, err, "call invalid input");
  }
  CHECK(resp == NULL, "no response on failure");
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(client, "ctyun.nope", NULL, 0, &jpg, 1, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_INVALID_INPUT, err, "call unknown operation");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(client, "ctyun.safety.hat_detect", "{", 1, &jpg, 1, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_INVALID_JSON, err, "call bad JSON");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(NULL, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "call NULL client");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(client, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, NULL, NULL, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "call NULL out");
  }
  CHECK(emu_count(port, "ctyun.safety.hat_detect") == before, "invalid calls were not sent");

  /* Face compare with the envelope, images as bytes. */
  size_t alen = 0;
  unsigned char *a = read_file(path_of("image_640x480_exif.jpg"), &alen);
  cnvision_media faces[] = {{"img1Base64", a, alen, NULL}, {"img2Base64", a, alen, NULL}};
  cnvision_call_options enc = {true, NULL};
  resp = NULL;
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(client, "ctyun.face.compare", NULL, 0, faces, 2, &enc, &resp, &err);
    expect(st_, CNVISION_STATUS_OK, err, "face compare encrypted");
  }
  CHECK(cnvision_response_result_json(resp, NULL) && strstr(cnvision_response_result_json(resp, NULL), "Score"),
        "compare result %s", cnvision_response_result_json(resp, NULL));
  cnvision_response_free(resp);

  /* Tampered envelope answer. */
  CHECK(emu_admin(port, "POST", "/__emulator/faults", "{\"op\":\"ctyun.face.compare\",\"kind\":\"tamper_result\"}") ==
            200,
        "arm tamper");
  resp = NULL;
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(client, "ctyun.face.compare", NULL, 0, faces, 2, &enc, &resp, &err);
    expect(st_, CNVISION_STATUS_CRYPTO, err, "tampered envelope");
  }
  CHECK(emu_admin(port, "POST", "/__emulator/faults", "{\"op\":\"ctyun.face.compare\",\"kind\":\"tamper_hash\"}") ==
            200,
        "arm tamper hash");
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(client, "ctyun.face.compare", NULL, 0, faces, 2, &enc, &resp, &err);
    expect(st_, CNVISION_STATUS_CRYPTO, err, "tampered envelope hash");
  }
  free(a);

  /* Huawei tagging (AK/SK) and a binary result. */
  const char *params = "{\"language\":\"en\",\"limit\":5}";
  resp = NULL;
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(client, "huawei.image.tagging_v2", params, strlen(params), &jpg, 1, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_OK, err, "huawei tagging");
  }
  cnvision_response_free(resp);
  resp = NULL;
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(client, "huawei.image.super_resolution", NULL, 0, &jpg, 1, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_OK, err, "super resolution");
  }
  CHECK(cnvision_response_binary_count(resp) == 1, "binary count %zu", cnvision_response_binary_count(resp));
  ptr = NULL;
  data = NULL;
  err = NULL;
  {
    cnvision_status st_ = cnvision_response_binary(resp, 0, &ptr, &data, &dlen, &err);
    expect(st_, CNVISION_STATUS_OK, err, "binary 0");
  }
  CHECK(ptr && strcmp(ptr, "/result") == 0, "binary pointer %s", ptr ? ptr : "(null)");
  CHECK(data && dlen > 8 && memcmp(data, "\x89PNG", 4) == 0, "binary is PNG (%zu bytes)", dlen);
  err = NULL;
  {
    cnvision_status st_ = cnvision_response_binary(resp, 0, NULL, &data, &dlen, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "binary NULL out");
  }
  err = NULL;
  {
    cnvision_status st_ = cnvision_response_binary(NULL, 0, &ptr, &data, &dlen, &err);
    expect(st_, CNVISION_STATUS_NULL_ARGUMENT, err, "binary NULL response");
  }
  CHECK(cnvision_response_subject_token(resp) == NULL, "no subject token on an image operation");
  cnvision_response_free(resp);

  /* IAM token: the X-Subject-Token comes back through its own accessor. */
  resp = NULL;
  err = NULL;
  {
    const char *iam =
        "{\"/auth/identity/password/user/name\":\"emu-iam-user\","
        "\"/auth/identity/password/user/password\":\"emu-iam-password\","
        "\"/auth/identity/password/user/domain/name\":\"emu-iam-domain\","
        "\"/auth/scope/project/name\":\"cn-north-4\"}";
    cnvision_status st_ = cnvision_client_call(client, "huawei.iam.token", iam, strlen(iam), NULL, 0, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_OK, err, "iam token");
  }
  const char *token = cnvision_response_subject_token(resp);
  CHECK(token && strlen(token) > 16, "subject token present (%zu chars)", token ? strlen(token) : 0);
  cnvision_response_free(resp);

  /* Service error: an injected 503 with the gateway's internal-error body. */
  CHECK(emu_admin(port, "POST", "/__emulator/faults",
                  "{\"op\":\"ctyun.safety.hat_detect\",\"kind\":\"status\",\"status\":503}") == 200,
        "arm 503");
  resp = NULL;
  err = NULL;
  cnvision_status st = cnvision_client_call(client, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, NULL, &resp, &err);
  CHECK(st == CNVISION_STATUS_SERVICE, "503: %s %s", cnvision_status_name(st), cnvision_error_message(err));
  CHECK(cnvision_error_http_status(err) == 503, "503 http status %u", (unsigned)cnvision_error_http_status(err));
  CHECK(cnvision_error_provider_code(err) != NULL, "503 provider code");
  CHECK(cnvision_error_request_id(err) != NULL, "503 request id");
  cnvision_error_free(err);

  /* Throttled by the provider. */
  CHECK(emu_admin(port, "POST", "/__emulator/faults", "{\"op\":\"ctyun.safety.hat_detect\",\"kind\":\"throttle\"}") ==
            200,
        "arm throttle");
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(client, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_RATE_LIMITED, err, "throttled");
  }

  /* Network fault: the connection is closed without an answer (every attempt). */
  CHECK(emu_admin(port, "POST", "/__emulator/faults",
                  "{\"op\":\"ctyun.safety.hat_detect\",\"kind\":\"reset\",\"count\":5}") == 200,
        "arm reset");
  err = NULL;
  st = cnvision_client_call(client, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, NULL, &resp, &err);
  CHECK(st == CNVISION_STATUS_NETWORK, "reset: %s %s", cnvision_status_name(st), cnvision_error_message(err));
  CHECK(cnvision_error_http_status(err) == 0, "no HTTP status on a network fault");
  cnvision_error_free(err);
  emu_admin(port, "DELETE", "/__emulator/faults", NULL);

  /* Timeout: the answer comes after the 3 s read timeout. */
  CHECK(emu_admin(port, "POST", "/__emulator/faults",
                  "{\"op\":\"ctyun.safety.hat_detect\",\"kind\":\"delay\",\"ms\":4500}") == 200,
        "arm delay");
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(client, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_TIMEOUT, err, "timeout");
  }

  /* Malformed answer. */
  CHECK(emu_admin(port, "POST", "/__emulator/faults",
                  "{\"op\":\"ctyun.safety.hat_detect\",\"kind\":\"malformed_json\"}") == 200,
        "arm malformed");
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(client, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_PROTOCOL, err, "malformed answer");
  }
  emu_admin(port, "DELETE", "/__emulator/faults", NULL);

  /* Wrong credentials: the provider rejects the signature. */
  char wrong[4096];
  snprintf(wrong, sizeof wrong,
           "{\"endpoint\": \"%s\", \"ctyun_eop\": {\"ak\": \"emu0eop0ak0000000000000000000001\","
           " \"sk\": \"wrong-secret\", \"app_key\": \"emu0appkey00000000000000000000001\"}}",
           base_url);
  cnvision_client *bad = new_client(wrong);
  err = NULL;
  st = cnvision_client_call(bad, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, NULL, &resp, &err);
  CHECK(st == CNVISION_STATUS_AUTHENTICATION, "wrong sk: %s %s", cnvision_status_name(st),
        cnvision_error_message(err));
  CHECK(cnvision_error_http_status(err) == 401, "wrong sk HTTP %u", (unsigned)cnvision_error_http_status(err));
  CHECK(!strstr(cnvision_error_message(err), "wrong-secret"), "secret in message");
  cnvision_error_free(err);
  /* Missing credentials for a gateway. */
  err = NULL;
  {
    cnvision_status st_ = cnvision_client_call(bad, "huawei.image.tagging_v2", params, strlen(params), &jpg, 1, NULL, &resp, &err);
    expect(st_, CNVISION_STATUS_CONFIGURATION, err, "no Huawei credentials");
  }
  cnvision_client_free(bad);
}

/* ---- 8 threads sharing one client -------------------------------------------- */

#define THREADS 8
#define CALLS_PER_THREAD 5

struct worker {
  cnvision_client *client;
  int ok;
};

static void *work(void *arg) {
  struct worker *w = arg;
  cnvision_media jpg = {"image", NULL, 0, path_of("image_640x480_exif.jpg")};
  for (int i = 0; i < CALLS_PER_THREAD; i++) {
    cnvision_response *resp = NULL;
    cnvision_error *err = NULL;
    cnvision_status st =
        cnvision_client_call(w->client, "ctyun.safety.hat_detect", NULL, 0, &jpg, 1, NULL, &resp, &err);
    if (st == CNVISION_STATUS_OK && cnvision_response_http_status(resp) == 200) w->ok++;
    cnvision_response_free(resp);
    cnvision_error_free(err);
  }
  return NULL;
}

static void test_threads(cnvision_client *client) {
  long before = emu_count(port, "ctyun.safety.hat_detect");
  pthread_t threads[THREADS];
  struct worker workers[THREADS];
  for (int i = 0; i < THREADS; i++) {
    workers[i].client = client;
    workers[i].ok = 0;
    CHECK(pthread_create(&threads[i], NULL, work, &workers[i]) == 0, "pthread_create %d", i);
  }
  int total = 0;
  for (int i = 0; i < THREADS; i++) {
    pthread_join(threads[i], NULL);
    total += workers[i].ok;
  }
  CHECK(total == THREADS * CALLS_PER_THREAD, "threads: %d of %d calls succeeded", total,
        THREADS * CALLS_PER_THREAD);
  long after = emu_count(port, "ctyun.safety.hat_detect");
  CHECK(after - before == THREADS * CALLS_PER_THREAD, "emulator saw %ld calls", after - before);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s BASE_URL MEDIA_DIR\n", argv[0]);
    return 2;
  }
  snprintf(base_url, sizeof base_url, "%s", argv[1]);
  snprintf(media_dir, sizeof media_dir, "%s", argv[2]);
  port = emu_port(base_url);
  char *cfg = NULL;
  if (!port || emu_http(port, "GET", "/__emulator/config", NULL, NULL, 0, &cfg, NULL) != 200 ||
      !json_str(cfg, "sm2_public_key_spki_b64", envelope_key, sizeof envelope_key)) {
    fprintf(stderr, "emulator not reachable at %s\n", base_url);
    free(cfg);
    return 2;
  }
  free(cfg);
  emu_admin(port, "POST", "/__emulator/reset", NULL);
  make_config();

  test_version_status_catalog();
  test_validate_and_body();
  test_sign();
  test_envelope_and_firmware_flow();
  test_client_new();
  cnvision_client *client = new_client(config);
  if (client) {
    test_calls(client);
    test_threads(client);
  }
  cnvision_client_free(client);

  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
