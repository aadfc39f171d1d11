// Huawei Cloud image tagging v2 through cnvision.hpp.
// Usage: huawei_tagging_cpp CONFIG.json IMAGE
#include "common.hpp"

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: " << argv[0] << " CONFIG.json IMAGE\n";
    return 2;
  }
  try {
    auto client = cnvision::Client::from_json(read_text(argv[1]));
    auto response = client.call("huawei.image.tagging_v2", R"({"language": "en", "limit": 5})",
                                {cnvision::Media::file("image", argv[2])});
    print(response);
  } catch (const cnvision::Error &e) {
    print(e);
    return 1;
  }
  return 0;
}
