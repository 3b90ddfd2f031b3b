import { describe, expect, it } from 'vitest';
import { describeSettingsError, settingsSchema } from '../../app/settings/settings';

function problems(input: unknown): string[] {
  const result = settingsSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return describeSettingsError(result.error);
}

describe('language and sounds settings', () => {
  it('defaults to English everywhere and sounds on', () => {
    const settings = settingsSchema.parse({});
    expect(settings.language).toEqual({ display: ['en'], cashier: 'en' });
    expect(settings.sounds).toEqual({ enabled: true });
  });

  it('takes one or two display languages, in order', () => {
    expect(settingsSchema.parse({ language: { display: ['ms', 'en'] } }).language.display).toEqual(['ms', 'en']);
    expect(settingsSchema.parse({ language: { display: ['zh-Hans'] } }).language.display).toEqual(['zh-Hans']);
    expect(settingsSchema.parse({ sounds: { enabled: false } }).sounds.enabled).toBe(false);
  });

  it('names each wrong language setting', () => {
    expect(problems({ language: { display: [] } })).toEqual(['language.display must name at least one language']);
    expect(problems({ language: { display: ['en', 'ms', 'zh-Hans'] } })).toEqual(['language.display must name at most two languages (the display shows two at once)']);
    expect(problems({ language: { display: ['en', 'en'] } })).toEqual(['language.display must not name the same language twice']);
    expect(problems({ language: { display: ['zh'] } })).toEqual(['language.display.0 must be one of en, ms, zh-Hans']);
    expect(problems({ language: { cashier: 'zh' } })).toEqual(['language.cashier must be one of en, ms, zh-Hans']);
    expect(problems({ language: { cashier: 'fr' } })).toEqual(['language.cashier must be one of en, ms, zh-Hans']);
    expect(settingsSchema.parse({ language: { cashier: 'ms' } }).language.cashier).toBe('ms');
    expect(problems({ language: { displays: ['en'] } })).toEqual(['language: unknown setting(s) displays']);
    expect(problems({ sounds: { enabled: 'yes' } })).toEqual(['sounds.enabled must be true or false']);
  });
});
