import type { ConnectionSaid, ProviderProblem } from '../../../../app/i18n/said/settings';
import { OPN_METHOD_IDS, OPN_METHODS } from '../../../../app/providers/opn/opn-methods';
import type { SaidWordsFor } from '../said';

const PROVIDER = { opn: 'Opn', orangepill: 'Orangepill' } as const;
const KEY = { opn: 'kunci rahsia Opn', orangepill: 'kunci API Orangepill' } as const;
const NOT_A_KEY = { opn: 'kunci rahsia Opn: ia bermula dengan skey_', orangepill: 'kunci API Orangepill: panjangnya sekurang-kurangnya 8 aksara' } as const;
const name = (id: keyof typeof OPN_METHODS): string => OPN_METHODS[id].names.ms;

/** What went wrong with the test, by the provider client's kind of problem. */
const FAILED: Readonly<Record<ProviderProblem, (provider: string) => string>> = {
  auth: (p) => `${p} menolak kunci ini; semak kunci itu dan cuba lagi`,
  network: (p) => `Tidak dapat menghubungi ${p}; semak sambungan rangkaian dan URL asas`,
  timeout: (p) => `${p} tidak menjawab dalam masa yang ditetapkan; cuba lagi sebentar lagi`,
  rejected: (p) => `${p} menolak permintaan ujian ini`,
  not_found: (p) => `${p} tidak menemui alamat yang diminta; semak URL asas`,
  rate_limited: (p) => `${p} sedang menerima terlalu banyak permintaan; cuba lagi sebentar lagi`,
  server: (p) => `${p} mengalami masalah pelayan; cuba lagi kemudian`,
  invalid_response: (p) => `${p} memberi jawapan yang tidak dijangka; semak URL asas`,
  outcome_unknown: (p) => `${p} tidak memberitahu hasil ujian; cuba lagi`,
};

/** "Test connection" answers; the provider's own sentence follows as it came. */
export const connection: SaidWordsFor<ConnectionSaid> = {
  test_no_key: ({ provider }) => `Tiada ${KEY[provider]} ditetapkan: taip kunci itu, kemudian ujinya`,
  test_not_a_key: ({ provider }) => `Itu bukan ${NOT_A_KEY[provider]}`,
  test_url_locked: ({ provider, variable, inForce }) =>
    `URL asas ${PROVIDER[provider]} ditetapkan oleh pemboleh ubah persekitaran ${variable} (${inForce}); ia tidak boleh ditukar dari skrin ini`,
  test_type_key: ({ provider, url, inForce }) =>
    `Taip kunci ${PROVIDER[provider]} untuk mengujinya di ${url}: kunci yang sedang digunakan hanya dihantar ke ${inForce}`,
  test_failed: ({ provider, problem, detail }) => `${FAILED[problem](PROVIDER[provider])}. (Butiran: ${detail})`,
  test_orangepill_ok: ({ url }) => `Orangepill menerima kunci di ${url}`,
  test_opn_ok: ({ url, testKey, methods, methodsDetail, gone }, f) => {
    const mode = testKey ? ' (kunci ujian: tiada wang sebenar terlibat)' : '';
    const offers =
      methods === null
        ? `Opn tidak menyatakan kaedah QR yang ada pada akaun ini: ${methodsDetail ?? ''}.`
        : methods.length === 0
          ? `Akaun ini tidak menawarkan mana-mana kaedah QR yang diterima terminal (${OPN_METHOD_IDS.map(name).join(', ')}).`
          : `Akaun ini menawarkan ${methods.map((m) => `${name(m.id)} (${m.currencies.join(', ')})`).join(', ')}.`;
    const lost = gone.map(
      (g) =>
        `Opn tidak lagi menawarkan ${name(g.id)} pada akaun ini (disedari pada ${f.date(g.since)}), jadi terminal tidak menawarkannya. Minta Opn mengaktifkan ${name(g.id)} semula, kemudian tekan Uji sambungan dalam Tetapan.`,
    );
    return [`Opn menerima kunci di ${url}${mode}. ${offers}`, ...lost].join(' ');
  },
};
