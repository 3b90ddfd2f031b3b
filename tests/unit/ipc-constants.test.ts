import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LOOKUP_IMAGE_BASE64, WS_CLOSE, WS_PATH } from '../../app/ipc/constants';
import { commandSchemas } from '../../app/ipc/contract';
import * as protocol from '../../app/ipc/ws-protocol';

describe("the contract's plain constants", () => {
  it('import nothing, so a screen that uses them never bundles zod', () => {
    const source = readFileSync(new URL('../../app/ipc/constants.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export\s+.*\s+from)\b/m);
  });

  it('are the ones the protocol and the schemas use', () => {
    expect(protocol.WS_PATH).toBe(WS_PATH);
    expect(protocol.WS_CLOSE).toBe(WS_CLOSE);
    const tooLarge = commandSchemas.lookupRequest.safeParse({ imageBase64: 'A'.repeat(MAX_LOOKUP_IMAGE_BASE64 + 4) });
    expect(tooLarge.success).toBe(false);
    expect(tooLarge.error?.issues[0]?.message).toMatch(new RegExp(`^is too large: at most ${String(MAX_LOOKUP_IMAGE_BASE64)} characters`));
  });
});
