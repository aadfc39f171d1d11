/* A minimal HTTP/1.1 client for the emulator on 127.0.0.1 (admin API and the
 * firmware-flow test). Loopback only; one request per connection. */
#ifndef CNVISION_TEST_EMU_H
#define CNVISION_TEST_EMU_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* Port of "http://127.0.0.1:PORT"; 0 when not of that form. */
static int emu_port(const char *base_url) {
  const char *prefix = "http://127.0.0.1:";
  if (strncmp(base_url, prefix, strlen(prefix)) != 0) return 0;
  return atoi(base_url + strlen(prefix));
}

/* Sends METHOD PATH with extra header lines (each ending in \r\n) and a body;
 * returns the HTTP status (or -1) and, in *body_out (malloc'd, NUL-terminated;
 * free it), the response body. */
static int emu_http(int port, const char *method, const char *path, const char *extra_headers,
                    const char *body, size_t body_len, char **body_out, size_t *body_out_len) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  char head[2048];
  int n = snprintf(head, sizeof head,
                   "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n"
                   "Content-Type: application/json\r\nContent-Length: %zu\r\n%s\r\n",
                   method, path, port, body_len, extra_headers ? extra_headers : "");
  if (n <= 0 || (size_t)n >= sizeof head || write(fd, head, (size_t)n) != n) {
    close(fd);
    return -1;
  }
  size_t sent = 0;
  while (sent < body_len) {
    ssize_t w = write(fd, body + sent, body_len - sent);
    if (w <= 0) {
      close(fd);
      return -1;
    }
    sent += (size_t)w;
  }
  size_t cap = 65536, len = 0;
  char *buf = malloc(cap + 1);
  for (;;) {
    if (len == cap) {
      cap *= 2;
      buf = realloc(buf, cap + 1);
    }
    ssize_t r = read(fd, buf + len, cap - len);
    if (r <= 0) break;
    len += (size_t)r;
  }
  close(fd);
  buf[len] = '\0';
  int status = -1;
  if (sscanf(buf, "HTTP/1.%*d %d", &status) != 1) status = -1;
  char *start = strstr(buf, "\r\n\r\n");
  const char *payload = start ? start + 4 : "";
  size_t payload_len = start ? len - (size_t)(payload - buf) : 0;
  if (body_out) {
    char *copy = malloc(payload_len + 1);
    memcpy(copy, payload, payload_len);
    copy[payload_len] = '\0';
    *body_out = copy;
    if (body_out_len) *body_out_len = payload_len;
  }
  free(buf);
  return status;
}

/* POST an admin JSON body; returns the HTTP status. */
static int emu_admin(int port, const char *method, const char *path, const char *json) {
  char *out = NULL;
  int st = emu_http(port, method, path, NULL, json, json ? strlen(json) : 0, &out, NULL);
  free(out);
  return st;
}

/* The count of requests that reached operation `op`, or -1. */
static long emu_count(int port, const char *op) {
  char path[256];
  snprintf(path, sizeof path, "/__emulator/counts/%s", op);
  char *out = NULL;
  long count = -1;
  if (emu_http(port, "GET", path, NULL, NULL, 0, &out, NULL) == 200) {
    const char *c = strstr(out, "\"count\":");
    if (c) count = strtol(c + 8, NULL, 10);
  }
  free(out);
  return count;
}

#endif
