import type { SavedFieldIssue, SettingsSaid } from '../../../../app/i18n/said/settings';
import type { SaidFormat, SaidWordsFor } from '../said';
import { wordWithin } from '../said-within';
import { connection } from './said-connection';
import { keyStorage } from './said-key-storage';

const EMPTY = { none: '', leave_unset: '（如不需要，请保持未设置）', no_logo: '（如不印标志文字，请保持未设置）' } as const;

const MIB = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
const UNREADABLE = {
  folder: '是文件夹，不是文件',
  pipe: '是命名管道（FIFO），不是普通文件，因此未读取（读取它可能会无限等待）',
  device: '是设备，不是普通文件，因此未读取',
  socket: '是套接字，不是普通文件，因此未读取',
  not_regular: '不是普通文件，因此未读取',
  link: '是符号链接；数据文件夹中的文件必须是普通文件，因此未读取（请删除该链接）',
  link_loop: '是符号链接循环',
  permission: '无法读取：此用户账户没有权限',
} as const;

/** One field of saved settings that does not fit, its own problem worded as beneath the field (`whole`: the name for no path). */
const issue = (i: SavedFieldIssue, f: SaidFormat, whole: string): string =>
  'unknown' in i
    ? `${i.path === '' ? '' : `${i.path}: `}未知设置 ${i.unknown.join(', ')}`
    : `${i.path === '' ? whole : i.path} ${i.said === null ? i.message : wordWithin(zh, i.said, f)}`;

export const zh: SaidWordsFor<SettingsSaid> = {
  sale_in_progress: ({ amount }, f) => `一笔 ${f.money(amount)} 的销售正在进行：请先完成或取消，再更改设置（未保存任何内容）`,
  not_written: ({ file, reason }) => `设置无法保存到 ${file}：${reason}`,
  restart_failed: ({ reason }) => `终端无法按新设置启动（${reason}）；已恢复使用之前的设置`,
  screen_settings_not_json: ({ file }) => `${file} 不是有效的 JSON，因此未使用在屏幕上保存的设置`,
  keys_file_damaged: ({ file, problem }) => `${file} 已损坏（${problem === 'not_json' ? '不是有效的 JSON' : '内容不符合预期'}）；请重新设置支付服务商密钥`,
  paired_displays_damaged: ({ file, problem }) =>
    `${file} 已损坏（${problem === 'not_json' ? '不是有效的 JSON' : '内容不符合预期'}）：已配对的显示屏须重新配对，信息亭收银链接将被替换`,
  saved_file_unreadable: ({ file, reason, code }) => `已保存的文件 ${file} ${reason === 'other' ? `无法读取（${code ?? '未知错误'}）` : UNREADABLE[reason]}`,
  saved_file_too_large: ({ file, size, max, grew }) =>
    `已保存的文件 ${file} ${grew ? `大于 ${MIB(max)}，因此未读取` : `大小为 ${MIB(size)}；最多读取 ${MIB(max)}，因此未读取（这是正确的文件吗？）`}`,
  screen_settings_wrong: ({ file, issues }, f) => `${file}：${issues.map((i) => issue(i, f, '设置')).join('；')}；未使用在屏幕上保存的设置`,
  saved_settings_do_not_fit: ({ fields }, f) => `此终端上保存的设置与设置文件不符（${fields.map((i) => issue(i, f, '')).join('；')}）；在重新保存设置之前，使用设置文件中的设置`,
  pos_cannot_listen: ({ host, port, inUse, reason }) => `POS API 无法在 ${host} 端口 ${String(port)} 上接受连接：${inUse ? `该端口已被其他程序占用（${reason}）` : reason}`,
  pos_lan_no_folder: () => 'POS API 只能通过 TLS 在局域网上接受连接，且证书须保存在数据文件夹中，而此终端没有数据文件夹：它不接受任何连接。本机上的收银台请使用 "loopback"',
  pos_certificate_unusable: ({ reason }) => `POS API 无法在局域网上接受连接：无法读取或生成其证书（${reason}）`,
  ...keyStorage,
  ...connection,
  field_empty: ({ hint }) => `不能为空${EMPTY[hint]}`,
  field_too_long: ({ max, hint }) => `最多 ${String(max)} 个字符${hint === 'double_width' ? '（以双倍宽度打印）' : ''}`,
  field_four_lines: () => '最多四行',
  field_not_url: () => '必须是 http(s) 网址',
  field_url_not_https: () => '必须是 https:// 地址：每个请求都会把密钥发送到此地址（普通 http:// 仅限本机，例如 http://127.0.0.1:8080）',
  field_not_alias: () => '必须是别名，例如 @my_shop',
  field_not_opn_key: () => '必须是 Opn 密钥（skey_…）',
  field_not_orangepill_key: () => '必须是 Orangepill 控制台中的 API 密钥（至少 8 个字符）',
  field_not_api_version: () => '必须是 API 版本日期，例如 2019-05-29',
  field_seconds_not_number: () => '必须是秒数',
  field_seconds_not_whole: () => '必须是整数秒',
  field_seconds_at_least: ({ min }) => `至少 ${String(min)} 秒`,
  field_seconds_at_most: ({ max }) => `最多 ${String(max / 3600)} 小时（${String(max)} 秒）`,
  field_languages_none: () => '请至少选择一种语言',
  field_languages_too_many: () => '最多选择两种语言（显示屏同时显示两种）',
  field_languages_twice: () => '不能两次选择同一种语言',
  field_not_currency: () => '必须是受支持的 ISO 4217 货币代码，例如 SGD',
  field_not_locale: () => '必须是本系统认识的 BCP 47 区域代码，例如 en-SG',
  field_alias_with_key: () => '必须与 API 密钥一起设置：每个请求都需要收款别名',
  field_true_false: () => '必须是 true 或 false',
  field_not_port: () => '必须是端口号（0 到 65535）',
  field_pos_bind: () => '必须是 "loopback"（仅本机）或 "lan"（店内网络，经 TLS）',
  field_not_ipv4: () => '必须是本机的 IPv4 地址，例如 192.168.1.20（不设置则监听全部地址）',
  field_not_a_setting: () => '这不是一项设置',
  field_set_by_environment: ({ variable }) => `由环境变量 ${variable} 设置；请在那里更改`,
  field_url_key_in_environment: ({ variable }) => `密钥由环境变量 ${variable} 设置时无法更改地址：请同时在那里设置地址`,
  field_key_again: ({ url }) => `必须重新输入密钥才能发送到 ${url}：密钥只会发送到设置它时的地址`,
  field_consent: ({ storage }, f) => `必须勾选此项才能在此保存密钥：${wordWithin(keyStorage, storage, f)}`,
};
