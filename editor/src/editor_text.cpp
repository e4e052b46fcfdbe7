#include <practicum/editor/editor_text.hpp>

#include <array>
#include <optional>
#include <span>
#include <vector>

#include <practicum/editor/fields.hpp>
#include <practicum/scenario/names.hpp>

namespace practicum::editor {

namespace {

using ui::Language;

struct Entry {
  EditorText id;
  const char* en;
  const char* zh;
};

// the table, in the enum's order (checked below)
constexpr Entry kTable[] = {
    {EditorText::MenuFile, "File", "文件"},
    {EditorText::MenuEdit, "Edit", "编辑"},
    {EditorText::MenuView, "View", "视图"},
    {EditorText::MenuPlay, "Play", "播放"},
    {EditorText::New, "New...", "新建..."},
    {EditorText::Open, "Open...", "打开..."},
    {EditorText::Save, "Save", "保存"},
    {EditorText::SaveAs, "Save as...", "另存为..."},
    {EditorText::Quit, "Quit", "退出"},
    {EditorText::Duplicate, "Duplicate", "复制"},
    {EditorText::Delete, "Delete", "删除"},
    {EditorText::PhysicsShapes, "Physics shapes", "物理形状"},
    {EditorText::Zones, "Zones", "区域"},
    {EditorText::Sockets, "Sockets", "安装位"},
    {EditorText::JointAxes, "Joint axes", "关节轴"},
    {EditorText::FrameSelected, "Frame selected", "聚焦所选"},
    {EditorText::Snap, "Snap", "吸附"},
    {EditorText::Practice, "Practice", "练习"},
    {EditorText::Exam, "Exam", "考核"},
    {EditorText::ToolMove, "W move", "W 移动"},
    {EditorText::ToolRotate, "E rotate", "E 旋转"},
    {EditorText::ToolScale, "R scale", "R 缩放"},
    {EditorText::Unsaved, "(unsaved)", "（未保存）"},
    {EditorText::Outliner, "Outliner", "大纲"},
    {EditorText::Inspector, "Inspector", "检查器"},
    {EditorText::Procedure, "Procedure", "流程"},
    {EditorText::Assessment, "Assessment", "考评"},
    {EditorText::SelectSomething, "Select something in the outliner or the viewport.",
     "请在大纲或视口中选择一项。"},
    {EditorText::NothingSelected, "Nothing selected", "未选择任何项"},
    {EditorText::ScenarioHeading, "scenario", "场景"},
    {EditorText::Assets, "Assets", "资源"},
    {EditorText::SaveFirst, "Save the scenario first: models are copied into its folder.",
     "请先保存场景：模型会复制到场景文件夹中。"},
    {EditorText::Import, "Import", "导入"},
    {EditorText::Search, "search", "搜索"},
    {EditorText::Scenario, "Scenario", "场景"},
    {EditorText::Rubric, "Rubric", "评分标准"},
    {EditorText::Entities, "Entities", "实体"},
    {EditorText::Devices, "Devices", "设备"},
    {EditorText::Steps, "Steps", "步骤"},
    {EditorText::Rules, "Rules", "规则"},
    {EditorText::Faults, "Faults", "故障"},
    {EditorText::Indicators, "Indicators", "指示器"},
    {EditorText::Variables, "Variables", "变量"},
    {EditorText::Joints, "Joints", "关节"},
    {EditorText::Materials, "Materials", "材质"},
    {EditorText::Rename, "Rename", "重命名"},
    {EditorText::MoveUp, "Move up", "上移"},
    {EditorText::MoveDown, "Move down", "下移"},
    {EditorText::AddItem, "+ add", "+ 添加"},
    {EditorText::AddField, "+ field", "+ 字段"},
    {EditorText::AddStep, "+ step", "+ 步骤"},
    {EditorText::NothingToChoose, "(nothing to choose)", "（无可选项）"},
    {EditorText::NoChoice, "(none)", "（无）"},
    {EditorText::DeleteField, "Delete field", "删除字段"},
    {EditorText::NoProblems, "No problems", "没有问题"},
    {EditorText::Passed, "PASSED", "合格"},
    {EditorText::NotPassed, "NOT PASSED", "不合格"},
    {EditorText::StopPlaying, "Stop playing (Shift+F5)", "停止播放（Shift+F5）"},
    {EditorText::NewScenarioName, "new scenario", "新场景"},
    {EditorText::TextZh, "zh-CN", "中文"},
    {EditorText::TextEn, "en", "英文"},
    {EditorText::HintZh, "hint zh-CN", "中文提示"},
    {EditorText::HintEn, "hint en", "英文提示"},
    {EditorText::StepId, "id", "标识"},
    {EditorText::Points, "points", "分值"},
    {EditorText::Done, "done", "完成条件"},
    {EditorText::After, "after", "前置步骤"},
    {EditorText::AfterHint, "the step before it; - for none", "它之前的步骤；- 表示无"},
    {EditorText::TabCompletes, "Tab completes", "按 Tab 键补全"},
    {EditorText::ViewportErrors, "The scenario has errors: see Problems", "场景有错误：见“问题”"},
    {EditorText::ViewportLastValid,
     "showing the last valid state; the scenario has errors (see Problems)",
     "显示的是最后一次有效的状态；场景有错误（见“问题”）"},
    {EditorText::RenameInTexts, "Rename in texts", "在文本中重命名"},
    {EditorText::KeepThem, "Keep them", "保留原文"},
    {EditorText::RestoreTitle, "Restore unsaved changes?", "恢复未保存的更改？"},
    {EditorText::ANewScenario, "A new scenario", "新场景"},
    {EditorText::Restore, "Restore", "恢复"},
    {EditorText::DiscardThem, "Discard them", "丢弃"},
    {EditorText::SaveChangesTitle, "Save changes?", "保存更改？"},
    {EditorText::TheNewScenario, "the new scenario", "新场景"},
    {EditorText::DontSave, "Don't save", "不保存"},
    {EditorText::Cancel, "Cancel", "取消"},
    {EditorText::NewScenarioTitle, "New scenario", "新建场景"},
    {EditorText::OpenScenarioTitle, "Open scenario", "打开场景"},
    {EditorText::SaveAsTitle, "Save as", "另存为"},
    {EditorText::DialogId, "id", "标识"},
    {EditorText::TitleZh, "title zh-CN", "中文标题"},
    {EditorText::TitleEn, "title en", "英文标题"},
    {EditorText::ScenarioFolder, "scenario folder", "场景文件夹"},
    {EditorText::Ok, "OK", "确定"},
    {EditorText::ChangedDuringPlay, " (the document changed during play!)",
     "（播放期间文档被修改了！）"},
    {EditorText::PlayedPassed, "played: passed", "试玩结果：合格"},
    {EditorText::PlayedNotPassed, "played: not passed", "试玩结果：不合格"},
    {EditorText::SnapGrid, "grid (m)", "网格（米）"},
    {EditorText::SnapAngle, "angle (deg)", "角度（度）"},
    {EditorText::ModelFileHint, "model file (.glb .gltf .obj .stl .fbx)",
     "模型文件（.glb .gltf .obj .stl .fbx）"},
    {EditorText::UndoLabel, "Undo %s", "撤销 %s"},
    {EditorText::RedoLabel, "Redo %s", "重做 %s"},
    {EditorText::ProblemsTab, "Problems (%s)", "问题（%s）"},
    {EditorText::Required, "%s (required)", "%s（必填）"},
    {EditorText::NullValue, "%s: null", "%s：空"},
    {EditorText::ScoreLine, "score %s, %.1f s", "得分 %s，用时 %.1f 秒"},
    {EditorText::StepLine, "%s %s (%.1f s)", "%s %s（%.1f 秒）"},
    {EditorText::ViolationLine, "%.1f s  %s", "%.1f 秒  %s"},
    {EditorText::LogLine, "log: %s", "日志：%s"},
    {EditorText::Saved, "saved %s", "已保存 %s"},
    {EditorText::NotSaved, "not saved: %s", "未保存：%s"},
    {EditorText::CannotPlay, "cannot play: %s", "无法播放：%s"},
    {EditorText::AutosaveFailed, "autosave failed: %s", "自动保存失败：%s"},
    {EditorText::WindowTitle, "Practicum editor - %s%s", "Practicum 编辑器 - %s%s"},
    {EditorText::OneTextStillSays, "1 text still says \"%s\".", "有 1 处文本仍写着“%s”。"},
    {EditorText::TextsStillSay, "%zu texts still say \"%s\".", "有 %zu 处文本仍写着“%s”。"},
    {EditorText::WriteThere, "Write \"%s\" there", "改写为“%s”"},
    {EditorText::RecoveryMessage, "%s has unsaved changes from a session that did not end cleanly.",
     "%s 有上次未正常结束时留下的未保存更改。"},
    {EditorText::SaveBeforeClosing, "Save the changes to %s before closing?",
     "关闭前是否保存对 %s 的更改？"},
    {EditorText::NoNameStarts, "no name starts with %s", "没有以 %s 开头的名称"},
    {EditorText::ColumnError, "column %d: %s", "第 %d 列：%s"},
};
static_assert(std::size(kTable) == static_cast<std::size_t>(EditorText::Count_));

constexpr bool inOrder() {
  for (std::size_t i = 0; i < std::size(kTable); ++i)
    if (static_cast<std::size_t>(kTable[i].id) != i) return false;
  return true;
}
static_assert(inOrder(), "kTable must list the texts in the enum's order");

struct Word {
  const char* en;
  const char* zh;
};

// the format's field keys (scenario/fields.cpp) and what the inspector calls them in Chinese
constexpr Word kFieldLabels[] = {
    {"a", "a 端"},
    {"accepts", "可装零件"},
    {"action", "动作"},
    {"after", "前置步骤"},
    {"ambient", "环境光"},
    {"angle", "角度"},
    {"angularDamping", "角阻尼"},
    {"angularVelocity", "角速度"},
    {"at", "时刻"},
    {"author", "作者"},
    {"axis", "轴"},
    {"b", "b 端"},
    {"background", "背景色"},
    {"baseColor", "基础色"},
    {"body", "刚体"},
    {"camera", "相机"},
    {"center", "中心"},
    {"color", "颜色"},
    {"consequence", "后果"},
    {"critical", "危急"},
    {"criticalFails", "危急即不合格"},
    {"cutaway", "剖视"},
    {"description", "说明"},
    {"detects", "检测对象"},
    {"device", "设备"},
    {"devices", "设备"},
    {"direction", "方向"},
    {"distance", "距离"},
    {"done", "完成条件"},
    {"en", "英文"},
    {"entities", "实体"},
    {"entity", "实体"},
    {"far", "远裁剪面"},
    {"faults", "故障"},
    {"format", "格式版本"},
    {"fov", "视场角"},
    {"friction", "摩擦系数"},
    {"gravity", "重力"},
    {"halfExtents", "半尺寸"},
    {"height", "高度"},
    {"hint", "提示"},
    {"id", "标识"},
    {"indicators", "指示器"},
    {"initial", "初始状态"},
    {"intensity", "强度"},
    {"joint", "关节"},
    {"joints", "关节"},
    {"kind", "种类"},
    {"label", "标签"},
    {"licence", "许可证"},
    {"lights", "灯光"},
    {"limits", "限位"},
    {"linearDamping", "线性阻尼"},
    {"linearVelocity", "线速度"},
    {"lower", "下限"},
    {"major", "严重"},
    {"mass", "质量"},
    {"material", "材质"},
    {"materials", "材质"},
    {"max", "上限"},
    {"maxForce", "最大力"},
    {"metalness", "金属度"},
    {"model", "模型"},
    {"motor", "电机"},
    {"name", "名称"},
    {"near", "近裁剪面"},
    {"order", "顺序"},
    {"pass", "合格分"},
    {"penalties", "扣分"},
    {"perSecondOver", "超时每秒扣分"},
    {"physics", "物理"},
    {"pivot", "支点"},
    {"points", "分值"},
    {"position", "位置"},
    {"positions", "位置列表"},
    {"procedure", "流程"},
    {"radius", "半径"},
    {"restitution", "恢复系数"},
    {"rollingFriction", "滚动摩擦"},
    {"rotation", "旋转"},
    {"roughness", "粗糙度"},
    {"rubric", "评分标准"},
    {"rules", "规则"},
    {"scale", "缩放"},
    {"severity", "严重程度"},
    {"shape", "形状"},
    {"steps", "步骤"},
    {"style", "样式"},
    {"sun", "太阳光"},
    {"target", "目标"},
    {"targetVelocity", "目标速度"},
    {"text", "文本"},
    {"tickRate", "步进频率"},
    {"time", "时间"},
    {"timeLimit", "时限"},
    {"timeout", "超时"},
    {"title", "标题"},
    {"to", "目标位置"},
    {"tolerance", "容差"},
    {"tool", "工具"},
    {"toolType", "工具类型"},
    {"positionLabels", "位置名称"},
    {"torque", "扭矩"},
    {"trade", "工种"},
    {"transform", "变换"},
    {"turns", "圈数"},
    {"type", "类型"},
    {"unit", "单位"},
    {"upper", "上限"},
    {"value", "值"},
    {"variables", "变量"},
    {"warning", "警告"},
    {"when", "条件"},
    {"window", "时间窗"},
    {"zh-CN", "中文"},
    {"zones", "区域"},
};

// the fields' help lines (FieldSpec::help) in Chinese
constexpr Word kHelp[] = {
    {"the format version: 1", "格式版本：1"},
    {"lowercase letters a-z, digits and -", "小写字母 a-z、数字和 -"},
    {"the trade the scenario trains", "场景所训练的工种"},
    {"an SPDX identifier", "SPDX 许可证标识"},
    {"fixed steps per second, 30 to 1000", "每秒固定步数，30 至 1000"},
    {"m/s²", "米/秒²"},
    {"unique among materials", "在材质中唯一"},
    {"RGB or RGBA, each 0 to 1, linear", "RGB 或 RGBA，各分量 0 至 1，线性"},
    {"0 to 1", "0 至 1"},
    {"unique among entities", "在实体中唯一"},
    {"the collision shape, and what is drawn without a model; an entity needs a shape, a model or "
     "both",
     "碰撞形状，也是没有模型时绘制的外形；实体需要形状、模型或两者"},
    {"a model file in the scenario folder (File > Import model)",
     "场景文件夹中的模型文件（资源 > 导入）"},
    {"a material's name; required for a shape when the scenario has materials",
     "材质名称；场景有材质时形状必须指定"},
    {"a rigid body; without one the entity is only drawn", "刚体；没有刚体的实体只绘制"},
    {"drawn see-through in the player's cut-away view (key C)",
     "在播放器的剖视视图中透明显示（C 键）"},
    {"metres", "米"},
    {"Euler degrees, X then Y then Z (or a quaternion x, y, z, w)",
     "欧拉角（度），依次绕 X、Y、Z（或四元数 x, y, z, w）"},
    {"each > 0; resizes the entity's model", "各分量 > 0；缩放实体的模型"},
    {"metres, each > 0", "米，各分量 > 0"},
    {"metres, > 0", "米，> 0"},
    {"metres, along local Y", "米，沿局部 Y 轴"},
    {"kg, > 0", "千克，> 0"},
    {"≥ 0", "≥ 0"},
    {"initial, m/s", "初始值，米/秒"},
    {"initial, degrees per second", "初始值，度/秒"},
    {"unique among joints", "在关节中唯一"},
    {"the entity it moves; it needs a body", "它带动的实体；该实体需要刚体"},
    {"the entity it is attached to (another with a body); none: the world",
     "它连接到的实体（另一个有刚体的实体）；不填：连接到世界"},
    {"world space, at the initial pose", "世界坐标，初始姿态下"},
    {"world space, not zero", "世界坐标，不能为零"},
    {"hinge: degrees from the initial pose; slider: metres", "铰链：相对初始姿态的度数；滑块：米"},
    {"present: the motor is on", "有此项即电机开启"},
    {"hinge: degrees, -180 to 180; slider: metres", "铰链：度，-180 至 180；滑块：米"},
    {"hinge: degrees, -180 to 180; slider: metres; ≥ lower",
     "铰链：度，-180 至 180；滑块：米；≥ 下限"},
    {"hinge: degrees per second; slider: m/s", "铰链：度/秒；滑块：米/秒"},
    {"≥ 0; hinge: N·m, slider: N", "≥ 0；铰链：牛·米，滑块：牛"},
    {"the clear colour", "清屏颜色"},
    {"the direction the light travels", "光线传播的方向"},
    {"vertical, degrees, 0 to 180", "垂直方向，度，0 至 180"},
    {"> 0", "> 0"},
    {"> near", "> 近裁剪面"},
    {"a name conditions use", "条件中使用的名称"},
    {"what the learner points at; it needs a body", "学员指向的实体；需要刚体"},
    {"at least 2 identifiers", "至少 2 个标识"},
    {"the position it starts in; default: the first", "开始时的位置；默认：第一个"},
    {"the device it is applied to", "它作用于的设备"},
    {"what kind of tool it is", "工具的种类"},
    {"the toolType needed to operate it", "操作它所需的工具类型（toolType）"},
    {"the player's words for its positions; default: the UI's for common ones",
     "播放器显示的各位置名称；默认：界面对常见位置的用词"},
    {"a hinge with both limits whose a is this entity", "上下限都有、a 端为该实体的铰链"},
    {"N·m: a valve's turning torque (default 20); a tool's",
     "牛·米：阀门的转动扭矩（默认 20）；或工具的扭矩"},
    {"the parts that fit", "可装入的零件"},
    {"from tight to loose, 1 to 100", "从拧紧到松开的圈数，1 至 100"},
    {"degrees, 0 to 180", "度，0 至 180"},
    {"world space", "世界坐标"},
    {"written after a gauge's or display's number", "显示在仪表或显示屏的数值之后"},
    {"may use the variables before it", "可使用它之前的变量"},
    {"seconds for the whole session; 0: none", "整个训练的秒数；0：不限"},
    {"shown in practice mode", "练习模式下显示"},
    {"steps before it that it waits for; [] none (default: from the order)",
     "它要等待的前置步骤；[] 表示无（默认：按顺序）"},
    {"seconds from when the step becomes available", "从该步骤可以进行时起的秒数"},
    {"seconds: injected then (at most one of at, window, when)",
     "秒：在此时注入（at、window、when 至多一个）"},
    {"[from, to] seconds: injected at a moment drawn from the seed",
     "[起, 止] 秒：在由随机种子抽取的时刻注入"},
    {"injected when it becomes true", "条件成立时注入"},
    {"the device whose operation it guards", "它联锁保护其操作的设备"},
    {"guards only moves to this position", "只防护向这个位置的操作"},
    {"what the player shows when it is broken; none: nothing", "违反时播放器显示的后果；不填：无"},
    {"the pass mark", "合格分数线"},
    {"a critical violation fails the session", "出现危急违规即判不合格"},
    {"per ordering violation", "每次顺序错误"},
    {"per step past its time limit", "每个超过时限的步骤"},
    {"seconds, > 0", "秒，> 0"},
    {"the cap on the time penalty", "时间扣分的上限"},
};

// the list words a command's label names ("Rename device QS1 to QS2")
constexpr Word kListWords[] = {
    {"entity", "实体"}, {"device", "设备"},   {"step", "步骤"},        {"rule", "规则"},
    {"fault", "故障"},  {"zone", "区域"},     {"indicator", "指示器"}, {"variable", "变量"},
    {"joint", "关节"},  {"material", "材质"},
};

// the forms of the editor library's command labels and messages: `{}` in the English is a name
// (no empty one); `{0}` in the Chinese is the first as it is, `{w0}` the first as a list word.
// More particular forms come before more general ones.
constexpr Word kForms[] = {
    {"Add entity {}", "添加实体 {0}"},
    {"Duplicate entity as {}", "复制实体为 {0}"},
    {"Delete entity {}", "删除实体 {0}"},
    {"Delete step {}", "删除步骤 {0}"},
    {"Add a rubric", "添加评分标准"},
    {"Add to {}", "添加到 {0}"},
    {"Add {}", "添加 {0}"},
    {"Delete {}", "删除 {0}"},
    {"Set {}", "设置 {0}"},
    {"Reorder {}", "调整顺序 {0}"},
    {"Move {}", "移动 {0}"},
    {"Rotate {}", "旋转 {0}"},
    {"Scale {}", "缩放 {0}"},
    {"Import {}", "导入 {0}"},
    {"Make {} a {}", "将 {0} 改为 {1}"},
    {"Make {} {}", "将 {0} 改为 {1}"},
    {"Rename position {} to {}", "将位置 {0} 重命名为 {1}"},
    {"Rename {} {} to {}", "将{w0} {1} 重命名为 {2}"},
    {"Change the scenario's id to {}", "将场景标识改为 {0}"},
    {"Write {} for {} in the texts", "在文本中把 {1} 改写为 {0}"},
    {"Restore unsaved changes", "恢复未保存的更改"},
    {"Duplicate", "复制"},
    {"Points", "分值"},
    {"No prerequisites", "无前置步骤"},
    {"Steps in sequence", "按顺序执行步骤"},
    {"Prerequisites", "前置步骤"},
    {"{}[{}]: no such item", "{0}[{1}]：没有这一项"},
    {"{}: unknown shape type \"{}\"; expected one of: {}",
     "{0}：未知的形状类型“{1}”；应为以下之一：{2}"},
    {"{}: a {} shape is made from a model (set \"model\")",
     "{0}：{1} 形状由模型生成（请设置 model）"},
    {"save the scenario first: models are copied into its folder",
     "请先保存场景：模型会复制到场景文件夹中"},
    {"{}: the model refers to it, cannot copy ({})", "{0}：模型引用了它，无法复制（{1}）"},
    {"{}: cannot copy ({})", "{0}：无法复制（{1}）"},
    {"the scenario has no file yet: save it as a folder first",
     "场景还没有文件：请先另存为一个文件夹"},
    {"{}: no unsaved changes to restore", "{0}：没有可恢复的未保存更改"},
    {"{}: not a field of the format here", "{0}：格式在此处没有这个字段"},
    {"{}: no such object", "{0}：没有这个对象"},
    {"{}: no such entity", "{0}：没有这个实体"},
    {"no such handle on the screen", "屏幕上没有这个手柄"},
    {"this entity's rotation is a quaternion: edit it in the inspector",
     "该实体的旋转是四元数：请在检查器中编辑"},
    {"{}: no such item to rename", "{0}：没有要重命名的项"},
    {"a name cannot be empty", "名称不能为空"},
    {"{}: \"{}\" is the name of another item already", "{0}：“{1}”已是另一项的名称"},
    {"{}: no such position", "{0}：没有这个位置"},
    {"no text mentions \"{}\"", "没有文本提到“{0}”"},
};

template <std::size_t N>
const Word* find(const Word (&words)[N], std::string_view en) {
  for (const Word& w : words)
    if (en == w.en) return &w;
  return nullptr;
}

// the names `text` has in the places of form `form`'s `{}`; nullopt when it is not of the form
std::optional<std::vector<std::string_view>> match(std::string_view form, std::string_view text) {
  std::vector<std::string_view> literals;
  for (std::size_t at = 0;;) {
    const std::size_t hole = form.find("{}", at);
    literals.push_back(form.substr(at, hole == std::string_view::npos ? hole : hole - at));
    if (hole == std::string_view::npos) break;
    at = hole + 2;
  }
  if (text.substr(0, literals[0].size()) != literals[0]) return std::nullopt;
  std::vector<std::string_view> names;
  std::size_t at = literals[0].size();
  for (std::size_t k = 1; k < literals.size(); ++k) {
    const std::string_view next = literals[k];
    const bool last = k + 1 == literals.size();
    std::size_t end;
    if (last) {
      if (text.size() < at + next.size() || text.substr(text.size() - next.size()) != next)
        return std::nullopt;
      end = text.size() - next.size();
    } else {
      end = next.empty() ? std::string_view::npos : text.find(next, at + 1);
      if (end == std::string_view::npos) return std::nullopt;
    }
    if (end <= at) return std::nullopt;
    names.push_back(text.substr(at, end - at));
    at = end + next.size();
  }
  if (literals.size() == 1 && text.size() != literals[0].size()) return std::nullopt;
  return names;
}

}  // namespace

const char* tr(EditorText text, Language language) {
  const Entry& e = kTable[static_cast<std::size_t>(text)];
  return language == Language::ChineseSimplified ? e.zh : e.en;
}

std::string fieldLabel(std::string_view name, Language language) {
  if (language == Language::ChineseSimplified)
    if (const Word* w = find(kFieldLabels, name)) return w->zh;
  return std::string(name);
}

bool hasFieldLabel(std::string_view name) { return find(kFieldLabels, name) != nullptr; }

std::string typeName(scenario::FieldType type, Language language) {
  if (language != Language::ChineseSimplified) return std::string(scenario::describe(type));
  using T = scenario::FieldType;
  switch (type) {
    case T::Integer: return "整数";
    case T::Number: return "数值";
    case T::Boolean: return "是或否";
    case T::String: return "文本";
    case T::Identifier: return "名称";
    case T::Text: return "中文和英文文本";
    case T::Vec3: return "向量（x, y, z）";
    case T::Colour: return "颜色（r, g, b[, a]）";
    case T::Rotation: return "旋转（x, y, z 度）";
    case T::Condition: return "条件";
    case T::Choice: return "选项";
    case T::Entity: return "实体";
    case T::Material: return "材质";
    case T::Model: return "模型文件";
    case T::Device: return "设备";
    case T::Joint: return "关节";
    case T::Position: return "位置";
    case T::Steps: return "步骤列表";
    case T::Parts: return "零件列表";
    case T::Names: return "名称列表";
    case T::Window: return "[起, 止] 秒";
    case T::Object: return "组";
    case T::List: return "列表";
    case T::PositionTexts: return "各位置的中英文名称";
  }
  return "值";
}

std::string fieldHelp(std::string_view help, Language language) {
  if (language == Language::ChineseSimplified)
    if (const Word* w = find(kHelp, help)) return w->zh;
  return std::string(help);
}

bool hasFieldHelp(std::string_view help) { return find(kHelp, help) != nullptr; }

std::string describeField(const scenario::FieldSpec& spec, Language language) {
  if (language != Language::ChineseSimplified) return editor::describeField(spec);
  // the same parts as the English, in Chinese; the format's words stay as they are
  std::string s = std::string(spec.name) + "：" + typeName(spec.type, language);
  if (spec.type == scenario::FieldType::Choice && spec.choices)
    s += "：" + scenario::joinNames(*spec.choices, ", ");
  if (spec.required) {
    s += "，必填";
    std::string_view words = spec.requiredFor.empty() ? spec.onlyValues : spec.requiredFor;
    if (!words.empty()) s += "（" + std::string(words) + "）";
  } else if (spec.hasDefault) {
    s += "，默认 " + std::string(spec.initial);
  } else {
    s += "，可选";
  }
  if (!spec.onlyKey.empty() && spec.requiredFor.empty() && !spec.required)
    s += "；仅当 " + std::string(spec.onlyKey) + " 为 " + std::string(spec.onlyValues);
  if (!spec.help.empty()) s += " - " + fieldHelp(spec.help, language);
  return s;
}

std::string message(std::string_view english, Language language) {
  if (language != Language::ChineseSimplified) return std::string(english);
  for (const Word& form : kForms) {
    const auto names = match(form.en, english);
    if (!names) continue;
    // the Chinese with the names put in
    std::string out;
    const std::string_view zh = form.zh;
    for (std::size_t at = 0; at < zh.size();) {
      const std::size_t open = zh.find('{', at);
      const std::size_t close = open == std::string_view::npos ? open : zh.find('}', open);
      if (close == std::string_view::npos) {
        out += zh.substr(at);
        break;
      }
      out += zh.substr(at, open - at);
      std::string_view hole = zh.substr(open + 1, close - open - 1);
      const bool word = !hole.empty() && hole[0] == 'w';
      if (word) hole.remove_prefix(1);
      const std::size_t k = hole.empty() ? 0 : std::size_t(hole[0] - '0');
      const std::string_view name = k < names->size() ? (*names)[k] : std::string_view();
      const Word* w = word ? find(kListWords, name) : nullptr;
      out += w ? std::string_view(w->zh) : name;
      at = close + 1;
    }
    return out;
  }
  return std::string(english);
}

std::string everyEditorText() {
  std::string all;
  for (const Entry& e : kTable) (all += e.en) += e.zh;
  for (const auto words : {std::span<const Word>(kFieldLabels), std::span<const Word>(kHelp)})
    for (const Word& w : words) (all += w.en) += w.zh;
  for (const Word& w : kListWords) all += w.zh;
  for (const Word& w : kForms) all += w.zh;
  for (int t = 0; t <= int(scenario::FieldType::PositionTexts); ++t)
    all += typeName(scenario::FieldType(t), Language::ChineseSimplified);
  all += "：，（）必填默认可选仅当为";
  return all;
}

}  // namespace practicum::editor
