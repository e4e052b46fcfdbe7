// The editor's document: commands undo and redo to identical documents, dirty state, atomic save
// that survives a kill at every step, recovery after a crash, broken files, unwritable places.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <practicum/core/file_io.hpp>
#include <practicum/editor/authoring.hpp>
#include <practicum/editor/document.hpp>

#include "test_support.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;
using editor::Command;
using editor::Document;

std::string readText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Document newDocument() { return Document::create("drill", {"演练", "Drill"}); }

TEST(Document, ANewDocumentIsAValidScenarioThatWasNeverSaved) {
  const Document doc = newDocument();
  EXPECT_TRUE(doc.valid()) << (doc.diagnostics().empty() ? "" : doc.diagnostics()[0].format());
  EXPECT_TRUE(doc.dirty());
  EXPECT_TRUE(doc.file().empty());
  EXPECT_EQ(doc.string("id"), "drill");
  EXPECT_EQ(doc.string("title.zh-CN"), "演练");
  EXPECT_EQ(doc.size("entities"), 1u);
  EXPECT_EQ(doc.find("entities", "floor"), 0u);
}

TEST(Document, EveryKindOfCommandUndoesAndRedoesToIdenticalDocuments) {
  Document doc = newDocument();
  const std::vector<Command> commands = {
      Command::set("trade", R"("pipe fitting")"),                          // replace a member
      Command::set("description", R"({"zh-CN": "说明", "en": "notes"})"),  // add a member
      Command::set("entities[0].transform.position[1]", "-0.1"),           // an array element
      Command::insert("entities", 1,
                      R"({"name": "box", "shape": {"type": "sphere", "radius": 0.1}})"),
      Command::insert("entities", 0,
                      R"({"name": "first", "shape": {"type": "sphere", "radius": 0.2}})"),
      Command::move("entities", 0, 2),  // reorder
      Command::insert("joints", 0,      // a list that was not there
                      R"({"name": "j", "type": "fixed", "a": "box", "pivot": [0, 0, 0]})"),
      Command::erase("lights.ambient"),  // a member
      Command::erase("entities[1]"),     // an element
      Command::group("several",
                     {Command::set("author", R"("A. Teacher")"),
                      Command::set("licence", R"("CC0-1.0")"), Command::erase("camera")}),
      Command::set("", R"({"format": 1, "id": "other"})"),  // the whole document
  };
  std::vector<std::string> texts{doc.text()};
  for (const Command& c : commands) {
    ASSERT_TRUE(doc.apply(c).ok()) << c.label();
    texts.push_back(doc.text());
    EXPECT_NE(texts.back(), texts[texts.size() - 2]) << c.label() << " changed nothing";
  }
  // all the way back, one step at a time, then all the way forward
  for (std::size_t i = commands.size(); i-- > 0;) {
    ASSERT_TRUE(doc.canUndo());
    EXPECT_EQ(doc.undoLabel(), commands[i].label());
    ASSERT_TRUE(doc.undo());
    EXPECT_EQ(doc.text(), texts[i]) << "after undoing " << commands[i].label();
  }
  EXPECT_FALSE(doc.undo());
  for (std::size_t i = 0; i < commands.size(); ++i) {
    ASSERT_TRUE(doc.redo());
    EXPECT_EQ(doc.text(), texts[i + 1]) << "after redoing " << commands[i].label();
  }
  EXPECT_FALSE(doc.redo());
  // a new command after an undo drops what could have been redone
  ASSERT_TRUE(doc.undo());
  ASSERT_TRUE(doc.apply(Command::set("id", R"("third")")).ok());
  EXPECT_FALSE(doc.canRedo());
}

TEST(Document, ACommandThatDoesNotFitChangesNothing) {
  Document doc = newDocument();
  const std::string before = doc.text();
  for (const Command& c :
       {Command::set("entities[7].name", R"("x")"), Command::set("nothing.here", "1"),
        Command::set("trade", "not json"), Command::insert("entities", 9, "{}"),
        Command::erase("camera.nope"), Command::move("entities", 0, 3),
        Command::set("entities[0", "1"),
        Command::group("half", {Command::set("trade", R"("x")"), Command::erase("no.such")})}) {
    const auto applied = doc.apply(c);
    EXPECT_FALSE(applied.ok()) << c.label();
    EXPECT_EQ(doc.text(), before) << c.label();
  }
  EXPECT_FALSE(doc.canUndo());
}

TEST(Document, ANewDocumentWithBothTitlesIsValid) {
  // the editor's empty room, shown while a new document has no valid state yet
  const Document room = Document::create("empty", {"空", "empty"});
  EXPECT_TRUE(room.valid());
  ASSERT_TRUE(room.scenario().has_value());
}

TEST(Document, ACommandThatChangesNothingIsNoStep) {
  Document doc = newDocument();
  ASSERT_TRUE(doc.apply(Command::set("trade", R"("welding")")).ok());
  ASSERT_TRUE(doc.undo());
  const std::uint64_t revision = doc.revision();
  // the trade set to what it is: accepted, but nothing to undo, the redo kept, nothing unsaved
  const std::string trade = *doc.value("trade");
  ASSERT_TRUE(doc.apply(Command::set("trade", trade)).ok());
  EXPECT_FALSE(doc.canUndo());
  EXPECT_TRUE(doc.canRedo());
  EXPECT_EQ(doc.revision(), revision);
}

TEST(Document, AGizmoDragUndoesAsOneStep) {
  Document doc = newDocument();
  const std::string before = doc.text();
  for (int i = 1; i <= 5; ++i)
    ASSERT_TRUE(
        doc.apply(editor::setTransform(doc, 0, {0.1 * i, 0, 0}, {0, 3.0 * i, 0}, true)).ok());
  EXPECT_EQ(doc.value("entities[0].transform.position"), "[0.5,0.0,0.0]");
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.text(), before);
  ASSERT_TRUE(doc.redo());
  EXPECT_EQ(doc.value("entities[0].transform.rotation"), "[0.0,15.0,0.0]");
}

TEST(Document, SaveThenOpenIsIdenticalAndDirtyFollowsTheSavedState) {
  const auto dir = makeTempDir("editor-save");
  auto opened = Document::open(sourceDir() / "scenarios" / "substation-switching");
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  Document& doc = *opened;
  EXPECT_FALSE(doc.dirty());
  EXPECT_TRUE(doc.valid());
  ASSERT_TRUE(doc.saveAs(dir / "substation").ok());
  EXPECT_EQ(doc.file(), dir / "substation" / "scenario.json");
  EXPECT_EQ(readText(doc.file()), doc.text());
  auto again = Document::open(dir / "substation");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->text(), doc.text());
  // the engine reads the saved file as it read the original
  const auto original = scenario::loadScenario(sourceDir() / "scenarios" / "substation-switching");
  const auto saved = scenario::loadScenario(dir / "substation");
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved.scenario->scene.entities.size(), original.scenario->scene.entities.size());
  EXPECT_EQ(saved.scenario->training.steps.size(), original.scenario->training.steps.size());
  EXPECT_EQ(saved.scenario->training.rules.size(), original.scenario->training.rules.size());
  // dirty: edit, undo back to the saved state, redo, save, undo past it
  ASSERT_TRUE(doc.apply(Command::set("trade", R"("x")")).ok());
  EXPECT_TRUE(doc.dirty());
  ASSERT_TRUE(doc.undo());
  EXPECT_FALSE(doc.dirty());
  ASSERT_TRUE(doc.redo());
  ASSERT_TRUE(doc.save().ok());
  EXPECT_FALSE(doc.dirty());
  ASSERT_TRUE(doc.undo());
  EXPECT_TRUE(doc.dirty());
  fs::remove_all(dir);
}

// the step at which the child kills itself while saving
int g_killAt = -1;
void killAtStep(core::AtomicWriteStep step) {
  if (static_cast<int>(step) == g_killAt) ::kill(::getpid(), SIGKILL);
}

TEST(Document, AnAtomicSaveKilledAtAnyStepLeavesTheOldOrTheNewFileWhole) {
  const auto dir = makeTempDir("editor-kill");
  Document doc = newDocument();
  ASSERT_TRUE(doc.saveAs(dir).ok());
  const std::string oldText = readText(doc.file());
  ASSERT_TRUE(doc.apply(Command::set("trade", R"("electrical")")).ok());
  const std::string newText = doc.text();
  for (int step = 0; step <= static_cast<int>(core::AtomicWriteStep::FolderSynced); ++step) {
    SCOPED_TRACE("killed at step " + std::to_string(step));
    // the old file again, then a child that saves and is killed at the step
    ASSERT_TRUE(core::writeFileAtomic(doc.file(), oldText).ok());
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      g_killAt = step;
      core::setAtomicWriteProbe(killAtStep);
      (void)doc.save();
      ::_exit(3);  // not killed: a step was missed
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "status " << status;
    const std::string after = readText(doc.file());
    // before the rename the old file stands; from the rename on, the new one
    EXPECT_EQ(after, step < static_cast<int>(core::AtomicWriteStep::Renamed) ? oldText : newText);
    // and it opens
    auto reopened = Document::open(dir);
    ASSERT_TRUE(reopened.ok()) << reopened.error().message;
    EXPECT_TRUE(reopened->valid());
  }
  fs::remove_all(dir);
}

TEST(Document, UnsavedWorkIsRecoveredAfterACrash) {
  const auto dir = makeTempDir("editor-recovery");
  {
    Document doc = newDocument();
    ASSERT_TRUE(doc.saveAs(dir).ok());
    EXPECT_TRUE(doc.autosave().ok());  // clean: nothing written
    EXPECT_FALSE(fs::exists(doc.recoveryFile()));
    ASSERT_TRUE(doc.apply(Command::set("author", R"("before the crash")")).ok());
    ASSERT_TRUE(doc.autosave().ok());
    EXPECT_TRUE(fs::exists(doc.recoveryFile()));
    // the editor "crashes" here: no save, no clean close
  }
  ASSERT_TRUE(Document::pendingRecovery(dir).has_value());
  auto doc = Document::open(dir);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->string("author"), "instructor");
  ASSERT_TRUE(doc->restoreRecovery().ok());
  EXPECT_EQ(doc->string("author"), "before the crash");
  EXPECT_TRUE(doc->dirty());
  ASSERT_TRUE(doc->undo());  // restoring is an undoable step
  EXPECT_EQ(doc->string("author"), "instructor");
  ASSERT_TRUE(doc->redo());
  ASSERT_TRUE(doc->save().ok());
  EXPECT_FALSE(fs::exists(doc->recoveryFile()));
  EXPECT_FALSE(Document::pendingRecovery(dir).has_value());
  fs::remove_all(dir);
}

// a rename's changes to the run files are kept with the scenario's, and come back with them
TEST(Document, UnsavedChangesToTheRunFilesAreRecoveredToo) {
  const auto dir = makeTempDir("editor-run-recovery");
  const fs::path folder = copyOfScenario("substation-switching", dir);
  {
    auto doc = Document::open(folder);
    ASSERT_TRUE(doc.ok());
    const auto qs1 = doc->find("devices", "QS1");
    ASSERT_TRUE(doc->apply(*editor::renameDevice(*doc, *qs1, "DS1")).ok());
    ASSERT_TRUE(doc->autosave().ok());
    EXPECT_TRUE(fs::exists(doc->runRecoveryFile("runs/perfect.json")));
    // the editor "crashes" here
  }
  auto doc = Document::open(folder);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->runValue("runs/perfect.json", "actions[2].device"), "\"QS1\"");
  ASSERT_TRUE(doc->restoreRecovery().ok());
  EXPECT_EQ(doc->runValue("runs/perfect.json", "actions[2].device"), "\"DS1\"");
  EXPECT_TRUE(doc->valid());
  EXPECT_TRUE(doc->runDiagnostics().empty());
  ASSERT_TRUE(doc->save().ok());
  EXPECT_FALSE(fs::exists(doc->runRecoveryFile("runs/perfect.json")));
  fs::remove_all(dir);
}

TEST(Document, ANewScenarioNeverSavedIsRecoveredToo) {
  const auto home = makeTempDir("editor-untitled");
  ::setenv("XDG_DATA_HOME", home.c_str(), 1);
  {
    // as it was made it has nothing to lose: no recovery; once edited, it has
    Document doc = newDocument();
    ASSERT_TRUE(doc.autosave().ok());
    EXPECT_FALSE(Document::pendingRecovery("").has_value());
    ASSERT_TRUE(doc.apply(Command::set("author", R"("never saved")")).ok());
    ASSERT_TRUE(doc.autosave().ok());
    EXPECT_EQ(doc.recoveryFile(), home / "practicum" / "untitled.scenario.json.recovery");
  }
  ASSERT_TRUE(Document::pendingRecovery("").has_value());
  Document doc = newDocument();
  ASSERT_TRUE(doc.restoreRecovery().ok());
  EXPECT_EQ(doc.string("author"), "never saved");
  const auto dir = makeTempDir("editor-untitled-saved");
  ASSERT_TRUE(doc.saveAs(dir).ok());
  EXPECT_FALSE(Document::pendingRecovery("").has_value());
  ::unsetenv("XDG_DATA_HOME");
  fs::remove_all(home);
  fs::remove_all(dir);
}

TEST(Document, ABrokenScenarioOpensWithItsErrorsAndIsNotTouched) {
  const auto dir = makeTempDir("editor-broken");
  // valid JSON, invalid scenario: opens, errors listed with their paths
  const std::string broken = R"({"format": 1, "id": "Bad Id", "entities": [{"name": "a"}]})";
  std::ofstream(dir / "scenario.json") << broken;
  const auto before = fs::last_write_time(dir / "scenario.json");
  auto doc = Document::open(dir);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_FALSE(doc->valid());
  ASSERT_FALSE(doc->diagnostics().empty());
  bool idError = false, entityError = false;
  for (const auto& d : doc->diagnostics()) {
    idError |= d.path == "id";
    entityError |= Document::itemOf(d.path) == editor::Path("entities[0]");
  }
  EXPECT_TRUE(idError);
  EXPECT_TRUE(entityError);
  EXPECT_EQ(readText(dir / "scenario.json"), broken);
  EXPECT_EQ(fs::last_write_time(dir / "scenario.json"), before);
  // fixing it in the document clears the errors as the edits happen
  ASSERT_TRUE(doc->apply(Command::set("id", R"("good-id")")).ok());
  bool stillId = false;
  for (const auto& d : doc->diagnostics()) stillId |= d.path == "id";
  EXPECT_FALSE(stillId);
  // not JSON at all: refused, with the place, and left as it is
  std::ofstream(dir / "scenario.json", std::ios::trunc) << "{\n  \"format\": 1,\n  oops\n}";
  auto notJson = Document::open(dir);
  ASSERT_FALSE(notJson.ok());
  EXPECT_NE(notJson.error().message.find("scenario.json:3:"), std::string::npos)
      << notJson.error().message;
  fs::remove_all(dir);
}

TEST(Document, ASaveThatCannotWriteSaysSoAndKeepsTheEdits) {
  Document doc = newDocument();
  ASSERT_TRUE(doc.apply(Command::set("author", R"("kept")")).ok());
  const std::string text = doc.text();
  // a folder inside a file cannot exist
  const auto dir = makeTempDir("editor-nowrite");
  std::ofstream(dir / "plain-file") << "x";
  const auto saved = doc.saveAs(dir / "plain-file" / "scenario");
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find("plain-file"), std::string::npos) << saved.error().message;
  EXPECT_TRUE(doc.dirty());
  EXPECT_TRUE(doc.file().empty());
  EXPECT_EQ(doc.text(), text);
  EXPECT_FALSE(doc.save().ok());  // still no file
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
