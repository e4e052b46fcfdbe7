#include <practicum/ui/text.hpp>

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace practicum::ui {

namespace {
struct Entry {
  Text id;
  const char* en;
  const char* zh;
};

// the table, in the enum's order (checked below)
constexpr Entry kTable[] = {
    {Text::Practice, "Practice", "练习"},
    {Text::Exam, "Exam", "考核"},
    {Text::Task, "Task", "任务"},
    {Text::CurrentStep, "Current step", "当前步骤"},
    {Text::Hint, "Hint", "提示"},
    {Text::Steps, "Steps", "步骤"},
    {Text::AllStepsDone, "All steps done", "全部步骤已完成"},
    {Text::Time, "Time", "用时"},
    {Text::TimeLeft, "left", "剩余"},
    {Text::Alerts, "Alerts", "警示"},
    {Text::Prevented, "prevented", "已闭锁"},
    {Text::Warning, "Warning", "警告"},
    {Text::Major, "Major", "严重"},
    {Text::Critical, "Critical", "危急"},
    {Text::OutOfOrder, "Out of order", "顺序错误"},
    {Text::TimedOut, "Took too long", "超时"},
    {Text::Locked, "It is locked", "已上锁，无法操作"},
    {Text::NeedsTool, "It needs a tool", "需要使用工具"},
    {Text::WrongTool, "Wrong tool", "工具使用错误"},
    {Text::Fault, "Fault", "故障"},
    {Text::Pointing, "Pointing at", "指向"},
    {Text::OutOfReach, "The tool rack is out of reach: go closer", "够不到工具架：请走近"},
    {Text::Holding, "In hand", "手持"},
    {Text::ArcFlash, "ARC FLASH", "电弧闪络"},
    {Text::Alarm, "ALARM", "报警"},
    {Text::Paused, "Paused", "已暂停"},
    {Text::Resume, "Resume", "继续"},
    {Text::EndSession, "End session", "结束本次训练"},
    {Text::Vsync, "Wait for the display (vsync)", "垂直同步（等待显示器刷新）"},
    {Text::Help, "F1: help", "F1：帮助"},
    {Text::HelpTitle, "Controls", "操作说明"},
    {Text::HelpOperate, "Left click: operate the device under the pointer",
     "鼠标左键：操作指针下的设备"},
    {Text::HelpDrag, "Left drag: turn a valve, carry a part", "按住左键拖动：转动阀门、搬运零件"},
    {Text::HelpSecondary, "Right click: tighten a fastener (with the right tool in hand)",
     "鼠标右键：拧紧紧固件（手持合适的工具）"},
    {Text::HelpTools, "1-9 or the tool belt: reach for a tool on its rack (again: put it back)",
     "1-9 或工具栏：从工具架取工具（再按一次：放回）"},
    {Text::HelpTurnHeld, "Wheel while carrying: turn the part", "搬运时滚动滚轮：旋转零件"},
    {Text::HelpWalk, "W A S D: walk (walk mode)", "W A S D：行走（行走模式）"},
    {Text::HelpLook, "Mouse: look around (walk mode)", "鼠标：环顾（行走模式）"},
    {Text::HelpFreeCursor, "Tab: free / capture the cursor", "Tab：释放 / 捕获鼠标指针"},
    {Text::HelpOrbit, "V: switch walk / orbit (bench) mode", "V：切换行走 / 环绕（工作台）模式"},
    {Text::HelpOrbitDrag, "Right drag: orbit the view (orbit mode)",
     "按住右键拖动：环绕视角（环绕模式）"},
    {Text::HelpZoom, "Wheel: zoom (orbit mode)", "滚轮：缩放（环绕模式）"},
    {Text::HelpCutaway, "C: cut-away view (see inside equipment)", "C：剖视（查看设备内部）"},
    {Text::HelpLabels, "L: show / hide equipment labels", "L：显示 / 隐藏设备标签"},
    {Text::HelpDrop, "G: let go of what is in the hand", "G：放下手中的物品"},
    {Text::HelpPause, "Esc: pause menu", "Esc：暂停菜单"},
    {Text::HelpFullscreen, "F11: full screen", "F11：全屏"},
    {Text::HelpHelp, "F1: this help", "F1：本帮助"},
    {Text::HelpReset, "R: back to the starting view", "R：回到初始视角"},
    {Text::HelpReplayPlay, "Space: play / pause", "空格：播放 / 暂停"},
    {Text::HelpReplaySeek, "Left / Right: previous / next event",
     "左 / 右方向键：上一个 / 下一个事件"},
    {Text::HelpReplaySpeed, "Up / Down: faster / slower", "上 / 下方向键：加速 / 减速"},
    {Text::HelpReplayCamera, "V: learner's view / free camera", "V：学员视角 / 自由视角"},
    {Text::SessionEnded, "Session ended", "训练结束"},
    {Text::Score, "Score", "得分"},
    {Text::Passed, "PASSED", "合格"},
    {Text::NotPassed, "NOT PASSED", "不合格"},
    {Text::Mistakes, "Mistakes", "错误"},
    {Text::NoMistakes, "No mistakes", "无错误"},
    {Text::EndCompleted, "All steps completed", "全部步骤完成"},
    {Text::EndCritical, "Ended by a critical mistake", "因危急错误终止"},
    {Text::EndTimeLimit, "Time is up", "时间到"},
    {Text::EndStopped, "Stopped", "已中止"},
    {Text::CloseToLeave, "Close the window or press Esc to leave", "关闭窗口或按 Esc 退出"},
    {Text::StartTitle, "Start a session", "开始训练"},
    {Text::LearnerId, "Learner ID", "学员编号"},
    {Text::Mode, "Mode", "模式"},
    {Text::LanguageName, "Language", "语言"},
    {Text::Start, "Start", "开始"},
    {Text::Quit, "Quit", "退出"},
    {Text::Replay, "Replay", "回放"},
    {Text::Play, "Play", "播放"},
    {Text::Pause, "Pause", "暂停"},
    {Text::Speed, "Speed", "速度"},
    {Text::PreviousEvent, "< Previous event", "< 上一事件"},
    {Text::NextEvent, "Next event >", "下一事件 >"},
    {Text::Events, "Events", "事件"},
    {Text::LearnersView, "Learner's view", "学员视角"},
    {Text::FreeCamera, "Free camera", "自由视角"},
    {Text::Learner, "Learner", "学员"},
    {Text::Result, "Result", "结果"},
    {Text::StepDone, "Step done", "完成步骤"},
    {Text::Violation, "Violation", "违规"},
    {Text::FaultEvent, "Fault", "故障"},
    {Text::EventPressed, "pressed", "按下"},
    {Text::EventRefused, "refused", "操作被阻止"},
    {Text::EventToolTaken, "tool taken", "取用工具"},
    {Text::EventToolReturned, "tool put back", "放回工具"},
    {Text::EventToolUsed, "tool used", "使用工具"},
    {Text::EventGrabbed, "picked up", "拿起"},
    {Text::EventReleased, "let go", "放下"},
    {Text::EventPlaced, "placed", "放入"},
    {Text::EventUnseated, "taken out", "取出"},
    {Text::EventLoosened, "loosened", "松开"},
    {Text::EventTightened, "tightened", "拧紧"},
    {Text::EndInterrupted, "Interrupted: the program was shut down", "已中断：程序被关闭"},
    {Text::EndClosed, "The window was closed before the end", "结束前关闭了窗口"},
    {Text::EventValveTurned, "turned", "转动"},
    {Text::EventNotSeated, "not seated", "未装入"},
    {Text::FastenerTight, "tight, %s N·m", "已拧紧，%s N·m"},
    {Text::FastenerTightUnknown, "tight", "已拧紧"},
    {Text::FastenerLoose, "loose: %u of %u turns out", "已松开 %u/%u 圈"},
    {Text::ValveOpening, "%d%% open", "开度 %d%%"},
    {Text::SocketEmpty, "empty", "空"},
    {Text::SocketHolds, "holds %s", "已装入 %s"},
    {Text::PartSeated, "seated in %s", "已装入 %s"},
    {Text::OnRack, "on its rack", "在工具架上"},
    {Text::InTheHand, "in the hand", "在手中"},
    {Text::LampLit, "lit", "亮"},
    {Text::LampUnlit, "not lit", "灭"},
    {Text::DetectorLive, "LIVE: the lamp lights and the buzzer sounds", "有电：指示灯亮，蜂鸣器响"},
    {Text::DetectorDead, "no voltage: no light, no sound", "无电：指示灯不亮，蜂鸣器不响"},
    {Text::UsedOn, "%s used on %s", "%s 用于 %s"},
    {Text::SeatFit, "%s: %s from its place, turned %s° (within %s and %s° seats it)",
     "%s：距安装位置 %s，偏转 %s°（在 %s、%s° 以内才能装入）"},
    {Text::SeatsHere, "%s: let go here and it seats", "%s：此处松手即可装入"},
    {Text::NotSeatedAt, "Not seated in %s", "未能装入 %s"},
    {Text::NotTaken, "it does not take this part", "此处不能装入该零件"},
    {Text::Occupied, "another part is in it", "已装有其他零件"},
    {Text::FarFromPlace, "%s from its place (within %s needed)", "距安装位置 %s（需在 %s 以内）"},
    {Text::TurnedFromPlace, "turned %s° (within %s° needed)", "偏转 %s°（需在 %s° 以内）"},
    {Text::ValveTurnedAlert, "%s: %d%% open", "%s：开度 %d%%"},
    {Text::Seated, "Seated: %s in %s", "已装入：%s → %s"},
    {Text::TightenedAlert, "%s: tightened, %s N·m", "%s：已拧紧，%s N·m"},
    {Text::LoosenedAlert, "%s: %u of %u turns out", "%s：已松开 %u/%u 圈"},
    {Text::EventOperated, "operated", "操作"},
    {Text::ToFreeCamera, "Switch to the free camera (V)", "切换到自由视角（V）"},
    {Text::ToLearnersView, "Back to the learner's view (V)", "回到学员视角（V）"},
    {Text::HelpReplayResetCamera, "R: free camera back to the learner's pose",
     "R：自由视角回到学员位置"},
    {Text::ReplayVerified, "Replay verified: %llu ticks, %llu checkpoints match",
     "回放已验证：%llu 个时刻、%llu 个检查点一致"},
    {Text::ReplayDiverged, "The replay differs from the session", "回放与原训练不一致"},
    {Text::MoreSteps, "... %zu more", "…… 另有 %zu 步"},
    {Text::ReportStation, "Station", "工位"},
    {Text::ReportScenario, "Scenario", "场景"},
    {Text::ReportStep, "Step", "步骤"},
    {Text::ReportDone, "Done", "完成"},
    {Text::ReportAt, "At (s)", "时刻（秒）"},
    {Text::ReportTook, "Took (s)", "用时（秒）"},
    {Text::ReportAttempts, "Attempts", "尝试次数"},
    {Text::ReportPoints, "Points", "得分"},
    {Text::ReportRule, "Rule", "规则"},
    {Text::ReportSeverity, "Severity", "严重程度"},
    {Text::ReportOutcome, "Outcome", "结果"},
    {Text::ReportNone, "None", "无"},
    {Text::ReportPrevented, "Prevented by the interlock", "被闭锁阻止"},
    {Text::ReportHappened, "It happened", "已发生"},
    {Text::ReportEnded, "Ended", "结束"},
    {Text::ReportTimeline, "Timeline", "时间线"},
    {Text::ReportViolations, "Violations", "违规"},
    {Text::ReportKeyMoments, "Key moments", "关键时刻"},
    {Text::ReportTheEnd, "The end", "结束时"},
    {Text::ReportNoPictures, "No pictures", "无图片"},
    {Text::ReportReplay, "Replay", "回放"},
    {Text::ReportReplayVerified, "verified: it re-simulates to every recorded state",
     "已验证：重新仿真与每个记录的状态一致"},
    {Text::ReportReplayFallback, "differs: scored from the events recorded in the log",
     "不一致：按日志中记录的事件评分"},
    {Text::ReportReplayNone, "not replayed: scored from the events recorded in the log",
     "未回放：按日志中记录的事件评分"},
    {Text::ReportNoEnd, "No end recorded", "未记录结束"},
    {Text::ReportActions, "Actions", "操作"},
    {Text::ReportFaults, "Faults", "故障"},
    {Text::ReplayDivergedAt, "The replay differs from the session from tick %llu",
     "回放自第 %llu 个时刻起与原训练不一致"},
    {Text::Detail, " (%s)", "（%s）"},
};
static_assert(std::size(kTable) == static_cast<std::size_t>(Text::Count_));

constexpr bool inOrder() {
  for (std::size_t i = 0; i < std::size(kTable); ++i)
    if (static_cast<std::size_t>(kTable[i].id) != i) return false;
  return true;
}
static_assert(inOrder(), "kTable must list the texts in the enum's order");
}  // namespace

const char* tr(Text text, Language language) {
  const Entry& e = kTable[static_cast<std::size_t>(text)];
  return language == Language::ChineseSimplified ? e.zh : e.en;
}

const std::string& pick(const scenario::LocalizedText& text, Language language) {
  const bool zh = language == Language::ChineseSimplified;
  const std::string& want = zh ? text.zhCN : text.en;
  return want.empty() ? (zh ? text.en : text.zhCN) : want;
}

namespace {
struct Word {
  const char* id;
  const char* en;
  const char* zh;
};
// switchgear: an open breaker or disconnector has interrupted the circuit (分闸), closed made it
constexpr Word kSwitchgearWords[] = {
    {"open", "open", "分闸"},
    {"closed", "closed", "合闸"},
    {"on", "on", "合"},
    {"off", "off", "分"},
    {"earthed", "earthed", "接地"},
    {"test", "test", "试验"},
    {"service", "service", "工作"},
    {"isolated", "isolated", "隔离"},
    {"racked-in", "racked in", "工作位置"},
    {"racked-out", "racked out", "试验位置"},
};
// locks and tags: off is where it goes, on is hung on its device
constexpr Word kLockWords[] = {{"off", "not on", "未挂"}, {"on", "on", "已挂上"}};
// everything else: doors, levers, selectors, pendant and control switches
constexpr Word kWords[] = {
    {"open", "open", "打开"},
    {"closed", "closed", "关闭"},
    {"on", "on", "开"},
    {"off", "off", "关"},
    {"up", "up", "上"},
    {"down", "down", "下"},
    {"left", "left", "左"},
    {"right", "right", "右"},
    {"start", "start", "启动"},
    {"stop", "stop", "停止"},
    {"run", "run", "运行"},
    {"auto", "auto", "自动"},
    {"manual", "manual", "手动"},
    {"local", "local", "就地"},
    {"remote", "remote", "远方"},
    {"high", "high", "高"},
    {"low", "low", "低"},
    {"fast", "fast", "快"},
    {"slow", "slow", "慢"},
    {"forward", "forward", "正向"},
    {"reverse", "reverse", "反向"},
    {"neutral", "neutral", "空挡"},
    {"raise", "raise", "升"},
    {"lower", "lower", "降"},
    {"in", "in", "进"},
    {"out", "out", "出"},
    {"locked", "locked", "锁定"},
    {"unlocked", "unlocked", "解锁"},
    {"test", "test", "试验"},
    {"reset", "reset", "复位"},
    {"connected", "connected", "接通"},
    {"disconnected", "disconnected", "断开"},
};

template <std::size_t N>
const Word* find(const Word (&words)[N], std::string_view id) {
  for (const Word& w : words)
    if (id == w.id) return &w;
  return nullptr;
}

const Word* wordFor(scenario::DeviceKind kind, std::string_view id) {
  using scenario::DeviceKind;
  switch (kind) {
    case DeviceKind::Breaker:
    case DeviceKind::Disconnector:
    case DeviceKind::EarthingSwitch:
      if (const Word* w = find(kSwitchgearWords, id)) return w;
      break;
    case DeviceKind::Lock:
    case DeviceKind::Tag:
      if (const Word* w = find(kLockWords, id)) return w;
      break;
    default: break;
  }
  return find(kWords, id);
}
}  // namespace

bool hasPositionWord(scenario::DeviceKind kind, std::string_view position) {
  return wordFor(kind, position) != nullptr;
}

std::string positionText(const scenario::DeviceDef& device, std::uint32_t position,
                         Language language) {
  if (position >= device.positions.size()) return std::to_string(position);
  const std::string& id = device.positions[position];
  if (position < device.positionLabels.size()) {
    const scenario::LocalizedText& own = device.positionLabels[position];
    if (!own.zhCN.empty() || !own.en.empty()) return pick(own, language);
  }
  if (const Word* w = wordFor(device.kind, id))
    return language == Language::ChineseSimplified ? w->zh : w->en;
  return id;
}

const char* languageCode(Language language) {
  return language == Language::ChineseSimplified ? "zh-CN" : "en";
}

std::string everyText() {
  std::string all;
  for (const Entry& e : kTable) (all += e.en) += e.zh;
  for (const auto words : {std::span<const Word>(kSwitchgearWords),
                           std::span<const Word>(kLockWords), std::span<const Word>(kWords)})
    for (const Word& w : words) (all += w.en) += w.zh;
  return all;
}

namespace {
// one code point of UTF-8 from `at` (advancing it); a bad byte is U+FFFD
char32_t nextCodePoint(std::string_view text, std::size_t& at) {
  const auto c = static_cast<unsigned char>(text[at]);
  const int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (extra < 0 || at + extra >= text.size() + (extra == 0 ? 1 : 0)) {
    ++at;
    return 0xFFFD;
  }
  char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
  at += std::size_t(extra) + 1;
  return cp;
}

bool isCjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F);
}
// may not start a line
bool isClosing(char32_t c) {
  static constexpr std::u32string_view kClosing = U"，。、；：？！”’）》」』】〕〉…—·,.;:?!)]}%";
  return kClosing.find(c) != std::u32string_view::npos;
}
// may not end a line
bool isOpening(char32_t c) {
  static constexpr std::u32string_view kOpening = U"“‘（《「『【〔〈([{";
  return kOpening.find(c) != std::u32string_view::npos;
}
}  // namespace

std::string wrapText(std::string_view text, float width, float (*advance)(char32_t, void*),
                     void* context) {
  struct Glyph {
    char32_t c;
    std::size_t begin, end;  // bytes
  };
  std::vector<Glyph> glyphs;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t begin = at;
    const char32_t c = nextCodePoint(text, at);
    glyphs.push_back({c, begin, at});
  }
  // may the line break before glyph k?
  const auto breakBefore = [&](std::size_t k) {
    if (k == 0 || k >= glyphs.size()) return false;
    const char32_t a = glyphs[k - 1].c, b = glyphs[k].c;
    if (isClosing(b) || isOpening(a)) return false;
    return a == U' ' || b == U' ' || isCjk(a) || isCjk(b);
  };
  std::string out;
  std::size_t lineStart = 0;  // glyph index
  float lineWidth = 0;
  std::size_t lastBreak = 0;  // glyph index a break may go before (0: none on this line)
  for (std::size_t k = 0; k < glyphs.size(); ++k) {
    const char32_t c = glyphs[k].c;
    if (c == U'\n') {
      out.append(text.substr(glyphs[lineStart].begin, glyphs[k].end - glyphs[lineStart].begin));
      lineStart = k + 1;
      lineWidth = 0;
      lastBreak = 0;
      continue;
    }
    if (k > lineStart && breakBefore(k)) lastBreak = k;
    const float w = advance(c, context);
    if (lineWidth + w > width && k > lineStart && c != U' ') {
      // break at the last allowed place on this line, else cut the word here
      const std::size_t at = lastBreak > lineStart ? lastBreak : k;
      std::size_t end = at;
      while (end > lineStart && glyphs[end - 1].c == U' ') --end;  // no trailing spaces
      out.append(
          text.substr(glyphs[lineStart].begin, glyphs[end - 1].end - glyphs[lineStart].begin));
      out += '\n';
      lineStart = at;
      while (lineStart < glyphs.size() && glyphs[lineStart].c == U' ') ++lineStart;
      lineWidth = 0;
      for (std::size_t j = lineStart; j <= k && j < glyphs.size(); ++j)
        lineWidth += advance(glyphs[j].c, context);
      lastBreak = 0;
      for (std::size_t j = lineStart + 1; j <= k; ++j)
        if (breakBefore(j)) lastBreak = j;
      continue;
    }
    lineWidth += w;
  }
  if (lineStart < glyphs.size()) out.append(text.substr(glyphs[lineStart].begin));
  return out;
}

}  // namespace practicum::ui
