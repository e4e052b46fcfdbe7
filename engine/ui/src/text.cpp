#include <practicum/ui/text.hpp>

#include <array>

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

std::string everyText() {
  std::string all;
  for (const Entry& e : kTable) (all += e.en) += e.zh;
  return all;
}

const char* languageCode(Language language) {
  return language == Language::ChineseSimplified ? "zh-CN" : "en";
}

}  // namespace practicum::ui
