import type { LookupWords } from '../lookup';

export const zh: LookupWords = {
  title: '查询顾客二维码',
  help: '粘贴顾客的 Orangepill 二维码图片（Ctrl+V），或选择图片文件。',
  reading: '正在读取二维码…',
  choose: '选择图片…',
  close: '关闭',
  noPicture: '剪贴板中没有图片：请先复制二维码图片，再粘贴到这里',
  notAPicture: '该文件不是图片：请选择二维码的 PNG 或 JPEG 图片',
  tooLarge: '图片太大，无法发送：请裁剪到只剩二维码后重试',
  unreadable: '无法打开该图片：请使用二维码的 PNG 或 JPEG 图片',
  status: '状态',
  amount: '金额',
  notStated: '未注明',
  order: '订单',
  none: '无',
  code: '代码',
  created: '创建时间',
};
