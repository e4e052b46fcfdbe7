// Station keys: Ed25519 through libsodium; the key file holds the 32-byte seed in hex.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include <sodium.h>

#include <practicum/core/file_io.hpp>
#include <practicum/record/station_key.hpp>

namespace practicum::record {

namespace {

constexpr std::string_view kKeyFileTag = "practicum-station-key 1";

std::string hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

// exactly `n` bytes from 2n hex digits
bool fromHex(std::string_view text, unsigned char* out, std::size_t n) {
  std::size_t len = 0;
  return text.size() == 2 * n &&
         sodium_hex2bin(out, n, text.data(), text.size(), nullptr, &len, nullptr) == 0 && len == n;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

core::Error keyError(const std::filesystem::path& file, const std::string& what) {
  return core::makeError(core::ErrorCode::Validation, file.string() + ": " + what);
}

}  // namespace

core::Result<StationKey> StationKey::create(const std::filesystem::path& file) {
  if (sodium_init() < 0)
    return core::makeError(core::ErrorCode::Unsupported, "libsodium failed to initialise");
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  StationKey key;
  std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
  randombytes_buf(seed.data(), seed.size());
  crypto_sign_seed_keypair(key.public_.data(), key.secret_.data(), seed.data());
  const std::string text = std::string(kKeyFileTag) + "\n" + hex(seed.data(), seed.size()) + "\n" +
                           toHex(key.public_) + "\n";
  sodium_memzero(seed.data(), seed.size());

  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return core::makeError(errno == EEXIST ? core::ErrorCode::InvalidArgument : core::ErrorCode::Io,
                           file.string() + ": cannot create the key file: " + std::strerror(errno) +
                               (errno == EEXIST ? " (a key is never overwritten)" : ""));
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                  ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!ok) {
    std::filesystem::remove(file, ec);
    return core::makeError(core::ErrorCode::Io,
                           file.string() + ": cannot write the key file: " + std::strerror(error));
  }
  auto pub = file;
  pub += ".pub";
  if (auto s = core::writeFileAtomic(pub, toHex(key.public_) + "\n"); !s.ok()) return s.error();
  return key;
}

core::Result<StationKey> StationKey::load(const std::filesystem::path& file) {
  if (sodium_init() < 0)
    return core::makeError(core::ErrorCode::Unsupported, "libsodium failed to initialise");
  auto text = core::readFile(file, 4096);
  if (!text.ok()) return text.error();
  std::istringstream in(*text);
  std::string tag, seedHex, publicHex;
  std::getline(in, tag);
  std::getline(in, seedHex);
  std::getline(in, publicHex);
  if (trim(tag) != kKeyFileTag)
    return keyError(
        file, "line 1: not a station key file (expected \"" + std::string(kKeyFileTag) + "\")");
  std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
  if (!fromHex(trim(seedHex), seed.data(), seed.size()))
    return keyError(file, "line 2: expected the key's 64 hex digits");
  StationKey key;
  crypto_sign_seed_keypair(key.public_.data(), key.secret_.data(), seed.data());
  sodium_memzero(seed.data(), seed.size());
  if (trim(publicHex) != toHex(key.public_))
    return keyError(file, "line 3: the public key does not belong to this key (file damaged)");
  return key;
}

StationKey::~StationKey() { sodium_memzero(secret_.data(), secret_.size()); }

StationSignature StationKey::sign(std::string_view message) const {
  StationSignature signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret_.data());
  return signature;
}

bool verifySignature(const StationPublicKey& key, std::string_view message,
                     const StationSignature& signature) {
  if (sodium_init() < 0) return false;
  return crypto_sign_verify_detached(signature.data(),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), key.data()) == 0;
}

std::string toHex(const StationPublicKey& key) { return hex(key.data(), key.size()); }

core::Result<StationPublicKey> readPublicKey(std::string_view hexOrFile) {
  StationPublicKey key{};
  if (fromHex(hexOrFile, key.data(), key.size())) return key;
  const std::filesystem::path file{std::string(hexOrFile)};
  auto text = core::readFile(file, 4096);
  if (!text.ok())
    return core::makeError(core::ErrorCode::InvalidArgument,
                           std::string(hexOrFile) +
                               ": neither 64 hex digits nor a readable key file (" +
                               text.error().message + ")");
  // a .pub file holds the hex alone; a key file holds it on line 3
  std::istringstream in(*text);
  std::string line, last;
  while (std::getline(in, line))
    if (!trim(line).empty()) last = trim(line);
  if (fromHex(last, key.data(), key.size())) return key;
  return keyError(file, "no public key (64 hex digits) in it");
}

std::filesystem::path defaultStationKeyFile() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "practicum" / "station.key";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".local" / "share" / "practicum" / "station.key";
  return std::filesystem::current_path() / "station.key";
}

}  // namespace practicum::record
