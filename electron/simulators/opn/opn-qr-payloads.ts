import type { OpnSimSourceType } from './opn-sim-methods';

/*
 * The text inside each simulated QR. Opn's docs do not show any QR's content: these follow the public
 * schemes the methods use where there is one (PromptPay's Thai QR bill payment and PayNow's SGQR are
 * EMVCo merchant-presented codes), and are otherwise plainly simulated addresses. Each is unique to
 * its charge, so a test can tell whose QR it decoded.
 */

/** One EMVCo field: two-digit id, two-digit length, value. */
function tlv(id: string, value: string): string {
  if (value.length > 99) throw new Error(`EMVCo field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE, as EMVCo's field 63 carries it: four upper-case hex digits. */
export function emvCrc(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Fields 00-62 closed by field 63, the CRC over everything before it and its own id and length. */
const withCrc = (fields: string): string => `${fields}6304${emvCrc(`${fields}6304`)}`;

/** The charge's random part, upper-cased, as a bill reference (at most 20 characters). */
const reference = (chargeId: string): string => chargeId.replace(/^chrg_(test_)?/, '').toUpperCase().slice(0, 20);

const decimal = (minor: number): string => (minor / 100).toFixed(2);

interface QrCharge {
  readonly id: string;
  readonly amount: number;
  readonly currency: string;
  readonly expires_at: string;
}

/** A realistic Atome QR payload: a pay link on the country's Atome domain, unique to the charge. */
export function atomeQrPayload(chargeId: string, currency: string): string {
  return `https://qr.atome.${currency === 'MYR' ? 'my' : 'sg'}/pay/${chargeId}`;
}

/** A dynamic Thai QR bill payment (tag 30, PromptPay's AID), in THB, referencing the charge. */
function promptPayPayload(c: QrCharge): string {
  const merchant = tlv('00', 'A000000677010112') + tlv('01', '010556199999901') + tlv('02', reference(c.id));
  return withCrc(tlv('00', '01') + tlv('01', '12') + tlv('30', merchant) + tlv('53', '764') + tlv('54', decimal(c.amount)) + tlv('58', 'TH'));
}

/** A dynamic SGQR PayNow code to a company's UEN, amount fixed, expiring on the charge's date. */
function payNowPayload(c: QrCharge): string {
  const expiry = c.expires_at.slice(0, 10).replace(/-/g, '');
  const paynow = tlv('00', 'SG.PAYNOW') + tlv('01', '2') + tlv('02', '201999999Z') + tlv('03', '0') + tlv('04', expiry);
  return withCrc(
    tlv('00', '01') + tlv('01', '12') + tlv('26', paynow) + tlv('52', '0000') + tlv('53', '702') + tlv('54', decimal(c.amount)) +
      tlv('58', 'SG') + tlv('59', 'OPN SIMULATED SHOP') + tlv('60', 'Singapore') + tlv('62', tlv('01', reference(c.id))),
  );
}

/** The QR text of a charge of the given source type. */
export function qrPayloadFor(type: OpnSimSourceType, charge: QrCharge): string {
  switch (type) {
    case 'atome_qr':
      return atomeQrPayload(charge.id, charge.currency);
    case 'promptpay':
      return promptPayPayload(charge);
    case 'paynow':
      return payNowPayload(charge);
    case 'truemoney_qr':
    case 'wechat_pay_mpm':
    case 'alipayplus_mpm':
      return `https://qr.opn-simulator.invalid/${type}/${charge.id}`;
  }
}
