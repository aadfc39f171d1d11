// Safety-helmet detection through cnvision.hpp.
// Usage: hat_detect_cpp CONFIG.json IMAGE   (CONFIG: see cnvision_client_new)
#include "common.hpp"

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: " << argv[0] << " CONFIG.json IMAGE\n";
    return 2;
  }
  try {
    auto client = cnvision::Client::from_json(read_text(argv[1]));
    auto response = client.call("ctyun.safety.hat_detect", "", {cnvision::Media::file("image", argv[2])});
    print(response);
  } catch (const cnvision::Error &e) {
    print(e);
    return 1;
  }
  return 0;
}
