#include <practicum/core/file_io.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace practicum::core {

namespace {
Error ioError(const std::filesystem::path& path, const char* what, int err) {
  return makeError(err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                   path.string() + ": " + what + ": " + std::strerror(err));
}

// closes a descriptor on scope exit
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};
}  // namespace

const char* toString(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument: return "invalid-argument";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::Io: return "io";
    case ErrorCode::Parse: return "parse";
    case ErrorCode::Validation: return "validation";
    case ErrorCode::Limit: return "limit";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::Device: return "device";
    case ErrorCode::Timeout: return "timeout";
    case ErrorCode::Crashed: return "crashed";
  }
  return "unknown";
}

Result<std::string> readFile(const std::filesystem::path& path, std::uint64_t maxBytes) {
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) return ioError(path, "cannot open", errno);

  // refuse oversized and non-regular files before reading anything
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) return ioError(path, "cannot stat", errno);
  if (!S_ISREG(st.st_mode)) return makeError(ErrorCode::Io, path.string() + ": not a regular file");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > maxBytes)
    return makeError(ErrorCode::Limit, path.string() + ": file is " + std::to_string(size) +
                                           " bytes, more than the limit of " +
                                           std::to_string(maxBytes) + " bytes");

  // read it all, tolerating short reads
  std::string data(static_cast<std::size_t>(size), '\0');
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::read(f.fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ioError(path, "read failed", errno);
    }
    if (n == 0) break;  // file shrank while reading
    done += static_cast<std::size_t>(n);
  }
  data.resize(done);
  return data;
}

namespace {
void (*g_atomicWriteProbe)(AtomicWriteStep) = nullptr;
void probe(AtomicWriteStep step) {
  if (g_atomicWriteProbe) g_atomicWriteProbe(step);
}
}  // namespace

void setAtomicWriteProbe(void (*p)(AtomicWriteStep step)) { g_atomicWriteProbe = p; }

Status writeFileAtomic(const std::filesystem::path& path, std::string_view data) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  std::string tmp = (dir / ("." + path.filename().string() + ".tmpXXXXXX")).string();

  // write everything into a temporary file beside the target
  Fd f{::mkstemp(tmp.data())};
  if (f.fd < 0) return ioError(tmp, "cannot create temporary file", errno);
  probe(AtomicWriteStep::TemporaryCreated);
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(f.fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::unlink(tmp.c_str());
      return ioError(path, "write failed", err);
    }
    done += static_cast<std::size_t>(n);
  }
  probe(AtomicWriteStep::Written);
  // make the bytes durable, then swap the name, then make the rename durable
  if (::fsync(f.fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return ioError(path, "fsync failed", err);
  }
  probe(AtomicWriteStep::Synced);
  ::fchmod(f.fd, 0644);
  ::close(f.fd);
  f.fd = -1;
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return ioError(path, "rename failed", err);
  }
  probe(AtomicWriteStep::Renamed);
  Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (d.fd >= 0) ::fsync(d.fd);
  probe(AtomicWriteStep::FolderSynced);
  return {};
}

std::filesystem::path executableDir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path{} : exe.parent_path();
}

}  // namespace practicum::core
