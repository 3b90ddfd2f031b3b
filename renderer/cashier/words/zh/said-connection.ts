import type { ConnectionSaid, ProviderProblem } from '../../../../app/i18n/said/settings';
import { OPN_METHOD_IDS, OPN_METHODS } from '../../../../app/providers/opn/opn-methods';
import type { SaidWordsFor } from '../said';

const PROVIDER = { opn: 'Opn', orangepill: 'Orangepill' } as const;
const KEY = { opn: 'Opn 密钥（secret key）', orangepill: 'Orangepill API 密钥' } as const;
const NOT_A_KEY = { opn: 'Opn 密钥：它以 skey_ 开头', orangepill: 'Orangepill API 密钥：它至少有 8 个字符' } as const;
const name = (id: keyof typeof OPN_METHODS): string => OPN_METHODS[id].names['zh-Hans'];

/** What went wrong with the test, by the provider client's kind of problem. */
const FAILED: Readonly<Record<ProviderProblem, (provider: string) => string>> = {
  auth: (p) => `${p} 拒绝了此密钥；请检查密钥后重试`,
  network: (p) => `无法连接 ${p}；请检查网络连接和基础 URL`,
  timeout: (p) => `${p} 未及时回应；请稍后重试`,
  rejected: (p) => `${p} 拒绝了这次测试请求`,
  not_found: (p) => `${p} 找不到所请求的地址；请检查基础 URL`,
  rate_limited: (p) => `${p} 当前请求过多；请稍后重试`,
  server: (p) => `${p} 的服务器出现问题；请稍后重试`,
  invalid_response: (p) => `${p} 的回应不符合预期；请检查基础 URL`,
  outcome_unknown: (p) => `${p} 没有说明测试结果；请重试`,
};

/** "Test connection" answers; the provider's own sentence follows as it came. */
export const connection: SaidWordsFor<ConnectionSaid> = {
  test_no_key: ({ provider }) => `尚未设置 ${KEY[provider]}：请先输入密钥，再进行测试`,
  test_not_a_key: ({ provider }) => `这不是 ${NOT_A_KEY[provider]}`,
  test_url_locked: ({ provider, variable, inForce }) => `${PROVIDER[provider]} 的基础 URL 由环境变量 ${variable} 设置（${inForce}）；无法在此页面更改`,
  test_type_key: ({ provider, url, inForce }) => `要在 ${url} 测试，请输入 ${PROVIDER[provider]} 密钥：当前使用的密钥只会发送到 ${inForce}`,
  test_failed: ({ provider, problem, detail }) => `${FAILED[problem](PROVIDER[provider])}。（详情：${detail}）`,
  test_orangepill_ok: ({ url }) => `Orangepill 已在 ${url} 接受该密钥`,
  test_opn_ok: ({ url, testKey, methods, methodsDetail, gone }, f) => {
    const mode = testKey ? '（测试密钥：不涉及真实款项）' : '';
    const offers =
      methods === null
        ? `Opn 未说明此账户有哪些二维码付款方式：${methodsDetail ?? ''}。`
        : methods.length === 0
          ? `此账户不提供终端支持的任何二维码付款方式（${OPN_METHOD_IDS.map(name).join('、')}）。`
          : `此账户提供：${methods.map((m) => `${name(m.id)}（${m.currencies.join('、')}）`).join('、')}。`;
    const lost = gone.map(
      (g) =>
        `Opn 已不再为此账户提供 ${name(g.id)}（发现于 ${f.date(g.since)}），因此终端不再提供该方式。请联系 Opn 重新开通 ${name(g.id)}，然后在“设置”中按“测试连接”。`,
    );
    return `Opn 已在 ${url} 接受该密钥${mode}。${offers}${lost.join('')}`;
  },
};
