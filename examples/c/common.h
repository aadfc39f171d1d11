/* Shared by the C examples: make a client and report errors. */
#ifndef CNVISION_EXAMPLE_COMMON_H
#define CNVISION_EXAMPLE_COMMON_H

#include <cnvision.h>
#include <stdio.h>
#include <stdlib.h>

/* Prints a failed call's details and frees the error object. */
static void report_error(const char *what, cnvision_status status, cnvision_error *err) {
  fprintf(stderr, "%s failed: %s (%u): %s", what, cnvision_status_name(status), (unsigned)status,
          err ? cnvision_error_message(err) : "");
  if (cnvision_error_provider_code(err)) fprintf(stderr, " [provider code %s]", cnvision_error_provider_code(err));
  if (cnvision_error_http_status(err)) fprintf(stderr, " [HTTP %u]", (unsigned)cnvision_error_http_status(err));
  if (cnvision_error_request_id(err)) fprintf(stderr, " [request id %s]", cnvision_error_request_id(err));
  fputc('\n', stderr);
  cnvision_error_free(err);
}

/* A client from the environment (CTYUN_*, HUAWEICLOUD_*, CNVISION_ENDPOINT_*). */
static cnvision_client *client_from_env(void) {
  cnvision_client *client = NULL;
  cnvision_error *err = NULL;
  cnvision_status st = cnvision_client_new_from_env(&client, &err);
  if (st != CNVISION_STATUS_OK) {
    report_error("cnvision_client_new_from_env", st, err);
    return NULL;
  }
  return client;
}

/* Prints what every example prints about a response. */
static void print_response(const cnvision_response *resp) {
  size_t len = 0;
  const char *result = cnvision_response_result_json(resp, &len);
  const char *rid = cnvision_response_request_id(resp);
  printf("operation %s: HTTP %u, request id %s\n", cnvision_response_operation(resp),
         (unsigned)cnvision_response_http_status(resp), rid ? rid : "(none)");
  printf("result (%zu bytes): %s\n", len, result);
}

#endif
