// Face compare with the SM2/SM4/HMAC-SM3 envelope through cnvision.hpp; the
// images are handed over as bytes in memory.
// Usage: face_compare_envelope_cpp CONFIG.json IMAGE_A IMAGE_B
#include "common.hpp"

int main(int argc, char **argv) {
  if (argc != 4) {
    std::cerr << "usage: " << argv[0] << " CONFIG.json IMAGE_A IMAGE_B\n";
    return 2;
  }
  try {
    auto client = cnvision::Client::from_json(read_text(argv[1]));
    std::string a = read_text(argv[2]);
    std::string b = read_text(argv[3]);
    cnvision::CallOptions options;
    options.encrypt = true;
    auto response = client.call("ctyun.face.compare", "",
                                {cnvision::Media::bytes("img1Base64", a.data(), a.size()),
                                 cnvision::Media::bytes("img2Base64", b.data(), b.size())},
                                options);
    print(response);
  } catch (const cnvision::Error &e) {
    print(e);
    return 1;
  }
  return 0;
}
