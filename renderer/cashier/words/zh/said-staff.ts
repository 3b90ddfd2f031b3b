import type { ManagerAction, PinRefusalSaid, StaffSaid } from '../../../../app/i18n/said/staff';
import type { Money } from '../../../../app/money/money';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';

/** "8 秒", "2 分钟": the wait before the next PIN. */
const wait = (ms: number): string => {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 90 ? `${String(seconds)} 秒` : `${String(Math.ceil(seconds / 60))} 分钟`;
};

const ACTION: Readonly<Record<ManagerAction, string>> = {
  refund: '退款',
  closeDay: '日结',
  saveDeviceSettings: '更改设备设置',
  saveSettings: '更改设置',
  testConnection: '测试支付服务商密钥',
  saveStaff: '更改员工名单',
  resolveParked: '将挂起的销售标记为未付款并了结',
  approveDisplay: '配对顾客显示屏',
  revokeDisplay: '取消配对顾客显示屏',
  createPosClient: '创建POS密钥',
  revokePosClient: '撤销POS密钥',
  newPosCertificate: '更换POS API证书',
};

const needed = (need: { action: ManagerAction; amount: Money | null }, f: SaidFormat): string =>
  `需要经理的 PIN 才能${need.amount === null ? ACTION[need.action] : `退款 ${f.money(need.amount)}`}`;

const pin: SaidWordsFor<PinRefusalSaid> = {
  choose_who: () => '请从列表中选择您的名字',
  wrong_pin: ({ name, waitMs }) => (waitMs === 0 ? `${name} 的 PIN 不正确` : `${name} 的 PIN 不正确：请在 ${wait(waitMs)}后重试`),
  too_many_wrong: ({ waitMs }) => `PIN 错误次数过多：请在 ${wait(waitMs)}后重试`,
};

export const zh: SaidWordsFor<StaffSaid> = {
  sign_in_first: () => '请先用您的 PIN 登录',
  ...pin,
  manager_needed: (said, f) => needed(said, f),
  manager_pin_refused: (said, f) => `${needed(said, f)}：${wordWithin(pin, said.refusal, f)}`,
  not_a_manager: (said, f) => `${needed(said, f)}：${said.name} 不是经理`,
  staff_file_damaged: ({ file, problem }) =>
    `${file} 已损坏（${problem === 'not_json' ? '不是有效的 JSON' : '内容不符合预期'}）：无法读取员工名单，因此在从备份恢复该文件（或删除它，以不设员工重新开始）之前，退款、日结和更改设置都会被拒绝。`,
  staff_not_written: ({ file, reason }) => `员工名单无法保存到 ${file}：${reason}`,
  field_pin_format: () => '必须是 4 到 8 位数字的 PIN',
  field_staff_id: () => '必须是由小写字母、数字、- 和 _ 组成的简短 ID（例如 "mei"）',
  field_plain_text: () => '只能是纯文本',
  field_id_twice: ({ id }) => `被使用了两次：${id}`,
  field_pin_for_new: () => '新员工必须设置 PIN',
  field_one_manager: () => '名单中必须至少有一位经理：没有经理，就没有人能退款、日结或更改设置',
};
