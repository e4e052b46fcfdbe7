#pragma once
/// Recoverable failure: an error code and a message that names the file and the place.
#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace practicum::core {

/// What kind of failure an Error is; callers branch on this, people read the message.
enum class ErrorCode {
  InvalidArgument,  ///< a caller passed something meaningless
  NotFound,         ///< a file, device or name does not exist
  Io,               ///< reading or writing failed (permissions, full disk, ...)
  Parse,            ///< a file is not well-formed (JSON syntax, binary layout)
  Validation,       ///< a file is well-formed but its content is wrong
  Limit,            ///< an input exceeds a configured bound (size, depth, count)
  Unsupported,      ///< a valid request this build or machine cannot satisfy
  Device,           ///< the GPU or Vulkan failed
  Timeout,          ///< an operation did not finish in time
  Crashed,          ///< a helper process died
};

/// Human-readable name of an error code ("io", "parse", ...).
const char* toString(ErrorCode code);

/// An error: a code and a message meant for a person (names the file and the place).
struct Error {
  ErrorCode code = ErrorCode::InvalidArgument;
  std::string message;
};

/// Either a value or an Error. Check with ok() before value().
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}  // NOLINT: implicit by design

  /// True when a value is held.
  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  /// The value; only valid when ok().
  T& value() & {
    assert(ok());
    return std::get<0>(data_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(data_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  /// The error; only valid when !ok().
  const Error& error() const {
    assert(!ok());
    return std::get<1>(data_);
  }

 private:
  std::variant<T, Error> data_;
};

/// Success or an Error, with no value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    assert(!ok());
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

/// Shorthand to build an Error.
inline Error makeError(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace practicum::core
