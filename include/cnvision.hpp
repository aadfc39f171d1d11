// cnvision.hpp: header-only C++17 RAII wrapper over cnvision.h.
//
// - Every C object is owned by a move-only class that frees it in its destructor.
// - Failures throw cnvision::Error (a std::runtime_error) carrying the status,
//   provider code, HTTP status and request id of the C error object.
// - Views (std::string_view, Bytes) returned by Response, Headers and Envelope
//   are borrowed from that object: valid while it lives.
// - Client is safe to share between threads (const member functions only).
#ifndef CNVISION_HPP
#define CNVISION_HPP

#include "cnvision.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cnvision {

/// A failed call: what, status and the C error object's details.
class Error : public std::runtime_error {
 public:
  Error(cnvision_status status, std::string message, std::optional<std::string> provider_code,
        uint16_t http_status, std::optional<std::string> request_id)
      : std::runtime_error(std::move(message)),
        status_(status),
        provider_code_(std::move(provider_code)),
        http_status_(http_status),
        request_id_(std::move(request_id)) {}

  cnvision_status status() const noexcept { return status_; }
  /// Stable snake_case name of the status, e.g. "service".
  const char *status_name() const noexcept { return cnvision_status_name(status_); }
  const std::optional<std::string> &provider_code() const noexcept { return provider_code_; }
  /// 0 when no answer was received.
  uint16_t http_status() const noexcept { return http_status_; }
  const std::optional<std::string> &request_id() const noexcept { return request_id_; }

 private:
  cnvision_status status_;
  std::optional<std::string> provider_code_;
  uint16_t http_status_;
  std::optional<std::string> request_id_;
};

namespace detail {

inline std::optional<std::string> opt(const char *s) {
  return s ? std::optional<std::string>(s) : std::nullopt;
}

/// Throws for a non-OK status, consuming (freeing) the C error object.
inline void check(cnvision_status status, cnvision_error *err) {
  if (status == CNVISION_STATUS_OK) return;
  std::unique_ptr<cnvision_error, decltype(&cnvision_error_free)> owned(err, &cnvision_error_free);
  const char *msg = cnvision_error_message(err);
  throw Error(status, msg ? msg : cnvision_status_name(status),
              opt(cnvision_error_provider_code(err)), cnvision_error_http_status(err),
              opt(cnvision_error_request_id(err)));
}

/// Takes ownership of a `char *` from cnvision and returns it as std::string.
inline std::string take_string(char *s, size_t len) {
  std::unique_ptr<char, decltype(&cnvision_string_free)> owned(s, &cnvision_string_free);
  return std::string(s, len);
}

template <typename T, void (*Free)(T *)>
struct Deleter {
  void operator()(T *p) const noexcept { Free(p); }
};

}  // namespace detail

/// Borrowed bytes.
struct Bytes {
  const uint8_t *data = nullptr;
  size_t size = 0;
};

/// One media item: raw bytes or a file path, for a field (wire name). The
/// object owns copies of the field name and path; bytes are borrowed.
class Media {
 public:
  static Media bytes(std::string field, const void *data, size_t len) {
    Media m(std::move(field));
    m.data_ = static_cast<const uint8_t *>(data);
    m.len_ = len;
    return m;
  }
  static Media bytes(std::string field, const std::vector<uint8_t> &data) {
    return bytes(std::move(field), data.data(), data.size());
  }
  static Media file(std::string field, std::string path) {
    Media m(std::move(field));
    m.path_ = std::move(path);
    return m;
  }
  /// The C view; valid while this object lives.
  cnvision_media c() const {
    return cnvision_media{field_.c_str(), data_, len_, path_ ? path_->c_str() : nullptr};
  }

 private:
  explicit Media(std::string field) : field_(std::move(field)) {}
  std::string field_;
  const uint8_t *data_ = nullptr;
  size_t len_ = 0;
  std::optional<std::string> path_;
};

namespace detail {
inline std::vector<cnvision_media> c_media(const std::vector<Media> &media) {
  std::vector<cnvision_media> out;
  out.reserve(media.size());
  for (const auto &m : media) out.push_back(m.c());
  return out;
}
}  // namespace detail

/// Options of one call.
struct CallOptions {
  bool encrypt = false;
  std::optional<std::string> request_id;
};

/// One decoded binary result: JSON pointer into the body and the bytes.
struct Binary {
  std::string_view pointer;
  Bytes bytes;
};

/// A successful answer. Views are valid while the Response lives.
class Response {
 public:
  explicit Response(cnvision_response *r) : r_(r) {}
  std::string_view operation() const { return cnvision_response_operation(r_.get()); }
  uint16_t http_status() const { return cnvision_response_http_status(r_.get()); }
  std::optional<std::string_view> request_id() const { return view(cnvision_response_request_id(r_.get())); }
  std::optional<std::string_view> provider_code() const {
    return view(cnvision_response_provider_code(r_.get()));
  }
  std::optional<std::string_view> message() const { return view(cnvision_response_message(r_.get())); }
  std::string_view result_json() const {
    size_t n = 0;
    const char *s = cnvision_response_result_json(r_.get(), &n);
    return std::string_view(s, n);
  }
  std::string_view body_json() const {
    size_t n = 0;
    const char *s = cnvision_response_body_json(r_.get(), &n);
    return std::string_view(s, n);
  }
  std::vector<Binary> binaries() const {
    std::vector<Binary> out;
    size_t count = cnvision_response_binary_count(r_.get());
    for (size_t i = 0; i < count; ++i) {
      const char *pointer = nullptr;
      const uint8_t *data = nullptr;
      size_t len = 0;
      cnvision_error *err = nullptr;
      detail::check(cnvision_response_binary(r_.get(), i, &pointer, &data, &len, &err), err);
      out.push_back(Binary{pointer, Bytes{data, len}});
    }
    return out;
  }
  const cnvision_response *c() const { return r_.get(); }

 private:
  static std::optional<std::string_view> view(const char *s) {
    return s ? std::optional<std::string_view>(s) : std::nullopt;
  }
  std::unique_ptr<cnvision_response, detail::Deleter<cnvision_response, cnvision_response_free>> r_;
};

/// A configured client; share one between threads.
class Client {
 public:
  /// From the JSON configuration described at cnvision_client_new.
  static Client from_json(std::string_view config_json) {
    cnvision_client *c = nullptr;
    cnvision_error *err = nullptr;
    detail::check(cnvision_client_new(config_json.data(), config_json.size(), &c, &err), err);
    return Client(c);
  }
  /// From CTYUN_*, HUAWEICLOUD_* and CNVISION_* environment variables.
  static Client from_env() {
    cnvision_client *c = nullptr;
    cnvision_error *err = nullptr;
    detail::check(cnvision_client_new_from_env(&c, &err), err);
    return Client(c);
  }

  void validate(const std::string &operation, std::string_view params_json = {},
                const std::vector<Media> &media = {}) const {
    auto cm = detail::c_media(media);
    cnvision_error *err = nullptr;
    detail::check(cnvision_client_validate(c_.get(), operation.c_str(), params_json.data(),
                                           params_json.size(), cm.data(), cm.size(), &err),
                  err);
  }

  Response call(const std::string &operation, std::string_view params_json = {},
                const std::vector<Media> &media = {}, const CallOptions &options = {}) const {
    auto cm = detail::c_media(media);
    cnvision_call_options o{options.encrypt, options.request_id ? options.request_id->c_str() : nullptr};
    cnvision_response *r = nullptr;
    cnvision_error *err = nullptr;
    detail::check(cnvision_client_call(c_.get(), operation.c_str(), params_json.data(), params_json.size(),
                                       cm.data(), cm.size(), &o, &r, &err),
                  err);
    return Response(r);
  }

  const cnvision_client *c() const { return c_.get(); }

 private:
  explicit Client(cnvision_client *c) : c_(c) {}
  std::unique_ptr<cnvision_client, detail::Deleter<cnvision_client, cnvision_client_free>> c_;
};

/// Headers returned by sign(), in sending order.
using Headers = std::vector<std::pair<std::string, std::string>>;

/// Signs a request described by JSON (see cnvision_sign) over `body`.
inline Headers sign(std::string_view request_json, Bytes body = {}) {
  cnvision_headers *h = nullptr;
  cnvision_error *err = nullptr;
  detail::check(cnvision_sign(request_json.data(), request_json.size(), body.data, body.size, &h, &err), err);
  std::unique_ptr<cnvision_headers, detail::Deleter<cnvision_headers, cnvision_headers_free>> owned(h);
  Headers out;
  size_t n = cnvision_headers_count(h);
  for (size_t i = 0; i < n; ++i) {
    const char *name = nullptr;
    const char *value = nullptr;
    detail::check(cnvision_headers_get(h, i, &name, &value, &err), err);
    out.emplace_back(name, value);
  }
  return out;
}

/// A sealed request body and the keys that open its answer.
class Envelope {
 public:
  static Envelope seal(const std::string &public_key, std::string_view plain_json) {
    cnvision_envelope *e = nullptr;
    cnvision_error *err = nullptr;
    detail::check(cnvision_envelope_seal(public_key.c_str(), reinterpret_cast<const uint8_t *>(plain_json.data()),
                                         plain_json.size(), &e, &err),
                  err);
    return Envelope(e);
  }
  /// The sealed body to send (with header `decrypted: true`).
  std::string_view body() const {
    size_t n = 0;
    const uint8_t *b = cnvision_envelope_body(e_.get(), &n);
    return std::string_view(reinterpret_cast<const char *>(b), n);
  }
  /// The plain JSON of the gateway's answer; throws on a tampered answer.
  std::string open(std::string_view response) const {
    char *out = nullptr;
    size_t n = 0;
    cnvision_error *err = nullptr;
    detail::check(cnvision_envelope_open(e_.get(), reinterpret_cast<const uint8_t *>(response.data()),
                                         response.size(), &out, &n, &err),
                  err);
    return detail::take_string(out, n);
  }

 private:
  explicit Envelope(cnvision_envelope *e) : e_(e) {}
  std::unique_ptr<cnvision_envelope, detail::Deleter<cnvision_envelope, cnvision_envelope_free>> e_;
};

/// Local validation without a client (nothing is sent).
inline void validate(const std::string &operation, std::string_view params_json = {},
                     const std::vector<Media> &media = {}) {
  auto cm = detail::c_media(media);
  cnvision_error *err = nullptr;
  detail::check(
      cnvision_validate(operation.c_str(), params_json.data(), params_json.size(), cm.data(), cm.size(), &err),
      err);
}

/// The plain JSON request body of an operation, as the client would send it.
inline std::string build_body(const std::string &operation, std::string_view params_json = {},
                              const std::vector<Media> &media = {}) {
  auto cm = detail::c_media(media);
  char *out = nullptr;
  size_t n = 0;
  cnvision_error *err = nullptr;
  detail::check(cnvision_body_build(operation.c_str(), params_json.data(), params_json.size(), cm.data(),
                                    cm.size(), &out, &n, &err),
                err);
  return detail::take_string(out, n);
}

/// The operation catalog as JSON text.
inline std::string catalog_json() {
  char *out = nullptr;
  size_t n = 0;
  cnvision_error *err = nullptr;
  detail::check(cnvision_catalog_json(&out, &n, &err), err);
  return detail::take_string(out, n);
}

/// The library version, e.g. "0.1.0".
inline std::string_view version() { return cnvision_version(); }

}  // namespace cnvision

#endif  // CNVISION_HPP
