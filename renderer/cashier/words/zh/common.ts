import type { CommonWords } from '../common';

const SIMULATED = '模拟';

export const zh: CommonWords = {
  waitingForTerminal: '正在等待终端…',
  demoBanner: '演示模式 — 模拟付款，不涉及真实资金',
  appName: '二维码收银终端',
  pageTitle: '收银台 — 二维码收银终端',
  connection: {
    connecting: '正在连接终端…',
    reconnecting: '与终端的连接已断开 — 正在重新连接…',
    unauthorized: '请用终端打印的链接（含令牌）打开此页面',
  },
  lostConnection: '与终端的连接已断开',
  noAnswer: '终端未能及时回应',
  notConnected: '未连接到终端：请等连接恢复后再试',
  couldNotReadState: (reason) => `无法读取终端状态：${reason}`,
  details: '详情',
  back: '返回',
  confirmHint: (acceptLabel) => `按 Enter 或 Esc 返回。如要继续，请点按“${acceptLabel}”，或按 Tab 移到该按钮再按空格键。`,
  simulated: SIMULATED,
  simulatedMethod: (name) => `${name}（${SIMULATED}）`,
};
