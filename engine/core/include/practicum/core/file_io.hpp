#pragma once
/// File I/O with bounded reads and atomic writes.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include <practicum/core/result.hpp>

namespace practicum::core {

/// Reads a whole file into memory. Fails with ErrorCode::Limit, naming the file and both sizes,
/// when the file is larger than maxBytes; NotFound/Io otherwise.
Result<std::string> readFile(const std::filesystem::path& path,
                             std::uint64_t maxBytes = 256ull * 1024 * 1024);

/// Writes data so that the file holds either its old or its new content after a crash:
/// temporary file in the same folder, fsync, rename over, fsync of the folder.
Status writeFileAtomic(const std::filesystem::path& path, std::string_view data);

/// The moments of writeFileAtomic, for crash tests that kill a writer at each one.
enum class AtomicWriteStep { TemporaryCreated, Written, Synced, Renamed, FolderSynced };
/// Called at each step of every writeFileAtomic in this process (nullptr: none). For tests only.
void setAtomicWriteProbe(void (*probe)(AtomicWriteStep step));

/// Folder of the running executable (from /proc/self/exe); empty on failure.
std::filesystem::path executableDir();

}  // namespace practicum::core
