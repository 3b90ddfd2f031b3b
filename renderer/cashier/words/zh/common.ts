import type { CommonWords } from '../common';

export const zh: CommonWords = {
  waitingForTerminal: '正在等待终端…',
  demoBanner: '演示模式 — 模拟付款，不涉及真实资金',
  appName: '二维码收银终端',
};
