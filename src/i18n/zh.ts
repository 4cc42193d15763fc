import type { UiStrings } from './en';

/**
 * The shape of a translation of `T`: the same keys, recursively, with every string widened to
 * `string` (the English module is `as const`, so its own type holds the English words) and every
 * function keeping its parameters. A missing or extra key, or a string where a function belongs,
 * fails the type check.
 */
export type Translation<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : { readonly [K in keyof T]: Translation<T[K]> };

/** The interface strings of any edition. */
export type UiText = Translation<UiStrings>;

/** Every interface string of the Chinese edition, key for key as in en.ts. */
export const zh: UiText = {
  siteName: 'Separable',
  tagline: '深度可分离卷积为什么让网络变得便宜——用实时计算的数字讲清楚',
  siteSubtitle: '高效卷积详解',
  /** The link to the other edition, in that edition's language. */
  langSwitch: { label: 'English', title: 'This page in English' },
  skipToContent: '跳到正文',
  mainNav: '章节',
  home: '首页',
  references: '参考文献',
  calculator: '计算器',
  lectures: '讲义',
  toolsNav: '工具',
  themeToggle: '深色主题',
  previous: '上一页',
  next: '下一页',
  contents: '目录',
  onThisPage: '本页内容',
  paramMessagesTitle: '链接中的部分参数无法按原值使用：',
  dismiss: '关闭',
  noscript: '图中显示的是默认值。开启 JavaScript 后即可拖动滑块。',
  play: '播放',
  pause: '暂停',
  previousStep: '上一步',
  nextStep: '下一步',
  stepScrubber: '步骤',
  footerNote: '本站的每一个计数都由公式精确算出；取自论文的数字都在出现处注明出处。',
  exactValueOf: (label: string) => `${label}，精确值`,
  chaptersHeading: '章节',
  scrollsFormula: '公式，可横向滚动',
  scrollsTable: '表格，可横向滚动',
  embedDescription: (title: string) => `${title}：来自 Separable 的交互式图表。`,
  openInChapter: '在 Separable 的对应章节中打开',
  deckMinutes: (m: number) => `${m} 分钟`,
  chapter: '章节',
  chapterNumber: (n: number) => `第 ${n} 章`,
  exercises: {
    heading: '自测',
    intro: '题目中的数字由下方的练习组编号决定：编号相同，数字就相同。你的答题进度只保存在本浏览器中。',
    set: '练习组',
    newNumbers: '换一组数字',
    clearProgress: '清除我的进度',
    progress: (done: number, total: number) => `本组已完成 ${done} / ${total} 题`,
    noscript: '开启 JavaScript 后可在此核对答案，也可以打印练习单。',
    answer: '你的答案',
    check: '核对',
    correct: '正确。',
    showSolution: '显示解答',
    hideSolution: '隐藏解答',
    exact: '精确值',
    threeFigures: '保留 3 位有效数字',
    guess: '你的预测',
    lock: '锁定预测',
    locked: '预测已锁定，现在看图。',
    reveal: '揭晓',
    rightGuess: '你猜对了。',
    wrongGuess: '这次没猜中。',
    choose: '请选择一项',
    pickFirst: '请先选择一个答案。',
    printSheet: '打印本章练习单',
    kinds: { compute: '计算', predict: '先预测，再揭晓', misconception: '找出错误认识' },
    sheetTitle: (chapter: string) => `练习：${chapter}`,
    sheetSet: (seed: number) => `第 ${seed} 组`,
    sheetBadSet: '练习组“{given}”不是 1 到 999,999 之间的整数，现显示第 {used} 组。',
    sheetBadCount: '组数“{given}”不是 1 到 60 之间的整数，现打印 {used} 组。',
    sheetPastLast: '练习组编号最大为 999,999，所以本页从第 {given} 组起只打印 {used} 组。',
    solutions: '详细解答',
    print: '打印',
    name: '姓名',
  },
  printedCaption: (n: number) => `取自该文献的 ${n} 个原文数字`,
  printedColumns: { where: '出处', what: '内容', printed: '原文', computed: '计算值', check: '核对', note: '说明' },
  divisorsOf: '{symbol} = {value} 的 {count} 个约数之一',
  offlineNote: '你似乎处于离线状态，本页有一部分内容未能下载。网络恢复后会自动加载完毕。',
  loadFailedNote: '本页有部分内容未能下载，稍后会自动重试；如仍失败，请刷新页面。',
};
