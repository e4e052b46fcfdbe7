#pragma once
/// Station keys: an Ed25519 key pair (libsodium) with which a station signs the end of every log
/// it writes, so that a log can be attributed to the station that wrote it
/// (docs/log-format.md, "Station signature").
#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include <practicum/core/result.hpp>

namespace practicum::record {

inline constexpr std::size_t kStationPublicKeySize = 32, kStationSignatureSize = 64;
using StationPublicKey = std::array<unsigned char, kStationPublicKeySize>;
using StationSignature = std::array<unsigned char, kStationSignatureSize>;

/// A station's key pair. The secret half never leaves the key file and this object.
class StationKey {
 public:
  /// Creates a new key file (never overwrites one; readable by its owner only) and its public
  /// half next to it as `<file>.pub`.
  static core::Result<StationKey> create(const std::filesystem::path& file);
  /// Loads a key file written by create().
  static core::Result<StationKey> load(const std::filesystem::path& file);
  StationKey(const StationKey&) = default;
  StationKey& operator=(const StationKey&) = default;
  ~StationKey();  ///< wipes the secret

  const StationPublicKey& publicKey() const { return public_; }
  /// Ed25519 signature of `message`.
  StationSignature sign(std::string_view message) const;

 private:
  StationKey() = default;
  StationPublicKey public_{};
  std::array<unsigned char, 64> secret_{};
};

/// True when `signature` is `key`'s signature of `message`.
bool verifySignature(const StationPublicKey& key, std::string_view message,
                     const StationSignature& signature);
/// 64 lowercase hex digits.
std::string toHex(const StationPublicKey& key);
/// A public key from 64 hex digits, or from a `.pub` file (or a key file) holding them.
core::Result<StationPublicKey> readPublicKey(std::string_view hexOrFile);
/// The default key file: $XDG_DATA_HOME/practicum/station.key or
/// ~/.local/share/practicum/station.key.
std::filesystem::path defaultStationKeyFile();

}  // namespace practicum::record
