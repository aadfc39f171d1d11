// Shared by the C++ examples: the client configuration file and printing.
#pragma once
#include <cnvision.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

inline std::string read_text(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void print(const cnvision::Response &r) {
  std::cout << "operation " << r.operation() << ": HTTP " << r.http_status() << ", request id "
            << r.request_id().value_or("(none)") << "\nresult: " << r.result_json() << "\n";
}

inline void print(const cnvision::Error &e) {
  std::cerr << "failed: " << e.status_name() << " (" << e.status() << "): " << e.what();
  if (e.provider_code()) std::cerr << " [provider code " << *e.provider_code() << "]";
  if (e.http_status()) std::cerr << " [HTTP " << e.http_status() << "]";
  std::cerr << "\n";
}
