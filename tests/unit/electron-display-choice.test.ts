import { describe, expect, it } from 'vitest';
import { chooseCustomerDisplay, monitorChoices, parseDisplayId, samePlacement, type DisplayInfo } from '../../electron/main/display-choice';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true };
const customer: DisplayInfo = { id: 7, bounds: { x: 1920, y: 0, width: 1024, height: 768 }, primary: false };
const third: DisplayInfo = { id: 9, bounds: { x: -1280, y: 0, width: 1280, height: 1024 }, primary: false };

describe('chooseCustomerDisplay', () => {
  it('with one display, opens no customer window: the cashier screen keeps its monitor', () => {
    expect(chooseCustomerDisplay([laptop])).toEqual({ kind: 'none', displayId: null, reason: 'only one display; no customer window' });
  });

  it('with two displays, goes full screen on the one that is not primary', () => {
    expect(chooseCustomerDisplay([laptop, customer])).toMatchObject({ kind: 'fullscreen', displayId: 7, bounds: customer.bounds });
    // The order Electron lists them in does not make the primary one eligible.
    expect(chooseCustomerDisplay([customer, laptop])).toMatchObject({ kind: 'fullscreen', displayId: 7 });
  });

  it('with three displays, uses the configured one, else the first secondary', () => {
    expect(chooseCustomerDisplay([laptop, customer, third], 9)).toMatchObject({ kind: 'fullscreen', displayId: 9, bounds: third.bounds });
    expect(chooseCustomerDisplay([laptop, customer, third])).toMatchObject({ kind: 'fullscreen', displayId: 7 });
  });

  it('falls back when the configured display is unplugged, and says why', () => {
    const withSecond = chooseCustomerDisplay([laptop, customer], 42);
    expect(withSecond).toMatchObject({ kind: 'fullscreen', displayId: 7 });
    expect(withSecond.reason).toContain('42 is not attached');

    const alone = chooseCustomerDisplay([laptop], 42);
    expect(alone).toMatchObject({ kind: 'none', displayId: null });
    expect(alone.reason).toContain('42 is not attached');
  });

  it('never takes over the primary display, even when it is the configured one', () => {
    const placement = chooseCustomerDisplay([laptop, customer], 1);
    expect(placement).toMatchObject({ kind: 'fullscreen', displayId: 7 });
    expect(placement.reason).toContain('primary');
    expect(chooseCustomerDisplay([laptop], 1)).toMatchObject({ kind: 'none', reason: expect.stringContaining('primary') as string });
  });

  it('follows a change of resolution on the customer display', () => {
    const before = chooseCustomerDisplay([laptop, customer]);
    const resized: DisplayInfo = { ...customer, bounds: { x: 1920, y: 0, width: 1280, height: 800 } };
    const after = chooseCustomerDisplay([laptop, resized]);
    expect(after).toMatchObject({ kind: 'fullscreen', displayId: 7, bounds: resized.bounds });
    expect(samePlacement(before, after)).toBe(false);
    expect(samePlacement(after, chooseCustomerDisplay([laptop, resized]))).toBe(true);
  });

  it('tells a second monitor plugged in or unplugged from a change that leaves it as it is', () => {
    const alone = chooseCustomerDisplay([laptop]);
    const withCustomer = chooseCustomerDisplay([laptop, customer]);
    expect(samePlacement(alone, withCustomer)).toBe(false);
    expect(samePlacement(withCustomer, alone)).toBe(false);
    // A change of the cashier's own monitor while it is alone moves nothing.
    expect(samePlacement(alone, chooseCustomerDisplay([{ ...laptop, bounds: { x: 0, y: 0, width: 1280, height: 800 } }]))).toBe(true);
  });

  it('still answers when no display is reported, as happens briefly on some Linux desktops', () => {
    expect(chooseCustomerDisplay([])).toEqual({ kind: 'none', displayId: null, reason: 'no display reported' });
  });

  it('treats the first listed display as primary when none is flagged', () => {
    const a: DisplayInfo = { ...laptop, primary: false };
    expect(chooseCustomerDisplay([a, customer])).toMatchObject({ kind: 'fullscreen', displayId: 7 });
  });
});

describe('parseDisplayId', () => {
  it('reads a display id and ignores anything else', () => {
    expect(parseDisplayId('2779098405')).toBe(2779098405);
    expect(parseDisplayId(' 7 ')).toBe(7);
    for (const bad of [undefined, '', 'second', '-1', '1.5', '1e3']) expect(parseDisplayId(bad)).toBeUndefined();
  });
});

describe('the settings screen’s monitor picker', () => {
  it('names each monitor with its size, the cashier’s first and marked', () => {
    const choices = monitorChoices(
      [
        { id: 7, label: 'DELL P2419H', size: { width: 1920, height: 1080 } },
        { id: 3, label: '', size: { width: 800, height: 480 } },
      ],
      3,
    );
    expect(choices).toEqual([
      { id: 3, label: 'Display 2, 800\u00d7480', primary: true },
      { id: 7, label: 'Display 1: DELL P2419H, 1920\u00d71080', primary: false },
    ]);
  });
});
